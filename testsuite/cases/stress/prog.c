/* NTHREADS threads (started together at a barrier) each call stress_op(a, i) for
 * i = 0 .. NCALLS-1, a being the thread's index, and check every result.  Prints
 * "ok" and exits 0 only if every call returned what it should. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

long stress_op(long a, long b);

static long ncalls;
static pthread_barrier_t barrier;

static void *run(void *arg)
{
	long a = (long)arg, bad = 0;

	pthread_barrier_wait(&barrier);
	for (long i = 0; i < ncalls; i++)
		if (stress_op(a, i) != a * 100000 + i)
			bad++;
	return (void *)bad;
}

int main(int argc, char **argv)
{
	pthread_t t[64];
	long bad = 0;
	void *r;

	if (argc != 3)
		return 2;
	int n = atoi(argv[1]);
	ncalls = atol(argv[2]);
	if (n < 1 || n > 64)
		return 2;
	pthread_barrier_init(&barrier, NULL, (unsigned)n);
	for (long i = 0; i < n; i++)
		pthread_create(&t[i], NULL, run, (void *)i);
	for (int i = 0; i < n; i++) {
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("%s\n", bad ? "BAD" : "ok");
	return bad != 0;
}
