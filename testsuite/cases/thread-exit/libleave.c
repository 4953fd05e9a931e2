#include <pthread.h>
#include <unistd.h>

long step(long v)
{
	return 2 * v + 1;
}

/* Ends the calling thread inside this call. */
long leave(long v)
{
	pthread_exit((void *)v);
	return 0;
}

/* Blocks in read(), a cancellation point, inside this call. */
long block(int fd)
{
	char c;

	return read(fd, &c, 1);
}
