/* The arguments and result of a call: the generic kinds, and dispatch to each family. */
#include <inttypes.h>
#include <limits.h>
#include <string.h>

#include "syscalls/decode.h"

bool sys_read(const struct sys_ctx *c, uint64_t addr, void *buf, size_t len)
{
	return addr != 0 && c->mem->read(c->mem->ctx, addr, buf, len) == (ssize_t)len;
}

void sys_put_ptr(struct strbuf *out, uint64_t v)
{
	if (v == 0)
		strbuf_append(out, "NULL");
	else
		strbuf_printf(out, "%#" PRIx64, v);
}


void sys_quote(struct strbuf *out, const unsigned char *s, size_t len, bool cut)
{
	strbuf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = s[i];
		switch (ch) {
		case '"': strbuf_append(out, "\\\""); break;
		case '\\': strbuf_append(out, "\\\\"); break;
		case '\t': strbuf_append(out, "\\t"); break;
		case '\n': strbuf_append(out, "\\n"); break;
		case '\v': strbuf_append(out, "\\v"); break;
		case '\f': strbuf_append(out, "\\f"); break;
		case '\r': strbuf_append(out, "\\r"); break;
		default:
			if (ch >= 0x20 && ch < 0x7f)
				strbuf_putc(out, (char)ch);
			else if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7')
				strbuf_printf(out, "\\%03o", ch); /* a digit follows: all three */
			else
				strbuf_printf(out, "\\%o", ch);
		}
	}
	strbuf_putc(out, '"');
	if (cut)
		strbuf_append(out, "...");
}

void sys_quote_hex(struct strbuf *out, const unsigned char *s, size_t len, bool cut)
{
	strbuf_putc(out, '"');
	for (size_t i = 0; i < len; i++)
		strbuf_printf(out, "\\x%02x", s[i]);
	strbuf_putc(out, '"');
	if (cut)
		strbuf_append(out, "...");
}

#define CHUNK 256

static void put_buf_quoted(const struct sys_ctx *c, uint64_t addr, uint64_t len, bool hex)
{
	unsigned char buf[CHUNK];
	size_t want = len < c->string_limit ? (size_t)len : c->string_limit;

	if (want > sizeof(buf))
		want = sizeof(buf);
	if (len > 0 && !sys_read(c, addr, buf, want)) {
		sys_put_ptr(c->out, addr);
		return;
	}
	(hex ? sys_quote_hex : sys_quote)(c->out, buf, want, want < len);
}

void sys_put_buf(const struct sys_ctx *c, uint64_t addr, uint64_t len)
{
	put_buf_quoted(c, addr, len, false);
}

void sys_put_hexbuf(const struct sys_ctx *c, uint64_t addr, uint64_t len)
{
	put_buf_quoted(c, addr, len, true);
}

void sys_put_int_at(const struct sys_ctx *c, uint64_t addr, bool wide)
{
	int64_t v64;
	int32_t v32;

	if (addr == 0)
		strbuf_append(c->out, "NULL");
	else if (wide && sys_read(c, addr, &v64, sizeof(v64)))
		strbuf_printf(c->out, "[%" PRId64 "]", v64);
	else if (!wide && sys_read(c, addr, &v32, sizeof(v32)))
		strbuf_printf(c->out, "[%" PRId32 "]", v32);
	else
		sys_put_ptr(c->out, addr);
}

/* The string at addr, at most limit bytes of it (then "..."); buf holds limit + 1 bytes.
 * The first read is of at most CHUNK bytes, so that a short string costs one short read. */
static void put_cstr_upto(const struct sys_ctx *c, uint64_t addr, unsigned char *buf,
			  size_t limit)
{
	if (addr == 0) {
		strbuf_append(c->out, "NULL");
		return;
	}
	size_t want = limit + 1 < CHUNK ? limit + 1 : CHUNK;
	/* Fewer bytes at the end of a mapping: read what there is. */
	ssize_t n = c->mem->read(c->mem->ctx, addr, buf, want);
	if (n == (ssize_t)want && want < limit + 1 && memchr(buf, '\0', want) == NULL) {
		ssize_t more = c->mem->read(c->mem->ctx, addr + want, buf + want, limit + 1 - want);
		n += more > 0 ? more : 0;
	}
	if (n <= 0) {
		sys_put_ptr(c->out, addr);
		return;
	}
	unsigned char *nul = memchr(buf, '\0', (size_t)n);
	if (nul != NULL) {
		sys_quote(c->out, buf, (size_t)(nul - buf), false);
		return;
	}
	if ((size_t)n < limit + 1) { /* unterminated where the readable memory ends */
		sys_put_ptr(c->out, addr);
		return;
	}
	sys_quote(c->out, buf, limit, true);
}

void sys_put_cstr(const struct sys_ctx *c, uint64_t addr)
{
	unsigned char buf[CHUNK + 1];

	put_cstr_upto(c, addr, buf, c->string_limit < CHUNK ? c->string_limit : CHUNK);
}

void sys_put_path(const struct sys_ctx *c, uint64_t addr)
{
	unsigned char buf[PATH_MAX + 1];

	put_cstr_upto(c, addr, buf, PATH_MAX);
}

bool sys_is_error(int64_t ret)
{
	return ret < 0 && ret >= -4095;
}

bool sys_unwritten(const struct sys_ctx *c, uint64_t addr)
{
	if (!sys_is_error(c->call->ret))
		return false;
	sys_put_ptr(c->out, addr);
	return true;
}

static void put_generic(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];
	const struct sys_entry *e = &sys_table[c->call->nr];

	switch (kind) {
	case SA_INT:
	case SA_FD:
		strbuf_printf(c->out, "%d", (int)v);
		break;
	case SA_LONG:
		strbuf_put_dec(c->out, (int64_t)v);
		break;
	case SA_ULONG:
		strbuf_put_udec(c->out, v);
		break;
	case SA_HEX:
		strbuf_printf(c->out, "%#" PRIx64, v);
		break;
	case SA_PTR:
		sys_put_ptr(c->out, v);
		break;
	case SA_PATH:
		sys_put_path(c, v);
		break;
	case SA_STR:
		sys_put_cstr(c, v);
		break;
	case SA_BUF:
		sys_put_buf(c, v, c->call->args[e->param[i]]);
		break;
	case SA_OBUF:
		if (!sys_unwritten(c, v))
			sys_put_buf(c, v, (uint64_t)c->call->ret);
		break;
	case SA_OCSTR:
		if (!sys_unwritten(c, v))
			sys_put_cstr(c, v);
		break;
	default:
		strbuf_put_guess(c->out, v);
	}
}

static void put_arg(const struct sys_ctx *c, unsigned i)
{
	const struct sys_entry *e = &sys_table[c->call->nr];
	int kind = e->decoded ? e->kind[i] : SA_GUESS;

	switch (kind) {
	case SA_DIRFD: case SA_OFLAGS: case SA_OMODE: case SA_MODE: case SA_ATFLAGS:
	case SA_AMODE: case SA_WHENCE: case SA_FCNTL: case SA_FCNTLARG:
	case SA_FDFLAGS: case SA_STATXFLAGS:
		sys_decode_open(c, kind, i);
		break;
	case SA_PROT: case SA_MAPFLAGS:
		sys_decode_mem(c, kind, i);
		break;
	case SA_SIG: case SA_SIGACT: case SA_OSIGACT: case SA_SIGHOW: case SA_SIGSET:
	case SA_OSIGSET: case SA_SIGSTACK: case SA_OSIGSTACK: case SA_SIGFRAME:
		sys_decode_signal(c, kind, i);
		break;
	case SA_OSTAT: case SA_OSTATX: case SA_STATXMASK: case SA_OSTATFS:
		sys_decode_stat(c, kind, i);
		break;
	case SA_TS: case SA_OTS: case SA_CLOCK: case SA_TV: case SA_OREM: case SA_TIMERFLAGS:
		sys_decode_time(c, kind, i);
		break;
	case SA_SOCKADDR: case SA_DOMAIN: case SA_SOCKTYPE: case SA_PROTOCOL:
	case SA_OSOCKADDR: case SA_OSOCKLEN: case SA_SOCKFLAGS: case SA_MSGFLAGS:
	case SA_SOCKLEVEL: case SA_SOCKOPT: case SA_SOCKOPTVAL: case SA_OSOCKOPTVAL:
		sys_decode_socket(c, kind, i);
		break;
	case SA_CLONE: case SA_ARGV: case SA_ENVP: case SA_OPIPE: case SA_ARCHPRCTL:
	case SA_ARCHPRCTLARG:
		sys_decode_process(c, kind, i);
		break;
	case SA_IOCTL: case SA_IOCTLARG:
		sys_decode_ioctl(c, kind, i);
		break;
	case SA_OWSTATUS: case SA_WOPTS:
		sys_decode_wait(c, kind, i);
		break;
	case SA_POLLFD: case SA_FDSET:
		sys_decode_poll(c, kind, i);
		break;
	case SA_IOV: case SA_OIOV: case SA_MSGHDR: case SA_OMSGHDR:
		sys_decode_iov(c, kind, i);
		break;
	case SA_FUTEXOP: case SA_FUTEXARG:
		sys_decode_futex(c, kind, i);
		break;
	case SA_EPOLLFLAGS: case SA_EPOLLOP: case SA_EPOLLEV: case SA_OEPOLLEV:
		sys_decode_epoll(c, kind, i);
		break;
	case SA_XATTRFLAGS: case SA_ODIRENTS: case SA_ADVICE: case SA_LOFFP:
	case SA_RENAMEFLAGS: case SA_UTIMES:
		sys_decode_file(c, kind, i);
		break;
	case SA_RLIMITRES: case SA_RLIM: case SA_ORLIM: case SA_OCPUSET: case SA_OGIDS:
		sys_decode_resource(c, kind, i);
		break;
	case SA_OUTSNAME: case SA_OSYSINFO: case SA_GRNDFLAGS: case SA_ORANDOM:
		sys_decode_system(c, kind, i);
		break;
	default:
		put_generic(c, kind, i);
	}
}

static bool is_out(int kind)
{
	switch (kind) {
	case SA_OBUF: case SA_OCSTR: case SA_OSIGACT: case SA_OSIGSET: case SA_OSTAT:
	case SA_OTS: case SA_OPIPE: case SA_OWSTATUS: case SA_OIOV: case SA_OMSGHDR:
	case SA_OEPOLLEV: case SA_OSTATX: case SA_OSTATFS: case SA_ODIRENTS: case SA_ORLIM:
	case SA_OCPUSET: case SA_OGIDS: case SA_OUTSNAME: case SA_OSYSINFO: case SA_ORANDOM:
	case SA_OSIGSTACK: case SA_OREM: case SA_OSOCKADDR: case SA_OSOCKLEN: case SA_OSOCKOPTVAL:
	case SA_ARCHPRCTLARG:
		return true;
	default:
		return false;
	}
}

static const struct sys_entry *entry_of(long nr)
{
	static const struct sys_entry unknown = { NULL, 6, false, SR_LONG, { 0 }, { 0 } };

	if (nr < 0 || (size_t)nr >= sys_table_size || sys_table[nr].name == NULL)
		return &unknown;
	return &sys_table[nr];
}

/* Where the arguments shown at the exit begin (nargs when there are none). */
static unsigned first_out(const struct sys_entry *e)
{
	for (unsigned i = 0; e->decoded && i < e->nargs; i++)
		if (is_out(e->kind[i]))
			return i;
	return e->nargs;
}

/* An argument left out is not shown at all: nor is its ", ". */
static bool omitted(const struct sys_ctx *c, const struct sys_entry *e, unsigned i)
{
	return e->decoded && (sys_open_omitted(c, e->kind[i], i) || sys_futex_omitted(c, e->kind[i], i));
}

static void format_range(const struct sys_ctx *c, unsigned from, unsigned to, bool comma)
{
	const struct sys_entry *e = entry_of(c->call->nr);

	for (unsigned i = from; i < to; i++) {
		if (omitted(c, e, i))
			continue;
		if (comma || i > from)
			strbuf_append(c->out, ", ");
		if (e->name == NULL) /* no such call: six numbers */
			strbuf_put_guess(c->out, c->call->args[i]);
		else
			put_arg(c, i);
	}
}

void sys_format_in(struct strbuf *out, const struct sys_call *call, const struct sys_mem *mem,
		   unsigned string_limit)
{
	struct sys_ctx c = { out, call, mem, string_limit };
	const struct sys_entry *e = entry_of(call->nr);

	format_range(&c, 0, first_out(e), false);
}

void sys_save_in(struct sys_call *call, const struct sys_mem *mem)
{
	const struct sys_entry *e = entry_of(call->nr);
	uint32_t v;

	call->saved = 0;
	for (unsigned i = 0; e->decoded && i < e->nargs; i++) {
		if (!sys_socket_saves(e->kind[i]) || call->args[i] == 0)
			continue;
		if (mem->read(mem->ctx, call->args[i], &v, sizeof(v)) == (ssize_t)sizeof(v))
			call->saved = v;
		return;
	}
}

bool sys_has_out(long nr)
{
	const struct sys_entry *e = entry_of(nr);

	return first_out(e) < e->nargs;
}

void sys_format_out(struct strbuf *out, const struct sys_call *call, const struct sys_mem *mem,
		    unsigned string_limit)
{
	struct sys_ctx c = { out, call, mem, string_limit };
	const struct sys_entry *e = entry_of(call->nr);
	unsigned from = first_out(e);

	format_range(&c, from, e->nargs, from > 0);
}
