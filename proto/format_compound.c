#include "proto/format.h"

#include <stdlib.h>

#include "proto/expr.h"

#define MAX_READ (1u << 16) /* larger objects print as their address */

void proto_format_at(struct fmt_ctx *c, const struct type *t, taddr_t addr)
{
	const struct type *s = proto_type_strip(t);

	if (s->kind == TK_ARRAY) {
		proto_format_value(c, t, NULL, true, addr);
		return;
	}
	size_t size = proto_type_size(t);
	unsigned char small[16];
	unsigned char *buf = size <= sizeof(small) ? small : NULL;
	if (size > MAX_READ)
		goto unreadable;
	if (buf == NULL)
		buf = malloc(size);
	if (buf == NULL || !proto_mem_read(c->mem, addr, buf, size)) {
		if (buf != small)
			free(buf);
		goto unreadable;
	}
	proto_format_value(c, t, buf, true, addr);
	if (buf != small)
		free(buf);
	return;
unreadable:
	strbuf_put_hex(c->out, addr);
}

/* How many pointers to struct s are being expanded (ltrace limits this to -A). */
static size_t struct_depth(const struct fmt_ctx *c, const struct type *s)
{
	size_t depth = 0;

	for (size_t i = 0; i < c->nptrs; i++)
		if (c->ptr_targets[i] == s)
			depth++;
	return depth;
}

static bool print_recursion(struct fmt_ctx *c, taddr_t p)
{
	for (size_t i = c->nptrs; i-- > 0;) {
		if (c->ptrs[i] != p)
			continue;
		strbuf_append(c->out, "recurse");
		for (size_t j = i + 1; j < c->nptrs; j++)
			strbuf_putc(c->out, '^');
		return true;
	}
	return false;
}

void proto_format_pointer(struct fmt_ctx *c, const struct type *t, taddr_t p)
{
	const struct type *target = proto_type_strip(t->target);

	if (p == 0) { /* addr too, as ltrace 0.7.91 shows it */
		strbuf_append(c->out, "nil");
		return;
	}
	if (target->kind == TK_VOID) {
		strbuf_put_hex(c->out, p);
		return;
	}
	if ((target->kind == TK_STRUCT && struct_depth(c, target) >= c->array_limit) ||
	    c->nptrs == FMT_MAX_PTRS) {
		strbuf_append(c->out, "...");
		return;
	}
	if (print_recursion(c, p))
		return;
	c->ptrs[c->nptrs] = p;
	c->ptr_targets[c->nptrs++] = target;
	proto_format_at(c, t->target, p);
	c->nptrs--;
}

/* Elements up to the first all-zero one, counting no further than max. */
static uint64_t count_nonzero(struct fmt_ctx *c, const struct type *elem,
			      const unsigned char *bytes, bool has_addr, taddr_t addr,
			      uint64_t max)
{
	size_t esz = proto_type_size(elem);
	unsigned char buf[64];
	uint64_t n = 0;

	if (esz == 0 || esz > sizeof(buf))
		return 0;
	for (; n < max; n++) {
		const unsigned char *e = bytes ? bytes + n * esz : buf;
		if (bytes == NULL && (!has_addr || !proto_mem_read(c->mem, addr + n * esz, buf, esz)))
			break;
		size_t k = 0;
		while (k < esz && e[k] == 0)
			k++;
		if (k == esz)
			break;
	}
	return n;
}

/* The element count of an array type; want is how many the caller could print at most
 * (zero-terminated arrays are counted no further than that). */
bool proto_array_length(struct fmt_ctx *c, const struct type *arr, const unsigned char *bytes,
		  bool has_addr, taddr_t addr, uint64_t want, uint64_t *len)
{
	const struct expr *e = arr->len;

	if (e == NULL)
		return false;
	if (e->kind != EXPR_ZERO) /* a negative length (retval of a call that failed): none */
		return proto_expr_eval(e, &c->env, len) == 0 && (int64_t)*len >= 0;
	uint64_t max = UINT64_MAX;
	if (e->max != NULL && (proto_expr_eval(e->max, &c->env, &max) != 0 || (int64_t)max < 0))
		return false;
	if (bytes != NULL && proto_type_size(arr->target) &&
	    max > proto_type_size(arr) / proto_type_size(arr->target))
		max = proto_type_size(arr) / proto_type_size(arr->target);
	*len = count_nonzero(c, arr->target, bytes, has_addr, addr, max < want ? max : want);
	return true;
}

void proto_format_array(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		  bool has_addr, taddr_t addr)
{
	uint64_t len;
	size_t esz = proto_type_size(t->target);
	unsigned char probe;

	if (bytes != NULL && !proto_type_array_sized(t))
		bytes = NULL;
	if (bytes == NULL && (!has_addr || !proto_mem_read(c->mem, addr, &probe, 1))) {
		strbuf_put_hex(c->out, addr);
		return;
	}
	if (!proto_array_length(c, t, bytes, has_addr, addr, (uint64_t)c->array_limit + 1, &len)) {
		strbuf_put_hex(c->out, addr);
		return;
	}
	if (bytes != NULL && esz && len > proto_type_size(t) / esz)
		len = proto_type_size(t) / esz;
	strbuf_append(c->out, "[ ");
	for (uint64_t i = 0; i < len; i++) {
		if (i == c->array_limit) {
			strbuf_append(c->out, "...");
			break;
		}
		if (i > 0)
			strbuf_append(c->out, ", ");
		if (bytes != NULL)
			proto_format_value(c, t->target, bytes + i * esz, has_addr, addr + i * esz);
		else
			proto_format_at(c, t->target, addr + i * esz);
	}
	strbuf_append(c->out, " ]");
}

void proto_format_struct(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		   bool has_addr, taddr_t addr)
{
	struct eval_env saved = c->env;
	bool first = true;

	if (bytes == NULL) {
		proto_format_at(c, t, addr);
		return;
	}
	c->env.st = t;
	c->env.st_bytes = bytes;
	strbuf_append(c->out, "{ ");
	for (size_t i = 0; i < t->nfields; i++) {
		const struct type *f = t->fields[i];
		if (proto_type_is_hidden(f))
			continue;
		if (!first)
			strbuf_append(c->out, ", ");
		first = false;
		size_t off = proto_type_field_offset(t, i);
		proto_format_value(c, f, bytes + off, has_addr, addr + off);
	}
	strbuf_append(c->out, " }");
	c->env = saved;
}
