/*
 * The breakpoint table of one address space. A breakpoint is planted once and never
 * lifted while the program runs: a thread that hits it is sent on its way by emulating
 * the original instruction (a PLT stub's jump through its GOT slot) or by running a
 * relocated copy of it out of line in the scratch area.
 */
#ifndef LTRACE_BREAKPOINT_H
#define LTRACE_BREAKPOINT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "common/taddr.h"
#include "sysdeps/arch.h"

struct proto;

enum bp_resume {
	BP_RESUME_SLOT_JUMP, /* a PLT stub: continue at the address stored in `slot` */
	BP_RESUME_OUT_OF_LINE, /* continue at `ool`, a relocated copy of the instruction */
};

/* What a stop at this address means; one address can mean several things. */
enum bp_role {
	BP_ROLE_CALL = 1,   /* a traced function is entered: print its left half */
	BP_ROLE_RETURN = 2, /* a traced call may be returning here */
	BP_ROLE_LIBS = 4,   /* the dynamic loader's hook: the list of libraries changed */
	BP_ROLE_DIRECT = 8, /* a function's entry, for calls from some objects (-fno-plt) */
	BP_ROLE_START = 16, /* the program's entry point, a new object's initialiser: relocations
			    * are done */
	BP_ROLE_RESOLVER = 32, /* an IFUNC's resolver (-x): its return value is the function
				* to trace, under the IFUNC's name (`ifunc`) */
	BP_ROLE_HOOK = 64,  /* --fast: a PLT stub sent into the agent for what it does there
			     * (the unwinder's entries), not traced unless also a call */
	BP_ROLE_UNWIND = 128, /* --fast: a function that walks the stack, reached through
			       * no stub (glibc's forced unwind: thread exit, cancellation) */
	BP_ROLE_SITE = 256, /* --fast: a call through a GOT slot (-fno-plt) rewritten to go
			     * to the agent: never a trap, only its bytes to put back */
};

/* A traced function as shown at a breakpoint. */
struct bp_callee {
	const char *name;          /* as shown at the call (interned): "caller->f", "f@lib" */
	const char *func;          /* the function alone (interned, demangled with -C): in
				    * "<... f resumed>" and -c's table */
	const struct proto *proto; /* its prototype, or NULL (once proto_known) */
	taddr_t lo, hi;            /* BP_ROLE_DIRECT: the calling object's addresses */
	taddr_t skip_lo, skip_hi;  /* BP_ROLE_CALL: calls returning here are not shown (the
				    * start-up code's call of __libc_start_main by a PLT) */
	const char *sym;           /* the symbol (interned): its prototype is looked up at
				    * the first call, when the defining object is loaded */
	bool defined_here;         /* -x: the breakpoint is in the object defining sym */
	bool clone;                /* -x: at a clone of sym whose parameters may differ
				    * (sym.isra.0): its DWARF, the source's, is not used */
	bool proto_known;          /* proto has been looked up */
};

struct breakpoint {
	taddr_t addr;
	uint8_t orig[ARCH_PATCH_MAX]; /* the original bytes under the breakpoint (and patch) */
	uint8_t orig_len;
	unsigned roles;
	enum bp_resume resume;
	taddr_t slot; /* BP_RESUME_SLOT_JUMP */
	taddr_t trap; /* 0, or the breakpoint in the trampoline that a patched PLT stub jumps
		       * to (an alias of this one): a thread that traps there has the return
		       * address in a register and goes on from where it trapped */
	taddr_t ool;  /* BP_RESUME_OUT_OF_LINE: the copy; the instruction copied */
	uint8_t insn[16];
	uint8_t insn_len;
	struct bp_callee callee;   /* BP_ROLE_CALL: the function */
	struct bp_callee ifunc;    /* BP_ROLE_RESOLVER: the IFUNC, as its choice is shown */
	struct bp_callee *callers; /* BP_ROLE_DIRECT: one per calling object (owned) */
	size_t ncallers;
};

/* BP_ROLE_DIRECT: the entry for calls returning to ret_addr, or NULL. */
struct bp_callee *bp_caller_of(struct breakpoint *bp, taddr_t ret_addr);
/* BP_ROLE_DIRECT: add (or replace) the entry for calls from [c->lo, c->hi). */
void bp_add_caller(struct breakpoint *bp, const struct bp_callee *c);

struct bp_table;

struct bp_table *bp_table_new(void);
void bp_table_free(struct bp_table *t);

/* The breakpoint at addr, or NULL. */
struct breakpoint *bp_find(const struct bp_table *t, taddr_t addr);

/* Add a breakpoint record (not yet written to memory); returns it, zeroed but for addr.
 * The pointer stays valid until bp_table_free. */
struct breakpoint *bp_add(struct bp_table *t, taddr_t addr);

/* Write the breakpoint instruction, saving the original bytes. 0, or -1 with errno. */
int bp_plant(struct breakpoint *bp, pid_t pid, int mem_fd);

/* The same with a longer patch of code that replaces the first instructions at bp->addr:
 * the bytes behind the first are written while a breakpoint stands in front of them. */
int bp_plant_patch(struct breakpoint *bp, pid_t pid, int mem_fd, const uint8_t *patch,
		   size_t len);

/* Make hits at key (another address than bp->addr: a trampoline's breakpoint) mean bp,
 * and set bp->trap. 0, or -1 if key already means something. */
int bp_alias(struct bp_table *t, taddr_t key, struct breakpoint *bp);

/* Put back the original bytes of every planted breakpoint (in the address space that
 * mem_fd names: the process itself, or a forked child's copy), every thread of which is
 * stopped. */
void bp_unplant_all(const struct bp_table *t, int mem_fd);

/* Forget the breakpoints in [lo, hi), with their aliases, and the other breakpoints'
 * entries for calls from there (an object that was unloaded: nothing to unplant). */
void bp_forget_range(struct bp_table *t, taddr_t lo, taddr_t hi);

/* A copy of the table (for a forked child's copy of the address space). */
struct bp_table *bp_table_clone(const struct bp_table *t);

/* Call fn for each breakpoint. */
void bp_for_each(const struct bp_table *t, void (*fn)(struct breakpoint *, void *), void *arg);

#endif
