#include "proc/children.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "fast/fast.h"
#include "output/output.h"
#include "proc/libraries.h"
#include "tracee/memory.h"
#include "session/session.h"
#include "proc/syscalls.h"

/* The thread-group id of tid, from /proc; -1 if unknown. */
static pid_t tgid_of(pid_t tid)
{
	char path[64], line[256];
	pid_t tgid = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

static void let_go(struct thread *t)
{
	struct process *p = t->proc;

	ptrace(PTRACE_DETACH, t->tid, 0, 0);
	thread_free(t);
	if (p != NULL && p->threads == 0)
		process_free(p);
}

/* A forked copy of the address space carries our breakpoints: put its code back. */
static void clean_copy(struct process *parent, pid_t child)
{
	int fd = mem_open(child);

	if (fd < 0) {
		fprintf(stderr, "ltrace: cannot clean breakpoints from child %d: %s\n",
			(int)child, strerror(errno));
		return;
	}
	bp_unplant_all(process_vm(parent)->bps, fd);
	close(fd);
}

/* A child we follow (-f): it starts with its parent's breakpoints, and its only thread
 * is inside the same calls as the parent's thread (the fork among them). */
static struct process *followed_child(struct thread *parent, pid_t child, bool shares_vm,
				      struct thread *t)
{
	struct process *pp = parent->proc, *p = process_new(child);

	p->state = PROC_TRACED;
	p->seccomp = pp->seccomp;
	p->attached = pp->attached; /* let go of, not killed, when we stop */
	if (shares_vm) {
		p->vm_owner = process_vm(pp);
	} else {
		struct process *vm = process_vm(pp);
		bp_table_free(p->bps);
		p->bps = bp_table_clone(vm->bps);
		scratch_copy(&p->scratch, &vm->scratch);
		p->mem_fd = mem_open(child);
	}
	p->exe = image_ref(pp->exe);
	p->bias = pp->bias;
	if (!shares_vm) {
		p->libs = libraries_copy(process_vm(pp)->libs);
		p->r_debug = process_vm(pp)->r_debug;
	}
	for (size_t i = 0; i < parent->depth; i++) {
		struct frame *f = thread_push(t);
		*f = parent->stack[i];
		f->call = NULL; /* the parent's: the child's return shows no output arguments */
		f->call_rec = NULL;
	}
	return p;
}

/* A child we do not follow: a forked copy is cleaned of our breakpoints and let go; a
 * vfork child shares our breakpoints, so it stays attached, unseen, until it execs. With
 * our seccomp filter (-S), it stays attached, unseen, to its end: untraced, its selected
 * system calls would fail with ENOSYS. */
static struct process *unfollowed_child(struct thread *parent, pid_t child, bool shares_vm)
{
	struct process *p = process_new(child);

	p->state = PROC_SILENT;
	p->seccomp = parent->proc->seccomp;
	if (shares_vm) {
		p->vm_owner = process_vm(parent->proc);
	} else {
		clean_copy(parent->proc, child);
		p->detach_at_start = !p->seccomp;
	}
	return p;
}

void children_created(struct thread *parent, int event, pid_t child)
{
	struct thread *t = thread_find(child);
	bool waiting = t != NULL && t->started; /* its first stop came already */

	if (t == NULL)
		t = thread_new(child, NULL);
	if (event == PTRACE_EVENT_CLONE && tgid_of(child) == parent->proc->pid) {
		thread_set_process(t, parent->proc);
		output_show_pids(true); /* lines must say which thread they belong to */
	} else {
		bool shares_vm = event == PTRACE_EVENT_VFORK;
		bool follow = session.follow_forks && parent->proc->state == PROC_TRACED;
		thread_set_process(t, follow ? followed_child(parent, child, shares_vm, t)
					     : unfollowed_child(parent, child, shares_vm));
		if (session.fast) /* before the child runs: its copy of the agent */
			fast_child_created(parent, child, shares_vm, follow);
	}
	if (waiting)
		children_first_stop(t);
}

struct thread *children_unknown(pid_t tid)
{
	return thread_new(tid, NULL);
}

void children_first_stop(struct thread *t)
{
	if (t->proc == NULL)
		return; /* held until its creation event says what it is */
	if (t->proc->detach_at_start) {
		let_go(t);
		return;
	}
	if (session.fast)
		fast_thread_started(t);
	if (ptrace(syscalls_resume_request(t), t->tid, 0, 0) < 0 && errno != ESRCH)
		fprintf(stderr, "ltrace: cannot resume %d: %s\n", (int)t->tid, strerror(errno));
}

void children_exec_silent(struct thread *t)
{
	if (t->proc->seccomp) { /* see unfollowed_child: it now has an address space of its own */
		t->proc->vm_owner = NULL;
		if (ptrace(PTRACE_CONT, t->tid, 0, 0) < 0 && errno != ESRCH)
			fprintf(stderr, "ltrace: cannot resume %d: %s\n", (int)t->tid,
				strerror(errno));
		return;
	}
	let_go(t);
}
