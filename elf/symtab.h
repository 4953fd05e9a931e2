/*
 * The function symbols of one ELF object (.symtab and .dynsym), to name addresses: static
 * functions of a program have a name only in .symtab.
 */
#ifndef LTRACE_SYMTAB_H
#define LTRACE_SYMTAB_H

#include <stdbool.h>

#include "common/taddr.h"

struct symtab;

/* Read the object at path; NULL if it is not a readable ELF file. Free with symtab_free. */
struct symtab *symtab_open(const char *path);
void symtab_free(struct symtab *st);

/*
 * The load bias of the object when the file offset off is mapped at start (from
 * /proc/PID/maps): add it to a link-time address to get a run-time one.
 */
taddr_t symtab_bias(const struct symtab *st, taddr_t start, taddr_t off);

/*
 * The function containing link-time address addr: its name (valid while st lives) and
 * start. False when no function symbol covers addr.
 */
bool symtab_lookup(const struct symtab *st, taddr_t addr, const char **name, taddr_t *start);

#endif
