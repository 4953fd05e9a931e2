/* Processes: clone flags, execve's argument and environment vectors, pipe's two fds,
 * arch_prctl. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syscalls/decode.h"

#define ARGV_MAX 32 /* strings of an argv shown before "..." */

static const struct xlat clone_flags[] = {
	{ 0x100, "CLONE_VM" },
	{ 0x200, "CLONE_FS" },
	{ 0x400, "CLONE_FILES" },
	{ 0x800, "CLONE_SIGHAND" },
	{ 0x1000, "CLONE_PIDFD" },
	{ 0x2000, "CLONE_PTRACE" },
	{ 0x4000, "CLONE_VFORK" },
	{ 0x8000, "CLONE_PARENT" },
	{ 0x10000, "CLONE_THREAD" },
	{ 0x20000, "CLONE_NEWNS" },
	{ 0x40000, "CLONE_SYSVSEM" },
	{ 0x80000, "CLONE_SETTLS" },
	{ 0x100000, "CLONE_PARENT_SETTID" },
	{ 0x200000, "CLONE_CHILD_CLEARTID" },
	{ 0x400000, "CLONE_DETACHED" },
	{ 0x800000, "CLONE_UNTRACED" },
	{ 0x1000000, "CLONE_CHILD_SETTID" },
	{ 0x2000000, "CLONE_NEWCGROUP" },
	{ 0x4000000, "CLONE_NEWUTS" },
	{ 0x8000000, "CLONE_NEWIPC" },
	{ 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" },
	{ 0x40000000, "CLONE_NEWNET" },
	{ 0x80000000, "CLONE_IO" },
	{ 0, NULL },
};

static const struct xlat arch_prctl_codes[] = {
	{ 0x1001, "ARCH_SET_GS" }, { 0x1002, "ARCH_SET_FS" }, { 0x1003, "ARCH_GET_FS" },
	{ 0x1004, "ARCH_GET_GS" }, { 0x1011, "ARCH_GET_CPUID" }, { 0x1012, "ARCH_SET_CPUID" },
	{ 0x1021, "ARCH_GET_XCOMP_SUPP" }, { 0x1022, "ARCH_GET_XCOMP_PERM" },
	{ 0x1023, "ARCH_REQ_XCOMP_PERM" }, { 0x2001, "ARCH_MAP_VDSO_X32" },
	{ 0x2002, "ARCH_MAP_VDSO_32" }, { 0x2003, "ARCH_MAP_VDSO_64" }, { 0, NULL },
};

/* arch_prctl's address: what ARCH_GET_FS/ARCH_GET_GS wrote there ("[0x7f...]"), else the
 * value itself. */
static void put_arch_prctl_arg(const struct sys_ctx *c, uint64_t v)
{
	uint64_t code = c->call->args[0], got;

	if ((code == 0x1003 || code == 0x1004) &&
	    (sys_is_error(c->call->ret) || !sys_read(c, v, &got, sizeof(got)))) {
		sys_put_ptr(c->out, v);
	} else if (code == 0x1003 || code == 0x1004) {
		strbuf_printf(c->out, "[%#" PRIx64 "]", got);
	} else {
		strbuf_printf(c->out, "%#" PRIx64, v);
	}
}

/* "CLONE_VM|CLONE_VFORK|SIGCHLD": the flags, then the exit signal (the low byte). */
void sys_put_clone_flags(struct strbuf *out, uint64_t v)
{
	uint64_t flags = v & ~0xffull & 0xffffffffull;
	int sig = (int)(v & 0xff);

	if (flags != 0)
		xlat_flags(out, clone_flags, flags);
	if (sig != 0) {
		if (flags != 0)
			strbuf_putc(out, '|');
		sys_put_signal(out, sig);
	}
	if (flags == 0 && sig == 0)
		strbuf_putc(out, '0');
}

/* ["a", "b"]: the strings of a NULL-terminated vector. */
static void put_argv(const struct sys_ctx *c, uint64_t addr)
{
	uint64_t ptrs[ARGV_MAX + 1];
	size_t n = 0;

	if (addr == 0) {
		strbuf_append(c->out, "NULL");
		return;
	}
	ssize_t got = c->mem->read(c->mem->ctx, addr, ptrs, sizeof(ptrs));
	if (got < (ssize_t)sizeof(ptrs[0])) {
		sys_put_ptr(c->out, addr);
		return;
	}
	size_t have = (size_t)got / sizeof(ptrs[0]);
	strbuf_putc(c->out, '[');
	for (; n < have && n < ARGV_MAX && ptrs[n] != 0; n++) {
		if (n > 0)
			strbuf_append(c->out, ", ");
		sys_put_cstr(c, ptrs[n]);
	}
	if (n < have && ptrs[n] != 0)
		strbuf_append(c->out, ", ...");
	strbuf_putc(c->out, ']');
}

/* 0x7ffc... followed by the number of strings: "0x7ffd5d8 /\* 20 vars *\/". */
static void put_envp(const struct sys_ctx *c, uint64_t addr)
{
	uint64_t ptrs[64];
	size_t count = 0;

	sys_put_ptr(c->out, addr);
	if (addr == 0)
		return;
	for (uint64_t at = addr; count < 100000; at += sizeof(ptrs)) {
		ssize_t got = c->mem->read(c->mem->ctx, at, ptrs, sizeof(ptrs));
		if (got < (ssize_t)sizeof(ptrs[0]))
			return; /* unreadable: no count */
		size_t have = (size_t)got / sizeof(ptrs[0]), k = 0;
		while (k < have && ptrs[k] != 0)
			k++;
		count += k;
		if (k < have)
			break;
	}
	strbuf_printf(c->out, " /* %zu var%s */", count, count == 1 ? "" : "s");
}

const char *sys_exec_path(const char *file, char *buf, size_t size)
{
	const char *path = getenv("PATH");

	if (strchr(file, '/') != NULL)
		return file;
	if (path == NULL)
		path = "/bin:/usr/bin";
	for (const char *dir = path; ; dir = strchr(dir, ':') + 1) {
		size_t len = strcspn(dir, ":");
		int n = snprintf(buf, size, "%.*s%s%s", (int)len, dir, len > 0 ? "/" : "", file);
		if (n > 0 && (size_t)n < size && access(buf, X_OK) == 0)
			return buf;
		if (dir[len] == '\0')
			return file;
	}
}

void sys_decode_process(const struct sys_ctx *c, int kind, unsigned i)
{
	uint64_t v = c->call->args[i];
	int fds[2];

	switch (kind) {
	case SA_CLONE:
		sys_put_clone_flags(c->out, v);
		break;
	case SA_ARGV:
		put_argv(c, v);
		break;
	case SA_ENVP:
		put_envp(c, v);
		break;
	case SA_ARCHPRCTL:
		xlat_enum_or(c->out, arch_prctl_codes, (uint32_t)v, "ARCH_???");
		break;
	case SA_ARCHPRCTLARG:
		put_arch_prctl_arg(c, v);
		break;
	case SA_OPIPE:
		if (sys_is_error(c->call->ret) || !sys_read(c, v, fds, sizeof(fds)))
			sys_put_ptr(c->out, v);
		else
			strbuf_printf(c->out, "[%d, %d]", fds[0], fds[1]);
		break;
	default:
		break;
	}
}
