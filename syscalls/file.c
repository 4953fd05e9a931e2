/* Files beyond open: extended attribute flags, directory entries (getdents), fadvise's
 * advice, copy_file_range's offsets, renameat2's flags, utimensat's times. */
#include <inttypes.h>
#include <stdlib.h>
#include <time.h>

#include "syscalls/decode.h"

#define DIRENTS_MAX (1u << 20) /* bytes of directory entries read to count them */

static const struct xlat xattr_flags[] = {
	{ 1, "XATTR_CREATE" }, { 2, "XATTR_REPLACE" }, { 0, NULL },
};

static const struct xlat advices[] = {
	{ 0, "POSIX_FADV_NORMAL" }, { 1, "POSIX_FADV_RANDOM" }, { 2, "POSIX_FADV_SEQUENTIAL" },
	{ 3, "POSIX_FADV_WILLNEED" }, { 4, "POSIX_FADV_DONTNEED" }, { 5, "POSIX_FADV_NOREUSE" },
	{ 0, NULL },
};

static const struct xlat rename_flags[] = {
	{ 1, "RENAME_NOREPLACE" }, { 2, "RENAME_EXCHANGE" }, { 4, "RENAME_WHITEOUT" },
	{ 0, NULL },
};

#define UTIME_NOW_VALUE ((1l << 30) - 1)
#define UTIME_OMIT_VALUE ((1l << 30) - 2)

/* "0x7ffd... /\* 3 entries *\/": the entries (struct linux_dirent and linux_dirent64 both
 * keep d_reclen at offset 16) that the call wrote, counted. */
static void put_dirents(const struct sys_ctx *c, uint64_t addr)
{
	size_t len = (size_t)c->call->ret, count = 0;

	sys_put_ptr(c->out, addr);
	if (sys_is_error(c->call->ret) || len > DIRENTS_MAX)
		return;
	unsigned char *buf = len > 0 ? malloc(len) : NULL;
	if (len > 0 && (buf == NULL || !sys_read(c, addr, buf, len))) {
		free(buf);
		return;
	}
	for (size_t at = 0; at + 18 <= len; count++) {
		uint16_t reclen = (uint16_t)(buf[at + 16] | buf[at + 17] << 8);
		if (reclen == 0)
			break;
		at += reclen;
	}
	free(buf);
	strbuf_printf(c->out, " /* %zu entries */", count);
}

static void put_utime(struct strbuf *out, const int64_t ts[2])
{
	char date[64], zone[16];
	struct tm tm;
	time_t t = (time_t)ts[0];

	if (ts[1] == UTIME_NOW_VALUE) {
		strbuf_append(out, "UTIME_NOW");
		return;
	}
	if (ts[1] == UTIME_OMIT_VALUE) {
		strbuf_append(out, "UTIME_OMIT");
		return;
	}
	strbuf_printf(out, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[0], ts[1]);
	if (localtime_r(&t, &tm) == NULL || ts[1] < 0 || ts[1] >= 1000000000)
		return;
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	strbuf_printf(out, " /* %s.%09" PRId64 "%s */", date, ts[1], zone);
}

/* utimensat's two times: "[{tv_sec=1, tv_nsec=2} /\* 1970-01-01T00:00:01.000000002+0000 *\/,
 * UTIME_NOW]". */
static void put_utimes(const struct sys_ctx *c, uint64_t addr)
{
	int64_t ts[4];

	if (addr == 0 || !sys_read(c, addr, ts, sizeof(ts))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	strbuf_putc(c->out, '[');
	put_utime(c->out, ts);
	strbuf_append(c->out, ", ");
	put_utime(c->out, ts + 2);
	strbuf_putc(c->out, ']');
}

void sys_decode_file(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];

	switch (kind) {
	case SA_XATTRFLAGS:
		xlat_flags(c->out, xattr_flags, (uint32_t)v);
		break;
	case SA_ODIRENTS:
		put_dirents(c, v);
		break;
	case SA_ADVICE:
		xlat_enum(c->out, advices, (uint32_t)v, false);
		break;
	case SA_LOFFP:
		sys_put_int_at(c, v, true);
		break;
	case SA_RENAMEFLAGS:
		xlat_flags(c->out, rename_flags, (uint32_t)v);
		break;
	case SA_UTIMES:
		put_utimes(c, v);
		break;
	default:
		break;
	}
}
