/*
 * The breakpoint plan: which addresses of an object get breakpoints, from the selection
 * options (-e, -l, -x, -L): PLT stubs whose calls are traced, function entries (-x).
 */
#ifndef LTRACE_PLAN_H
#define LTRACE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "common/taddr.h"
#include "tracee/breakpoint.h"

struct thread;
struct library;
struct bp_callee;
struct breakpoint;

/* How a selected PLT stub is redirected when not by this engine (--fast: into the agent;
 * set by proc/). 0, or -1: it gets this engine's breakpoint instead. */
extern int (*plan_stub_planter)(struct thread *t, struct breakpoint *bp);
/* The same for the entry of a function selected with -x (size: its symbol's). */
extern int (*plan_entry_planter)(struct thread *t, struct breakpoint *bp, size_t size);
/* Set with plan_stub_planter: whether the planter wants the stubs of calls to sym even
 * when they are not traced (given with BP_ROLE_HOOK and without BP_ROLE_CALL). */
extern bool (*plan_stub_hook)(const char *sym);

/* Set with plan_stub_planter: whether the planter wants a breakpoint at the entry of
 * function sym, defined by an object, for what it does there (BP_ROLE_UNWIND). */
extern bool (*plan_entry_hook)(const char *sym);

/* Plant what the selection asks for in lib (thread t of its process is stopped). */
void plan_object(struct thread *t, struct library *lib);
/* The same for every object of t's process not yet planned; with -l, the objects planned
 * before also get the calls they make to functions the new ones define. */
void plan_new_objects(struct thread *t);

/*
 * A breakpoint at addr that resumes by running the instruction out of line (its roles are
 * the caller's to set; 0 roles: not planted yet). NULL, with *why, if it cannot be.
 */
struct breakpoint *plan_out_of_line(struct thread *t, taddr_t addr, const char **why);

/* An IFUNC's resolver returned impl: trace it as the IFUNC (ifunc: its names). */
void plan_ifunc_choice(struct thread *t, const struct bp_callee *ifunc, taddr_t impl);
/* At the program's entry point and after -p: the IFUNCs selected by -x whose calls are
 * already bound (plan_ifunc_choice). */
void plan_bound_ifuncs(struct thread *t);

/* The dynamic loader's hook at addr. */
void plan_hook(struct thread *t, taddr_t addr);

/* The program's entry point: when it is reached, relocations are done (plan_direct_calls,
 * as at a library's initialiser). */
void plan_start(struct thread *t, taddr_t entry);

/* A call through a GOT slot without a PLT stub (-fno-plt) that the selection traces, made
 * by some object: the slot (where it is), the function it holds, and how its calls are
 * shown (callee.lo/hi: the calling object; calls from [skip_lo, skip_hi) are not shown:
 * the start-up code's). */
struct plan_direct {
	taddr_t slot, target;
	struct bp_callee callee;
	bool redirected; /* set by the planter: the calls go elsewhere, no breakpoint */
};
/* How an object's calls through GOT slots are redirected when not by this engine (--fast:
 * their call sites into the agent); those it does not take get a breakpoint at the
 * callee's entry. */
extern void (*plan_direct_planter)(struct thread *t, const struct library *lib,
				   struct plan_direct *calls, size_t n);

/* Calls made through GOT slots without PLT stubs (-fno-plt), in every object of t's
 * process not planned so far (their slots must be relocated): caught at the callee's
 * entry and attributed by the return address. */
void plan_direct_calls(struct thread *t);

#endif
