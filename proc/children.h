/* New threads and processes: clone, fork, vfork, and what becomes of them. */
#ifndef LTRACE_CHILDREN_H
#define LTRACE_CHILDREN_H

#include <sys/types.h>

#include "tracee/process.h"

/* parent reported a PTRACE_EVENT_CLONE/FORK/VFORK creating child. */
void children_created(struct thread *parent, int event, pid_t child);

/* A stop from a tid we have not heard of (a new thread's first stop can come before
 * its creation event): returns a placeholder thread with no process yet. */
struct thread *children_unknown(pid_t tid);

/* The first stop of an automatically attached thread. */
void children_first_stop(struct thread *t);

/* A process we keep attached silently has exec'd: it has none of our breakpoints any
 * more, so let it go. */
void children_exec_silent(struct thread *t);

#endif
