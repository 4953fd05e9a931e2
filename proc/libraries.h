/*
 * The objects mapped in a process: the executable and the libraries the dynamic loader
 * lists in r_debug. A breakpoint on the loader's _dl_debug_state hook tells when the
 * list changes (start-up, dlopen, dlclose).
 */
#ifndef LTRACE_LIBRARIES_H
#define LTRACE_LIBRARIES_H

#include <stdbool.h>

#include "common/taddr.h"
#include "elf/image.h"

struct thread;
struct process;

struct library {
	struct library *next;
	struct image *img;
	taddr_t bias;
	taddr_t lm;    /* its link_map entry in the tracee (0: the executable) */
	bool is_main;
	bool seen;     /* still listed at the last update */
	bool planned;  /* its breakpoints are planted */
};

/* After the executable's set-up (exec or attach), thread t stopped: plan the executable's
 * breakpoints and hook the dynamic loader. With `now`, read the library list at once (the
 * libraries are already loaded: attach). */
void libraries_start(struct thread *t, bool now);

/* The loader's hook was hit: bring the list up to date (new libraries get breakpoints,
 * unloaded ones are forgotten). */
void libraries_update(struct thread *t);

/* The object of p's list mapped at addr, or NULL. */
const struct library *library_at(const struct process *p, taddr_t addr);

/* Free p's list. */
void libraries_free(struct process *p);

/* A copy of p's list for a forked child (images shared). */
struct library *libraries_copy(const struct library *libs);

#endif
