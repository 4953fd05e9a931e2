/* Calls of known durations: nanosleep never sleeps less than it is asked, and
   each request is just above the start of a log2 bucket of microseconds (1100
   in [1K, 2K), 2200 in [2K, 4K), 4400 in [4K, 8K)).  Each call is also timed
   from here, around the call: the tracer's duration lies between the request
   and that, which check_hist.py is given in the file "measured".  Then exit(),
   which never returns. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int out;

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void nap(long us)
{
	struct timespec ts = { 0, us * 1000 };
	char line[64];
	long long t0 = now_us();

	nanosleep(&ts, NULL);
	long long t1 = now_us();
	int n = snprintf(line, sizeof(line), "%ld %lld\n", us, t1 - t0 + 1);
	write(out, line, (size_t)n);
}

int main(void)
{
	out = open("measured", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0)
		return 1;
	nap(1100);
	nap(1100);
	nap(1100);
	nap(2200);
	nap(2200);
	nap(4400);
	close(out);
	exit(0);
}
