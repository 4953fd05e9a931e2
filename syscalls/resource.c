/* Resources of a process: resource limits (prlimit64, getrlimit, setrlimit), the CPUs it may
 * run on (sched_getaffinity), its supplementary groups (getgroups). */
#include <inttypes.h>

#include "syscalls/decode.h"

#define CPUSET_MAX 128 /* bytes of a CPU mask read: 1024 CPUs */
#define GROUPS_MAX 64  /* groups shown before "..." */

static const struct xlat resources[] = {
	{ 0, "RLIMIT_CPU" }, { 1, "RLIMIT_FSIZE" }, { 2, "RLIMIT_DATA" }, { 3, "RLIMIT_STACK" },
	{ 4, "RLIMIT_CORE" }, { 5, "RLIMIT_RSS" }, { 6, "RLIMIT_NPROC" }, { 7, "RLIMIT_NOFILE" },
	{ 8, "RLIMIT_MEMLOCK" }, { 9, "RLIMIT_AS" }, { 10, "RLIMIT_LOCKS" },
	{ 11, "RLIMIT_SIGPENDING" }, { 12, "RLIMIT_MSGQUEUE" }, { 13, "RLIMIT_NICE" },
	{ 14, "RLIMIT_RTPRIO" }, { 15, "RLIMIT_RTTIME" }, { 0, NULL },
};

/* A limit as strace shows it: RLIM64_INFINITY, "8192*1024" for whole KiB above 1 KiB, or
 * the number. */
static void put_limit(struct strbuf *out, uint64_t v)
{
	if (v == UINT64_MAX)
		strbuf_append(out, "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0)
		strbuf_printf(out, "%" PRIu64 "*1024", v / 1024);
	else
		strbuf_put_udec(out, v);
}

static void put_rlimit_at(const struct sys_ctx *c, uint64_t addr)
{
	uint64_t rl[2];

	if (addr == 0 || !sys_read(c, addr, rl, sizeof(rl))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_append(c->out, "{rlim_cur=");
	put_limit(c->out, rl[0]);
	strbuf_append(c->out, ", rlim_max=");
	put_limit(c->out, rl[1]);
	strbuf_putc(c->out, '}');
}

/* "[0 1]": the CPUs set in the mask the call wrote (its result is the mask's size). */
static void put_cpuset(const struct sys_ctx *c, uint64_t addr)
{
	unsigned char mask[CPUSET_MAX];
	size_t len = (size_t)c->call->ret < sizeof(mask) ? (size_t)c->call->ret : sizeof(mask);
	bool first = true;

	if (sys_is_error(c->call->ret) || !sys_read(c, addr, mask, len)) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_putc(c->out, '[');
	for (size_t cpu = 0; cpu < len * 8; cpu++) {
		if (!(mask[cpu / 8] & (1u << (cpu % 8))))
			continue;
		strbuf_printf(c->out, "%s%zu", first ? "" : " ", cpu);
		first = false;
	}
	strbuf_putc(c->out, ']');
}

/* "[0, 4, 27]": the groups the call wrote (its result is their number). */
static void put_groups(const struct sys_ctx *c, uint64_t addr)
{
	uint32_t groups[GROUPS_MAX];
	size_t n = (size_t)c->call->ret < GROUPS_MAX ? (size_t)c->call->ret : GROUPS_MAX;

	if (addr == 0 || sys_is_error(c->call->ret) ||
	    !sys_read(c, addr, groups, n * sizeof(groups[0]))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_putc(c->out, '[');
	for (size_t k = 0; k < n; k++)
		strbuf_printf(c->out, "%s%" PRIu32, k > 0 ? ", " : "", groups[k]);
	if ((size_t)c->call->ret > n)
		strbuf_append(c->out, ", ...");
	strbuf_putc(c->out, ']');
}

void sys_decode_resource(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];

	switch (kind) {
	case SA_RLIMITRES:
		xlat_enum_or(c->out, resources, (uint32_t)v, "RLIMIT_???");
		break;
	case SA_RLIM:
		put_rlimit_at(c, v);
		break;
	case SA_ORLIM:
		if (!sys_unwritten(c, v))
			put_rlimit_at(c, v);
		break;
	case SA_OCPUSET:
		put_cpuset(c, v);
		break;
	case SA_OGIDS:
		put_groups(c, v);
		break;
	default:
		break;
	}
}
