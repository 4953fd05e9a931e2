/* epoll: control operations and struct epoll_event (packed on x86_64: 4 + 8 bytes; arch-kabi.h), read
 * by epoll_ctl, written by epoll_wait up to the count it returns. */
#include <inttypes.h>

#include "syscalls/decode.h"
#include "arch-kabi.h"

#define EVENTS_SHOWN 16

static const struct xlat ctl_ops[] = {
	{ 1, "EPOLL_CTL_ADD" }, { 2, "EPOLL_CTL_DEL" }, { 3, "EPOLL_CTL_MOD" }, { 0, NULL },
};

static const struct xlat create_flags[] = { { 02000000, "EPOLL_CLOEXEC" }, { 0, NULL } };

static const struct xlat event_bits[] = {
	{ 0x1, "EPOLLIN" },
	{ 0x2, "EPOLLPRI" },
	{ 0x4, "EPOLLOUT" },
	{ 0x8, "EPOLLERR" },
	{ 0x10, "EPOLLHUP" },
	{ 0x20, "EPOLLNVAL" },
	{ 0x40, "EPOLLRDNORM" },
	{ 0x80, "EPOLLRDBAND" },
	{ 0x100, "EPOLLWRNORM" },
	{ 0x200, "EPOLLWRBAND" },
	{ 0x400, "EPOLLMSG" },
	{ 0x2000, "EPOLLRDHUP" },
	{ 0x10000000, "EPOLLEXCLUSIVE" },
	{ 0x20000000, "EPOLLWAKEUP" },
	{ 0x40000000, "EPOLLONESHOT" },
	{ 0x80000000, "EPOLLET" },
	{ 0, NULL },
};

struct epoll_event_raw {
	uint32_t events;
	uint64_t data;
} ARCH_EPOLL_PACKED;

static void put_event(struct strbuf *out, const struct epoll_event_raw *e)
{
	strbuf_append(out, "{events=");
	xlat_flags(out, event_bits, e->events);
	strbuf_printf(out, ", data={u32=%" PRIu32 ", u64=%" PRIu64 "}}", (uint32_t)e->data, e->data);
}

/* n events at addr: "[{events=EPOLLIN, data=0x5}, ...]". */
static void put_events(const struct sys_ctx *c, uint64_t addr, uint64_t n)
{
	struct epoll_event_raw ev[EVENTS_SHOWN];
	size_t want = n < EVENTS_SHOWN ? (size_t)n : EVENTS_SHOWN;

	if (addr == 0 || (want > 0 && !sys_read(c, addr, ev, want * sizeof(ev[0])))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_putc(c->out, '[');
	for (size_t i = 0; i < want; i++) {
		if (i > 0)
			strbuf_append(c->out, ", ");
		put_event(c->out, &ev[i]);
	}
	if (want < n)
		strbuf_append(c->out, ", ...");
	strbuf_putc(c->out, ']');
}

void sys_decode_epoll(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];
	struct epoll_event_raw ev;

	switch (kind) {
	case SA_EPOLLFLAGS:
		xlat_flags(c->out, create_flags, v);
		break;
	case SA_EPOLLOP:
		xlat_enum(c->out, ctl_ops, v, false);
		break;
	case SA_EPOLLEV: /* EPOLL_CTL_DEL takes none: NULL */
		if (v != 0 && sys_read(c, v, &ev, sizeof(ev)))
			put_event(c->out, &ev);
		else
			sys_put_ptr(c->out, v);
		break;
	case SA_OEPOLLEV:
		if (sys_is_error(c->call->ret))
			sys_put_ptr(c->out, v);
		else
			put_events(c, v, (uint64_t)c->call->ret);
		break;
	default:
		break;
	}
}
