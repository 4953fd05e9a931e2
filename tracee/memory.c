#include "tracee/memory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096u
#define MAX_PIECES 16

static ssize_t read_proc_mem(pid_t pid, taddr_t addr, void *buf, size_t len)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = pread(fd, buf, len, (off_t)addr);
	close(fd);
	return n > 0 ? n : -1;
}

ssize_t mem_read(pid_t pid, taddr_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote[MAX_PIECES];
	size_t pieces = 0, done = 0;

	if (len == 0)
		return 0;
	/* One remote piece per page: a partial transfer then stops exactly at the first
	 * unreadable page, and what came before it is returned. */
	while (done < len && pieces < MAX_PIECES) {
		taddr_t at = addr + done;
		size_t room = PAGE - (size_t)(at % PAGE);
		size_t n = len - done < room ? len - done : room;
		if (pieces == MAX_PIECES - 1)
			n = len - done;
		remote[pieces].iov_base = (void *)(uintptr_t)at;
		remote[pieces].iov_len = n;
		pieces++;
		done += n;
	}
	ssize_t got = process_vm_readv(pid, &local, 1, remote, pieces, 0);
	if (got > 0)
		return got;
	if (got < 0 && (errno == ENOSYS || errno == EPERM))
		return read_proc_mem(pid, addr, buf, len);
	return -1;
}

int mem_read2(pid_t pid, taddr_t a1, void *b1, size_t l1, taddr_t a2, void *b2, size_t l2)
{
	struct iovec local[2] = { { b1, l1 }, { b2, l2 } };
	struct iovec remote[2] = { { (void *)(uintptr_t)a1, l1 }, { (void *)(uintptr_t)a2, l2 } };

	ssize_t got = process_vm_readv(pid, local, 2, remote, 2, 0);
	if (got == (ssize_t)(l1 + l2))
		return 0;
	if (mem_read(pid, a1, b1, l1) != (ssize_t)l1 || mem_read(pid, a2, b2, l2) != (ssize_t)l2)
		return -1;
	return 0;
}

int mem_write(int mem_fd, taddr_t addr, const void *buf, size_t len)
{
	ssize_t n = pwrite(mem_fd, buf, len, (off_t)addr);
	if (n == (ssize_t)len)
		return 0;
	if (n >= 0)
		errno = EIO;
	return -1;
}

uint64_t auxv_value(pid_t pid, uint64_t tag)
{
	char path[64];
	uint64_t pair[2], value = 0;

	snprintf(path, sizeof(path), "/proc/%d/auxv", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	while (read(fd, pair, sizeof(pair)) == (ssize_t)sizeof(pair) && pair[0] != 0)
		if (pair[0] == tag)
			value = pair[1];
	close(fd);
	return value;
}

int mem_open(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	return open(path, O_RDWR | O_CLOEXEC);
}
