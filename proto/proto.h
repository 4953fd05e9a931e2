/*
 * Prototypes: the type system, the ltrace.conf(5) parser, and the formatter that turns
 * raw argument values into the text ltrace prints.
 *
 * The formatter never reads registers itself: it pulls arguments from an arg_cursor, which
 * the architecture layer implements (integer-class and floating-point-class arguments in
 * calling-convention order, registers first, then the stack). Tracee memory is read through
 * the cursor too, so this module has no ptrace in it and is unit-testable.
 */
#ifndef LTRACE_PROTO_H
#define LTRACE_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "common/strbuf.h"
#include "common/taddr.h"

struct arg_cursor_ops {
	/* The next integer-class argument (or, for a return value, the integer return register). */
	uint64_t (*next_int)(void *ctx);
	/* The next floating-point argument of type double (float: see next_float). */
	double (*next_double)(void *ctx);
	float (*next_float)(void *ctx);
	/* Read up to len bytes of tracee memory at addr; returns bytes read, or -1. Never fails
	 * the line: callers print the address when memory cannot be read. */
	ssize_t (*read_mem)(void *ctx, taddr_t addr, void *buf, size_t len);
};

struct arg_cursor {
	const struct arg_cursor_ops *ops;
	void *ctx;
};

struct fmt_opts {
	unsigned string_limit; /* -s: longest string shown before "..." (default 32) */
	unsigned array_limit;  /* -A: most array elements / struct depth shown */
};

struct proto;        /* one function's prototype; owned by its table */
struct proto_table;  /* a set of prototypes, looked up by name */

struct proto_table *proto_table_new(void);
void proto_table_free(struct proto_table *table);

/*
 * Parse a prototype file into the table. Errors are written to err as
 * "FILE:LINE: what is wrong\n"; a broken declaration is skipped and parsing goes on.
 * Returns 0 when the whole file parsed, -1 if it could not be opened or had errors.
 */
int proto_table_load_file(struct proto_table *table, const char *path, FILE *err);
/* The same for text already in memory; name is used in error messages. */
int proto_table_load_string(struct proto_table *table, const char *name, const char *text,
			    FILE *err);

/* The prototype named name, or NULL. Valid while the table lives. */
const struct proto *proto_table_lookup(const struct proto_table *table, const char *name);

/*
 * Format the arguments of a call as ltrace prints them between the parentheses
 * ("10", "\"hi\", 2"). With p == NULL, use ltrace's heuristic for an unknown function
 * (four integer arguments, decimal when -10000 <= v <= 10000, otherwise hex).
 */
void proto_format_args(struct strbuf *out, const struct proto *p, struct arg_cursor *args,
		       const struct fmt_opts *opts);
/* Format the return value ("2", "<void>", "0x55d0c2a0"); p == NULL: the heuristic. */
void proto_format_ret(struct strbuf *out, const struct proto *p, struct arg_cursor *ret,
		      const struct fmt_opts *opts);

#endif
