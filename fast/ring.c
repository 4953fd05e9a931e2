/* --fast: reading the records of the agents and showing them as the engine shows calls. */
#include "fast/fast.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "breakpoints/hit.h"
#include "common/xalloc.h"
#include "fast/agent_state.h"
#include "output/output.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

long fast_futex(uint32_t *word, int op, uint32_t val, long timeout_ns)
{
	struct timespec ts = { timeout_ns / 1000000000L, timeout_ns % 1000000000L };

	return syscall(SYS_futex, word, op, val, timeout_ns > 0 ? &ts : NULL, NULL, 0);
}

/* Time stamps: the agent reads the time-stamp counter; converted with a rate measured
 * against CLOCK_REALTIME since the first agent came, refined as time goes on. */
static struct {
	bool on;
	uint64_t tsc0, ns0, tsc1, ns1;
} clk;

static uint64_t tsc_now(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void fast_clock_start(void)
{
	if (clk.on)
		return;
	clk.on = true;
	clk.tsc0 = tsc_now();
	clk.ns0 = realtime_ns();
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	nanosleep(&pause, NULL);
	clk.tsc1 = tsc_now();
	clk.ns1 = realtime_ns();
}

static void clock_refine(void)
{
	uint64_t ns = realtime_ns();

	if (clk.on && ns - clk.ns1 > 500u * 1000 * 1000) {
		clk.tsc1 = tsc_now();
		clk.ns1 = ns;
	}
}

/* ns per time-stamp count; 0 while unknown. */
static double clock_rate(void)
{
	if (!clk.on || clk.tsc1 == clk.tsc0)
		return 0;
	return (double)(clk.ns1 - clk.ns0) / (double)(clk.tsc1 - clk.tsc0);
}

uint64_t fast_span_ns(uint64_t n)
{
	clock_refine();
	return (uint64_t)((double)n * clock_rate());
}

uint64_t fast_ns(uint64_t tsc)
{
	double rate = clock_rate();

	if (rate == 0)
		return realtime_ns();
	return clk.ns0 + (uint64_t)((double)(int64_t)(tsc - clk.tsc0) * rate);
}

/* The record being shown: memory it captured is read from it; and at a return, the
 * call's record when its frame kept it (fast_fn.keep_call). */
static const struct fast_rec *current, *called;

/* In record r, the copy holding the most from addr on (*most bytes of it), or NULL;
 * *next is lowered to the first copy beginning after addr. Copies may overlap (a pointer
 * into memory copied already). */
static const char *find_copy(const struct fast_rec *r, taddr_t addr, size_t *most,
			     taddr_t *next)
{
	const char *p = r != NULL ? (const char *)fast_rec_caps(r) : NULL, *best = NULL;
	const char *end = (const char *)r + (r != NULL ? r->len : 0);

	*most = 0;
	for (unsigned i = 0; r != NULL && i < r->ncap; i++) {
		const struct fast_cap *c = (const struct fast_cap *)p;
		if (p + sizeof(*c) > end || c->len > (size_t)(end - p) - sizeof(*c))
			break; /* the program wrote over it */
		if (addr >= c->addr && addr < c->addr + c->len && c->addr + c->len - addr > *most) {
			*most = c->addr + c->len - addr;
			best = p + sizeof(*c) + (addr - c->addr);
		} else if (c->addr > addr && c->addr < *next && c->len > 0) {
			*next = c->addr;
		}
		p += sizeof(*c) + ((c->len + 7) & ~7u);
	}
	return best;
}

/* Memory as the record shown copied it, else as the call's record did (kept for a
 * return that shows what the call copied); memory not copied is read live, but never
 * into a copy that begins further on (a page read whole for the unwinder, below the
 * stack's copy). */
static ssize_t read_captured(pid_t tid, taddr_t addr, void *buf, size_t len)
{
	size_t most = 0;
	taddr_t next = addr + len < addr ? ~(taddr_t)0 : addr + len; /* the first copy after */
	const char *best = find_copy(current, addr, &most, &next);

	if (best == NULL)
		best = find_copy(called, addr, &most, &next);
	if (best != NULL) {
		size_t n = most < len ? most : len;
		memcpy(buf, best, n);
		return (ssize_t)n;
	}
	/* Not copied: what it holds now (strings past a page). */
	return mem_read(tid, addr, buf, (size_t)(next - addr));
}

static void show(struct fast_agent *a, const struct fast_rec *r)
{
	struct thread *t = thread_find((pid_t)r->tid);

	if (t == NULL || t->proc == NULL || t->proc->state != PROC_TRACED || r->fid >= a->nfns)
		return;
	struct fast_fn *fn = &a->fns[r->fid];
	struct arch_fpregs fp;
	struct arch_regs regs;
	struct hit_src src = { .read = read_captured, .fp = &fp, .returns_caught = true };

	if (output_timed())
		src.ts = fast_ns(r->tsc);
	current = r;
	if (r->kind == FAST_CALL || r->kind == FAST_CALL_ABOVE) {
		src.keep_frames = r->kind == FAST_CALL_ABOVE;
		const struct fast_where *wh = (const struct fast_where *)(r + 1);
		arch_fast_call_regs(&regs, r->regs, r->flags & FAST_REC_WHERE ? wh->saved : NULL,
				    r->sp, fn->at);
		arch_fast_fpregs(&fp, r->fp, 16);
		t->hits++;
		hit_resolve_proto(t, &fn->c, fn->at, r->ret);
		hit_call(t, &fn->c, fn->at, &regs, r->ret, &src);
		struct frame *f = thread_top(t);
		if (fn->keep_call && f != NULL && f->call_rec == NULL && f->ret_addr == r->ret &&
		    f->entry_sp == r->sp)
			f->call_rec = memcpy(xmalloc(r->len), r, r->len);
		if (fn->vfork) {
			fast_vfork_called(t, r->sp, r->ret);
		} else if (a->sh->funcs[r->fid].flags & FAST_RETURNS_TWICE) { /* first return: 0 */
			uint64_t zero[2] = { 0, 0 };
			arch_fast_return_regs(&regs, zero, arch_sp_after_return(r->sp), r->ret);
			hit_return(t, &regs, r->ret, &src);
		}
	} else if (r->kind == FAST_RETURN) {
		const struct frame *f = thread_top(t);
		if (f != NULL && f->ret_addr == r->ret && f->entry_sp == r->sp)
			called = f->call_rec;
		arch_fast_return_regs(&regs, r->regs, arch_sp_after_return(r->sp), r->ret);
		arch_fast_fpregs(&fp, r->fp, 4);
		hit_return(t, &regs, r->ret, &src);
	}
	current = called = NULL;
}

/* A ring with records to show, from pos to end. */
struct cursor {
	struct fast_agent *a;
	struct fast_ring *ring;
	const char *base;
	uint64_t size, pos, end;
	unsigned level;
};

static struct cursor *cursors;
static size_t ncursors, cursors_cap;

static void consumed(struct cursor *c, uint64_t len)
{
	c->pos += len;
	__atomic_store_n(&c->ring->tail[c->level], c->pos, __ATOMIC_RELEASE);
}

/* The cursor's next record (past padding), or NULL. */
static const struct fast_rec *next_rec(struct cursor *c)
{
	while (c->pos < c->end) {
		const struct fast_rec *r = (const struct fast_rec *)(c->base + c->pos % c->size);
		uint64_t room = c->size - c->pos % c->size;
		if (r->len < 8 || r->len % 8 != 0 || r->len > room || r->len > c->end - c->pos ||
		    (r->kind != FAST_PAD && r->len < sizeof(*r))) {
			consumed(c, c->end - c->pos); /* the program wrote over it */
			return NULL;
		}
		if (r->kind != FAST_PAD)
			return r;
		consumed(c, r->len);
	}
	return NULL;
}

/* The rings of a's threads that hold records. */
static void gather(struct fast_agent *a)
{
	struct fast_shared *sh = a->sh;
	uint32_t n = __atomic_load_n(&sh->nactive, __ATOMIC_ACQUIRE);

	for (uint32_t i = 0; i < n && i < FAST_THREADS; i++) {
		unsigned e = __atomic_load_n(&sh->active[i], __ATOMIC_ACQUIRE);
		if (e == 0 || e > FAST_THREADS)
			continue; /* being listed */
		struct fast_ring *ring = &sh->rings[e - 1];
		for (unsigned level = 0; level < FAST_LEVELS; level++) {
			uint64_t head = __atomic_load_n(&ring->head[level], __ATOMIC_ACQUIRE);
			uint64_t tail = ring->tail[level];
			if (head == tail)
				continue;
			if (ncursors == cursors_cap) {
				cursors_cap = cursors_cap ? 2 * cursors_cap : 16;
				cursors = xrealloc(cursors, cursors_cap * sizeof(*cursors));
			}
			uint64_t size = fast_ring_size(level);
			cursors[ncursors++] = (struct cursor){
				.a = a, .ring = ring, .level = level, .size = size, .pos = tail,
				.end = head - tail > size ? tail + size : head,
				.base = (const char *)sh + FAST_SHARED_HEAD + fast_ring_at(e - 1, level),
			};
		}
	}
}

/* Show what the rings hold, in the order of the time stamps across threads (each ring is
 * in order already). */
bool fast_drain(void)
{
	bool any = false;

	clock_refine();
	ncursors = 0;
	for (struct fast_agent *a = fast_agents(); a != NULL; a = a->next)
		gather(a);
	for (;;) {
		struct cursor *best = NULL;
		const struct fast_rec *first = NULL;
		for (size_t i = 0; i < ncursors; i++) {
			const struct fast_rec *r = next_rec(&cursors[i]);
			if (r != NULL && (first == NULL || (int64_t)(r->tsc - first->tsc) < 0)) {
				best = &cursors[i];
				first = r;
			}
		}
		if (best == NULL)
			break;
		show(best->a, first);
		consumed(best, first->len);
		any = true;
	}
	for (struct fast_agent *a = fast_agents(); any && a != NULL; a = a->next) {
		struct fast_shared *sh = a->sh;
		if (__atomic_exchange_n(&sh->waiting, 0, __ATOMIC_SEQ_CST)) {
			__atomic_add_fetch(&sh->space, 1, __ATOMIC_SEQ_CST);
			fast_futex(&sh->space, FUTEX_WAKE, INT_MAX, 0);
		}
	}
	return any;
}

static bool rings_empty(void)
{
	for (struct fast_agent *a = fast_agents(); a != NULL; a = a->next) {
		struct fast_shared *sh = a->sh;
		uint32_t n = __atomic_load_n(&sh->nactive, __ATOMIC_SEQ_CST);
		for (uint32_t i = 0; i < n && i < FAST_THREADS; i++) {
			unsigned e = __atomic_load_n(&sh->active[i], __ATOMIC_ACQUIRE);
			if (e == 0 || e > FAST_THREADS)
				continue;
			const struct fast_ring *ring = &sh->rings[e - 1];
			for (unsigned level = 0; level < FAST_LEVELS; level++)
				if (__atomic_load_n(&ring->head[level], __ATOMIC_SEQ_CST) !=
				    ring->tail[level])
					return false;
		}
	}
	return true;
}

void fast_settle(void)
{
	/* Every record below a ring's head is whole: nothing to wait for. */
	fast_drain();
}

/* Sleep until one of the agents wakes us (FUTEX_WAKE on its word) or timeout_ns pass:
 * futex_waitv over the words of n agents. -1 with errno ENOSYS on kernels before 5.16. */
static long wait_any(struct futex_waitv *w, size_t n, long timeout_ns)
{
	struct timespec until;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_nsec += timeout_ns;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	return syscall(SYS_futex_waitv, w, (unsigned)n, 0, &until, CLOCK_MONOTONIC);
}

void fast_sleep(void)
{
	static bool no_waitv;
	struct futex_waitv w[FUTEX_WAITV_MAX];
	size_t n = 0;
	const long timeout_ns = 2 * 1000 * 1000;

	/* Every agent is told we sleep, each on its own word; those past the first
	 * FUTEX_WAITV_MAX (or all but the first on an old kernel) are seen at the timeout. */
	for (struct fast_agent *a = fast_agents(); a != NULL && n < FUTEX_WAITV_MAX; a = a->next) {
		struct fast_shared *sh = a->sh;
		w[n++] = (struct futex_waitv){
			.val = __atomic_load_n(&sh->wake, __ATOMIC_SEQ_CST),
			.uaddr = (uint64_t)(uintptr_t)&sh->wake,
			.flags = FUTEX_32, /* shared: the agents are other processes */
		};
		__atomic_store_n(&sh->sleeping, 1, __ATOMIC_SEQ_CST);
	}
	if (n == 0)
		return;
	if (rings_empty()) {
		if (n > 1 && !no_waitv && wait_any(w, n, timeout_ns) < 0 && errno == ENOSYS)
			no_waitv = true;
		if (n == 1 || no_waitv)
			fast_futex((uint32_t *)(uintptr_t)w[0].uaddr, FUTEX_WAIT, (uint32_t)w[0].val,
				   timeout_ns);
	}
	for (struct fast_agent *a = fast_agents(); a != NULL; a = a->next)
		__atomic_store_n(&a->sh->sleeping, 0, __ATOMIC_SEQ_CST);
}
