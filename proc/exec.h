#ifndef LTRACE_EXEC_H
#define LTRACE_EXEC_H

#include "tracee/process.h"
#include "sysdeps/arch.h"

/*
 * A process has just exec'd (thread t is at the exec stop): forget the old image, read
 * the new executable, and plant a one-off trap at the current pc so that set-up can be
 * finished at a stop outside any system call. Returns 0, or -1 if the image cannot be
 * traced (the process then runs on untraced).
 */
int exec_begin(struct thread *t);

/* Read p's executable (its image, load bias, and a fresh /proc/PID/mem). 0, or -1. */
int image_load(struct process *p);

/*
 * With thread t stopped (and no other thread able to run the code at `at`, which is
 * borrowed for a moment): map the scratch area and plant the breakpoints. `loaded`: the
 * libraries are loaded already (attach), read their list now. Signals that arrived
 * meanwhile are left in *pending. 0, or -1 if only calls (not returns) will show.
 */
int image_arm(struct thread *t, taddr_t at, bool loaded, int *pending);

/* The stop at the one-off trap: map the scratch area, plant the breakpoints, and leave
 * regs ready to resume at the original pc. Returns 0, or -1. */
int exec_finish(struct thread *t, struct arch_regs *regs);

#endif
