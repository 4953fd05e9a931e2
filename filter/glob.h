/*
 * Bash-style globs for filter patterns: * ? [abc] [a-z] [!a] [^a] [[:alpha:]] and \x,
 * matched bytewise against a whole name. Iterative: time O(pattern * name), no recursion.
 */
#ifndef LTRACE_FILTER_GLOB_H
#define LTRACE_FILTER_GLOB_H

#include <stdbool.h>

/* NULL when glob is well formed, else a static description of the first problem. */
const char *filter_glob_check(const char *glob);

/* Whether glob matches all of name. Safe, but meaningless, on a glob that fails the check. */
bool filter_glob_match(const char *glob, const char *name);

#endif
