/* Time: struct timespec (read or written by the call), struct timeval, clock ids, the time
 * left of an interrupted sleep. */
#include <inttypes.h>

#include "syscalls/decode.h"

static const struct xlat clocks[] = {
	{ 0, "CLOCK_REALTIME" },
	{ 1, "CLOCK_MONOTONIC" },
	{ 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" },
	{ 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" },
	{ 8, "CLOCK_REALTIME_ALARM" },
	{ 9, "CLOCK_BOOTTIME_ALARM" },
	{ 11, "CLOCK_TAI" },
	{ 0, NULL },
};

static const struct xlat timer_flags[] = { { 1, "TIMER_ABSTIME" }, { 0, NULL } };

#define EINTR_VALUE 4

void sys_put_timespec(const struct sys_ctx *c, uint64_t addr)
{
	int64_t ts[2];

	if (addr == 0 || !sys_read(c, addr, ts, sizeof(ts))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_printf(c->out, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[0], ts[1]);
}

static void put_timeval_at(const struct sys_ctx *c, uint64_t addr)
{
	int64_t tv[2];

	if (addr == 0 || !sys_read(c, addr, tv, sizeof(tv))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_printf(c->out, "{tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}", tv[0], tv[1]);
}

void sys_decode_time(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];

	switch (kind) {
	case SA_CLOCK:
		xlat_enum(c->out, clocks, (uint32_t)v, false);
		break;
	case SA_TS:
		sys_put_timespec(c, v);
		break;
	case SA_TV:
		put_timeval_at(c, v);
		break;
	case SA_TIMERFLAGS:
		xlat_flags(c->out, timer_flags, (uint32_t)v);
		break;
	case SA_OREM: /* written only when the sleep was interrupted */
		if (c->call->ret == -EINTR_VALUE || sys_ret_restarts(c->call->ret))
			sys_put_timespec(c, v);
		else
			sys_put_ptr(c->out, v);
		break;
	case SA_OTS:
		if (!sys_unwritten(c, v))
			sys_put_timespec(c, v);
		break;
	default:
		break;
	}
}
