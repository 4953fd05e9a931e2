/* -p: attach to a running process, and detach from everything we attached to. */
#include "proc/attach.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "fast/fast.h"
#include "tracee/breakpoint.h"
#include "output/output.h"
#include "proc/exec.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "tracee/scratch_map.h"
#include "proc/syscalls.h"
#include "session/session.h"
#include "sysdeps/arch.h"

#define SEIZE_OPTIONS (PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | \
		       PTRACE_O_TRACEEXEC)

/* The tracer of pid, from /proc (0: none). */
static pid_t tracer_of(pid_t pid)
{
	char path[64], line[256];
	pid_t tracer = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "TracerPid: %d", &tracer) == 1)
			break;
	fclose(f);
	return tracer;
}

static void attach_error(pid_t pid, int err)
{
	pid_t tracer = err == EPERM ? tracer_of(pid) : 0;

	if (tracer != 0)
		fprintf(stderr, "ltrace: cannot attach to %d: %s (already traced by %d)\n",
			(int)pid, strerror(err), (int)tracer);
	else
		fprintf(stderr, "ltrace: cannot attach to %d: %s\n", (int)pid, strerror(err));
}

/* Seize every thread in /proc/PID/task until a pass finds no new one. Returns the
 * number seized, or -1 with errno if the process itself could not be seized. */
static int seize_threads(struct process *p)
{
	char path[64];
	int total = 0, added;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)p->pid);
	do {
		DIR *d = opendir(path);
		if (d == NULL) {
			if (errno == ENOENT)
				errno = ESRCH; /* no such process */
			return total > 0 ? total : -1;
		}
		added = 0;
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			pid_t tid = (pid_t)atoi(e->d_name);
			if (tid <= 0 || thread_find(tid) != NULL)
				continue;
			if (ptrace(PTRACE_SEIZE, tid, 0,
				   SEIZE_OPTIONS | syscalls_ptrace_options(false) |
				   (session.fast ? PTRACE_O_TRACEVFORKDONE : 0)) < 0) {
				if (tid == p->pid && total == 0) {
					int err = errno;
					closedir(d);
					errno = err;
					return -1;
				}
				continue; /* a thread that exited meanwhile */
			}
			thread_new(tid, p)->started = true;
			added++;
		}
		closedir(d);
		total += added;
	} while (added > 0);
	return total;
}

/* Whether tid has a SIGTRAP queued that it has not reported yet (it executed one of our
 * int3 just before PTRACE_INTERRUPT, whose stop the kernel reports first). */
static bool sigtrap_queued(pid_t tid)
{
	char path[64], line[256];
	unsigned long long pnd = 0;
	bool found = false;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return false;
	while (!found && fgets(line, sizeof(line), f) != NULL)
		found = sscanf(line, "SigPnd: %llx", &pnd) == 1;
	fclose(f);
	return (pnd & (1ull << (SIGTRAP - 1))) != 0;
}

/*
 * Wait until thread t is stopped (we asked with PTRACE_INTERRUPT). A signal it reports
 * meanwhile is kept to be delivered later; a thread it creates meanwhile is added (it
 * starts stopped). Returns 0 when stopped, -1 if it is gone.
 */
static int wait_stopped(struct thread *t)
{
	int status;

	for (;;) {
		if (thread_wait(t->tid, &status) < 0)
			return -1;
		if (WIFEXITED(status) || WIFSIGNALED(status))
			return -1;
		int event = status >> 16, sig = WSTOPSIG(status);
		if (event == PTRACE_EVENT_STOP && sigtrap_queued(t->tid)) {
			/* Let it report the trap: it stops again before running any code. */
			if (ptrace(PTRACE_CONT, t->tid, 0, 0) == 0)
				continue;
		}
		if (event == PTRACE_EVENT_CLONE) {
			unsigned long msg = 0;
			ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg);
			if (thread_find((pid_t)msg) == NULL)
				thread_new((pid_t)msg, t->proc); /* its first stop: see below */
		} else if (event == 0 && sig == SIGTRAP) {
			t->at_trap = true;
		} else if (event == 0 && sig != (SIGTRAP | 0x80)) { /* not a syscall stop (-S) */
			t->pending_signal = sig;
		}
		return 0;
	}
}

/* Stop every thread of p; threads that are gone are forgotten. */
static void stop_all(struct process *p)
{
	for (struct thread *t = threads_first(), *next; t != NULL; t = next) {
		next = t->next;
		if (t->proc == p)
			ptrace(PTRACE_INTERRUPT, t->tid, 0, 0);
	}
	for (struct thread *t = threads_first(), *next; t != NULL; t = next) {
		next = t->next;
		if (t->proc == p && wait_stopped(t) < 0)
			thread_free(t);
	}
}

static void resume_all(struct process *p)
{
	for (struct thread *t = threads_first(); t != NULL; t = t->next) {
		if (t->proc != p)
			continue;
		ptrace(syscalls_resume_request(t), t->tid, 0, t->pending_signal);
		t->pending_signal = 0;
	}
}

/* Where to borrow the code that runs the first mmap: the executable's entry point, which
 * runs once at start; the thread's pc only when it is there. Not the pc in general: a
 * thread stopped in an interrupted system call has its pc set back to the call's
 * instruction, and aarch64 restarts that call, instead of running ours, when the thread
 * resumes with its pc still there. */
static taddr_t borrowed_code(const struct process *p, taddr_t pc)
{
	taddr_t entry = p->exe->entry + p->bias;

	if (p->exe->entry == 0 || (pc + 16 > entry && pc < entry + 16))
		return pc;
	return entry;
}

int attach_process(pid_t pid)
{
	struct process *p = process_new(pid);

	p->state = PROC_TRACED;
	p->attached = true;
	int nthreads = seize_threads(p);
	if (nthreads < 0) {
		attach_error(pid, errno);
		process_free(p);
		return -1;
	}
	if (nthreads > 1)
		output_show_pids(true); /* lines must say which thread they belong to */
	stop_all(p);
	struct thread *leader = thread_find(pid);
	struct arch_regs regs;
	int pending = 0;
	if (leader == NULL || image_load(p) < 0 || arch_get_regs(leader->tid, &regs) < 0 ||
	    image_arm(leader, borrowed_code(p, arch_pc(&regs)), true, &pending) < 0)
		fprintf(stderr, "ltrace: %d: could not set up everything: some calls or returns "
			"will not be shown\n", (int)pid);
	else if (session.fast) /* everything is loaded: what the agent copies, now */
		fast_prepare(leader, true);
	if (leader != NULL && pending != 0)
		leader->pending_signal = pending;
	resume_all(p);
	return 0;
}

/* Step a thread that is inside the scratch area until it is back in the program's own
 * code (every slot ends with a jump out of it). */
static void step_out_of_scratch(struct thread *t, const struct scratch *sc)
{
	struct arch_regs regs;
	int status;

	for (int i = 0; i < 16; i++) {
		if (arch_get_regs(t->tid, &regs) < 0 || !scratch_contains(sc, arch_pc(&regs)))
			return;
		if (ptrace(PTRACE_SINGLESTEP, t->tid, 0, 0) < 0)
			return;
		if (thread_wait(t->tid, &status) < 0 || !WIFSTOPPED(status))
			return;
		if ((status >> 16) == 0 && WSTOPSIG(status) != SIGTRAP)
			t->pending_signal = WSTOPSIG(status);
	}
}

/* Put a stopped thread back on its own path before our code goes away. */
static void restore_thread(struct thread *t, struct process *vm)
{
	struct arch_regs regs;

	if (arch_get_regs(t->tid, &regs) == 0) {
		taddr_t at = arch_trap_address(arch_pc(&regs));
		struct breakpoint *bp = bp_find(vm->bps, at);
		/* Caught at our trap, or past the breakpoint of a patched stub's trampoline:
		 * back to the start, which will be the original instruction again. */
		if (bp != NULL && bp->roles != 0 && (t->at_trap || at == bp->trap)) {
			arch_set_pc(&regs, bp->addr);
			arch_set_regs(t->tid, &regs);
		}
	}
	t->at_trap = false;
	step_out_of_scratch(t, &vm->scratch);
}

/* Take our scratch areas out of p's address space (all its threads are stopped and none
 * is inside an area), so that attaching again finds the same room. The munmap runs
 * through code lent as at the attach (borrowed_code: not the pc of a thread in an
 * interrupted system call, which aarch64 would restart instead of running ours): the
 * stub in the first area would be unmapped under its own feet. */
static void unmap_scratch(struct process *p)
{
	struct thread *t = threads_first();
	struct arch_regs regs;
	struct code_loan loan;
	int pending = 0;

	while (t != NULL && t->proc != p)
		t = t->next;
	if (t == NULL || p->scratch.base == 0 || arch_get_regs(t->tid, &regs) < 0)
		return;
	taddr_t at = borrowed_code(p, arch_pc(&regs));
	if (scratch_code_borrow(p, at, &loan) < 0)
		return;
	scratch_unmap_all(t, at, &p->scratch, &pending);
	scratch_code_return(p, &loan);
	if (pending != 0 && t->pending_signal == 0)
		t->pending_signal = pending;
}

static void detach_process(struct process *p)
{
	struct process *vm = process_vm(p);

	stop_all(p);
	for (struct thread *t = threads_first(); t != NULL; t = t->next)
		if (t->proc == p)
			restore_thread(t, vm);
	if (vm == p && p->mem_fd >= 0) {
		bp_unplant_all(p->bps, p->mem_fd);
		if (!p->scratch.kept)
			unmap_scratch(p);
	}
	for (struct thread *t = threads_first(), *next; t != NULL; t = next) {
		next = t->next;
		if (t->proc != p)
			continue;
		ptrace(PTRACE_DETACH, t->tid, 0, t->pending_signal);
		thread_free(t);
	}
	process_free(p);
}

void detach_all(bool launched_too)
{
	struct thread *t;

	output_flush(true);
	/* vfork children first: they share a parent's breakpoints. */
	for (int pass = 0; pass < 2; pass++) {
		bool again = true;
		while (again) {
			again = false;
			for (t = threads_first(); t != NULL; t = t->next) {
				struct process *p = t->proc;
				if (p == NULL || (pass == 0) != (p->vm_owner != NULL))
					continue;
				if (!launched_too && !p->attached &&
				    !(p->vm_owner != NULL && p->vm_owner->attached))
					continue;
				detach_process(p);
				again = true; /* the list changed */
				break;
			}
		}
	}
}
