#include <unistd.h>

/* Forks inside this call: it returns in both processes (0 in the child). */
long fork_inside(void)
{
	return fork();
}

long child_work(long n) { return 2 * n; }
long parent_work(long n) { return 3 * n; }

/* Blocks until a byte can be read from fd: the caller is inside this call. */
long wait_go(int fd)
{
	char c;

	return read(fd, &c, 1);
}
