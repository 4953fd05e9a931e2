// An exception thrown by a traced library function and caught in main: the
// traced call never returns, the program goes on normally.  With an argument
// ("nested"): thrown and caught inside a qsort callback, so that qsort, a traced
// call still in progress, returns after the catch.
#include <stdexcept>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

extern "C" long thrower(long x);

static int caught;

extern "C" int cmp(const void *a, const void *b)
{
	try {
		thrower(5);
		return 0; /* not reached: the catch block goes on elsewhere than the return
			   * address (which ltrace's engine would take for a return) */
	} catch (const std::exception &e) {
		caught++;
	}
	return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		int v[2] = { 2, 1 };
		qsort(v, 2, sizeof v[0], cmp);
		write(1, caught == 1 && v[0] == 1 ? "ok\n" : "BAD\n", caught == 1 && v[0] == 1 ? 3 : 4);
		return 0;
	}
	long r = thrower(1);
	try {
		thrower(5);
		write(1, "not reached\n", 12);
	} catch (const std::exception &e) {
		const char *what = e.what();
		write(1, "caught ", 7);
		write(1, what, strlen(what));
		write(1, "\n", 1);
	}
	r += thrower(0);
	write(1, "end\n", 4);
	return r == 3 ? 0 : 1;
}
