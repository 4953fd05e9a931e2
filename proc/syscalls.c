/* -S: system-call stops, shown through the output module like library calls. */
#include "proc/syscalls.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "common/intern.h"
#include "common/strbuf.h"
#include "fast/fast.h"
#include "output/output.h"
#include "tracee/memory.h"
#include "session/session.h"
#include "sysdeps/arch.h"
#include "syscalls/syscalls.h"

long syscalls_ptrace_options(bool with_seccomp)
{
	if (!session.syscalls)
		return 0;
	return PTRACE_O_TRACESYSGOOD | (with_seccomp ? PTRACE_O_TRACESECCOMP : 0);
}

bool syscalls_use_seccomp(void)
{
	return session.syscalls && !session.no_seccomp && !sys_select_all();
}

int syscalls_resume_request(const struct thread *t)
{
	const struct process *p = t->proc;

	if (!session.syscalls || p == NULL || p->state == PROC_SILENT)
		return PTRACE_CONT;
	if (p->seccomp)
		return t->sys.want_exit ? PTRACE_SYSCALL : PTRACE_CONT;
	return PTRACE_SYSCALL;
}

/* "openat@SYS", or "syscall_335@SYS" for a number without a name. */
static const char *shown_name(long nr)
{
	static const char *cache[1024]; /* interned: they live as long as intern's strings */
	const char *name = sys_name(nr);
	char buf[64];

	if (nr >= 0 && nr < 1024 && cache[nr] != NULL)
		return cache[nr];
	if (name == NULL)
		snprintf(buf, sizeof(buf), "syscall_%ld@SYS", nr);
	else
		snprintf(buf, sizeof(buf), "%s@SYS", name);
	name = intern(buf);
	if (nr >= 0 && nr < 1024)
		cache[nr] = name;
	return name;
}

static ssize_t read_tracee(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return mem_read(*(pid_t *)ctx, addr, buf, len);
}

static void call_of(const struct thread *t, struct sys_call *c)
{
	c->nr = t->sys.nr;
	memcpy(c->args, t->sys.args, sizeof(c->args));
	c->ret = 0;
	c->saved = t->sys.saved;
	c->sp = t->sys.sp;
}

static void show_return(struct thread *t, struct sys_call *c, taddr_t pc)
{
	struct strbuf out = STRBUF_INIT, ret = STRBUF_INIT;
	pid_t tid = t->tid;
	struct sys_mem mem = { read_tracee, &tid };
	struct output_event e = { .pid = t->proc->pid, .tid = t->tid, .token = &t->sys,
				  .name = shown_name(c->nr), .call_site = pc,
				  .depth = (unsigned)t->depth };

	if (t->sys.entry_ts != 0) {
		e.ts = output_now();
		e.duration = e.ts > t->sys.entry_ts ? e.ts - t->sys.entry_ts : 0;
	}
	if (output_formats_values()) {
		if (sys_has_out(c->nr))
			sys_format_out(&out, c, &mem, session.fmt.string_limit);
		sys_format_ret(&ret, c, &mem);
	}
	e.out_args = out.len > 0 ? strbuf_str(&out) : NULL;
	e.text = strbuf_str(&ret);
	uint64_t raw_ret = (uint64_t)c->ret;
	if (session.raw_values && sys_returns(c->nr)) {
		e.raw = &raw_ret;
		e.nraw = 1;
	}
	output_return(&e);
	strbuf_free(&out);
	strbuf_free(&ret);
}

static void entry_stop(struct thread *t, long nr, const uint64_t args[6], taddr_t pc,
		       taddr_t sp, bool seccomp)
{
	struct sys_call c;
	struct strbuf text = STRBUF_INIT;
	pid_t tid = t->tid;
	struct sys_mem mem = { read_tracee, &tid };

	t->sys.in = false;
	t->sys.want_exit = false;
	if (t->proc->state != PROC_TRACED || !sys_selected(nr) ||
	    fast_agent_pc(process_vm(t->proc)->pid, pc))
		return;
	t->sys.nr = nr;
	memcpy(t->sys.args, args, sizeof(t->sys.args));
	t->sys.saved = 0;
	t->sys.sp = sp;
	call_of(t, &c);
	sys_save_in(&c, &mem);
	t->sys.saved = c.saved;
	struct output_event e = { .pid = t->proc->pid, .tid = t->tid, .token = &t->sys,
				  .name = shown_name(nr), .call_site = pc,
				  .depth = (unsigned)t->depth };
	if (t->sys.interrupted != 0 && sys_resumes_interrupted(nr))
		strbuf_printf(&text, "<... resuming interrupted %s ...>",
			      sys_name(t->sys.interrupted - 1) ? sys_name(t->sys.interrupted - 1) : "call");
	else if (output_formats_values())
		sys_format_in(&text, &c, &mem, session.fmt.string_limit);
	t->sys.interrupted = 0;
	t->sys.entry_ts = output_timed() ? output_now() : 0;
	e.ts = t->sys.entry_ts;
	e.text = strbuf_str(&text);
	if (session.raw_values) { /* --json: the registers, as they are */
		e.raw = t->sys.args;
		e.nraw = sys_nargs(nr);
	}
	output_call(&e);
	strbuf_free(&text);
	if (!sys_returns(nr)) { /* exit, exit_group: "= ?" now, as no exit stop will come */
		show_return(t, &c, pc);
		return;
	}
	t->sys.in = true;
	t->sys.want_exit = seccomp;
}

static void exit_stop(struct thread *t, int64_t rval, taddr_t pc)
{
	struct sys_call c;

	t->sys.want_exit = false;
	if (!t->sys.in)
		return; /* not shown, or entered before we saw it (the launched execve) */
	t->sys.in = false;
	call_of(t, &c);
	c.ret = rval;
	t->sys.interrupted = sys_ret_restarts_block(rval) ? c.nr + 1 : 0;
	show_return(t, &c, pc);
}

void syscalls_stop(struct thread *t)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    t->proc == NULL)
		return;
	if (info.arch != arch_audit_arch) /* another ABI (int $0x80): not ours to name */
		return;
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		entry_stop(t, (long)info.entry.nr, info.entry.args, info.instruction_pointer,
			   info.stack_pointer, false);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		entry_stop(t, (long)info.seccomp.nr, info.seccomp.args, info.instruction_pointer,
			   info.stack_pointer, true);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		exit_stop(t, info.exit.rval, info.instruction_pointer);
		break;
	default:
		break;
	}
}

/* How many seccomp filters pid runs under ("Seccomp_filters:" in /proc/PID/status; when
 * the kernel does not say, 1 for "Seccomp: 2"). */
static int filters_of(pid_t pid)
{
	char path[64], line[256];
	int mode = 0, count = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL && count < 0)
		if (sscanf(line, "Seccomp: %d", &mode) != 1)
			sscanf(line, "Seccomp_filters: %d", &count);
	fclose(f);
	return count >= 0 ? count : mode == 2;
}

/* Whether pid has our filter: one more than we have (it inherited ours). */
static bool has_filter(pid_t pid)
{
	return filters_of(pid) > filters_of(getpid());
}

static char *const *launched_argv; /* until the launched program's exec is shown */

void syscalls_launched(char *const argv[])
{
	launched_argv = session.syscalls ? argv : NULL;
}

/* The launched program's execve, entered before we traced it: shown from our own copy of
 * its arguments (our argv, our environ: the addresses it was given, as strace shows). */
static void show_launch(struct thread *t)
{
	char buf[4096];
	const char *path = sys_exec_path(launched_argv[0], buf, sizeof(buf));
	struct sys_call c = { sys_number("execve"), { (uint64_t)(uintptr_t)path,
		(uint64_t)(uintptr_t)launched_argv, (uint64_t)(uintptr_t)environ }, 0, 0, 0 };
	pid_t self = getpid();
	struct sys_mem mem = { read_tracee, &self };
	struct strbuf text = STRBUF_INIT;
	struct output_event e = { .pid = t->proc->pid, .tid = t->tid, .token = &t->sys,
				  .name = shown_name(c.nr), .depth = (unsigned)t->depth };

	launched_argv = NULL;
	if (c.nr < 0 || !sys_selected(c.nr))
		return;
	if (output_formats_values())
		sys_format_in(&text, &c, &mem, session.fmt.string_limit);
	t->sys.nr = c.nr;
	memcpy(t->sys.args, c.args, sizeof(t->sys.args));
	t->sys.saved = 0;
	t->sys.entry_ts = output_timed() ? output_now() : 0;
	e.ts = t->sys.entry_ts;
	e.text = strbuf_str(&text);
	if (session.raw_values) {
		e.raw = t->sys.args;
		e.nraw = 3;
	}
	output_call(&e);
	strbuf_free(&text);
	show_return(t, &c, 0);
}

void syscalls_exec(struct thread *t)
{
	struct process *p = t->proc;

	if (p != NULL && p->state == PROC_STARTING && p->leader && launched_argv != NULL)
		show_launch(t);
	if (p != NULL && p->state == PROC_STARTING && p->seccomp && !has_filter(p->pid))
		p->seccomp = false; /* the kernel refused the filter: stop at every call */
	if (!t->sys.in)
		return;
	/* execve and execveat succeed here: their exit stop comes after the new program's
	 * first events, so the line ends now. */
	struct sys_call c;
	call_of(t, &c);
	t->sys.in = false;
	show_return(t, &c, 0);
}
