#ifndef LTRACE_HIT_H
#define LTRACE_HIT_H

#include "breakpoints/breakpoint.h"
#include "proc/process.h"
#include "sysdeps/arch.h"

/*
 * Thread t stopped at breakpoint bp (regs as read at the stop). Print what the stop means
 * (a call entered, a call returned), then set regs so that the thread goes on as if the
 * breakpoint were not there. Returns 0, or -1 if it cannot go on (the caller resumes
 * it anyway, and reports).
 */
int bp_hit(struct thread *t, struct breakpoint *bp, struct arch_regs *regs);

/* A return site for calls that come back to ret_addr: planted on first use. */
struct breakpoint *bp_return_site(struct thread *t, taddr_t ret_addr);

#endif
