/* futex: the operation's name, and the arguments each operation uses (as strace shows
 * them: FUTEX_WAKE has three, FUTEX_WAIT four with its timeout, the bitset operations
 * no uaddr2...). */
#include <inttypes.h>

#include "syscalls/decode.h"

#define FUTEX_PRIVATE 128
#define FUTEX_CLOCK_REALTIME 256
#define BITSET_MATCH_ANY 0xffffffffu

enum { WAIT, WAKE, FD, REQUEUE, CMP_REQUEUE, WAKE_OP, LOCK_PI, UNLOCK_PI, TRYLOCK_PI,
       WAIT_BITSET, WAKE_BITSET, WAIT_REQUEUE_PI, CMP_REQUEUE_PI, LOCK_PI2 };

static const struct {
	const char *name;
	uint8_t shown;   /* a bit per argument shown */
	bool timeout;    /* argument 3 is a struct timespec (else a number) */
} ops[] = {
	[WAIT] = { "WAIT", 0x0f, true },
	[WAKE] = { "WAKE", 0x07, false },
	[FD] = { "FD", 0x07, false },
	[REQUEUE] = { "REQUEUE", 0x1f, false },
	[CMP_REQUEUE] = { "CMP_REQUEUE", 0x3f, false },
	[WAKE_OP] = { "WAKE_OP", 0x3f, false },
	[LOCK_PI] = { "LOCK_PI", 0x0f, true },
	[UNLOCK_PI] = { "UNLOCK_PI", 0x03, false },
	[TRYLOCK_PI] = { "TRYLOCK_PI", 0x03, false },
	[WAIT_BITSET] = { "WAIT_BITSET", 0x2f, true },
	[WAKE_BITSET] = { "WAKE_BITSET", 0x27, false },
	[WAIT_REQUEUE_PI] = { "WAIT_REQUEUE_PI", 0x1f, true },
	[CMP_REQUEUE_PI] = { "CMP_REQUEUE_PI", 0x3f, false },
	[LOCK_PI2] = { "LOCK_PI2", 0x0f, true },
};

/* The operation of call c (its argument 1), or -1 if unknown. */
static int op_of(const struct sys_ctx *c)
{
	unsigned cmd = (unsigned)c->call->args[1] & 0x7f;

	return cmd < sizeof(ops) / sizeof(ops[0]) ? (int)cmd : -1;
}

bool sys_futex_omitted(const struct sys_ctx *c, int kind, unsigned i)
{
	int op = op_of(c);

	return kind == SA_FUTEXARG && op >= 0 && !(ops[op].shown & (1u << i));
}

void sys_decode_futex(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];
	int op = op_of(c);

	if (kind == SA_FUTEXOP) {
		if (op < 0) {
			strbuf_printf(c->out, "%#" PRIx64, v);
			return;
		}
		strbuf_printf(c->out, "FUTEX_%s%s", ops[op].name, (v & FUTEX_PRIVATE) ? "_PRIVATE" : "");
		if (v & FUTEX_CLOCK_REALTIME)
			strbuf_append(c->out, "|FUTEX_CLOCK_REALTIME");
		if (v & ~(uint64_t)(0x7f | FUTEX_PRIVATE | FUTEX_CLOCK_REALTIME))
			strbuf_printf(c->out, "|%#" PRIx64, v & ~(uint64_t)(0x7f | FUTEX_PRIVATE |
								 FUTEX_CLOCK_REALTIME));
		return;
	}
	/* SA_FUTEXARG: arguments 3 (timeout or val2), 4 (uaddr2), 5 (val3). */
	if (i == 3 && op >= 0 && ops[op].timeout)
		sys_decode_time(c, SA_TS, i);
	else if (i == 4 || (i == 3 && op == WAKE_BITSET))
		sys_put_ptr(c->out, v);
	else if (i == 5 && (op == WAIT_BITSET || op == WAKE_BITSET) && (uint32_t)v == BITSET_MATCH_ANY)
		strbuf_append(c->out, "FUTEX_BITSET_MATCH_ANY");
	else if (i == 5 && (op == WAIT_BITSET || op == WAKE_BITSET || op == WAKE_OP))
		strbuf_printf(c->out, "%#" PRIx32, (uint32_t)v);
	else
		strbuf_printf(c->out, "%" PRIu32, (uint32_t)v);
}
