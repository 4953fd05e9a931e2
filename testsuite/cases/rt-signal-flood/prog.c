/* A thread queues NSIG SIGRTMIN (blocked in that thread, so the main thread gets
 * them) while the main thread calls work() until its handler has counted every
 * one.  Prints the count and the number of SIGTRAPs the program received (0), and
 * writes the number of work() calls to the file "calls". */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

long flood(long n);
long work(long i);

static volatile sig_atomic_t count, traps;
static long nsig;

static void on_rt(int sig) { (void)sig; count++; }
static void on_trap(int sig) { (void)sig; traps++; }

static void *sender(void *arg)
{
	sigset_t rt;

	(void)arg;
	sigemptyset(&rt);
	sigaddset(&rt, SIGRTMIN);
	pthread_sigmask(SIG_BLOCK, &rt, NULL);
	return (void *)flood(nsig);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_rt };
	pthread_t t;
	long calls = 0, bad = 0;
	void *sent;

	nsig = argc > 1 ? atol(argv[1]) : 100000;
	sigaction(SIGRTMIN, &sa, NULL);
	sa.sa_handler = on_trap;
	sigaction(SIGTRAP, &sa, NULL);
	pthread_create(&t, NULL, sender, NULL);
	while (count < nsig) {
		if (work(calls) != calls + 1)
			bad++;
		calls++;
	}
	pthread_join(t, &sent);
	FILE *f = fopen("calls", "w");
	fprintf(f, "%ld\n", calls);
	fclose(f);
	printf("sent=%ld count=%ld traps=%ld bad=%ld\n", (long)sent, (long)count, (long)traps, bad);
	return 0;
}
