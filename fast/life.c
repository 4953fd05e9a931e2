/* --fast: agents through the life of their processes: new threads, forks, the end. */
#include "fast/fast.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fast/agent_state.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

/* Where the agent's table looks for a thread pointer first (as fast/agent/agent.c). */
static unsigned first_probe(uint64_t tp)
{
	return (unsigned)(((tp >> 12) ^ (tp >> 21)) % FAST_THREADS);
}

void fast_thread_started(struct thread *t)
{
	struct fast_agent *a = t->proc != NULL ? fast_agent_of(t->proc->pid) : NULL;
	struct arch_regs regs;

	if (a == NULL || arch_get_regs(t->tid, &regs) < 0)
		return;
	uint64_t tp = arch_thread_pointer(&regs);
	for (unsigned i = 0, h = first_probe(tp); i < FAST_THREADS; i++) {
		taddr_t at = a->data + offsetof(struct fast_data, threads) +
			     ((h + i) % FAST_THREADS) * sizeof(struct fast_thread);
		uint64_t cur = 0;
		if (mem_read(t->proc->pid, at, &cur, sizeof(cur)) != (ssize_t)sizeof(cur) ||
		    cur == 0)
			return; /* not there: the thread claims its entry itself */
		if (cur == tp) { /* a thread that has exited had this thread pointer */
			/* its tid, and the rest before the frames zero (level, stack...) */
			enum { HEAD = offsetof(struct fast_thread, frames) -
				      offsetof(struct fast_thread, tid) };
			uint8_t fresh[HEAD] = { 0 };
			uint32_t tid = (uint32_t)t->tid;
			memcpy(fresh, &tid, sizeof(tid));
			mem_write(t->proc->mem_fd, at + offsetof(struct fast_thread, tid), fresh,
				  sizeof(fresh));
			return;
		}
	}
}

void fast_child_off(pid_t child, pid_t parent)
{
	struct fast_agent *a = fast_agent_of(parent);
	uint32_t off = 1;

	if (a == NULL)
		return;
	int fd = mem_open(child);
	if (fd >= 0) {
		mem_write(fd, a->data + offsetof(struct fast_data, off), &off, sizeof(off));
		close(fd);
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
		let_go(a);
		*link = a->next;
		forget(a);
		return;
	}
}

void fast_let_go_all(void)
{
	fast_drain();
	for (struct fast_agent *a = fast_agents(); a != NULL; a = a->next)
		let_go(a);
}
