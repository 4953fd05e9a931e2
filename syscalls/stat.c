/* struct stat, as stat, fstat, lstat and newfstatat fill it (the architecture's layout,
 * arch-kabi.h); struct statx
 * and its masks; struct statfs. */
#include <inttypes.h>

#include "syscalls/decode.h"
#include "arch-kabi.h"

#define k_stat arch_k_stat

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

/* The beginning of struct statx: what strace shows without -v. */
struct k_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad;
	uint64_t ino, size;
};

static const struct xlat statx_masks[] = { /* the sets first, as strace */
	{ 0xfff, "STATX_ALL" }, { 0x7ff, "STATX_BASIC_STATS" },
	{ 0x1, "STATX_TYPE" }, { 0x2, "STATX_MODE" }, { 0x4, "STATX_NLINK" },
	{ 0x8, "STATX_UID" }, { 0x10, "STATX_GID" }, { 0x20, "STATX_ATIME" },
	{ 0x40, "STATX_MTIME" }, { 0x80, "STATX_CTIME" }, { 0x100, "STATX_INO" },
	{ 0x200, "STATX_SIZE" }, { 0x400, "STATX_BLOCKS" }, { 0x800, "STATX_BTIME" },
	{ 0x1000, "STATX_MNT_ID" }, { 0x2000, "STATX_DIOALIGN" }, { 0, NULL },
};

static const struct xlat statx_attributes[] = {
	{ 0x4, "STATX_ATTR_COMPRESSED" }, { 0x10, "STATX_ATTR_IMMUTABLE" },
	{ 0x20, "STATX_ATTR_APPEND" }, { 0x40, "STATX_ATTR_NODUMP" },
	{ 0x800, "STATX_ATTR_ENCRYPTED" }, { 0x1000, "STATX_ATTR_AUTOMOUNT" },
	{ 0x2000, "STATX_ATTR_MOUNT_ROOT" }, { 0x100000, "STATX_ATTR_VERITY" },
	{ 0x200000, "STATX_ATTR_DAX" }, { 0, NULL },
};

static void put_statx(const struct sys_ctx *c, const struct k_statx *st)
{
	strbuf_append(c->out, "{stx_mask=");
	xlat_flags(c->out, statx_masks, st->mask);
	strbuf_append(c->out, ", stx_attributes=");
	xlat_flags(c->out, statx_attributes, st->attributes);
	strbuf_append(c->out, ", stx_mode=");
	sys_put_file_mode(c->out, st->mode);
	strbuf_printf(c->out, ", stx_size=%" PRIu64 ", ...}", st->size);
}

/* f_type values (<linux/magic.h>) of the file systems one meets. */
static const struct xlat fs_magics[] = {
	{ 0xef53, "EXT2_SUPER_MAGIC" }, { 0x01021994, "TMPFS_MAGIC" },
	{ 0x9fa0, "PROC_SUPER_MAGIC" }, { 0x62656572, "SYSFS_MAGIC" },
	{ 0x794c7630, "OVERLAYFS_SUPER_MAGIC" }, { 0x9123683e, "BTRFS_SUPER_MAGIC" },
	{ 0x58465342, "XFS_SUPER_MAGIC" }, { 0x1cd1, "DEVPTS_SUPER_MAGIC" },
	{ 0x63677270, "CGROUP2_SUPER_MAGIC" }, { 0x27e0eb, "CGROUP_SUPER_MAGIC" },
	{ 0xf97cff8c, "SELINUX_MAGIC" }, { 0x6969, "NFS_SUPER_MAGIC" },
	{ 0x858458f6, "RAMFS_MAGIC" }, { 0x73717368, "SQUASHFS_MAGIC" },
	{ 0x65735546, "FUSE_SUPER_MAGIC" }, { 0x01021997, "V9FS_MAGIC" },
	{ 0x4d44, "MSDOS_SUPER_MAGIC" }, { 0x9660, "ISOFS_SUPER_MAGIC" },
	{ 0x5346544e, "NTFS_SB_MAGIC" }, { 0xf2f52010, "F2FS_SUPER_MAGIC" },
	{ 0x64626720, "DEBUGFS_MAGIC" }, { 0x74726163, "TRACEFS_MAGIC" },
	{ 0x42494e4d, "BINFMTFS_MAGIC" }, { 0x6e736673, "NSFS_MAGIC" },
	{ 0x50495045, "PIPEFS_MAGIC" }, { 0xcafe4a11, "BPF_FS_MAGIC" },
	{ 0x73636673, "SECURITYFS_MAGIC" }, { 0x2fc12fc1, "ZFS_SUPER_MAGIC" },
	{ 0, NULL },
};

static const struct xlat statfs_flags[] = {
	{ 0x1, "ST_RDONLY" }, { 0x2, "ST_NOSUID" }, { 0x4, "ST_NODEV" }, { 0x8, "ST_NOEXEC" },
	{ 0x10, "ST_SYNCHRONOUS" }, { 0x20, "ST_VALID" }, { 0x40, "ST_MANDLOCK" },
	{ 0x400, "ST_NOATIME" }, { 0x800, "ST_NODIRATIME" }, { 0x1000, "ST_RELATIME" },
	{ 0x2000, "ST_NOSYMFOLLOW" }, { 0, NULL },
};

/* struct statfs on x86_64. */
struct k_statfs {
	int64_t type, bsize;
	uint64_t blocks, bfree, bavail, files, ffree;
	int32_t fsid[2];
	int64_t namelen, frsize, flags, spare[4];
};

static void put_statfs(const struct sys_ctx *c, const struct k_statfs *st)
{
	strbuf_append(c->out, "{f_type=");
	xlat_enum(c->out, fs_magics, (uint64_t)st->type, true);
	strbuf_printf(c->out, ", f_bsize=%" PRId64 ", f_blocks=%" PRIu64 ", f_bfree=%" PRIu64
		      ", f_bavail=%" PRIu64 ", f_files=%" PRIu64 ", f_ffree=%" PRIu64
		      ", f_fsid={val=[%#x, %#x]}, f_namelen=%" PRId64 ", f_frsize=%" PRId64,
		      st->bsize, st->blocks, st->bfree, st->bavail, st->files, st->ffree,
		      (unsigned)st->fsid[0], (unsigned)st->fsid[1], st->namelen, st->frsize);
	strbuf_append(c->out, ", f_flags=");
	xlat_flags(c->out, statfs_flags, (uint64_t)st->flags);
	strbuf_putc(c->out, '}');
}

void sys_decode_stat(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t addr = c->call->args[i];
	union {
		struct k_stat st;
		struct k_statx stx;
		struct k_statfs sf;
	} u;
	size_t size = kind == SA_OSTATX ? sizeof(u.stx) : kind == SA_OSTATFS ? sizeof(u.sf)
									     : sizeof(u.st);

	if (kind == SA_STATXMASK) {
		xlat_flags(c->out, statx_masks, (uint32_t)addr);
		return;
	}
	if (sys_is_error(c->call->ret) || !sys_read(c, addr, &u, size)) {
		sys_put_ptr(c->out, addr);
		return;
	}
	if (kind == SA_OSTATX)
		put_statx(c, &u.stx);
	else if (kind == SA_OSTATFS)
		put_statfs(c, &u.sf);
	else
		put_stat(c, &u.st);
}
