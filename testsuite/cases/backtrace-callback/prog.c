/* backtrace() in a qsort callback, so that qsort, a traced call, is in progress while
 * the stack is walked. The callback writes the names of the frames that are the
 * program's own (cmp_cb, main, _start: -rdynamic names them), one a line, the same
 * traced or not; then the result of the sort. */
#include <execinfo.h>
#include <stdlib.h>
#include <unistd.h>

int cmp_cb(const void *a, const void *b)
{
	void *frames[32];
	int n = backtrace(frames, 32);
	char **syms = backtrace_symbols(frames, n);

	for (int i = 0; syms != NULL && i < n; i++) {
		const char *s = syms[i], *name;
		if (s[0] != '.' || s[1] != '/')
			continue; /* another object: only ours are named the same everywhere */
		while (*s != '\0' && *s != '(')
			s++;
		if (*s == '\0')
			continue;
		name = ++s;
		while (*s != '\0' && *s != '+' && *s != ')')
			s++;
		write(1, name, (size_t)(s - name));
		write(1, "\n", 1);
	}
	free(syms);
	return *(const int *)a - *(const int *)b;
}

int main(void)
{
	int v[2] = { 2, 1 };

	qsort(v, 2, sizeof v[0], cmp_cb);
	write(1, v[0] == 1 && v[1] == 2 ? "sorted\n" : "WRONG\n", v[0] == 1 ? 7 : 6);
	return 0;
}
