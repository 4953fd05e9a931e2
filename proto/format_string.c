#include "proto/format.h"

#include "proto/expr.h"

/* As many of the n bytes at addr as can be read. */
static size_t read_prefix(struct fmt_ctx *c, taddr_t addr, unsigned char *buf, size_t n)
{
	if (proto_mem_read(c->mem, addr, buf, n))
		return n;
	size_t i = 0;
	while (i < n && proto_mem_read(c->mem, addr + i, buf + i, 1))
		i++;
	return i;
}

/* One element of a wide string: as the locale shows it (proto_put_wide_char), or else the
 * code point as C writes it, \uXXXX or \UXXXXXXXX. */
static void escape_wide(struct strbuf *out, uint32_t ch)
{
	if (proto_put_wide_char(out, ch))
		return;
	if (ch <= 0xffff)
		strbuf_printf(out, "\\u%04x", ch);
	else
		strbuf_printf(out, "\\U%08x", ch);
}

/* The elements of a string of 1-, 2- or 4-byte characters; the wide ones are marked as in
 * C: u"..." (char16_t) and L"..." (wchar_t). ltrace 0.7.3 appends "..." whenever the
 * length reaches the limit, even when nothing was cut off. */
static void print_chars(struct fmt_ctx *c, const struct type *arr, const unsigned char *bytes,
			bool has_addr, taddr_t addr)
{
	unsigned char buf[4096];
	uint64_t len, limit = c->string_limit;
	size_t esz = proto_type_size(arr->target);

	if (bytes != NULL && !proto_type_array_sized(arr))
		bytes = NULL;
	if ((bytes == NULL && (!has_addr || read_prefix(c, addr, buf, 1) == 0)) ||
	    !proto_array_length(c, arr, bytes, has_addr, addr, limit, &len)) {
		strbuf_put_hex(c->out, addr);
		return;
	}
	if (bytes != NULL && len > proto_type_size(arr))
		len = proto_type_size(arr);
	bool more = len >= limit;
	size_t n = (len < limit ? (size_t)len : (size_t)limit) * esz; /* bytes */
	if (esz > 1)
		strbuf_putc(c->out, esz == 2 ? 'u' : 'L');
	strbuf_putc(c->out, '"');
	for (size_t done = 0; done < n;) {
		size_t chunk = n - done < sizeof(buf) ? n - done : sizeof(buf);
		const unsigned char *p = bytes ? bytes + done : buf;
		size_t got = bytes ? chunk : read_prefix(c, addr + done, buf, chunk);
		for (size_t i = 0; i + esz <= got; i += esz) {
			if (esz == 1) {
				proto_escape_char(c->out, p[i]);
			} else if (esz == 4) {
				escape_wide(c->out, (uint32_t)(p[i] | p[i + 1] << 8 | p[i + 2] << 16 |
							       (uint32_t)p[i + 3] << 24));
			} else {
				uint32_t u = (uint32_t)(p[i] | p[i + 1] << 8), lo;
				/* A UTF-16 surrogate pair is one character. */
				if (u >= 0xd800 && u < 0xdc00 && i + 4 <= got &&
				    (lo = (uint32_t)(p[i + 2] | p[i + 3] << 8)) >= 0xdc00 && lo < 0xe000) {
					u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
					i += 2;
				}
				escape_wide(c->out, u);
			}
		}
		if (got < chunk)
			break;
		done += chunk;
	}
	strbuf_putc(c->out, '"');
	if (more)
		strbuf_append(c->out, "...");
}

void proto_format_cstring(struct fmt_ctx *c, taddr_t addr)
{
	struct expr zero = { .kind = EXPR_ZERO };
	struct type arr = { .kind = TK_ARRAY, .target = proto_type_primitive(TK_CHAR), .len = &zero };

	if (addr == 0)
		strbuf_append(c->out, "nil");
	else
		print_chars(c, &arr, NULL, true, addr);
}

/* Arrays of elements of these sizes are strings (char, char16_t, wchar_t). */
static bool is_char_size(size_t n)
{
	return n == 1 || n == 2 || n == 4;
}

static void string_pointer(struct fmt_ctx *c, const struct type *ptr, taddr_t p)
{
	const struct type *target = proto_type_strip(ptr->target);

	if (p == 0)
		strbuf_append(c->out, "nil");
	else if (target->kind == TK_ARRAY && is_char_size(proto_type_size(target->target)))
		print_chars(c, target, NULL, true, p);
	else if (target->kind == TK_CHAR)
		proto_format_cstring(c, p);
	else
		proto_format_pointer(c, ptr, p);
}

/* string(uint), a wchar_t: the character in quotes, as ltrace 0.7.91 shows it ('\u0424' as
 * 'Ф' in a UTF-8 locale); one that the locale cannot show is a number, as in ltrace 0.7.3. */
static void wide_char(struct fmt_ctx *c, const struct type *lens, const unsigned char *bytes,
		      taddr_t addr)
{
	const struct type *u = proto_type_strip(lens->target);
	unsigned char buf[8];

	bytes = proto_value_bytes(c, bytes, addr, buf, proto_type_size(u));
	if (bytes == NULL)
		return;
	uint64_t v = proto_value_uint(u, bytes);
	struct strbuf ch = STRBUF_INIT;
	if (proto_put_wide_char(&ch, v)) {
		strbuf_putc(c->out, '\'');
		strbuf_append(c->out, strbuf_str(&ch));
		strbuf_putc(c->out, '\'');
	} else {
		proto_format_value(c, lens->target, bytes, false, 0);
	}
	strbuf_free(&ch);
}

void proto_format_string_lens(struct fmt_ctx *c, const struct type *lens,
			const unsigned char *bytes, bool has_addr, taddr_t addr)
{
	const struct type *u = proto_type_strip(lens->target);
	unsigned char word[8];

	if (u->kind == TK_POINTER || u->kind == TK_FORMAT) {
		bytes = proto_value_bytes(c, bytes, addr, word, sizeof(word));
		if (bytes == NULL)
			return;
		taddr_t p = proto_value_int(proto_type_primitive(TK_ULONG), bytes);
		if (u->kind == TK_FORMAT)
			proto_format_cstring(c, p);
		else
			string_pointer(c, u, p);
	} else if (u->kind == TK_ARRAY && is_char_size(proto_type_size(u->target))) {
		print_chars(c, u, bytes, has_addr, addr);
	} else if (proto_type_is_integral(u) && proto_type_size(u) > 1) {
		wide_char(c, lens, bytes, addr);
	} else {
		proto_format_value(c, lens->target, bytes, has_addr, addr);
	}
}
