/* Killed by SIGKILL in the middle of a traced call.
 *   ./prog self       die_inside(SIGKILL) kills the process itself
 *   ./prog N          N threads (the main one included) each inside hold(i),
 *                     until someone else kills the process */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

int die_inside(int sig);
int hold(int n);

static void *run(void *arg)
{
	hold((int)(long)arg);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	write(1, "before\n", 7);
	if (argc < 2)
		return 2;
	if (argv[1][0] == 's')
		return die_inside(SIGKILL);
	int n = argv[1][0] - '0';	/* 1 to 9, no library call */
	for (long i = 1; i < n; i++)
		pthread_create(&t, NULL, run, (void *)i);
	return hold(0);
}
