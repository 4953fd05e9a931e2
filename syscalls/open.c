/* Files: directory descriptors, open flags and modes, *at flags, access modes, lseek, fcntl. */
#include <inttypes.h>

#include "syscalls/decode.h"
#include "arch-kabi.h"

#define AT_FDCWD_VALUE (-100)

/* O_* (some values are the architecture's: arch-kabi.h), the access mode (O_RDONLY,
 * O_WRONLY, O_RDWR) shown first, in strace's order; a flag that includes another (O_SYNC,
 * O_TMPFILE) comes before it. */
const struct xlat sys_open_flags[] = {
	{ 0100, "O_CREAT" },
	{ 0200, "O_EXCL" },
	{ 0400, "O_NOCTTY" },
	{ 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" },
	{ 04000, "O_NONBLOCK" },
	{ 04010000, "O_SYNC" },     /* includes O_DSYNC */
	{ 010000, "O_DSYNC" },
	{ ARCH_O_DIRECT, "O_DIRECT" },
	{ ARCH_O_LARGEFILE, "O_LARGEFILE" },
	{ ARCH_O_NOFOLLOW, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" },
	{ 020000000 | ARCH_O_DIRECTORY, "O_TMPFILE" }, /* includes O_DIRECTORY */
	{ ARCH_O_DIRECTORY, "O_DIRECTORY" },
	{ 020000, "FASYNC" },
	{ 0, NULL },
};

static const struct xlat fd_flags[] = { { 1, "FD_CLOEXEC" }, { 0, NULL } };

static const struct xlat access_modes[] = {
	{ 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" }, { 3, "O_ACCMODE" }, { 0, NULL },
};

static const struct xlat at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" },
	{ 0x8000, "AT_RECURSIVE" },
	{ 0, NULL },
};

static const struct xlat amodes[] = {
	{ 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" }, { 0, NULL },
};

static const struct xlat whences[] = {
	{ 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 3, "SEEK_DATA" },
	{ 4, "SEEK_HOLE" }, { 0, NULL },
};

static const struct xlat fcntl_cmds[] = {
	{ 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" }, { 4, "F_SETFL" },
	{ 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" }, { 8, "F_SETOWN" },
	{ 9, "F_GETOWN" }, { 10, "F_SETSIG" }, { 11, "F_GETSIG" }, { 15, "F_SETOWN_EX" },
	{ 16, "F_GETOWN_EX" }, { 36, "F_OFD_GETLK" }, { 37, "F_OFD_SETLK" },
	{ 38, "F_OFD_SETLKW" }, { 1024, "F_SETLEASE" }, { 1025, "F_GETLEASE" },
	{ 1026, "F_NOTIFY" }, { 1030, "F_DUPFD_CLOEXEC" }, { 1031, "F_SETPIPE_SZ" },
	{ 1032, "F_GETPIPE_SZ" }, { 1033, "F_ADD_SEALS" }, { 1034, "F_GET_SEALS" },
	{ 0, NULL },
};

void sys_put_open_flags(struct strbuf *out, uint64_t v)
{
	uint32_t flags = (uint32_t)v;

	/* O_PATH and O_TMPFILE carry no access mode of their own: strace shows it anyway. */
	xlat_enum(out, access_modes, flags & 3, false);
	if ((flags & ~3u) != 0) {
		strbuf_putc(out, '|');
		xlat_flags(out, sys_open_flags, flags & ~3u);
	}
}

static void put_fcntl_arg(const struct sys_ctx *c, unsigned i)
{
	uint64_t cmd = c->call->args[i - 1], v = c->call->args[i];

	switch (cmd) {
	case 0: case 1030: case 8: case 10: case 1024: case 1026: case 1031:
		strbuf_printf(c->out, "%d", (int)v);
		break;
	case 2:
		strbuf_append(c->out, v == 1 ? "FD_CLOEXEC" : "0");
		if (v > 1)
			strbuf_printf(c->out, "|%#" PRIx64, v & ~(uint64_t)1);
		break;
	case 4:
		sys_put_open_flags(c->out, v);
		break;
	default:
		sys_put_ptr(c->out, v);
	}
}

void sys_put_fcntl_ret(struct strbuf *out, const struct sys_call *c)
{
	uint64_t v = (uint64_t)c->ret;

	switch (c->args[1]) {
	case 1: /* F_GETFD */
		if (v == 0) {
			strbuf_putc(out, '0');
			return;
		}
		strbuf_printf(out, "%#" PRIx64 " (flags ", v);
		xlat_flags(out, fd_flags, v);
		strbuf_putc(out, ')');
		break;
	case 3: /* F_GETFL */
		strbuf_printf(out, "%#" PRIx64 " (flags ", v);
		sys_put_open_flags(out, v);
		strbuf_putc(out, ')');
		break;
	default:
		strbuf_put_dec(out, c->ret);
	}
}

bool sys_open_omitted(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t prev = i > 0 ? c->call->args[i - 1] : 0;

	switch (kind) {
	case SA_OMODE: /* a mode only with O_CREAT or O_TMPFILE */
		return (prev & 0100) == 0 &&
		       (prev & (020000000 | ARCH_O_DIRECTORY)) != (020000000 | ARCH_O_DIRECTORY);
	case SA_FCNTLARG: /* the F_GET* commands take no argument */
		return prev == 1 || prev == 3 || prev == 9 || prev == 11 || prev == 1025 ||
		       prev == 1032 || prev == 1034;
	default:
		return false;
	}
}

void sys_decode_open(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];

	switch (kind) {
	case SA_DIRFD:
		if ((int)v == AT_FDCWD_VALUE)
			strbuf_append(c->out, "AT_FDCWD");
		else
			strbuf_printf(c->out, "%d", (int)v);
		break;
	case SA_OFLAGS:
		sys_put_open_flags(c->out, v);
		break;
	case SA_OMODE:
	case SA_MODE:
		strbuf_printf(c->out, "%#03o", (unsigned)v);
		break;
	case SA_ATFLAGS:
		xlat_flags(c->out, at_flags, (uint32_t)v);
		break;
	case SA_AMODE:
		if ((uint32_t)v == 0)
			strbuf_append(c->out, "F_OK");
		else
			xlat_flags(c->out, amodes, (uint32_t)v);
		break;
	case SA_WHENCE:
		xlat_enum(c->out, whences, (uint32_t)v, false);
		break;
	case SA_FCNTL:
		xlat_enum(c->out, fcntl_cmds, (uint32_t)v, true);
		break;
	case SA_FCNTLARG:
		put_fcntl_arg(c, i);
		break;
	case SA_STATXFLAGS: /* AT_* with the sync type first, even when it is 0 */
		if (((uint32_t)v & 0x6000) == 0) {
			strbuf_append(c->out, "AT_STATX_SYNC_AS_STAT");
			if ((uint32_t)v != 0) {
				strbuf_putc(c->out, '|');
				xlat_flags(c->out, at_flags, (uint32_t)v);
			}
		} else {
			xlat_flags(c->out, at_flags, (uint32_t)v);
		}
		break;
	case SA_FDFLAGS: /* O_CLOEXEC, O_NONBLOCK... without an access mode */
		xlat_flags(c->out, sys_open_flags, (uint32_t)v);
		break;
	default:
		break;
	}
}
