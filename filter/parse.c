/*
 * filter_parse, after ltrace 0.7.3's tokenizer: the expression is first cut at every '+'
 * and '-' into rules, and each rule at its first '@' into symbol and library patterns;
 * only then are /regex/ slashes looked at. Unlike 0.7.3 (where they only lead to
 * errors), + - @ escaped by a backslash or inside [...] do not cut: "[a-z]*", "a\-b".
 */
#include "filter/filter.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "filter/bracket.h"
#include "filter/rule.h"

#define FILTER_MAX_LEN 65536 /* bytes of one expression */
#define BRACKET_MAX_LEN 256  /* a longer [...] does not protect operators (keeps it linear) */

struct span {
	const char *s;
	size_t len;
};

/*
 * Length of the prefix of s[0..len) before the first byte of stops that is neither
 * escaped by '\' nor inside a bracket expression (so "[a-z]" is one glob).
 */
static size_t span_to(const char *s, size_t len, const char *stops)
{
	size_t i = 0;

	while (i < len && strchr(stops, s[i]) == NULL) {
		size_t window = len - i < BRACKET_MAX_LEN ? len - i : BRACKET_MAX_LEN;
		size_t skip = s[i] == '[' ? filter_bracket_len(s + i, window, true) : 0;

		if (skip == 0)
			skip = s[i] == '\\' && i + 1 < len ? 2 : 1;
		i += skip;
	}
	return i < len ? i : len;
}

static bool unmatched_slash(struct strbuf *err, const char *what, struct span sp)
{
	strbuf_printf(err, "unmatched '/' in %s pattern ", what);
	filter_quote(err, sp.s, sp.len);
	return false;
}

/* /re/ is a regex; /x@y/ is /x/@/y/ (so then the library is a regex too). */
static bool split_symbol(struct span *sym, struct span *lib, bool *sym_re, bool *lib_re,
			 struct strbuf *err)
{
	if (sym->len == 0 || sym->s[0] != '/')
		return true;
	*sym_re = true;
	if (sym->len >= 2 && sym->s[sym->len - 1] == '/') {
		sym->s++;
		sym->len -= 2;
		return true;
	}
	if (lib->s == NULL || lib->len == 0 || lib->s[lib->len - 1] != '/')
		return unmatched_slash(err, "symbol", *sym);
	sym->s++;
	sym->len--;
	lib->len--;
	*lib_re = true;
	return true;
}

/* A library pattern ending in '/' is a /regex/; else a leading '/' makes it a path glob. */
static bool split_library(struct span *lib, bool *lib_re, struct strbuf *err)
{
	if (lib->s == NULL || lib->len == 0 || lib->s[lib->len - 1] != '/')
		return true;
	if (lib->len < 2 || lib->s[0] != '/')
		return unmatched_slash(err, "library", *lib);
	lib->s++;
	lib->len -= 2;
	*lib_re = true;
	return true;
}

static bool add_rule(struct filter *f, bool add, struct span sym, bool sym_re,
		     struct span lib, bool lib_re, struct strbuf *err)
{
	struct filter_rule r = { .add = add, .lib_kind = FLIB_SONAME };

	if (lib.len == 4 && memcmp(lib.s, "MAIN", 4) == 0) {
		r.lib_kind = FLIB_MAIN;
		lib.len = 0;
	} else if (lib.len == 3 && memcmp(lib.s, "SYS", 3) == 0) {
		r.lib_kind = FLIB_SYS;
		lib.len = 0;
	} else if (lib.len > 0 && lib.s[0] == '/') {
		r.lib_kind = FLIB_PATH;
	}
	if (!filter_pattern_init(&r.sym, sym.s, sym.len, sym_re, err))
		return false;
	if (!filter_pattern_init(&r.lib, lib.s, lib.len, lib_re, err)) {
		filter_pattern_fini(&r.sym);
		return false;
	}
	filter_add_rule(f, &r);
	return true;
}

/* One rule [SYMBOL][@LIBRARY], s[0..len); missing or empty patterns match anything. */
static bool parse_rule(struct filter *f, bool add, const char *s, size_t len,
		       struct strbuf *err)
{
	size_t at = span_to(s, len, "@");
	struct span sym = { s, at };
	struct span lib = { NULL, 0 };
	bool sym_re = false, lib_re = false;

	if (at < len) {
		lib.s = s + at + 1;
		lib.len = len - at - 1;
	}
	if (!split_symbol(&sym, &lib, &sym_re, &lib_re, err))
		return false;
	if (!lib_re && !split_library(&lib, &lib_re, err))
		return false;
	return add_rule(f, add, sym, sym_re, lib, lib_re, err);
}

/*
 * Every piece between operators is a rule, an empty one meaning *@* (so "-x" is "*@*-x"),
 * except an empty last piece ("x+" is "x", "" is no rule at all). A leading '!' is an
 * old spelling of '-'.
 */
static bool parse_chain(struct filter *f, const char *expr, struct strbuf *err)
{
	const char *p = expr, *end = expr + strlen(expr);
	bool add = true;

	for (bool first = true;; first = false) {
		bool bang = first && *p == '!';
		size_t n = bang ? 0 : span_to(p, (size_t)(end - p), "+-");
		char op = bang ? '-' : p[n];

		if ((n > 0 || op != '\0') && !parse_rule(f, add, p, n, err))
			return false;
		if (op == '\0')
			return true;
		add = op == '+';
		p += n + 1;
	}
}

struct filter *filter_parse(const char *expr, char **error)
{
	struct filter *f = xcalloc(1, sizeof *f);
	struct strbuf err = STRBUF_INIT;

	if (expr == NULL)
		expr = "";
	if (strlen(expr) > FILTER_MAX_LEN)
		strbuf_printf(&err, "expression too long (over %d bytes)", FILTER_MAX_LEN);
	else if (parse_chain(f, expr, &err))
		return f;
	filter_free(f);
	if (error != NULL)
		*error = xstrdup(strbuf_str(&err));
	strbuf_free(&err);
	return NULL;
}
