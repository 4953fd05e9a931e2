/*
 * The scratch area: pages mapped into the tracee (by making it run mmap) that hold the
 * relocated copies of displaced instructions, each followed by a jump back.
 */
#ifndef LTRACE_SCRATCH_H
#define LTRACE_SCRATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "common/taddr.h"

struct scratch {
	taddr_t base;  /* 0: not mapped */
	size_t size;
	size_t used;   /* bytes handed out */
	bool kept;     /* (first area) code we leave behind jumps into the areas (--fast: the
			* agent, to the copies of function entries): never unmapped */
	struct scratch *next; /* more areas, near other objects (owned) */
};

/* Reserve room for one slot of len bytes; returns its address or 0 when full. */
taddr_t scratch_alloc(struct scratch *s, size_t len);

/* Whether addr lies inside the scratch area or one of the areas after it. */
int scratch_contains(const struct scratch *s, taddr_t addr);

/* Whether code at addr and every byte of [base, base + size) are within the reach of the
 * arch's relative jumps of each other. */
int scratch_reaches(taddr_t base, size_t size, taddr_t addr);

/* The area (s or one after it) with room for len bytes within reach of addr, or NULL. */
struct scratch *scratch_near(struct scratch *s, taddr_t addr, size_t len);

/* A mapping of the tracee, [lo, hi), as /proc/PID/maps lists it. */
struct vm_range {
	taddr_t lo, hi;
	bool stack; /* [stack]: grows down into the hole below it */
};

/* Where an area of size bytes may be mapped so that it and addr are within reach: the
 * top of each hole between the mappings r (sorted by address), SCRATCH_GUARD below the
 * mapping above and at least that much above the one below; not in the hole below the
 * stack. Nearest to addr first; at most max into out. Returns how many. */
#define SCRATCH_GUARD 0x10000u
size_t scratch_holes(const struct vm_range *r, size_t n, taddr_t addr, size_t size,
		     taddr_t *out, size_t max);

/* Make dst a copy of src and its areas (a forked child's copy of the address space). */
void scratch_copy(struct scratch *dst, const struct scratch *src);

/* Free the areas after s (the tracee's mappings are the tracee's business). */
void scratch_free_more(struct scratch *s);

#endif
