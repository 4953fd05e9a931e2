/* A thread ends inside a traced call: by pthread_exit() (leave()), and by cancellation
 * while it blocks in read() (block()). glibc unwinds the thread's stack for its end, and
 * the destructors of the frames below the traced call run (Guard). The program checks
 * the threads' results and that both destructors ran, and says "ok". */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

extern "C" long step(long v);
extern "C" long leave(long v);
extern "C" long block(int fd);

static int fds[2];
static int cleaned;

struct Guard {
	~Guard() { cleaned++; }
};

static void *exiting(void *)
{
	Guard g;
	step(1);
	leave(42);
	return (void *)1;
}

static void *cancelled(void *)
{
	Guard g;
	step(2);
	block(fds[0]);
	return (void *)1;
}

int main()
{
	pthread_t t1, t2;
	void *r1, *r2;

	if (pipe(fds) != 0)
		return 2;
	pthread_create(&t1, NULL, exiting, NULL);
	pthread_join(t1, &r1);
	pthread_create(&t2, NULL, cancelled, NULL);
	usleep(200000); /* it is blocked in read() by now */
	pthread_cancel(t2);
	pthread_join(t2, &r2);
	long s = step(3);
	if ((long)r1 != 42 || r2 != PTHREAD_CANCELED || s != 7 || cleaned != 2) {
		printf("wrong: %ld %d %ld, %d destructors ran\n", (long)r1, r2 == PTHREAD_CANCELED, s,
		       cleaned);
		return 1;
	}
	printf("ok\n");
	return 0;
}
