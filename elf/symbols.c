#include "elf/symbols.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

struct symlist {
	struct func_symbol *v;
	size_t n, cap;
};

static void add(struct symlist *l, const char *name, const GElf_Sym *sym, bool dynamic)
{
	size_t len = strcspn(name, "@");

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = (struct func_symbol){
		.name = xstrndup(name, len),
		.value = sym->st_value,
		.ifunc = GELF_ST_TYPE(sym->st_info) == STT_GNU_IFUNC,
		.global = dynamic || GELF_ST_BIND(sym->st_info) != STB_LOCAL,
	};
}

static void read_table(Elf *elf, Elf_Scn *scn, const GElf_Shdr *sh, struct symlist *l)
{
	Elf_Data *data = elf_getdata(scn, NULL);

	if (data == NULL || sh->sh_entsize == 0)
		return;
	size_t count = sh->sh_size / sh->sh_entsize;
	for (size_t i = 1; i < count; i++) {
		GElf_Sym sym;
		if (gelf_getsym(data, (int)i, &sym) == NULL || sym.st_shndx == SHN_UNDEF ||
		    sym.st_value == 0)
			continue;
		int type = GELF_ST_TYPE(sym.st_info);
		if (type != STT_FUNC && type != STT_GNU_IFUNC)
			continue;
		const char *name = elf_strptr(elf, sh->sh_link, sym.st_name);
		if (name != NULL && *name != '\0')
			add(l, name, &sym, sh->sh_type == SHT_DYNSYM);
	}
}

static int by_value_then_name(const void *a, const void *b)
{
	const struct func_symbol *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (x->global != y->global)
		return x->global ? -1 : 1; /* the exported name first */
	return strcmp(x->name, y->name);
}

void symbols_read(Elf *elf, struct func_symbol **out, size_t *n, bool *has_symtab)
{
	struct symlist l = { NULL, 0, 0 };
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	*has_symtab = false;
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		if (gelf_getshdr(scn, &sh) == NULL)
			continue;
		if (sh.sh_type == SHT_SYMTAB)
			*has_symtab = true;
		if (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_DYNSYM)
			read_table(elf, scn, &sh, &l);
	}
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), by_value_then_name);
	/* The same function in both tables: keep one. */
	size_t kept = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (kept > 0 && l.v[kept - 1].value == l.v[i].value &&
		    strcmp(l.v[kept - 1].name, l.v[i].name) == 0) {
			free(l.v[i].name);
			continue;
		}
		l.v[kept++] = l.v[i];
	}
	*out = l.v;
	*n = kept;
}

void symbols_free(struct func_symbol *syms, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(syms[i].name);
	free(syms);
}

const struct func_symbol *symbols_at(const struct func_symbol *syms, size_t n, taddr_t addr)
{
	size_t lo = 0, hi = n;

	while (lo < hi) { /* the first symbol with value >= addr */
		size_t mid = lo + (hi - lo) / 2;
		if (syms[mid].value < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	const struct func_symbol *best = NULL;
	for (; lo < n && syms[lo].value == addr; lo++) /* an IFUNC's own name first */
		if (best == NULL || (syms[lo].ifunc && !best->ifunc))
			best = &syms[lo];
	return best;
}

const struct func_symbol *symbols_find(const struct func_symbol *syms, size_t n,
				       const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (syms[i].global && strcmp(syms[i].name, name) == 0)
			return &syms[i];
	return NULL;
}
