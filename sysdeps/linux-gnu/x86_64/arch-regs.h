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
/* The longest patch at a breakpoint: int3, jmp rel32 (a PLT stub's way out), or with
 * --fast a function's entry: endbr64, jmp rel32 over whole instructions (arch_entry_patch). */
#define ARCH_PATCH_MAX 32
/* The longest PLT trampoline (arch_plt_patch). */
#define ARCH_TRAMP_MAX 16
/* A stub's breakpoint may take its jump through the GOT slot by setting the pc alone. */
#define ARCH_STUB_JUMP_EMULATED 1
/* PLT stubs: one per sh_entsize bytes. */
#define ARCH_PLT_STEP 0
#define ARCH_PLT_STUB_MIN 0
/* The most bytes of a struct passed in registers (two eightbytes). */
#define ARCH_AGGREGATE_OUT 16
/* Room for one displaced instruction and the way back. */
#define ARCH_SLOT_SIZE 64
/* How far a displaced copy may be from the original (RIP-relative operands: disp32). */
#define ARCH_SLOT_REACH 0x7ff00000ull

#endif
