/* Mapping scratch areas into a tracee, and handing out slots within reach of code. */
#ifndef LTRACE_SCRATCH_MAP_H
#define LTRACE_SCRATCH_MAP_H

#include <stdint.h>

#include "tracee/scratch.h"
#include "tracee/process.h"

/*
 * Map an area close to `near` (RIP-relative copies must reach it) by making thread t run
 * mmap through the syscall-then-trap code at `stub`. Fills *out; signals that arrived
 * meanwhile go to *pending. Returns 0, or -1.
 */
int scratch_map(struct thread *t, taddr_t stub, taddr_t near, struct scratch *out,
		int *pending);

/*
 * Lend the code at `at` in p's address space to injected system calls: the arch's
 * syscall-then-trap sequence is written there, the original bytes kept in *loan.
 * Every thread of the process must be stopped until scratch_code_return. 0 or -1.
 */
struct code_loan {
	taddr_t at;
	uint8_t orig[16];
};
int scratch_code_borrow(struct process *p, taddr_t at, struct code_loan *loan);
void scratch_code_return(struct process *p, const struct code_loan *loan);

/*
 * Unmap every scratch area of s from the tracee (at detach, when nothing runs there any
 * more), making thread t run munmap through the code at `stub`. Returns 0, or -1 if one
 * could not be unmapped.
 */
int scratch_unmap_all(struct thread *t, taddr_t stub, const struct scratch *s, int *pending);

/*
 * A slot of len bytes within reach of addr, in t's address space: from an existing area,
 * or from a new one mapped near addr (the first area holds the stub for that). 0 if none.
 */
taddr_t scratch_slot(struct thread *t, taddr_t addr, size_t len);

#endif
