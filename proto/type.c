#include "proto/type.h"

#include "proto/expr.h"

/* Sizes saturate here, far above anything the formatter reads. */
#define TYPE_SIZE_CAP ((size_t)1 << 40)

static struct type primitives[] = {
	[TK_VOID] = { .kind = TK_VOID },     [TK_CHAR] = { .kind = TK_CHAR },
	[TK_SHORT] = { .kind = TK_SHORT },   [TK_USHORT] = { .kind = TK_USHORT },
	[TK_INT] = { .kind = TK_INT },       [TK_UINT] = { .kind = TK_UINT },
	[TK_LONG] = { .kind = TK_LONG },     [TK_ULONG] = { .kind = TK_ULONG },
	[TK_FLOAT] = { .kind = TK_FLOAT },   [TK_DOUBLE] = { .kind = TK_DOUBLE },
};

struct type *proto_type_primitive(enum type_kind kind)
{
	if (kind > TK_DOUBLE)
		return &primitives[TK_VOID];
	return &primitives[kind];
}

struct type *proto_type_new(struct arena *a, enum type_kind kind)
{
	struct type *t = proto_arena_alloc(a, sizeof(*t));

	t->kind = kind;
	return t;
}

struct type *proto_type_new_pointer(struct arena *a, struct type *target)
{
	struct type *t = proto_type_new(a, TK_POINTER);

	t->target = target;
	return t;
}

struct type *proto_type_new_array(struct arena *a, struct type *elem, struct expr *len)
{
	struct type *t = proto_type_new(a, TK_ARRAY);

	t->target = elem;
	t->len = len;
	return t;
}

struct type *proto_type_new_lens(struct arena *a, enum lens_kind lens, struct type *target)
{
	struct type *t = proto_type_new(a, TK_LENS);

	t->lens = lens;
	t->target = target;
	return t;
}

struct type *proto_type_new_string_of(struct arena *a, struct type *elem, struct expr *len)
{
	struct expr *zero = proto_expr_new(a, EXPR_ZERO, 0);

	zero->max = len;
	struct type *arr = proto_type_new_array(a, elem, zero);
	return proto_type_new_lens(a, LENS_STRING, proto_type_new_pointer(a, arr));
}

struct type *proto_type_new_string(struct arena *a, struct expr *len)
{
	return proto_type_new_string_of(a, proto_type_primitive(TK_CHAR), len);
}

const struct type *proto_type_strip(const struct type *t)
{
	while (t->kind == TK_LENS)
		t = t->target;
	return t;
}

const struct type *proto_type_lens(const struct type *t)
{
	return t->kind == TK_LENS ? t : NULL;
}

bool proto_type_is_integral(const struct type *t)
{
	enum type_kind k = proto_type_strip(t)->kind;

	return k >= TK_CHAR && k <= TK_ULONG;
}

bool proto_type_is_float(const struct type *t)
{
	enum type_kind k = proto_type_strip(t)->kind;

	return k == TK_FLOAT || k == TK_DOUBLE;
}

bool proto_type_is_signed(const struct type *t)
{
	enum type_kind k = proto_type_strip(t)->kind;

	return k == TK_CHAR || k == TK_SHORT || k == TK_INT || k == TK_LONG;
}

size_t proto_type_format_char_size(const struct type *fmt)
{
	if (fmt->target == NULL)
		return 1;
	const struct type *p = proto_type_strip(fmt->target);
	if (p->kind != TK_POINTER)
		return 0;
	const struct type *a = proto_type_strip(p->target);
	if (a->kind != TK_ARRAY || !proto_type_is_integral(a->target))
		return 0;
	size_t size = proto_type_size(a->target);
	return size == 1 || size == 2 || size == 4 ? size : 0;
}

bool proto_type_is_hidden(const struct type *t)
{
	return t->kind == TK_LENS && t->lens == LENS_HIDE;
}

static size_t struct_size(const struct type *t)
{
	size_t off = 0, align = 1;

	for (size_t i = 0; i < t->nfields; i++) {
		size_t a = proto_type_align(t->fields[i]);
		off = (off + a - 1) / a * a + proto_type_size(t->fields[i]);
		if (off > TYPE_SIZE_CAP)
			return TYPE_SIZE_CAP;
		if (a > align)
			align = a;
	}
	return (off + align - 1) / align * align;
}

/* The constant element count, or 0 with false. */
static bool array_count(const struct type *t, uint64_t *n)
{
	const struct expr *e = t->len;

	if (e != NULL && e->kind == EXPR_ZERO)
		e = e->max;
	if (e == NULL || e->kind != EXPR_CONST || e->value > (1u << 20)) {
		*n = 0;
		return false;
	}
	*n = e->value;
	return true;
}

bool proto_type_array_sized(const struct type *t)
{
	uint64_t n;

	return array_count(proto_type_strip(t), &n);
}

static size_t array_size(const struct type *t)
{
	uint64_t n;

	array_count(t, &n);
	size_t e = proto_type_size(t->target);
	if (n && e > TYPE_SIZE_CAP / n)
		return TYPE_SIZE_CAP;
	return (size_t)n * e;
}

size_t proto_type_size(const struct type *t)
{
	t = proto_type_strip(t);
	switch (t->kind) {
	case TK_VOID: return 0;
	case TK_CHAR: return 1;
	case TK_SHORT: case TK_USHORT: return 2;
	case TK_INT: case TK_UINT: case TK_FLOAT: return 4;
	case TK_ARRAY: return array_size(t);
	case TK_STRUCT: return struct_size(t);
	default: return 8;
	}
}

size_t proto_type_align(const struct type *t)
{
	t = proto_type_strip(t);
	if (t->kind == TK_ARRAY)
		return proto_type_align(t->target);
	if (t->kind == TK_STRUCT) {
		size_t align = 1;
		for (size_t i = 0; i < t->nfields; i++)
			if (proto_type_align(t->fields[i]) > align)
				align = proto_type_align(t->fields[i]);
		return align;
	}
	size_t s = proto_type_size(t);
	return s ? s : 1;
}

size_t proto_type_field_offset(const struct type *t, size_t i)
{
	size_t off = 0;

	t = proto_type_strip(t);
	for (size_t j = 0; j <= i && j < t->nfields; j++) {
		size_t a = proto_type_align(t->fields[j]);
		off = (off + a - 1) / a * a;
		if (j < i)
			off += proto_type_size(t->fields[j]);
	}
	return off;
}
