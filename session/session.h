/* What the whole tracing session shares: the options that shape it and its results. */
#ifndef LTRACE_SESSION_H
#define LTRACE_SESSION_H

#include <signal.h>
#include <stdbool.h>

#include "filter/selection.h"
#include "proto/proto.h"

struct session {
	struct proto_table *protos;
	struct fmt_opts fmt;
	bool follow_forks;      /* -f */
	bool syscalls;          /* -S: show system calls */
	bool no_seccomp;        /* -S: stop at every call even when a filter could select */
	struct selection select; /* -e, -l, -x, -L */
	bool demangle;          /* -C */
	unsigned backtrace_depth; /* -w: frames shown after each call, 0 for none */
	bool raw_values;        /* --json: keep the raw argument and return values */
	bool fast;              /* --fast: calls recorded inside the program (fast/) */
	int exit_status;        /* the launched program's: ltrace exits with it */
	bool have_exit_status;
	volatile sig_atomic_t stop_signal; /* SIGINT/SIGTERM/SIGHUP received by ltrace */
};

extern struct session session;

#endif
