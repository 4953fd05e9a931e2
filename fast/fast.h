/*
 * --fast: the in-process recorder. The agent (fast/agent/) is put into a program at the
 * first stop after its exec; PLT stubs selected by the plan (breakpoints/plan.c) jump to
 * per-function trampolines into the agent instead of trapping; the agent writes records
 * into a ring shared with the tracer, which shows them through the same call and return
 * logic as the breakpoint engine (breakpoints/hit.c). ptrace stays attached for the
 * process's life events (exec, clone, exit, signals) and the dynamic loader's hook.
 */
#ifndef LTRACE_FAST_H
#define LTRACE_FAST_H

#include <stdbool.h>
#include <sys/types.h>

#include "common/taddr.h"

struct thread;
struct process;
struct breakpoint;
struct arch_regs;

/* Whether this architecture has an agent (x86-64 only so far). */
extern const bool fast_available;

/* Put the agent into t's process (stopped, outside any system call), running the system
 * calls it needs through the syscall-then-trap code at stub. 0, or -1. */
int fast_inject(struct thread *t, taddr_t stub, int *pending);

/* Redirect the PLT stub of bp (roles and callee set) into the agent. 0, or -1. */
int fast_plant_stub(struct thread *t, struct breakpoint *bp);
/* Redirect the entry of a function (bp: at its entry, roles and callee set; size: its
 * symbol's) into the agent: a jump over its first instructions, copied out of line.
 * 0, or -1 (it cannot be: the caller plants a breakpoint). */
int fast_plant_entry(struct thread *t, struct breakpoint *bp, size_t size);

/* Redirect the calls of lib through GOT slots without stubs (-fno-plt) into the agent,
 * at their call sites (plan_direct_planter): those taken are marked redirected. */
struct library;
struct plan_direct;
void fast_plant_direct(struct thread *t, const struct library *lib, struct plan_direct *calls,
		       size_t n);

/* Whether the agent wants the PLT stubs of calls to sym even when they are not traced
 * (plan_stub_hook: the unwinder's entries, for C++ exceptions and backtrace()). */
bool fast_hooked(const char *sym);

/* At the program's entry point (start) and after the loader's hook: look up the
 * prototypes of the functions planted so far and tell the agent what memory to copy.
 * Before the entry point, the libraries (and the prototypes they bring) are not all
 * there yet: nothing is done. */
void fast_prepare(struct thread *t, bool start);

/* Show what the rings hold; true if there was anything. */
bool fast_drain(void);

/* A thread is gone: show what the rings hold (its own records are all there: each
 * thread writes into rings of its own). */
void fast_settle(void);

/* Sleep until the agents have written a good part of a ring, a signal comes to us (a
 * child stopped: SIGCHLD), or a short while has passed. */
void fast_sleep(void);

/* A thread seen for the first time: its table entry, if the thread pointer of one that
 * has exited is reused, gets its id. */
void fast_thread_started(struct thread *t);

/* parent (stopped at its fork, vfork or clone event) made child, another process, which
 * has not run yet. A forked child we follow (-f) gets an agent of its own at its first
 * stop (its copy of the agent must not write into its parent's rings); one we do not
 * follow has its copy pass calls through. A vfork child borrows its parent's entry in
 * the agent's thread table until vfork is done (fast_vfork_done): its records carry its
 * own id meanwhile. */
void fast_child_created(struct thread *parent, pid_t child, bool shares_vm, bool follow);

/* t's vfork is done (PTRACE_EVENT_VFORK_DONE): its entry is its own again, and its call
 * of vfork returns the child's id. */
void fast_vfork_done(struct thread *t);

/* The process is gone or exec'd: show what is left of its ring, then forget it. */
void fast_release(struct process *p);

/* ltrace lets go (detach, end): every agent passes calls through from now on. */
void fast_let_go_all(void);

/* A call caught at a breakpoint (-x) returns to ret, in the agent's code: the original
 * return address (hit_agent_return). 0 if ret is not the agent's. */
taddr_t fast_original_return(struct thread *t, const struct arch_regs *regs, taddr_t ret);

/* Whether the agent's frames must be put back before function sym runs: it unwinds the
 * stack and is reached through no PLT stub (plan_entry_hook). */
bool fast_unwinder(const char *sym);
/* Thread t (regs) is at the entry of such a function: its frames get their original
 * return addresses back in their slots (the thread's calls in progress will not return:
 * it is leaving them by unwinding, for its end). */
void fast_unwind_begins(struct thread *t, const struct arch_regs *regs);

/* Whether any process has an agent. */
bool fast_active(void);

/* Whether pc is in the code of pid's agent (its own system calls: futex waits, copies
 * of arguments, not the program's to show with -S). */
bool fast_agent_pc(pid_t pid, taddr_t pc);

#endif
