/* Calls across libc and libm whose prototypes come from etc/libc.so.6.conf and
 * etc/libm.so.6.conf; every argument and result is the same on every run (no time of
 * day, no user or host names, no directory listing order). */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void on_usr1(int sig, siginfo_t *info, void *ctx)
{
	(void)sig;
	(void)info;
	(void)ctx;
}

static void *thread_main(void *arg)
{
	return arg;
}

static void at_end(void)
{
}

/* Results go here, so that no call is left out as having no effect. */
static volatile long sink;
static volatile double dsink;

int main(int argc, char **argv)
{
	char buf[32], *end;
	int v[2] = { 9, 4 }, e, status, fd;
	struct stat st;
	struct sigaction sa;
	struct tm tm;
	time_t t = 86400 + 3600;
	pthread_t th;
	double ip;
	sigset_t chld;

	setvbuf(stdout, NULL, _IONBF, 0);
	atexit(at_end);
	/* no SIGCHLD line at a varying place */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	/* stdio, strings, memory */
	printf("%s=%d\n", "x", 3);
	snprintf(buf, sizeof(buf), "%d-%s", 7, "ab");
	sink = strlen(buf);
	strncpy(buf, "hello", sizeof(buf));
	sink = memcmp(buf, "helm", 4); /* -1 from every memcmp: the bytes differ by one */
	sink = (long)strchr(buf, 'l');
	sink = toupper('a');
	/* stdlib */
	sink = strtol("  42xyz", &end, 10);
	sink = strtoul("ff", NULL, 16);
	sscanf("17 x", "%d", &e);
	qsort(v, 2, sizeof(v[0]), cmp_int);
	setenv("LIBC_PROTOS", "1", 1);
	sink = (long)getenv("LIBC_PROTOS");
	unsetenv("LIBC_PROTOS");
	sink = (long)getenv("LIBC_PROTOS");
	/* files and directories */
	fd = open("t.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	write(fd, "12345", 5);
	lseek(fd, 0, SEEK_SET);
	fstat(fd, &st);
	close(fd);
	stat("t.txt", &st);
	unlink("t.txt");
	DIR *d = opendir(".");
	closedir(d);
	access("/nonexistent", F_OK);
	sink = (long)strerror(errno);
	/* extended attributes: of a file that is not there, the same everywhere */
	char xv[16];
	sink = getxattr("/nonexistent", "user.ltrace", xv, sizeof(xv));
	sink = listxattr("/nonexistent", xv, sizeof(xv));
	/* signals */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	/* sockets */
	fd = socket(AF_INET, SOCK_STREAM, 0);
	close(fd);
	/* processes */
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	waitpid(pid, &status, 0);
	/* time */
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm);
	/* threads */
	pthread_create(&th, NULL, thread_main, NULL);
	pthread_join(th, NULL);
	/* locale, wide characters */
	setlocale(LC_ALL, "C");
	sink = wcslen(L"wide \u00e9\U0001F600");
	wchar_t wbuf[16];
	wcscpy(wbuf, L"copy");
	sink = (size_t)wcschr(wbuf, L'p');
	/* dlfcn, getopt */
	void *h = dlopen("libm.so.6", RTLD_NOW);
	dlsym(h, "cos");
	dlclose(h);
	getopt(argc, argv, "v");
	/* libm */
	dsink = sin(0.5);
	dsink = pow(2.0, 0.5);
	dsink = sqrtf(2.0f);
	dsink = frexp(8.0, &e);
	dsink = modf(3.25, &ip);
	dsink = floor(-1.5);
	return 0;
}
