/* The result of a call: a number or an address, or an error with its errno name. */
#include <inttypes.h>
#include <string.h>

#include "syscalls/decode.h"

/* The kernel's restart codes, seen by a tracer at the exit of an interrupted call. */
static const struct {
	int code;
	const char *name, *what;
} restarts[] = {
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ 513, "ERESTARTNOINTR", "To be restarted" },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
};

bool sys_ret_restarts(int64_t ret)
{
	for (size_t i = 0; i < sizeof(restarts) / sizeof(restarts[0]); i++)
		if (ret == -restarts[i].code)
			return true;
	return false;
}

bool sys_ret_restarts_block(int64_t ret)
{
	return ret == -516;
}

bool sys_resumes_interrupted(long nr)
{
	const char *name = sys_name(nr);

	return name != NULL && strcmp(name, "restart_syscall") == 0;
}

static void put_error(struct strbuf *out, int err)
{
	for (size_t i = 0; i < sizeof(restarts) / sizeof(restarts[0]); i++) {
		if (err == restarts[i].code) {
			strbuf_printf(out, "? %s (%s)", restarts[i].name, restarts[i].what);
			return;
		}
	}
	const char *name = strerrorname_np(err);
	if (name != NULL)
		strbuf_printf(out, "-1 %s (%s)", name, strerror(err));
	else
		strbuf_printf(out, "-1 errno %d", err);
}

static bool waits_for_fds(const struct sys_entry *e)
{
	for (unsigned i = 0; e->decoded && i < e->nargs; i++)
		if (e->kind[i] == SA_POLLFD || e->kind[i] == SA_FDSET)
			return true;
	return false;
}

void sys_format_ret(struct strbuf *out, const struct sys_call *c, const struct sys_mem *mem)
{
	int ret_kind = sys_name(c->nr) != NULL ? sys_table[c->nr].ret : SR_LONG;

	if (ret_kind == SR_NONE) {
		strbuf_putc(out, '?');
		return;
	}
	if (sys_is_error(c->ret)) {
		put_error(out, (int)-c->ret);
		return;
	}
	if (ret_kind == SR_HEX)
		strbuf_printf(out, "%#" PRIx64, (uint64_t)c->ret);
	else if (ret_kind == SR_OCTAL)
		strbuf_printf(out, "%#03" PRIo64, (uint64_t)c->ret);
	else if (ret_kind == SR_FCNTL)
		sys_put_fcntl_ret(out, c);
	else
		strbuf_put_dec(out, c->ret);
	if (mem != NULL && sys_name(c->nr) != NULL && waits_for_fds(&sys_table[c->nr])) {
		struct sys_ctx ctx = { out, c, mem, 0 };
		sys_poll_result(&ctx);
	}
}
