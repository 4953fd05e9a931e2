/* bench-calls TOTAL [THREADS]
 *
 * Calls bench_add() from libbench.so TOTAL times through the PLT.  With
 * THREADS > 0 the calls are split evenly over that many threads (the main
 * thread only creates and joins them); with 0 or no argument every call is
 * made by the main thread.  TOTAL 0 measures a tracer's start-up cost. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

long bench_add(long a, long b);

static long per_thread;
static volatile long sink;

static void *worker(void *arg)
{
	long sum = 0;

	for (long i = 0; i < per_thread; i++)
		sum += bench_add(i, 2);
	__atomic_add_fetch(&sink, sum, __ATOMIC_RELAXED);
	return arg;
}

int main(int argc, char **argv)
{
	long total = argc > 1 ? atol(argv[1]) : 20000;
	int threads = argc > 2 ? atoi(argv[2]) : 0;
	pthread_t tid[64];

	if (threads <= 0) {
		per_thread = total;
		worker(NULL);
		return 0;
	}
	if (threads > 64)
		threads = 64;
	per_thread = total / threads;
	for (int i = 0; i < threads; i++)
		if (pthread_create(&tid[i], NULL, worker, NULL) != 0) {
			fputs("bench-calls: pthread_create failed\n", stderr);
			return 1;
		}
	for (int i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	return 0;
}
