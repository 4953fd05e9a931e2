/* --fast: what the agent must get right. One program, a mode per variant:
 *   seen N     strlen on a buffer the program changes right after each call; then (N >=
 *              10) a printf of seven strings, the last two on the stack, changed after it,
 *              and an snprintf of two of them, changed after it
 *   out N      fill(n, buf), which writes "vN" into buf (an output argument), then the
 *              program writes over buf right after each return
 *   threads T N  T threads, each making N calls of step(); prints the sum
 *   full N     N calls of step() (more records than the ring holds)
 *   busy T MS  T threads calling step() for MS milliseconds, then the sum (checked)
 *   handler N  N calls of step(n) while another thread sends SIGUSR1 to this one as
 *              fast as it can; the handler calls step(-1); prints the sum and writes
 *              the number of handler calls to the file "handled"
 *   altstack N the same in a thread whose stack is in .bss (below the mappings) while the
 *              handler runs on a mapped alternate stack (sigaltstack, SA_ONSTACK): the
 *              handler's calls are above the interrupted ones
 *   nested N   walk() on a list of 3 nodes, whose values, names and links the program
 *              changes right after each call; name_of() returns a buffer the program
 *              writes over right after each return; span() takes 4 longs that cross
 *              into the next page, changed right after each call
 *   deep N     down(N) calls back into the program, which calls down(N - 1)...: N + 1
 *              traced calls nested in one another; prints N
 *   regs 1     check_regs() (regs.S): prints "kept" if leaf() left every register as
 *              the caller expects; then early(0), early(5), sum2(1, 2), past(1, 2) */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

long step(long v);
long fill(long v, char *buf);
long down(long n, long (*back)(long));
struct node {
	long v;
	const char *name;
	struct node *next;
};
long walk(const struct node *n);
char *name_of(long v);
long span(const long *v);

static long back(long n)
{
	return down(n, back);
}

static long per_thread, run_ms;

static void *worker(void *arg)
{
	long sum = 0, n = 0;
	struct timespec start, now;

	(void)arg;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		if (per_thread > 0 && n == per_thread)
			break;
		if (per_thread == 0 && (n & 255) == 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 >
			    run_ms)
				break;
		}
		sum += step(n) - 2 * n; /* step(n) is 2n + 1 */
		n++;
	}
	return (void *)(sum == n ? (long)1 : (long)0);
}

static int run_threads(int nthreads)
{
	pthread_t t[16];
	int ok = 1;

	for (int i = 0; i < nthreads; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < nthreads; i++) {
		void *r;
		pthread_join(t[i], &r);
		ok &= r == (void *)1;
	}
	puts(ok ? "ok" : "WRONG");
	return ok ? 0 : 1;
}

static volatile sig_atomic_t handled, bad_in_handler, done;
static pthread_t main_thread;

static void on_usr1(int sig)
{
	(void)sig;
	if (step(-1) != -1)
		bad_in_handler++;
	handled++;
}

static void *sender(void *arg)
{
	(void)arg;
	while (!done) {
		pthread_kill(main_thread, SIGUSR1);
		sched_yield();
	}
	return NULL;
}

static int run_handler(long n)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	pthread_t t;
	long sum = 0;

	sigaction(SIGUSR1, &sa, NULL);
	main_thread = pthread_self();
	pthread_create(&t, NULL, sender, NULL);
	for (long i = 0; i < n; i++)
		sum += step(i) - 2 * i;
	done = 1;
	pthread_join(t, NULL);
	FILE *f = fopen("handled", "w");
	fprintf(f, "%d\n", (int)handled);
	fclose(f);
	puts(sum == n && bad_in_handler == 0 ? "ok" : "WRONG");
	return 0;
}

static char thread_stack[1 << 20] __attribute__((aligned(4096)));

static void *alt_worker(void *arg)
{
	long n = *(long *)arg, sum = 0;
	stack_t ss = { .ss_size = 1 << 16 };

	ss.ss_sp = mmap(NULL, ss.ss_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			-1, 0);
	if (ss.ss_sp == MAP_FAILED || (char *)ss.ss_sp < thread_stack || sigaltstack(&ss, NULL) != 0)
		return NULL;
	while (handled == 0) /* the sender is at work */
		sched_yield();
	for (long i = 0; i < n; i++)
		sum += step(i) - 2 * i;
	done = 1;
	return (void *)(sum == n ? (long)1 : (long)0);
}

static int run_altstack(long n)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_ONSTACK };
	pthread_attr_t attr;
	pthread_t w, t;
	void *r;

	sigaction(SIGUSR1, &sa, NULL);
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, thread_stack, sizeof(thread_stack));
	pthread_create(&w, &attr, alt_worker, &n);
	main_thread = w;
	pthread_create(&t, NULL, sender, NULL);
	pthread_join(t, NULL);
	pthread_join(w, &r);
	FILE *f = fopen("handled", "w");
	fprintf(f, "%d\n", (int)handled);
	fclose(f);
	puts(r == (void *)1 && bad_in_handler == 0 ? "ok" : "WRONG");
	return 0;
}

/* After each call the program changes what the function was passed or returned: the
 * trace shows what it was then (the agent copies it, following the pointers the
 * prototype shows, and into the next page). */
static int run_nested(long n)
{
	char names[3][8] = { "zero", "one", "two" };
	struct node c = { 30, names[2], NULL }, b = { 20, names[1], &c }, a = { 10, names[0], &b };
	long *v = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long total = 0;

	if (v == MAP_FAILED)
		return 1;
	v += 4096 / sizeof(*v) - 2; /* two in the first page, two in the next */
	for (long i = 0; i < n; i++) {
		total += walk(&a);
		a.v++, b.v++, c.v++;
		names[i % 3][0] = '#';
		b.next = b.next == NULL ? &c : NULL;
		char *name = name_of(i);
		total += name[0];
		name[1] = '#';
		v[0] = i, v[1] = 2 * i, v[2] = 3 * i, v[3] = 4 * i;
		total += span(v);
		v[3] = -1;
	}
	printf("%ld\n", total);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	setvbuf(stdout, NULL, _IONBF, 0);
	if (strcmp(argv[1], "seen") == 0) {
		char buf[] = "a-string";
		long total = 0, n = atol(argv[2]);
		for (long i = 0; i < n; i++) {
			total += (long)strlen(buf);
			buf[0]++;             /* after the call: the trace shows what strlen saw */
			buf[2] = buf[2] == 's' ? 'S' : 's';
		}
		/* Seven strings: the last two on the stack (printf's format takes a register),
		 * changed right after the call too. */
		/* static: not in the stack the agent copies for the arguments in memory */
		static char w[7][3] = { "w0", "w1", "w2", "w3", "w4", "w5", "w6" };
		if (n >= 10) {
			printf("%s %s %s %s %s %s %s\n", w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
			w[5][0] = w[6][0] = 'X';
			/* The format after an output argument is shown with the return, its
			 * strings as the call saw them (changed right after the return). */
			char out[16];
			snprintf(out, sizeof(out), "%s+%s", w[0], w[1]);
			w[0][0] = w[1][0] = 'Y';
		}
		printf("%ld\n", total);
		return 0;
	}
	if (strcmp(argv[1], "out") == 0) {
		char buf[16];
		long total = 0, n = atol(argv[2]);
		for (long i = 0; i < n; i++) {
			total += fill(i, buf);
			memcpy(buf, "##", 3); /* after the return: the trace shows what fill wrote */
		}
		printf("%ld\n", total);
		return 0;
	}
	if (strcmp(argv[1], "nested") == 0)
		return run_nested(atol(argv[2]));
	if (strcmp(argv[1], "full") == 0) {
		long sum = 0, n = atol(argv[2]);
		for (long i = 0; i < n; i++)
			sum += step(i);
		printf("%ld\n", sum);
		return 0;
	}
	if (strcmp(argv[1], "threads") == 0) {
		per_thread = atol(argv[3]);
		return run_threads(atoi(argv[2]));
	}
	if (strcmp(argv[1], "handler") == 0)
		return run_handler(atol(argv[2]));
	if (strcmp(argv[1], "altstack") == 0)
		return run_altstack(atol(argv[2]));
	if (strcmp(argv[1], "deep") == 0) {
		printf("%ld\n", down(atol(argv[2]), back));
		return 0;
	}
	if (strcmp(argv[1], "regs") == 0) {
		int check_regs(void);
		long early(long v);
		puts(check_regs() == 0 ? "kept" : "CLOBBERED");
		long sum2(long a, long b), past(long a, long b);
		long zero = early(0);
		printf("%ld %ld\n", zero, early(5));
		long s = sum2(1, 2);
		printf("%ld %ld\n", s, past(1, 2));
		return 0;
	}
	if (strcmp(argv[1], "busy") == 0) {
		run_ms = atol(argv[3]);
		return run_threads(atoi(argv[2]));
	}
	return 2;
}
