/* The function symbols an object defines (.dynsym and .symtab), for -x and for naming. */
#ifndef LTRACE_SYMBOLS_H
#define LTRACE_SYMBOLS_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

#include "common/taddr.h"

/*
 * gcc's names for copies of a function it made: NAME.localalias (the same code under a
 * local name), NAME.isra.N, NAME.constprop.N, NAME.part.N (clones whose parameters may
 * differ from the source's), NAME.cold (the cold part of NAME: jumped to, never called),
 * and combinations of them (NAME.constprop.0.isra.0, NAME.part.0.cold).
 */
enum clone_kind {
	CLONE_NONE,    /* not a clone name */
	CLONE_ALIAS,   /* .localalias: the function itself */
	CLONE_CHANGED, /* .isra, .constprop, .part: its parameters may be other ones */
	CLONE_COLD,    /* .cold: not an entry */
};

/* The length of name's source name (NAME above; strlen(name) when it has no clone
 * suffix), and what the suffix says in *kind. */
size_t symbol_source_len(const char *name, enum clone_kind *kind);

struct func_symbol {
	char *name;    /* without version */
	const char *source; /* name without a clone suffix (name itself when it has none) */
	enum clone_kind clone;
	taddr_t value; /* link-time address (for an IFUNC: its resolver) */
	taddr_t size;  /* bytes of code (st_size; 0: unknown) */
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
