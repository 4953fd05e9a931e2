/* -A, -s, -a, -b: an array argument longer than the limit, a string longer
   than the limit, and a signal whose line -b hides. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

int sum_ints(const int *v, int n);

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	static const int v[5] = { 1, 2, 3, 4, 5 };
	const char *msg = "a long line of text\n";

	write(1, msg, strlen(msg));
	if (sum_ints(v, 5) != 15)
		return 1;
	signal(SIGUSR1, handler);
	raise(SIGUSR1);
	write(1, "done\n", 5);
	return 0;
}
