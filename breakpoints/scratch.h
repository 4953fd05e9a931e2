/*
 * The scratch area: pages mapped into the tracee (by making it run mmap) that hold the
 * relocated copies of displaced instructions, each followed by a jump back.
 */
#ifndef LTRACE_SCRATCH_H
#define LTRACE_SCRATCH_H

#include <stddef.h>
#include <sys/types.h>

#include "common/taddr.h"

struct scratch {
	taddr_t base;  /* 0: not mapped */
	size_t size;
	size_t used;   /* bytes handed out */
};

/* Reserve room for one slot of len bytes; returns its address or 0 when full. */
taddr_t scratch_alloc(struct scratch *s, size_t len);

/* Whether addr lies inside the scratch area. */
int scratch_contains(const struct scratch *s, taddr_t addr);

#endif
