/* Sockets: address families, socket types, socket addresses. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>

#include "syscalls/decode.h"

static const struct xlat families[] = {
	{ 0, "AF_UNSPEC" }, { 1, "AF_UNIX" }, { 2, "AF_INET" }, { 10, "AF_INET6" },
	{ 16, "AF_NETLINK" }, { 17, "AF_PACKET" }, { 0, NULL },
};

static const struct xlat sock_types[] = {
	{ 1, "SOCK_STREAM" }, { 2, "SOCK_DGRAM" }, { 3, "SOCK_RAW" }, { 4, "SOCK_RDM" },
	{ 5, "SOCK_SEQPACKET" }, { 6, "SOCK_DCCP" }, { 10, "SOCK_PACKET" }, { 0, NULL },
};

static const struct xlat sock_flags[] = { /* strace's order */
	{ 02000000, "SOCK_CLOEXEC" }, { 04000, "SOCK_NONBLOCK" }, { 0, NULL },
};

static const struct xlat ip_protocols[] = {
	{ 0, "IPPROTO_IP" }, { 1, "IPPROTO_ICMP" }, { 2, "IPPROTO_IGMP" }, { 6, "IPPROTO_TCP" },
	{ 17, "IPPROTO_UDP" }, { 41, "IPPROTO_IPV6" }, { 58, "IPPROTO_ICMPV6" },
	{ 132, "IPPROTO_SCTP" }, { 136, "IPPROTO_UDPLITE" }, { 255, "IPPROTO_RAW" },
	{ 262, "IPPROTO_MPTCP" }, { 0, NULL },
};

static const struct xlat netlink_protocols[] = {
	{ 0, "NETLINK_ROUTE" }, { 2, "NETLINK_USERSOCK" }, { 4, "NETLINK_SOCK_DIAG" },
	{ 6, "NETLINK_XFRM" }, { 7, "NETLINK_SELINUX" }, { 9, "NETLINK_AUDIT" },
	{ 15, "NETLINK_KOBJECT_UEVENT" }, { 16, "NETLINK_GENERIC" }, { 0, NULL },
};

static const struct xlat msg_flags[] = {
	{ 0x1, "MSG_OOB" }, { 0x2, "MSG_PEEK" }, { 0x4, "MSG_DONTROUTE" }, { 0x8, "MSG_CTRUNC" },
	{ 0x10, "MSG_PROBE" }, { 0x20, "MSG_TRUNC" }, { 0x40, "MSG_DONTWAIT" },
	{ 0x80, "MSG_EOR" }, { 0x100, "MSG_WAITALL" }, { 0x200, "MSG_FIN" }, { 0x400, "MSG_SYN" },
	{ 0x800, "MSG_CONFIRM" }, { 0x1000, "MSG_RST" }, { 0x2000, "MSG_ERRQUEUE" },
	{ 0x4000, "MSG_NOSIGNAL" }, { 0x8000, "MSG_MORE" }, { 0x10000, "MSG_WAITFORONE" },
	{ 0x40000, "MSG_BATCH" }, { 0x4000000, "MSG_ZEROCOPY" }, { 0x20000000, "MSG_FASTOPEN" },
	{ 0x40000000, "MSG_CMSG_CLOEXEC" }, { 0, NULL },
};

static const struct xlat sock_levels[] = {
	{ 0, "SOL_IP" }, { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" }, { 17, "SOL_UDP" },
	{ 41, "SOL_IPV6" }, { 58, "SOL_ICMPV6" }, { 255, "SOL_RAW" }, { 263, "SOL_PACKET" },
	{ 270, "SOL_NETLINK" }, { 0, NULL },
};

static const struct xlat socket_options[] = { /* SOL_SOCKET */
	{ 1, "SO_DEBUG" }, { 2, "SO_REUSEADDR" }, { 3, "SO_TYPE" }, { 4, "SO_ERROR" },
	{ 5, "SO_DONTROUTE" }, { 6, "SO_BROADCAST" }, { 7, "SO_SNDBUF" }, { 8, "SO_RCVBUF" },
	{ 9, "SO_KEEPALIVE" }, { 10, "SO_OOBINLINE" }, { 11, "SO_NO_CHECK" },
	{ 12, "SO_PRIORITY" }, { 13, "SO_LINGER" }, { 14, "SO_BSDCOMPAT" },
	{ 15, "SO_REUSEPORT" }, { 16, "SO_PASSCRED" }, { 17, "SO_PEERCRED" },
	{ 18, "SO_RCVLOWAT" }, { 19, "SO_SNDLOWAT" }, { 20, "SO_RCVTIMEO_OLD" },
	{ 21, "SO_SNDTIMEO_OLD" }, { 25, "SO_BINDTODEVICE" }, { 29, "SO_TIMESTAMP_OLD" },
	{ 30, "SO_ACCEPTCONN" }, { 32, "SO_SNDBUFFORCE" }, { 33, "SO_RCVBUFFORCE" },
	{ 34, "SO_PASSSEC" }, { 38, "SO_PROTOCOL" }, { 39, "SO_DOMAIN" }, { 0, NULL },
};

static const struct xlat tcp_options[] = {
	{ 1, "TCP_NODELAY" }, { 2, "TCP_MAXSEG" }, { 3, "TCP_CORK" }, { 4, "TCP_KEEPIDLE" },
	{ 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" }, { 7, "TCP_SYNCNT" }, { 8, "TCP_LINGER2" },
	{ 9, "TCP_DEFER_ACCEPT" }, { 10, "TCP_WINDOW_CLAMP" }, { 11, "TCP_INFO" },
	{ 12, "TCP_QUICKACK" }, { 13, "TCP_CONGESTION" }, { 18, "TCP_USER_TIMEOUT" },
	{ 23, "TCP_FASTOPEN" }, { 30, "TCP_FASTOPEN_CONNECT" }, { 0, NULL },
};

static const struct xlat ip_options[] = {
	{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" }, { 4, "IP_OPTIONS" },
	{ 8, "IP_RECVTTL" }, { 10, "IP_MTU_DISCOVER" }, { 11, "IP_RECVERR" }, { 14, "IP_MTU" },
	{ 15, "IP_FREEBIND" }, { 0, NULL },
};

static const struct xlat ipv6_options[] = {
	{ 16, "IPV6_UNICAST_HOPS" }, { 23, "IPV6_MTU_DISCOVER" }, { 24, "IPV6_MTU" },
	{ 25, "IPV6_RECVERR" }, { 26, "IPV6_V6ONLY" }, { 0, NULL },
};

#define SOCKADDR_MAX 128

static void put_unix(struct strbuf *out, const unsigned char *a, size_t len)
{
	const unsigned char *path = a + 2;
	size_t n = len > 2 ? len - 2 : 0;
	const unsigned char *nul = n > 0 && path[0] != '\0' ? memchr(path, '\0', n) : NULL;

	strbuf_append(out, "{sa_family=AF_UNIX");
	if (n > 0) {
		strbuf_append(out, path[0] == '\0' ? ", sun_path=@" : ", sun_path=");
		if (path[0] == '\0') /* the abstract namespace */
			sys_quote(out, path + 1, n - 1, false);
		else
			sys_quote(out, path, nul != NULL ? (size_t)(nul - path) : n, false);
	}
	strbuf_putc(out, '}');
}

static void put_inet(struct strbuf *out, const unsigned char *a, size_t len)
{
	uint16_t port;
	char text[INET6_ADDRSTRLEN];

	memcpy(&port, a + 2, sizeof(port));
	if (a[0] == 2 && len >= 8) {
		inet_ntop(AF_INET, a + 4, text, sizeof(text));
		strbuf_printf(out, "{sa_family=AF_INET, sin_port=htons(%u), "
			      "sin_addr=inet_addr(\"%s\")}", ntohs(port), text);
		return;
	}
	uint32_t flow, scope = 0;
	memcpy(&flow, a + 4, sizeof(flow));
	if (len >= 28)
		memcpy(&scope, a + 24, sizeof(scope));
	inet_ntop(AF_INET6, a + 8, text, sizeof(text));
	strbuf_printf(out, "{sa_family=AF_INET6, sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
		      "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u}", ntohs(port),
		      ntohl(flow), text, scope);
}

void sys_put_sockaddr(const struct sys_ctx *c, uint64_t addr, uint64_t len)
{
	unsigned char a[SOCKADDR_MAX] = { 0 };
	size_t n = len < sizeof(a) ? (size_t)len : sizeof(a);

	if (addr == 0 || n < 2 || !sys_read(c, addr, a, n)) {
		sys_put_ptr(c->out, addr);
		return;
	}
	uint16_t family = (uint16_t)(a[0] | a[1] << 8);
	if (family == 1) {
		put_unix(c->out, a, n);
	} else if ((family == 2 && n >= 8) || (family == 10 && n >= 24)) {
		put_inet(c->out, a, n);
	} else {
		strbuf_append(c->out, "{sa_family=");
		xlat_enum(c->out, families, family, false);
		strbuf_append(c->out, ", ...}");
	}
}

bool sys_socket_saves(int kind)
{
	return kind == SA_OSOCKLEN;
}

/* The length the call wrote at addr (0 if it cannot be read). */
static uint32_t written_len(const struct sys_ctx *c, uint64_t addr)
{
	uint32_t len = 0;

	if (!sys_read(c, addr, &len, sizeof(len)))
		len = 0;
	return len;
}

/* An addrlen or optlen that the call reads, then writes: "[16]", "[128 => 16]" when it
 * changed, the value before the call when the call failed. */
static void put_socklen(const struct sys_ctx *c, uint64_t addr)
{
	uint32_t before = (uint32_t)c->call->saved, after;

	if (addr == 0 || (!sys_is_error(c->call->ret) && !sys_read(c, addr, &after, sizeof(after)))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	if (sys_is_error(c->call->ret) || after == before)
		strbuf_printf(c->out, "[%" PRIu32 "]", before);
	else
		strbuf_printf(c->out, "[%" PRIu32 " => %" PRIu32 "]", before, after);
}

static void put_sockopt(struct strbuf *out, uint64_t level, uint32_t name)
{
	const struct xlat *x = level == 1 ? socket_options : level == 6 ? tcp_options :
			       level == 0 ? ip_options : level == 41 ? ipv6_options : NULL;

	if (x != NULL)
		xlat_enum(out, x, name, false);
	else
		strbuf_put_udec(out, name);
}

/* An option's value of len bytes at addr: "[1]" for an int, else the bytes. */
static void put_optval(const struct sys_ctx *c, uint64_t addr, uint64_t len)
{
	if (len == 4)
		sys_put_int_at(c, addr, false);
	else
		sys_put_buf(c, addr, len);
}

void sys_decode_socket(const struct sys_ctx *c, int kind, unsigned i)
{
	const struct sys_entry *e = &sys_table[c->call->nr];
	uint64_t v = c->call->args[i];
	bool failed = sys_is_error(c->call->ret);

	switch (kind) {
	case SA_OSOCKADDR: { /* its length: the smaller of addrlen before and after */
		uint32_t after = written_len(c, c->call->args[e->param[i]]);
		uint32_t len = after < c->call->saved ? after : (uint32_t)c->call->saved;
		if (failed || v == 0)
			sys_put_ptr(c->out, v);
		else
			sys_put_sockaddr(c, v, len);
		break;
	}
	case SA_OSOCKLEN:
		put_socklen(c, v);
		break;
	case SA_SOCKFLAGS:
		xlat_flags(c->out, sock_flags, (uint32_t)v);
		break;
	case SA_MSGFLAGS:
		xlat_flags(c->out, msg_flags, (uint32_t)v);
		break;
	case SA_SOCKLEVEL:
		xlat_enum(c->out, sock_levels, (uint32_t)v, false);
		break;
	case SA_SOCKOPT:
		put_sockopt(c->out, c->call->args[i - 1], (uint32_t)v);
		break;
	case SA_SOCKOPTVAL:
		put_optval(c, v, c->call->args[e->param[i]]);
		break;
	case SA_OSOCKOPTVAL:
		if (!sys_unwritten(c, v))
			put_optval(c, v, written_len(c, c->call->args[e->param[i]]));
		break;

	case SA_DOMAIN:
		xlat_enum_or(c->out, families, (uint32_t)v, "AF_???");
		break;
	case SA_PROTOCOL: /* named after the domain, argument 0 */
		if (c->call->args[0] == 2 || c->call->args[0] == 10)
			xlat_enum(c->out, ip_protocols, (uint32_t)v, false);
		else if (c->call->args[0] == 16)
			xlat_enum(c->out, netlink_protocols, (uint32_t)v, false);
		else
			strbuf_printf(c->out, "%d", (int)v);
		break;
	case SA_SOCKTYPE:
		xlat_enum(c->out, sock_types, v & 0xf, false);
		if ((v & ~0xfull & 0xffffffff) != 0) {
			strbuf_putc(c->out, '|');
			xlat_flags(c->out, sock_flags, v & ~0xfull & 0xffffffff);
		}
		break;
	case SA_SOCKADDR:
		sys_put_sockaddr(c, v, (uint32_t)c->call->args[e->param[i]]);
		break;
	default:
		break;
	}
}
