/* An object's code and call frame information, read from its file with libelf and libdw. */
#include "elf/code.h"

#include <elfutils/libdw.h>
#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "elf/image.h"

struct segment {
	taddr_t vaddr;
	size_t len; /* bytes in the file */
	const uint8_t *bytes;
};

struct ref_list {
	struct code_ref *v;
	size_t n, cap;
};

struct fde {
	taddr_t lo, hi;
};

struct image_code {
	int fd;
	Elf *elf;
	struct fde *fdes;   /* sorted */
	size_t nfdes;
	struct segment *segs;
	size_t nsegs;
	struct ref_list refs;
	bool refs_known;
};

static void read_segments(struct image_code *c)
{
	size_t n = 0;

	if (elf_getphdrnum(c->elf, &n) != 0)
		return;
	for (size_t i = 0; i < n && i <= INT_MAX; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(c->elf, (int)i, &ph) == NULL)
			break;
		if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X) || ph.p_filesz == 0)
			continue;
		Elf_Data *d = elf_getdata_rawchunk(c->elf, (int64_t)ph.p_offset, ph.p_filesz,
						   ELF_T_BYTE);
		if (d == NULL || d->d_buf == NULL)
			continue;
		c->segs = xrealloc(c->segs, (c->nsegs + 1) * sizeof(*c->segs));
		c->segs[c->nsegs++] = (struct segment){ ph.p_vaddr, d->d_size, d->d_buf };
	}
}

/* A pointer of DWARF encoding enc (DW_EH_PE_*) at p (link-time address at), n bytes
 * left: its value and size (0: an encoding not read here). */
static size_t read_encoded(const uint8_t *p, size_t n, uint8_t enc, taddr_t at, taddr_t *v)
{
	size_t size;
	int64_t x = 0;

	switch (enc & 0x0f) {
	case 0x00: case 0x04: case 0x0c: size = 8; break; /* absptr, udata8, sdata8 */
	case 0x03: case 0x0b: size = 4; break;            /* udata4, sdata4 */
	case 0x02: case 0x0a: size = 2; break;            /* udata2, sdata2 */
	default: return 0;
	}
	if (size > n)
		return 0;
	if (size == 8) {
		memcpy(&x, p, 8);
	} else if (size == 4) {
		uint32_t u;
		memcpy(&u, p, 4);
		x = (enc & 0x08) ? (int32_t)u : (int64_t)u;
	} else {
		uint16_t u;
		memcpy(&u, p, 2);
		x = (enc & 0x08) ? (int16_t)u : (int64_t)u;
	}
	switch (enc & 0x70) {
	case 0x00: break;               /* absolute */
	case 0x10: x += (int64_t)at; break; /* pcrel */
	default: return 0;
	}
	*v = (taddr_t)x;
	return size;
}

/* The encoding of the FDEs' addresses that a CIE's augmentation gives ('R'); absptr
 * without one; 0xff when it cannot be told. */
static uint8_t fde_encoding(const Dwarf_CIE *cie)
{
	const char *a = cie->augmentation;
	const uint8_t *d = cie->augmentation_data;
	size_t left = cie->augmentation_data_size;

	if (a == NULL || a[0] != 'z')
		return a != NULL && a[0] == '\0' ? 0x00 : 0xff;
	for (a++; *a != '\0'; a++) {
		taddr_t skip;
		size_t n;
		switch (*a) {
		case 'R':
			return left > 0 ? d[0] : 0xff;
		case 'L':
			if (left < 1)
				return 0xff;
			d++, left--;
			break;
		case 'P': /* its encoding, then the personality routine's address */
			if (left < 1 || (n = read_encoded(d + 1, left - 1, d[0] & 0x0f, 0, &skip)) == 0)
				return 0xff;
			d += 1 + n, left -= 1 + n;
			break;
		case 'S': case 'B':
			break;
		default:
			return 0xff;
		}
	}
	return 0x00;
}

static int by_lo(const void *a, const void *b)
{
	const struct fde *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* The extents of every FDE of .eh_frame, sorted. */
static void read_fdes(struct image_code *c)
{
	size_t shstrndx = 0, cap = 0;
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	const char *ident = elf_getident(c->elf, NULL);

	if (ident == NULL || elf_getshdrstrndx(c->elf, &shstrndx) != 0)
		return;
	while ((scn = elf_nextscn(c->elf, scn)) != NULL) {
		const char *name = gelf_getshdr(scn, &sh) != NULL
					   ? elf_strptr(c->elf, shstrndx, sh.sh_name) : NULL;
		if (name != NULL && strcmp(name, ".eh_frame") == 0 && sh.sh_type == SHT_PROGBITS)
			break;
	}
	Elf_Data *data = scn != NULL ? elf_getdata(scn, NULL) : NULL;
	if (data == NULL || data->d_buf == NULL)
		return;
	struct { Dwarf_Off off; uint8_t enc; } *cies = NULL;
	size_t ncies = 0;
	for (Dwarf_Off off = 0, next = 0; off != (Dwarf_Off)-1; off = next) {
		Dwarf_CFI_Entry e;
		int rc = dwarf_next_cfi((const unsigned char *)ident, data, true, off, &next, &e);
		if (rc > 0 || (rc < 0 && next == off))
			break;
		if (rc < 0)
			continue;
		if (dwarf_cfi_cie_p(&e)) {
			cies = xrealloc(cies, (ncies + 1) * sizeof(*cies));
			cies[ncies].off = off;
			cies[ncies++].enc = fde_encoding(&e.cie);
			continue;
		}
		uint8_t enc = 0xff;
		for (size_t i = 0; i < ncies; i++)
			if (cies[i].off == e.fde.CIE_pointer)
				enc = cies[i].enc;
		const uint8_t *p = e.fde.start;
		size_t left = (size_t)(e.fde.end - p), n;
		taddr_t at = sh.sh_addr + (taddr_t)(p - (const uint8_t *)data->d_buf), lo, len;
		if (enc == 0xff || (n = read_encoded(p, left, enc, at, &lo)) == 0 ||
		    read_encoded(p + n, left - n, enc & 0x0f, 0, &len) == 0 || len == 0)
			continue;
		if (c->nfdes == cap) {
			cap = cap ? 2 * cap : 256;
			c->fdes = xrealloc(c->fdes, cap * sizeof(*c->fdes));
		}
		c->fdes[c->nfdes++] = (struct fde){ lo, lo + len };
	}
	free(cies);
	if (c->nfdes > 1)
		qsort(c->fdes, c->nfdes, sizeof(*c->fdes), by_lo);
}

/* The image's code, read the first time; NULL if its file cannot be. */
static struct image_code *code_of(struct image *img)
{
	if (img->code != NULL)
		return img->code->elf != NULL ? img->code : NULL;
	struct image_code *c = xcalloc(1, sizeof(*c));
	img->code = c;
	elf_version(EV_CURRENT);
	c->fd = open(img->path, O_RDONLY | O_CLOEXEC);
	if (c->fd < 0)
		return NULL;
	c->elf = elf_begin(c->fd, ELF_C_READ_MMAP, NULL);
	if (c->elf == NULL)
		return NULL;
	if (elf_kind(c->elf) != ELF_K_ELF) {
		elf_end(c->elf);
		c->elf = NULL;
		return NULL;
	}
	read_segments(c);
	read_fdes(c);
	return c;
}

const uint8_t *image_code(struct image *img, taddr_t addr, size_t *len)
{
	taddr_t lo = 0;
	size_t n = 0;
	const uint8_t *seg = image_code_segment(img, addr, &lo, &n);

	if (seg == NULL)
		return NULL;
	*len = n - (size_t)(addr - lo);
	return seg + (addr - lo);
}

const uint8_t *image_code_segment(struct image *img, taddr_t addr, taddr_t *lo, size_t *len)
{
	struct image_code *c = code_of(img);

	for (size_t i = 0; c != NULL && i < c->nsegs; i++) {
		const struct segment *s = &c->segs[i];
		if (addr >= s->vaddr && addr - s->vaddr < s->len) {
			*lo = s->vaddr;
			*len = s->len;
			return s->bytes;
		}
	}
	return NULL;
}

bool image_fde_range(struct image *img, taddr_t addr, taddr_t *lo, taddr_t *hi)
{
	struct image_code *c = code_of(img);
	size_t a = 0, b = c != NULL ? c->nfdes : 0;

	while (a < b) { /* the first FDE starting above addr */
		size_t mid = a + (b - a) / 2;
		if (c->fdes[mid].lo <= addr)
			a = mid + 1;
		else
			b = mid;
	}
	if (a == 0 || addr >= c->fdes[a - 1].hi)
		return false;
	*lo = c->fdes[a - 1].lo;
	*hi = c->fdes[a - 1].hi;
	return true;
}

void image_add_ref(struct ref_list *l, taddr_t at, taddr_t target)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = (struct code_ref){ target, at };
}

static int by_target(const void *a, const void *b)
{
	const struct code_ref *x = a, *y = b;

	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

const struct code_ref *image_refs(struct image *img, image_scan_fn scan, size_t *n)
{
	struct image_code *c = code_of(img);

	*n = 0;
	if (c == NULL)
		return NULL;
	if (!c->refs_known) {
		c->refs_known = true;
		for (size_t i = 0; i < c->nsegs; i++)
			scan(c->segs[i].bytes, c->segs[i].len, c->segs[i].vaddr, &c->refs);
		if (c->refs.n > 1)
			qsort(c->refs.v, c->refs.n, sizeof(*c->refs.v), by_target);
	}
	*n = c->refs.n;
	return c->refs.v;
}

void image_code_free(struct image_code *c)
{
	if (c == NULL)
		return;
	free(c->refs.v);
	free(c->segs);
	free(c->fdes);
	if (c->elf != NULL)
		elf_end(c->elf);
	if (c->fd >= 0)
		close(c->fd);
	free(c);
}
