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

/*
 * Where the values of a call or return come from: at a stop (memory read live, the time
 * now), or from a record of the --fast agent (memory as it copied it at the call, its
 * time stamp, its copy of the floating-point registers).
 */
struct hit_src {
	arch_mem_reader read;
	const struct arch_fpregs *fp; /* NULL: read from the thread */
	uint64_t ts;                  /* ns since the epoch; 0: now */
	bool returns_caught;          /* returns come without a return breakpoint (--fast) */
	bool keep_frames;             /* a call on a signal stack above the thread's calls in
				       * progress: none is over, whatever the stack pointers */
};

/* A call of c, caught at `at` (regs as at its entry), returning to ret_addr: shown, and
 * a frame pushed for its return. */
void hit_call(struct thread *t, const struct bp_callee *c, taddr_t at,
	      const struct arch_regs *regs, taddr_t ret_addr, const struct hit_src *src);
/* A return to addr (regs as right after it): the frames it ends are shown. */
void hit_return(struct thread *t, const struct arch_regs *regs, taddr_t addr,
		const struct hit_src *src);
/* --fast: for a call caught at a function's entry (-x) whose return address ret is the
 * agent's (the call came through a redirected PLT stub): the original return address,
 * from the agent's shadow stack; its return then comes as the agent's record, not at a
 * return breakpoint (which would be planted in the agent's code). 0: not the agent's. */
extern taddr_t (*hit_agent_return)(struct thread *t, const struct arch_regs *regs, taddr_t ret);

/* --fast: thread t (regs) entered a function that walks its stack (BP_ROLE_UNWIND): the
 * agent's frames get their original return addresses back in their slots. */
extern void (*hit_unwind_begins)(struct thread *t, const struct arch_regs *regs);

/* Look up c's prototype once (calls returning to ret_addr: the calling object). */
void hit_resolve_proto(struct thread *t, struct bp_callee *c, taddr_t at, taddr_t ret_addr);

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
