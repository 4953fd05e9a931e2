/* x86-64 for the --fast agent (freestanding): thread pointer, time counter, syscalls,
 * and how the entry code lays out the saved registers. */
#ifndef LTRACE_FAST_AGENT_ARCH_H
#define LTRACE_FAST_AGENT_ARCH_H

#include <stdint.h>

/* The thread pointer: the %fs base, which glibc and musl keep at %fs:0 too. */
static inline uint64_t agent_thread_pointer(void)
{
	uint64_t tp;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(tp));
	return tp;
}

static inline uint64_t agent_clock(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline long agent_syscall4(long nr, long a, long b, long c, long d)
{
	long ret;
	register long r10 __asm__("r10") = d;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

static inline long agent_syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define AGENT_SYS_PROCESS_VM_READV 310
#define AGENT_SYS_FUTEX 202
#define AGENT_SYS_GETTID 186
#define AGENT_SYS_SIGALTSTACK 131

static inline void agent_pause(void)
{
	__asm__ volatile("pause");
}

/* The registers the call entry saved (fast-entry.S): the six integer argument registers,
 * rax, r10, xmm0-7, then the caller's rbx, rbp, r12-r15 (struct fast_where). */
struct agent_call_regs {
	uint64_t ints[6];
	uint64_t rax, r10;
	uint64_t xmm[16];
	uint64_t saved[6];
};

/* The return entry's: rax, rdx, xmm0, xmm1 (then the other call-clobbered registers,
 * which it gives back: fast-entry.S). */
struct agent_ret_regs {
	uint64_t rax, rdx;
	uint64_t xmm[4];
};

#endif
