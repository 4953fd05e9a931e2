/* -S: system calls whose arguments and results do not vary between runs, made through
   libc's thin wrappers (one system call each).  getppid() marks where the program's own
   calls begin; the dynamic loader's come before it.  With the argument "fork", a child
   makes selected calls too: they must work whether it is traced or not. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
}

static void files(void)
{
	char buf[16];
	struct stat st;

	int fd = open("hostname", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "myhost\n", 7);
	close(fd);
	fd = open("hostname", O_RDONLY);
	read(fd, buf, sizeof(buf));
	close(fd);
	open("/nonexistent/file", O_RDONLY);
	stat("hostname", &st);
	close(-1);
}

static void memory(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	mprotect(p, 4096, PROT_READ);
	munmap(p, 4096);
}

static void signals(void)
{
	struct sigaction sa;
	struct timespec ts = { 0, 1000 };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	nanosleep(&ts, NULL);
}

/* The state letter of process pid ('S': asleep, in our case inside read). */
static char state_of(pid_t pid)
{
	char path[64], buf[512], *paren;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return '?';
	buf[n] = '\0';
	paren = strrchr(buf, ')');
	return paren != NULL && paren[1] == ' ' ? paren[2] : '?';
}

/* A read interrupted by a signal whose handler has SA_RESTART: the child waits until the
   parent sleeps in read, signals it, waits until it sleeps in the restarted read, then
   gives it a byte. */
static int restart(void)
{
	int p[2];
	char c;
	pid_t parent = getpid();

	if (pipe(p) < 0)
		return 1;
	pid_t k = fork();
	if (k == 0) {
		struct timespec ts = { 0, 1000000 };
		while (state_of(parent) != 'S')
			nanosleep(&ts, NULL);
		kill(parent, SIGUSR1);
		nanosleep(&ts, NULL);
		while (state_of(parent) != 'S')
			nanosleep(&ts, NULL);
		_exit(write(p[1], "x", 1) == 1 ? 0 : 1);
	}
	ssize_t n = read(p[0], &c, 1);
	waitpid(k, NULL, 0);
	return n == 1 ? 0 : 1;
}

static int child(void)
{
	pid_t c = fork();

	if (c == 0) {
		/* Under a seccomp filter that nobody answers, this would be -1 ENOSYS. */
		_exit(getppid() > 0 && write(1, "child ok\n", 9) == 9 ? 0 : 1);
	}
	int status = 0;
	waitpid(c, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* poll, select and epoll_wait without waiting, made with syscall() so that they are those
 * calls on every libc (select() is pselect6 in glibc). Architectures of asm-generic
 * (aarch64) have only ppoll, pselect6 and epoll_pwait. */
static long poll_now(struct pollfd *p, int n)
{
#ifdef SYS_poll
	return syscall(SYS_poll, p, n, 0);
#else
	struct timespec ts = { 0, 0 };
	return syscall(SYS_ppoll, p, n, &ts, NULL, 8);
#endif
}

static long select_now(int n, fd_set *r, fd_set *w)
{
#ifdef SYS_select
	struct timeval tv = { 0, 0 };
	return syscall(SYS_select, n, r, w, NULL, &tv);
#else
	struct timespec ts = { 0, 0 };
	return syscall(SYS_pselect6, n, r, w, NULL, &ts, NULL);
#endif
}

static long epoll_now(int ep, struct epoll_event *got, int n)
{
#ifdef SYS_epoll_wait
	return syscall(SYS_epoll_wait, ep, got, n, 0);
#else
	return syscall(SYS_epoll_pwait, ep, got, n, 0, NULL, 8);
#endif
}

/* wait4's status, poll's and select's ready fds. */
static int waiting(void)
{
	int fds[2], status = 0;
	sigset_t chld, old;

	/* SIGCHLD held until the child is reaped: its line comes after wait4's. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	pid_t c = fork();
	if (c == 0)
		_exit(5);
	if (syscall(SYS_wait4, c, &status, 0, NULL) != c)
		return 1;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pipe(fds) != 0 ||
	    write(fds[1], "x", 1) != 1)
		return 1;
	struct pollfd p[2] = { { fds[0], POLLIN, 0 }, { fds[1], POLLOUT, 0 } };
	if (poll_now(p, 2) != 2)
		return 1;
	fd_set r, w;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fds[0], &r);
	FD_SET(fds[1], &w);
	if (select_now(fds[1] + 1, &r, &w) != 2)
		return 1;
	char ch;
	if (read(fds[0], &ch, 1) != 1 || poll_now(p, 1) != 0)
		return 1;
	/* futex: nobody to wake; a wait whose value has already changed */
	static int word = 1;
	if (syscall(SYS_futex, &word, 1 | 128, 1, NULL, NULL, 0) != 0 ||
	    syscall(SYS_futex, &word, 0 | 128, 0, NULL, NULL, 0) != -1)
		return 1;
	/* epoll: the pipe's read end, readable again */
	struct epoll_event ev = { EPOLLIN | EPOLLET, { .u64 = 7 } }, got[4];
	long ep = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	if (ep < 0 || syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fds[0], &ev) != 0 ||
	    write(fds[1], "y", 1) != 1 || epoll_now(ep, got, 4) != 1 ||
	    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, fds[0], NULL) != 0)
		return 1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 5 ? 0 : 1;
}

/* writev/readv and sendmsg/recvmsg: data gathered, and scattered up to the result. */
static int scatter(void)
{
	int fds[2], sv[2];
	char a[4], b[8];
	struct iovec out[2] = { { "abc", 3 }, { "de", 2 } }, in[2] = { { a, 4 }, { b, 8 } };

	if (pipe(fds) != 0 || writev(fds[1], out, 2) != 5 || readv(fds[0], in, 2) != 5 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return 1;
	struct msghdr m = { 0 };
	m.msg_iov = out;
	m.msg_iovlen = 1;
	if (sendmsg(sv[0], &m, 0) != 3)
		return 1;
	m.msg_iov = in;
	m.msg_iovlen = 2;
	return recvmsg(sv[1], &m, 0) == 3 ? 0 : 1;
}

/* Whether pid sleeps in system call nr ("S" in /proc/PID/stat, nr in /proc/PID/syscall),
 * or (nr < 0) is stopped. */
static int sleeps_in(pid_t pid, long nr)
{
	char path[64], state = 0;
	long at = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fscanf(f, "%*d (%*[^)]) %c", &state) != 1)
		state = 0;
	fclose(f);
	if (nr < 0)
		return state == 'T' || state == 't';
	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fscanf(f, "%ld", &at) != 1)
		at = -1;
	fclose(f);
	return state == 'S' && at == nr;
}

/* Whether signal sig is pending for pid (SigPnd or ShdPnd in /proc/PID/status). */
static int pending(pid_t pid, int sig)
{
	char path[64], line[256];
	unsigned long long mask, all = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if ((sscanf(line, "SigPnd: %llx", &mask) == 1 ||
		     sscanf(line, "ShdPnd: %llx", &mask) == 1))
			all |= mask;
	fclose(f);
	return (all >> (sig - 1)) & 1;
}

/* Whether pid has taken SIGSTOP and stays stopped. Traced, it is stopped ('t') at the
 * signal's delivery, before the tracer passes the signal on, too: a SIGCONT sent then
 * would cancel the stop. So the stop must last (200 ms) with SIGSTOP no longer pending. */
static int stopped_for_good(pid_t pid)
{
	for (int i = 0; i < 20; i++) {
		if (!sleeps_in(pid, -1) || pending(pid, SIGSTOP))
			return 0;
		usleep(10000);
	}
	return 1;
}

/* A sleep stopped (SIGSTOP) and continued by a child: the kernel resumes it with
 * restart_syscall. */
static int resume(void)
{
	int p[2];
	struct timespec ts = { 0, 500000000 };
	pid_t parent = getpid();

	if (pipe(p) != 0)
		return 1;
	pid_t c = fork();
	if (c == 0) {
		char ch;
		close(p[1]);
		while (!sleeps_in(parent, SYS_clock_nanosleep))
			usleep(1000);
		kill(parent, SIGSTOP);
		while (!stopped_for_good(parent))
			usleep(1000);
		kill(parent, SIGCONT);
		_exit(read(p[0], &ch, 1) == 0 ? 0 : 1); /* until the parent is done */
	}
	close(p[0]);
	long r = syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &ts, NULL);
	close(p[1]);
	int status = 0;
	waitpid(c, &status, 0);
	return r == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	umask(022);
	getppid();
	files();
	memory();
	signals();
	if (argc > 1 && strcmp(argv[1], "fork") == 0 && child() != 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "wait") == 0 && waiting() != 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "iov") == 0 && scatter() != 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "resume") == 0 && resume() != 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "restart") == 0 && restart() != 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "printf") == 0) {
		setvbuf(stdout, NULL, _IONBF, 0);
		printf("hi %d\n", 2);
	}
	_exit(3);
}
