/*
 * -S: the stops at system calls. Without -S nothing here stops a tracee. With -S, a
 * launched program whose selection is not "every call" gets a seccomp filter (the
 * selected calls stop, the others cost nothing); other processes stop at every call
 * (PTRACE_SYSCALL) and the unselected ones are not shown.
 */
#ifndef LTRACE_PROC_SYSCALLS_H
#define LTRACE_PROC_SYSCALLS_H

#include <stdbool.h>

#include "tracee/process.h"

/* The PTRACE_O_* options -S needs (none without it); with_seccomp for a launched program
 * that gets the filter. */
long syscalls_ptrace_options(bool with_seccomp);
/* Whether a program we launch gets the seccomp filter. */
bool syscalls_use_seccomp(void);

/* A syscall stop (SIGTRAP|0x80) or a PTRACE_EVENT_SECCOMP stop of t. */
void syscalls_stop(struct thread *t);
/* t's process exec'd (the exec event, inside execve): the call ends there. */
void syscalls_exec(struct thread *t);
/* The command about to be launched: its execve is shown at its exec (-S). */
void syscalls_launched(char *const argv[]);
/* The ptrace request that resumes t: PTRACE_SYSCALL or PTRACE_CONT. */
int syscalls_resume_request(const struct thread *t);

#endif
