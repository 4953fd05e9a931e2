/* A thread other than the main one execs: the new program takes over the process. */
#include <pthread.h>
#include <unistd.h>

static void *run(void *arg)
{
	(void)arg;
	execl("./next", "next", (char *)0);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, run, NULL);
	pthread_join(t, NULL);
	return 1;
}
