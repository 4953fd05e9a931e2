/* x86_64 registers and the System V calling convention. */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>

#include "sysdeps/arch.h"

int arch_get_regs(pid_t tid, struct arch_regs *regs)
{
	return ptrace(PTRACE_GETREGS, tid, 0, &regs->r) < 0 ? -1 : 0;
}

int arch_set_regs(pid_t tid, const struct arch_regs *regs)
{
	return ptrace(PTRACE_SETREGS, tid, 0, &regs->r) < 0 ? -1 : 0;
}

int arch_set_pc_only(pid_t tid, struct arch_regs *regs, taddr_t pc)
{
	regs->r.rip = pc;
	if (ptrace(PTRACE_POKEUSER, tid, offsetof(struct user_regs_struct, rip), pc) < 0)
		return -1;
	return 0;
}

taddr_t arch_pc(const struct arch_regs *regs)
{
	return regs->r.rip;
}

void arch_set_pc(struct arch_regs *regs, taddr_t pc)
{
	regs->r.rip = pc;
}

taddr_t arch_sp(const struct arch_regs *regs)
{
	return regs->r.rsp;
}

/* The handler's `ret` popped the frame's return address: sp is its struct ucontext, whose
 * uc_sigmask follows uc_flags, uc_link, uc_stack (24) and uc_mcontext (256). */
taddr_t arch_sigreturn_mask(taddr_t sp)
{
	return sp + 8 + 8 + 24 + 256;
}

taddr_t arch_trap_address(taddr_t pc)
{
	return pc - 1;
}

int arch_return_address(const struct arch_regs *regs, taddr_t *ret, taddr_t *slot)
{
	(void)ret;
	*slot = regs->r.rsp; /* pushed by the call */
	return 0;
}

taddr_t arch_trampoline_return_address(const struct arch_regs *regs)
{
	return regs->r.r11; /* arch_plt_patch's trampoline loaded it there */
}

taddr_t arch_sp_after_return(taddr_t entry_sp)
{
	return entry_sp + 8;
}

/* Integer-class arguments: rdi, rsi, rdx, rcx, r8, r9, then the stack. */
static uint64_t int_reg(const struct user_regs_struct *r, unsigned i)
{
	switch (i) {
	case 0: return r->rdi;
	case 1: return r->rsi;
	case 2: return r->rdx;
	case 3: return r->rcx;
	case 4: return r->r8;
	default: return r->r9;
	}
}

static uint64_t stack_word(struct arch_args *st)
{
	uint64_t v = 0;

	st->read(st->tid, st->stack, &v, sizeof(v));
	st->stack += 8;
	return v;
}

/* A struct passed in memory: its copy is in the stack's argument area, in eightbytes. */
static taddr_t call_stack_area(void *ctx, size_t len)
{
	struct arch_args *st = ctx;
	taddr_t at = st->stack;

	st->stack += (len + 7) & ~(size_t)7;
	return at;
}

static bool call_regs_free(void *ctx, unsigned nint, unsigned nfp)
{
	const struct arch_args *st = ctx;

	return st->next_int + nint <= 6 && st->next_fp + nfp <= 8;
}

/* A long double is passed in memory: 16 bytes of the stack's argument area, 16-aligned,
 * holding the x87 80-bit value. */
static double call_next_long_double(void *ctx)
{
	struct arch_args *st = ctx;
	long double ld = 0;

	st->stack = (st->stack + 15) & ~(taddr_t)15;
	if (st->read(st->tid, st->stack, &ld, 10) != 10)
		ld = 0;
	st->stack += 16;
	return (double)ld;
}

static uint64_t call_next_int(void *ctx)
{
	struct arch_args *st = ctx;

	if (st->next_int < 6)
		return int_reg(&st->regs->r, st->next_int++);
	return stack_word(st);
}

static int load_fp(struct arch_args *st)
{
	if (!st->have_fp) {
		if (ptrace(PTRACE_GETFPREGS, st->tid, 0, &st->fp.f) < 0)
			memset(&st->fp, 0, sizeof(st->fp));
		st->have_fp = true;
	}
	return 0;
}

/* xmm register i, low 8 bytes. */
static uint64_t xmm_low(struct arch_args *st, unsigned i)
{
	uint64_t v;

	load_fp(st);
	memcpy(&v, (const char *)st->fp.f.xmm_space + 16 * i, sizeof(v));
	return v;
}

static uint64_t next_fp_bits(struct arch_args *st)
{
	if (st->next_fp < 8)
		return xmm_low(st, st->next_fp++);
	return stack_word(st);
}

static double call_next_double(void *ctx)
{
	uint64_t bits = next_fp_bits(ctx);
	double d;

	memcpy(&d, &bits, sizeof(d));
	return d;
}

static float call_next_float(void *ctx)
{
	uint64_t bits = next_fp_bits(ctx);
	uint32_t low = (uint32_t)bits;
	float f;

	memcpy(&f, &low, sizeof(f));
	return f;
}

static ssize_t args_read_mem(void *ctx, taddr_t addr, void *buf, size_t len)
{
	struct arch_args *st = ctx;

	return st->read(st->tid, addr, buf, len);
}

static const struct arg_cursor_ops call_ops = {
	.next_int = call_next_int,
	.next_double = call_next_double,
	.next_float = call_next_float,
	.read_mem = args_read_mem,
	.stack_area = call_stack_area,
	.regs_free = call_regs_free,
	.next_long_double = call_next_long_double,
};

static void args_init(struct arg_cursor *cur, struct arch_args *st, pid_t tid,
		      const struct arch_regs *regs, arch_mem_reader read)
{
	memset(st, 0, sizeof(*st));
	st->tid = tid;
	st->read = read;
	st->regs = regs;
	cur->ctx = st;
}

void arch_args_call(struct arg_cursor *cur, struct arch_args *st, pid_t tid,
		    const struct arch_regs *regs, arch_mem_reader read)
{
	args_init(cur, st, tid, regs, read);
	st->stack = regs->r.rsp + 8; /* past the return address */
	cur->ops = &call_ops;
}

/* Return values: rax (then rdx) for integers, xmm0 (then xmm1) for floating point. */
static uint64_t ret_next_int(void *ctx)
{
	struct arch_args *st = ctx;

	return st->next_int++ == 0 ? st->regs->r.rax : st->regs->r.rdx;
}

static const struct arg_cursor_ops ret_ops = {
	.next_int = ret_next_int,
	.next_double = call_next_double,
	.next_float = call_next_float,
	.read_mem = args_read_mem,
};

void arch_args_return(struct arg_cursor *cur, struct arch_args *st, pid_t tid,
		      const struct arch_regs *regs, arch_mem_reader read)
{
	args_init(cur, st, tid, regs, read);
	st->next_fp = 0;
	st->stack = 0;
	cur->ops = &ret_ops;
}

/* syscall; int3 */
const uint8_t arch_syscall_trap[] = { 0x0f, 0x05, 0xcc };
const size_t arch_syscall_trap_size = sizeof(arch_syscall_trap);
const long arch_sys_mmap = 9;
const long arch_sys_munmap = 11;
const uint32_t arch_audit_arch = 0xc000003eu; /* AUDIT_ARCH_X86_64 */

void arch_syscall_setup(struct arch_regs *regs, taddr_t insn, long nr, const uint64_t args[6])
{
	regs->r.rip = insn;
	regs->r.rax = (uint64_t)nr;
	regs->r.orig_rax = (uint64_t)-1; /* not inside a system call: no restart */
	regs->r.rdi = args[0];
	regs->r.rsi = args[1];
	regs->r.rdx = args[2];
	regs->r.r10 = args[3];
	regs->r.r8 = args[4];
	regs->r.r9 = args[5];
}

taddr_t arch_return_value(const struct arch_regs *regs)
{
	return regs->r.rax;
}

int64_t arch_syscall_result(const struct arch_regs *regs)
{
	return (int64_t)regs->r.rax;
}
