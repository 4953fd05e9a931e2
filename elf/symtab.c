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
	struct symtab_eh eh;  /* eh.count 0: none */
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

/* The size of a value of DWARF pointer encoding enc in .eh_frame_hdr, 0 if unknown. */
static size_t encoded_size(uint8_t enc)
{
	switch (enc & 0x0f) {
	case 0x02: case 0x0a: return 2; /* udata2, sdata2 */
	case 0x03: case 0x0b: return 4; /* udata4, sdata4 */
	case 0x04: case 0x0c: return 8; /* udata8, sdata8 */
	default: return 0;
	}
}

/* The search table of .eh_frame_hdr (segment ph): its FDE count and where it lies. Only
 * the one table encoding that unwinders search (datarel, sdata4 pairs) is taken. */
static void read_eh_hdr(Elf *elf, const GElf_Phdr *ph, struct symtab *st)
{
	if (ph->p_filesz < 4)
		return;
	size_t want = ph->p_filesz < 24 ? ph->p_filesz : 24;
	Elf_Data *d = elf_getdata_rawchunk(elf, (int64_t)ph->p_offset, want, ELF_T_BYTE);
	if (d == NULL || d->d_buf == NULL)
		return;
	const uint8_t *h = d->d_buf;
	size_t ptr_size = encoded_size(h[1]), count_size = encoded_size(h[2]);
	if (h[0] != 1 || h[3] != 0x3b || ptr_size == 0 || (count_size != 4 && count_size != 8) ||
	    4 + ptr_size + count_size > want)
		return;
	uint64_t count = 0;
	memcpy(&count, h + 4 + ptr_size, count_size); /* little-endian targets only */
	st->eh = (struct symtab_eh){ .hdr = ph->p_vaddr,
				     .table = ph->p_vaddr + 4 + ptr_size + count_size,
				     .count = (size_t)count };
}

static void read_segments(Elf *elf, struct symtab *st)
{
	size_t n = 0, cap = 0;
	taddr_t text_lo = (taddr_t)-1, text_hi = 0;
	GElf_Phdr eh_ph = { .p_type = PT_NULL };

	/* The header count is outside data (it may claim billions): grow as loads are found,
	 * and stop at the first header libelf cannot read. */
	if (elf_getphdrnum(elf, &n) != 0)
		n = 0;
	for (size_t i = 0; i < n && i <= INT_MAX; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(elf, (int)i, &ph) == NULL)
			break;
		if (ph.p_type == PT_GNU_EH_FRAME)
			eh_ph = ph;
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_flags & PF_X) {
			text_lo = ph.p_vaddr < text_lo ? ph.p_vaddr : text_lo;
			text_hi = ph.p_vaddr + ph.p_memsz > text_hi ? ph.p_vaddr + ph.p_memsz : text_hi;
		}
		if (st->nsegs == cap) {
			cap = cap ? 2 * cap : 4;
			st->segs = xrealloc(st->segs, cap * sizeof(*st->segs));
		}
		st->segs[st->nsegs++] = (struct segment){ ph.p_vaddr, ph.p_offset, ph.p_filesz };
	}
	if (eh_ph.p_type == PT_GNU_EH_FRAME && text_lo < text_hi) {
		read_eh_hdr(elf, &eh_ph, st);
		st->eh.text_lo = text_lo;
		st->eh.text_hi = text_hi;
	}
}

const struct symtab_eh *symtab_eh_table(const struct symtab *st)
{
	return st->eh.count > 0 ? &st->eh : NULL;
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
