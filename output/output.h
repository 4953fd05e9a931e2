/*
 * The text trace, in the layout of ltrace 0.7.3: the left half of a call is written when
 * it is entered ("name(args"), the right half when it returns (") = value"); anything in
 * between turns the left half into "<unfinished ...>" and the return into
 * "<... name resumed> ) = value".
 */
#ifndef LTRACE_OUTPUT_H
#define LTRACE_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/taddr.h"

enum output_mode {
	OUTPUT_TEXT,    /* ltrace's lines */
	OUTPUT_SUMMARY, /* -c: no lines; the table of output/summary.c at the end */
	OUTPUT_JSON,    /* --json: one JSON object per event (output/json.c) */
	OUTPUT_HISTOGRAM, /* --histogram without -c: no lines; only the histograms at the end */
};

enum output_clock {
	OUTPUT_CLOCK_NONE,
	OUTPUT_CLOCK_SECONDS, /* -t: "HH:MM:SS " */
	OUTPUT_CLOCK_MICRO,   /* -tt: "HH:MM:SS.uuuuuu " */
	OUTPUT_CLOCK_EPOCH,   /* -ttt: "SSSSSSSSSS.uuuuuu " */
};

struct output_opts {
	int fd;            /* where the trace goes */
	bool buffered;     /* a file: flush when full or at exit; else flush at every stop */
	unsigned align;    /* column of " = " (ltrace -a) */
	enum output_mode mode;
	enum output_clock clock; /* -t, -tt, -ttt */
	bool relative;     /* -r: time since the previous line, at the start of each line */
	bool durations;    /* -T: " <seconds>" after the value */
	bool call_sites;   /* -i: "[0xADDR] ", the return address of the call */
	unsigned indent;   /* -n: spaces per level of nesting */
	bool hide_signals; /* -b: no "--- SIG... ---" lines */
	bool histogram;    /* --histogram: latency histograms at the end (output/histogram.c) */
};

/*
 * One call or return, as the tracer saw it. Strings are borrowed for the duration of the
 * output_call/output_return that gets them.
 */
struct output_event {
	pid_t pid, tid;
	const void *token;     /* identifies the call from output_call to output_return */
	const char *name;      /* as shown at the call (demangled with -C) */
	const char *text;      /* formatted arguments (call) or value (return) */
	taddr_t call_site;     /* the return address of the call */
	unsigned depth;        /* calls of the same thread still open below this one */
	uint64_t ts;           /* when, in ns since the epoch; 0 when nothing needs it */
	uint64_t duration;     /* return: ns since the call */
	const char *backtrace; /* call, -w: lines shown after the call's line, or NULL */
	const uint64_t *raw;   /* --json: the raw argument values (call) or return value */
	size_t nraw;
	const char *out_args;  /* return: arguments shown only now (", \"abc\", 3"), or NULL */
	const char *func;      /* the function alone, for "<... func resumed>" and -c; NULL:
				* name */
};

void output_init(const struct output_opts *opts);
/* Prefix every line with "[pid N] " from now on (several processes or threads). */
void output_show_pids(bool on);
bool output_pids_shown(void);

/* Whether calls and returns need a timestamp (ts) and the other lines a clock. */
bool output_timed(void);
/* Whether the formatted arguments and value are shown at all (not with -c). */
bool output_formats_values(void);
/* Whether calls matter only to the -c table (no line, no time of each call kept for a
 * percentile, no histogram, no flame graph or trace file): the --fast agent may count
 * them itself, and output_counted add them. */
bool output_counts_only(void);
void output_counted(const char *func, uint64_t calls, uint64_t ns, uint64_t min, uint64_t max);
/* The current time in ns since the epoch (one clock_gettime). */
uint64_t output_now(void);
/*
 * How the output module learns what the events do not say: the process of a thread
 * (for JSON), and a stopped thread's pc (for -i on signal lines). Set once by main.
 */
struct output_hooks {
	pid_t (*pid_of)(pid_t tid);
	taddr_t (*pc_of)(pid_t tid);
};
void output_set_hooks(const struct output_hooks *hooks);

/* A call was entered: the left half of its line. */
void output_call(const struct output_event *call);
/* The call identified by ret->token returned with the formatted value ret->text. */
void output_return(const struct output_event *ret);
/* The call will not return (the line is closed with "<no return ...>" if still open). */
void output_no_return(const void *token);
/* The call e->token is over without returning (exit, exec, longjmp; e->duration: its time
 * until then): -c counts it. Its line, if still open, is closed by the next one. */
void output_unreturned(const struct output_event *e);

void output_signal(pid_t tid, int sig);
/* The process called exec: "--- Called exec() ---". */
void output_exec(pid_t tid);
void output_exited(pid_t tid, int status);
void output_killed(pid_t tid, int sig);
/* A line of its own, for messages that belong in the trace. */
void output_note(pid_t tid, const char *text);
/* A line about no thread, as it is: no pid, time or address before it (what is wrong
 * with a prototype file, "FILE:LINE: error: ...", as ltrace writes it into the trace). */
void output_message(const char *text);

/* Whether the trace can no longer be written (its reader went away). */
bool output_broken(void);

/* Write out what is buffered (for an unbuffered trace, done at every stop). */
void output_flush(bool final);
/* The end of the session: the -c table, the histograms, the end of the --trace-file, the
 * flame graph; then flush. */
void output_finish(void);

#endif
