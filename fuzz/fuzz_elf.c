/*
 * Fuzz target: the ELF reader (elf/image.c: segments; elf/plt.c: .rela.plt / .rela.dyn
 * relocations and the .plt, .plt.sec and .plt.got stubs, decoded by the x86_64 layer with
 * capstone), fed mutated ELF files.
 *
 * Also, when the tree has it, the symbol-table reader (elf/symtab.c: .symtab and .dynsym,
 * to name addresses), asked to name the entry point and every PLT stub.
 *
 * image_open takes a path, so each input is written to a fresh memfd and opened as
 * /proc/self/fd/N; the memfd is closed before returning, so nothing is carried over.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf/image.h"
#ifdef FUZZ_HAVE_SYMTAB /* defined by fuzz/run when elf/symtab.c exists */
#include "elf/symtab.h"
#endif

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read a value for real, so that ASan checks the memory it came from. */
static void use(taddr_t v)
{
	__asm__ volatile("" : : "r"(v));
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	int fd = memfd_create("fuzz_elf", MFD_CLOEXEC);
	char path[64];

	if (fd < 0 || write_all(fd, data, size) != 0) {
		perror("fuzz_elf: memfd");
		abort(); /* the harness cannot run: not a finding */
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);

	const char *err = NULL;
	struct image *img = image_open(path, &err);
	if (getenv("FUZZ_VERBOSE") != NULL)
		printf("%s: %zu PLT entries%s%s\n", img ? (img->relocatable ? "ET_DYN" : "ET_EXEC") : "refused",
		       img ? img->nplt : 0, img ? "" : ": ", img ? "" : err);
	if (getenv("FUZZ_VERBOSE") != NULL)
		for (size_t i = 0; img != NULL && i < img->nplt; i++)
			printf("  %#lx -> %#lx %s\n", (unsigned long)img->plt[i].addr,
			       (unsigned long)img->plt[i].slot, img->plt[i].name);
	if (img == NULL) {
		if (err == NULL || *err == '\0')
			abort(); /* a refusal must say why */
	} else {
		if (img->refs != 1 || strcmp(img->path, path) != 0 || (img->nplt > 0 && img->plt == NULL))
			abort();
		for (size_t i = 0; i < img->nplt; i++) {
			const struct plt_entry *e = &img->plt[i];
			if (e->name == NULL || e->name[0] == '\0' || strlen(e->name) > size)
				abort(); /* a name comes from the file: never longer than it */
			use(e->addr ^ e->slot);
		}
		use(img->lo ^ img->hi ^ img->entry ^ img->dynamic ^ img->relocatable);
		image_ref(img);
		image_free(img);
	}
#ifdef FUZZ_HAVE_SYMTAB
	struct symtab *st = symtab_open(path);
	if (st != NULL) {
		taddr_t probes[] = { 0, 1, (taddr_t)-1, img ? img->entry : 0x1000,
				     img && img->nplt ? img->plt[0].addr : 0x401000,
				     img ? img->lo : 0x400000, img ? img->hi - 1 : 0x600000 };
		for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
			const char *name = NULL;
			taddr_t start = 0;
			if (symtab_lookup(st, probes[i], &name, &start) &&
			    (name == NULL || strlen(name) > size || start > probes[i]))
				abort(); /* a found function has a name from the file, and starts below */
		}
		use(symtab_bias(st, 0x555555554000, 0) ^ symtab_bias(st, 0x7f0000001000, 0x1000));
		symtab_free(st);
	}
#endif
	if (img != NULL)
		image_free(img);
	close(fd);
	return 0;
}
