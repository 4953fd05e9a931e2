/* What the selection options ask to trace: the filters of -e, -l and -x, and -L. */
#ifndef LTRACE_SELECTION_H
#define LTRACE_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "filter/filter.h"

struct selection {
	struct filter **e; /* -e: PLT calls, OR-ed */
	size_t ne;
	struct filter **l; /* -l: "@PATTERN" filters naming the callee's library */
	size_t nl;
	struct filter **x; /* -x: function entries */
	size_t nx;
	bool no_default;   /* -L: no implicit -e @MAIN */
};

/* No function can be selected, now or in a later library: -e rules that name only system
 * calls (or -L), and no -l or -x. */
static inline bool selection_is_empty(const struct selection *s)
{
	if ((s->ne == 0 && !s->no_default) || s->nl > 0 || s->nx > 0)
		return false;
	for (size_t i = 0; i < s->ne; i++)
		if (filter_selects_functions(s->e[i]))
			return false;
	return true;
}

#endif
