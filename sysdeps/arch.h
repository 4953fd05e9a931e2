/*
 * What generic code asks of the architecture layer. Each sysdeps/linux-gnu/<arch>/
 * directory provides arch-regs.h (the register set and a few constants) and implements
 * every function declared here; generic code never asks which architecture it is on.
 */
#ifndef LTRACE_ARCH_H
#define LTRACE_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch-regs.h" /* struct arch_regs, struct arch_fpregs, ARCH_* constants */
#include "common/taddr.h"
#include "common/arg_cursor.h"

/* Registers: one system call each way. Return 0, or -1 with errno. */
int arch_get_regs(pid_t tid, struct arch_regs *regs);
int arch_set_regs(pid_t tid, const struct arch_regs *regs);
/* Move only the pc of a stopped thread (regs: as read, updated too); one system call that
 * writes one register rather than all of them. 0, or -1 with errno. */
int arch_set_pc_only(pid_t tid, struct arch_regs *regs, taddr_t pc);

taddr_t arch_pc(const struct arch_regs *regs);
void arch_set_pc(struct arch_regs *regs, taddr_t pc);
taddr_t arch_sp(const struct arch_regs *regs);
/* Where rt_sigreturn, entered with this stack pointer, finds the signal mask it restores
 * (the uc_sigmask of the frame the kernel built for the handler). */
taddr_t arch_sigreturn_mask(taddr_t sp);
/* The integer (or pointer) a function returned, at its return. */
taddr_t arch_return_value(const struct arch_regs *regs);

/* The address of the breakpoint instruction that trapped, from the pc at the trap stop. */
taddr_t arch_trap_address(taddr_t pc);

/* At a function's entry: the return address. Either it is in a register (1, *ret set), or
 * on the stack (0, *slot set to where it is stored). */
int arch_return_address(const struct arch_regs *regs, taddr_t *ret, taddr_t *slot);
/* The stack pointer the caller will have right after the function returns. */
taddr_t arch_sp_after_return(taddr_t entry_sp);

/*
 * -w: a register of the caller as it is when a function is entered (regs at the entry,
 * ret_addr read from the stack): the return address is its pc, the stack pointer is above
 * the return address. regnum is libunwind's number. 0, or -1 for an unknown register.
 */
int arch_unwind_caller_reg(const struct arch_regs *regs, taddr_t ret_addr, int regnum,
			   uint64_t *val);

/*
 * Argument cursors for the prototype formatter. The state lives in the caller's
 * struct arch_args; the cursor is valid while regs and args live.
 */
/* How the cursor reads tracee memory (bytes read, or -1). */
typedef ssize_t (*arch_mem_reader)(pid_t tid, taddr_t addr, void *buf, size_t len);
struct arch_args {
	pid_t tid;
	arch_mem_reader read;
	const struct arch_regs *regs;
	unsigned next_int;  /* integer-class registers used */
	unsigned next_fp;   /* floating-point registers used */
	taddr_t stack;      /* the next stack-passed argument */
	bool have_fp;
	unsigned spill;     /* the architecture's own use */
	struct arch_fpregs fp;
};
void arch_args_call(struct arg_cursor *cur, struct arch_args *st, pid_t tid,
		    const struct arch_regs *regs, arch_mem_reader read);
void arch_args_return(struct arg_cursor *cur, struct arch_args *st, pid_t tid,
		      const struct arch_regs *regs, arch_mem_reader read);

/*
 * Structs by value (the prototype formatter's aggregates). A struct is described by its
 * size and its scalar members (m[0..n): offset, size, floating point or not, in order).
 * arch_fetch_aggregate takes one argument (ret: the return value) from the cursor as the
 * calling convention passes it: its bytes into out (zeroed by the caller; room for
 * ARCH_AGGREGATE_OUT bytes, arch-regs.h: the most the convention passes in registers),
 * returning 0; or, when the struct is in memory (a copy on the stack, a returned buffer, a
 * reference), its tracee address into *at, returning 1; -1 when it cannot be told.
 * arch_hidden_return_arg: whether a function returning such a struct takes the buffer's
 * address as a hidden first argument (which the cursor must then skip).
 */
struct arch_scalar {
	size_t off, size;
	bool fp;
};
int arch_fetch_aggregate(struct arg_cursor *cur, const struct arch_scalar *m, size_t n,
			 size_t size, bool ret, unsigned char *out, taddr_t *at);
bool arch_hidden_return_arg(const struct arch_scalar *m, size_t n, size_t size);

/* The GOT slot a PLT entry jumps through: 0 and *slot set, or -1 if code is no PLT stub.
 * code holds len bytes read from link-time address addr. Stubs are looked for every
 * ARCH_PLT_STEP bytes of a PLT section (0: every sh_entsize), and one found covers at
 * least ARCH_PLT_STUB_MIN bytes (with ARCH_PLT_STEP). */
int arch_plt_slot(const uint8_t *code, size_t len, taddr_t addr, taddr_t *slot);

/* What a dynamic relocation of type `type` (ELF r_type) fills: a PLT or GOT slot of a
 * function (JUMP_SLOT, GLOB_DAT), an IFUNC's slot (IRELATIVE), or something else. */
enum arch_reloc { ARCH_RELOC_OTHER, ARCH_RELOC_SLOT, ARCH_RELOC_IRELATIVE };
enum arch_reloc arch_reloc_kind(unsigned type);

/*
 * A PLT stub that jumps to a trampoline: `patch` (for the stub at stub) replaces the
 * stub's first instruction with a jump to tramp; `tramp_code` (at tramp) puts the return
 * address where arch_trampoline_return_address finds it, then has a breakpoint at
 * *trap_offset, then jumps through the GOT slot. A thread that traps there goes on from
 * where it trapped: no register to set, no memory to read. Only the bytes of the stub's
 * first instructions, up to and including the jump through the slot, are patched, never
 * what comes after (the lazy-binding entry). code holds len bytes of the stub. Returns
 * the patch's length (tramp_len and trap_offset set), or -1 if the stub is of another
 * shape or out of reach.
 *
 * The trampoline may use a register that the calling convention leaves undefined at a
 * call through a PLT (which the dynamic loader's lazy binding overwrites anyway).
 */
int arch_plt_patch(const uint8_t *code, size_t len, taddr_t stub, taddr_t slot, taddr_t tramp,
		   uint8_t *patch, uint8_t *tramp_code, size_t *tramp_len, size_t *trap_offset);
/* At the breakpoint of arch_plt_patch's trampoline: the return address of the call. The
 * thread goes on at the instruction after the breakpoint (ARCH_BREAKPOINT_SIZE further).
 * tramp_code has room for ARCH_TRAMP_MAX bytes. When ARCH_STUB_JUMP_EMULATED is 0, a
 * stub's plain breakpoint runs its first instruction out of line rather than taking the
 * jump through the slot at once (the jump has effects beyond the pc). */
taddr_t arch_trampoline_return_address(const struct arch_regs *regs);

/*
 * Out-of-line execution: build, for the instruction at addr (code holds up to len bytes
 * from there), a sequence that runs at slot_addr, has the instruction's effect as if run at
 * addr, and then continues at the next instruction (or wherever the instruction goes).
 * Writes at most ARCH_SLOT_SIZE bytes to out. Returns the length, or -1 (*why set) if the
 * instruction cannot be relocated.
 */
int arch_displace(const uint8_t *code, size_t len, taddr_t addr, taddr_t slot_addr,
		  uint8_t *out, const char **why);
/* The length of the instruction at addr (code holds up to len bytes from there), or -1. */
int arch_insn_length(const uint8_t *code, size_t len, taddr_t addr);

/* Make the tracee run one system call: arch_syscall_insn (which must be followed by a
 * breakpoint) is where the pc goes; regs are set up from nr and args. */
extern const uint8_t arch_syscall_trap[];
extern const size_t arch_syscall_trap_size;
void arch_syscall_setup(struct arch_regs *regs, taddr_t insn, long nr, const uint64_t args[6]);
int64_t arch_syscall_result(const struct arch_regs *regs);
extern const long arch_sys_mmap, arch_sys_munmap;

/*
 * --fast. A trampoline (at most ARCH_FAST_TRAMP bytes into out, length returned) that
 * enters the agent at `entry` with the function's record `func` at hand (the agent's
 * entry code knows where). The registers of a call (v: the integer argument registers,
 * then the one that counts vector arguments; saved, if not NULL: the caller's registers the
 * agent's entry code saved for -w), of a return (v: the two return
 * registers), and the vector registers (n 8-byte halves), from a record.
 */
#define ARCH_FAST_TRAMP 32
size_t arch_fast_trampoline(taddr_t func, taddr_t entry, uint8_t *out);
/*
 * --fast, a function's entry (-x): the code (its len bytes at addr: the whole function, as
 * its symbol's size says) gets a jump to the trampoline at tramp, after a landing pad
 * (endbr64), which stays; the whole instructions the jump covers are copied, relocated, to
 * ool_addr, followed by a jump back to the instruction after them (ool: at most
 * ARCH_SLOT_SIZE bytes, *ool_len set). Returns the patch's length (from addr, at most
 * ARCH_PATCH_MAX; the bytes behind the jump are never run), or -1 (*why set) when one of
 * those instructions is a branch, a nop (a pad left for live patching) or cannot be
 * moved, when a branch of the function lands
 * inside them, or when the function is too short. When the function cannot be decoded to
 * its end, its near branches are looked for at every byte within reach, and its far ones
 * are left to the caller (fast_entry_reached looks at every byte of the object).
 */
int arch_entry_patch(const uint8_t *code, size_t len, taddr_t addr, taddr_t tramp,
		     taddr_t ool_addr, uint8_t *patch, uint8_t *ool, size_t *ool_len,
		     const char **why);
/*
 * --fast, calls through GOT slots without a stub (-fno-plt): found and rewritten where
 * they are made. An instruction at `at` uses the word at `ref` (a fixed address): to call
 * or jump through it, in the one form arch_site_patch rewrites, or otherwise (read).
 */
/* Decoding the code [addr, addr + len) from addr: 1 if an instruction starts at `at` and
 * is a direct branch to [lo, hi); 0 if none starts there or it branches elsewhere; -1 when
 * the decoding stops before `at` (an instruction it cannot decode). */
int arch_branch_at(const uint8_t *code, size_t len, taddr_t addr, taddr_t at, taddr_t lo,
		   taddr_t hi);
/* Every place of code (at any byte, instruction or not) that would be a direct branch if
 * run from there, with its target; is_short: one that reaches only nearby (x86: rel8). */
typedef void (*arch_branch_fn)(void *arg, taddr_t at, taddr_t target, bool is_short);
void arch_raw_branches(const uint8_t *code, size_t len, taddr_t addr, arch_branch_fn fn,
		       void *arg);

enum arch_slot_use { ARCH_SLOT_CALLED, ARCH_SLOT_JUMPED, ARCH_SLOT_READ };
typedef void (*arch_slot_fn)(void *arg, taddr_t at, taddr_t ref, enum arch_slot_use how);
/* Each instruction of the function [addr, addr + len) with an operand at a fixed address.
 * 0, or -1 when the code cannot be decoded to its end. */
int arch_fixed_refs(const uint8_t *code, size_t len, taddr_t addr, arch_slot_fn use, void *arg);
/* Every place of code (at any byte, instruction or not) that would be such a call or
 * jump if run from there: what the decoded functions must account for. */
void arch_raw_slot_calls(const uint8_t *code, size_t len, taddr_t addr, arch_slot_fn use,
			 void *arg);
/* The patch (ARCH_SITE_PATCH bytes, returned) that sends such a call or jump at site to
 * tramp instead, the return address unchanged; -1 when tramp is out of reach. */
#define ARCH_SITE_PATCH 6
int arch_site_patch(enum arch_slot_use how, taddr_t site, taddr_t tramp, uint8_t *patch);
void arch_fast_call_regs(struct arch_regs *regs, const uint64_t v[7], const uint64_t *saved,
			 taddr_t sp, taddr_t pc);
void arch_fast_return_regs(struct arch_regs *regs, const uint64_t v[2], taddr_t sp, taddr_t pc);
void arch_fast_fpregs(struct arch_fpregs *fp, const uint64_t *xmm, size_t n);
/* The thread pointer (what the agent keys its thread table on). */
uint64_t arch_thread_pointer(const struct arch_regs *regs);

/* System calls (-S): the AUDIT_ARCH_* value seccomp filters see for this architecture's
 * calls. The table of calls is the architecture's syscalls.tbl (syscalls/). */
extern const uint32_t arch_audit_arch;

#endif
