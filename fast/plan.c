/*
 * --fast: what memory the agent copies at a call, and at its return (output arguments,
 * memory returned). The prototype is formatted with made-up register values that point
 * into a probe: the formatter's reads there tell which memory is shown, and how far. The
 * probe is made of regions: one per argument register, the stack, the return value, and
 * one for each pointer inside them that the formatter follows. It is formatted in rounds:
 * in round k, the words of regions less than k pointers deep hold pointers to regions of
 * their own (so that a pointer field, followed, shows which region it leads to), those k
 * deep hold characters (so that strings are read as far as they are shown). What was read
 * becomes the list of copies the agent makes at each call (within each pointer's page):
 * the trace shows what the function saw, and what it wrote.
 */
#include "fast/plan.h"

#include <string.h>

#include "common/strbuf.h"
#include "proto/proto.h"
#include "sysdeps/arch.h"

/* Region i is at PROBE_BASE + i * PROBE_STRIDE + PROBE_START: no byte of the low half of
 * its address is 0, so that a field that holds it, read as a count, is large. */
#define PROBE_BASE 0x7e7e10000000ull
#define PROBE_STRIDE 0x10000ull
#define PROBE_START 0x7e7eu
#define PROBE_REGIONS 1024
#define PROBE_DEPTH 4    /* pointers followed from a register */
#define PROBE_HASH 4096  /* children, by parent and word */

enum { R_STACK = FAST_FROM_STACK, R_RET = FAST_FROM_RET, R_ROOTS = FAST_FROM_ROOTS };

struct region {
	int parent;       /* -1: a root (argument register, stack, return value) */
	uint32_t off;     /* where the pointer to it is in the parent */
	unsigned depth;
	uint32_t need[2]; /* bytes read: as the call is shown, as the return is */
	int op[2];        /* its copy in the lists made of them (-1: none) */
};

static struct {
	struct region r[PROBE_REGIONS];
	unsigned n;
	unsigned round;  /* regions less deep than this hold pointers */
	unsigned phase;  /* 0: the call is formatted, 1: the return */
	const char *fill;
	struct { uint32_t key; uint16_t id; } hash[PROBE_HASH];
} pb;

static uint64_t region_addr(unsigned id)
{
	return PROBE_BASE + id * PROBE_STRIDE + PROBE_START;
}

/* The region a word of region id points to (made the first time it is read); -1 if the
 * probe is full. */
static int child_of(unsigned id, uint32_t word)
{
	uint32_t key = id << 16 | word, h = (key * 2654435761u) % PROBE_HASH;

	for (;; h = (h + 1) % PROBE_HASH) {
		if (pb.hash[h].key == key + 1)
			return pb.hash[h].id;
		if (pb.hash[h].key == 0)
			break;
	}
	if (pb.n == PROBE_REGIONS)
		return -1;
	pb.hash[h].key = key + 1;
	pb.hash[h].id = (uint16_t)pb.n;
	pb.r[pb.n] = (struct region){ .parent = (int)id, .off = word * 8,
				      .depth = pb.r[id].depth + 1, .op = { -1, -1 } };
	return (int)pb.n++;
}

static ssize_t probe_read(pid_t tid, taddr_t addr, void *buf, size_t len)
{
	(void)tid;
	if (addr < PROBE_BASE || (addr - PROBE_BASE) % PROBE_STRIDE < PROBE_START)
		return -1;
	unsigned id = (unsigned)((addr - PROBE_BASE) / PROBE_STRIDE);
	uint64_t off = (addr - PROBE_BASE) % PROBE_STRIDE - PROBE_START;
	if (id >= pb.n)
		return -1;
	struct region *r = &pb.r[id];
	uint64_t end = off + len > FAST_CAP_MAX ? FAST_CAP_MAX : off + len;
	if (end > r->need[pb.phase])
		r->need[pb.phase] = (uint32_t)end;
	size_t k = strlen(pb.fill); /* no NUL: a string is read up to the limit */
	int c = -1;
	for (size_t i = 0; i < len; i++) {
		uint64_t o = off + i;
		if (r->depth < pb.round && (i == 0 || o % 8 == 0)) /* once per word */
			c = child_of(id, (uint32_t)(o / 8));
		((char *)buf)[i] = c < 0 ? pb.fill[o % k] : (char)(region_addr((unsigned)c) >> (8 * (o % 8)));
	}
	return (ssize_t)len;
}

/* Format a call to p, and its return, from the probe. */
static void probe(const struct proto *p, const struct fmt_opts *fmt, unsigned round,
		  const char *fill)
{
	uint64_t v[7], rv[2] = { region_addr(R_RET), 0 };
	struct arch_regs regs;
	struct arch_args st, rst;
	struct arg_cursor cur, rcur;
	struct strbuf sb = STRBUF_INIT;

	pb.round = round;
	pb.fill = fill;
	pb.phase = 0;
	for (unsigned i = 0; i < 6; i++)
		v[i] = region_addr(FAST_FROM_REG + i);
	v[6] = 0;
	arch_fast_call_regs(&regs, v, NULL, region_addr(R_STACK), 0);
	arch_args_call(&cur, &st, 0, &regs, probe_read);
	st.have_fp = true;
	memset(&st.fp, 0, sizeof(st.fp));
	cur.window = NULL;
	struct proto_call *c = proto_call_fetch(p, &cur);
	proto_call_format_in(&sb, c, &cur, fmt);
	pb.phase = 1;
	arch_fast_return_regs(&regs, rv, region_addr(R_STACK) + 8, 0);
	arch_args_return(&rcur, &rst, 0, &regs, probe_read);
	rst.have_fp = true;
	memset(&rst.fp, 0, sizeof(rst.fp));
	rcur.window = NULL;
	proto_call_return(c, &rcur);
	proto_call_format_out(&sb, c, &rcur, fmt);
	proto_call_format_ret(&sb, c, &rcur, fmt);
	proto_call_free(c);
	strbuf_free(&sb);
}

static void probe_reset(void)
{
	memset(&pb, 0, sizeof(pb));
	for (unsigned i = 0; i < R_ROOTS; i++)
		pb.r[i] = (struct region){ .parent = -1, .op = { -1, -1 } };
	pb.n = R_ROOTS;
}

/* The list of copies of a phase, made of the regions read then: roots first, then each
 * pointer followed after the copy it is in. The stack is copied at the call only, the
 * return value at the return only; registers at both (at the return, from their values
 * at the call: FAST_OUT_REGS of them at most). */
static uint8_t plan_list(struct fast_copy *list, unsigned max, unsigned phase)
{
	unsigned n = 0, regs = 0;

	for (unsigned id = 0; id < pb.n && n < max; id++) {
		struct region *r = &pb.r[id];
		uint32_t need = r->need[phase];
		if (need == 0)
			continue;
		if (r->parent >= 0) {
			int parent = pb.r[r->parent].op[phase];
			if (parent < 0)
				continue;
			list[n] = (struct fast_copy){ .from = FAST_FROM_PTR, .parent = (uint8_t)parent,
						      .off = (uint16_t)r->off, .len = (uint16_t)need };
		} else if (id == R_STACK) {
			if (phase != 0 || need <= 8) /* more than its return address */
				continue;
			list[n] = (struct fast_copy){ .from = FAST_FROM_STACK, .len = (uint16_t)need };
		} else if (id == R_RET) {
			if (phase != 1)
				continue;
			list[n] = (struct fast_copy){ .from = FAST_FROM_RET, .len = (uint16_t)need };
		} else {
			if (phase == 1 && regs++ >= FAST_OUT_REGS)
				continue;
			list[n] = (struct fast_copy){ .from = (uint8_t)(FAST_FROM_REG + id),
						      .len = (uint16_t)need };
		}
		r->op[phase] = (int)n++;
	}
	return (uint8_t)n;
}

/* The bytes of root r read at the call or at the return, whichever is more. */
static uint32_t read_at_all(const struct region *r)
{
	return r->need[0] > r->need[1] ? r->need[0] : r->need[1];
}

void fast_plan(struct fast_func *f, const struct proto *p, const struct fmt_opts *fmt)
{
	uint32_t plain[R_ROOTS];

	probe_reset();
	probe(p, fmt, 0, "%s");
	/* A format after an output argument is shown with the return (sprintf): its "%s"
	 * strings are copied at the call all the same (the registers are gone by the return;
	 * the strings are what the function saw). */
	for (unsigned i = 0; i < R_ROOTS; i++)
		plain[i] = read_at_all(&pb.r[i]);
	probe_reset();
	for (unsigned round = 0; round <= PROBE_DEPTH; round++)
		probe(p, fmt, round, "x");
	if (plain[R_STACK] > pb.r[R_STACK].need[0])
		pb.r[R_STACK].need[0] = plain[R_STACK];
	for (unsigned i = 0, last = 6; i < 6; i++) {
		if (read_at_all(&pb.r[i]) != 0)
			last = i;
		if (plain[i] != 0 && read_at_all(&pb.r[i]) == 0 && last < i) {
			/* the format is the last register read before one that only its
			 * "%s" read */
			size_t cap = fmt->string_limit + 1;
			f->fmt_cap = (uint16_t)(cap < FAST_CAP_MAX ? cap : FAST_CAP_MAX);
			f->fmt_reg = (uint8_t)last;
			break;
		}
	}
	/* Published whole: a thread may be in the agent, reading the counts. */
	uint8_t ncopy = plan_list(f->copy, FAST_COPIES, 0);
	uint8_t nout = plan_list(f->out, FAST_OUT_COPIES, 1);
	__atomic_store_n(&f->ncopy, ncopy, __ATOMIC_RELEASE);
	__atomic_store_n(&f->nout, nout, __ATOMIC_RELEASE);
}
