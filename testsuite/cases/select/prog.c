/* Calls into libouter.so (which calls libinner.so) and a static function of its own. */
#include <stdio.h>

long outer(long a);

static long helper_sq(long x)
{
	return x * x;
}

int main(void)
{
	long a = outer(7);
	long b = helper_sq(5);

	printf("%ld %ld\n", a, b);
	return 0;
}
