/* aarch64: the caller's registers at a function's entry, for libunwind (-w). */
#include <libunwind.h>

#include "sysdeps/arch.h"

int arch_unwind_caller_reg(const struct arch_regs *regs, taddr_t ret_addr, int regnum,
			   uint64_t *val)
{
	const struct user_regs_struct *r = &regs->r;

	if (regnum >= UNW_AARCH64_X0 && regnum < UNW_AARCH64_X30) {
		*val = r->regs[regnum - UNW_AARCH64_X0];
		return 0;
	}
	switch (regnum) {
	case UNW_AARCH64_X30: *val = r->regs[30]; return 0;
	case UNW_AARCH64_SP: *val = r->sp; return 0; /* bl leaves the stack as it is */
	case UNW_AARCH64_PC: *val = ret_addr; return 0;
	default: return -1;
	}
}
