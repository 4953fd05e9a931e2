#include "tracee/inject.h"

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "tracee/process.h"
#include "sysdeps/arch.h"

/* Run tid until it traps; other signals are set aside for later delivery. */
static int run_to_trap(pid_t tid, int *pending)
{
	int status;

	for (;;) {
		if (ptrace(PTRACE_CONT, tid, 0, 0) < 0)
			return -1;
		if (thread_wait(tid, &status) < 0)
			return -1;
		if (!WIFSTOPPED(status))
			return -1;
		int sig = WSTOPSIG(status);
		if (sig == SIGTRAP && (status >> 16) == 0)
			return 0;
		if ((status >> 16) == 0 && sig != SIGTRAP)
			*pending = sig;
	}
}

int inject_syscall(pid_t tid, taddr_t insn, long nr, const uint64_t args[6], int64_t *result,
		   int *pending)
{
	struct arch_regs saved, regs;

	*pending = 0;
	if (arch_get_regs(tid, &saved) < 0)
		return -1;
	regs = saved;
	arch_syscall_setup(&regs, insn, nr, args);
	if (arch_set_regs(tid, &regs) < 0 || run_to_trap(tid, pending) < 0)
		return -1;
	if (arch_get_regs(tid, &regs) < 0)
		return -1;
	*result = arch_syscall_result(&regs);
	return arch_set_regs(tid, &saved);
}
