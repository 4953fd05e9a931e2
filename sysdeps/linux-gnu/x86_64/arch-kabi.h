/* x86_64: the kernel's structures and flag values that differ between architectures, as
 * the system-call decoders (syscalls/) read them. */
#ifndef LTRACE_ARCH_KABI_H
#define LTRACE_ARCH_KABI_H

#include <stdint.h>

/* struct stat, as stat, fstat, lstat and newfstatat fill it. */
struct arch_k_stat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid, pad0;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	uint64_t times[6]; /* atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec */
	int64_t unused[3];
};

/* struct epoll_event: packed, 4 + 8 bytes. */
#define ARCH_EPOLL_PACKED __attribute__((packed))

/* The O_* flags whose values are the architecture's. */
#define ARCH_O_DIRECT 040000
#define ARCH_O_LARGEFILE 0100000
#define ARCH_O_DIRECTORY 0200000
#define ARCH_O_NOFOLLOW 0400000

/* Prototype-language typedefs of structures whose layout is the architecture's, known to
 * every prototype file (which may define its own instead): struct stat as glibc's stat,
 * fstat... fill it (the kernel's), st_mode and st_size shown. */
#define ARCH_PROTO_TYPES                                                                 \
	"typedef stat_t = struct(hide(ulong), hide(ulong), hide(ulong), octal, hide(uint), " \
	"hide(uint), hide(int), hide(ulong), long, hide(long), hide(long), "                 \
	"hide(array(long, 9)));\n"

#endif
