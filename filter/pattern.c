#include "filter/pattern.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "filter/glob.h"
#include "filter/regex.h"

#define QUOTE_MAX 64 /* bytes of a pattern shown in an error message */

void filter_quote(struct strbuf *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t shown = len > QUOTE_MAX ? QUOTE_MAX : len;

	strbuf_putc(sb, '\'');
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			strbuf_putc(sb, (char)c);
		} else {
			char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
			strbuf_append_n(sb, esc, sizeof esc);
		}
	}
	if (shown < len)
		strbuf_append(sb, "...");
	strbuf_putc(sb, '\'');
}

/* Whether s[0..len) ends in a '$' that no backslash escapes. */
static bool ends_in_anchor(const char *s, size_t len)
{
	size_t bs = 0;

	if (len == 0 || s[len - 1] != '$')
		return false;
	while (bs < len - 1 && s[len - 2 - bs] == '\\')
		bs++;
	return bs % 2 == 0;
}

/* A glob matches the whole name anyway: ^ at its start and $ at its end change nothing. */
static char *strip_anchors(const char *text, size_t len)
{
	if (len > 0 && text[0] == '^') {
		text++;
		len--;
	}
	if (ends_in_anchor(text, len))
		len--;
	return xstrndup(text, len);
}

static void complain(struct strbuf *err, const char *what, const char *text, size_t len)
{
	strbuf_printf(err, "invalid %s ", what);
	filter_quote(err, text, len);
	strbuf_append(err, ": ");
}

static bool init_regex(struct filter_pattern *pat, const char *text, size_t len,
		       struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	char *re = xstrndup(text, len);
	bool ok = filter_regex_compile(&pat->re, re, &why);

	free(re);
	if (ok) {
		pat->kind = FPAT_REGEX;
	} else {
		complain(err, "regular expression", text, len);
		strbuf_append(err, strbuf_str(&why));
	}
	strbuf_free(&why);
	return ok;
}

static bool init_glob(struct filter_pattern *pat, const char *text, size_t len,
		      struct strbuf *err)
{
	char *glob = strip_anchors(text, len);
	const char *why = filter_glob_check(glob);

	if (why != NULL) {
		complain(err, "glob", text, len);
		strbuf_append(err, why);
		free(glob);
		return false;
	}
	pat->kind = FPAT_GLOB;
	pat->glob = glob;
	return true;
}

bool filter_pattern_init(struct filter_pattern *pat, const char *text, size_t len,
			 bool is_regex, struct strbuf *err)
{
	pat->kind = FPAT_ANY;
	pat->glob = NULL;
	if (len == 0)
		return true;
	return is_regex ? init_regex(pat, text, len, err) : init_glob(pat, text, len, err);
}

bool filter_pattern_match(const struct filter_pattern *pat, const char *name)
{
	if (name == NULL)
		name = "";
	switch (pat->kind) {
	case FPAT_GLOB:
		return filter_glob_match(pat->glob, name);
	case FPAT_REGEX:
		return filter_regex_match(&pat->re, name);
	case FPAT_ANY:
	default:
		return true;
	}
}

void filter_pattern_fini(struct filter_pattern *pat)
{
	if (pat->kind == FPAT_REGEX)
		regfree(&pat->re);
	free(pat->glob);
	pat->glob = NULL;
	pat->kind = FPAT_ANY;
}
