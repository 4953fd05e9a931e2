/*
 * The objects loaded in a process, as a list: each an image (elf/image.h) and where it is
 * mapped. The list itself is kept up to date by proc/libraries.c.
 */
#ifndef LTRACE_LOADED_H
#define LTRACE_LOADED_H

#include <stdbool.h>

#include "common/taddr.h"
#include "elf/image.h"

struct library {
	struct library *next;
	struct image *img;
	taddr_t bias;
	taddr_t lm;    /* its link_map entry in the tracee (0: the executable) */
	bool is_main;
	bool seen;     /* still listed at the last update */
	bool planned;  /* its breakpoints are planted */
	bool direct_planned; /* its calls through GOT slots too (they must be relocated) */
};

/* The object of the list libs mapped at addr, or NULL. */
const struct library *library_at(const struct library *libs, taddr_t addr);

/* Free the list libs (the images are unreferenced). */
void libraries_free(struct library *libs);

/* A copy of the list libs for a forked child (images shared). */
struct library *libraries_copy(const struct library *libs);

#endif
