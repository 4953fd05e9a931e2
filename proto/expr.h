/* Length expressions of ltrace.conf(5): NUM, argN, retval, eltN, zero, zero(EXPR). */
#ifndef LTRACE_PROTO_EXPR_H
#define LTRACE_PROTO_EXPR_H

#include <stdbool.h>
#include <stdint.h>

#include "proto/arena.h"

enum expr_kind {
	EXPR_CONST, /* value */
	EXPR_ARG,   /* value: argument number, 1-based; 0 is the return value */
	EXPR_ELT,   /* value: element number of the enclosing struct, 1-based */
	EXPR_ZERO,  /* up to the first all-zero element; max: the bound, or NULL */
};

struct expr {
	enum expr_kind kind;
	uint64_t value;
	struct expr *max; /* EXPR_ZERO */
};

struct expr *proto_expr_new(struct arena *a, enum expr_kind kind, uint64_t value);

/* Where argN, retval and eltN take their values from; see format.h. */
struct eval_env;

/* The value of a non-zero expression; returns -1 when it cannot be known (argument out
 * of range, return value not there yet, field not integral). */
int proto_expr_eval(const struct expr *e, const struct eval_env *env, uint64_t *out);

#endif
