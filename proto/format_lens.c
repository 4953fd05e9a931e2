#include "proto/format.h"

#include <string.h>

/* The integral value under a lens, masked to its size; false when not integral. */
static bool lens_uint(const struct type *t, const unsigned char *bytes, uint64_t *v)
{
	if (!proto_type_is_integral(t) || bytes == NULL)
		return false;
	*v = proto_value_uint(t, bytes);
	return true;
}

static double lens_double(const struct type *t, const unsigned char *bytes)
{
	if (proto_type_strip(t)->kind == TK_FLOAT) {
		float f;
		memcpy(&f, bytes, sizeof(f));
		return f;
	}
	double d;
	memcpy(&d, bytes, sizeof(d));
	return d;
}

static bool format_radix(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
			 bool hex)
{
	uint64_t v;

	if (lens_uint(t->target, bytes, &v)) {
		if (hex)
			strbuf_printf(c->out, v ? "0x%" PRIx64 : "%" PRIx64, v);
		else
			strbuf_printf(c->out, "0%" PRIo64, v);
		return true;
	}
	if (hex && proto_type_is_float(t->target) && bytes != NULL) {
		strbuf_printf(c->out, "%a", lens_double(t->target, bytes));
		return true;
	}
	return false;
}

/* A value matches an enumerator when they agree in the bits of the underlying type: read
 * as an unsigned 0xffff, an enum[ushort] value is the enumerator -1. */
static bool format_enum(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	uint64_t v, mask = ~(uint64_t)0;
	size_t size = proto_type_size(t->target);

	if (!lens_uint(t->target, bytes, &v))
		return false;
	if (size < 8)
		mask = ((uint64_t)1 << (8 * size)) - 1;
	for (size_t i = 0; i < t->nitems; i++) {
		if (((uint64_t)t->items[i].value & mask) == v) {
			strbuf_append(c->out, t->items[i].name);
			return true;
		}
	}
	return false;
}

static bool format_bool(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	size_t size = proto_type_size(t->target);

	if (bytes == NULL || size > 16 || proto_type_strip(t->target)->kind == TK_POINTER)
		return false; /* a pointer: what it points to is shown in the lens */
	bool set = false;
	for (size_t i = 0; i < size; i++)
		set |= bytes[i] != 0;
	strbuf_append(c->out, set ? "true" : "false");
	return true;
}

static bool format_bits(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	size_t size = proto_type_size(t->target);
	unsigned char le[8];
	uint64_t v;

	if (lens_uint(t->target, bytes, &v)) {
		for (size_t i = 0; i < sizeof(le); i++)
			le[i] = (unsigned char)(v >> (8 * i));
		proto_format_bitvec(c, le, 8 * size);
		return true;
	}
	if (bytes == NULL || proto_type_strip(t->target)->kind == TK_POINTER)
		return false;
	proto_format_bitvec(c, bytes, 8 * size);
	return true;
}

/* bitvec over a pointer: the bits of the pointee. */
static bool format_bits_at(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes)
{
	const struct type *u = proto_type_strip(t->target);
	unsigned char buf[256];

	if (u->kind != TK_POINTER || bytes == NULL)
		return false;
	taddr_t p = proto_value_int(u, bytes);
	size_t size = proto_type_size(u->target);
	if (p == 0 || size > sizeof(buf) || !proto_mem_read(c->mem, p, buf, size))
		return false;
	proto_format_bitvec(c, buf, 8 * size);
	return true;
}

/* What a lens does not show itself: hex, oct and bool over a pointer, an array or a struct
 * go on to the numbers inside. */
static void format_under(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
			 bool has_addr, taddr_t addr)
{
	const struct type *saved = c->inherit;
	enum type_kind k = proto_type_strip(t)->kind;

	if ((t->lens == LENS_HEX || t->lens == LENS_OCT || t->lens == LENS_BOOL) &&
	    (k == TK_POINTER || k == TK_ARRAY || k == TK_STRUCT))
		c->inherit = t;
	proto_format_value(c, t->target, bytes, has_addr, addr);
	c->inherit = saved;
}

void proto_format_lens(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		 bool has_addr, taddr_t addr)
{
	unsigned char buf[16];
	bool done = false;

	if (bytes == NULL && t->lens != LENS_STRING && proto_type_size(t) <= sizeof(buf) &&
	    proto_type_strip(t)->kind != TK_ARRAY && proto_mem_read(c->mem, addr, buf, proto_type_size(t)))
		bytes = buf;
	switch (t->lens) {
	case LENS_HIDE: done = true; break;
	case LENS_HEX: done = format_radix(c, t, bytes, true); break;
	case LENS_OCT: done = format_radix(c, t, bytes, false); break;
	case LENS_BOOL: done = format_bool(c, t, bytes); break;
	case LENS_ENUM: done = format_enum(c, t, bytes); break;
	case LENS_BITVEC: done = format_bits(c, t, bytes) || format_bits_at(c, t, bytes); break;
	case LENS_STRING:
		proto_format_string_lens(c, t, bytes, has_addr, addr);
		done = true;
		break;
	}
	if (!done)
		format_under(c, t, bytes, has_addr, addr);
}
