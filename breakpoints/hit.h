#ifndef LTRACE_HIT_H
#define LTRACE_HIT_H

#include "tracee/breakpoint.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

/*
 * Thread t stopped at breakpoint bp (regs as read at the stop). Print what the stop means
 * (a call entered, a call returned), then set regs so that the thread goes on as if the
 * breakpoint were not there. *libs_changed: the stop was the dynamic loader's hook (the
 * list of libraries is the caller's to update). Returns 0, or -1 if it cannot go on (the
 * caller resumes it anyway, and reports).
 */
int bp_hit(struct thread *t, struct breakpoint *bp, struct arch_regs *regs, bool *libs_changed);

/* Every call of t still open is over, never to return (exec, the thread's end): the output
 * learns of each (-c counts them); the stack is emptied. */
void bp_calls_over(struct thread *t);

/*
 * Copy the instruction at bp->addr (code: n bytes read there, the first one the original)
 * out of line into a new scratch slot, and make it bp's (bp->ool, bp->insn). Returns 0, or
 * -1 (*why set).
 */
int bp_displace(struct thread *t, struct breakpoint *bp, const uint8_t *code, size_t n,
		const char **why);

/* Make bp run out of line as from does (after bp_displace on from). */
void bp_take_copy(struct breakpoint *bp, const struct breakpoint *from);

/* A return site for calls that come back to ret_addr: planted on first use. */
struct breakpoint *bp_return_site(struct thread *t, taddr_t ret_addr);

#endif
