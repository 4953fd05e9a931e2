/* -S: the families of system calls that everyday programs make, each made through
   syscall(2) with arguments whose decoding does not vary between runs or machines.
   argv[1] names the family; getppid() marks where the program's own calls begin. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void files(void)
{
	char buf[4096];
	int64_t off = 1;
	struct timespec times[2] = { { 1, 2 }, { 0, (1l << 30) - 1 /* UTIME_NOW */ } };

	syscall(SYS_mkdirat, AT_FDCWD, "dir", 0755);
	int fd = (int)syscall(SYS_openat, AT_FDCWD, "dir/a", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	syscall(SYS_write, fd, "abcd", 4);
	syscall(SYS_fadvise64, fd, 0, 0, 2 /* POSIX_FADV_SEQUENTIAL */);
	int fd2 = (int)syscall(SYS_openat, AT_FDCWD, "dir/b", O_RDWR | O_CREAT | O_TRUNC, 0600);
	syscall(SYS_close, fd);
	fd = (int)syscall(SYS_openat, AT_FDCWD, "dir/a", O_RDONLY | O_CLOEXEC);
	syscall(SYS_copy_file_range, fd, &off, fd2, NULL, 3, 0);
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_fcntl, fd2, F_GETFD);
	syscall(SYS_fcntl, fd2, F_GETFL);
	syscall(SYS_fcntl, fd2, F_DUPFD_CLOEXEC, 10);
	syscall(SYS_close, fd);
	syscall(SYS_close, fd2);
	syscall(SYS_renameat2, AT_FDCWD, "dir/b", AT_FDCWD, "dir/c", 1 /* RENAME_NOREPLACE */);
	syscall(SYS_utimensat, AT_FDCWD, "dir/c", times, 0);
	syscall(SYS_utimensat, AT_FDCWD, "dir/c", NULL, AT_SYMLINK_NOFOLLOW);
	fd = (int)syscall(SYS_openat, AT_FDCWD, "dir", O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY);
	syscall(SYS_getdents64, fd, buf, sizeof(buf));
	syscall(SYS_getdents64, fd, buf, sizeof(buf));
	syscall(SYS_close, fd);
	syscall(SYS_umask, 027);
	syscall(SYS_umask, 022);
}

static void attributes(void)
{
	char buf[256]; /* struct statx */

	syscall(SYS_umask, 022);
	int fd = (int)syscall(SYS_openat, AT_FDCWD, "f", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	syscall(SYS_write, fd, "abc", 3);
	syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x7ff /* STATX_BASIC_STATS */, buf);
	syscall(SYS_statx, AT_FDCWD, "f", AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, 0x202, buf);
	syscall(SYS_statx, AT_FDCWD, "/nonexistent", 0x4000 /* AT_STATX_DONT_SYNC */, 0x202, buf);
	syscall(SYS_statfs, "/nonexistent", buf);
	syscall(SYS_fstatfs, -1, buf);
	syscall(SYS_getxattr, "/nonexistent", "user.x", NULL, 0);
	syscall(SYS_lgetxattr, "/nonexistent", "security.selinux", buf, sizeof(buf));
	syscall(SYS_setxattr, "/nonexistent", "user.x", "value", 5, 1 /* XATTR_CREATE */);
	syscall(SYS_fsetxattr, -1, "user.y", "v", 1, 2 /* XATTR_REPLACE */);
	syscall(SYS_listxattr, "/nonexistent", NULL, 0);
	syscall(SYS_removexattr, "/nonexistent", "user.x");
}

static void resources(void)
{
	struct rlimit zero = { 0, 0 }, got, bad = { 1024, RLIM_INFINITY };
	stack_t off = { .ss_flags = SS_DISABLE }, old;
	uint64_t fs;
	char buf[8];

	syscall(SYS_prlimit64, 0, RLIMIT_CORE, &zero, NULL);
	syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &got);
	syscall(SYS_getrlimit, RLIMIT_CORE, &got);
	syscall(SYS_setrlimit, 99, &bad);
	syscall(SYS_sigaltstack, &off, NULL);
	syscall(SYS_sigaltstack, NULL, &old);
#ifdef SYS_arch_prctl /* x86-64 only */
	syscall(SYS_arch_prctl, 0x1003 /* ARCH_GET_FS */, &fs);
	syscall(SYS_arch_prctl, 0x3001, &fs);
#else
	(void)fs;
#endif
	syscall(SYS_getrandom, buf, 0, 1 /* GRND_NONBLOCK */);
	syscall(SYS_sysinfo, NULL);
	syscall(SYS_uname, NULL);
}

static void sockets(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr = { htonl(INADDR_LOOPBACK) } };
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int one = 1, fds[2];
	char buf[16];

	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds);
	int s = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	syscall(SYS_bind, s, &sin, sizeof(sin));
	syscall(SYS_listen, s, 1);
	syscall(SYS_getsockname, s, &ss, &len);
	int c = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_TCP);
	syscall(SYS_getpeername, c, &ss, &len);
	memcpy(&sin, &ss, sizeof(sin));
	syscall(SYS_connect, c, &sin, sizeof(sin));
	len = sizeof(sin);
	int a = (int)syscall(SYS_accept4, s, &sin, &len, SOCK_CLOEXEC);
	syscall(SYS_sendto, c, "hi", 2, MSG_NOSIGNAL, NULL, 0);
	syscall(SYS_recvfrom, a, buf, sizeof(buf), 0, NULL, NULL);
	len = sizeof(one);
	syscall(SYS_getsockopt, c, SOL_SOCKET, SO_ERROR, &one, &len);
	syscall(SYS_setsockopt, c, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one, sizeof(one));
}

static void sleeps(void)
{
	struct timespec req = { 0, 1000 }, rem = { 7, 7 };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &rem);
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &req, &rem);
	syscall(SYS_nanosleep, &req, &rem);
}

static void paths(void)
{
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/a/path/longer/than/the/string/limit/of/32",
		O_RDONLY);
	syscall(SYS_write, -1, "data is cut at the string limit of 32 bytes", 43);
}

static void on_usr1(int sig)
{
	(void)sig;
	syscall(SYS_umask, 022);
}

/* rt_sigreturn shows the mask it restores, read from the signal frame. */
static void signal_return(void)
{
	uint64_t usr2 = 1u << (SIGUSR2 - 1);
	struct sigaction sa = { .sa_handler = on_usr1 };

	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &usr2, NULL, 8);
	sigaction(SIGUSR1, &sa, NULL);
	syscall(SYS_kill, syscall(SYS_getpid), SIGUSR1);
}

int main(int argc, char **argv)
{
	/* Files are made in a tmpfs directory, so that results do not depend on the file
	 * system of the build directory (9p in the emulated arm64 machine: no
	 * RENAME_NOREPLACE, other statx masks); what the last run left goes first. */
	if (mkdir("/dev/shm/ltrace-families", 0700) != 0 && errno != EEXIST)
		return 2;
	if (chdir("/dev/shm/ltrace-families") != 0)
		return 2;
	unlink("dir/a");
	unlink("dir/b");
	unlink("dir/c");
	rmdir("dir");
	unlink("f");
	close_range(3, ~0u, 0); /* the descriptors numbers below must not depend on what was inherited */
	getppid();
	if (argc < 2)
		return 0;
	if (strcmp(argv[1], "files") == 0)
		files();
	else if (strcmp(argv[1], "attributes") == 0)
		attributes();
	else if (strcmp(argv[1], "resources") == 0)
		resources();
	else if (strcmp(argv[1], "sockets") == 0)
		sockets();
	else if (strcmp(argv[1], "sleeps") == 0)
		sleeps();
	else if (strcmp(argv[1], "paths") == 0)
		paths();
	else if (strcmp(argv[1], "sigreturn") == 0)
		signal_return();
	return 0;
}
