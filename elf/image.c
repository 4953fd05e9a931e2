/* Reading an ELF object's layout and PLT with libelf. */
#include "elf/image.h"

#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "elf/code.h"
#include "elf/plt.h"

static void read_segments(Elf *elf, struct image *img)
{
	size_t n = 0;

	img->lo = (taddr_t)-1;
	if (elf_getphdrnum(elf, &n) != 0)
		n = 0;
	for (size_t i = 0; i < n && i <= INT_MAX; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(elf, (int)i, &ph) == NULL)
			break; /* the count is outside data: stop at the first unreadable header */
		if (ph.p_type == PT_DYNAMIC)
			img->dynamic = ph.p_vaddr;
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_vaddr < img->lo)
			img->lo = ph.p_vaddr;
		if (ph.p_vaddr + ph.p_memsz > img->hi)
			img->hi = ph.p_vaddr + ph.p_memsz;
		if (!(ph.p_flags & PF_X))
			continue;
		if (img->text_lo == img->text_hi || ph.p_vaddr < img->text_lo)
			img->text_lo = ph.p_vaddr;
		if (ph.p_vaddr + ph.p_memsz > img->text_hi)
			img->text_hi = ph.p_vaddr + ph.p_memsz;
	}
	if (img->lo == (taddr_t)-1)
		img->lo = 0;
}

/* From the dynamic section: DT_SONAME, or the basename of path (ltrace names objects
 * without one that way), and DT_INIT into img->init. */
static char *read_dynamic(Elf *elf, const char *path, struct image *img)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	char *soname = NULL;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		Elf_Data *data = elf_getdata(scn, NULL);
		if (gelf_getshdr(scn, &sh) == NULL || sh.sh_type != SHT_DYNAMIC || data == NULL ||
		    sh.sh_entsize == 0)
			continue;
		for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Dyn dyn;
			if (gelf_getdyn(data, (int)i, &dyn) == NULL || dyn.d_tag == DT_NULL)
				break;
			if (dyn.d_tag == DT_INIT)
				img->init = dyn.d_un.d_ptr;
			const char *name = dyn.d_tag == DT_SONAME && soname == NULL
						   ? elf_strptr(elf, sh.sh_link, dyn.d_un.d_val)
						   : NULL;
			if (name != NULL)
				soname = xstrdup(name);
		}
	}
	if (soname != NULL)
		return soname;
	const char *base = strrchr(path, '/');
	return xstrdup(base != NULL ? base + 1 : path);
}

/* The value of the data symbol name in .dynsym, or 0. */
static taddr_t data_symbol(Elf *elf, const char *name)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		Elf_Data *data = elf_getdata(scn, NULL);
		if (gelf_getshdr(scn, &sh) == NULL || sh.sh_type != SHT_DYNSYM || data == NULL ||
		    sh.sh_entsize == 0)
			continue;
		for (size_t i = 1; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Sym sym;
			const char *n;
			if (gelf_getsym(data, (int)i, &sym) != NULL && sym.st_shndx != SHN_UNDEF &&
			    (n = elf_strptr(elf, sh.sh_link, sym.st_name)) != NULL &&
			    strncmp(n, name, strlen(name)) == 0 &&
			    (n[strlen(name)] == '\0' || n[strlen(name)] == '@'))
				return sym.st_value;
		}
	}
	return 0;
}

struct image *image_open(const char *path, const char **err)
{
	return image_open_as(path, path, err);
}

struct image *image_open_as(const char *path, const char *name, const char **err)
{
	static int version_set;
	struct image *img = NULL;

	if (!version_set) {
		elf_version(EV_CURRENT);
		version_set = 1;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*err = "cannot open the file";
		return NULL;
	}
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	GElf_Ehdr eh;
	if (elf == NULL || elf_kind(elf) != ELF_K_ELF || gelf_getehdr(elf, &eh) == NULL) {
		*err = "not an ELF file";
		goto out;
	}
	img = xcalloc(1, sizeof(*img));
	img->refs = 1;
	img->path = xstrdup(name);
	img->relocatable = eh.e_type == ET_DYN;
	img->entry = eh.e_entry;
	read_segments(elf, img);
	img->soname = read_dynamic(elf, name, img);
	symbols_read(elf, &img->syms, &img->nsyms, &img->has_symtab);
	plt_read(elf, img->syms, img->nsyms, img);
	const struct func_symbol *s = symbols_find(img->syms, img->nsyms, "_dl_debug_state");
	img->interp_debug_state = s != NULL ? s->value : 0;
	img->interp_r_debug = data_symbol(elf, "_r_debug");
out:
	if (elf != NULL)
		elf_end(elf);
	close(fd);
	return img;
}

struct image *image_ref(struct image *img)
{
	if (img != NULL)
		img->refs++;
	return img;
}

void image_free(struct image *img)
{
	if (img == NULL || --img->refs > 0)
		return;
	for (size_t i = 0; i < img->nplt; i++)
		free(img->plt[i].name);
	free(img->plt);
	for (size_t i = 0; i < img->ndirect; i++)
		free(img->direct[i].name);
	free(img->direct);
	symbols_free(img->syms, img->nsyms);
	image_code_free(img->code);
	free(img->soname);
	free(img->path);
	free(img);
}
