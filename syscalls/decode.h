/*
 * Internal to syscalls/: the table generated from the data files, the argument kinds, and
 * the decoders of each family (one small file per family). Decoders never fail: what
 * cannot be read from the tracee is shown as its address.
 */
#ifndef LTRACE_SYSCALLS_DECODE_H
#define LTRACE_SYSCALLS_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "syscalls/syscalls.h"

/* Argument kinds, as named in syscalls/signatures.tbl (SA_ + the name in capitals). */
enum sys_arg {
	SA_GUESS = 0, /* no signature: decimal when small, else hex */
	SA_INT, SA_LONG, SA_ULONG, SA_HEX, SA_PTR,
	SA_FD, SA_DIRFD, SA_PATH, SA_BUF, SA_OBUF, SA_OCSTR,
	SA_OFLAGS, SA_OMODE, SA_MODE, SA_ATFLAGS, SA_AMODE, SA_WHENCE, SA_FCNTL, SA_FCNTLARG, SA_FDFLAGS,
	SA_PROT, SA_MAPFLAGS,
	SA_SIG, SA_SIGACT, SA_OSIGACT, SA_SIGHOW, SA_SIGSET, SA_OSIGSET, SA_SIGFRAME,
	SA_OSTAT, SA_TS, SA_OTS, SA_CLOCK,
	SA_SOCKADDR, SA_DOMAIN, SA_SOCKTYPE, SA_PROTOCOL,
	SA_IOCTL, SA_IOCTLARG, SA_CLONE, SA_ARGV, SA_ENVP, SA_OPIPE,
	SA_OWSTATUS, SA_WOPTS, SA_POLLFD, SA_FDSET, SA_TV,
	SA_IOV, SA_OIOV, SA_MSGHDR, SA_OMSGHDR,
	SA_FUTEXOP, SA_FUTEXARG, SA_EPOLLFLAGS, SA_EPOLLOP, SA_EPOLLEV, SA_OEPOLLEV,
	SA_STR, SA_OSTATX, SA_STATXFLAGS, SA_STATXMASK, SA_OSTATFS,
	SA_XATTRFLAGS, SA_ODIRENTS, SA_ADVICE, SA_LOFFP, SA_RENAMEFLAGS, SA_UTIMES,
	SA_RLIMITRES, SA_RLIM, SA_ORLIM, SA_OCPUSET, SA_OGIDS,
	SA_OUTSNAME, SA_OSYSINFO, SA_GRNDFLAGS, SA_ORANDOM, SA_ARCHPRCTL, SA_ARCHPRCTLARG,
	SA_SIGSTACK, SA_OSIGSTACK, SA_OREM, SA_TIMERFLAGS,
	SA_OSOCKADDR, SA_OSOCKLEN, SA_SOCKFLAGS, SA_MSGFLAGS, SA_SOCKLEVEL, SA_SOCKOPT,
	SA_SOCKOPTVAL, SA_OSOCKOPTVAL,
};

/* How the result is shown. */
enum sys_ret {
	SR_LONG, /* a number; -1 ERRNO (message) for -4095..-1 */
	SR_HEX,  /* an address; errors as for SR_LONG */
	SR_NONE, /* the call does not return: "?" */
	SR_OCTAL, /* a mode: "022" */
	SR_FCNTL, /* after fcntl's command: "0x1 (flags FD_CLOEXEC)", "0x8002 (flags O_RDWR|...)" */
};

struct sys_entry {
	const char *name; /* NULL: no system call has this number */
	uint8_t nargs;
	bool decoded;     /* has a signature; otherwise every argument is SA_GUESS */
	uint8_t ret;      /* enum sys_ret */
	uint8_t kind[6];  /* enum sys_arg */
	uint8_t param[6]; /* the argument a kind refers to (buf:N, sockaddr:N) */
};

/* Generated from the architecture's syscalls.tbl and signatures.tbl, indexed by number. */
extern const struct sys_entry sys_table[];
extern const size_t sys_table_size;

/* What a decoder needs: the call, where to write, and a way to read the tracee. */
struct sys_ctx {
	struct strbuf *out;
	const struct sys_call *call;
	const struct sys_mem *mem;
	unsigned string_limit;
};

/* Read exactly len bytes at addr; false if they cannot all be read. */
bool sys_read(const struct sys_ctx *c, uint64_t addr, void *buf, size_t len);

/* Named values: one table per set of constants, ending with { 0, NULL }. */
struct xlat {
	uint64_t val;
	const char *name;
};
/* The name of val, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);
/* val's name, or val as a number (in hex, or decimal). */
void xlat_enum(struct strbuf *out, const struct xlat *x, uint64_t val, bool hex);
/* val's name, or val in hex with a comment: "0x63 /\* AF_??? *\/" (strace's way). */
void xlat_enum_or(struct strbuf *out, const struct xlat *x, uint64_t val, const char *unknown);
/* Flags "A|B|0x40": each named bit set in val, then what is left in hex; "0" for none. */
void xlat_flags(struct strbuf *out, const struct xlat *x, uint64_t val);

/* Whether a raw result is an error (-4095..-1, -errno). */
bool sys_is_error(int64_t ret);
/* For an argument the call writes: when the call failed (and wrote nothing), show addr
 * and return true. */
bool sys_unwritten(const struct sys_ctx *c, uint64_t addr);

/* format.c: numbers, pointers, strings, buffers. */
void sys_put_ptr(struct strbuf *out, uint64_t v);
/* len bytes at addr as a quoted string, at most string_limit of them, "..." if cut. */
void sys_put_buf(const struct sys_ctx *c, uint64_t addr, uint64_t len);
/* A NUL-terminated string at addr (NULL for 0; the address if unreadable). */
void sys_put_cstr(const struct sys_ctx *c, uint64_t addr);
/* A path: as sys_put_cstr, but never cut below PATH_MAX (strace's rule: -s is for data). */
void sys_put_path(const struct sys_ctx *c, uint64_t addr);
/* Bytes as a quoted C string with escapes, "..." after the quote when cut. */
void sys_quote(struct strbuf *out, const unsigned char *s, size_t len, bool cut);
/* The same with every byte as \xNN (getrandom's bytes, as strace shows them). */
void sys_quote_hex(struct strbuf *out, const unsigned char *s, size_t len, bool cut);
/* len bytes at addr, each as \xNN, as sys_put_buf. */
void sys_put_hexbuf(const struct sys_ctx *c, uint64_t addr, uint64_t len);
/* "[5]": the int (or 64-bit value, when wide) at addr; NULL for 0, the address when
 * unreadable. */
void sys_put_int_at(const struct sys_ctx *c, uint64_t addr, bool wide);
/* A struct timespec at addr ("{tv_sec=1, tv_nsec=2}"); the address when unreadable. */
void sys_put_timespec(const struct sys_ctx *c, uint64_t addr);

/* The decoders of each family: argument i of c->call, of the given kind. */
void sys_decode_open(const struct sys_ctx *c, int kind, unsigned i);   /* open.c */
void sys_decode_mem(const struct sys_ctx *c, int kind, unsigned i);    /* mem.c */
void sys_decode_signal(const struct sys_ctx *c, int kind, unsigned i); /* signal.c */
void sys_decode_stat(const struct sys_ctx *c, int kind, unsigned i);   /* stat.c */
void sys_decode_time(const struct sys_ctx *c, int kind, unsigned i);   /* time.c */
void sys_decode_socket(const struct sys_ctx *c, int kind, unsigned i); /* socket.c */
void sys_decode_process(const struct sys_ctx *c, int kind, unsigned i); /* process.c */
void sys_decode_ioctl(const struct sys_ctx *c, int kind, unsigned i);  /* ioctl.c */
void sys_decode_wait(const struct sys_ctx *c, int kind, unsigned i);   /* wait.c */
void sys_decode_poll(const struct sys_ctx *c, int kind, unsigned i);   /* poll.c */
void sys_decode_iov(const struct sys_ctx *c, int kind, unsigned i);    /* iov.c */
void sys_decode_futex(const struct sys_ctx *c, int kind, unsigned i);  /* futex.c */
void sys_decode_epoll(const struct sys_ctx *c, int kind, unsigned i);  /* epoll.c */
void sys_decode_file(const struct sys_ctx *c, int kind, unsigned i);   /* file.c */
void sys_decode_resource(const struct sys_ctx *c, int kind, unsigned i); /* resource.c */
void sys_decode_system(const struct sys_ctx *c, int kind, unsigned i); /* system.c */
/* futex.c: whether argument i is one the operation does not use (not shown). */
bool sys_futex_omitted(const struct sys_ctx *c, int kind, unsigned i);

/* open.c: fcntl's result, after its command (SR_FCNTL). */
void sys_put_fcntl_ret(struct strbuf *out, const struct sys_call *c);
/* socket.c: the value sys_save_in keeps for argument i of this kind, if any. */
bool sys_socket_saves(int kind);

/* poll.c: after the result of a call with a pollfd array or fd sets, what became ready:
 * " ([{fd=4, revents=POLLOUT}])", " (in [3], out [4])", or " (Timeout)". */
void sys_poll_result(const struct sys_ctx *c);
/* wait.c: "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]". */
void sys_put_wait_status(struct strbuf *out, int status);

/* open.c: "O_RDONLY|O_CLOEXEC"; whether argument i is left out (open's mode without
 * O_CREAT, fcntl's argument for F_GETFD...), with the ", " before it. */
void sys_put_open_flags(struct strbuf *out, uint64_t v);
bool sys_open_omitted(const struct sys_ctx *c, int kind, unsigned i);

/* signal.c: "SIGINT"; a mask "[INT TERM]" (or "~[...]" when most are set). */
void sys_put_signal(struct strbuf *out, int sig);
void sys_put_sigmask(struct strbuf *out, uint64_t mask);
/* socket.c: "{sa_family=AF_INET, sin_port=htons(80), ...}", the len bytes at addr. */
void sys_put_sockaddr(const struct sys_ctx *c, uint64_t addr, uint64_t len);
/* stat.c: "S_IFREG|0644". process.c: "CLONE_VM|CLONE_VFORK|SIGCHLD". ioctl.c: "TCGETS" or
 * "_IOC(_IOC_READ, 0x54, 0x30, 0x4)". */
void sys_put_file_mode(struct strbuf *out, uint32_t mode);
void sys_put_clone_flags(struct strbuf *out, uint64_t v);
void sys_put_ioctl_request(struct strbuf *out, uint32_t req);

#endif
