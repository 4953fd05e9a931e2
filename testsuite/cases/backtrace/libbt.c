/* Test library: checks that backtrace() sees a sane stack while the call is
   traced.  Returns 1 when it does, 0 (with details on stderr) otherwise. */
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bt_check(const char *caller)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	char **syms = backtrace_symbols(frames, n);
	int i, ok = 1, seen_caller = 0, seen_main = 0;
	char want_caller[64], want_main[] = "(main+";

	if (syms == NULL)
		return 0;
	snprintf(want_caller, sizeof want_caller, "(%s+", caller);
	if (n <= 2)
		ok = 0;
	/* frame 0 is us; frame 1 must be the caller; main must follow. */
	if (n > 0 && strstr(syms[0], "(bt_check+") == NULL)
		ok = 0;
	if (n > 1 && strstr(syms[1], want_caller) != NULL)
		seen_caller = 1;
	for (i = 1; i < n; i++)
		if (strstr(syms[i], want_main) != NULL)
			seen_main = 1;
	/* Every frame up to main must be in a loaded object. */
	for (i = 0; i < n && !strstr(syms[i], want_main); i++)
		if (syms[i][0] == '[')
			ok = 0;
	if (!ok || !seen_caller || !seen_main) {
		fprintf(stderr, "bad backtrace from %s (%d frames):\n", caller, n);
		for (i = 0; i < n; i++)
			fprintf(stderr, "  %s\n", syms[i]);
		ok = 0;
	}
	free(syms);
	return ok;
}
