/* The event loop: wait for any traced thread to stop, tell what the stop is, dispatch. */
#include "proc/events.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "breakpoints/hit.h"
#include "fast/fast.h"
#include "output/output.h"
#include "proc/attach.h"
#include "proc/children.h"
#include "proc/exec.h"
#include "proc/launch.h"
#include "proc/libraries.h"
#include "tracee/process.h"
#include "session/session.h"
#include "proc/syscalls.h"

static const char *launched_command;

void events_add_launched(pid_t pid, const char *command)
{
	struct process *p = process_new(pid);

	p->leader = true;
	p->state = PROC_STARTING;
	p->seccomp = syscalls_use_seccomp(); /* until its exec shows that it is not there */
	struct thread *t = thread_new(pid, p);
	t->started = true;
	launched_command = command;
}

static void resume(struct thread *t, int sig)
{
	if (sig == 0) { /* a signal we held back while the thread ran our code */
		sig = t->pending_signal;
		t->pending_signal = 0;
	}
	output_flush(false); /* what the thread did so far is shown before it goes on */
	if (ptrace(syscalls_resume_request(t), t->tid, 0, sig) < 0 && errno != ESRCH)
		fprintf(stderr, "ltrace: cannot resume %d: %s\n", (int)t->tid, strerror(errno));
}

static void thread_gone(struct thread *t, int status)
{
	struct process *p = t->proc;
	if (p == NULL) {
		thread_free(t);
		return;
	}
	bool leader_thread = t->tid == p->pid;

	if (fast_active())
		fast_settle(); /* its records, before it is forgotten */
	if (leader_thread && p->state == PROC_STARTING && p->leader)
		launch_report_exec_failure(p->pid, launched_command);
	else if ((leader_thread || session.follow_forks) && p->state == PROC_TRACED &&
		 WIFEXITED(status))
		output_exited(t->tid, WEXITSTATUS(status));
	else if (leader_thread && p->state == PROC_TRACED && WIFSIGNALED(status))
		output_killed(t->tid, WTERMSIG(status));
	if (leader_thread && p->leader) {
		session.exit_status = WIFEXITED(status) ? WEXITSTATUS(status)
							: 128 + WTERMSIG(status);
		session.have_exit_status = true;
	}
	bp_calls_over(t);
	thread_free(t);
	if (p->threads == 0) {
		fast_release(p);
		process_free(p);
	}
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_trap(struct thread *t)
{
	struct arch_regs regs;
	struct process *p = t->proc;

	if (arch_get_regs(t->tid, &regs) < 0) {
		resume(t, 0);
		return;
	}
	taddr_t at = arch_trap_address(arch_pc(&regs));
	if (p->startup_trap != 0 && at == p->startup_trap) {
		if (exec_finish(t, &regs) < 0)
			fprintf(stderr, "ltrace: %d: could not set up the scratch area: "
				"returns will not be shown\n", (int)p->pid);
		resume(t, 0);
		return;
	}
	struct breakpoint *bp = bp_find(process_vm(p)->bps, at);
	if (bp == NULL || bp->roles == 0) {
		/* A SIGTRAP that is not ours: the program's own. */
		if (p->state == PROC_TRACED)
			output_signal(t->tid, SIGTRAP);
		resume(t, SIGTRAP);
		return;
	}
	bool libs_changed = false;
	if (bp_hit(t, bp, &regs, &libs_changed) < 0)
		fprintf(stderr, "ltrace: %d: cannot step past the breakpoint at %#" PRIxTADDR
			": %s\n", (int)t->tid, at, strerror(errno));
	if (libs_changed)
		libraries_update(t);
	if (session.fast && (libs_changed || (bp->roles & BP_ROLE_START)))
		fast_prepare(t, (bp->roles & BP_ROLE_START) != 0);
	resume(t, 0);
}

/* A thread other than the leader exec'd: it now has the leader's id, and its own id is
 * gone without an exit report. Forget it (the other threads do report their exits). */
static void forget_former_tid(struct thread *t)
{
	unsigned long former = 0;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &former) < 0 || (pid_t)former == t->tid)
		return;
	struct thread *old = thread_find((pid_t)former);
	if (old != NULL && old != t)
		thread_free(old);
}

static void on_event(struct thread *t, int event)
{
	unsigned long msg = 0;

	switch (event) {
	case PTRACE_EVENT_EXEC:
		forget_former_tid(t);
		syscalls_exec(t);
		if (t->proc->state == PROC_SILENT) {
			children_exec_silent(t);
			return;
		}
		if (t->proc->state == PROC_TRACED)
			output_exec(t->tid);
		fast_release(t->proc); /* the agent went with the old image */
		bp_calls_over(t);
		t->proc->state = PROC_TRACED;
		if (exec_begin(t) < 0)
			fprintf(stderr, "ltrace: %d: cannot read the new program: "
				"its calls are not traced\n", (int)t->proc->pid);
		break;
	case PTRACE_EVENT_VFORK_DONE:
		if (session.fast)
			fast_vfork_done(t);
		break;
	case PTRACE_EVENT_CLONE:
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg);
		children_created(t, event, (pid_t)msg);
		break;
	default:
		break;
	}
	resume(t, 0);
}

static void on_stop(struct thread *t, int status)
{
	int sig = WSTOPSIG(status);
	int event = status >> 16;

	if (event == PTRACE_EVENT_STOP) {
		if (!t->started) {
			t->started = true;
			children_first_stop(t);
		} else if (is_stop_signal(sig)) {
			ptrace(PTRACE_LISTEN, t->tid, 0, 0);
		} else {
			resume(t, 0);
		}
		return;
	}
	t->started = true;
	if (sig == (SIGTRAP | 0x80) || (sig == SIGTRAP && event == PTRACE_EVENT_SECCOMP)) {
		syscalls_stop(t); /* -S */
		resume(t, 0);
	} else if (sig == SIGTRAP && event != 0) {
		on_event(t, event);
	} else if (sig == SIGTRAP) {
		on_trap(t);
	} else {
		if (t->proc->state == PROC_TRACED)
			output_signal(t->tid, sig);
		resume(t, sig);
	}
}

/* Whether any process we launched (not attached to) is still traced. */
static bool have_launched(void)
{
	for (struct thread *t = threads_first(); t != NULL; t = t->next)
		if (t->proc != NULL && !t->proc->attached)
			return true;
	return false;
}

/*
 * ltrace was asked to stop (a signal, or nobody reads the trace any more): let go of the
 * processes we attached to. A launched program is killed with us (PTRACE_O_EXITKILL) —
 * but on SIGINT, which a terminal also sends it, it is traced on to its own end.
 * Returns true when the loop must end.
 */
static bool stop_requested(void)
{
	int sig = session.stop_signal;

	if (sig == 0 && !output_broken())
		return false;
	session.stop_signal = 0;
	/* --fast: the agents pass calls through; a launched program goes on untraced. */
	fast_let_go_all();
	detach_all(session.fast);
	if (sig == SIGINT && !output_broken() && have_launched())
		return false;
	if (have_launched() && !session.have_exit_status) {
		session.exit_status = 128 + (sig != 0 ? sig : SIGPIPE);
		session.have_exit_status = true;
	}
	return true;
}

/*
 * --fast: the next stop, showing what the agents record meanwhile. Sleeps on the ring,
 * woken by the agents, by SIGCHLD (a child stopped: it interrupts the sleep) or by a
 * short timeout.
 */
static pid_t wait_fast(int *status)
{
	for (;;) {
		pid_t tid = waitpid(-1, status, __WALL | WNOHANG);
		if (tid != 0) {
			fast_drain(); /* what the thread recorded comes before its stop */
			return tid;
		}
		if (session.stop_signal != 0 || output_broken()) {
			errno = EINTR;
			return -1;
		}
		if (!fast_drain()) {
			output_flush(false);
			fast_sleep();
		}
	}
}

void events_loop(void)
{
	while (threads_count() > 0) {
		int status;

		output_flush(false);
		if (stop_requested())
			return;
		pid_t tid = fast_active() ? wait_fast(&status) : waitpid(-1, &status, __WALL);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		struct thread *t = thread_find(tid);
		if (t == NULL)
			t = children_unknown(tid);
		if (t == NULL)
			continue;
		if (WIFEXITED(status) || WIFSIGNALED(status))
			thread_gone(t, status);
		else if (WIFSTOPPED(status))
			on_stop(t, status);
	}
	output_flush(true);
}
