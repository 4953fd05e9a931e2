/* trigger WHEN PID COMMAND...: run COMMAND (the tracer attaching to PID) and send it
 * SIGTERM at the moment WHEN:
 *   seized:K[+US]  as soon as K threads of PID say they are traced (TracerPid), and
 *              US microseconds more (default 0)
 *   delay:US   US microseconds after starting it
 * then wait for it, at most 20 s (then SIGKILL).  Prints `exit N', `signal N' or
 * `hung', and `late' if K threads were never seen traced (the tracer had finished
 * attaching, or died, before). */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

/* How many threads of pid have a tracer. */
static int traced_threads(const char *pid)
{
	char path[300], line[256];
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%s/task", pid);
	DIR *d = opendir(path);
	if (d == NULL)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/task/%s/status", pid, e->d_name);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			continue;
		while (fgets(line, sizeof(line), f) != NULL)
			if (strncmp(line, "TracerPid:", 10) == 0) {
				n += atoi(line + 10) != 0;
				break;
			}
		fclose(f);
	}
	closedir(d);
	return n;
}

int main(int argc, char **argv)
{
	int status;

	if (argc < 4)
		return 2;
	pid_t lt = fork();
	if (lt == 0) {
		execv(argv[3], argv + 3);
		_exit(127);
	}
	long t0 = now_us();
	int late = 0, reaped = 0;
	if (strncmp(argv[1], "seized:", 7) == 0) {
		char *plus = strchr(argv[1], '+');
		int k = atoi(argv[1] + 7);
		long extra = plus != NULL ? atol(plus + 1) : 0;
		while (traced_threads(argv[2]) < k) {
			if (waitpid(lt, &status, WNOHANG) == lt) {
				late = reaped = 1;
				break;
			}
			if (now_us() - t0 > 5000000) {
				late = 1;
				break;
			}
		}
		for (long t1 = now_us(); !late && now_us() - t1 < extra;)
			;
	} else if (strncmp(argv[1], "delay:", 6) == 0) {
		long us = atol(argv[1] + 6);
		while (now_us() - t0 < us)
			;
	}
	if (!late)
		kill(lt, SIGTERM);
	for (long t = now_us(); !reaped && waitpid(lt, &status, WNOHANG) != lt; usleep(1000))
		if (now_us() - t > 20000000) {
			kill(lt, SIGKILL);
			waitpid(lt, &status, 0);
			puts("hung");
			return 0;
		}
	if (WIFEXITED(status))
		printf("exit %d\n", WEXITSTATUS(status));
	else
		printf("signal %d\n", WTERMSIG(status));
	if (late)
		puts("late");
	return 0;
}
