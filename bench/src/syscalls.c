/* bench-sys COUNT [WRITES]
 *
 * Makes COUNT getppid system calls, then WRITES (default 10) write(1, "x\n", 2)
 * system calls.  The calls use the syscall instruction directly rather than
 * libc's syscall(): libc cannot cache the result, and there is no library
 * call in the loop, so "ltrace -S" and strace see exactly the same events
 * (one system call per iteration). */
#include <stdlib.h>
#include <sys/syscall.h>

static inline long raw_syscall0(long nr)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr)
			 : "rcx", "r11", "memory");
	return ret;
}

static inline long raw_syscall3(long nr, long a1, long a2, long a3)
{
	long ret;
	register long rdi __asm__("rdi") = a1;
	register long rsi __asm__("rsi") = a2;
	register long rdx __asm__("rdx") = a3;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "r"(rdi), "r"(rsi), "r"(rdx)
			 : "rcx", "r11", "memory");
	return ret;
}

int main(int argc, char **argv)
{
	long count = argc > 1 ? atol(argv[1]) : 20000;
	long writes = argc > 2 ? atol(argv[2]) : 10;
	long sum = 0;

	for (long i = 0; i < count; i++)
		sum += raw_syscall0(SYS_getppid);
	for (long i = 0; i < writes; i++)
		raw_syscall3(SYS_write, 1, (long)"x\n", 2);
	return sum == -1;
}
