/* aarch64: the register set and the constants generic code uses. */
#ifndef LTRACE_ARCH_REGS_H
#define LTRACE_ARCH_REGS_H

#include <sys/user.h>

/* x0-x30, sp, pc, pstate (NT_PRSTATUS). */
struct arch_regs {
	struct user_regs_struct r;
};

/* v0-v31, fpsr, fpcr (NT_FPREGSET). */
struct arch_fpregs {
	struct user_fpsimd_struct f;
};

/* brk #0, little-endian. The pc at its trap is the brk's own address. */
#define ARCH_BREAKPOINT { 0x00, 0x00, 0x20, 0xd4 }
#define ARCH_BREAKPOINT_SIZE 4
#define ARCH_MAX_INSN 4
/* The longest patch at a breakpoint: a PLT stub's bti c, then b to the trampoline. */
#define ARCH_PATCH_MAX 8
/* The PLT trampoline: brk; ldr x16, =slot; ldr x17, [x16]; br x17; .quad slot */
#define ARCH_TRAMP_MAX 24
/* A stub's jump also sets x16 (the slot, which lazy binding reads) and x17: a stub's plain
 * breakpoint runs its first instruction out of line instead. */
#define ARCH_STUB_JUMP_EMULATED 0
/* PLT stubs are looked for at every instruction (bti c makes some 20 bytes, padded to 24,
 * after a 32-byte PLT0); adrp, ldr, add, br: at least 16 bytes. */
#define ARCH_PLT_STEP 4
#define ARCH_PLT_STUB_MIN 16
/* The most bytes of a struct passed in registers (four doubles of a homogeneous aggregate). */
#define ARCH_AGGREGATE_OUT 32
/* Room for one displaced instruction and the way back. */
#define ARCH_SLOT_SIZE 64
/* How far a displaced copy may be from the original: b reaches +-128 MiB, less the
 * scratch area's own size. */
#define ARCH_SLOT_REACH 0x7c00000ull

/* An IEEE binary128 value (a long double, 16 bytes little-endian) as the nearest double
 * toward zero (quad.c). */
double arch_quad_to_double(const unsigned char q[16]);

#endif
