#ifndef LTRACE_INJECT_H
#define LTRACE_INJECT_H

#include <stdint.h>
#include <sys/types.h>

#include "common/taddr.h"

/*
 * Make thread tid (stopped, not inside a system call, the only one that can run the
 * code at insn) perform system call nr: insn must hold the arch's syscall-then-trap
 * sequence. Its registers are put back afterwards. Signals that arrive meanwhile are
 * kept in *pending (0 if none) for the caller to deliver. Returns 0 and *result, or -1.
 */
int inject_syscall(pid_t tid, taddr_t insn, long nr, const uint64_t args[6], int64_t *result,
		   int *pending);

#endif
