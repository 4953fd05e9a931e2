/*
 * The function symbols of one ELF object (.symtab and .dynsym), to name addresses: static
 * functions of a program have a name only in .symtab.
 */
#ifndef LTRACE_SYMTAB_H
#define LTRACE_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>

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

/* The binary-search table of the object's unwind information (.eh_frame_hdr), at
 * link-time addresses. */
struct symtab_eh {
	taddr_t hdr;             /* .eh_frame_hdr: its table's addresses are relative to it */
	taddr_t table;           /* the table: count pairs of 32-bit (start, FDE) */
	size_t count;
	taddr_t text_lo, text_hi; /* the executable segments */
};
/* NULL when the object has no such table (or one in another encoding). */
const struct symtab_eh *symtab_eh_table(const struct symtab *st);

/*
 * The function containing link-time address addr: its name (valid while st lives) and
 * start. False when no function symbol covers addr.
 */
bool symtab_lookup(const struct symtab *st, taddr_t addr, const char **name, taddr_t *start);

#endif
