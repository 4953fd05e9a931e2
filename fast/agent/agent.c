/*
 * The --fast agent: freestanding code that runs inside the traced program. A traced call
 * comes here from its trampoline (agent_call_entry, arch code): a record of the call goes
 * into the shared ring, the return address is swapped for the agent's return entry and
 * kept on the thread's shadow stack, and the call goes on through the function's GOT
 * slot. At the return, a record of the value, and back to the original address.
 *
 * No libc, no allocation, no lock: a thread that finds the ring full waits on a futex
 * for the tracer (with a timeout, testing that the tracer lives). When the tracer is gone
 * or has let go, calls pass through; calls in flight still return through the shadow stack.
 */
#include <stddef.h>
#include <stdint.h>

#include "fast/agent/shared.h"
#include "fast-agent.h"

#pragma GCC visibility push(hidden)

extern char agent_call_entry[], agent_ret_entry[];

__attribute__((section(".agent_header"), used)) const struct fast_header agent_header = {
	.magic = FAST_MAGIC,
};

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_OWNER_DIED 0x40000000u

struct timespec_k {
	long sec, nsec;
};

/* The header as the tracer patched it (not as compiled: no folding of its zeroes). */
static inline const struct fast_header *header(void)
{
	const struct fast_header *h = &agent_header;

	__asm__("" : "+r"(h));
	return h;
}

static inline struct fast_shared *shared(void)
{
	return (struct fast_shared *)(uintptr_t)header()->shared;
}

static inline struct fast_data *data(void)
{
	return (struct fast_data *)(uintptr_t)header()->data;
}

static inline int alive(const struct fast_shared *sh)
{
	return __atomic_load_n(&sh->alive, __ATOMIC_ACQUIRE) != 0 &&
	       (__atomic_load_n((const uint32_t *)sh->lock, __ATOMIC_RELAXED) & FUTEX_OWNER_DIED) == 0;
}

static void futex_wake(uint32_t *word)
{
	agent_syscall4(AGENT_SYS_FUTEX, (long)word, FUTEX_WAKE, 0x7fffffff, 0);
}

/* The entry's rings are listed for the tracer the first time they are used. */
static void list_rings(struct fast_shared *sh, unsigned idx)
{
	uint32_t zero = 0;

	if (__atomic_load_n(&sh->rings[idx].used, __ATOMIC_ACQUIRE) != 0 ||
	    !__atomic_compare_exchange_n(&sh->rings[idx].used, &zero, 1, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		return;
	uint32_t n = __atomic_fetch_add(&sh->nactive, 1, __ATOMIC_ACQ_REL);
	if (n < FAST_THREADS)
		__atomic_store_n(&sh->active[n], (uint16_t)(idx + 1), __ATOMIC_RELEASE);
}

/* The calling thread's entry in the table, claimed on first use; NULL when full. */
static struct fast_thread *this_thread(struct fast_shared *sh, struct fast_data *d)
{
	uint64_t tp = agent_thread_pointer();
	uint64_t h = (tp >> 12) ^ (tp >> 21);

	for (unsigned i = 0; i < FAST_THREADS; i++) {
		unsigned idx = (unsigned)((h + i) % FAST_THREADS);
		struct fast_thread *t = &d->threads[idx];
		uint64_t cur = __atomic_load_n(&t->tp, __ATOMIC_ACQUIRE);
		if (cur == tp)
			return t;
		if (cur == 0) {
			uint64_t expected = 0;
			if (__atomic_compare_exchange_n(&t->tp, &expected, tp, 0, __ATOMIC_ACQ_REL,
							__ATOMIC_ACQUIRE)) {
				t->tid = (uint32_t)agent_syscall4(AGENT_SYS_GETTID, 0, 0, 0, 0);
				t->stack = 0;
				t->level = 0;
				list_rings(sh, idx);
				return t;
			}
			if (expected == tp)
				return t;
		}
	}
	return NULL;
}

/*
 * The shadow stack against the thread's own signal handlers, which run between any two
 * instructions and make traced calls too (a handler leaves the depth as it found it, but
 * it writes the frame above it): a frame is filled first and pushed by one
 * compare-and-swap of depth and push count, which fails (and the frame is filled again,
 * one up) if a handler pushed meanwhile.
 */
static inline uint32_t depth_of(const struct fast_thread *t)
{
	return (uint32_t)__atomic_load_n(&t->stack, __ATOMIC_RELAXED);
}

static void set_depth(struct fast_thread *t, uint32_t depth)
{
	uint64_t w = __atomic_load_n(&t->stack, __ATOMIC_RELAXED);

	while (!__atomic_compare_exchange_n(&t->stack, &w, (w & ~0xffffffffull) | depth, 0,
					    __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		;
}

/* Whether the frame filled at depth (w: the stack word it was filled against) is pushed. */
static int push(struct fast_thread *t, uint64_t w, uint32_t depth)
{
	uint64_t want = ((w >> 32) + 1) << 32 | (depth + 1);

	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return __atomic_compare_exchange_n(&t->stack, &w, want, 0, __ATOMIC_RELEASE,
					   __ATOMIC_RELAXED);
}

struct stack_k { /* stack_t */
	uint64_t sp;
	int32_t flags;
	int32_t pad;
	uint64_t size;
};

#define SS_ONSTACK 1

/* Whether the thread runs on its signal stack (sigaltstack) and slot is not there: a
 * handler's call above an interrupted one, which must not take it for a call left by
 * longjmp. Asked only when a frame would be dropped (rare): one system call. */
static int other_stack(uint64_t slot)
{
	struct stack_k ss;

	if (agent_syscall4(AGENT_SYS_SIGALTSTACK, 0, (long)&ss, 0, 0) != 0 ||
	    !(ss.flags & SS_ONSTACK))
		return 0;
	return slot < ss.sp || slot - ss.sp >= ss.size;
}

static uint32_t safe_copy(const struct fast_data *d, char *dst, uint64_t src, uint32_t n);

/* Whether a frame's slot still holds the return entry: read without faulting (the stack
 * it is on may be gone). A frame whose slot holds anything else is over. */
static int still_armed(const struct fast_data *d, const struct fast_frame *fr)
{
	uint64_t v = 0;

	return safe_copy(d, (char *)&v, fr->sp, sizeof(v)) == sizeof(v) &&
	       v == (uint64_t)(uintptr_t)agent_ret_entry;
}

/*
 * Frames at or below slot sp (strictly below with `below`) are over, left by longjmp or a
 * throw: the depth without them. But a thread may run on several stacks: a signal stack
 * (sigaltstack), coroutines' (swapcontext): a frame below sp on another stack is a call
 * in progress there. So a frame below sp, not at sp itself (a call whose slot is being
 * used again is over), is kept if it is on the signal stack's other side or if its slot
 * still holds the return entry (on another stack; or over, but not yet written over: it
 * is dropped when it is, or when a call uses its slot). *above (if not NULL) says that a
 * frame was kept so. Frames whose return came while others were above them (sp 0) go.
 */
static uint32_t live_depth(const struct fast_data *d, const struct fast_thread *t,
			   uint32_t depth, uint64_t sp, int below, int *above)
{
	int asked = 0;

	if (above != NULL)
		*above = 0;
	while (depth > 0) {
		const struct fast_frame *fr = &t->frames[depth - 1];
		if (below ? fr->sp >= sp : fr->sp > sp)
			break;
		if (fr->sp != sp && fr->sp != 0 &&
		    ((!asked++ && other_stack(fr->sp)) || still_armed(d, fr))) {
			if (above != NULL)
				*above = 1;
			break;
		}
		depth--;
	}
	return depth;
}

/* The frame of the call whose return address is at slot sp, looked for from depth down:
 * its depth (index + 1), or 0. */
static uint32_t frame_at(const struct fast_thread *t, uint32_t depth, uint64_t sp)
{
	while (depth > 0 && t->frames[depth - 1].sp != sp)
		depth--;
	return depth;
}

/* Frames above the top one whose return came (sp 0) go with it: the depth without them. */
static uint32_t without_returned(const struct fast_thread *t, uint32_t depth)
{
	while (depth > 0 && t->frames[depth - 1].sp == 0)
		depth--;
	return depth;
}

/* The shadow stack is full: frames whose return came while frames of other stacks were
 * above them (sp 0) go, and if that is not enough, those over whose slots were written
 * over since (one system call each). Frames move down: a signal handler that comes
 * meanwhile pushes and pops above them. Not while an unwinder walks (restored slots). */
static void compact(const struct fast_data *d, struct fast_thread *t)
{
	uint32_t depth = depth_of(t), n = 0;

	for (int pass = 0; pass < 2; pass++) {
		n = 0;
		for (uint32_t i = 0; i < depth; i++) {
			const struct fast_frame *fr = &t->frames[i];
			if (fr->sp == 0 || (pass == 1 && !still_armed(d, fr)))
				continue;
			if (n != i)
				t->frames[n] = *fr;
			n++;
		}
		set_depth(t, n);
		depth = n;
		if (n < FAST_DEPTH * 3 / 4)
			break;
	}
}

/* A record being written into one of the thread's rings. */
struct writer {
	struct fast_ring *ring;
	char *base;       /* the ring's bytes */
	uint64_t size;
	uint64_t head;    /* where it starts (a FAST_PAD record first, if `need` > its length) */
	uint64_t need;
	uint32_t len;     /* of the record, at most */
	uint32_t level;
};

/* Room for len bytes in the thread's ring of the level it is at, waiting for the tracer
 * while it is full; NULL when the tracer is gone (or the record cannot be written: too
 * deep in nested signal handlers, counted as lost). The thread is one level up until
 * commit (or, on NULL, not). */
static struct fast_rec *reserve(struct fast_shared *sh, struct fast_data *d,
				struct fast_thread *t, uint32_t len, struct writer *w)
{
	unsigned idx = (unsigned)(t - d->threads);
	uint32_t level = __atomic_load_n(&t->level, __ATOMIC_RELAXED);

	if (level >= FAST_LEVELS) {
		__atomic_add_fetch(&sh->lost, 1, __ATOMIC_RELAXED);
		return NULL;
	}
	/* A signal handler that writes a record from here on uses the next ring up. */
	__atomic_store_n(&t->level, level + 1, __ATOMIC_RELAXED);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	w->ring = &sh->rings[idx];
	w->level = level;
	w->size = fast_ring_size(level);
	w->base = (char *)sh + sh->ring_off + fast_ring_at(idx, level);
	w->head = __atomic_load_n(&w->ring->head[level], __ATOMIC_RELAXED);
	uint64_t off = w->head % w->size;
	uint64_t pad = off + len > w->size ? w->size - off : 0;
	w->need = pad + len;
	w->len = len;
	if (w->need > w->size) {
		__atomic_add_fetch(&sh->lost, 1, __ATOMIC_RELAXED);
		goto none;
	}
	for (;;) {
		uint64_t tail = __atomic_load_n(&w->ring->tail[level], __ATOMIC_ACQUIRE);
		if (w->head + w->need - tail <= w->size)
			break;
		if (!alive(sh))
			goto none;
		uint32_t seen = __atomic_load_n(&sh->space, __ATOMIC_ACQUIRE);
		__atomic_store_n(&sh->waiting, 1, __ATOMIC_SEQ_CST);
		__atomic_add_fetch(&sh->wake, 1, __ATOMIC_SEQ_CST);
		futex_wake(&sh->wake);
		if (__atomic_load_n(&w->ring->tail[level], __ATOMIC_SEQ_CST) != tail)
			continue;
		struct timespec_k ts = { 0, 50 * 1000 * 1000 }; /* then test that it lives */
		agent_syscall4(AGENT_SYS_FUTEX, (long)&sh->space, FUTEX_WAIT, seen, (long)&ts);
	}
	if (pad != 0) {
		struct fast_rec *p = (struct fast_rec *)(w->base + off);
		p->len = (uint32_t)pad;
		p->kind = FAST_PAD;
		return (struct fast_rec *)w->base;
	}
	return (struct fast_rec *)(w->base + off);
none:
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	__atomic_store_n(&t->level, level, __ATOMIC_RELAXED);
	return NULL;
}

/* Publish the record (len bytes: what it took of its room), and wake the tracer if it
 * sleeps while the ring fills. */
static void commit(struct fast_shared *sh, struct fast_thread *t, struct fast_rec *r,
		   uint32_t len, const struct writer *w)
{
	uint64_t head = w->head + w->need - w->len + len;

	/* Stamped as it is published: a signal handler that interrupts the writing (its
	 * records go into the next ring up) publishes its calls and returns first, so they
	 * must be stamped first too. The tracer merges the rings by stamp: a record stamped
	 * when it was begun came before the handler's return, after its call had been shown,
	 * and the handler's frame was taken for one left by longjmp (case fast/handler). */
	r->tsc = agent_clock();
	r->len = len;
	__atomic_store_n(&w->ring->head[w->level], head, __ATOMIC_RELEASE);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	__atomic_store_n(&t->level, w->level, __ATOMIC_RELAXED);
	if (__atomic_load_n(&sh->sleeping, __ATOMIC_SEQ_CST) &&
	    head - __atomic_load_n(&w->ring->tail[w->level], __ATOMIC_RELAXED) > w->size / 16 &&
	    __atomic_exchange_n(&sh->sleeping, 0, __ATOMIC_SEQ_CST)) {
		__atomic_add_fetch(&sh->wake, 1, __ATOMIC_SEQ_CST);
		futex_wake(&sh->wake);
	}
}

struct iovec_k {
	uint64_t base, len;
};

/* Copy n bytes at src without ever faulting, whatever the program passed: the kernel
 * copies (process_vm_readv on ourselves). Each page is asked for apart, so that an
 * unmapped one leaves those before it. Returns the bytes copied, 0 if unreadable. */
#define COPY_PIECES 8
static uint32_t safe_copy(const struct fast_data *d, char *dst, uint64_t src, uint32_t n)
{
	struct iovec_k l = { (uint64_t)(uintptr_t)dst, n };
	struct iovec_k r[COPY_PIECES];
	uint32_t pieces = 0;

	if (n == 0 || src < 4096)
		return 0;
	for (uint64_t at = src, end = src + n; at < end; pieces++) {
		uint64_t next = (at & ~(uint64_t)4095) + 4096;
		if (next > end || pieces == COPY_PIECES - 1)
			next = end;
		r[pieces].base = at;
		r[pieces].len = next - at;
		at = next;
	}
	long got = agent_syscall6(AGENT_SYS_PROCESS_VM_READV, d->pid, (long)&l, 1, (long)r,
				  pieces, 0);
	return got > 0 ? (uint32_t)got : 0;
}

static uint32_t pad8(uint32_t n)
{
	return (n + 7) & ~7u;
}

static int in_set(char c, const char *set)
{
	for (; *set != '\0'; set++)
		if (*set == c)
			return 1;
	return 0;
}

/* Captures are written one after the other from *p. */
struct cap_writer {
	const struct fast_data *d;
	struct fast_rec *r;
	char *p;
};

/* The copy of len bytes of addr written at w->p: its header, and w goes past it. */
static const struct fast_cap *put_cap(struct cap_writer *w, uint64_t addr, uint32_t len)
{
	struct fast_cap *c = (struct fast_cap *)w->p;

	c->addr = addr;
	c->len = len;
	c->pad = 0;
	w->p += sizeof(*c) + pad8(len);
	w->r->ncap++;
	return c;
}

static const struct fast_cap *capture(struct cap_writer *w, uint64_t addr, uint32_t want)
{
	return put_cap(w, addr, safe_copy(w->d, w->p + sizeof(struct fast_cap), addr, want));
}

/* A string at addr: its bytes up to its terminator (of `unit` bytes), max units at most;
 * read a little at a time, so that a short one (a format, mostly) costs little of the
 * most it may take. */
static const struct fast_cap *capture_string(struct cap_writer *w, uint64_t addr, uint32_t max,
					     uint32_t unit)
{
	char *s = w->p + sizeof(struct fast_cap);
	uint32_t n = 0, got = 0, limit = max * unit;

	for (uint32_t chunk = 256; got < limit; chunk *= 4) {
		uint32_t want = limit - got < chunk ? limit - got : chunk;
		uint32_t more = safe_copy(w->d, s + got, addr + got, want);
		got += more;
		while (n + unit <= got) {
			uint32_t zero = 1;
			for (uint32_t k = 0; k < unit; k++)
				zero &= s[n + k] == 0;
			n += unit;
			if (zero)
				return put_cap(w, addr, n);
		}
		if (more < want)
			break;
	}
	return put_cap(w, addr, n);
}

/* Where a printf-like function's variable arguments are, in the order a format takes
 * them: integers in the argument registers from `next` on, then on the stack (x86-64:
 * after 6 registers), interleaved with doubles past the 8 vector registers and long
 * doubles (always on the stack, 16-aligned). */
struct va_walk {
	const struct cap_writer *w;
	const struct agent_call_regs *regs;
	unsigned next, floats;
	uint64_t stack; /* the next argument in memory */
};

/* The next integer argument (0 if it cannot be read), read from the stack only when
 * wanted (a system call). */
static uint64_t va_int(struct va_walk *v, int want)
{
	uint64_t x = 0;

	if (v->next < 6)
		return v->regs->ints[v->next++];
	if (want)
		safe_copy(v->w->d, (char *)&x, v->stack, sizeof(x));
	v->stack += 8;
	return x;
}

static void va_float(struct va_walk *v, int long_double)
{
	if (long_double) {
		v->stack = ((v->stack + 15) & ~(uint64_t)15) + 16;
	} else if (v->floats < 8) {
		v->floats++;
	} else {
		v->stack += 8;
	}
}

/* The strings that a printf-like format's %s take (from registers or the stack: sp is
 * where the return address is); fmt: the copy of the format (len bytes). */
static void format_caps(struct cap_writer *w, const struct fast_func *f,
			const struct agent_call_regs *regs, uint64_t sp, const char *fmt,
			uint32_t len)
{
	struct va_walk v = { w, regs, f->fmt_reg + 1u, 0, sp + 8 };
	unsigned strings = 0;

	for (uint32_t i = 0; i < len && fmt[i] != '\0' && strings < FAST_FMT_STRINGS; i++) {
		if (fmt[i] != '%')
			continue;
		if (++i >= len || fmt[i] == '%')
			continue;
		unsigned wide = 0, longd = 0;
		while (i < len && in_set(fmt[i], "-+ #0'123456789.*hlLqjztI")) {
			if (fmt[i] == '*')
				va_int(&v, 0);
			wide |= fmt[i] == 'l';
			longd |= fmt[i] == 'L';
			i++;
		}
		if (i >= len)
			break;
		if (in_set(fmt[i], "eEfFgGaA")) {
			va_float(&v, longd);
			continue;
		}
		int string = fmt[i] == 's' || fmt[i] == 'S';
		uint64_t arg = va_int(&v, string);
		if (string) {
			wide |= fmt[i] == 'S';
			capture_string(w, arg, f->fmt_cap, wide ? 4 : 1);
			strings++;
		}
	}
}

/* Room the copies of a list take at most. */
static uint32_t copies_room(const struct fast_copy *list, uint32_t n)
{
	uint32_t len = 0;

	for (uint32_t i = 0; i < n; i++)
		len += sizeof(struct fast_cap) + pad8(list[i].len);
	return len;
}

/* The most bytes of the stack a format's conversions may take: each one 16 at most (a
 * long double), '*' one more, after the return address. */
static uint32_t format_stack(const char *fmt, uint32_t len)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < len && fmt[i] != '\0'; i++)
		if (fmt[i] == '*' || (fmt[i] == '%' && (i + 1 >= len || fmt[++i] != '%')))
			n++;
	return 8 + 16 * n;
}

/* The copies of list[0, n): a root's address is roots[from], a pointer's is read from its
 * parent's copy (what the formatter will read it from). A format (from register fmt_reg,
 * if < 6) is copied up to its NUL, and the stack as far as its conversions may take (the
 * planner gives the most a format could): the format's copy is returned (else NULL). */
static const struct fast_cap *make_copies(struct cap_writer *w, const struct fast_copy *list,
					  uint32_t n, const uint64_t roots[FAST_FROM_ROOTS],
					  unsigned fmt_reg)
{
	const struct fast_cap *done[FAST_COPIES], *fmt = NULL;
	uint32_t stack_max = ~0u;

	for (uint32_t i = 0; i < n && i < FAST_COPIES; i++) {
		const struct fast_copy *c = &list[i];
		uint64_t addr = 0;
		if (c->from < FAST_FROM_ROOTS) {
			addr = roots[c->from];
		} else if (c->parent < i && c->off + 8u <= done[c->parent]->len) {
			const unsigned char *b =
				(const unsigned char *)(done[c->parent] + 1) + c->off;
			for (int k = 7; k >= 0; k--)
				addr = addr << 8 | b[k];
		}
		if (c->from == FAST_FROM_REG + fmt_reg) {
			done[i] = fmt = capture_string(w, addr, c->len, 1);
			stack_max = format_stack((const char *)(fmt + 1), fmt->len);
		} else {
			done[i] = capture(w, addr, c->from == FAST_FROM_STACK && c->len > stack_max
							   ? stack_max : c->len);
		}
	}
	return fmt;
}

/* -w: the caller's registers and the stack from the return address up, for the tracer to
 * unwind from. The slots of the thread's calls in progress (this one's too, in a tail
 * call) hold the return entry: their original addresses go back into the copy. */
static void copy_stack(struct cap_writer *w, const struct fast_thread *t,
		       const struct agent_call_regs *regs, uint64_t sp, uint32_t len)
{
	struct fast_where *wh = (struct fast_where *)w->p;

	for (int i = 0; i < 6; i++)
		wh->saved[i] = regs->saved[i];
	w->p += sizeof(*wh);
	const struct fast_cap *c = capture(w, sp, len);
	char *bytes = (char *)(c + 1);
	for (uint32_t i = 0; i < depth_of(t); i++) {
		const struct fast_frame *fr = &t->frames[i];
		if (c->len < 8 || fr->sp < sp || fr->sp - sp > c->len - 8)
			continue;
		uint64_t *slot = (uint64_t *)(bytes + (fr->sp - sp));
		if (*slot == (uint64_t)(uintptr_t)agent_ret_entry)
			*slot = fr->ret;
	}
}

static void record_call(struct fast_shared *sh, struct fast_data *d,
			const struct fast_func *f, struct fast_thread *t,
			const struct agent_call_regs *regs, uint64_t sp, uint64_t ret, int above)
{
	uint32_t n = __atomic_load_n(&f->ncopy, __ATOMIC_ACQUIRE);

	if (n > FAST_COPIES)
		n = FAST_COPIES;
	uint32_t where = __atomic_load_n(&sh->where, __ATOMIC_RELAXED);
	if (where > FAST_WHERE_STACK)
		where = FAST_WHERE_STACK;
	uint32_t len = sizeof(struct fast_rec) + copies_room(f->copy, n);
	if (f->fmt_reg < 6)
		len += FAST_FMT_STRINGS * (sizeof(struct fast_cap) + pad8(4u * f->fmt_cap));
	if (where != 0)
		len += sizeof(struct fast_where) + sizeof(struct fast_cap) + where;
	struct writer wr;
	struct fast_rec *r = reserve(sh, d, t, len, &wr);
	if (r == NULL)
		return;
	r->kind = above ? FAST_CALL_ABOVE : FAST_CALL;
	r->flags = where != 0 ? FAST_REC_WHERE : 0;
	r->ncap = 0;
	r->fid = f->id;
	r->tid = t->tid;
	r->sp = sp;
	r->ret = ret;
	for (int i = 0; i < 6; i++)
		r->regs[i] = regs->ints[i];
	r->regs[6] = regs->rax;
	for (int i = 0; i < 16; i++)
		r->fp[i] = regs->xmm[i];
	struct cap_writer w = { d, r, (char *)(r + 1) };
	if (where != 0)
		copy_stack(&w, t, regs, sp, where);
	uint64_t roots[FAST_FROM_ROOTS] = { 0 };
	for (int i = 0; i < 6; i++)
		roots[FAST_FROM_REG + i] = regs->ints[i];
	roots[FAST_FROM_STACK] = sp;
	const struct fast_cap *fmt = make_copies(&w, f->copy, n, roots, f->fmt_reg);
	if (fmt != NULL)
		format_caps(&w, f, regs, sp, (const char *)(fmt + 1), fmt->len);
	commit(sh, t, r, (uint32_t)(w.p - (char *)r), &wr);
}

/*
 * Unwinding. The return entry has no unwind information, so before an unwinder walks the
 * stack (a throw, backtrace()) the original return addresses go back into the slots of
 * the thread's frames (frames[0, restored)); they get the return entry back when the walk
 * is over: after a throw, at the catch (__cxa_begin_catch: the frames still there are
 * those above its slot); for backtrace(), one by one as libgcc's unwinder looks up the
 * address it read from each (_dl_find_object), the rest at the next entry into the agent.
 * Only slots at or above the stack pointer are touched (live frames of this stack).
 */
static void put_slot(const struct fast_frame *fr, uint64_t sp, uint64_t expect, uint64_t value)
{
	volatile uint64_t *slot = (volatile uint64_t *)(uintptr_t)fr->sp;

	if (fr->sp >= sp && *slot == expect)
		*slot = value;
}

static void restore_frames(struct fast_thread *t, uint32_t to, uint64_t sp, uint32_t why)
{
	for (uint32_t i = t->restored; i < to; i++)
		put_slot(&t->frames[i], sp, (uint64_t)(uintptr_t)agent_ret_entry, t->frames[i].ret);
	if (to > t->restored)
		t->restored = to;
	t->unwinding = why;
}

static void rearm_frames(struct fast_thread *t, uint32_t from, uint64_t sp)
{
	for (uint32_t i = from; i < t->restored; i++)
		put_slot(&t->frames[i], sp, t->frames[i].ret, (uint64_t)(uintptr_t)agent_ret_entry);
	if (from < t->restored)
		t->restored = from;
	if (t->restored == 0)
		t->unwinding = 0;
}

/* What a hook does before the call goes on (backtrace's own frame: agent_on_call). */
static void hook(struct fast_thread *t, uint32_t flags, const struct agent_call_regs *regs,
		 uint64_t sp)
{
	if (flags & FAST_HOOK_FIND) {
		/* The unwinder looks up pc - 1 (pc: the address it read from a slot), or pc in
		 * a signal frame. */
		uint64_t pc = regs->ints[0];
		if (t->unwinding == FAST_HOOK_BACKTRACE && t->restored > 0) {
			uint64_t ret = t->frames[t->restored - 1].ret;
			if (pc + 1 == ret || pc == ret)
				rearm_frames(t, t->restored - 1, sp);
		}
		return;
	}
	if (flags & FAST_HOOK_THROW) {
		restore_frames(t, depth_of(t), sp, FAST_HOOK_THROW);
		return;
	}
	if (t->restored > 0 &&
	    (t->unwinding == FAST_HOOK_BACKTRACE || (flags & FAST_HOOK_CATCH) != 0))
		rearm_frames(t, 0, sp);
}

/* -c alone (count_only): a call is counted here, its time added at its return, instead of
 * records the tracer would count. */
static int counted(const struct fast_shared *sh, uint32_t flags)
{
	return sh->count_only && !(flags & FAST_RECORDED);
}

static void note_call(struct fast_shared *sh, struct fast_data *d, const struct fast_func *f,
		      struct fast_thread *t, const struct agent_call_regs *regs, uint64_t sp,
		      uint64_t ret, int above)
{
	if (!counted(sh, f->flags))
		record_call(sh, d, f, t, regs, sp, ret, above);
	else if (f->id < FAST_MAX_FUNCS)
		__atomic_add_fetch(&sh->stats[f->id].calls, 1, __ATOMIC_RELAXED);
}

static void count_return(struct fast_shared *sh, const struct fast_frame *fr)
{
	struct fast_stat *st = &sh->stats[fr->fid];
	uint64_t dt = agent_clock() - fr->tsc;
	uint64_t min = __atomic_load_n(&st->min, __ATOMIC_RELAXED);
	uint64_t max = __atomic_load_n(&st->max, __ATOMIC_RELAXED);

	__atomic_add_fetch(&st->tsc, dt, __ATOMIC_RELAXED);
	while ((min == 0 || dt < min) &&
	       !__atomic_compare_exchange_n(&st->min, &min, dt, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	while (dt > max &&
	       !__atomic_compare_exchange_n(&st->max, &max, dt, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

uint64_t agent_on_call(const struct fast_func *f, const struct agent_call_regs *regs,
		       uint64_t *ret_slot);
uint64_t agent_on_call(const struct fast_func *f, const struct agent_call_regs *regs,
		       uint64_t *ret_slot)
{
	uint64_t target = *(volatile uint64_t *)(uintptr_t)f->slot;
	struct fast_shared *sh = shared();
	struct fast_data *d = data();
	uint32_t flags = f->flags;
	/* Hooks act even when nobody traces: calls in flight still have the return entry. */
	int live = !d->off && alive(sh);

	if (!live && (flags & FAST_HOOKS) == 0)
		return target;
	struct fast_thread *t = this_thread(sh, d);
	uint64_t sp = (uint64_t)(uintptr_t)ret_slot;
	if (t == NULL) {
		__atomic_add_fetch(&sh->lost, 1, __ATOMIC_RELAXED);
		return target;
	}
	/* A call made with the return address of a call in progress, already replaced: a
	 * tail call, or a redirected stub whose target is another one. The frame of that
	 * call stands for both (its return shows both, as the engine shows them); a second
	 * frame would take the return entry for the caller's address. */
	if (*ret_slot == (uint64_t)(uintptr_t)agent_ret_entry) {
		uint32_t k = frame_at(t, depth_of(t), sp);
		if (k > 0 && live && !(flags & (FAST_UNTRACED | FAST_RETURNS_TWICE)))
			note_call(sh, d, f, t, regs, sp, t->frames[k - 1].ret, 0);
		return target;
	}
	/* Frames at or below this call's slot are over (left by longjmp or a throw). */
	int above;
	uint32_t was = depth_of(t), depth = live_depth(d, t, was, sp, 0, &above);
	if (depth != was) /* a compare-and-swap only when frames are dropped */
		set_depth(t, depth);
	if (t->restored > depth)
		t->restored = depth;
	if (flags & FAST_HOOKS)
		hook(t, flags, regs, sp);
	int backtrace = (flags & FAST_HOOK_BACKTRACE) != 0;
	if (!live) {
		if (backtrace) /* the tracer is gone: they may stay so */
			restore_frames(t, depth, sp, 0);
		return target;
	}
	if ((flags & FAST_UNTRACED) && !backtrace)
		return target;
	if (flags & FAST_RETURNS_TWICE) {
		/* setjmp and the like: the address they save must be the caller's own. Their
		 * first return is 0, which the tracer shows without a record. */
		note_call(sh, d, f, t, regs, sp, *ret_slot, above);
		return target;
	}
	if (depth >= FAST_DEPTH && t->restored == 0)
		compact(d, t);
	if (depth_of(t) >= FAST_DEPTH) {
		__atomic_add_fetch(&sh->lost, 1, __ATOMIC_RELAXED);
		return target;
	}
	/* Counted: no copies at the return, no registers kept for them. */
	uint64_t began = !(flags & FAST_UNTRACED) && counted(sh, flags) ? agent_clock() : 0;
	uint32_t nout = (flags & FAST_UNTRACED) || began != 0
				? 0 : __atomic_load_n(&f->nout, __ATOMIC_ACQUIRE);
	if (nout > FAST_OUT_REGS)
		nout = FAST_OUT_REGS;
	for (;;) {
		uint64_t w = __atomic_load_n(&t->stack, __ATOMIC_RELAXED);
		depth = (uint32_t)w;
		if (depth >= FAST_DEPTH) {
			__atomic_add_fetch(&sh->lost, 1, __ATOMIC_RELAXED);
			return target;
		}
		struct fast_frame *fr = &t->frames[depth];
		fr->tsc = began;
		fr->ret = *ret_slot;
		fr->sp = sp;
		fr->fid = (flags & FAST_UNTRACED) ? FAST_NO_FID : f->id;
		fr->nout = 0;
		for (uint32_t i = 0; i < nout && f->out[i].from < 6; i++)
			fr->out[fr->nout++] = regs->ints[f->out[i].from];
		if (push(t, w, depth))
			break;
	}
	/* Recorded once pushed: a handler on the signal stack that interrupts in between
	 * sees the frame, and says that the calls below it are not over (FAST_CALL_ABOVE). */
	if (!(flags & FAST_UNTRACED))
		note_call(sh, d, f, t, regs, sp, *ret_slot, above);
	if (backtrace) /* its own slot too: the walk starts there */
		restore_frames(t, depth + 1, sp, FAST_HOOK_BACKTRACE);
	else
		*ret_slot = (uint64_t)(uintptr_t)agent_ret_entry;
	return target;
}

uint64_t agent_on_return(uint64_t *ret_slot, const struct agent_ret_regs *regs);
uint64_t agent_on_return(uint64_t *ret_slot, const struct agent_ret_regs *regs)
{
	struct fast_shared *sh = shared();
	struct fast_data *d = data();
	struct fast_thread *t = this_thread(sh, d);
	uint64_t sp = (uint64_t)(uintptr_t)ret_slot;

	if (t == NULL || depth_of(t) == 0)
		return 0; /* cannot be: only calls with a frame return here */
	/* Frames below this one are over (longjmp out of calls inside it); those of other
	 * stacks are not, and may be above it: the frame of this slot is looked for. */
	uint32_t depth = live_depth(d, t, depth_of(t), sp, 1, NULL);
	uint32_t k = frame_at(t, depth, sp);
	if (k == 0)
		k = depth; /* cannot be: the top one, as ever */
	struct fast_frame *fr = &t->frames[k - 1];
	uint64_t ret = fr->ret;
	if (k == depth && t->restored >= depth)
		t->restored = depth - 1;
	if (t->restored > 0 && t->unwinding == FAST_HOOK_BACKTRACE)
		rearm_frames(t, 0, sp); /* those the walk did not reach */
	int shown = fr->fid != FAST_NO_FID && fr->fid < FAST_MAX_FUNCS && !d->off && alive(sh);
	if (shown && fr->tsc != 0) {
		count_return(sh, fr);
	} else if (shown) {
		/* Output arguments, memory returned: what the function wrote, copied now. */
		const struct fast_func *f = &sh->funcs[fr->fid];
		uint32_t n = __atomic_load_n(&f->nout, __ATOMIC_ACQUIRE);
		if (n > FAST_OUT_COPIES)
			n = FAST_OUT_COPIES;
		struct writer wr;
		struct fast_rec *r = reserve(sh, d, t, sizeof(struct fast_rec) + copies_room(f->out, n), &wr);
		if (r != NULL) {
			r->kind = FAST_RETURN;
			r->flags = 0;
			r->ncap = 0;
			r->fid = (uint32_t)fr->fid;
			r->tid = t->tid;
			r->sp = sp;
			r->ret = ret;
			r->regs[0] = regs->rax;
			r->regs[1] = regs->rdx;
			for (int i = 0; i < 4; i++)
				r->fp[i] = regs->xmm[i];
			struct cap_writer w = { d, r, (char *)(r + 1) };
			uint64_t roots[FAST_FROM_ROOTS] = { 0 };
			for (uint32_t i = 0; i < fr->nout && i < n; i++)
				if (f->out[i].from < 6)
					roots[f->out[i].from] = fr->out[i];
			roots[FAST_FROM_RET] = regs->rax;
			make_copies(&w, f->out, n, roots, 0xff);
			commit(sh, t, r, (uint32_t)(w.p - (char *)r), &wr);
		}
	}
	if (k == depth) {
		set_depth(t, without_returned(t, depth - 1));
	} else { /* frames of other stacks above it: it goes when they have */
		fr->sp = 0;
		set_depth(t, depth);
	}
	return ret;
}
