/* A SIGUSR1 handler: the signal is shown and delivered unchanged (the
   handler runs and its own traced call appears, inside kill()). */
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void handler(int sig)
{
	got = sig;
	write(1, "sig\n", 4);
}

int main(void)
{
	signal(SIGUSR1, handler);
	kill(getpid(), SIGUSR1);
	if (got != SIGUSR1) {
		write(1, "handler not run\n", 16);
		return 1;
	}
	write(1, "done\n", 5);
	return 0;
}
