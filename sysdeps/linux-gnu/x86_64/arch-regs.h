/* x86_64: the register set and the constants generic code uses. */
#ifndef LTRACE_ARCH_REGS_H
#define LTRACE_ARCH_REGS_H

#include <sys/user.h>

struct arch_regs {
	struct user_regs_struct r;
};

struct arch_fpregs {
	struct user_fpregs_struct f;
};

#define ARCH_BREAKPOINT { 0xcc }
#define ARCH_BREAKPOINT_SIZE 1
#define ARCH_MAX_INSN 15
/* The longest patch at a breakpoint: int3 then jmp rel32 (a PLT stub's way out). */
#define ARCH_PATCH_MAX 8
/* Room for one displaced instruction and the way back. */
#define ARCH_SLOT_SIZE 64
/* How far a displaced copy may be from the original (RIP-relative operands: disp32). */
#define ARCH_SLOT_REACH 0x7ff00000ull

#endif
