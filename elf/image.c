/* Reading an ELF object's layout and PLT with libelf. */
#include "elf/image.h"

#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "elf/plt.h"

static void read_segments(Elf *elf, struct image *img)
{
	size_t n = 0;

	img->lo = (taddr_t)-1;
	elf_getphdrnum(elf, &n);
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(elf, (int)i, &ph) == NULL)
			continue;
		if (ph.p_type == PT_DYNAMIC)
			img->dynamic = ph.p_vaddr;
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_vaddr < img->lo)
			img->lo = ph.p_vaddr;
		if (ph.p_vaddr + ph.p_memsz > img->hi)
			img->hi = ph.p_vaddr + ph.p_memsz;
	}
	if (img->lo == (taddr_t)-1)
		img->lo = 0;
}

struct image *image_open(const char *path, const char **err)
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
	img->path = xstrdup(path);
	img->relocatable = eh.e_type == ET_DYN;
	img->entry = eh.e_entry;
	read_segments(elf, img);
	plt_read(elf, &img->plt, &img->nplt);
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
	free(img->path);
	free(img);
}
