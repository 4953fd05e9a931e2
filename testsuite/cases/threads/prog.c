/* Two threads calling library functions concurrently, 100 times each. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

long bench_add(long a, long b);
long bench_mul(long a, long b);

static void *adder(void *arg)
{
	long s = 0;

	for (long i = 1; i <= 100; i++)
		s += bench_add(i, 0);
	*(long *)arg = s;
	return NULL;
}

static void *multiplier(void *arg)
{
	long s = 0;

	for (long i = 0; i < 100; i++)
		s += bench_mul(i, 2);
	*(long *)arg = s;
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long sa = 0, sb = 0;
	void *ret;

	getpid(); /* its value names the main thread in the trace (PID) */
	setvbuf(stdout, NULL, _IONBF, 0);
	pthread_create(&a, NULL, adder, &sa);
	pthread_create(&b, NULL, multiplier, &sb);
	pthread_join(a, &ret);
	pthread_join(b, &ret);
	printf("%ld %ld\n", sa, sb);
	return 0;
}
