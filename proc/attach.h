/* Attaching to running processes (-p) and letting go of them (detach). */
#ifndef LTRACE_ATTACH_H
#define LTRACE_ATTACH_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Attach to every thread of process pid (threads created meanwhile included), stop them,
 * set up the breakpoints and let them go on. Returns 0, or -1 after printing one line
 * naming the pid and the reason.
 */
int attach_process(pid_t pid);

/*
 * Let go of every process we attached to: every thread stopped, put back on its own
 * path (out of the scratch area, before any breakpoint it had just hit), every
 * breakpoint removed, pending signals passed on, then detached. Processes we launched
 * are left alone when `launched_too` is false.
 */
void detach_all(bool launched_too);

#endif
