/* Function symbols of an ELF object, sorted by address, read with libelf. */
#include "elf/symtab.h"

#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"

struct sym {
	taddr_t addr, size;
	char *name;
};

struct segment {
	taddr_t vaddr, offset, filesz;
};

struct symtab {
	struct sym *syms;
	size_t nsyms;
	struct segment *segs; /* PT_LOAD */
	size_t nsegs;
};

static void add_symbols(Elf *elf, Elf_Scn *scn, const GElf_Shdr *sh, struct symtab *st,
			size_t *cap)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	for (size_t i = 0; data != NULL && i < n; i++) {
		GElf_Sym s;
		if (gelf_getsym(data, (int)i, &s) == NULL)
			continue;
		int type = GELF_ST_TYPE(s.st_info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) || s.st_shndx == SHN_UNDEF ||
		    s.st_value == 0)
			continue;
		const char *name = elf_strptr(elf, sh->sh_link, s.st_name);
		if (name == NULL || name[0] == '\0')
			continue;
		if (st->nsyms == *cap) {
			*cap = *cap ? 2 * *cap : 256;
			st->syms = xrealloc(st->syms, *cap * sizeof(*st->syms));
		}
		/* "name@@VERSION" in some tables: the version is not part of the name. */
		st->syms[st->nsyms++] = (struct sym){ s.st_value, s.st_size,
						      xstrndup(name, strcspn(name, "@")) };
	}
}

/* By address; at one address, the sized symbol first (it is the one kept). */
static int by_addr(const void *pa, const void *pb)
{
	const struct sym *a = pa, *b = pb;

	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void sort_unique(struct symtab *st)
{
	size_t out = 0;

	if (st->nsyms > 1)
		qsort(st->syms, st->nsyms, sizeof(*st->syms), by_addr);
	for (size_t i = 0; i < st->nsyms; i++) {
		if (out > 0 && st->syms[out - 1].addr == st->syms[i].addr) {
			free(st->syms[i].name); /* .dynsym repeats .symtab: keep one */
			continue;
		}
		st->syms[out++] = st->syms[i];
	}
	st->nsyms = out;
}

static void read_segments(Elf *elf, struct symtab *st)
{
	size_t n = 0, cap = 0;

	/* The header count is outside data (it may claim billions): grow as loads are found,
	 * and stop at the first header libelf cannot read. */
	if (elf_getphdrnum(elf, &n) != 0)
		n = 0;
	for (size_t i = 0; i < n && i <= INT_MAX; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(elf, (int)i, &ph) == NULL)
			break;
		if (ph.p_type != PT_LOAD)
			continue;
		if (st->nsegs == cap) {
			cap = cap ? 2 * cap : 4;
			st->segs = xrealloc(st->segs, cap * sizeof(*st->segs));
		}
		st->segs[st->nsegs++] = (struct segment){ ph.p_vaddr, ph.p_offset, ph.p_filesz };
	}
}

struct symtab *symtab_open(const char *path)
{
	elf_version(EV_CURRENT);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	struct symtab *st = NULL;
	if (elf == NULL || elf_kind(elf) != ELF_K_ELF)
		goto out;
	st = xcalloc(1, sizeof(*st));
	size_t cap = 0;
	for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn != NULL; scn = elf_nextscn(elf, scn)) {
		GElf_Shdr sh;
		if (gelf_getshdr(scn, &sh) != NULL &&
		    (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_DYNSYM))
			add_symbols(elf, scn, &sh, st, &cap);
	}
	sort_unique(st);
	read_segments(elf, st);
out:
	if (elf != NULL)
		elf_end(elf);
	close(fd);
	return st;
}

void symtab_free(struct symtab *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->nsyms; i++)
		free(st->syms[i].name);
	free(st->syms);
	free(st->segs);
	free(st);
}

taddr_t symtab_bias(const struct symtab *st, taddr_t start, taddr_t off)
{
	for (size_t i = 0; i < st->nsegs; i++) {
		const struct segment *s = &st->segs[i];
		taddr_t page_off = s->offset & ~(taddr_t)0xfff;
		if (off >= page_off && off < s->offset + s->filesz)
			return start - (s->vaddr - (s->offset - off));
	}
	return start - off; /* no segment maps off: assume offsets are addresses */
}

bool symtab_lookup(const struct symtab *st, taddr_t addr, const char **name, taddr_t *start)
{
	size_t lo = 0, hi = st->nsyms;

	while (lo < hi) { /* the first symbol above addr */
		size_t mid = lo + (hi - lo) / 2;
		if (st->syms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	const struct sym *s = &st->syms[lo - 1];
	if (s->size != 0 && addr >= s->addr + s->size)
		return false;
	*name = s->name;
	*start = s->addr;
	return true;
}
