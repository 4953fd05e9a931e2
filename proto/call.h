/* Internal: the argument values of one call (call.c) and the printf decoder (printf.c). */
#ifndef LTRACE_PROTO_CALL_H
#define LTRACE_PROTO_CALL_H

#include "proto/format.h"
#include "proto/table.h"

struct proto_call {
	struct arena arena; /* types made up for printf arguments */
	const struct proto *proto;
	struct argval *args;
	size_t nargs;
	size_t cap;
	size_t first_out; /* index of the first argument shown at return; nargs if none */
	bool returned;
	struct argval ret;
};

/* Fetch the next argument of type t (NULL: a guessed integer) from the cursor. */
void proto_fetch_arg(struct proto_call *c, struct arg_cursor *args, const struct type *t);
/* Fetch a long double argument (shown as a double). */
void proto_fetch_long_double(struct proto_call *c, struct arg_cursor *args);
/* Fetch the arguments that the printf format string fmt implies. */
void proto_printf_fetch(struct proto_call *c, struct arg_cursor *args, const char *fmt);

#endif
