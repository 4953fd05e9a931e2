#include "proto/parser.h"

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

static void report(struct parser *ps, const char *kind, const char *fmt, va_list ap)
{
	if (ps->err == NULL)
		return;
	fprintf(ps->err, "%s:%u: %s: ", ps->file, ps->line, kind);
	vfprintf(ps->err, fmt, ap);
	fputc('\n', ps->err);
}

void proto_parse_error(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	if (ps->failed)
		return;
	ps->failed = true;
	ps->errors++;
	va_start(ap, fmt);
	report(ps, "error", fmt, ap);
	va_end(ap);
}

void proto_parse_warning(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ps, "warning", fmt, ap);
	va_end(ap);
}

void proto_skip_space(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' ||
				   *ps->p == '\v' || *ps->p == '\f'))
		ps->p++;
}

static bool ident_char(char ch, bool first)
{
	return ch == '_' || isalpha((unsigned char)ch) || (!first && isdigit((unsigned char)ch));
}

size_t proto_peek_ident(struct parser *ps)
{
	size_t n = 0;

	proto_skip_space(ps);
	while (ps->p + n < ps->end && ident_char(ps->p[n], n == 0))
		n++;
	return n;
}

bool proto_accept_word(struct parser *ps, const char *word)
{
	size_t n = proto_peek_ident(ps);

	if (n != strlen(word) || strncmp(ps->p, word, n) != 0)
		return false;
	ps->p += n;
	return true;
}

bool proto_accept(struct parser *ps, char ch)
{
	proto_skip_space(ps);
	if (ps->p < ps->end && *ps->p == ch) {
		ps->p++;
		return true;
	}
	return false;
}

/* The next token, for messages: an identifier, one character, or "end of line". */
static void describe_next(struct parser *ps, char *buf, size_t size)
{
	size_t n = proto_peek_ident(ps);

	if (ps->p >= ps->end) {
		snprintf(buf, size, "end of line");
		return;
	}
	if (n == 0)
		n = 1;
	if (n > 40)
		n = 40;
	char tok[48];
	for (size_t i = 0; i < n; i++)
		tok[i] = isprint((unsigned char)ps->p[i]) ? ps->p[i] : '?';
	tok[n] = '\0';
	snprintf(buf, size, "'%s'", tok);
}

bool proto_expect(struct parser *ps, char ch)
{
	char next[64];

	if (proto_accept(ps, ch))
		return true;
	describe_next(ps, next, sizeof(next));
	proto_parse_error(ps, "expected '%c', got %s", ch, next);
	return false;
}

const char *proto_parse_ident(struct parser *ps, const char *what)
{
	size_t n = proto_peek_ident(ps);
	char next[64];

	if (n == 0) {
		describe_next(ps, next, sizeof(next));
		proto_parse_error(ps, "expected %s, got %s", what, next);
		return NULL;
	}
	const char *s = proto_arena_strndup(&ps->table->arena, ps->p, n);
	ps->p += n;
	return s;
}

bool proto_parse_number(struct parser *ps, int64_t *out)
{
	bool neg = proto_accept(ps, '-');
	unsigned base = 10;
	uint64_t v = 0;
	size_t digits = 0;

	proto_skip_space(ps);
	if (ps->end - ps->p > 2 && ps->p[0] == '0' && (ps->p[1] == 'x' || ps->p[1] == 'X')) {
		base = 16;
		ps->p += 2;
	} else if (ps->end - ps->p > 1 && ps->p[0] == '0' && isdigit((unsigned char)ps->p[1])) {
		base = 8; /* as C and ltrace 0.7.3 (strtol): 0755 */
	}
	for (; ps->p < ps->end && isxdigit((unsigned char)*ps->p); ps->p++, digits++) {
		unsigned d = isdigit((unsigned char)*ps->p) ? (unsigned)(*ps->p - '0')
			: (unsigned)(tolower((unsigned char)*ps->p) - 'a' + 10);
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (digits == 0 || (ps->p < ps->end && ident_char(*ps->p, false))) {
		proto_parse_error(ps, "bad number");
		return false;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return true;
}
