/* struct stat, as stat, fstat, lstat and newfstatat fill it (x86_64's layout). */
#include <inttypes.h>

#include "syscalls/decode.h"

struct k_stat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid, pad0;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	uint64_t times[6]; /* atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec */
	int64_t unused[3];
};

static const struct xlat file_types[] = {
	{ 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
	{ 060000, "S_IFBLK" },   { 040000, "S_IFDIR" },  { 020000, "S_IFCHR" },
	{ 010000, "S_IFIFO" },   { 0, NULL },
};

void sys_put_file_mode(struct strbuf *out, uint32_t mode)
{
	const char *type = xlat_name(file_types, mode & 0170000);

	if (type != NULL)
		strbuf_printf(out, "%s|", type);
	else if ((mode & 0170000) != 0)
		strbuf_printf(out, "%#o|", mode & 0170000);
	strbuf_printf(out, "%#03o", mode & 07777);
}

static void put_stat(const struct sys_ctx *c, const struct k_stat *st)
{
	strbuf_append(c->out, "{st_mode=");
	sys_put_file_mode(c->out, st->mode);
	uint32_t type = st->mode & 0170000;
	if (type == 020000 || type == 060000) {
		uint64_t major = ((st->rdev >> 8) & 0xfff) | ((st->rdev >> 32) & ~0xfffull);
		uint64_t minor = (st->rdev & 0xff) | ((st->rdev >> 12) & ~0xffull);
		strbuf_printf(c->out, ", st_rdev=makedev(%#" PRIx64 ", %#" PRIx64 ")", major,
			      minor);
	} else {
		strbuf_printf(c->out, ", st_size=%" PRId64, st->size);
	}
	strbuf_append(c->out, ", ...}");
}

void sys_decode_stat(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t addr = c->call->args[i];
	struct k_stat st;

	(void)kind; /* SA_OSTAT */
	if (sys_is_error(c->call->ret) || !sys_read(c, addr, &st, sizeof(st))) {
		sys_put_ptr(c->out, addr);
		return;
	}
	put_stat(c, &st);
}
