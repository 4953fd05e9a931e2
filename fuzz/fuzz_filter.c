/*
 * Fuzz target: the filter-expression parser of -e / -x / -l (filter/), and matching with
 * what it produced. Built by fuzz/run only once filter/ has its sources.
 *
 * Input: EXPR [NUL SYMBOL [NUL SONAME [NUL PATH]]]. EXPR is parsed; a parsed filter is
 * matched against SYMBOL in an object named SONAME / PATH (as the executable, and as a
 * library), and against a few fixed names; a refused one must come with a message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"

/* The next NUL-terminated field of the input, copied (so that ASan sees overreads). */
static char *field(const unsigned char **p, const unsigned char *end, const char *dflt)
{
	if (*p >= end)
		return strdup(dflt);
	const unsigned char *nul = memchr(*p, 0, (size_t)(end - *p));
	size_t n = nul ? (size_t)(nul - *p) : (size_t)(end - *p);
	char *s = malloc(n + 1);
	memcpy(s, *p, n);
	s[n] = '\0';
	*p = nul ? nul + 1 : end;
	return s;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const unsigned char *p = data, *end = data + size;
	char *expr = field(&p, end, "");
	char *symbol = field(&p, end, "malloc");
	char *soname = field(&p, end, "libc.so.6");
	char *path = field(&p, end, "/lib/x86_64-linux-gnu/libc.so.6");
	char *error = NULL;

	struct filter *f = filter_parse(expr, &error);
	if (f == NULL) {
		if (error == NULL || error[0] == '\0' || strchr(error, '\n') != NULL)
			abort(); /* a refusal comes with a one-line message */
		if (getenv("FUZZ_VERBOSE") != NULL)
			printf("refused: %s\n", error);
	} else {
		static const char *const names[] = { "", "MAIN", "free", "_start", "a*b" };
		struct filter_object lib = { soname, path, false, false };
		struct filter_object exe = { "prog", "/usr/bin/prog", true, false };
		for (int main_too = 0; main_too < 2; main_too++) {
			const struct filter_object *o = main_too ? &exe : &lib;
			bool any = filter_may_match_object(f, o);
			bool hit = filter_match(f, symbol, o);
			if (hit && !any)
				abort(); /* the object was to be skipped, yet a symbol matches */
			for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
				filter_match(f, names[i], o);
			if (getenv("FUZZ_VERBOSE") != NULL)
				printf("%s %s@%s: %s%s\n", expr, symbol, o->soname,
				       hit ? "traced" : "not traced",
				       any ? "" : " (object skipped)");
		}
		filter_free(f);
	}
	free(error);
	free(expr);
	free(symbol);
	free(soname);
	free(path);
	return 0;
}
