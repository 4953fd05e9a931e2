/* Calls step() in NTHREADS threads until the file "done" appears, checking every
 * result; prints "ok" and exits 0 only if every call returned what it should.
 * With a second argument "busy", the threads do not sleep between calls. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

long step(long i);

static volatile int bad, busy;

static void *loop(void *arg)
{
	(void)arg;
	for (long i = 0; access("done", F_OK) != 0; i++) {
		if (step(i) != 2 * i)
			bad = 1;
		if (!busy)
			usleep(2000);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	pthread_t t[16];

	busy = argc > 2 && strcmp(argv[2], "busy") == 0;
	FILE *f = fopen("pid.tmp", "w");
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	rename("pid.tmp", "pid");
	for (int i = 1; i < n; i++)
		pthread_create(&t[i], NULL, loop, NULL);
	loop(NULL);
	for (int i = 1; i < n; i++)
		pthread_join(t[i], NULL);
	printf("%s\n", bad ? "BAD" : "ok");
	return bad;
}
