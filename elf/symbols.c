#include "elf/symbols.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

struct symlist {
	struct func_symbol *v;
	size_t n, cap;
};

/* One clone suffix at s (".isra.0"): its length, 0 if there is none; *kind raised to
 * what it says. */
static size_t clone_suffix(const char *s, enum clone_kind *kind)
{
	static const struct { const char *word; bool numbered; enum clone_kind kind; } suffixes[] = {
		{ ".localalias", false, CLONE_ALIAS },  { ".isra", true, CLONE_CHANGED },
		{ ".constprop", true, CLONE_CHANGED }, { ".part", true, CLONE_CHANGED },
		{ ".cold", false, CLONE_COLD },
	};

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t n = strlen(suffixes[i].word);
		if (strncmp(s, suffixes[i].word, n) != 0)
			continue;
		/* .isra.N needs its number; .cold.N (older gcc) may have one */
		size_t digits = s[n] == '.' ? strspn(s + n + 1, "0123456789") : 0;
		if (digits > 0)
			n += 1 + digits;
		else if (suffixes[i].numbered)
			continue;
		if (s[n] != '\0' && s[n] != '.')
			continue;
		if (suffixes[i].kind > *kind)
			*kind = suffixes[i].kind;
		return n;
	}
	return 0;
}

size_t symbol_source_len(const char *name, enum clone_kind *kind)
{
	size_t len = strlen(name);

	for (const char *dot = strchr(name, '.'); dot != NULL; dot = strchr(dot + 1, '.')) {
		enum clone_kind k = CLONE_NONE;
		const char *s = dot;
		size_t n;
		while (*s != '\0' && (n = clone_suffix(s, &k)) > 0)
			s += n;
		if (*s == '\0' && dot != name) {
			*kind = k;
			return (size_t)(dot - name);
		}
	}
	*kind = CLONE_NONE;
	return len;
}

static void add(struct symlist *l, const char *name, const GElf_Sym *sym, bool dynamic)
{
	size_t len = strcspn(name, "@");

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	struct func_symbol *f = &l->v[l->n++];
	*f = (struct func_symbol){
		.name = xstrndup(name, len),
		.value = sym->st_value,
		.size = sym->st_size,
		.ifunc = GELF_ST_TYPE(sym->st_info) == STT_GNU_IFUNC,
		.global = dynamic || GELF_ST_BIND(sym->st_info) != STB_LOCAL,
	};
	size_t source = symbol_source_len(f->name, &f->clone);
	f->source = f->clone != CLONE_NONE ? xstrndup(f->name, source) : f->name;
}

static void free_symbol(struct func_symbol *f)
{
	if (f->source != f->name)
		free((char *)f->source);
	free(f->name);
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
			free_symbol(&l.v[i]);
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
		free_symbol(&syms[i]);
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
