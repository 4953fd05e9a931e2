/* Waiting for children: wait4's status word and options. */
#include "syscalls/decode.h"

static const struct xlat wait_options[] = {
	{ 0x1, "WNOHANG" },
	{ 0x2, "WUNTRACED" },
	{ 0x4, "WEXITED" },
	{ 0x8, "WCONTINUED" },
	{ 0x1000000, "WNOWAIT" },
	{ 0x20000000, "__WNOTHREAD" },
	{ 0x40000000, "__WALL" },
	{ 0x80000000, "__WCLONE" },
	{ 0, NULL },
};

static const struct xlat ptrace_events[] = {
	{ 1, "PTRACE_EVENT_FORK" },
	{ 2, "PTRACE_EVENT_VFORK" },
	{ 3, "PTRACE_EVENT_CLONE" },
	{ 4, "PTRACE_EVENT_EXEC" },
	{ 5, "PTRACE_EVENT_VFORK_DONE" },
	{ 6, "PTRACE_EVENT_EXIT" },
	{ 7, "PTRACE_EVENT_SECCOMP" },
	{ 128, "PTRACE_EVENT_STOP" },
	{ 0, NULL },
};

/* "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]", as the macros of wait(2) would test it. */
void sys_put_wait_status(struct strbuf *out, int s)
{
	strbuf_append(out, "[{");
	if ((s & 0x7f) == 0) {
		strbuf_printf(out, "WIFEXITED(s) && WEXITSTATUS(s) == %d}", (s >> 8) & 0xff);
	} else if ((s & 0xff) == 0x7f) {
		strbuf_append(out, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		sys_put_signal(out, (s >> 8) & 0xff);
		strbuf_putc(out, '}');
		if ((s >> 16) != 0) {
			strbuf_append(out, " | ");
			xlat_enum(out, ptrace_events, (unsigned)s >> 16, true);
			strbuf_append(out, " << 16");
		}
	} else if (s == 0xffff) {
		strbuf_append(out, "WIFCONTINUED(s)}");
	} else {
		strbuf_append(out, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		sys_put_signal(out, s & 0x7f);
		strbuf_append(out, (s & 0x80) ? " && WCOREDUMP(s)}" : "}");
	}
	strbuf_putc(out, ']');
}

void sys_decode_wait(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];
	int status;

	switch (kind) {
	case SA_OWSTATUS: /* written only when a child was reported */
		if (c->call->ret <= 0 || !sys_read(c, v, &status, sizeof(status)))
			sys_put_ptr(c->out, v);
		else
			sys_put_wait_status(c->out, status);
		break;
	case SA_WOPTS:
		xlat_flags(c->out, wait_options, (uint32_t)v);
		break;
	default:
		break;
	}
}
