#include <stdio.h>

long use_pick(long x);

int main(void)
{
	printf("%ld\n", use_pick(2));
	return 0;
}
