/* -w: the stack of each call.  write() is called from a static function
   two levels below main (named only in .symtab); strcmp from a qsort
   callback, while qsort is unfinished.  "nested": abs() from a callback of
   libwalk.so's walk(), while walk is unfinished (its return address is
   the agent's with --fast: the stack shown must still go through walk to
   main). */
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

int walk(int (*visit)(int), int n);

int visit(int i)
{
	int r = abs(i - 5);
	return r + 1;
}

int main(int argc, char **argv)
{
	const char *v[2] = { strs[1], strs[0] };

	if (argc > 1 && strcmp(argv[1], "nested") == 0)
		return walk(visit, 1) == 7 ? 0 : 1;
	outer_step();
	qsort(v, 2, sizeof v[0], cmp);
	return 0;
}
