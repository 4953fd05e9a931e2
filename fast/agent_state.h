/* --fast, the tracer's side: one agent per process (fast/inject.c, ring.c, prepare.c). */
#ifndef LTRACE_FAST_AGENT_STATE_H
#define LTRACE_FAST_AGENT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "fast/agent/shared.h"
#include "tracee/breakpoint.h"

/* A traced function, by its id in the records. */
struct fast_fn {
	struct bp_callee c; /* a copy: the breakpoint record may be forgotten (dlclose) */
	taddr_t at;         /* the stub */
	bool prepared;      /* its captures are decided */
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
/* Start the conversion of time stamps (when calls are timed). */
void fast_clock_start(void);

/* Let the tracer sleep on (or wake) a futex of the shared area. */
long fast_futex(uint32_t *word, int op, uint32_t val, long timeout_ns);

#endif
