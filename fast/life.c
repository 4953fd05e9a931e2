/* --fast: agents through the life of their processes: new threads, forks, the end. */
#include "fast/fast.h"

#include <pthread.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fast/agent_state.h"
#include "output/output.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

/* Where the agent's table looks for a thread pointer first (as fast/agent/agent.c). */
static unsigned first_probe(uint64_t tp)
{
	return (unsigned)(((tp >> 12) ^ (tp >> 21)) % FAST_THREADS);
}

taddr_t fast_entry_at(const struct fast_agent *a, int idx)
{
	return a->data + offsetof(struct fast_data, threads) +
	       (taddr_t)idx * sizeof(struct fast_thread);
}

int fast_thread_entry(const struct fast_agent *a, pid_t pid, uint64_t tp)
{
	for (unsigned i = 0, h = first_probe(tp); i < FAST_THREADS; i++) {
		int idx = (int)((h + i) % FAST_THREADS);
		uint64_t cur = 0;
		if (mem_read(pid, fast_entry_at(a, idx), &cur, sizeof(cur)) !=
			    (ssize_t)sizeof(cur) ||
		    cur == 0)
			return -1; /* not there: the thread claims its entry itself */
		if (cur == tp)
			return idx;
	}
	return -1;
}

void fast_list_rings(struct fast_shared *sh, unsigned idx)
{
	uint32_t zero = 0;

	if (!__atomic_compare_exchange_n(&sh->rings[idx].used, &zero, 1, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		return;
	uint32_t n = __atomic_fetch_add(&sh->nactive, 1, __ATOMIC_ACQ_REL);
	if (n < FAST_THREADS)
		__atomic_store_n(&sh->active[n], (uint16_t)(idx + 1), __ATOMIC_RELEASE);
}

void fast_thread_started(struct thread *t)
{
	struct fast_agent *a = t->proc != NULL ? fast_agent_of(t->proc->pid) : NULL;
	struct arch_regs regs;

	if (fast_fork_child_started(t) || a == NULL || arch_get_regs(t->tid, &regs) < 0)
		return;
	int idx = fast_thread_entry(a, t->proc->pid, arch_thread_pointer(&regs));
	if (idx < 0)
		return;
	/* A thread that has exited had this thread pointer: the new one takes its entry,
	 * with its own tid, and the rest before the frames zero (level, stack...). Its rings
	 * may be new too (a forked child's shared area). */
	enum { HEAD = offsetof(struct fast_thread, frames) - offsetof(struct fast_thread, tid) };
	uint8_t fresh[HEAD] = { 0 };
	uint32_t tid = (uint32_t)t->tid;
	memcpy(fresh, &tid, sizeof(tid));
	mem_write(t->proc->mem_fd, fast_entry_at(a, idx) + offsetof(struct fast_thread, tid),
		  fresh, sizeof(fresh));
	fast_list_rings(a->sh, (unsigned)idx);
}

taddr_t fast_original_return(struct thread *t, const struct arch_regs *regs, taddr_t ret)
{
	struct process *p = process_vm(t->proc);
	struct fast_agent *a = fast_agent_of(p->pid);

	if (a == NULL || !fast_agent_pc(p->pid, ret))
		return 0;
	int idx = fast_thread_entry(a, p->pid, arch_thread_pointer(regs));
	taddr_t at = fast_entry_at(a, idx);
	uint64_t stack = 0;
	if (idx < 0 || mem_read(p->pid, at + offsetof(struct fast_thread, stack), &stack,
				sizeof(stack)) != (ssize_t)sizeof(stack))
		return ret;
	/* The frame of the call in progress whose return address is at the stack pointer
	 * (the top one, unless frames left by longjmp are still above it). */
	for (uint32_t d = (uint32_t)stack; d > 0 && d <= FAST_DEPTH; d--) {
		struct fast_frame f;
		if (mem_read(p->pid, at + offsetof(struct fast_thread, frames) +
				     (d - 1) * sizeof(f), &f, sizeof(f)) != (ssize_t)sizeof(f))
			break;
		if (f.sp == arch_sp(regs))
			return f.ret;
	}
	return ret; /* not found: no return breakpoint in the agent's code all the same */
}

bool fast_unwinder(const char *sym)
{
	/* glibc's thread exit and cancellation, through a pointer to libgcc_s's function */
	return strcmp(sym, "_Unwind_ForcedUnwind") == 0;
}

void fast_unwind_begins(struct thread *t, const struct arch_regs *regs)
{
	struct process *p = process_vm(t->proc);
	struct fast_agent *a = fast_agent_of(p->pid);
	int idx = a != NULL ? fast_thread_entry(a, p->pid, arch_thread_pointer(regs)) : -1;
	struct fast_thread head;

	if (idx < 0)
		return;
	taddr_t at = fast_entry_at(a, idx);
	if (mem_read(p->pid, at, &head, offsetof(struct fast_thread, frames)) !=
	    (ssize_t)offsetof(struct fast_thread, frames))
		return;
	uint32_t depth = (uint32_t)head.stack;
	for (uint32_t i = head.restored; i < depth && i < FAST_DEPTH; i++) {
		struct fast_frame f;
		uint64_t now = 0;
		if (mem_read(p->pid, at + offsetof(struct fast_thread, frames) + i * sizeof(f), &f,
			     sizeof(f)) != (ssize_t)sizeof(f) ||
		    f.sp < arch_sp(regs) || /* another stack's, or over */
		    mem_read(p->pid, f.sp, &now, sizeof(now)) != (ssize_t)sizeof(now) ||
		    !fast_agent_pc(p->pid, now))
			continue;
		mem_write(p->mem_fd, f.sp, &f.ret, sizeof(f.ret));
	}
	/* As after a throw: frames [0, depth) hold their own return addresses. */
	uint32_t mark[2] = { depth, FAST_HOOK_THROW };
	_Static_assert(offsetof(struct fast_thread, unwinding) ==
			       offsetof(struct fast_thread, restored) + sizeof(uint32_t),
		       "restored, then unwinding");
	mem_write(p->mem_fd, at + offsetof(struct fast_thread, restored), mark, sizeof(mark));
}

/* Calls the agent could not record, said once. */
static void say_lost(struct fast_agent *a)
{
	uint64_t lost = __atomic_exchange_n(&a->sh->lost, 0, __ATOMIC_ACQ_REL);

	if (lost > 0)
		fprintf(stderr, "ltrace: %d: --fast: %llu calls not shown: the recorder had no "
			"room for them (more than %d threads at once, calls nested deeper than "
			"%d, or signal handlers nested deeper than %d)\n", (int)a->pid,
			(unsigned long long)lost, FAST_THREADS, FAST_DEPTH, FAST_LEVELS);
}

/* -c alone: what the agent counted goes into the table, once. */
static void harvest(struct fast_agent *a)
{
	for (size_t i = 0; i < a->nfns && i < FAST_MAX_FUNCS; i++) {
		struct fast_stat *st = &a->sh->stats[i];
		uint64_t calls = __atomic_exchange_n(&st->calls, 0, __ATOMIC_ACQ_REL);
		if (calls == 0)
			continue;
		uint64_t tsc = __atomic_exchange_n(&st->tsc, 0, __ATOMIC_ACQ_REL);
		uint64_t min = __atomic_exchange_n(&st->min, 0, __ATOMIC_ACQ_REL);
		uint64_t max = __atomic_exchange_n(&st->max, 0, __ATOMIC_ACQ_REL);
		const struct bp_callee *c = &a->fns[i].c;
		output_counted(c->func != NULL ? c->func : c->name, calls, fast_span_ns(tsc),
			       min != 0 ? fast_span_ns(min) : UINT64_MAX, fast_span_ns(max));
	}
}

static void let_go(struct fast_agent *a)
{
	__atomic_store_n(&a->sh->alive, 0, __ATOMIC_SEQ_CST);
	/* Writers waiting for room see that nobody reads any more. */
	__atomic_add_fetch(&a->sh->space, 1, __ATOMIC_SEQ_CST);
	fast_futex(&a->sh->space, 1 /* FUTEX_WAKE */, 0x7fffffff, 0);
}

static void forget(struct fast_agent *a)
{
	pthread_mutex_unlock((pthread_mutex_t *)(void *)a->sh->lock);
	munmap(a->sh, a->map_len);
	free(a->fns);
	free(a);
}

void fast_release(struct process *p)
{
	struct fast_agent **link = fast_agent_list();

	for (; *link != NULL; link = &(*link)->next) {
		struct fast_agent *a = *link;
		if (a->pid != p->pid)
			continue;
		fast_drain();
		say_lost(a);
		let_go(a);
		harvest(a);
		*link = a->next;
		forget(a);
		return;
	}
}

void fast_let_go_all(void)
{
	fast_drain();
	for (struct fast_agent *a = fast_agents(); a != NULL; a = a->next) {
		say_lost(a);
		let_go(a);
		harvest(a);
	}
}
