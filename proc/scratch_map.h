/* Mapping scratch areas into a tracee, and handing out slots within reach of code. */
#ifndef LTRACE_SCRATCH_MAP_H
#define LTRACE_SCRATCH_MAP_H

#include "breakpoints/scratch.h"
#include "proc/process.h"

/*
 * Map an area close to `near` (RIP-relative copies must reach it) by making thread t run
 * mmap through the syscall-then-trap code at `stub`. Fills *out; signals that arrived
 * meanwhile go to *pending. Returns 0, or -1.
 */
int scratch_map(struct thread *t, taddr_t stub, taddr_t near, struct scratch *out,
		int *pending);

/*
 * A slot of len bytes within reach of addr, in t's address space: from an existing area,
 * or from a new one mapped near addr (the first area holds the stub for that). 0 if none.
 */
taddr_t scratch_slot(struct thread *t, taddr_t addr, size_t len);

#endif
