#include "proto/call.h"

static void setup(struct fmt_ctx *fc, struct strbuf *out, const struct proto_call *c,
		  struct arg_cursor *mem, const struct fmt_opts *opts)
{
	proto_fmt_ctx_init(fc, out, mem, opts);
	fc->env.args = c->args;
	fc->env.nargs = c->nargs;
	fc->env.ret = c->returned ? &c->ret : NULL;
}

static void format_one(struct fmt_ctx *fc, const struct argval *v)
{
	if (v->type == NULL)
		strbuf_put_guess(fc->out, proto_value_int(proto_type_primitive(TK_ULONG), v->bytes));
	else
		proto_format_top(fc, v);
}

/* Arguments [from, to) joined by ", "; returns how many were shown. */
static size_t format_range(struct fmt_ctx *fc, const struct proto_call *c, size_t from,
			   size_t to, bool comma)
{
	size_t shown = 0;

	for (size_t i = from; i < to; i++) {
		const struct argval *v = &c->args[i];
		if (v->type != NULL && proto_type_is_hidden(v->type))
			continue;
		if (comma || shown > 0)
			strbuf_append(fc->out, ", ");
		format_one(fc, v);
		shown++;
	}
	return shown;
}

void proto_call_format_in(struct strbuf *out, const struct proto_call *c,
			  struct arg_cursor *mem, const struct fmt_opts *opts)
{
	struct fmt_ctx fc;

	setup(&fc, out, c, mem, opts);
	format_range(&fc, c, 0, c->first_out, false);
}

static bool any_shown(const struct proto_call *c, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (c->args[i].type == NULL || !proto_type_is_hidden(c->args[i].type))
			return true;
	return false;
}

void proto_call_format_out(struct strbuf *out, const struct proto_call *c,
			   struct arg_cursor *mem, const struct fmt_opts *opts)
{
	struct fmt_ctx fc;

	setup(&fc, out, c, mem, opts);
	format_range(&fc, c, c->first_out, c->nargs, any_shown(c, 0, c->first_out));
}

void proto_call_format_ret(struct strbuf *out, const struct proto_call *c,
			   struct arg_cursor *mem, const struct fmt_opts *opts)
{
	struct fmt_ctx fc;
	const struct type *t = c->proto ? c->proto->ret : NULL;

	setup(&fc, out, c, mem, opts);
	if (t != NULL && proto_type_strip(t)->kind == TK_VOID)
		strbuf_append(out, "<void>");
	else if (!c->returned)
		strbuf_append(out, "?");
	else
		format_one(&fc, &c->ret);
}

void proto_format_args(struct strbuf *out, const struct proto *p, struct arg_cursor *args,
		       const struct fmt_opts *opts)
{
	struct proto_call *c = proto_call_fetch(p, args);
	struct fmt_ctx fc;

	setup(&fc, out, c, args, opts);
	format_range(&fc, c, 0, c->nargs, false);
	proto_call_free(c);
}

void proto_format_ret(struct strbuf *out, const struct proto *p, struct arg_cursor *ret,
		      const struct fmt_opts *opts)
{
	struct proto_call c = { .proto = p };

	proto_call_return(&c, ret);
	proto_call_format_ret(out, &c, ret, opts);
}
