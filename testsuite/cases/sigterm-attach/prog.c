/* NTHREADS threads (16; attach-repeat builds it with 4) calling step() in a loop until the
 * file "done" appears, PAUSE_US microseconds apart (1000; attach-repeat/busy: 0), checking
 * every result; writes its pid to "pid" once every thread runs.  Prints "ok" and exits 0
 * only if every call returned what it should. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef NTHREADS
#define NTHREADS 16
#endif
#ifndef PAUSE_US
#define PAUSE_US 1000
#endif

long step(long i);

static volatile int bad;
static pthread_barrier_t barrier;

static void *loop(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&barrier);
	for (long i = 0; access("done", F_OK) != 0; i++) {
		if (step(i) != 2 * i)
			bad = 1;
		if (PAUSE_US > 0)
			usleep(PAUSE_US);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];

	pthread_barrier_init(&barrier, NULL, NTHREADS + 1);
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, loop, (void *)i);
	pthread_barrier_wait(&barrier);
	FILE *f = fopen("pid.tmp", "w");
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	rename("pid.tmp", "pid");
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("%s\n", bad ? "BAD" : "ok");
	return bad;
}
