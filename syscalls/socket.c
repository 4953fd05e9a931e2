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

void sys_decode_socket(const struct sys_ctx *c, int kind, unsigned i)
{
	const struct sys_entry *e = &sys_table[c->call->nr];
	uint64_t v = c->call->args[i];

	switch (kind) {
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
