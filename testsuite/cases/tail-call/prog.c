/* f(4) tail-calls g(5) through libf.so's PLT: both calls traced, one return. */
#include <stdio.h>

long f(long v);

int main(void)
{
	long r = f(4);

	printf("%ld\n", r);
	return r == 50 ? 0 : 1;
}
