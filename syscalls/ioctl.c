/* ioctl request numbers: the common ones by name, the others as _IOC(dir, type, nr, size). */
#include <inttypes.h>

#include "syscalls/decode.h"

static const struct xlat requests[] = {
	{ 0x5401, "TCGETS" },
	{ 0x5402, "TCSETS" },
	{ 0x5403, "TCSETSW" },
	{ 0x5404, "TCSETSF" },
	{ 0x5405, "TCGETA" },
	{ 0x5406, "TCSETA" },
	{ 0x5407, "TCSETAW" },
	{ 0x5408, "TCSETAF" },
	{ 0x5409, "TCSBRK" },
	{ 0x540A, "TCXONC" },
	{ 0x540B, "TCFLSH" },
	{ 0x540C, "TIOCEXCL" },
	{ 0x540D, "TIOCNXCL" },
	{ 0x540E, "TIOCSCTTY" },
	{ 0x540F, "TIOCGPGRP" },
	{ 0x5410, "TIOCSPGRP" },
	{ 0x5411, "TIOCOUTQ" },
	{ 0x5412, "TIOCSTI" },
	{ 0x5413, "TIOCGWINSZ" },
	{ 0x5414, "TIOCSWINSZ" },
	{ 0x5415, "TIOCMGET" },
	{ 0x5416, "TIOCMBIS" },
	{ 0x5417, "TIOCMBIC" },
	{ 0x5418, "TIOCMSET" },
	{ 0x541B, "FIONREAD" },
	{ 0x541C, "TIOCLINUX" },
	{ 0x541D, "TIOCCONS" },
	{ 0x5420, "TIOCPKT" },
	{ 0x5421, "FIONBIO" },
	{ 0x5422, "TIOCNOTTY" },
	{ 0x5423, "TIOCSETD" },
	{ 0x5424, "TIOCGETD" },
	{ 0x5429, "TIOCGSID" },
	{ 0x5441, "TIOCGPTPEER" },
	{ 0x5450, "FIONCLEX" },
	{ 0x5451, "FIOCLEX" },
	{ 0x5452, "FIOASYNC" },
	{ 0x80045430, "TIOCGPTN" },
	{ 0x40045431, "TIOCSPTLCK" },
	{ 0x8901, "FIOSETOWN" },
	{ 0x8903, "FIOGETOWN" },
	{ 0x8905, "SIOCATMARK" },
	{ 0x8912, "SIOCGIFCONF" },
	{ 0x8913, "SIOCGIFFLAGS" },
	{ 0x8914, "SIOCSIFFLAGS" },
	{ 0x8927, "SIOCGIFHWADDR" },
	{ 0x8933, "SIOCGIFINDEX" },
	{ 0x1, "FIBMAP" },
	{ 0x2, "FIGETBSZ" },
	{ 0x1260, "BLKGETSIZE" },
	{ 0x1268, "BLKSSZGET" },
	{ 0x80081272, "BLKGETSIZE64" },
	{ 0x80086601, "FS_IOC_GETFLAGS" },
	{ 0x40086602, "FS_IOC_SETFLAGS" },
	{ 0x40049409, "BTRFS_IOC_CLONE or FICLONE" },
	{ 0, NULL },
};

static const char *const dirs[] = { "_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
				    "_IOC_READ|_IOC_WRITE" };

void sys_put_ioctl_request(struct strbuf *out, uint32_t req)
{
	const char *name = xlat_name(requests, req);

	if (name != NULL) {
		strbuf_append(out, name);
		return;
	}
	strbuf_printf(out, "_IOC(%s, %#x, %#x, %#x)", dirs[(req >> 30) & 3], (req >> 8) & 0xff,
		      req & 0xff, (req >> 16) & 0x3fff);
}

#define FICLONE_VALUE 0x40049409u

void sys_decode_ioctl(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];

	if (kind == SA_IOCTL)
		sys_put_ioctl_request(c->out, (uint32_t)v);
	else if ((uint32_t)c->call->args[i - 1] == FICLONE_VALUE) /* SA_IOCTLARG: an fd */
		strbuf_printf(c->out, "%d", (int)v);
	else
		strbuf_printf(c->out, "%#" PRIx64, v);
}
