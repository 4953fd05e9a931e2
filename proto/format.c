#include "proto/format.h"

#include <stdbool.h>
#include <string.h>

void proto_fmt_ctx_init(struct fmt_ctx *c, struct strbuf *out, struct arg_cursor *mem,
		  const struct fmt_opts *opts)
{
	/* Not the pointer stack (4 KiB): only its first nptrs entries are ever read. */
	c->env = (struct eval_env){ NULL, 0, NULL, NULL, NULL };
	c->nptrs = 0;
	c->inherit = NULL;
	c->out = out;
	c->mem = mem;
	c->string_limit = opts ? opts->string_limit : 32;
	c->array_limit = opts ? opts->array_limit : 4;
}

uint64_t proto_value_int(const struct type *t, const unsigned char *bytes)
{
	size_t size = proto_type_size(t);
	uint64_t v = 0;

	if (size > 8)
		size = 8;
	for (size_t i = 0; i < size; i++)
		v |= (uint64_t)bytes[i] << (8 * i);
	if (size && size < 8 && proto_type_is_signed(t) && (v >> (8 * size - 1)) & 1)
		v |= ~(uint64_t)0 << (8 * size);
	return v;
}

uint64_t proto_value_uint(const struct type *t, const unsigned char *bytes)
{
	size_t size = proto_type_size(t);
	uint64_t v = proto_value_int(t, bytes);

	return size < 8 ? v & (((uint64_t)1 << (8 * size)) - 1) : v;
}

const unsigned char *proto_value_bytes(struct fmt_ctx *c, const unsigned char *bytes,
				       taddr_t addr, unsigned char *buf, size_t size)
{
	if (bytes != NULL)
		return bytes;
	if (proto_mem_read(c->mem, addr, buf, size))
		return buf;
	strbuf_put_hex(c->out, addr);
	return NULL;
}

/* Up to len bytes at addr: from the window, filled from addr on a miss; a read as large
 * as the window goes around it. */
static ssize_t read_through(struct arg_cursor *mem, taddr_t addr, void *buf, size_t len)
{
	struct mem_window *w = mem->window;

	if (w == NULL || len >= sizeof(w->buf))
		return mem->ops->read_mem(mem->ctx, addr, buf, len);
	if (w->len == 0 || addr < w->base || addr - w->base >= w->len) {
		ssize_t n = mem->ops->read_mem(mem->ctx, addr, w->buf, sizeof(w->buf));
		if (n <= 0) {
			w->len = 0;
			return n;
		}
		w->base = addr;
		w->len = (size_t)n;
	}
	size_t off = (size_t)(addr - w->base), n = w->len - off < len ? w->len - off : len;
	memcpy(buf, w->buf + off, n);
	return (ssize_t)n;
}

bool proto_mem_read(struct arg_cursor *mem, taddr_t addr, void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len > 0) {
		size_t chunk = 4096 - (size_t)(addr % 4096);
		if (chunk > len)
			chunk = len;
		ssize_t n = read_through(mem, addr, p, chunk);
		if (n <= 0)
			return false;
		addr += (size_t)n;
		p += n;
		len -= (size_t)n < len ? (size_t)n : len;
	}
	return true;
}

/* As ltrace prints a floating-point value: C's %f (1.000000, 0.100000, -nan, inf). A float
 * is widened to a double first, as printf's variadic arguments are. */
static void format_float(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	double d;

	if (t->kind == TK_FLOAT) {
		float f;
		memcpy(&f, bytes, sizeof(f));
		d = f;
	} else {
		memcpy(&d, bytes, sizeof(d));
	}
	strbuf_printf(c->out, "%f", d);
}

static void format_integer(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	uint64_t v = proto_value_int(t, bytes);

	if (t->kind == TK_CHAR) {
		strbuf_putc(c->out, '\'');
		proto_escape_char(c->out, (unsigned char)v);
		strbuf_putc(c->out, '\'');
	} else if (proto_type_is_signed(t)) {
		strbuf_put_dec(c->out, (int64_t)v);
	} else {
		strbuf_put_udec(c->out, v);
	}
}

/* A number under a lens given to what holds it (c->inherit). */
static void format_inherited(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	const struct type *inherit = c->inherit;
	struct type lens = *inherit;

	lens.target = (struct type *)t;
	c->inherit = NULL; /* what the lens cannot show, it shows plain */
	proto_format_lens(c, &lens, bytes, false, 0);
	c->inherit = inherit;
}

/* Scalars held only in tracee memory are read first. */
static void format_scalar(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
			  taddr_t addr)
{
	unsigned char buf[8];

	bytes = proto_value_bytes(c, bytes, addr, buf, proto_type_size(t));
	if (bytes == NULL)
		return;
	if (c->inherit != NULL && (proto_type_is_integral(t) || proto_type_is_float(t)))
		format_inherited(c, t, bytes);
	else if (proto_type_is_float(t))
		format_float(c, t, bytes);
	else if (t->kind == TK_POINTER)
		proto_format_pointer(c, t, proto_value_int(t, bytes));
	else if (t->kind == TK_FORMAT && t->target != NULL)
		proto_format_value(c, t->target, bytes, false, 0); /* format(T): as its T */
	else if (t->kind == TK_FORMAT)
		proto_format_cstring(c, proto_value_int(t, bytes));
	else if (t->kind == TK_VOID)
		strbuf_append(c->out, "<void>");
	else
		format_integer(c, t, bytes);
}

void proto_format_value(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		  bool has_addr, taddr_t addr)
{
	if (bytes == NULL && !has_addr)
		return;
	switch (t->kind) {
	case TK_LENS:
		proto_format_lens(c, t, bytes, has_addr, addr);
		break;
	case TK_ARRAY:
		proto_format_array(c, t, bytes, has_addr, addr);
		break;
	case TK_STRUCT:
		proto_format_struct(c, t, bytes, has_addr, addr);
		break;
	default:
		format_scalar(c, t, bytes, addr);
		break;
	}
}

void proto_format_top(struct fmt_ctx *c, const struct argval *v)
{
	const struct type *s = proto_type_strip(v->type);

	if (s->kind == TK_ARRAY) {
		taddr_t p = proto_value_int(proto_type_primitive(TK_ULONG), v->bytes);
		if (p == 0)
			strbuf_append(c->out, "nil");
		else
			proto_format_value(c, v->type, NULL, true, p);
		return;
	}
	if (v->indirect) {
		proto_format_at(c, v->type, proto_value_int(proto_type_primitive(TK_ULONG), v->bytes));
		return;
	}
	if (v->unknown || proto_type_size(v->type) > sizeof(v->bytes)) {
		strbuf_append(c->out, "..."); /* passed in memory: not fetched */
		return;
	}
	proto_format_value(c, v->type, v->bytes, false, 0);
}
