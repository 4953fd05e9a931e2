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

#include "common/arg_cursor.h"
#include "common/strbuf.h"
#include "common/taddr.h"

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

/*
 * Forget the type names (typedefs) read so far, keeping the prototypes: each file loaded
 * into the table afterwards starts with none. Every prototype file has its own type names,
 * as in ltrace, so two files may both define "typedef signum = ...".
 */
void proto_table_forget_types(struct proto_table *table);

/* The prototype named name, or NULL. Valid while the table lives. */
const struct proto *proto_table_lookup(const struct proto_table *table, const char *name);

/* The type that a typedef of the table's files names name (the latest file's, when
 * several do, type names forgotten since included), or NULL. Valid while the table
 * lives. */
struct type;
const struct type *proto_table_type(const struct proto_table *table, const char *name);

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

/*
 * Calls with output arguments. In ltrace.conf a '+' before an argument means that it, and
 * every argument after it, is shown when the call returns ("read(3 <unfinished ...>" then
 * "<... read resumed> , \"abc\", 10) = 3"). All argument values, including the ones a
 * format string implies, must be fetched at the call, because the registers are gone by the
 * time it returns; pointed-to memory is read when the values are formatted.
 */
struct proto_call;

/* Fetch the arguments of a call to p (NULL: the four-integer guess). Never fails. */
struct proto_call *proto_call_fetch(const struct proto *p, struct arg_cursor *args);
/* Whether some arguments are shown only when the call returns. */
bool proto_call_has_output(const struct proto_call *c);
/* The arguments shown at the call: those before the first output argument ("3"). mem is
 * used only to read tracee memory. */
void proto_call_format_in(struct strbuf *out, const struct proto_call *c,
			  struct arg_cursor *mem, const struct fmt_opts *opts);
/* Fetch the return value (as for proto_format_ret: next_int is rax, next_double xmm0). */
void proto_call_return(struct proto_call *c, struct arg_cursor *ret);
/* The arguments shown at return (", \"abc\", 10"): with a leading ", " when the call part
 * showed some. Expressions such as string[retval] need proto_call_return first. */
void proto_call_format_out(struct strbuf *out, const struct proto_call *c,
			   struct arg_cursor *mem, const struct fmt_opts *opts);
/* The return value ("3", "<void>"), after proto_call_return. */
void proto_call_format_ret(struct strbuf *out, const struct proto_call *c,
			   struct arg_cursor *mem, const struct fmt_opts *opts);
void proto_call_free(struct proto_call *c);

/* The function name of a prototype. */
const char *proto_name(const struct proto *p);
/* Whether p has an output ('+') argument. */
bool proto_has_output(const struct proto *p);
/* The names of "import" lines, in order: the i-th, or NULL past the last. */
const char *proto_table_import(const struct proto_table *table, size_t i);

/*
 * How `import "NAME";` finds the file it names: resolve(name, importing_file, ctx) returns
 * a path (malloc'd) or NULL when there is none. The file is then read into the same table
 * at that point, so its types and prototypes are visible to the lines after the import;
 * a file already read in the current type scope (see proto_table_forget_types) is not
 * read again, which also ends import cycles. Without a resolver, imports are only
 * recorded (proto_table_import).
 */
typedef char *(*proto_import_resolver)(const char *name, const char *from, void *ctx);
void proto_table_set_import_resolver(struct proto_table *table, proto_import_resolver resolve,
				     void *ctx);

#endif
