#include "proto/call.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "sysdeps/arch.h"

#define GUESS_ARGS 4
#define FORMAT_MAX 4096 /* longest format string decoded */

static struct argval *push(struct proto_call *c, const struct type *t)
{
	if (c->nargs == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->args = xrealloc(c->args, c->cap * sizeof(*c->args));
	}
	struct argval *v = &c->args[c->nargs++];
	memset(v, 0, sizeof(*v));
	v->type = t;
	return v;
}

static void put_word(unsigned char *bytes, uint64_t w)
{
	for (size_t i = 0; i < 8; i++)
		bytes[i] = (unsigned char)(w >> (8 * i));
}

#define MEMBERS_MAX 64 /* scalar members of a struct told to the architecture */

_Static_assert(sizeof(((struct argval *)0)->bytes) >= ARCH_AGGREGATE_OUT,
	       "a struct passed in registers fits in an argval");

struct members {
	struct arch_scalar v[MEMBERS_MAX];
	size_t n;
};

/* The scalar members of t at offset off, in order (what a calling convention looks at). */
static void flatten(const struct type *t, size_t off, struct members *m)
{
	const struct type *s = proto_type_strip(t);

	if (s->kind == TK_STRUCT) {
		for (size_t i = 0; i < s->nfields; i++)
			flatten(s->fields[i], off + proto_type_field_offset(s, i), m);
	} else if (s->kind == TK_ARRAY) {
		size_t esz = proto_type_size(s->target);
		for (size_t i = 0; esz != 0 && i < proto_type_size(s) / esz; i++)
			flatten(s->target, off + i * esz, m);
	} else if (proto_type_size(s) > 0 && m->n < MEMBERS_MAX) {
		m->v[m->n++] = (struct arch_scalar){ off, proto_type_size(s),
						     proto_type_is_float(s) };
	}
}

/* Whether the function returning t takes a hidden first argument (the return buffer). */
static bool hidden_return_arg(const struct type *t)
{
	const struct type *s = t ? proto_type_strip(t) : NULL;
	struct members m = { .n = 0 };

	if (s == NULL || s->kind != TK_STRUCT)
		return false;
	flatten(s, 0, &m);
	return arch_hidden_return_arg(m.v, m.n, proto_type_size(s));
}

/* A struct by value, as the architecture passes it: its bytes, or where it is in memory
 * (v->indirect). */
static void fetch_struct(struct argval *v, struct arg_cursor *args, const struct type *s,
			 bool ret)
{
	struct members m = { .n = 0 };
	taddr_t at = 0;

	flatten(s, 0, &m);
	int rc = arch_fetch_aggregate(args, m.v, m.n, proto_type_size(s), ret, v->bytes, &at);
	if (rc == 1) {
		memset(v->bytes, 0, sizeof(v->bytes));
		put_word(v->bytes, at);
		v->indirect = true;
	}
	v->unknown = rc < 0;
}

/* One value of type t (NULL: an integer) from the cursor, as its register image; ret: a
 * return value. */
static void fetch_value(struct argval *v, struct arg_cursor *args, const struct type *t,
			bool ret)
{
	const struct type *s = t ? proto_type_strip(t) : NULL;

	if (s && s->kind == TK_FLOAT) {
		float f = args->ops->next_float(args->ctx);
		memcpy(v->bytes, &f, sizeof(f));
	} else if (s && s->kind == TK_DOUBLE) {
		double d = args->ops->next_double(args->ctx);
		memcpy(v->bytes, &d, sizeof(d));
	} else if (s && s->kind == TK_STRUCT) {
		fetch_struct(v, args, s, ret);
	} else {
		put_word(v->bytes, args->ops->next_int(args->ctx));
	}
}

void proto_fetch_long_double(struct proto_call *c, struct arg_cursor *args)
{
	struct argval *v = push(c, proto_type_primitive(TK_DOUBLE));
	double d = args->ops->next_long_double ? args->ops->next_long_double(args->ctx)
					       : args->ops->next_double(args->ctx);

	memcpy(v->bytes, &d, sizeof(d));
}

void proto_fetch_arg(struct proto_call *c, struct arg_cursor *args, const struct type *t)
{
	fetch_value(push(c, t), args, t, false);
}

/* The format string at addr, up to FORMAT_MAX bytes; NULL when unreadable. */
static char *read_format(struct arg_cursor *mem, taddr_t addr)
{
	char *s = xmalloc(FORMAT_MAX + 1);
	size_t n = 0;

	while (n < FORMAT_MAX) {
		size_t chunk = 64 - (size_t)((addr + n) % 64);
		if (chunk > FORMAT_MAX - n)
			chunk = FORMAT_MAX - n;
		if (!proto_mem_read(mem, addr + n, s + n, chunk) &&
		    !proto_mem_read(mem, addr + n, s + n, chunk = 1))
			break;
		void *nul = memchr(s + n, 0, chunk);
		n += chunk;
		if (nul != NULL)
			return s;
	}
	s[n] = '\0';
	if (n > 0)
		return s;
	free(s);
	return NULL;
}

/* A format string of esz-byte characters (format(wstring_t)) at addr, up to FORMAT_MAX of
 * them, narrowed for the decoder: ASCII kept, any other character made 0x7f, which no
 * conversion uses. NULL when unreadable. */
static char *read_wide_format(struct arg_cursor *mem, taddr_t addr, size_t esz)
{
	char *s = xmalloc(FORMAT_MAX + 1);
	unsigned char e[4];
	size_t n = 0;

	for (; n < FORMAT_MAX && proto_mem_read(mem, addr + n * esz, e, esz); n++) {
		uint32_t ch = 0;
		for (size_t i = esz; i-- > 0;)
			ch = ch << 8 | e[i];
		if (ch == 0) {
			s[n] = '\0';
			return s;
		}
		s[n] = ch < 0x80 ? (char)ch : 0x7f;
	}
	s[n] = '\0';
	if (n > 0)
		return s;
	free(s);
	return NULL;
}

static void fetch_param(struct proto_call *c, struct arg_cursor *args, const struct param *p)
{
	const struct type *s = proto_type_strip(p->type);

	if (p->out && c->first_out == SIZE_MAX)
		c->first_out = c->nargs;
	proto_fetch_arg(c, args, p->type);
	if (s->kind != TK_FORMAT)
		return;
	taddr_t addr = proto_value_int(proto_type_primitive(TK_ULONG), c->args[c->nargs - 1].bytes);
	size_t esz = proto_type_format_char_size(s);
	char *fmt = addr == 0 ? NULL : esz > 1 ? read_wide_format(args, addr, esz)
					       : read_format(args, addr);
	if (fmt != NULL)
		proto_printf_fetch(c, args, fmt);
	free(fmt);
}

struct proto_call *proto_call_fetch(const struct proto *p, struct arg_cursor *args)
{
	struct proto_call *c = xcalloc(1, sizeof(*c));

	c->proto = p;
	c->first_out = SIZE_MAX;
	if (p == NULL) {
		for (size_t i = 0; i < GUESS_ARGS; i++)
			proto_fetch_arg(c, args, NULL);
	} else {
		if (hidden_return_arg(p->ret))
			(void)args->ops->next_int(args->ctx); /* the hidden return buffer */
		for (size_t i = 0; i < p->nparams; i++)
			fetch_param(c, args, &p->params[i]);
	}
	if (c->first_out == SIZE_MAX)
		c->first_out = c->nargs;
	return c;
}

bool proto_call_has_output(const struct proto_call *c)
{
	return c->first_out < c->nargs;
}

void proto_call_return(struct proto_call *c, struct arg_cursor *ret)
{
	const struct type *t = c->proto ? c->proto->ret : NULL;

	memset(&c->ret, 0, sizeof(c->ret));
	c->ret.type = t;
	if (t == NULL || proto_type_strip(t)->kind != TK_VOID)
		fetch_value(&c->ret, ret, t, true);
	c->returned = true;
}

void proto_call_free(struct proto_call *c)
{
	if (c == NULL)
		return;
	proto_arena_free(&c->arena);
	free(c->args);
	free(c);
}
