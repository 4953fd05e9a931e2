/* -w: the stack of each call.  write() is called from a static function
   two levels below main (named only in .symtab); strcmp from a qsort
   callback, while qsort is unfinished. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char strs[2][2] = { "a", "c" };

static void inner_step(void)
{
	write(1, "b\n", 2);
}

static void outer_step(void)
{
	inner_step();
}

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

	outer_step();
	qsort(v, 2, sizeof v[0], cmp);
	return 0;
}
