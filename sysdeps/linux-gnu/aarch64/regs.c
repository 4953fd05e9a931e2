/* aarch64 registers and the AAPCS64 calling convention (as Linux uses it: variadic
 * arguments are passed as named ones, every stack argument in an 8-byte slot). */
#include <elf.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "sysdeps/arch.h"

int arch_get_regs(pid_t tid, struct arch_regs *regs)
{
	struct iovec iov = { &regs->r, sizeof(regs->r) };

	return ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -1 : 0;
}

int arch_set_regs(pid_t tid, const struct arch_regs *regs)
{
	struct iovec iov = { (void *)&regs->r, sizeof(regs->r) };

	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -1 : 0;
}

/* arm64 has no PTRACE_POKEUSER: the whole set is written back. */
int arch_set_pc_only(pid_t tid, struct arch_regs *regs, taddr_t pc)
{
	regs->r.pc = pc;
	return arch_set_regs(tid, regs);
}

taddr_t arch_pc(const struct arch_regs *regs)
{
	return regs->r.pc;
}

void arch_set_pc(struct arch_regs *regs, taddr_t pc)
{
	regs->r.pc = pc;
}

taddr_t arch_sp(const struct arch_regs *regs)
{
	return regs->r.sp;
}

/* brk does not advance the pc: it points at the brk. */
/* At rt_sigreturn, sp is the kernel's struct rt_sigframe: a siginfo (128 bytes), then the
 * struct ucontext, whose uc_sigmask follows uc_flags, uc_link and uc_stack (24). */
taddr_t arch_sigreturn_mask(taddr_t sp)
{
	return sp + 128 + 8 + 8 + 24;
}

taddr_t arch_trap_address(taddr_t pc)
{
	return pc;
}

/* bl puts the return address in the link register, x30. */
int arch_return_address(const struct arch_regs *regs, taddr_t *ret, taddr_t *slot)
{
	(void)slot;
	*ret = regs->r.regs[30];
	return 1;
}

/* The trampoline traps first: x30 is still the caller's return address. */
taddr_t arch_trampoline_return_address(const struct arch_regs *regs)
{
	return regs->r.regs[30];
}

taddr_t arch_sp_after_return(taddr_t entry_sp)
{
	return entry_sp;
}

static uint64_t stack_word(struct arch_args *st)
{
	uint64_t v = 0;

	st->read(st->tid, st->stack, &v, sizeof(v));
	st->stack += 8;
	return v;
}

/*
 * A struct of up to 16 bytes that does not fit in the registers left goes to the stack
 * whole, and no later argument of its class takes a register (AAPCS64 C.12, C.3):
 * regs_free remembers which class did not fit, stack_area closes it.
 */
enum { SPILL_NONE, SPILL_INT, SPILL_FP };

static bool call_regs_free(void *ctx, unsigned nint, unsigned nfp)
{
	struct arch_args *st = ctx;
	bool ok_int = st->next_int + nint <= 8, ok_fp = st->next_fp + nfp <= 8;

	st->spill = !ok_int ? SPILL_INT : !ok_fp ? SPILL_FP : SPILL_NONE;
	return ok_int && ok_fp;
}

static taddr_t call_stack_area(void *ctx, size_t len)
{
	struct arch_args *st = ctx;
	taddr_t at = st->stack;

	if (st->spill == SPILL_INT)
		st->next_int = 8;
	else if (st->spill == SPILL_FP)
		st->next_fp = 8;
	st->spill = SPILL_NONE;
	st->stack += (len + 7) & ~(size_t)7;
	return at;
}

static uint64_t call_next_int(void *ctx)
{
	struct arch_args *st = ctx;

	if (st->next_int < 8)
		return st->regs->r.regs[st->next_int++];
	return stack_word(st);
}

static void load_fp(struct arch_args *st)
{
	if (!st->have_fp) {
		struct iovec iov = { &st->fp.f, sizeof(st->fp.f) };
		if (ptrace(PTRACE_GETREGSET, st->tid, (void *)NT_FPREGSET, &iov) < 0)
			memset(&st->fp, 0, sizeof(st->fp));
		st->have_fp = true;
	}
}

/* The low n bytes of v register i (n <= 16). */
static void vreg(struct arch_args *st, unsigned i, void *out, size_t n)
{
	load_fp(st);
	memcpy(out, (const unsigned char *)&st->fp.f.vregs[i], n);
}

/* The next floating-point argument's n bytes: a v register, else an 8-byte stack slot
 * (16 bytes, 16-aligned, for a long double). */
static void next_fp_bytes(struct arch_args *st, void *out, size_t n)
{
	if (st->next_fp < 8) {
		vreg(st, st->next_fp++, out, n);
		return;
	}
	if (n > 8)
		st->stack = (st->stack + 15) & ~(taddr_t)15;
	if (st->read(st->tid, st->stack, out, n) != (ssize_t)n)
		memset(out, 0, n);
	st->stack += n > 8 ? 16 : 8;
}

static double call_next_double(void *ctx)
{
	double d;

	next_fp_bytes(ctx, &d, sizeof(d));
	return d;
}

static float call_next_float(void *ctx)
{
	float f;

	next_fp_bytes(ctx, &f, sizeof(f));
	return f;
}

/* A long double is IEEE binary128, in a q register. */
static double call_next_long_double(void *ctx)
{
	unsigned char q[16];

	next_fp_bytes(ctx, q, sizeof(q));
	return arch_quad_to_double(q);
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
	st->stack = regs->r.sp; /* the return address is in x30, not on the stack */
	cur->ops = &call_ops;
}

/* Return values: x0 (then x1..x3 for a small struct), v0 (then v1..v3 for a homogeneous
 * floating-point struct). */
static uint64_t ret_next_int(void *ctx)
{
	struct arch_args *st = ctx;

	return st->regs->r.regs[st->next_int < 8 ? st->next_int++ : 0];
}

/* A struct returned in memory: where the caller's buffer is, x8 (which the callee need not
 * keep: read at the return, as good as it gets without the entry's registers). */
static taddr_t ret_indirect(void *ctx, size_t len)
{
	struct arch_args *st = ctx;

	(void)len;
	return st->regs->r.regs[8];
}

static const struct arg_cursor_ops ret_ops = {
	.next_int = ret_next_int,
	.next_double = call_next_double,
	.next_float = call_next_float,
	.read_mem = args_read_mem,
	.stack_area = ret_indirect,
	.next_long_double = call_next_long_double,
};

void arch_args_return(struct arg_cursor *cur, struct arch_args *st, pid_t tid,
		      const struct arch_regs *regs, arch_mem_reader read)
{
	args_init(cur, st, tid, regs, read);
	cur->ops = &ret_ops;
}

/* svc #0; brk #0 */
const uint8_t arch_syscall_trap[] = { 0x01, 0x00, 0x00, 0xd4, 0x00, 0x00, 0x20, 0xd4 };
const size_t arch_syscall_trap_size = sizeof(arch_syscall_trap);
const long arch_sys_mmap = 222;
const long arch_sys_munmap = 215;
const uint32_t arch_audit_arch = 0xc00000b7u; /* AUDIT_ARCH_AARCH64 */

/* The kernel's restart of an interrupted call was set up before the stop (pc moved back
 * to the svc, x0 reset): the saved registers, set back afterwards, keep it. */
void arch_syscall_setup(struct arch_regs *regs, taddr_t insn, long nr, const uint64_t args[6])
{
	regs->r.pc = insn;
	regs->r.regs[8] = (uint64_t)nr;
	for (int i = 0; i < 6; i++)
		regs->r.regs[i] = args[i];
}

taddr_t arch_return_value(const struct arch_regs *regs)
{
	return regs->r.regs[0];
}

int64_t arch_syscall_result(const struct arch_regs *regs)
{
	return (int64_t)regs->r.regs[0];
}
