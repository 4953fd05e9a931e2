/* Signals: numbers, masks, struct sigaction (the kernel's layout), sigprocmask's how. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "syscalls/decode.h"
#include "sysdeps/arch.h"

#define NSIG_KERNEL 64

static const struct xlat sa_flags[] = { /* strace's order and names */
	{ 0x04000000, "SA_RESTORER" },
	{ 0x08000000, "SA_ONSTACK" },
	{ 0x10000000, "SA_RESTART" },
	{ 0x40000000, "SA_NODEFER" },
	{ 0x80000000, "SA_RESETHAND" },
	{ 0x4, "SA_SIGINFO" },
	{ 0x1, "SA_NOCLDSTOP" },
	{ 0x2, "SA_NOCLDWAIT" },
	{ 0, NULL },
};

static const struct xlat ss_flags[] = {
	{ 1, "SS_ONSTACK" }, { 2, "SS_DISABLE" }, { 0x80000000, "SS_AUTODISARM" }, { 0, NULL },
};

static const struct xlat hows[] = {
	{ 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" }, { 0, NULL },
};

/* The name of signal sig without "SIG" ("INT", "RT_3"), possibly in buf. */
static const char *signal_abbrev(int sig, char *buf, size_t size)
{
	const char *abbrev = sig > 0 && sig < 32 ? sigabbrev_np(sig) : NULL;

	if (sig == SIGIO) /* glibc says POLL, strace IO */
		return "IO";
	if (abbrev != NULL)
		return abbrev;
	if (sig == 32) /* the kernel's SIGRTMIN (glibc keeps 32 and 33 for itself) */
		return "RTMIN";
	if (sig > 32 && sig <= NSIG_KERNEL) {
		snprintf(buf, size, "RT_%d", sig - 32);
		return buf;
	}
	snprintf(buf, size, "%d", sig);
	return buf;
}

void sys_put_signal(struct strbuf *out, int sig)
{
	char buf[16];
	const char *abbrev = signal_abbrev(sig, buf, sizeof(buf));

	if (sig > 0 && sig <= NSIG_KERNEL)
		strbuf_printf(out, "SIG%s", abbrev);
	else
		strbuf_printf(out, "%d", sig);
}

void sys_put_sigmask(struct strbuf *out, uint64_t mask)
{
	int set = __builtin_popcountll(mask);
	bool invert = set > NSIG_KERNEL / 2, first = true;
	char buf[16];

	if (invert) {
		mask = ~mask;
		strbuf_putc(out, '~');
	}
	strbuf_putc(out, '[');
	for (int sig = 1; sig <= NSIG_KERNEL; sig++) {
		if (!(mask & (1ull << (sig - 1))))
			continue;
		strbuf_printf(out, "%s%s", first ? "" : " ", signal_abbrev(sig, buf, sizeof(buf)));
		first = false;
	}
	strbuf_putc(out, ']');
}

/* A mask of size bytes at addr (at most 8 are read: x86_64 has 64 signals). */
static void put_sigset_at(const struct sys_ctx *c, uint64_t addr, uint64_t size)
{
	uint64_t mask = 0;

	if (size > sizeof(mask))
		size = sizeof(mask);
	if (size == 0 || !sys_read(c, addr, &mask, (size_t)size)) {
		sys_put_ptr(c->out, addr);
		return;
	}
	sys_put_sigmask(c->out, mask);
}

/* The kernel's struct sigaction on x86_64. */
struct k_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

static void put_sigaction_at(const struct sys_ctx *c, uint64_t addr)
{
	struct k_sigaction sa;

	if (!sys_read(c, addr, &sa, sizeof(sa))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_append(c->out, "{sa_handler=");
	if (sa.handler == 0)
		strbuf_append(c->out, "SIG_DFL");
	else if (sa.handler == 1)
		strbuf_append(c->out, "SIG_IGN");
	else
		strbuf_printf(c->out, "%#" PRIx64, sa.handler);
	strbuf_append(c->out, ", sa_mask=");
	sys_put_sigmask(c->out, sa.mask);
	strbuf_append(c->out, ", sa_flags=");
	xlat_flags(c->out, sa_flags, sa.flags);
	if (sa.flags & 0x04000000)
		strbuf_printf(c->out, ", sa_restorer=%#" PRIx64, sa.restorer);
	strbuf_putc(c->out, '}');
}

/* stack_t: "{ss_sp=0x7ffe..., ss_flags=0, ss_size=4096}". */
static void put_stack_at(const struct sys_ctx *c, uint64_t addr)
{
	struct {
		uint64_t sp;
		int32_t flags, pad;
		uint64_t size;
	} ss;

	if (!sys_read(c, addr, &ss, sizeof(ss))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_append(c->out, "{ss_sp=");
	sys_put_ptr(c->out, ss.sp);
	strbuf_append(c->out, ", ss_flags=");
	xlat_flags(c->out, ss_flags, (uint32_t)ss.flags);
	strbuf_printf(c->out, ", ss_size=%" PRIu64 "}", ss.size);
}

void sys_decode_signal(const struct sys_ctx *c, int kind, unsigned i)
{
	const struct sys_entry *e = &sys_table[c->call->nr];
	uint64_t v = c->call->args[i];
	bool failed = sys_is_error(c->call->ret);

	switch (kind) {
	case SA_SIG:
		sys_put_signal(c->out, (int)v);
		break;
	case SA_SIGHOW:
		xlat_enum(c->out, hows, (uint32_t)v, true);
		break;
	case SA_SIGACT:
	case SA_OSIGACT:
		if (v == 0 || (kind == SA_OSIGACT && failed))
			sys_put_ptr(c->out, v);
		else
			put_sigaction_at(c, v);
		break;
	case SA_SIGSET:
		if (v == 0)
			sys_put_ptr(c->out, v);
		else
			put_sigset_at(c, v, c->call->args[e->param[i]]);
		break;
	case SA_SIGSTACK:
	case SA_OSIGSTACK:
		if (v == 0 || (kind == SA_OSIGSTACK && failed))
			sys_put_ptr(c->out, v);
		else
			put_stack_at(c, v);
		break;
	case SA_SIGFRAME: /* strace's notation for the frame: only its mask is shown */
		strbuf_append(c->out, "{mask=");
		put_sigset_at(c, arch_sigreturn_mask(c->call->sp), sizeof(uint64_t));
		strbuf_putc(c->out, '}');
		break;
	case SA_OSIGSET:
		if (v == 0 || failed)
			sys_put_ptr(c->out, v);
		else /* rt_sigprocmask's size is its last argument, rt_sigpending's the next */
			put_sigset_at(c, v, c->call->args[e->nargs - 1]);
		break;
	default:
		break;
	}
}
