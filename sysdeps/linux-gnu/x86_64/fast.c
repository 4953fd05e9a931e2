/* x86-64 for the --fast recorder's tracer side: trampolines, and registers from records. */
#include <string.h>

#include "sysdeps/arch.h"

size_t arch_fast_trampoline(taddr_t func, taddr_t entry, uint8_t *out)
{
	/* push %r11 (the agent gives it back); movabs $func,%r11; jmp *0(%rip); .quad entry */
	static const uint8_t jmp[] = { 0xff, 0x25, 0, 0, 0, 0 };

	out[0] = 0x41;
	out[1] = 0x53;
	out[2] = 0x49;
	out[3] = 0xbb;
	memcpy(out + 4, &func, 8);
	memcpy(out + 12, jmp, sizeof(jmp));
	memcpy(out + 18, &entry, 8);
	return 26;
}

void arch_fast_call_regs(struct arch_regs *regs, const uint64_t v[7], const uint64_t *saved,
			 taddr_t sp, taddr_t pc)
{
	memset(regs, 0, sizeof(*regs));
	if (saved != NULL) { /* fast-entry.S: rbx, rbp, r12-r15 */
		regs->r.rbx = saved[0];
		regs->r.rbp = saved[1];
		regs->r.r12 = saved[2];
		regs->r.r13 = saved[3];
		regs->r.r14 = saved[4];
		regs->r.r15 = saved[5];
	}
	regs->r.rdi = v[0];
	regs->r.rsi = v[1];
	regs->r.rdx = v[2];
	regs->r.rcx = v[3];
	regs->r.r8 = v[4];
	regs->r.r9 = v[5];
	regs->r.rax = v[6];
	regs->r.rsp = sp;
	regs->r.rip = pc;
}

void arch_fast_return_regs(struct arch_regs *regs, const uint64_t v[2], taddr_t sp, taddr_t pc)
{
	memset(regs, 0, sizeof(*regs));
	regs->r.rax = v[0];
	regs->r.rdx = v[1];
	regs->r.rsp = sp;
	regs->r.rip = pc;
}

void arch_fast_fpregs(struct arch_fpregs *fp, const uint64_t *xmm, size_t n)
{
	memset(fp, 0, sizeof(*fp));
	memcpy(fp->f.xmm_space, xmm, n * sizeof(*xmm));
}

uint64_t arch_thread_pointer(const struct arch_regs *regs)
{
	return regs->r.fs_base;
}
