#include "proc/launch.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tracee/process.h"
#include "proc/syscalls.h"
#include "session/session.h"
#include "syscalls/syscalls.h"

static int exec_err_fd = -1; /* read end: the child writes its exec errno here */

/* -u: who the program runs as. */
static struct {
	bool set;
	char *name;
	uid_t uid;
	gid_t gid;
} run_as;

int launch_set_user(const char *user)
{
	struct passwd *pw = getpwnam(user);
	char *end;

	if (pw == NULL) { /* a number that is no name: a uid */
		errno = 0;
		unsigned long id = strtoul(user, &end, 10);
		if (errno == 0 && end != user && *end == '\0')
			pw = getpwuid((uid_t)id);
	}
	if (pw == NULL) {
		fprintf(stderr, "ltrace: cannot find user `%s'\n", user);
		return -1;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "ltrace: you must be root to use the -u option\n");
		return -1;
	}
	free(run_as.name);
	run_as.name = strdup(pw->pw_name);
	run_as.uid = pw->pw_uid;
	run_as.gid = pw->pw_gid;
	run_as.set = run_as.name != NULL;
	return run_as.set ? 0 : -1;
}

/* In the child: become the -u user. Groups first, the uid last (it drops the right). */
static int change_user(void)
{
	if (!run_as.set)
		return 0;
	if (initgroups(run_as.name, run_as.gid) < 0 || setgid(run_as.gid) < 0 ||
	    setuid(run_as.uid) < 0)
		return -1;
	return 0;
}

static void child(int go_fd, int err_fd, char *const argv[])
{
	char c;

	/* Wait until the tracer has seized us, so that exec is its first event. */
	while (read(go_fd, &c, 1) < 0 && errno == EINTR)
		;
	signal(SIGPIPE, SIG_DFL);
	if (change_user() == 0) {
		/* -S: the last thing before exec. Without it, every call stops (the tracer
		 * sees that the filter is missing at the exec). */
		if (syscalls_use_seccomp())
			sys_seccomp_install();
		execvp(argv[0], argv);
	}
	int e = errno;
	while (write(err_fd, &e, sizeof(e)) < 0 && errno == EINTR)
		;
	_exit(e == ENOENT ? 127 : 126);
}

pid_t launch(char *const argv[])
{
	int go[2], err[2];

	if (pipe2(go, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
		fprintf(stderr, "ltrace: pipe: %s\n", strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "ltrace: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(go[1]);
		close(err[0]);
		child(go[0], err[1], argv);
	}
	close(go[0]);
	close(err[1]);
	long opts = PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
		    PTRACE_O_TRACEEXEC |
		    /* --fast: the program outlives us (its agent passes calls through); it stops
		     * at its end, where what its ring holds is shown while its memory is there */
		    (session.fast ? PTRACE_O_TRACEEXIT : PTRACE_O_EXITKILL) |
		    /* --fast: a vfork's return in the parent is shown when it is done */
		    (session.fast ? PTRACE_O_TRACEVFORKDONE : 0) |
		    syscalls_ptrace_options(syscalls_use_seccomp());
	if (ptrace(PTRACE_SEIZE, pid, 0, opts) < 0) {
		fprintf(stderr, "ltrace: cannot trace %d: %s\n", (int)pid, strerror(errno));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return -1;
	}
	syscalls_launched(argv);
	close(go[1]); /* let it exec */
	exec_err_fd = err[0];
	return pid;
}

int launch_report_exec_failure(pid_t pid, const char *command)
{
	int e = 0;

	(void)pid;
	if (exec_err_fd < 0)
		return 0;
	ssize_t n = read(exec_err_fd, &e, sizeof(e));
	close(exec_err_fd);
	exec_err_fd = -1;
	if (n != (ssize_t)sizeof(e))
		return 0;
	fprintf(stderr, "ltrace: Can't execute `%s': %s\n", command, strerror(e));
	return 1;
}
