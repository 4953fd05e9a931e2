#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

/* Queues n SIGRTMIN to the process, retrying while the queue is full; the
 * number queued. */
long flood(long n)
{
	union sigval v = { 0 };
	long sent = 0;

	while (sent < n) {
		if (sigqueue(getpid(), SIGRTMIN, v) == 0)
			sent++;
		else if (errno == EAGAIN)
			sched_yield();
		else
			break;
	}
	return sent;
}

long work(long i) { return i + 1; }
