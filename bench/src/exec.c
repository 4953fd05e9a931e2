/* bench-exec RESULT-FILE COMMAND [ARG...]
 *
 * Runs COMMAND (stdin, stdout and stderr inherited) and writes one line to
 * RESULT-FILE:
 *
 *     WALL-NS EXIT MAXRSS-KIB
 *
 * WALL-NS is the wall-clock time from just before fork to the return of
 * wait4, EXIT the exit code (or -SIGNAL), MAXRSS-KIB the ru_maxrss that
 * wait4 reports for COMMAND: the peak RSS of the largest process of its
 * tree that was waited for (a tracer and its tracees).  This helper is a
 * small C program, so unlike a fork from the Python harness its own memory
 * does not show up in that figure.  If COMMAND cannot be executed the line
 * is "exec-failed ERRNO" instead.  The harness enforces time limits by
 * killing the whole process group. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	struct rusage ru;
	long long t0, t1;
	int pipefd[2], status, err = 0;
	pid_t pid;
	FILE *out;

	if (argc < 3) {
		fputs("usage: bench-exec RESULT-FILE COMMAND [ARG...]\n", stderr);
		return 2;
	}
	out = fopen(argv[1], "w");
	if (!out) {
		perror(argv[1]);
		return 2;
	}
	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		perror("pipe2");
		return 2;
	}
	t0 = now_ns();
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		err = errno;
		if (write(pipefd[1], &err, sizeof err) < 0)
			_exit(127);
		_exit(127);
	}
	close(pipefd[1]);
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("wait4");
			return 2;
		}
	t1 = now_ns();
	if (read(pipefd[0], &err, sizeof err) == (ssize_t)sizeof err) {
		fprintf(out, "exec-failed %d\n", err);
		fclose(out);
		return 127;
	}
	fprintf(out, "%lld %d %ld\n", t1 - t0,
		WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status),
		ru.ru_maxrss);
	return fclose(out) == 0 ? 0 : 2;
}
