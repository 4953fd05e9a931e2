/*
 * One symbol or library pattern of a filter rule: anything, a glob, or a POSIX basic
 * regular expression (what ltrace 0.7.3 compiles /.../ as), matched against a whole name.
 */
#ifndef LTRACE_FILTER_PATTERN_H
#define LTRACE_FILTER_PATTERN_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "common/strbuf.h"

enum filter_pattern_kind { FPAT_ANY, FPAT_GLOB, FPAT_REGEX };

struct filter_pattern {
	enum filter_pattern_kind kind;
	char *glob;  /* FPAT_GLOB: without the ^ and $ anchors */
	regex_t re;  /* FPAT_REGEX */
};

/* Limits that keep regcomp/regexec cheap whatever the input. */
#define FILTER_REGEX_MAX_LEN 1024
#define FILTER_REGEX_MAX_COST 2048 /* length times the interval bounds */

/*
 * Compile text[0..len) as a glob or, when is_regex, a regular expression; an empty text
 * matches anything. On error returns false and appends the problem to *err.
 */
bool filter_pattern_init(struct filter_pattern *pat, const char *text, size_t len,
			 bool is_regex, struct strbuf *err);
bool filter_pattern_match(const struct filter_pattern *pat, const char *name);
void filter_pattern_fini(struct filter_pattern *pat);

/* Append s[0..len) to sb in single quotes, non-printable bytes escaped, long text cut. */
void filter_quote(struct strbuf *sb, const char *s, size_t len);

#endif
