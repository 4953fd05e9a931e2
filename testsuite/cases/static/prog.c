/* A statically linked program: no dynamic symbols, no loader; -x finds twice in .symtab. */
#include <stdio.h>

__attribute__((noinline)) long twice(long x)
{
	return 2 * x;
}

int main(void)
{
	long s = 0;

	for (long i = 1; i <= 3; i++)
		s += twice(i);
	printf("%ld\n", s);
	return 0;
}
