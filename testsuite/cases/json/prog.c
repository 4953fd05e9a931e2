/* --json: a call, calls nested in a callback, a signal whose handler makes
   a call, and exit(), which never returns. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char strs[2][2] = { "a", "c" };

static int cmp(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa;
	const char *b = *(const char *const *)pb;
	const char *lo = a < b ? a : b, *hi = a < b ? b : a;
	int r = strcmp(lo, hi);
	return a == lo ? r : -r;
}

static void handler(int sig)
{
	(void)sig;
	write(1, "h\n", 2);
}

int main(void)
{
	const char *v[2] = { strs[1], strs[0] };

	write(1, "a\n", 2);
	qsort(v, 2, sizeof v[0], cmp);
	signal(SIGUSR1, handler);
	raise(SIGUSR1);
	int fds[2];
	pipe(fds); /* an output argument: shown with the return */
	exit(3);
}
