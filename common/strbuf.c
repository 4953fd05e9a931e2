#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void reserve(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void strbuf_append_n(struct strbuf *sb, const char *s, size_t n)
{
	reserve(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_append(struct strbuf *sb, const char *s)
{
	strbuf_append_n(sb, s, strlen(s));
}

void strbuf_putc(struct strbuf *sb, char c)
{
	strbuf_append_n(sb, &c, 1);
}

void strbuf_pad(struct strbuf *sb, char c, size_t n)
{
	reserve(sb, n);
	memset(sb->buf + sb->len, c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

/* The digits of v in base (10 or 16), after prefix. */
static void put_digits(struct strbuf *sb, const char *prefix, uint64_t v, unsigned base)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = digits[v % base];
		v /= base;
	} while (v != 0);
	strbuf_append(sb, prefix);
	strbuf_append_n(sb, tmp + i, sizeof(tmp) - i);
}

void strbuf_put_udec(struct strbuf *sb, uint64_t v)
{
	put_digits(sb, "", v, 10);
}

void strbuf_put_dec(struct strbuf *sb, int64_t v)
{
	if (v < 0)
		put_digits(sb, "-", -(uint64_t)v, 10);
	else
		put_digits(sb, "", (uint64_t)v, 10);
}

void strbuf_put_hex(struct strbuf *sb, uint64_t v)
{
	put_digits(sb, "0x", v, 16);
}

void strbuf_put_guess(struct strbuf *sb, uint64_t v)
{
	int64_t s = (int64_t)v;

	if (s >= -10000 && s <= 10000)
		strbuf_put_dec(sb, s);
	else
		strbuf_put_hex(sb, v);
}

void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;

	/* Most pieces fit in what is left: printed once, and again only when they do not. */
	reserve(sb, 63);
	size_t room = sb->cap - sb->len;
	va_copy(copy, ap);
	int n = vsnprintf(sb->buf + sb->len, room, fmt, copy);
	va_end(copy);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
}

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf != NULL ? sb->buf : "";
}

void strbuf_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}
