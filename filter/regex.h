/* Regular expressions of filter patterns: bounded compilation, whole-name matching. */
#ifndef LTRACE_FILTER_REGEX_H
#define LTRACE_FILTER_REGEX_H

#include <regex.h>
#include <stdbool.h>

#include "common/strbuf.h"

/*
 * Compile re as a POSIX basic regular expression (GNU extensions \| \+ \? included), as
 * ltrace 0.7.3 does. Rejects what could make regcomp or regexec blow up: very long
 * expressions, nested or huge intervals, back-references. On error returns false and
 * appends the problem (no prefix) to *err.
 */
bool filter_regex_compile(regex_t *out, const char *re, struct strbuf *err);

/* Whether the compiled expression matches all of name (^ and $ are allowed, not needed). */
bool filter_regex_match(const regex_t *re, const char *name);

#endif
