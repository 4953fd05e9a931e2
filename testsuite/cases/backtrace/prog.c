/* backtrace() inside traced calls: directly from main, and from a qsort
   callback (so qsort is unfinished while the stack is walked).  The
   program checks the frames and prints OK or BAD; -rdynamic so that
   backtrace_symbols can name main and cmp_cb (hence not static). */
#include <stdlib.h>
#include <unistd.h>

int bt_check(const char *caller);

int cmp_cb(const void *a, const void *b)
{
	int ok = bt_check("cmp_cb");
	write(1, ok ? "cmp OK\n" : "cmp BAD\n", ok ? 7 : 8);
	return *(const int *)a - *(const int *)b;
}

int main(void)
{
	int v[2] = { 2, 1 };
	int ok = bt_check("main");

	write(1, ok ? "main OK\n" : "main BAD\n", ok ? 8 : 9);
	qsort(v, 2, sizeof v[0], cmp_cb);
	return 0;
}
