/*
 * -w: the stack of the code that made a call, one line per frame:
 *     " > OBJECT(FUNCTION+0xOFFSET) [0xADDRESS]"
 * (" > OBJECT(+0xOFFSET) [...]" when no symbol covers the address). The unwinder behind
 * this interface is libunwind (remote, with libunwind-ptrace's table lookup); names come
 * from output/symbolize.h.
 */
#ifndef LTRACE_BACKTRACE_H
#define LTRACE_BACKTRACE_H

#include <stdbool.h>
#include <sys/types.h>

#include "sysdeps/arch.h"
#include "common/strbuf.h"

/*
 * Append at most max frames for thread tid of process pid at the entry of a function
 * (regs as they were there, ret_addr its return address; its memory read with `read`):
 * the first frame is the call site. demangled: C++ function names demangled (-C).
 */
void backtrace_format(struct strbuf *out, pid_t pid, pid_t tid, const struct arch_regs *regs,
		      taddr_t ret_addr, arch_mem_reader read, unsigned max, bool demangled);
/* Free the unwinder. */
void backtrace_clear(void);

#endif
