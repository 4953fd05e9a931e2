/* --fast, the tracer's side: one agent per process (fast/inject.c, ring.c, prepare.c). */
#ifndef LTRACE_FAST_AGENT_STATE_H
#define LTRACE_FAST_AGENT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/taddr.h"

#include "fast/agent/shared.h"
#include "tracee/breakpoint.h"

struct thread;

/* A traced function, by its id in the records. */
struct fast_fn {
	struct bp_callee c; /* a copy: the breakpoint record may be forgotten (dlclose) */
	taddr_t at;         /* the stub */
	bool prepared;      /* its captures are decided */
	bool vfork;         /* returns when the ptrace events of the vfork say so */
	bool keep_call;     /* its return shows memory the call copied: its record is kept
			     * in the frame (a format after an output argument: sprintf) */
};

struct fast_agent {
	pid_t pid;
	struct fast_shared *sh; /* our mapping of the shared area (then the ring, twice) */
	size_t map_len;
	taddr_t code, data, shared; /* in the program */
	taddr_t call_entry;
	bool started;           /* the program's entry point was reached */
	struct fast_fn *fns;
	size_t nfns;
	struct fast_agent *next;
};

/* The agent in process pid, or NULL. */
struct fast_agent *fast_agent_of(pid_t pid);
struct fast_agent *fast_agents(void);
/* The list itself, to take one out. */
struct fast_agent **fast_agent_list(void);

/* ns since the epoch of an agent's time stamp. */
uint64_t fast_ns(uint64_t tsc);
/* ns in n counts of the time stamps (a duration). */
uint64_t fast_span_ns(uint64_t n);
/* Start the conversion of time stamps (when calls are timed). */
void fast_clock_start(void);

/* One system call in t, through the syscall-then-trap code at stub: what it returned
 * (-errno), or INT64_MIN if it could not be made. */
int64_t fast_sys(struct thread *t, taddr_t stub, long nr, uint64_t a0, uint64_t a1,
		 uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, int *pending);
/* A new shared area for a (whose data are mapped in t's process): a memfd made there,
 * mapped there at `at` in place of what is there (0: anywhere; a->shared) and here
 * (a->sh), its header set and its liveness lock held by us. 0, or -1. */
int fast_map_shared(struct thread *t, taddr_t stub, struct fast_agent *a, taddr_t at,
		    int *pending);

/* The index of the entry of the thread table of a's process (pid) that holds thread
 * pointer tp, or -1. */
int fast_thread_entry(const struct fast_agent *a, pid_t pid, uint64_t tp);
/* Where that entry is in the program. */
taddr_t fast_entry_at(const struct fast_agent *a, int idx);
/* The entry's rings are listed for the tracer (as the agent does when it claims one). */
void fast_list_rings(struct fast_shared *sh, unsigned idx);

/* --fast across fork and vfork (fast/fork.c): a call of vfork was shown (t, its stack
 * pointer and return address at the entry); its returns come with the ptrace events. */
void fast_vfork_called(struct thread *t, taddr_t sp, taddr_t ret);
/* A thread's first stop: a forked child we follow gets an agent of its own. Whether t
 * was such a child. */
bool fast_fork_child_started(struct thread *t);

/* A new function of a's table (c: how its calls are shown, at: where they are caught;
 * traced: shown, not only a hook), whose calls go on through *slot: its id, or -1. */
int fast_new_func(struct fast_agent *a, const struct bp_callee *c, taddr_t at, bool traced,
		  taddr_t slot);
struct process;
/* A trampoline into the agent for function id, written at tramp in p. 0, or -1. */
int fast_write_tramp(struct process *p, const struct fast_agent *a, int id, taddr_t tramp);

/* Let the tracer sleep on (or wake) a futex of the shared area. */
long fast_futex(uint32_t *word, int op, uint32_t val, long timeout_ns);

#endif
