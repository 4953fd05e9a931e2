/* bench-unsel COUNT [SELECTED]
 *
 * Calls bench_noop() COUNT times and bench_add() SELECTED times (default 10:
 * half before the bench_noop loop, half after).  Traced with -e bench_add,
 * this measures what calls that are not selected cost. */
#include <stdlib.h>

long bench_add(long a, long b);
void bench_noop(void);

int main(int argc, char **argv)
{
	long count = argc > 1 ? atol(argv[1]) : 200000;
	long selected = argc > 2 ? atol(argv[2]) : 10;
	long sum = 0;

	for (long i = 0; i < selected / 2; i++)
		sum += bench_add(i, 2);
	for (long i = 0; i < count; i++)
		bench_noop();
	for (long i = selected / 2; i < selected; i++)
		sum += bench_add(i, 2);
	return sum == -1;
}
