/* Recursion through a shared library: main -> rec_down(3) -> cb(2) ->
   rec_down(2) -> ... -> rec_down(0).  Each level returns a different
   value, so a return matched to the wrong call shows up. */
#include <stdio.h>

long rec_down(long n, long (*cb)(long));

static long cb(long n)
{
	return rec_down(n, cb) + 1000;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	long r = rec_down(3, cb);
	printf("%ld\n", r);
	return r == 3061 ? 0 : 1;
}
