/* What the tracer needs from one ELF object: its layout and its PLT entries. */
#ifndef LTRACE_IMAGE_H
#define LTRACE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/taddr.h"
#include "elf/symbols.h"

struct plt_entry {
	taddr_t addr; /* link-time address of the stub (add the load bias) */
	taddr_t slot; /* link-time address of the GOT slot it jumps through */
	char *name;   /* the symbol, without version */
	bool irelative; /* an IRELATIVE slot (an IFUNC of the object itself): bound when the
			 * object is relocated */
};

struct image {
	int refs;           /* image_ref / image_free */
	char *path;
	char *soname;       /* DT_SONAME, or the path's basename when there is none */
	bool relocatable;
	bool has_symtab;    /* not stripped: .symtab names the static functions too */   /* ET_DYN: mapped at a load bias */
	taddr_t entry;      /* e_entry */
	taddr_t lo, hi;     /* link-time extent of the PT_LOAD segments */
	taddr_t text_lo, text_hi; /* the same for the executable ones (lo == hi: none) */
	taddr_t dynamic;    /* link-time address of PT_DYNAMIC, or 0 */
	taddr_t init;       /* DT_INIT: its initialiser, run once it is relocated; or 0 */
	struct plt_entry *plt;
	size_t nplt;
	struct plt_entry *direct; /* GOT slots of functions called without a stub (-fno-plt) */
	size_t ndirect;
	struct func_symbol *syms; /* defined functions, sorted by value */
	size_t nsyms;
	taddr_t interp_debug_state; /* the dynamic loader: _dl_debug_state, or 0 */
	taddr_t interp_r_debug;     /* the dynamic loader: _r_debug, or 0 */
	struct image_code *code;    /* elf/code.h: read when first asked */
};

/*
 * Read the object at path. Returns NULL and sets *err to a message (static or owned
 * by nobody) when the file cannot be read as ELF. Free with image_free.
 */
struct image *image_open(const char *path, const char **err);
/* The same, for an object read through another path than its own (/proc/PID/exe): named
 * (path, and SONAME when it has none) after name. */
struct image *image_open_as(const char *path, const char *name, const char **err);
/* Share an image (a followed fork child has the same executable); returns img. */
struct image *image_ref(struct image *img);
/* Drop one reference; the last one frees the image. */
void image_free(struct image *img);

#endif
