/* NTHREADS threads (1 or 2) each call tick() 200 times, 5 ms apart (about a
 * second), checking every result; prints "ok" at the end if all were right. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int start(void);
long tick(long i);

static volatile int bad;

static void *run(void *arg)
{
	long base = (long)arg;

	for (long i = base; i < base + 200; i++) {
		if (tick(i) != i + 1)
			bad = 1;
		usleep(5000);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int n = argc > 1 ? argv[1][0] - '0' : 1;

	/* A group of its own, whose parent (the tracer) is in another group of the
	 * session: otherwise, when the suite runs in an orphaned process group (as in
	 * CI), the kernel discards SIGTSTP and the program never stops, traced or not. */
	setpgid(0, 0);
	if (start() != 0)
		return 2;
	if (n > 1)
		pthread_create(&t, NULL, run, (void *)1000);
	run((void *)0);
	if (n > 1)
		pthread_join(t, NULL);
	printf("%s\n", bad ? "BAD" : "ok");
	return 0;
}
