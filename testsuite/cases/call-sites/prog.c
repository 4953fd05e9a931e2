/* -i: each call's line starts with its return address; a signal's with
   where the program was when it came. */
#include <signal.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	write(1, "a\n", 2);
	signal(SIGUSR1, handler);
	raise(SIGUSR1);
	write(1, "b\n", 2);
	return 0;
}
