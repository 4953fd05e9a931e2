#include "filter/regex.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "filter/bracket.h"
#include "filter/pattern.h"

/* The number at s (capped), advancing *s past its digits. */
static uint64_t number(const char **s)
{
	uint64_t n = 0;

	for (; isdigit((unsigned char)**s); (*s)++)
		if (n < 1000000)
			n = n * 10 + (uint64_t)(**s - '0');
	return n;
}

/* How many copies the interval \{m\}, \{m,n\}, \{m,\} or \{,n\} at s (after "\{") makes. */
static uint64_t interval_copies(const char *s)
{
	uint64_t m = number(&s), n = m;

	if (*s == ',') {
		s++;
		n = isdigit((unsigned char)*s) ? number(&s) : m + 1;
	}
	return (m > n ? m : n) + 1;
}

/* Why re is refused before regcomp sees it (or gives a less clear message), or NULL. */
static const char *refuse(const char *re)
{
	size_t len = strlen(re);
	uint64_t cost = len ? len : 1;

	if (len > FILTER_REGEX_MAX_LEN)
		return "too long";
	for (size_t i = 0; re[i] != '\0'; i++) {
		if (re[i] == '[') {
			size_t n = filter_bracket_len(re + i, len - i, false);
			if (n == 0)
				return "unmatched [, [^, [:, [., or [=";
			i += n - 1;
			continue;
		}
		if (re[i] != '\\' || re[i + 1] == '\0')
			continue;
		i++;
		if (re[i] >= '1' && re[i] <= '9')
			return "back-references are not supported";
		if (re[i] == '{') {
			cost *= interval_copies(re + i + 1);
			if (cost > FILTER_REGEX_MAX_COST)
				return "too complex";
		}
	}
	return NULL;
}

bool filter_regex_compile(regex_t *out, const char *re, struct strbuf *err)
{
	const char *why = refuse(re);

	if (why != NULL) {
		strbuf_append(err, why);
		return false;
	}
	int status = regcomp(out, re, 0);
	if (status != 0) {
		char buf[128];
		regerror(status, out, buf, sizeof buf);
		buf[0] = (char)tolower((unsigned char)buf[0]);
		strbuf_append(err, buf);
		return false;
	}
	return true;
}

bool filter_regex_match(const regex_t *re, const char *name)
{
	regmatch_t m;

	/* POSIX leftmost-longest: a whole-name match, if any, is the one reported. */
	if (regexec(re, name, 1, &m, 0) != 0)
		return false;
	return m.rm_so == 0 && (size_t)m.rm_eo == strlen(name);
}
