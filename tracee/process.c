#include "tracee/process.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "elf/loaded.h"
#include "proto/proto.h"

static struct thread *threads;
static size_t nthreads;

struct thread *thread_find(pid_t tid)
{
	for (struct thread *t = threads; t != NULL; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

struct thread *thread_new(pid_t tid, struct process *proc)
{
	struct thread *t = xcalloc(1, sizeof(*t));

	t->tid = tid;
	t->proc = proc;
	t->next = threads;
	threads = t;
	nthreads++;
	if (proc != NULL)
		proc->threads++;
	return t;
}

void thread_set_process(struct thread *t, struct process *proc)
{
	t->proc = proc;
	proc->threads++;
}

struct process *process_vm(struct process *p)
{
	return p->vm_owner != NULL ? p->vm_owner : p;
}

void thread_free(struct thread *t)
{
	for (struct thread **p = &threads; *p != NULL; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			nthreads--;
			break;
		}
	}
	if (t->proc != NULL)
		t->proc->threads--;
	thread_clear_stack(t);
	free(t->stack);
	free(t);
}

size_t threads_count(void)
{
	return nthreads;
}

struct thread *threads_first(void)
{
	return threads;
}

struct process *process_new(pid_t pid)
{
	struct process *p = xcalloc(1, sizeof(*p));

	p->pid = pid;
	p->mem_fd = -1;
	p->bps = bp_table_new();
	return p;
}

/* Free what belongs to the current image; leaves p without a breakpoint table. */
static void drop_image(struct process *p)
{
	p->vm_owner = NULL;
	bp_table_free(p->bps);
	p->bps = NULL;
	scratch_free_more(&p->scratch);
	p->scratch = (struct scratch){ 0 };
	image_free(p->exe);
	p->exe = NULL;
	libraries_free(p->libs);
	p->libs = NULL;
	p->r_debug = 0;
	p->bias = 0;
	if (p->mem_fd >= 0)
		close(p->mem_fd);
	p->mem_fd = -1;
}

void process_reset_image(struct process *p)
{
	drop_image(p);
	p->bps = bp_table_new();
}

void process_free(struct process *p)
{
	drop_image(p);
	free(p);
}

struct frame *thread_push(struct thread *t)
{
	if (t->depth == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->stack = xrealloc(t->stack, t->cap * sizeof(*t->stack));
	}
	t->stack[t->depth] = (struct frame){ 0 };
	return &t->stack[t->depth++];
}

struct frame *thread_top(struct thread *t)
{
	return t->depth > 0 ? &t->stack[t->depth - 1] : NULL;
}

void thread_pop(struct thread *t)
{
	if (t->depth > 0) {
		t->depth--;
		proto_call_free(t->stack[t->depth].call);
		t->stack[t->depth].call = NULL;
		free(t->stack[t->depth].call_rec);
		t->stack[t->depth].call_rec = NULL;
	}
}

void thread_clear_stack(struct thread *t)
{
	while (t->depth > 0)
		thread_pop(t);
}

int thread_wait(pid_t tid, int *status)
{
	for (;;) {
		if (waitpid(tid, status, __WALL) >= 0)
			return 0;
		if (errno != EINTR)
			return -1;
	}
}
