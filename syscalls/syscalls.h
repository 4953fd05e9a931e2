/*
 * System calls (-S): the table of the architecture's calls, generated from data files
 * (sysdeps/linux-gnu/ARCH/syscalls.tbl: numbers, names, argument counts;
 * syscalls/signatures.tbl: how each argument is shown), and the decoders that turn a
 * call's raw values into the text strace would print. No ptrace in here: tracee memory is
 * read through a struct sys_mem, so that the decoders are unit-testable.
 */
#ifndef LTRACE_SYSCALLS_H
#define LTRACE_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/strbuf.h"

/* Reading tracee memory: up to len bytes at addr; returns the bytes read, or -1. */
struct sys_mem {
	ssize_t (*read)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
};

/* One system call: its number and arguments (from the entry), its result (at the exit),
 * and what sys_save_in read at the entry for an argument the call reads and then writes
 * (the length behind accept's or getsockname's addrlen). */
struct sys_call {
	long nr;
	uint64_t args[6];
	int64_t ret;
	uint64_t saved;
	uint64_t sp;      /* the stack pointer at the entry (rt_sigreturn reads its frame there) */
};

/* The number of the largest known system call plus one. */
size_t sys_count(void);
/* The name of system call nr ("openat"), or NULL if there is none by that number. */
const char *sys_name(long nr);
/* The number of the system call called name, or -1. */
long sys_number(const char *name);
/* Whether the call comes back (false for exit and exit_group). */
bool sys_returns(long nr);
/* How many arguments call nr takes (6 for a number without a name). */
unsigned sys_nargs(long nr);

/*
 * The arguments shown at the entry ("AT_FDCWD, \"/etc/hostname\", O_RDONLY", or "3" for
 * read): every argument before the first one the call writes.
 */
void sys_format_in(struct strbuf *out, const struct sys_call *c, const struct sys_mem *mem,
		   unsigned string_limit);
/* At the entry: read into c->saved what the exit will need of an argument that the call
 * overwrites (an addrlen's value before the call). */
void sys_save_in(struct sys_call *c, const struct sys_mem *mem);
/* Whether some arguments are shown only at the exit. */
bool sys_has_out(long nr);
/* Those arguments, at the exit (", \"myhost\\n\", 16"), after sys_format_in's part. */
void sys_format_out(struct strbuf *out, const struct sys_call *c, const struct sys_mem *mem,
		    unsigned string_limit);
/* The result: "3", "0x7f5c2a1000", "-1 ENOENT (No such file or directory)", or
 * "? ERESTARTSYS (To be restarted if SA_RESTART is set)" for an interrupted call; for
 * poll and select, what became ready (" (in [3])"), read through mem unless it is NULL. */
void sys_format_ret(struct strbuf *out, const struct sys_call *c, const struct sys_mem *mem);
/* Whether the result says that the call was interrupted and will be restarted. */
bool sys_ret_restarts(int64_t ret);
/* Whether it says that the restart will be a restart_syscall (ERESTART_RESTARTBLOCK), and
 * whether nr is that call, which strace shows as "<... resuming interrupted NAME ...>". */
bool sys_ret_restarts_block(int64_t ret);
bool sys_resumes_interrupted(long nr);

/* The file execvp would run for file: file itself when it has a '/', else the first
 * executable PATH entry (in buf), else file. */
const char *sys_exec_path(const char *file, char *buf, size_t size);

/*
 * Which calls -S shows (syscalls/select.c). The -e rules whose library pattern is @SYS
 * select system calls; when no rule is, every call is selected.
 */
struct filter;
void sys_select_init(struct filter *const *e, size_t ne);
bool sys_selected(long nr);
/* Whether every call is selected (then a seccomp filter would save nothing). */
bool sys_select_all(void);
void sys_select_free(void);

/*
 * In a child about to exec: install a seccomp filter that stops (SECCOMP_RET_TRACE) only
 * at the selected calls, after PR_SET_NO_NEW_PRIVS (syscalls/seccomp.c). 0, or -1 with
 * errno when the kernel has no seccomp filters.
 */
int sys_seccomp_install(void);

#endif
