/*
 * The text trace, in the layout of ltrace 0.7.3: the left half of a call is written when
 * it is entered ("name(args"), the right half when it returns (") = value"); anything in
 * between turns the left half into "<unfinished ...>" and the return into
 * "<... name resumed> ) = value".
 */
#ifndef LTRACE_OUTPUT_H
#define LTRACE_OUTPUT_H

#include <stdbool.h>
#include <sys/types.h>

struct output_opts {
	int fd;            /* where the trace goes */
	bool buffered;     /* a file: flush when full or at exit; else flush at every stop */
	unsigned align;    /* column of " = " (ltrace -a) */
};

void output_init(const struct output_opts *opts);
/* Prefix every line with "[pid N] " from now on (several processes or threads). */
void output_show_pids(bool on);
bool output_pids_shown(void);

/* A call was entered. token identifies the call until output_return. */
void output_call(pid_t tid, const void *token, const char *name, const char *args);
/* The call identified by token returned with the formatted value. */
void output_return(pid_t tid, const void *token, const char *name, const char *value);
/* The call will not return (the line is closed with "<no return ...>" if still open). */
void output_no_return(const void *token);

void output_signal(pid_t tid, int sig);
/* The process called exec: "--- Called exec() ---". */
void output_exec(pid_t tid);
void output_exited(pid_t tid, int status);
void output_killed(pid_t tid, int sig);
/* A line of its own, for messages that belong in the trace. */
void output_note(pid_t tid, const char *text);

/* Whether the trace can no longer be written (its reader went away). */
bool output_broken(void);

/* Write out what is buffered (for an unbuffered trace, done at every stop). */
void output_flush(bool final);

#endif
