/*
 * --fast: what memory the agent copies at a call, and at its return (output arguments).
 * The prototype is formatted once with made-up register values that point into a probe:
 * the formatter's reads there tell which argument registers point to memory that is
 * shown, and how far; the agent copies that much at each call (within the pointer's
 * page), so that the trace shows what the function saw, and what it wrote.
 */
#include "fast/fast.h"

#include <string.h>

#include "breakpoints/hit.h"
#include "common/strbuf.h"
#include "fast/agent_state.h"
#include "output/output.h"
#include "proto/proto.h"
#include "session/session.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

#define PROBE_BASE 0x7e0000000000ull
#define PROBE_STRIDE (1ull << 24)

static uint32_t probe_need[7]; /* the argument registers, then the stack */
static const char *probe_fill; /* what the probe's memory holds, repeated */

static ssize_t probe_read(pid_t tid, taddr_t addr, void *buf, size_t len)
{
	(void)tid;
	if (addr < PROBE_BASE || addr >= PROBE_BASE + 7 * PROBE_STRIDE)
		return -1;
	unsigned reg = (unsigned)((addr - PROBE_BASE) / PROBE_STRIDE);
	uint64_t end = addr + len - (PROBE_BASE + reg * PROBE_STRIDE);
	if (end > FAST_CAP_MAX)
		end = FAST_CAP_MAX;
	if (end > probe_need[reg])
		probe_need[reg] = (uint32_t)end;
	size_t k = strlen(probe_fill); /* no NUL: a string is read up to the limit */
	for (size_t i = 0; i < len; i++)
		((char *)buf)[i] = probe_fill[(addr + i) % k];
	return (ssize_t)len;
}

/* Format p's arguments from the probe whose memory holds fill; probe_need says what was
 * read. */
static void probe(const struct proto *p, const char *fill)
{
	uint64_t v[7];
	struct arch_regs regs;
	struct arch_args st;
	struct arg_cursor cur;
	struct strbuf sb = STRBUF_INIT;

	for (unsigned i = 0; i < 6; i++)
		v[i] = PROBE_BASE + i * PROBE_STRIDE;
	v[6] = 0;
	memset(probe_need, 0, sizeof(probe_need));
	arch_fast_call_regs(&regs, v, PROBE_BASE + 6 * PROBE_STRIDE, 0);
	arch_args_call(&cur, &st, 0, &regs, probe_read);
	st.have_fp = true;
	memset(&st.fp, 0, sizeof(st.fp));
	cur.window = NULL;
	probe_fill = fill;
	struct proto_call *c = proto_call_fetch(p, &cur);
	proto_call_format_in(&sb, c, &cur, &session.fmt);
	proto_call_free(c);
	strbuf_free(&sb);
}

/* Whether calls to p have output arguments; if so, what they show at the return, by
 * register (probe_need), with the largest return value (string[retval]). */
static bool probe_out(const struct proto *p)
{
	uint64_t v[7], rv[2] = { FAST_CAP_MAX, 0 };
	struct arch_regs regs;
	struct arch_args st, rst;
	struct arg_cursor cur, rcur;
	struct strbuf sb = STRBUF_INIT;

	for (unsigned i = 0; i < 6; i++)
		v[i] = PROBE_BASE + i * PROBE_STRIDE;
	v[6] = 0;
	arch_fast_call_regs(&regs, v, PROBE_BASE + 6 * PROBE_STRIDE, 0);
	arch_args_call(&cur, &st, 0, &regs, probe_read);
	st.have_fp = true;
	memset(&st.fp, 0, sizeof(st.fp));
	cur.window = NULL;
	probe_fill = "x";
	struct proto_call *c = proto_call_fetch(p, &cur);
	bool has = proto_call_has_output(c);
	if (has) {
		proto_call_format_in(&sb, c, &cur, &session.fmt);
		memset(probe_need, 0, sizeof(probe_need));
		arch_fast_return_regs(&regs, rv, PROBE_BASE + 6 * PROBE_STRIDE + 8, 0);
		arch_args_return(&rcur, &rst, 0, &regs, probe_read);
		rst.have_fp = true;
		memset(&rst.fp, 0, sizeof(rst.fp));
		rcur.window = NULL;
		proto_call_return(c, &rcur);
		proto_call_format_out(&sb, c, &rcur, &session.fmt);
	}
	proto_call_free(c);
	strbuf_free(&sb);
	return has;
}

/* What the agent copies for calls to p: the memory shown, by register; and if one is a
 * printf-like format (its "%s" make the formatter read registers after it that a plain
 * string does not), the strings its conversions take. */
static void plan_captures(struct fast_func *f, const struct proto *p)
{
	uint32_t plain[7];

	probe(p, "%s");
	memcpy(plain, probe_need, sizeof(plain));
	probe(p, "x");
	uint32_t stack = plain[6] > probe_need[6] ? plain[6] : probe_need[6];
	if (stack > FAST_CAP_MAX)
		stack = FAST_CAP_MAX;
	f->stack_len = (uint16_t)(stack > 8 ? stack : 0);
	for (unsigned i = 0, last = 6; i < 6; i++) {
		if (probe_need[i] != 0)
			last = i;
		if (plain[i] != 0 && probe_need[i] == 0 && last < i) {
			/* the format is the last register read before one that only its
			 * "%s" read */
			size_t cap = session.fmt.string_limit + 1;
			f->fmt_cap = (uint16_t)(cap < FAST_CAP_MAX ? cap : FAST_CAP_MAX);
			f->fmt_reg = (uint8_t)last;
			break;
		}
	}
	uint32_t n = 0;
	for (unsigned i = 0; i < 6 && n < FAST_MAX_CAPS; i++) {
		if (probe_need[i] == 0)
			continue;
		f->cap_reg[n] = (uint8_t)i;
		f->cap_len[n] = (uint16_t)probe_need[i];
		n++;
	}
	__atomic_store_n(&f->ncap, n, __ATOMIC_RELEASE);
	if (!probe_out(p))
		return;
	n = 0;
	for (unsigned i = 0; i < 6 && n < FAST_OUT_CAPS; i++) {
		if (probe_need[i] == 0)
			continue;
		f->out_reg[n] = (uint8_t)i;
		f->out_len[n] = (uint16_t)probe_need[i];
		n++;
	}
	__atomic_store_n(&f->nout, (uint8_t)n, __ATOMIC_RELEASE);
}

void fast_prepare(struct thread *t, bool start)
{
	struct fast_agent *a = fast_agent_of(process_vm(t->proc)->pid);

	if (a != NULL && start)
		a->started = true;
	if (a == NULL || !a->started || !output_formats_values())
		return;
	for (size_t i = 0; i < a->nfns; i++) {
		struct fast_fn *fn = &a->fns[i];
		if (fn->prepared)
			continue;
		/* A PLT call returns into the object of its stub. */
		hit_resolve_proto(t, &fn->c, fn->at, fn->at);
		fn->prepared = true;
		if (fn->c.proto != NULL)
			plan_captures(&a->sh->funcs[i], fn->c.proto);
	}
}
