#include "proc/children.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "proc/memory.h"
#include "proc/session.h"

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

void children_created(struct thread *parent, int event, pid_t child)
{
	struct thread *t = thread_find(child);
	bool waiting = t != NULL && t->started; /* its first stop came already */

	if (t == NULL)
		t = thread_new(child, NULL);
	if (event == PTRACE_EVENT_CLONE && tgid_of(child) == parent->proc->pid) {
		thread_set_process(t, parent->proc);
	} else {
		struct process *p = process_new(child);
		p->state = PROC_SILENT;
		if (event == PTRACE_EVENT_VFORK) {
			p->vm_owner = process_vm(parent->proc);
		} else {
			clean_copy(parent->proc, child);
			p->detach_at_start = true;
		}
		thread_set_process(t, p);
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
	if (ptrace(PTRACE_CONT, t->tid, 0, 0) < 0 && errno != ESRCH)
		fprintf(stderr, "ltrace: cannot resume %d: %s\n", (int)t->tid, strerror(errno));
}

void children_exec_silent(struct thread *t)
{
	let_go(t);
}
