/* The function symbols an object defines (.dynsym and .symtab), for -x and for naming. */
#ifndef LTRACE_SYMBOLS_H
#define LTRACE_SYMBOLS_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

#include "common/taddr.h"

struct func_symbol {
	char *name;    /* without version */
	taddr_t value; /* link-time address (for an IFUNC: its resolver) */
	bool ifunc;    /* STT_GNU_IFUNC */
	bool global;   /* exported (in .dynsym or global binding) */
};

/* Read every defined function symbol of both tables, each (name, value) once, sorted by
 * value. The caller owns *out (free with symbols_free). */
void symbols_read(Elf *elf, struct func_symbol **out, size_t *n, bool *has_symtab);
void symbols_free(struct func_symbol *syms, size_t n);

/* A symbol whose value is addr (prefer an exported one), or NULL. syms sorted by value. */
const struct func_symbol *symbols_at(const struct func_symbol *syms, size_t n, taddr_t addr);

/* The exported function symbol named name, or NULL (linear). */
const struct func_symbol *symbols_find(const struct func_symbol *syms, size_t n,
				       const char *name);

#endif
