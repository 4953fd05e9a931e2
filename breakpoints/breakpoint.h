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
};

struct breakpoint {
	taddr_t addr;
	uint8_t orig[ARCH_BREAKPOINT_SIZE];
	unsigned roles;
	enum bp_resume resume;
	taddr_t slot; /* BP_RESUME_SLOT_JUMP */
	taddr_t ool;  /* BP_RESUME_OUT_OF_LINE */
	const char *name;          /* BP_ROLE_CALL: the function (owned by the image) */
	const struct proto *proto; /* BP_ROLE_CALL: its prototype, or NULL */
};

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

/* Put back the original bytes of every planted breakpoint (in the address space that
 * mem_fd names: the process itself, or a forked child's copy). */
void bp_unplant_all(const struct bp_table *t, int mem_fd);

/* A copy of the table (for a forked child's copy of the address space). */
struct bp_table *bp_table_clone(const struct bp_table *t);

/* Call fn for each breakpoint. */
void bp_for_each(const struct bp_table *t, void (*fn)(struct breakpoint *, void *), void *arg);

#endif
