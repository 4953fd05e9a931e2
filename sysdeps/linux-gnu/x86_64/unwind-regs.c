/* x86_64: the caller's registers at a function's entry, for libunwind (-w). */
#include <libunwind.h>

#include "sysdeps/arch.h"

int arch_unwind_caller_reg(const struct arch_regs *regs, taddr_t ret_addr, int regnum,
			   uint64_t *val)
{
	const struct user_regs_struct *r = &regs->r;

	switch (regnum) {
	case UNW_X86_64_RIP: *val = ret_addr; return 0;
	case UNW_X86_64_RSP: *val = r->rsp + 8; return 0; /* the return address popped */
	case UNW_X86_64_RAX: *val = r->rax; return 0;
	case UNW_X86_64_RDX: *val = r->rdx; return 0;
	case UNW_X86_64_RCX: *val = r->rcx; return 0;
	case UNW_X86_64_RBX: *val = r->rbx; return 0;
	case UNW_X86_64_RSI: *val = r->rsi; return 0;
	case UNW_X86_64_RDI: *val = r->rdi; return 0;
	case UNW_X86_64_RBP: *val = r->rbp; return 0;
	case UNW_X86_64_R8: *val = r->r8; return 0;
	case UNW_X86_64_R9: *val = r->r9; return 0;
	case UNW_X86_64_R10: *val = r->r10; return 0;
	case UNW_X86_64_R11: *val = r->r11; return 0;
	case UNW_X86_64_R12: *val = r->r12; return 0;
	case UNW_X86_64_R13: *val = r->r13; return 0;
	case UNW_X86_64_R14: *val = r->r14; return 0;
	case UNW_X86_64_R15: *val = r->r15; return 0;
	default: return -1;
	}
}
