/* The system as a whole: uname, sysinfo, getrandom. */
#include <inttypes.h>
#include <string.h>

#include "syscalls/decode.h"

static const struct xlat grnd_flags[] = {
	{ 1, "GRND_NONBLOCK" }, { 2, "GRND_RANDOM" }, { 4, "GRND_INSECURE" }, { 0, NULL },
};

/* struct sysinfo on x86_64. */
struct k_sysinfo {
	int64_t uptime;
	uint64_t loads[3];
	uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t pad2;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
};

static void put_sysinfo(const struct sys_ctx *c, const struct k_sysinfo *si)
{
	strbuf_printf(c->out, "{uptime=%" PRId64 ", loads=[%" PRIu64 ", %" PRIu64 ", %" PRIu64
		      "], totalram=%" PRIu64 ", freeram=%" PRIu64 ", sharedram=%" PRIu64
		      ", bufferram=%" PRIu64 ", totalswap=%" PRIu64 ", freeswap=%" PRIu64
		      ", procs=%u, totalhigh=%" PRIu64 ", freehigh=%" PRIu64 ", mem_unit=%u}",
		      si->uptime, si->loads[0], si->loads[1], si->loads[2], si->totalram,
		      si->freeram, si->sharedram, si->bufferram, si->totalswap, si->freeswap,
		      (unsigned)si->procs, si->totalhigh, si->freehigh, (unsigned)si->mem_unit);
}

/* struct utsname: six fields of 65 bytes; strace shows the first two. */
static void put_utsname(const struct sys_ctx *c, const char u[2][65])
{
	strbuf_append(c->out, "{sysname=");
	sys_quote(c->out, (const unsigned char *)u[0], strnlen(u[0], 65), false);
	strbuf_append(c->out, ", nodename=");
	sys_quote(c->out, (const unsigned char *)u[1], strnlen(u[1], 65), false);
	strbuf_append(c->out, ", ...}");
}

void sys_decode_system(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];
	union {
		struct k_sysinfo si;
		char uts[2][65];
	} u;

	switch (kind) {
	case SA_OSYSINFO:
		if (sys_unwritten(c, v))
			break;
		if (sys_read(c, v, &u.si, sizeof(u.si)))
			put_sysinfo(c, &u.si);
		else
			sys_put_ptr(c->out, v);
		break;
	case SA_OUTSNAME:
		if (sys_unwritten(c, v))
			break;
		if (sys_read(c, v, u.uts, sizeof(u.uts)))
			put_utsname(c, u.uts);
		else
			sys_put_ptr(c->out, v);
		break;
	case SA_GRNDFLAGS:
		xlat_flags(c->out, grnd_flags, (uint32_t)v);
		break;
	case SA_ORANDOM: /* the bytes written, in hex */
		if (!sys_unwritten(c, v))
			sys_put_hexbuf(c, v, (uint64_t)c->call->ret);
		break;
	default:
		break;
	}
}
