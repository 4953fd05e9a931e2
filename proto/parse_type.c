/* Types and lenses of ltrace.conf(5), and length expressions. */
#include "proto/parser.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; enum type_kind kind; } primitives[] = {
	{ "void", TK_VOID },   { "char", TK_CHAR },     { "short", TK_SHORT },
	{ "ushort", TK_USHORT }, { "int", TK_INT },     { "uint", TK_UINT },
	{ "long", TK_LONG },   { "ulong", TK_ULONG },   { "float", TK_FLOAT },
	{ "double", TK_DOUBLE },
};

static struct arena *A(struct parser *ps)
{
	return &ps->table->arena;
}

/* "(" TYPE ")" */
static struct type *paren_type(struct parser *ps)
{
	if (!proto_expect(ps, '('))
		return NULL;
	struct type *t = proto_parse_type(ps);
	if (t == NULL || !proto_expect(ps, ')'))
		return NULL;
	return t;
}

static struct type *lens_of(struct parser *ps, enum lens_kind lens)
{
	struct type *t = paren_type(ps);

	return t ? proto_type_new_lens(A(ps), lens, t) : NULL;
}

static bool enum_item(struct parser *ps, struct type *e, int64_t *next)
{
	const char *name = proto_parse_ident(ps, "an enum name");

	if (name == NULL)
		return false;
	if (proto_accept(ps, '=') && !proto_parse_number(ps, next))
		return false;
	e->items = proto_arena_realloc(A(ps), e->items, (e->nitems + 1) * sizeof(*e->items));
	e->items[e->nitems].name = name;
	e->items[e->nitems++].value = *next;
	*next = (int64_t)((uint64_t)*next + 1);
	return true;
}

/* enum(NAME[=V], ...) or enum[TYPE](...) */
static struct type *parse_enum(struct parser *ps)
{
	struct type *under = proto_type_primitive(TK_INT);
	int64_t next = 0;

	if (proto_accept(ps, '[')) {
		under = proto_parse_type(ps);
		if (under == NULL || !proto_expect(ps, ']'))
			return NULL;
		if (!proto_type_is_integral(under)) {
			proto_parse_error(ps, "integral type required as enum argument");
			return NULL;
		}
	}
	struct type *e = proto_type_new_lens(A(ps), LENS_ENUM, under);
	if (!proto_expect(ps, '('))
		return NULL;
	if (proto_accept(ps, ')'))
		return e;
	do {
		if (!enum_item(ps, e, &next))
			return NULL;
	} while (proto_accept(ps, ','));
	return proto_expect(ps, ')') ? e : NULL;
}

/* string, string(TYPE), string[EXPR], and the old stringN (string[argN]). */
static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

static bool numbered(const char *s, size_t n, const char *prefix, uint64_t *v)
{
	size_t k = strlen(prefix);

	if (n <= k || n - k > 9 || strncmp(s, prefix, k) != 0 || !all_digits(s + k, n - k))
		return false;
	*v = strtoull(s + k, NULL, 10);
	return true;
}

/* Whether the text after '(' is a length (string(arg2), string(retval), string(16)) rather
 * than the type of a string lens (string(array(char, 4))). */
static bool length_in_parens(struct parser *ps)
{
	const char *p = ps->p + 1;

	while (p < ps->end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < ps->end && (isdigit((unsigned char)*p) || *p == '-'))
		return true;
	const char *w = p;
	while (p < ps->end && (isalnum((unsigned char)*p) || *p == '_'))
		p++;
	size_t n = (size_t)(p - w);
	uint64_t v;
	return (n == 6 && strncmp(w, "retval", 6) == 0) || (n == 4 && strncmp(w, "zero", 4) == 0) ||
	       numbered(w, n, "arg", &v) || numbered(w, n, "elt", &v);
}

static struct type *parse_string(struct parser *ps, const char *digits, size_t n)
{
	if (n > 0) {
		uint64_t v = 0;
		for (size_t i = 0; i < n; i++)
			v = v * 10 + (uint64_t)(digits[i] - '0');
		return proto_type_new_string(A(ps), proto_expr_new(A(ps), EXPR_ARG, v));
	}
	proto_skip_space(ps);
	char close = ']';
	if (ps->p < ps->end && *ps->p == '(' && length_in_parens(ps))
		close = ')'; /* string(argN): as string[argN] */
	else if (ps->p < ps->end && *ps->p == '(')
		return lens_of(ps, LENS_STRING);
	if (!proto_accept(ps, close == ']' ? '[' : '('))
		return proto_type_new_string(A(ps), NULL);
	struct expr *len = proto_parse_expr(ps);
	if (len == NULL || !proto_expect(ps, close))
		return NULL;
	return proto_type_new_string(A(ps), len);
}

static struct type *parse_struct(struct parser *ps)
{
	struct type *t = proto_type_new(A(ps), TK_STRUCT);

	proto_skip_space(ps);
	if (!proto_accept(ps, '(')) {
		t->forward = true;
		return t;
	}
	if (proto_accept(ps, ')'))
		return t;
	do {
		struct type *f = proto_parse_type(ps);
		if (f == NULL)
			return NULL;
		t->fields = proto_arena_realloc(A(ps), t->fields, (t->nfields + 1) * sizeof(*t->fields));
		t->fields[t->nfields++] = f;
	} while (proto_accept(ps, ','));
	return proto_expect(ps, ')') ? t : NULL;
}

/* array(TYPE, EXPR) */
static struct type *parse_array(struct parser *ps)
{
	if (!proto_expect(ps, '('))
		return NULL;
	struct type *elem = proto_parse_type(ps);
	if (elem == NULL || !proto_expect(ps, ','))
		return NULL;
	struct expr *len = proto_parse_expr(ps);
	if (len == NULL || !proto_expect(ps, ')'))
		return NULL;
	return proto_type_new_array(A(ps), elem, len);
}

/* format, or format(T) with T a string type, as in format(wstring_t) for wprintf. */
static struct type *parse_format(struct parser *ps)
{
	struct type *f = proto_type_new(A(ps), TK_FORMAT);

	proto_skip_space(ps);
	if (ps->p >= ps->end || *ps->p != '(')
		return f;
	f->target = paren_type(ps);
	if (f->target == NULL)
		return NULL;
	if (proto_type_format_char_size(f) == 0) {
		proto_parse_error(ps, "format needs a pointer to an array of characters");
		return NULL;
	}
	return f;
}

static bool is_word(const char *s, size_t n, const char *word)
{
	return n == strlen(word) && strncmp(s, word, n) == 0;
}


static struct type *named_type(struct parser *ps, const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(primitives) / sizeof(primitives[0]); i++)
		if (is_word(s, n, primitives[i].name))
			return proto_type_primitive(primitives[i].kind);
	if (is_word(s, n, "addr") || is_word(s, n, "file"))
		return proto_type_new_pointer(A(ps), proto_type_primitive(TK_VOID));
	char *name = proto_arena_strndup(A(ps), s, n);
	struct type *t = proto_map_get(&ps->table->typedefs, name);
	if (t == NULL)
		t = proto_builtin_type(name);
	if (t == NULL)
		proto_parse_error(ps, "unknown type '%s'", name);
	return t;
}

static struct type *keyword_type(struct parser *ps, const char *s, size_t n)
{
	if (is_word(s, n, "hex"))
		return lens_of(ps, LENS_HEX);
	if (is_word(s, n, "oct"))
		return lens_of(ps, LENS_OCT);
	if (is_word(s, n, "octal")) {
		proto_skip_space(ps);
		if (ps->p < ps->end && *ps->p == '(')
			return lens_of(ps, LENS_OCT);
		return proto_type_new_lens(A(ps), LENS_OCT, proto_type_primitive(TK_INT));
	}
	if (is_word(s, n, "bool"))
		return lens_of(ps, LENS_BOOL);
	if (is_word(s, n, "bitvec"))
		return lens_of(ps, LENS_BITVEC);
	if (is_word(s, n, "hide"))
		return lens_of(ps, LENS_HIDE);
	if (is_word(s, n, "enum"))
		return parse_enum(ps);
	if (n >= 6 && strncmp(s, "string", 6) == 0 && (n == 6 || all_digits(s + 6, n - 6)))
		return parse_string(ps, s + 6, n - 6);
	if (is_word(s, n, "format"))
		return parse_format(ps);
	if (is_word(s, n, "struct"))
		return parse_struct(ps);
	if (is_word(s, n, "array"))
		return parse_array(ps);
	return named_type(ps, s, n);
}

struct type *proto_parse_type(struct parser *ps)
{
	size_t n = proto_peek_ident(ps);
	struct type *t = NULL;

	if (n == 0) {
		proto_parse_ident(ps, "a type");
		return NULL;
	}
	if (++ps->depth > PARSE_MAX_DEPTH) {
		proto_parse_error(ps, "type nested too deeply");
	} else {
		const char *s = ps->p;
		ps->p += n;
		t = keyword_type(ps, s, n);
		while (t != NULL && proto_accept(ps, '*'))
			t = proto_type_new_pointer(A(ps), t);
	}
	ps->depth--;
	return t;
}


static struct expr *named_expr(struct parser *ps, const char *s, size_t n)
{
	uint64_t v;

	if (is_word(s, n, "retval"))
		return proto_expr_new(A(ps), EXPR_ARG, 0);
	if (numbered(s, n, "arg", &v))
		return proto_expr_new(A(ps), EXPR_ARG, v);
	if (numbered(s, n, "elt", &v))
		return proto_expr_new(A(ps), EXPR_ELT, v);
	if (!is_word(s, n, "zero")) {
		proto_parse_error(ps, "bad expression '%.*s'", (int)(n < 40 ? n : 40), s);
		return NULL;
	}
	struct expr *e = proto_expr_new(A(ps), EXPR_ZERO, 0);
	if (proto_accept(ps, '(')) {
		e->max = proto_parse_expr(ps);
		if (e->max == NULL || e->max->kind == EXPR_ZERO) {
			proto_parse_error(ps, "zero() needs a length");
			return NULL;
		}
		if (!proto_expect(ps, ')'))
			return NULL;
	}
	return e;
}

struct expr *proto_parse_expr(struct parser *ps)
{
	size_t n = proto_peek_ident(ps);
	struct expr *e = NULL;

	if (++ps->depth > PARSE_MAX_DEPTH) {
		proto_parse_error(ps, "expression nested too deeply");
	} else if (n > 0) {
		const char *s = ps->p;
		ps->p += n;
		e = named_expr(ps, s, n);
	} else {
		int64_t v;
		if (ps->p < ps->end && *ps->p == '-')
			proto_parse_error(ps, "bad number");
		else if (proto_parse_number(ps, &v))
			e = proto_expr_new(A(ps), EXPR_CONST, (uint64_t)v);
	}
	ps->depth--;
	return e;
}
