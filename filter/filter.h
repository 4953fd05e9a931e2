/*
 * Filter expressions of -e and -x (ltrace(1), FILTER EXPRESSIONS): a chain of rules
 * {[+-][SYMBOL][@LIBRARY]} that marks and unmarks candidate symbols.
 */
#ifndef LTRACE_FILTER_H
#define LTRACE_FILTER_H

#include <stdbool.h>

/* The object a candidate symbol belongs to. */
struct filter_object {
	const char *soname; /* DT_SONAME, or the basename of the path when it has none */
	const char *path;   /* as the dynamic loader names it (link_map l_name, or the exe) */
	bool is_main;       /* the executable: matched by the library pattern MAIN */
	bool is_sys;        /* the system calls (-S): matched by the library pattern SYS
			     * only, which matches nothing else */
};

struct filter; /* one expression */

/*
 * Parse one expression. Returns NULL and sets *error (owned by the caller, free it) to
 * a one-line message such as "invalid regular expression '[': brackets ([ ]) not
 * balanced" when the expression is malformed. Never exits.
 */
struct filter *filter_parse(const char *expr, char **error);
void filter_free(struct filter *f);

/* Whether the symbol ends up marked after the whole chain. */
bool filter_match(const struct filter *f, const char *symbol, const struct filter_object *obj);

/*
 * Whether the expression can select anything in obj at all, whatever the symbol
 * (false when no + rule's library pattern matches obj); lets callers skip objects.
 */
bool filter_may_match_object(const struct filter *f, const struct filter_object *obj);

/* Whether the expression can select a function (false when its + rules all name SYS). */
bool filter_selects_functions(const struct filter *f);

#endif
