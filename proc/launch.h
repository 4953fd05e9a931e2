#ifndef LTRACE_LAUNCH_H
#define LTRACE_LAUNCH_H

#include <sys/types.h>

/*
 * Start argv under ptrace: the child is seized before it execs, so its exec is the first
 * event the loop sees. Returns the child's pid, or -1 after printing why.
 */
pid_t launch(char *const argv[]);

/*
 * -u: run the program as user (a name, or a numeric uid): with its uid, gid and
 * supplementary groups. Returns -1 after printing why if there is no such user or ltrace
 * cannot change user (it must run as root).
 */
int launch_set_user(const char *user);

/* Called when a launched process exits before any exec: prints why exec failed (from the
 * child's error pipe) and returns 1 if it did so. */
int launch_report_exec_failure(pid_t pid, const char *command);

#endif
