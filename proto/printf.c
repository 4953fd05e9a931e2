/*
 * The printf parameter pack: which arguments a format string implies, typed the way ltrace
 * 0.7.3 shows them. Its quirks are kept: "ll", "q" and "j" make even %d unsigned, "hh"
 * makes %d/%i/%u a character. One is not: only the precision limits a %s (ltrace took
 * every digit of width and precision as its length, and a "*" width too). %lc, %C, %ls
 * and %S are wide characters and strings, as in ltrace 0.7.91.
 */
#include "proto/call.h"

#include <string.h>

#include "proto/expr.h"

struct spec {
	int h;           /* number of 'h' */
	int l;           /* 0: int, 1: long, 2: long long */
	bool L;          /* 'L': a long double for the floating-point conversions */
	bool precision;  /* after the '.': digits or '*' give the precision */
	bool star;       /* a '*' argument gave the precision */
	uint64_t star_value;
	bool digits;     /* digits gave the precision */
	uint64_t length; /* the precision: at most this many bytes of a %s are read */
};

static struct type *int_type(const struct spec *s, bool is_signed)
{
	if (s->h >= 2)
		return proto_type_primitive(TK_CHAR);
	if (s->h == 1)
		return proto_type_primitive(is_signed ? TK_SHORT : TK_USHORT);
	if (s->l == 0)
		return proto_type_primitive(is_signed ? TK_INT : TK_UINT);
	return proto_type_primitive(is_signed && s->l == 1 ? TK_LONG : TK_ULONG);
}

/* %s, or with wide a wchar_t string (%ls, %S). */
static struct type *string_type(struct proto_call *c, const struct spec *s, bool wide)
{
	struct expr *len = NULL;

	if (s->star)
		len = proto_expr_new(&c->arena, EXPR_CONST, s->star_value);
	else if (s->digits)
		len = proto_expr_new(&c->arena, EXPR_CONST, s->length);
	return proto_type_new_string_of(&c->arena, proto_type_primitive(wide ? TK_INT : TK_CHAR),
					len);
}

/* The type of conversion ch, or NULL when it takes no argument. */
static const struct type *conv_type(struct proto_call *c, const struct spec *s, char ch)
{
	switch (ch) {
	case 'd': case 'i':
		return int_type(s, true);
	case 'u':
		return int_type(s, false);
	case 'x': case 'X':
		return proto_type_new_lens(&c->arena, LENS_HEX, int_type(s, false));
	case 'o':
		return proto_type_new_lens(&c->arena, LENS_OCT, int_type(s, false));
	case 'c': case 'C':
		if (ch == 'c' && s->l == 0)
			return proto_type_primitive(TK_CHAR);
		return proto_type_new_lens(&c->arena, LENS_STRING, proto_type_primitive(TK_INT));
	case 's': case 'S':
		return string_type(c, s, ch == 'S' || s->l != 0);
	case 'p': case 'n':
		return proto_type_new_pointer(&c->arena, proto_type_primitive(TK_VOID));
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
		return proto_type_primitive(TK_DOUBLE);
	default:
		return NULL;
	}
}

static void add_digit(struct spec *s, char ch)
{
	if (!s->precision)
		return; /* the width: it does not limit what is read */
	s->digits = true;
	if (s->length < UINT64_MAX / 100)
		s->length = s->length * 10 + (uint64_t)(ch - '0');
}

static void star(struct proto_call *c, struct arg_cursor *args, struct spec *s)
{
	const struct type *t = proto_type_primitive(TK_INT);

	proto_fetch_arg(c, args, t);
	if (!s->precision)
		return; /* a width */
	s->star = true;
	s->star_value = proto_value_int(t, c->args[c->nargs - 1].bytes);
}

/* One conversion after its '%'; returns where scanning goes on. */
static const char *conversion(struct proto_call *c, struct arg_cursor *args, const char *p)
{
	struct spec s = { 0 };

	if (*p == '%')
		return p + 1;
	for (; *p != '\0'; p++) {
		char ch = *p;
		s.L = s.L || ch == 'L';
		if (ch >= '0' && ch <= '9')
			add_digit(&s, ch);
		else if (ch == '*')
			star(c, args, &s);
		else if (ch == '.')
			s.precision = true;
		else if (ch == 'h')
			s.h++;
		else if (ch == 'l')
			s.l = s.l ? 2 : 1;
		else if (ch == 'q' || ch == 'j')
			s.l = 2;
		else if (ch == 'L' || ch == 'z' || ch == 'Z' || ch == 't')
			s.l = s.l ? s.l : 1;
		else if (strchr("#-+ I'$", ch) == NULL)
			break;
	}
	if (*p == '\0')
		return p;
	const struct type *t = conv_type(c, &s, *p);
	if (t != NULL && s.L && proto_type_strip(t)->kind == TK_DOUBLE)
		proto_fetch_long_double(c, args); /* %Lf: a long double, passed in memory */
	else if (t != NULL)
		proto_fetch_arg(c, args, t);
	return p + 1;
}

void proto_printf_fetch(struct proto_call *c, struct arg_cursor *args, const char *fmt)
{
	const char *p = fmt;

	while (*p != '\0') {
		if (*p++ == '%')
			p = conversion(c, args, p);
	}
}
