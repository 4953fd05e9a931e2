/* Inside struct filter: the chain of rules that filter_parse builds and filter_match runs. */
#ifndef LTRACE_FILTER_RULE_H
#define LTRACE_FILTER_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "filter/filter.h"
#include "filter/pattern.h"

enum filter_lib_kind {
	FLIB_SONAME, /* the pattern is matched against the SONAME */
	FLIB_PATH,   /* it starts with '/': matched against the path */
	FLIB_MAIN,   /* exactly MAIN: the executable, whatever its name */
	FLIB_SYS,    /* exactly SYS: system calls (-S), and nothing else */
};

struct filter_rule {
	bool add; /* + (marks) or - (unmarks) */
	struct filter_pattern sym;
	enum filter_lib_kind lib_kind;
	struct filter_pattern lib; /* FPAT_ANY for FLIB_MAIN and FLIB_SYS */
};

struct filter {
	struct filter_rule *rules;
	size_t n, cap;
};

/* Append a rule (taking over its patterns) to f. */
void filter_add_rule(struct filter *f, const struct filter_rule *r);

#endif
