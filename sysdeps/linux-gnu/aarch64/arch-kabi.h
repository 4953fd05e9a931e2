/* aarch64: the kernel's structures and flag values that differ between architectures, as
 * the system-call decoders (syscalls/) read them. */
#ifndef LTRACE_ARCH_KABI_H
#define LTRACE_ARCH_KABI_H

#include <stdint.h>

/* struct stat of asm-generic, as fstat and newfstatat fill it. */
struct arch_k_stat {
	uint64_t dev, ino;
	uint32_t mode, nlink, uid, gid;
	uint64_t rdev, pad1;
	int64_t size;
	int32_t blksize, pad2;
	int64_t blocks;
	uint64_t times[6]; /* atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec */
	uint32_t unused[2];
};

/* struct epoll_event: naturally aligned, 4 + 4 (padding) + 8 bytes. */
#define ARCH_EPOLL_PACKED

/* The O_* flags whose values are the architecture's (asm/fcntl.h). */
#define ARCH_O_DIRECTORY 040000
#define ARCH_O_NOFOLLOW 0100000
#define ARCH_O_DIRECT 0200000
#define ARCH_O_LARGEFILE 0400000

/* Prototype-language typedefs of structures whose layout is the architecture's, known to
 * every prototype file (which may define its own instead): struct stat as glibc's stat,
 * fstat... fill it (asm-generic's), st_mode and st_size shown. */
#define ARCH_PROTO_TYPES                                                                  \
	"typedef stat_t = struct(hide(ulong), hide(ulong), octal, hide(uint), hide(uint), "   \
	"hide(uint), hide(ulong), hide(ulong), long, hide(int), hide(int), hide(long), "      \
	"hide(array(long, 6)), hide(array(uint, 2)));\n"

#endif
