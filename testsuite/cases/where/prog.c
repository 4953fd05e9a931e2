/* -w: the stack of each call.  write() is called from a static function
   two levels below main (named only in .symtab); strcmp from a qsort
   callback, while qsort is unfinished.  "nested": abs() from a callback of
   libwalk.so's walk(), while walk is unfinished (its return address is
   the agent's with --fast: the stack shown must still go through walk to
   main). "reload": libplugA.so is loaded, called and unloaded, then
   libplugB.so in its place (the program says "same place" when it is): the
   frames of B's call are B's. */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <stdio.h>
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

static int reload(void)
{
	static const char *const libs[2] = { "./libplugA.so", "./libplugB.so" };
	void *base[2];

	for (int i = 0; i < 2; i++) {
		void *h = dlopen(libs[i], RTLD_NOW);
		int (*run)(int) = h != NULL ? (int (*)(int))dlsym(h, "run") : NULL;
		Dl_info info;
		if (run == NULL || dladdr((void *)run, &info) == 0 || run(i) != 6 - i)
			return 1;
		base[i] = info.dli_fbase;
		dlclose(h);
	}
	puts(base[0] == base[1] ? "same place" : "moved");
	return 0;
}

int main(int argc, char **argv)
{
	const char *v[2] = { strs[1], strs[0] };

	if (argc > 1 && strcmp(argv[1], "nested") == 0)
		return walk(visit, 1) == 7 ? 0 : 1;
	if (argc > 1 && strcmp(argv[1], "reload") == 0)
		return reload();
	outer_step();
	qsort(v, 2, sizeof v[0], cmp);
	return 0;
}
