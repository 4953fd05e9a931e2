/* What the selection options ask to trace: the filters of -e, -l and -x, and -L. */
#ifndef LTRACE_SELECTION_H
#define LTRACE_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

struct filter;

struct selection {
	struct filter **e; /* -e: PLT calls, OR-ed */
	size_t ne;
	struct filter **l; /* -l: "@PATTERN" filters naming the callee's library */
	size_t nl;
	struct filter **x; /* -x: function entries */
	size_t nx;
	bool no_default;   /* -L: no implicit -e @MAIN */
};

#endif
