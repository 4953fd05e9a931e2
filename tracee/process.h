/*
 * Processes (address spaces) and threads. A process owns its breakpoints, its scratch
 * area and what was read of its executable; a thread owns its call stack.
 */
#ifndef LTRACE_PROCESS_H
#define LTRACE_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "tracee/breakpoint.h"
#include "tracee/scratch.h"
#include "common/taddr.h"
#include "elf/image.h"

struct proto;

/* One traced call that has not returned yet. */
struct frame {
	taddr_t ret_addr; /* where it returns to */
	taddr_t entry_sp; /* stack pointer at entry: tells this frame from a recursive one */
	taddr_t at;       /* the breakpoint that caught the call */
	const char *name;
	const char *func; /* the function alone, for a resumed line and -c */
	const char *sym;  /* the symbol (for a resolver: the IFUNC) */
	bool resolver;    /* not a traced call: an IFUNC's resolver, whose return value is
			   * the function to trace as sym (name, func) */
	const struct proto *proto;
	bool has_return_bp; /* false: we could not catch its return */
	uint64_t entry_ts;  /* ns since the epoch at the call, when timed (-c, -T...); or 0 */
	uint64_t entry_hit; /* the thread's hits when the call was entered */
	struct proto_call *call; /* owned: the arguments fetched at the call, for its return
				  * (output arguments, string2...); NULL without a prototype */
	void *call_rec;     /* owned, --fast: the call's record, when its return shows memory
			     * the call copied (fast_fn.keep_call); else NULL */
};

struct process;
struct proto_call;

/* -S: a shown system call, from its entry stop to its exit stop (proc/syscalls.c). */
struct syscall_state {
	bool in;           /* entered and shown: its exit is awaited */
	bool want_exit;    /* with seccomp: resume with PTRACE_SYSCALL to see the exit */
	long nr;
	uint64_t args[6];
	uint64_t saved;    /* sys_call.saved, read at the entry */
	uint64_t sp;       /* sys_call.sp */
	uint64_t entry_ts; /* as frame.entry_ts */
	long interrupted;  /* + 1: the call a restart_syscall will resume (0: none) */
};

struct thread {
	pid_t tid;
	struct process *proc;
	struct frame *stack;
	size_t depth, cap;
	bool started;      /* its first stop has been seen */
	int pending_signal; /* to deliver when it next goes on (seen while we held it) */
	bool at_trap;       /* held at a SIGTRAP stop that was not handled */
	uint64_t hits;      /* breakpoint hits so far */
	struct syscall_state sys; /* -S; its address is the call's output token */
	struct thread *next; /* in the session's list */
};

enum proc_state {
	PROC_STARTING, /* launched, before its first exec */
	PROC_TRACED,   /* breakpoints planted, calls are printed */
	PROC_SILENT,   /* kept attached but not shown (a vfork child without -f) */
};

struct process {
	pid_t pid;
	int mem_fd;
	enum proc_state state;
	bool leader;          /* the program ltrace was asked to run: its status is ours */
	bool attached;        /* -p: let go of it (not killed) when we stop */
	struct bp_table *bps;
	struct scratch scratch;
	struct image *exe;
	struct library *libs; /* the executable first, then what r_debug lists */
	taddr_t r_debug;      /* the dynamic loader's r_debug, or 0 */
	taddr_t bias;         /* load bias of the executable */
	int threads;          /* live threads */
	struct process *vm_owner; /* a vfork child: whose address space (and breakpoints) it
				   * shares until it execs; NULL otherwise */
	bool detach_at_start; /* a child we do not follow: let go at its first stop */
	bool seccomp;         /* -S: our seccomp filter is in it (inherited, never removed): it
			       * stops at the selected system calls only, and must stay traced */
	taddr_t startup_trap; /* after exec: where the one-off trap before set-up is, or 0 */
	uint8_t startup_orig[16];
	struct process *next;
};

struct thread *thread_find(pid_t tid);
/* waitpid(tid, status, __WALL), retried when a signal to us interrupts it: 0 or -1. */
int thread_wait(pid_t tid, int *status);
struct thread *thread_new(pid_t tid, struct process *proc);
/* Give a thread first seen before its creation event its process. */
void thread_set_process(struct thread *t, struct process *proc);
/* The process whose breakpoints are in p's address space (p, or its vfork parent). */
struct process *process_vm(struct process *p);
void thread_free(struct thread *t);

struct process *process_new(pid_t pid);
void process_free(struct process *p);
/* Pop every frame (freeing what they own). */
void thread_clear_stack(struct thread *t);

/* Drop what belongs to the old image (after exec): breakpoints, scratch, executable. */
void process_reset_image(struct process *p);

/* The call stack: push a zeroed frame; the top one or NULL; pop (freeing what it owns). */
struct frame *thread_push(struct thread *t);
struct frame *thread_top(struct thread *t);
void thread_pop(struct thread *t);

/* The number of threads alive across every process. */
size_t threads_count(void);
struct thread *threads_first(void);

#endif
