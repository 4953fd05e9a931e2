#include "proto/expr.h"

#include "proto/format.h"

struct expr *proto_expr_new(struct arena *a, enum expr_kind kind, uint64_t value)
{
	struct expr *e = proto_arena_alloc(a, sizeof(*e));

	e->kind = kind;
	e->value = value;
	return e;
}

static int eval_arg(uint64_t n, const struct eval_env *env, uint64_t *out)
{
	const struct argval *v;

	if (n == 0)
		v = env->ret;
	else if (n <= env->nargs)
		v = &env->args[n - 1];
	else
		return -1;
	if (v == NULL || !proto_type_is_integral(v->type))
		return -1;
	*out = proto_value_int(v->type, v->bytes);
	return 0;
}

static int eval_elt(uint64_t n, const struct eval_env *env, uint64_t *out)
{
	if (env->st == NULL || n == 0 || n > env->st->nfields)
		return -1;
	const struct type *f = env->st->fields[n - 1];
	if (!proto_type_is_integral(f))
		return -1;
	*out = proto_value_int(f, env->st_bytes + proto_type_field_offset(env->st, (size_t)n - 1));
	return 0;
}

int proto_expr_eval(const struct expr *e, const struct eval_env *env, uint64_t *out)
{
	switch (e->kind) {
	case EXPR_CONST:
		*out = e->value;
		return 0;
	case EXPR_ARG:
		return eval_arg(e->value, env, out);
	case EXPR_ELT:
		return eval_elt(e->value, env, out);
	default:
		return -1;
	}
}
