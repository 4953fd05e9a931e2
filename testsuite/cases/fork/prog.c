/* fork and vfork, in a single thread or while other threads are inside traced calls.
 *   ./prog fork      the child calls child_work(3) and exits 7
 *   ./prog vfork     the child calls _exit(7)
 *   ./prog vexec     the child execs ./next (child_work(3), exit 7)
 *   ./prog incall    fork_inside() forks inside the traced call, which returns in both
 *                    processes; the child calls child_work(3) and exits 7
 *   ./prog threads   4 threads are inside wait_go() while the main thread forks;
 *                    the child calls child_work(3) and exits 7, then the threads
 *                    are released
 * SIGCHLD is blocked.  The parent waits for the child, checks its status is 7, calls parent_work(1) and
 * says "ok" (or what went wrong). */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

long child_work(long n);
long parent_work(long n);
long wait_go(int fd);
long fork_inside(void);

static int go[2], inside[2];

static void *waiter(void *arg)
{
	char c = 'i';

	(void)arg;
	write(inside[1], &c, 1);	/* about to be inside wait_go() */
	return (void *)wait_go(go[0]);
}

int main(int argc, char **argv)
{
	pthread_t t[4];
	int status = 0, nthreads = 0;
	char c = argc > 1 ? argv[1][0] : 'f', v = argc > 1 ? argv[1][1] : 0;
	pid_t pid;
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);	/* no SIGCHLD line at a varying place */
	if (c == 't') {
		pipe(go);
		pipe(inside);
		for (nthreads = 0; nthreads < 4; nthreads++)
			pthread_create(&t[nthreads], NULL, waiter, NULL);
		for (int i = 0; i < nthreads; i++) {
			char b;
			read(inside[0], &b, 1);
		}
		usleep(100000);	/* they are blocked in wait_go() by now */
	}
	if (c == 'v') {
		pid = vfork();
		if (pid == 0) {
			if (v == 'e')
				execl("./next", "next", (char *)0);
			_exit(7);
		}
	} else {
		pid = c == 'i' ? (pid_t)fork_inside() : fork();
		if (pid == 0)
			exit(child_work(3) == 6 ? 7 : 1);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 7) {
		write(1, "bad child\n", 10);
		return 1;
	}
	if (nthreads > 0)
		write(go[1], "gggg", 4);
	for (int i = 0; i < nthreads; i++) {
		void *r;
		pthread_join(t[i], &r);
		if ((long)r != 1) {
			write(1, "bad thread\n", 11);
			return 1;
		}
	}
	if (parent_work(1) != 3)
		return 1;
	write(1, "ok\n", 3);
	return 0;
}
