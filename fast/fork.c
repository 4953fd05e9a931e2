/*
 * --fast across fork and vfork.
 *
 * A forked child starts with copies of its parent's agent: its code, its data (the
 * thread table and the shadow stacks: the forking thread's calls in progress, fork among
 * them, return in the child too), and the shared area, which is the parent's: the child
 * would write into its parent's rings. A child we follow gets, at its first stop, a
 * shared area of its own, mapped where the parent's was, holding the parent's table of
 * functions as it was at the fork; its forking thread's entry gets the child's id. A
 * child we do not follow has its agent pass calls through.
 *
 * A vfork child runs in its parent's memory, on the parent's thread pointer, until it
 * execs or exits: its calls use the parent's entry of the thread table. Its records carry
 * the child's id meanwhile (we write it into the entry at the vfork event, and put the
 * parent's back when vfork is done). vfork returns twice and its return address is not
 * replaced: its returns are shown at the ptrace events, 0 in the child (at its first
 * stop), the child's id in the parent (when vfork is done).
 */
#include "fast/fast.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "breakpoints/hit.h"
#include "common/xalloc.h"
#include "fast/agent_state.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

/* A forked child we follow, until its first stop. */
struct forked {
	pid_t child;
	struct fast_agent a;     /* the parent's agent at the fork (addresses, functions) */
	struct fast_func *funcs; /* the parent's table of functions then */
	struct forked *next;
};

/* A vfork in progress, or a call of vfork shown and waiting for its event (child 0). */
struct vforked {
	pid_t parent, child; /* threads */
	pid_t owner;         /* the process whose agent the child borrows */
	int idx;             /* the parent's entry in its thread table; -1: none */
	bool called;         /* a call of vfork was shown: its returns are to show */
	taddr_t sp, ret;     /* of that call */
	struct vforked *next;
};

static struct forked *forks;
static struct vforked *vforks;

static void *dup_mem(const void *p, size_t n)
{
	return n == 0 ? NULL : memcpy(xmalloc(n), p, n);
}

static struct vforked *vfork_of(pid_t tid, bool as_child)
{
	for (struct vforked *v = vforks; v != NULL; v = v->next)
		if ((as_child ? v->child : v->parent) == tid)
			return v;
	return NULL;
}

static void vfork_forget(struct vforked *v)
{
	for (struct vforked **l = &vforks; *l != NULL; l = &(*l)->next)
		if (*l == v) {
			*l = v->next;
			free(v);
			return;
		}
}

void fast_vfork_called(struct thread *t, taddr_t sp, taddr_t ret)
{
	struct vforked *v = xcalloc(1, sizeof(*v));

	*v = (struct vforked){ .parent = t->tid, .idx = -1, .called = true, .sp = sp,
			       .ret = ret, .next = vforks };
	vforks = v;
}

/* The call of vfork that v stands for returns value in t. */
static void vfork_returns(struct thread *t, const struct vforked *v, uint64_t value)
{
	const uint64_t rv[2] = { value, 0 };
	struct hit_src src = { .read = mem_read, .returns_caught = true };
	struct arch_regs regs;

	if (!v->called || t->proc == NULL || t->proc->state != PROC_TRACED)
		return;
	arch_fast_return_regs(&regs, rv, arch_sp_after_return(v->sp), v->ret);
	hit_return(t, &regs, v->ret, &src);
}

/* Write id into the tid of entry idx of the thread table of a's process. */
static void entry_tid(const struct fast_agent *a, int fd, int idx, pid_t id)
{
	uint32_t tid = (uint32_t)id;

	mem_write(fd, fast_entry_at(a, idx) + offsetof(struct fast_thread, tid), &tid,
		  sizeof(tid));
}

/* The entry of thread t (stopped) in a's table, or -1. */
static int entry_of(const struct fast_agent *a, const struct thread *t)
{
	struct arch_regs regs;

	if (arch_get_regs(t->tid, &regs) < 0)
		return -1;
	return fast_thread_entry(a, a->pid, arch_thread_pointer(&regs));
}

static void vforked(struct thread *parent, struct fast_agent *a, pid_t child)
{
	struct vforked *v = vfork_of(parent->tid, false);

	if (v == NULL || v->child != 0) { /* no call of vfork shown: clone(CLONE_VFORK) */
		v = xcalloc(1, sizeof(*v));
		*v = (struct vforked){ .parent = parent->tid, .next = vforks };
		vforks = v;
	}
	v->child = child;
	v->owner = a->pid;
	v->idx = entry_of(a, parent);
	if (v->idx >= 0)
		entry_tid(a, process_vm(parent->proc)->mem_fd, v->idx, child);
}

void fast_vfork_done(struct thread *t)
{
	struct vforked *v = vfork_of(t->tid, false);

	if (v == NULL || v->child == 0)
		return;
	struct fast_agent *a = fast_agent_of(v->owner);
	if (a != NULL && v->idx >= 0)
		entry_tid(a, process_vm(t->proc)->mem_fd, v->idx, t->tid);
	vfork_returns(t, v, (uint64_t)v->child);
	vfork_forget(v);
}

/* A forked child we do not follow: its agent passes calls through. */
static void child_off(const struct fast_agent *a, pid_t child)
{
	uint32_t off = 1;
	int fd = mem_open(child);

	if (fd >= 0) {
		mem_write(fd, a->data + offsetof(struct fast_data, off), &off, sizeof(off));
		close(fd);
	}
}

void fast_child_created(struct thread *parent, pid_t child, bool shares_vm, bool follow)
{
	struct fast_agent *a = fast_agent_of(process_vm(parent->proc)->pid);

	if (a == NULL)
		return;
	if (shares_vm) {
		vforked(parent, a, child);
	} else if (!follow) {
		child_off(a, child);
	} else {
		struct forked *f = xcalloc(1, sizeof(*f));
		f->child = child;
		f->a = *a;
		f->a.fns = dup_mem(a->fns, a->nfns * sizeof(*a->fns));
		f->funcs = dup_mem(a->sh->funcs, a->nfns * sizeof(*a->sh->funcs));
		f->next = forks;
		forks = f;
	}
}

static struct forked *take_fork(pid_t child)
{
	for (struct forked **l = &forks; *l != NULL; l = &(*l)->next) {
		struct forked *f = *l;
		if (f->child == child) {
			*l = f->next;
			return f;
		}
	}
	return NULL;
}

/* -c alone: the calls in progress in entry idx of c's thread table (the forking
 * thread's, copied) return in the child too, and count there once more (as each return
 * counts without --fast). */
static void count_inherited(struct fast_agent *c, pid_t pid, int idx)
{
	taddr_t at = fast_entry_at(c, idx);
	uint64_t stack;

	if (!c->sh->count_only ||
	    mem_read(pid, at + offsetof(struct fast_thread, stack), &stack, sizeof(stack)) !=
		    (ssize_t)sizeof(stack))
		return;
	for (uint32_t i = 0; i < (uint32_t)stack && i < FAST_DEPTH; i++) {
		struct fast_frame fr;
		if (mem_read(pid, at + offsetof(struct fast_thread, frames) + i * sizeof(fr), &fr,
			     sizeof(fr)) != (ssize_t)sizeof(fr))
			return;
		if (fr.tsc != 0 && fr.sp != 0 && fr.fid < FAST_MAX_FUNCS)
			c->sh->stats[fr.fid].calls++;
	}
}

/* The agent of forked child t (at its first stop), from its parent's at the fork. */
static void fork_agent(struct thread *t, struct forked *f)
{
	struct process *p = t->proc;
	struct fast_agent *c = xmalloc(sizeof(*c));
	uint32_t pid = (uint32_t)p->pid;
	int pending = 0;

	*c = f->a;
	c->pid = p->pid;
	c->sh = NULL;
	if (fast_map_shared(t, p->scratch.base, c, f->a.shared, &pending) < 0) {
		fprintf(stderr, "ltrace: %d: cannot give the forked process a --fast recorder of "
			"its own: its calls are not shown\n", (int)p->pid);
		child_off(c, p->pid);
		if (c->sh != NULL)
			munmap(c->sh, c->map_len);
		free(c->fns);
		free(c);
	} else {
		memcpy(c->sh->funcs, f->funcs, c->nfns * sizeof(*f->funcs));
		__atomic_store_n(&c->sh->nfuncs, c->nfns, __ATOMIC_RELEASE);
		/* Its own memory is what its agent copies arguments from. */
		mem_write(p->mem_fd, c->data + offsetof(struct fast_data, pid), &pid, sizeof(pid));
		int idx = entry_of(c, t);
		if (idx >= 0) { /* the forking thread's calls in progress go on in the child */
			entry_tid(c, p->mem_fd, idx, t->tid);
			fast_list_rings(c->sh, (unsigned)idx);
			count_inherited(c, p->pid, idx);
		}
		c->next = *fast_agent_list();
		*fast_agent_list() = c;
	}
	if (pending != 0) /* a signal came while we made its system calls: it is still due */
		syscall(SYS_tgkill, p->pid, t->tid, pending);
}

bool fast_fork_child_started(struct thread *t)
{
	struct forked *f = take_fork(t->tid);

	if (f != NULL) {
		fork_agent(t, f);
		free(f->funcs);
		free(f);
		return true;
	}
	struct vforked *v = vfork_of(t->tid, true);
	if (v == NULL)
		return false;
	vfork_returns(t, v, 0); /* the parent's return comes when vfork is done */
	return true;
}
