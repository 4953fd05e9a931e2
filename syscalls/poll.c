/* Waiting for file descriptors: poll's array of struct pollfd, select's fd sets, and what
 * the result says became ready (" ([{fd=4, revents=POLLOUT}])", " (in [3], left {tv...})"). */
#include "syscalls/decode.h"

#define POLL_MAX 32     /* entries of a pollfd array shown before "..." */
#define FDSET_MAX 1024  /* fds of a set read at most (FD_SETSIZE) */

static const struct xlat poll_events[] = {
	{ 0x1, "POLLIN" },
	{ 0x2, "POLLPRI" },
	{ 0x4, "POLLOUT" },
	{ 0x8, "POLLERR" },
	{ 0x10, "POLLHUP" },
	{ 0x20, "POLLNVAL" },
	{ 0x40, "POLLRDNORM" },
	{ 0x80, "POLLRDBAND" },
	{ 0x100, "POLLWRNORM" },
	{ 0x200, "POLLWRBAND" },
	{ 0x400, "POLLMSG" },
	{ 0x1000, "POLLREMOVE" },
	{ 0x2000, "POLLRDHUP" },
	{ 0, NULL },
};

struct pollfd_raw {
	int32_t fd;
	int16_t events, revents;
};

struct pollfds {
	struct pollfd_raw p[POLL_MAX];
	size_t n;    /* entries read */
	bool cut;    /* the array has more */
};

static bool read_pollfds(const struct sys_ctx *c, uint64_t addr, uint64_t n, struct pollfds *a)
{
	a->n = n < POLL_MAX ? (size_t)n : POLL_MAX;
	a->cut = a->n < n;
	return a->n == 0 || sys_read(c, addr, a->p, a->n * sizeof(a->p[0]));
}

/* The entries' events or, with `ready`, the revents of those that have some. */
static void put_pollfds(struct strbuf *out, const struct pollfds *a, bool ready)
{
	bool first = true;

	strbuf_putc(out, '[');
	for (size_t i = 0; i < a->n; i++) {
		if (ready && a->p[i].revents == 0)
			continue;
		strbuf_printf(out, "%s{fd=%d, %s=", first ? "" : ", ", (int)a->p[i].fd,
			      ready ? "revents" : "events");
		xlat_flags(out, poll_events, (uint16_t)(ready ? a->p[i].revents : a->p[i].events));
		strbuf_putc(out, '}');
		first = false;
	}
	if (a->cut && !ready)
		strbuf_append(out, ", ...");
	strbuf_putc(out, ']');
}

struct fdset {
	unsigned char bits[FDSET_MAX / 8];
	int n; /* fds below n are in bits */
};

static bool read_fdset(const struct sys_ctx *c, uint64_t addr, uint64_t nfds, struct fdset *s)
{
	s->n = nfds < FDSET_MAX ? (int)nfds : FDSET_MAX;
	if (s->n <= 0) {
		s->n = 0;
		return true;
	}
	return sys_read(c, addr, s->bits, (size_t)(s->n + 7) / 8);
}

static bool fd_in(const struct fdset *s, int fd)
{
	return (s->bits[fd / 8] & (1u << (fd % 8))) != 0;
}

static bool fdset_empty(const struct fdset *s)
{
	for (int fd = 0; fd < s->n; fd++)
		if (fd_in(s, fd))
			return false;
	return true;
}

/* "[3 4]". */
static void put_fdset(struct strbuf *out, const struct fdset *s)
{
	bool first = true;

	strbuf_putc(out, '[');
	for (int fd = 0; fd < s->n; fd++) {
		if (fd_in(s, fd)) {
			strbuf_printf(out, first ? "%d" : " %d", fd);
			first = false;
		}
	}
	strbuf_putc(out, ']');
}

void sys_decode_poll(const struct sys_ctx *c, int kind, unsigned i)
{
	const struct sys_entry *e = &sys_table[c->call->nr];
	uint64_t v = c->call->args[i], count = c->call->args[e->param[i]];
	struct pollfds a;
	struct fdset s;

	if (kind == SA_POLLFD && v != 0 && read_pollfds(c, v, count, &a))
		put_pollfds(c->out, &a, false);
	else if (kind == SA_FDSET && v != 0 && read_fdset(c, v, count, &s))
		put_fdset(c->out, &s);
	else
		sys_put_ptr(c->out, v);
}

void sys_poll_result(const struct sys_ctx *c)
{
	static const char *const set_names[] = { "in", "out", "except" };
	const struct sys_entry *e = &sys_table[c->call->nr];
	bool first = true;

	if (c->call->ret < 0)
		return;
	if (c->call->ret == 0) {
		strbuf_append(c->out, " (Timeout)");
		return;
	}
	for (unsigned i = 0; i < e->nargs; i++) {
		uint64_t v = c->call->args[i], count = c->call->args[e->param[i]];
		struct pollfds a;
		struct fdset s;
		if (v == 0)
			continue;
		if (e->kind[i] == SA_POLLFD && read_pollfds(c, v, count, &a)) {
			strbuf_append(c->out, first ? " (" : ", ");
			put_pollfds(c->out, &a, true);
		} else if (e->kind[i] == SA_FDSET && i >= 1 && i <= 3 &&
			   read_fdset(c, v, count, &s) && !fdset_empty(&s)) {
			strbuf_printf(c->out, "%s%s ", first ? " (" : ", ", set_names[i - 1]);
			put_fdset(c->out, &s);
		} else if ((e->kind[i] == SA_TV || e->kind[i] == SA_TS) && !first) {
			/* the time left, which the kernel wrote back (as strace) */
			strbuf_append(c->out, ", left ");
			sys_decode_time(c, e->kind[i], i);
		} else {
			continue;
		}
		first = false;
	}
	if (!first)
		strbuf_putc(c->out, ')');
}
