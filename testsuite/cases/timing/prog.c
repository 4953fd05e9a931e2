/* qsort calls back into the program, which calls strcmp: strcmp is traced
   while qsort is unfinished.
   Two elements, so that any sort algorithm makes exactly one comparison;
   the callback passes the two strings to strcmp in a fixed order (by
   address), so the trace does not depend on which element qsort passes
   first. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One array, so "a" is at the lower address. */
static const char strs[2][2] = { "a", "c" };

static int cmp(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa;
	const char *b = *(const char *const *)pb;
	const char *lo = a < b ? a : b, *hi = a < b ? b : a;
	int r = strcmp(lo, hi);
	return a == lo ? r : -r;
}

int main(void)
{
	const char *v[2] = { strs[1], strs[0] };

	qsort(v, 2, sizeof v[0], cmp);
	write(1, v[0], 1);
	write(1, v[1], 1);
	write(1, "\n", 1);
	return 0;
}
