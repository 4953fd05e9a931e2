/* Scatter/gather: arrays of struct iovec (readv, writev) and struct msghdr (sendmsg,
 * recvmsg). Data written by the call is shown up to the length it returned. */
#include <inttypes.h>

#include "syscalls/decode.h"

#define IOV_MAX_SHOWN 16 /* iovecs shown before "..." */

struct iovec_raw {
	uint64_t base, len;
};

struct msghdr_raw {
	uint64_t name;
	uint32_t namelen, pad1;
	uint64_t iov, iovlen, control, controllen;
	int32_t flags, pad2;
};

/* "[{iov_base="ab", iov_len=2}, ...]". Each buffer shows len bytes, or with `written`
 * only what is left of `avail` (the call's result). */
static void put_iovecs(const struct sys_ctx *c, uint64_t addr, uint64_t n, bool written,
		       uint64_t avail)
{
	struct iovec_raw v[IOV_MAX_SHOWN];
	size_t want = n < IOV_MAX_SHOWN ? (size_t)n : IOV_MAX_SHOWN;

	if (addr == 0 || (want > 0 && !sys_read(c, addr, v, want * sizeof(v[0])))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_putc(c->out, '[');
	for (size_t i = 0; i < want; i++) {
		uint64_t shown = v[i].len;
		if (written) {
			shown = avail < v[i].len ? avail : v[i].len;
			avail -= shown;
		}
		strbuf_append(c->out, i > 0 ? ", {iov_base=" : "{iov_base=");
		sys_put_buf(c, v[i].base, shown);
		strbuf_printf(c->out, ", iov_len=%" PRIu64 "}", v[i].len);
	}
	if (want < n)
		strbuf_append(c->out, want > 0 ? ", ..." : "...");
	strbuf_putc(c->out, ']');
}

static void put_msghdr(const struct sys_ctx *c, uint64_t addr, bool written)
{
	struct msghdr_raw m;

	if (!sys_read(c, addr, &m, sizeof(m))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_append(c->out, "{msg_name=");
	if (m.name == 0)
		strbuf_append(c->out, "NULL");
	else
		sys_put_sockaddr(c, m.name, m.namelen);
	strbuf_printf(c->out, ", msg_namelen=%" PRIu32 ", msg_iov=", m.namelen);
	put_iovecs(c, m.iov, m.iovlen, written, (uint64_t)c->call->ret);
	strbuf_printf(c->out, ", msg_iovlen=%" PRIu64 ", msg_controllen=%" PRIu64
		      ", msg_flags=%#x}", m.iovlen, m.controllen, (unsigned)m.flags);
}

void sys_decode_iov(const struct sys_ctx *c, int kind, unsigned i)
{
	const struct sys_entry *e = &sys_table[c->call->nr];
	uint64_t v = c->call->args[i];
	bool failed = sys_is_error(c->call->ret);

	switch (kind) {
	case SA_IOV:
		put_iovecs(c, v, c->call->args[e->param[i]], false, 0);
		break;
	case SA_OIOV:
		if (failed)
			sys_put_ptr(c->out, v);
		else
			put_iovecs(c, v, c->call->args[e->param[i]], true, (uint64_t)c->call->ret);
		break;
	case SA_MSGHDR:
		put_msghdr(c, v, false);
		break;
	case SA_OMSGHDR:
		if (failed)
			sys_put_ptr(c->out, v);
		else
			put_msghdr(c, v, true);
		break;
	default:
		break;
	}
}
