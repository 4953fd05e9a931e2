#include "elf/plt.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "sysdeps/arch.h"

struct slot_name {
	taddr_t slot;
	const char *name; /* points into the ELF's string table */
	bool func;        /* the symbol is a function (not data such as stdout) */
	bool stub;        /* a PLT stub jumps through it */
	bool irelative;   /* an IRELATIVE relocation: bound when the object is relocated */
};

struct slot_names {
	struct slot_name *v;
	size_t n, cap;
};

static int by_slot(const void *a, const void *b)
{
	const struct slot_name *x = a, *y = b;

	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

static Elf_Scn *find_section(Elf *elf, const char *name, GElf_Shdr *sh)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return NULL;
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		if (gelf_getshdr(scn, sh) == NULL)
			continue;
		const char *n = elf_strptr(elf, shstrndx, sh->sh_name);
		if (n != NULL && strcmp(n, name) == 0)
			return scn;
	}
	return NULL;
}

static void add_name(struct slot_names *names, taddr_t slot, const char *name, bool func,
		     bool irelative)
{
	if (names->n == names->cap) {
		names->cap = names->cap ? 2 * names->cap : 64;
		names->v = xrealloc(names->v, names->cap * sizeof(*names->v));
	}
	names->v[names->n++] = (struct slot_name){ slot, name, func, false, irelative };
}

/* An IRELATIVE slot: its addend is the resolver of an IFUNC symbol; use that name. */
static void add_irelative(const GElf_Rela *r, const struct func_symbol *syms, size_t nsyms,
			  struct slot_names *names)
{
	const struct func_symbol *s = symbols_at(syms, nsyms, (taddr_t)r->r_addend);

	if (s != NULL)
		add_name(names, r->r_offset, s->name, true, true);
}

/* Add the named JUMP_SLOT / GLOB_DAT / IRELATIVE relocations of one RELA section. */
static void add_relocations(Elf *elf, Elf_Scn *scn, const GElf_Shdr *sh,
			    const struct func_symbol *syms, size_t nsyms, struct slot_names *names)
{
	Elf_Scn *symscn = elf_getscn(elf, sh->sh_link);
	GElf_Shdr symsh;
	Elf_Data *rel = elf_getdata(scn, NULL);
	Elf_Data *symdata = symscn != NULL ? elf_getdata(symscn, NULL) : NULL;

	if (rel == NULL || symdata == NULL || gelf_getshdr(symscn, &symsh) == NULL ||
	    sh->sh_entsize == 0)
		return;
	size_t count = sh->sh_size / sh->sh_entsize;
	for (size_t i = 0; i < count; i++) {
		GElf_Rela r;
		GElf_Sym sym;
		if (gelf_getrela(rel, (int)i, &r) == NULL)
			continue;
		unsigned type = GELF_R_TYPE(r.r_info), symi = GELF_R_SYM(r.r_info);
		enum arch_reloc kind = arch_reloc_kind(type);
		if (kind == ARCH_RELOC_IRELATIVE) {
			add_irelative(&r, syms, nsyms, names);
			continue;
		}
		if (kind != ARCH_RELOC_SLOT || symi == 0)
			continue;
		if (gelf_getsym(symdata, (int)symi, &sym) == NULL)
			continue;
		const char *name = elf_strptr(elf, symsh.sh_link, sym.st_name);
		if (name == NULL || *name == '\0')
			continue;
		add_name(names, r.r_offset, name, GELF_ST_TYPE(sym.st_info) == STT_FUNC, false);
	}
}

static struct slot_name *find_slot(const struct slot_names *names, taddr_t slot)
{
	struct slot_name key = { slot, NULL, false, false, false };

	return bsearch(&key, names->v, names->n, sizeof(key), by_slot);
}

struct plt_list {
	struct plt_entry *v;
	size_t n, cap;
};

static void list_add(struct plt_list *l, taddr_t addr, const struct slot_name *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = (struct plt_entry){ addr, s->slot, xstrdup(s->name), s->irelative };
}

static void scan_stubs(Elf *elf, const char *secname, size_t default_entsize,
		       const struct slot_names *names, struct plt_list *out)
{
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(elf, secname, &sh);
	Elf_Data *data = scn != NULL ? elf_getdata(scn, NULL) : NULL;

	if (data == NULL || data->d_buf == NULL || sh.sh_type != SHT_PROGBITS)
		return;
	size_t entsize = sh.sh_entsize ? sh.sh_entsize : default_entsize;
	size_t step = ARCH_PLT_STEP ? ARCH_PLT_STEP : entsize, len = entsize;
	for (size_t off = 0; off + step <= data->d_size; off += step) {
		taddr_t slot, addr = sh.sh_addr + off;
		if (ARCH_PLT_STEP)
			len = data->d_size - off < 32 ? data->d_size - off : 32;
		if (off + len > data->d_size ||
		    arch_plt_slot((const uint8_t *)data->d_buf + off, len, addr, &slot) != 0)
			continue;
		if (ARCH_PLT_STEP) /* past the stub, less the step the loop adds */
			off += ARCH_PLT_STUB_MIN - step;
		struct slot_name *s = find_slot(names, slot);
		if (s == NULL)
			continue;
		s->stub = true;
		list_add(out, addr, s);
	}
}

/* Function slots no stub jumps through: code built with -fno-plt calls through them. */
static void collect_direct(const struct slot_names *names, struct plt_list *out)
{
	for (size_t i = 0; i < names->n; i++)
		if (names->v[i].func && !names->v[i].stub &&
		    (i == 0 || names->v[i - 1].slot != names->v[i].slot))
			list_add(out, 0, &names->v[i]);
}

void plt_read(Elf *elf, const struct func_symbol *syms, size_t nsyms, struct image *img)
{
	struct slot_names names = { NULL, 0, 0 };
	struct plt_list list = { NULL, 0, 0 }, direct = { NULL, 0, 0 };
	GElf_Shdr sh;
	Elf_Scn *scn;

	if ((scn = find_section(elf, ".rela.plt", &sh)) != NULL && sh.sh_type == SHT_RELA)
		add_relocations(elf, scn, &sh, syms, nsyms, &names);
	if ((scn = find_section(elf, ".rela.dyn", &sh)) != NULL && sh.sh_type == SHT_RELA)
		add_relocations(elf, scn, &sh, syms, nsyms, &names);
	if (names.n > 0) {
		qsort(names.v, names.n, sizeof(*names.v), by_slot);
		/* With .plt.sec, .plt holds only lazy-binding trampolines: no slot jumps. */
		scan_stubs(elf, ".plt", 16, &names, &list);
		scan_stubs(elf, ".plt.sec", 16, &names, &list);
		scan_stubs(elf, ".plt.got", 8, &names, &list);
		collect_direct(&names, &direct);
	}
	free(names.v);
	img->plt = list.v;
	img->nplt = list.n;
	img->direct = direct.v;
	img->ndirect = direct.n;
}
