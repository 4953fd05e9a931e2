#include "filter/glob.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

struct glob_class {
	const char *name;
	int (*test)(int c);
};

static const struct glob_class classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

static const struct glob_class *find_class(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
			return &classes[i];
	return NULL;
}

/* One member of a bracket expression: a byte, or a named class. */
struct glob_elem {
	unsigned char c;
	const struct glob_class *cls;
};

/*
 * Parse the member at p[*i] ([:name:], [.c.], [=c=], \c or a plain byte) and advance *i.
 * Returns NULL or the problem.
 */
static const char *parse_elem(const char *p, size_t *i, struct glob_elem *e)
{
	const char *s = p + *i;

	e->cls = NULL;
	if (s[0] == '[' && (s[1] == ':' || s[1] == '.' || s[1] == '=')) {
		char delim[3] = { s[1], ']', '\0' };
		const char *end = strstr(s + 2, delim);
		if (end == NULL)
			return "unterminated '[:', '[.' or '[=' in a bracket expression";
		size_t len = (size_t)(end - (s + 2));
		if (s[1] == ':') {
			e->cls = find_class(s + 2, len);
			if (e->cls == NULL)
				return "invalid character class name";
		} else if (len != 1) {
			return "unsupported collating element";
		}
		e->c = (unsigned char)s[2];
		*i += len + 4;
		return NULL;
	}
	if (s[0] == '\\' && s[1] != '\0') {
		e->c = (unsigned char)s[1];
		*i += 2;
		return NULL;
	}
	e->c = (unsigned char)s[0];
	*i += 1;
	return NULL;
}

/* Parse the member or range at p[*i] (advancing *i); *in |= whether c belongs to it. */
static const char *parse_member(const char *p, size_t *i, int c, bool *in)
{
	struct glob_elem lo, hi;
	const char *err = parse_elem(p, i, &lo);

	if (err != NULL)
		return err;
	if (p[*i] != '-' || p[*i + 1] == ']' || p[*i + 1] == '\0' || lo.cls != NULL) {
		*in |= lo.cls ? c >= 0 && lo.cls->test(c) : c == lo.c;
		return NULL;
	}
	(*i)++;
	if ((err = parse_elem(p, i, &hi)) != NULL)
		return err;
	if (hi.cls != NULL || hi.c < lo.c)
		return "invalid range in a bracket expression";
	*in |= c >= lo.c && c <= hi.c;
	return NULL;
}

/*
 * Walk the bracket expression at p (p[0] == '['). Returns its length and sets *hit to
 * whether byte c is in the set (c < 0: only validate); returns 0 and sets *err when the
 * expression is malformed.
 */
static size_t bracket(const char *p, int c, bool *hit, const char **err)
{
	size_t i = 1;
	bool neg = p[i] == '!' || p[i] == '^';
	bool in = false;

	if (neg)
		i++;
	for (bool first = true; p[i] != ']' || first; first = false) {
		*err = p[i] == '\0' ? "unmatched '['" : parse_member(p, &i, c, &in);
		if (*err != NULL)
			return 0;
	}
	*hit = in != neg;
	return i + 1;
}

const char *filter_glob_check(const char *glob)
{
	const char *err = NULL;
	bool hit;

	for (size_t i = 0; glob[i] != '\0';) {
		if (glob[i] == '\\') {
			if (glob[i + 1] == '\0')
				return "trailing backslash";
			i += 2;
		} else if (glob[i] == '[') {
			size_t n = bracket(glob + i, -1, &hit, &err);
			if (n == 0)
				return err;
			i += n;
		} else {
			i++;
		}
	}
	return NULL;
}

/* Whether the single-byte element at p matches c; *len gets its length (0: malformed). */
static bool match_one(const char *p, unsigned char c, size_t *len)
{
	const char *err = NULL;
	bool hit = false;

	switch (p[0]) {
	case '?':
		*len = 1;
		return true;
	case '[':
		*len = bracket(p, c, &hit, &err);
		return *len != 0 && hit;
	case '\\':
		*len = p[1] != '\0' ? 2 : 0;
		return *len != 0 && (unsigned char)p[1] == c;
	default:
		*len = 1;
		return (unsigned char)p[0] == c;
	}
}

bool filter_glob_match(const char *glob, const char *name)
{
	const char *p = glob, *s = name;
	const char *star_p = NULL, *star_s = NULL; /* where to resume after the last '*' */

	while (*s != '\0') {
		size_t len = 0;

		if (*p == '*') {
			while (*p == '*')
				p++;
			if (*p == '\0')
				return true;
			star_p = p;
			star_s = s;
			continue;
		}
		if (*p != '\0') {
			bool ok = match_one(p, (unsigned char)*s, &len);
			if (len == 0)
				return false; /* malformed: matches nothing */
			if (ok) {
				p += len;
				s++;
				continue;
			}
		}
		if (star_p == NULL)
			return false;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}
