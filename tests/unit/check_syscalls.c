/* Unit tests: the system call table (against <asm/unistd_64.h>), the decoders, -e @SYS. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "filter/filter.h"
#include "syscalls/syscalls.h"
#include "sysdeps/arch.h"
#include "arch-kabi.h"

#define UNISTD_H "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"

/* Tracee memory is our own: addresses are host pointers. Read through /proc/self/mem, so
 * that a read running past the end of a mapping is cut short there, as in a tracee. */
static ssize_t read_self(void *ctx, uint64_t addr, void *buf, size_t len)
{
	static int fd = -1;

	(void)ctx;
	if (addr < 4096)
		return -1;
	if (fd < 0)
		fd = open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
	ssize_t n = pread(fd, buf, len, (off_t)addr);
	return n > 0 ? n : -1;
}

static const struct sys_mem self = { read_self, NULL };
static char text[1024];

static uint64_t P(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* The arguments of call name shown at the entry. */
static const char *in(const char *name, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
		      uint64_t a4, uint64_t a5)
{
	struct sys_call c = { sys_number(name), { a0, a1, a2, a3, a4, a5 }, 0, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	ck_assert_msg(c.nr >= 0, "no system call %s", name);
	sys_format_in(&sb, &c, &self, 32);
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return text;
}

/* The arguments shown at the exit, after the call returned ret. */
static const char *out(const char *name, int64_t ret, uint64_t a0, uint64_t a1, uint64_t a2,
		       uint64_t a3)
{
	struct sys_call c = { sys_number(name), { a0, a1, a2, a3, 0, 0 }, ret, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	sys_format_out(&sb, &c, &self, 32);
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return text;
}

/* The same for a call of up to six arguments, whose entry saved what sys_save_in read. */
static const char *out6(const char *name, int64_t ret, const uint64_t a[6])
{
	struct sys_call c = { sys_number(name), { a[0], a[1], a[2], a[3], a[4], a[5] }, ret, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	sys_save_in(&c, &self);
	sys_format_out(&sb, &c, &self, 32);
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return text;
}

/* The result of a call with these arguments. */
static const char *ret_of(const char *name, int64_t value, uint64_t a0, uint64_t a1)
{
	struct sys_call c = { sys_number(name), { a0, a1, 0, 0, 0, 0 }, value, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	sys_format_ret(&sb, &c, NULL);
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return text;
}

static const char *ret(const char *name, int64_t value)
{
	struct sys_call c = { sys_number(name), { 0 }, value, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	sys_format_ret(&sb, &c, NULL);
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return text;
}

START_TEST(table_matches_kernel_header)
{
	FILE *f = fopen(UNISTD_H, "r");
	char line[256], name[128];
	long nr;
	int checked = 0;

	if (f == NULL)
		return; /* no kernel headers here: nothing to compare with */
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		ck_assert_msg(sys_name(nr) != NULL && strcmp(sys_name(nr), name) == 0,
			      "%s is %ld in " UNISTD_H ", %s in our table", name, nr,
			      sys_name(nr) ? sys_name(nr) : "nothing");
		ck_assert_int_eq(sys_number(name), nr);
		checked++;
	}
	fclose(f);
	ck_assert_int_gt(checked, 300);
}
END_TEST

START_TEST(names_and_numbers)
{
	ck_assert_str_eq(sys_name(SYS_read), "read");
	ck_assert_str_eq(sys_name(SYS_openat), "openat");
	ck_assert_int_eq(sys_number("exit_group"), SYS_exit_group);
	ck_assert_int_eq(sys_number("no_such_call"), -1);
	ck_assert_ptr_null(sys_name(-1));
	ck_assert_ptr_null(sys_name(100000));
	ck_assert(!sys_returns(sys_number("exit_group")));
	ck_assert(sys_returns(sys_number("read")));
}
END_TEST

START_TEST(open_flags_and_modes)
{
	ck_assert_str_eq(in("openat", (uint64_t)-100, P("/etc/hostname"), 0, 0, 0, 0),
			 "AT_FDCWD, \"/etc/hostname\", O_RDONLY");
	ck_assert_str_eq(in("openat", 3, P("f"), 01 | 0100 | 01000, 0644, 0, 0),
			 "3, \"f\", O_WRONLY|O_CREAT|O_TRUNC, 0644");
#ifdef SYS_open /* not on asm-generic architectures (aarch64) */
	ck_assert_str_eq(in("open", P("d"), 02 | 02000000 | 0200000, 0, 0, 0, 0),
			 "\"d\", O_RDWR|O_CLOEXEC|O_DIRECTORY");
	ck_assert_str_eq(in("open", P("t"), 02 | 020200000, 0600, 0, 0, 0),
			 "\"t\", O_RDWR|O_TMPFILE, 0600");
	ck_assert_str_eq(in("open", P("x"), 0x80000000u, 0, 0, 0, 0), "\"x\", O_RDONLY|0x80000000");
	ck_assert_str_eq(in("open", P("s"), 04010000 | 020000 | 0100000 | 0400000, 0, 0, 0, 0),
			 "\"s\", O_RDONLY|O_SYNC|O_LARGEFILE|O_NOFOLLOW|FASYNC");
	ck_assert_str_eq(in("access", P("/p"), 0, 0, 0, 0, 0), "\"/p\", F_OK");
	ck_assert_str_eq(in("access", P("/p"), 6, 0, 0, 0, 0), "\"/p\", R_OK|W_OK");
	ck_assert_str_eq(in("mkdir", P("d"), 0755, 0, 0, 0, 0), "\"d\", 0755");
#endif
	ck_assert_str_eq(in("openat", (uint64_t)-100, P("d"), 02 | 02000000 | ARCH_O_DIRECTORY, 0, 0, 0),
			 "AT_FDCWD, \"d\", O_RDWR|O_CLOEXEC|O_DIRECTORY");
	ck_assert_str_eq(in("faccessat", (uint64_t)-100, P("/p"), 6, 0, 0, 0),
			 "AT_FDCWD, \"/p\", R_OK|W_OK");
	ck_assert_str_eq(in("mkdirat", 3, P("d"), 0755, 0, 0, 0), "3, \"d\", 0755");
	ck_assert_str_eq(in("unlinkat", 5, P("d"), 0x200, 0, 0, 0), "5, \"d\", AT_REMOVEDIR");
	ck_assert_str_eq(in("lseek", 3, (uint64_t)-5, 2, 0, 0, 0), "3, -5, SEEK_END");
	ck_assert_str_eq(in("fcntl", 3, 1, 99, 0, 0, 0), "3, F_GETFD");
	ck_assert_str_eq(in("fcntl", 3, 2, 1, 0, 0, 0), "3, F_SETFD, FD_CLOEXEC");
	ck_assert_str_eq(in("fcntl", 3, 4, 04000, 0, 0, 0), "3, F_SETFL, O_RDONLY|O_NONBLOCK");
	ck_assert_str_eq(in("dup3", 3, 4, 02000000, 0, 0, 0), "3, 4, O_CLOEXEC");
}
END_TEST

START_TEST(mmap_prot_and_flags)
{
	ck_assert_str_eq(in("mmap", 0, 8192, 3, 0x22, (uint64_t)-1, 0),
			 "NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0");
	ck_assert_str_eq(in("mmap", 0x7f0000001000, 4096, 5, 0x812, 3, 0x1000),
			 "0x7f0000001000, 4096, PROT_READ|PROT_EXEC, "
			 "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x1000");
	ck_assert_str_eq(in("mprotect", 0x1000, 4096, 0, 0, 0, 0), "0x1000, 4096, PROT_NONE");
	ck_assert_str_eq(in("mprotect", 0x1000, 4096, 0x10, 0, 0, 0), "0x1000, 4096, 0x10");
	ck_assert_str_eq(ret("mmap", 0x7f5c2a1000), "0x7f5c2a1000");
	ck_assert_str_eq(ret("mmap", -12), "-1 ENOMEM (Cannot allocate memory)");
	ck_assert_str_eq(in("brk", 0, 0, 0, 0, 0, 0), "NULL");
}
END_TEST

START_TEST(strings_and_buffers)
{
	static const char bin[] = "\177ELF\2\1\0001";

	ck_assert_str_eq(in("write", 1, P("hi 2\n"), 5, 0, 0, 0), "1, \"hi 2\\n\", 5");
	ck_assert_str_eq(in("write", 1, P(bin), 8, 0, 0, 0), "1, \"\\177ELF\\2\\1\\0001\", 8");
	ck_assert_str_eq(in("write", 1, P("0123456789abcdefghijklmnopqrstuvwxyz"), 36, 0, 0, 0),
			 "1, \"0123456789abcdefghijklmnopqrstuv\"..., 36");
	ck_assert_str_eq(in("write", 1, 16, 5, 0, 0, 0), "1, 0x10, 5"); /* unreadable */
	ck_assert_str_eq(in("read", 3, P(text), 16, 0, 0, 0), "3");
	char buf[16] = "myhost\nGARBAGE";
	ck_assert_str_eq(out("read", 7, 3, P(buf), 16, 0), ", \"myhost\\n\", 16");
	ck_assert_str_eq(out("read", -11, 3, 0x1000, 16, 0), ", 0x1000, 16");
	ck_assert_str_eq(in("chdir", 0, 0, 0, 0, 0, 0), "NULL");
	/* A path is never cut at -s (32 here); data is. */
	static char longpath[600];
	memset(longpath, 'p', sizeof(longpath) - 1);
	longpath[0] = '/';
	char want_path[640];
	snprintf(want_path, sizeof(want_path), "\"%s\"", longpath);
	ck_assert_str_eq(in("chdir", P(longpath), 0, 0, 0, 0, 0), want_path);
	const char *argv[] = { "/bin/true", "-x", NULL };
	const char *envp[] = { "A=1", "B=2", "C=3", NULL };
	const char *got = in("execve", P("/bin/true"), P(argv), P(envp), 0, 0, 0);
	char want[128];
	snprintf(want, sizeof(want), "\"/bin/true\", [\"/bin/true\", \"-x\"], %#llx /* 3 vars */",
		 (unsigned long long)P(envp));
	ck_assert_str_eq(got, want);
}
END_TEST

START_TEST(results_and_errors)
{
	ck_assert_str_eq(ret("openat", 3), "3");
	ck_assert_str_eq(ret("openat", -2), "-1 ENOENT (No such file or directory)");
	ck_assert_str_eq(ret("close", -9), "-1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(ret("read", -512), "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	ck_assert_str_eq(ret("nanosleep", -516), "? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	ck_assert(sys_ret_restarts(-513));
	ck_assert(!sys_ret_restarts(-4));
	ck_assert_str_eq(ret("exit_group", 0), "?");
	ck_assert_str_eq(ret("lseek", 1LL << 40), "1099511627776");
}
END_TEST

START_TEST(signals)
{
	struct { uint64_t handler, flags, restorer, mask; } sa = {
		0x1234, 0x04000000 | 0x10000000, 0x7f00, (1u << 1) | (1u << 13)
	};
	uint64_t mask = ~0ull & ~(1ull << 10); /* all but SIGSEGV (11) */

	ck_assert_str_eq(in("kill", 123, 10, 0, 0, 0, 0), "123, SIGUSR1");
	ck_assert_str_eq(in("kill", 123, 0, 0, 0, 0, 0), "123, 0");
	ck_assert_str_eq(in("tgkill", 1, 2, 34, 0, 0, 0), "1, 2, SIGRT_2");
	ck_assert_str_eq(in("kill", 1, 29, 0, 0, 0, 0), "1, SIGIO");
	ck_assert_str_eq(in("rt_sigaction", 2, P(&sa), 0, 8, 0, 0),
			 "SIGINT, {sa_handler=0x1234, sa_mask=[INT ALRM], "
			 "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f00}");
	sa.handler = 1;
	sa.flags = 0;
	sa.mask = 0;
	ck_assert_str_eq(in("rt_sigaction", 15, P(&sa), 0, 8, 0, 0),
			 "SIGTERM, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}");
	ck_assert_str_eq(out("rt_sigaction", 0, 15, 0, 0, 8), ", NULL, 8");
	ck_assert_str_eq(in("rt_sigprocmask", 2, P(&mask), 0, 8, 0, 0), "SIG_SETMASK, ~[SEGV]");
	ck_assert_str_eq(out("rt_sigprocmask", 0, 0, 0, P(&mask), 8), ", ~[SEGV], 8");
}
END_TEST

START_TEST(stat_time_socket)
{
	struct stat st = { 0 };
	int64_t ts[2] = { 1, 500 };
	/* AF_INET, port 80 (network order), 127.0.0.1 */
	unsigned char sin[16] = { 2, 0, 0, 80, 127, 0, 0, 1 };
	unsigned char sun[110] = { 1, 0, '/', 't', 'm', 'p', '/', 's', 0 };

	/* The architecture's struct stat, which glibc's matches on 64-bit Linux. */
	st.st_mode = 0100644;
	st.st_size = 7;
	ck_assert_str_eq(out("fstat", 0, 3, P(&st), 0, 0), ", {st_mode=S_IFREG|0644, st_size=7, ...}");
	st.st_mode = 020620;
	st.st_rdev = makedev(0x88, 3);
	ck_assert_str_eq(out("newfstatat", 0, 1, P(""), P(&st), 0x1000),
			 ", {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0x3), ...}, AT_EMPTY_PATH");
	char want[64]; /* after an error: the address */
	snprintf(want, sizeof(want), ", %#llx", (unsigned long long)P(&st));
	ck_assert_str_eq(out("fstat", -9, 3, P(&st), 0, 0), want);
	ck_assert_str_eq(in("nanosleep", P(ts), 0, 0, 0, 0, 0), "{tv_sec=1, tv_nsec=500}");
	ck_assert_str_eq(in("clock_gettime", 1, 0, 0, 0, 0, 0), "CLOCK_MONOTONIC");
	ck_assert_str_eq(in("socket", 2, 1 | 02000000, 0, 0, 0, 0),
			 "AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP");
	ck_assert_str_eq(in("socket", 1, 1 | 02000000 | 04000, 0, 0, 0, 0),
			 "AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0");
	ck_assert_str_eq(in("socket", 10, 2, 17, 0, 0, 0), "AF_INET6, SOCK_DGRAM, IPPROTO_UDP");
	ck_assert_str_eq(in("socket", 16, 3, 0, 0, 0, 0), "AF_NETLINK, SOCK_RAW, NETLINK_ROUTE");
	ck_assert_str_eq(in("socket", 99, 1, 0, 0, 0, 0), "0x63 /* AF_??? */, SOCK_STREAM, 0");
	ck_assert_str_eq(in("connect", 3, P(sin), 16, 0, 0, 0),
			 "3, {sa_family=AF_INET, sin_port=htons(80), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 16");
	ck_assert_str_eq(in("bind", 3, P(sun), 110, 0, 0, 0),
			 "3, {sa_family=AF_UNIX, sun_path=\"/tmp/s\"}, 110");
}
END_TEST

START_TEST(ioctl_and_clone)
{
	ck_assert_str_eq(in("ioctl", 1, 0x5401, 0x1000, 0, 0, 0), "1, TCGETS, 0x1000");
	ck_assert_str_eq(in("ioctl", 1, 0x80045430, 0x1000, 0, 0, 0), "1, TIOCGPTN, 0x1000");
	ck_assert_str_eq(in("ioctl", 1, 0xc0105512, 0, 0, 0, 0),
			 "1, _IOC(_IOC_READ|_IOC_WRITE, 0x55, 0x12, 0x10), 0");
	ck_assert_str_eq(in("clone", 0x100 | 0x4000 | 17, 0, 0, 0, 0, 0),
			 "CLONE_VM|CLONE_VFORK|SIGCHLD, NULL, NULL, NULL, 0");
	ck_assert_str_eq(in("clone", 0, 0, 0, 0, 0, 0), "0, NULL, NULL, NULL, 0");
	ck_assert_str_eq(in("exit_group", 3, 0, 0, 0, 0, 0), "3");
}
END_TEST

/* The result with what became ready, read through memory. */
static const char *ret_mem(const char *name, int64_t value, uint64_t a0, uint64_t a1,
			   uint64_t a2, uint64_t a3)
{
	struct sys_call c = { sys_number(name), { a0, a1, a2, a3, 0, 0 }, value, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	sys_format_ret(&sb, &c, &self);
	snprintf(text, sizeof(text), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return text;
}

START_TEST(wait_poll_select)
{
	int st = 3 << 8;
	ck_assert_str_eq(out("wait4", 42, 42, P(&st), 0x40000001, 0),
			 ", [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], WNOHANG|__WALL, NULL");
	st = 9;
	ck_assert_str_eq(out("wait4", 42, 42, P(&st), 0, 0),
			 ", [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL");
	st = 0x80 | 11;
	ck_assert_str_eq(out("wait4", 42, 42, P(&st), 0, 0),
			 ", [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL");
	st = (1 << 16) | (5 << 8) | 0x7f;
	ck_assert_str_eq(out("wait4", 42, 42, P(&st), 2, 0),
			 ", [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_FORK << 16], "
			 "WUNTRACED, NULL");
	st = 0xffff;
	ck_assert_str_eq(out("wait4", 42, -1, P(&st), 8, 0),
			 ", [{WIFCONTINUED(s)}], WCONTINUED, NULL");
	char want[64]; /* nothing reported (WNOHANG): the address */
	snprintf(want, sizeof(want), ", %#llx, WNOHANG, NULL", (unsigned long long)P(&st));
	ck_assert_str_eq(out("wait4", 0, -1, P(&st), 1, 0), want);

	struct { int32_t fd; int16_t events, revents; } p[2] = { { 3, 1, 0 }, { 4, 4, 4 } };
#ifdef SYS_poll /* not on asm-generic architectures (aarch64): ppoll below on both */
	ck_assert_str_eq(in("poll", P(p), 2, 100, 0, 0, 0),
			 "[{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, 100");
	ck_assert_str_eq(ret_mem("poll", 1, P(p), 2, 100, 0), "1 ([{fd=4, revents=POLLOUT}])");
	ck_assert_str_eq(ret_mem("poll", 0, P(p), 2, 100, 0), "0 (Timeout)");
	ck_assert_str_eq(ret_mem("poll", -4, P(p), 2, 100, 0), "-1 EINTR (Interrupted system call)");
#endif
	ck_assert_str_eq(in("ppoll", P(p), 2, 0, 0, 8, 0),
			 "[{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, NULL, NULL, 8");
	ck_assert_str_eq(ret_mem("ppoll", 1, P(p), 2, 0, 0), "1 ([{fd=4, revents=POLLOUT}])");
	ck_assert_str_eq(ret_mem("ppoll", 0, P(p), 2, 0, 0), "0 (Timeout)");
	int64_t left[2] = { 0, 250 }; /* what the kernel wrote back: shown as strace does */
	ck_assert_str_eq(ret_mem("ppoll", 1, P(p), 2, P(left), 0),
			 "1 ([{fd=4, revents=POLLOUT}], left {tv_sec=0, tv_nsec=250})");
	ck_assert_str_eq(ret_mem("ppoll", 0, P(p), 2, P(left), 0), "0 (Timeout)");

	uint64_t rd = (1 << 3) | (1 << 5), wr = 1 << 4;
	int64_t tv[2] = { 0, 1000 };
#ifdef SYS_select
	ck_assert_str_eq(in("select", 6, P(&rd), P(&wr), 0, P(tv), 0),
			 "6, [3 5], [4], NULL, {tv_sec=0, tv_usec=1000}");
#endif
	ck_assert_str_eq(in("pselect6", 6, P(&rd), P(&wr), 0, P(tv), 0),
			 "6, [3 5], [4], NULL, {tv_sec=0, tv_nsec=1000}, NULL");
	rd = 1 << 5;
	ck_assert_str_eq(ret_mem("pselect6", 2, 6, P(&rd), P(&wr), 0), "2 (in [5], out [4])");
	rd = 0;
	ck_assert_str_eq(ret_mem("pselect6", 1, 6, P(&rd), P(&wr), 0), "1 (out [4])");
}
END_TEST

START_TEST(iovecs_and_msghdr)
{
	char a[4] = "abcd", b[8] = "efgh";
	struct { uint64_t base, len; } v[2] = { { P(a), 4 }, { P(b), 8 } };
	ck_assert_str_eq(in("writev", 1, P(v), 2, 0, 0, 0),
			 "1, [{iov_base=\"abcd\", iov_len=4}, {iov_base=\"efgh\\0\\0\\0\\0\", iov_len=8}], 2");
	ck_assert_str_eq(out("readv", 6, 3, P(v), 2, 0),
			 ", [{iov_base=\"abcd\", iov_len=4}, {iov_base=\"ef\", iov_len=8}], 2");
	struct {
		uint64_t name;
		uint32_t namelen, pad1;
		uint64_t iov, iovlen, control, controllen;
		int32_t flags, pad2;
	} m = { 0, 0, 0, P(v), 1, 0, 0, 0, 0 };
	ck_assert_str_eq(in("sendmsg", 5, P(&m), 0, 0, 0, 0),
			 "5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abcd\", iov_len=4}], "
			 "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0");
	ck_assert_str_eq(out("recvmsg", 2, 5, P(&m), 0, 0),
			 ", {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"ab\", iov_len=4}], "
			 "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0");
}
END_TEST

START_TEST(futex_operations)
{
	int64_t ts[2] = { 1, 2 };
	ck_assert_str_eq(in("futex", 0x1000, 0x81, 1, 0, 0, 0), "0x1000, FUTEX_WAKE_PRIVATE, 1");
	ck_assert_str_eq(in("futex", 0x1000, 0, 2, 0, 0, 0), "0x1000, FUTEX_WAIT, 2, NULL");
	char want[128];
	snprintf(want, sizeof(want), "0x1000, FUTEX_WAIT_PRIVATE, 2, {tv_sec=1, tv_nsec=2}");
	ck_assert_str_eq(in("futex", 0x1000, 0x80, 2, P(ts), 0, 0), want);
	ck_assert_str_eq(in("futex", 0x1000, 0x189, 0, 0, 0, 0xffffffff),
			 "0x1000, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, "
			 "FUTEX_BITSET_MATCH_ANY");
	ck_assert_str_eq(in("futex", 0x1000, 0x84, 1, 0x7fffffff, 0x2000, 3),
			 "0x1000, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2147483647, 0x2000, 3");
	ck_assert_str_eq(in("futex", 0x1000, 0x7f, 1, 2, 3, 4), "0x1000, 0x7f, 1, 2, 0x3, 4");
}
END_TEST

START_TEST(epoll_events)
{
	/* The kernel's layout: packed on x86-64, naturally aligned elsewhere. */
	struct epoll_event ev[2] = { { 0x80000001, { .u64 = 5 } }, { 0x4, { .u64 = 0x100000001ull } } };
	ck_assert_str_eq(in("epoll_create1", 02000000, 0, 0, 0, 0, 0), "EPOLL_CLOEXEC");
	ck_assert_str_eq(in("epoll_ctl", 5, 1, 3, P(ev), 0, 0),
			 "5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=5, u64=5}}");
	ck_assert_str_eq(in("epoll_ctl", 5, 2, 3, 0, 0, 0), "5, EPOLL_CTL_DEL, 3, NULL");
	ck_assert_str_eq(out("epoll_pwait", 2, 5, P(ev), 4, 0),
			 ", [{events=EPOLLIN|EPOLLET, data={u32=5, u64=5}}, "
			 "{events=EPOLLOUT, data={u32=1, u64=4294967297}}], 4, 0, NULL, 0");
	ck_assert_str_eq(out("epoll_pwait", 0, 5, P(ev), 4, 0), ", [], 4, 0, NULL, 0");
#ifdef SYS_epoll_wait /* not on asm-generic architectures (aarch64) */
	ck_assert_str_eq(out("epoll_wait", 2, 5, P(ev), 4, 0),
			 ", [{events=EPOLLIN|EPOLLET, data={u32=5, u64=5}}, "
			 "{events=EPOLLOUT, data={u32=1, u64=4294967297}}], 4, 0");
	ck_assert_str_eq(out("epoll_wait", 0, 5, P(ev), 4, 0), ", [], 4, 0");
#endif
}
END_TEST

START_TEST(unknown_calls)
{
	ck_assert_str_eq(in("ptrace", 0, 3, 0, 0x7ffd32cb0120, 0, 0), "0, 3, 0, 0x7ffd32cb0120");
	struct sys_call c = { 400, { 1, 2, 3, 4, 5, 6 }, 0, 0, 0 }; /* no call has this number */
	struct strbuf sb = STRBUF_INIT;
	sys_format_in(&sb, &c, &self, 32);
	ck_assert_str_eq(strbuf_str(&sb), "1, 2, 3, 4, 5, 6");
	strbuf_free(&sb);
}
END_TEST

/* -e rules: @SYS selects system calls, and nothing else does. */
static void select_with(const char *expr)
{
	char *err = NULL;
	struct filter *f = filter_parse(expr, &err);

	ck_assert_ptr_nonnull(f);
	sys_select_init(&f, 1);
	filter_free(f);
}

START_TEST(selection)
{
	long openat = sys_number("openat"), close_ = sys_number("close"), read_ = sys_number("read");

	sys_select_init(NULL, 0);
	ck_assert(sys_select_all() && sys_selected(openat));
	select_with("openat@SYS+close@SYS");
	ck_assert(sys_selected(openat) && sys_selected(close_) && !sys_selected(read_));
	ck_assert(!sys_select_all());
	select_with("o*"); /* no @SYS rule: every call */
	ck_assert(sys_select_all() && sys_selected(read_));
	select_with("o*+close@SYS"); /* o* is about libraries only */
	ck_assert(!sys_selected(openat) && sys_selected(close_));
	select_with("*@SYS-close@SYS");
	ck_assert(sys_selected(openat) && !sys_selected(close_));
	select_with("@SYS");
	ck_assert(sys_select_all());
	sys_select_free();

	/* and @SYS rules select no library function */
	struct filter_object libc = { "libc.so.6", "/lib/libc.so.6", false, false };
	struct filter_object sys = { "SYS", "", false, true };
	char *err = NULL;
	struct filter *f = filter_parse("open*@SYS", &err);
	ck_assert(!filter_match(f, "open", &libc) && filter_match(f, "openat", &sys));
	filter_free(f);
	f = filter_parse("@S*", &err);
	ck_assert(!filter_match(f, "openat", &sys));
	filter_free(f);
}
END_TEST

START_TEST(stat_families)
{
	uint32_t stx[64] = { 0x17ff, 4096, 0, 0, 1, 0, 0, 0100644, 0, 0, 3, 0 };
	uint64_t sf[15] = { 0xef53, 4096, 100, 50, 40, 16, 8, 0x12345678, 255, 4096, 0x1020 };
	char want[160];

	ck_assert_str_eq(in("statx", (uint64_t)-100, P("f"), 0x100, 0x7ff, 0, 0),
			 "AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, "
			 "STATX_BASIC_STATS");
	ck_assert_str_eq(in("statx", 3, P(""), 0x5000, 0x202, 0, 0),
			 "3, \"\", AT_EMPTY_PATH|AT_STATX_DONT_SYNC, STATX_MODE|STATX_SIZE");
	ck_assert_str_eq(out6("statx", 0, (uint64_t[6]){ 3, P(""), 0, 0x7ff, P(stx), 0 }),
			 ", {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, "
			 "stx_mode=S_IFREG|0644, stx_size=3, ...}");
	ck_assert_str_eq(out6("fstatfs", 0, (uint64_t[6]){ 3, P(sf) }),
			 ", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=100, f_bfree=50, "
			 "f_bavail=40, f_files=16, f_ffree=8, f_fsid={val=[0x12345678, 0]}, "
			 "f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}");
	snprintf(want, sizeof(want), ", %#llx", (unsigned long long)P(sf));
	ck_assert_str_eq(out6("statfs", -2, (uint64_t[6]){ P("/x"), P(sf) }), want);
}
END_TEST

START_TEST(file_families)
{
	/* Three directory entries of 24, 24 and 32 bytes: d_reclen at offset 16. */
	unsigned char dents[80] = { 0 };
	dents[16] = 24;
	dents[24 + 16] = 24;
	dents[48 + 16] = 32;
	int64_t off = 5, times[4] = { 0, 0, 0, (1 << 30) - 1 };
	char want[160];

	ck_assert_str_eq(in("getxattr", P("/etc"), P("user.x"), 0, 0, 0, 0),
			 "\"/etc\", \"user.x\"");
	ck_assert_str_eq(out("getxattr", -61, P("/etc"), P("user.x"), 0, 0), ", NULL, 0");
	ck_assert_str_eq(out("lgetxattr", 3, P("f"), P("user.x"), P("valx"), 64), ", \"val\", 64");
	ck_assert_str_eq(out("listxattr", 7, P("f"), P("user.x\0"), 64, 0), ", \"user.x\\0\", 64");
	ck_assert_str_eq(in("fsetxattr", 0, P("user.y"), P("v"), 1, 1, 0),
			 "0, \"user.y\", \"v\", 1, XATTR_CREATE");
	snprintf(want, sizeof(want), ", %#llx /* 3 entries */, 4096", (unsigned long long)P(dents));
	ck_assert_str_eq(out("getdents64", 80, 3, P(dents), 4096, 0), want);
	snprintf(want, sizeof(want), ", %#llx /* 0 entries */, 4096", (unsigned long long)P(dents));
	ck_assert_str_eq(out("getdents64", 0, 3, P(dents), 4096, 0), want);
	ck_assert_str_eq(in("fadvise64", 3, 0, 0, 2, 0, 0), "3, 0, 0, POSIX_FADV_SEQUENTIAL");
	ck_assert_str_eq(in("copy_file_range", 3, P(&off), 4, 0, 10, 0), "3, [5], 4, NULL, 10, 0");
	ck_assert_str_eq(in("renameat2", (uint64_t)-100, P("f"), (uint64_t)-100, P("g"), 1, 0),
			 "AT_FDCWD, \"f\", AT_FDCWD, \"g\", RENAME_NOREPLACE");
	setenv("TZ", "UTC", 1);
	ck_assert_str_eq(in("utimensat", (uint64_t)-100, P("g"), P(times), 0, 0, 0),
			 "AT_FDCWD, \"g\", [{tv_sec=0, tv_nsec=0} /* 1970-01-01T00:00:00.000000000"
			 "+0000 */, UTIME_NOW], 0");
	ck_assert_str_eq(in("utimensat", 3, 0, 0, 0x100, 0, 0), "3, NULL, NULL, AT_SYMLINK_NOFOLLOW");
	ck_assert_str_eq(in("fcntl", 3, 1, 0, 0, 0, 0), "3, F_GETFD");
	ck_assert_str_eq(ret_of("fcntl", 1, 3, 1), "0x1 (flags FD_CLOEXEC)");
	ck_assert_str_eq(ret_of("fcntl", 0, 3, 1), "0");
	/* O_LARGEFILE, which the kernel sets for 64-bit programs, has the architecture's value. */
	snprintf(want, sizeof(want), "%#x (flags O_RDWR|O_LARGEFILE)", ARCH_O_LARGEFILE | 2);
	ck_assert_str_eq(ret_of("fcntl", ARCH_O_LARGEFILE | 2, 3, 3), want);
	ck_assert_str_eq(ret_of("fcntl", 11, 3, 1030), "11");
	ck_assert_str_eq(ret_of("fcntl", -9, 3, 3), "-1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(ret("umask", 022), "022");
	ck_assert_str_eq(ret("umask", 0), "000");
}
END_TEST

START_TEST(resource_and_system)
{
	uint64_t rl[2] = { 8192 * 1024, UINT64_MAX };
	unsigned char cpus[8] = { 0x3 };
	uint32_t groups[2] = { 0, 27 };
	char uts[6][65] = { "Linux", "vm", "6.1", "#1", "x86_64", "" };
	unsigned char rnd[4] = { 0xca, 0x85, 0x9b, 0x04 };
	uint64_t fs = 0x7f0000001000;
	struct { uint64_t sp; int32_t flags, pad; uint64_t size; } ss = { 0, 2, 0, 0 };

	ck_assert_str_eq(in("prlimit64", 0, 3, 0, P(rl), 0, 0), "0, RLIMIT_STACK, NULL");
	ck_assert_str_eq(out("prlimit64", 0, 0, 3, 0, P(rl)),
			 ", {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
	rl[0] = 1000;
	ck_assert_str_eq(in("setrlimit", 99, P(rl), 0, 0, 0, 0),
			 "0x63 /* RLIMIT_??? */, {rlim_cur=1000, rlim_max=RLIM64_INFINITY}");
	ck_assert_str_eq(out("sched_getaffinity", 8, 0, 128, P(cpus), 0), ", [0 1]");
	ck_assert_str_eq(out("getgroups", 2, 64, P(groups), 0, 0), ", [0, 27]");
	ck_assert_str_eq(out("getgroups", 0, 0, 0, 0, 0), ", NULL");
	ck_assert_str_eq(out("uname", 0, P(uts), 0, 0, 0), "{sysname=\"Linux\", nodename=\"vm\", ...}");
	ck_assert_str_eq(out("getrandom", 4, P(rnd), 4, 1, 0), "\"\\xca\\x85\\x9b\\x04\", 4, GRND_NONBLOCK");
#ifdef SYS_arch_prctl /* x86-64 only */
	ck_assert_str_eq(in("arch_prctl", 0x1002, 0x1234567, 0, 0, 0, 0), "ARCH_SET_FS");
	ck_assert_str_eq(out("arch_prctl", 0, 0x1002, 0x1234567, 0, 0), ", 0x1234567");
	ck_assert_str_eq(out("arch_prctl", 0, 0x1003, P(&fs), 0, 0), ", [0x7f0000001000]");
	ck_assert_str_eq(in("arch_prctl", 0x3001, 0, 0, 0, 0, 0), "0x3001 /* ARCH_??? */");
#endif
	ck_assert_str_eq(in("rseq", 0x1000, 0x20, 0, 0x53053053, 0, 0), "0x1000, 0x20, 0, 0x53053053");
	ck_assert_str_eq(in("sigaltstack", P(&ss), 0, 0, 0, 0, 0),
			 "{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}");
}
END_TEST

/* rt_sigreturn has no argument register: its mask is read from the frame at the sp. */
START_TEST(sigreturn_frame)
{
	static uint64_t frame[128];
	uint64_t sp = P(frame);
	uint64_t *mask = (uint64_t *)(uintptr_t)arch_sigreturn_mask(sp);
	struct sys_call c = { sys_number("rt_sigreturn"), { 0 }, 0, 0, sp };
	struct strbuf sb = STRBUF_INIT;

	ck_assert(mask >= frame && mask < frame + 128);
	*mask = 1u << (12 - 1) | 1u << (2 - 1); /* SIGUSR2, SIGINT */
	sys_format_in(&sb, &c, &self, 32);
	ck_assert_str_eq(strbuf_str(&sb), "{mask=[INT USR2]}");
	c.sp = 8; /* unreadable: the address, as for any argument */
	strbuf_free(&sb);
	sys_format_in(&sb, &c, &self, 32);
	snprintf(text, sizeof(text), "{mask=%#llx}", (unsigned long long)arch_sigreturn_mask(8));
	ck_assert_str_eq(strbuf_str(&sb), text);
	strbuf_free(&sb);
}
END_TEST

START_TEST(sleeps_and_sockets)
{
	int64_t rem[2] = { 0, 500 };
	unsigned char sin[16] = { 2, 0, 0, 80, 127, 0, 0, 1 };
	uint32_t len = 128, one = 1;
	char want[160];

	snprintf(want, sizeof(want), ", %#llx", (unsigned long long)P(rem));
	ck_assert_str_eq(out("clock_nanosleep", 0, 1, 0, P(rem), P(rem)), want);
	ck_assert_str_eq(out("clock_nanosleep", -4, 1, 0, P(rem), P(rem)), ", {tv_sec=0, tv_nsec=500}");
	ck_assert_str_eq(in("clock_nanosleep", 0, 1, P(rem), 0, 0, 0),
			 "CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=500}");
	/* addrlen: 128 before the call; the call writes 16 (done here before formatting the
	 * exit, with the value saved from "the entry"). */
	struct sys_call c = { sys_number("getsockname"), { 3, P(sin), P(&len) }, 0, 0, 0 };
	struct strbuf sb = STRBUF_INIT;
	sys_save_in(&c, &self);
	len = 16;
	sys_format_out(&sb, &c, &self, 32);
	ck_assert_str_eq(strbuf_str(&sb), ", {sa_family=AF_INET, sin_port=htons(80), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]");
	strbuf_free(&sb);
	ck_assert_str_eq(out6("getpeername", 0, (uint64_t[6]){ 3, P(sin), P(&len) }),
			 ", {sa_family=AF_INET, sin_port=htons(80), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [16]");
	snprintf(want, sizeof(want), ", %#llx, [16]", (unsigned long long)P(sin));
	ck_assert_str_eq(out6("getpeername", -107, (uint64_t[6]){ 3, P(sin), P(&len) }), want);
	ck_assert_str_eq(out6("accept4", 5, (uint64_t[6]){ 3, 0, 0, 02000000 }),
			 ", NULL, NULL, SOCK_CLOEXEC");
	ck_assert_str_eq(out6("recvfrom", 2, (uint64_t[6]){ 5, P("hi"), 2, 0x40, 0, 0 }),
			 ", \"hi\", 2, MSG_DONTWAIT, NULL, NULL");
	ck_assert_str_eq(in("setsockopt", 3, 1, 2, P(&one), 4, 0), "3, SOL_SOCKET, SO_REUSEADDR, [1], 4");
	ck_assert_str_eq(in("setsockopt", 3, 6, 1, P(&one), 4, 0), "3, SOL_TCP, TCP_NODELAY, [1], 4");
	len = 4;
	ck_assert_str_eq(out6("getsockopt", 0, (uint64_t[6]){ 3, 1, 4, P(&one), P(&len) }),
			 ", [1], [4]");
	ck_assert_str_eq(in("sendto", 3, P("x"), 1, 0x4000, 0, 0), "3, \"x\", 1, MSG_NOSIGNAL, NULL, 0");
}
END_TEST

START_TEST(exec_path)
{
	char buf[256];

	ck_assert_str_eq(sys_exec_path("./prog", buf, sizeof(buf)), "./prog");
	setenv("PATH", "/nonexistent:/bin", 1);
	ck_assert_str_eq(sys_exec_path("sh", buf, sizeof(buf)), "/bin/sh");
	ck_assert_str_eq(sys_exec_path("no-such-program", buf, sizeof(buf)), "no-such-program");
}
END_TEST

static Suite *syscalls_suite(void)
{
	Suite *s = suite_create("syscalls");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, table_matches_kernel_header);
	tcase_add_test(tc, names_and_numbers);
	suite_add_tcase(s, tc);
	tc = tcase_create("decoders");
	tcase_add_test(tc, open_flags_and_modes);
	tcase_add_test(tc, mmap_prot_and_flags);
	tcase_add_test(tc, strings_and_buffers);
	tcase_add_test(tc, sigreturn_frame);
	tcase_add_test(tc, results_and_errors);
	tcase_add_test(tc, signals);
	tcase_add_test(tc, stat_time_socket);
	tcase_add_test(tc, ioctl_and_clone);
	tcase_add_test(tc, wait_poll_select);
	tcase_add_test(tc, iovecs_and_msghdr);
	tcase_add_test(tc, futex_operations);
	tcase_add_test(tc, epoll_events);
	tcase_add_test(tc, unknown_calls);
	tcase_add_test(tc, stat_families);
	tcase_add_test(tc, file_families);
	tcase_add_test(tc, resource_and_system);
	tcase_add_test(tc, sleeps_and_sockets);
	tcase_add_test(tc, exec_path);
	suite_add_tcase(s, tc);
	tc = tcase_create("selection");
	tcase_add_test(tc, selection);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(syscalls_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
