/* ltrace: trace the library calls of a program. main: options, then wiring. */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/intern.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "breakpoints/hit.h"
#include "breakpoints/plan.h"
#include "fast/fast.h"
#include "filter/filter.h"
#include "output/backtrace.h"
#include "output/chrome_trace.h"
#include "output/demangle.h"
#include "output/flame.h"
#include "output/output.h"
#include "output/summary.h"
#include "proc/attach.h"
#include "proto/resolve.h"
#include "proc/events.h"
#include "proc/launch.h"
#include "tracee/process.h"
#include "session/session.h"
#include "syscalls/syscalls.h"
#include "sysdeps/arch.h"

struct session session;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: ltrace [OPTION...] COMMAND [ARG...]\n"
		"Trace the library calls a program makes, with their arguments and results.\n"
		"\n"
		"  -a, --align=COLUMN  put the \"=\" before return values in COLUMN (default 50)\n"
		"  -A MAXELTS          show at most MAXELTS elements of an array (default 4)\n"
		"  -b, --no-signals    do not show the signals the program receives\n"
		"  -c                  count time and calls per function; print a table at the end\n"
		"  -C, --demangle      show C++ function names demangled\n"
		"  -e FILTER           which PLT calls to trace: rules {[+-][SYMBOL][@LIBRARY]},\n"
		"                      globs or /regex/, @MAIN for the program (default -e @MAIN);\n"
		"                      with -S, @SYS rules choose the system calls (default: all)\n"
		"  -f                  follow forks: trace child processes too\n"
		"  -F, --config=PATHS  read prototypes from these files or directories\n"
		"                      (colon-separated), besides the default ones\n"
		"  -i                  show the instruction pointer (return address) of each call\n"
		"  -l, --library=LIB   trace calls to functions that libraries matching LIB define\n"
		"  -L                  no default -e @MAIN\n"
		"  -n, --indent=N      indent nested calls by N spaces per level\n"
		"  -o, --output=FILE   write the trace to FILE instead of standard error\n"
		"  -p PID              attach to process PID (repeatable; with or without COMMAND)\n"
		"  -r                  show the time since the previous line at each line\n"
		"  -s STRSIZE          show at most STRSIZE characters of a string (default 32)\n"
		"  -S                  show system calls too, as name@SYS(args) = value\n"
		"  -t, -tt, -ttt       show the time of day; with microseconds; as seconds since\n"
		"                      the epoch\n"
		"  -T                  show the time spent in each call\n"
		"  -u USER             run COMMAND as USER (its uid, gid and groups)\n"
		"  -U, --summary-columns=COLUMNS  the columns of -c's table (implies -c), in\n"
		"                      order: name,calls,time,percent,avg,min,max,pN\n"
		"                      (percentile N, e.g. p50,p90,p99)\n"
		"  -w, --where=N       show N frames of the calling stack after each call\n"
		"  -x FILTER           also trace entries of functions of the symbol tables that\n"
		"                      FILTER selects (static functions of the program too)\n"
		"      --flame-graph=FILE  write a flame graph of the traced calls (wall time)\n"
		"                      to FILE as a self-contained SVG picture\n"
		"      --folded=FILE   write the same stacks to FILE in the folded format\n"
		"                      (flamegraph.pl, inferno, speedscope; microseconds)\n"
		"      --histogram     log2 histograms of the calls' durations (us) per function\n"
		"                      at the end; instead of the trace unless with -c\n"
		"      --fast          record calls inside the program (no stop per call); see\n"
		"                      the README for what it changes and what it cannot do yet\n"
		"      --json          write JSON Lines (one object per event) instead of the trace\n"
		"      --trace-file=FILE  also write the calls to FILE as a Chrome trace-event\n"
		"                      timeline (Perfetto, chrome://tracing)\n"
		"  -h, --help          show this help and exit\n"
		"  -V, --version       show the version and exit\n"
		"\n"
		"The exit status is the traced program's (128+N if it was killed by signal N).\n"
		"On SIGINT, SIGTERM or SIGHUP, ltrace detaches from processes it attached to;\n"
		"a program it started is killed with it (traced on to its end on SIGINT).\n");
}

static void try_usage(void)
{
	fprintf(stderr, "Try `ltrace --help' for more information.\n");
	exit(1);
}

static unsigned parse_count(const char *opt, const char *arg)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(arg, &end, 10);

	if (errno != 0 || *end != '\0' || end == arg || v > 1000000 || arg[0] == '-') {
		fprintf(stderr, "ltrace: invalid number for %s: '%s'\n", opt, arg);
		exit(1);
	}
	return (unsigned)v;
}

static long parse_pid(const char *arg)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);

	if (errno != 0 || *end != '\0' || end == arg || v <= 0 || v > 0x3fffffff) {
		fprintf(stderr, "ltrace: invalid process id for -p: '%s'\n", arg);
		exit(1);
	}
	return v;
}

struct options {
	const char *output;
	unsigned align;
	char *const *command;
	pid_t *attach;   /* -p, in the order given */
	size_t nattach;
	struct output_opts shape; /* what the trace shows: -c, -t, -r, -T, -i, -n, -b, --json */
	const char *trace_file;   /* --trace-file */
	const char *flame_graph;  /* --flame-graph */
	const char *folded;       /* --folded */
	const char *user;         /* -u */
};

enum { OPT_JSON = 256, OPT_TRACE_FILE, OPT_HISTOGRAM, OPT_FLAME_GRAPH, OPT_FOLDED, OPT_FAST };

static void set_summary_columns(const char *spec)
{
	char *error = NULL;

	if (summary_set_columns(spec, &error) < 0) {
		fprintf(stderr, "ltrace: -U '%s': %s\n", spec, error);
		free(error);
		exit(1);
	}
}

/* The options that choose what the trace shows; false if c is not one of them. */
static bool parse_output_option(int c, struct options *o)
{
	switch (c) {
	case 'A': session.fmt.array_limit = parse_count("-A", optarg); break;
	case 'b': o->shape.hide_signals = true; break;
	case 'c': o->shape.mode = OUTPUT_SUMMARY; break;
	case 'C': session.demangle = true; break;
	case 'i': o->shape.call_sites = true; break;
	case 'n': o->shape.indent = parse_count("-n", optarg); break;
	case 'r': o->shape.relative = true; break;
	case 't':
		if (o->shape.clock < OUTPUT_CLOCK_EPOCH)
			o->shape.clock++;
		break;
	case 'T': o->shape.durations = true; break;
	case 'u': o->user = optarg; break;
	case 'U':
		set_summary_columns(optarg);
		o->shape.mode = OUTPUT_SUMMARY;
		break;
	case 'w': session.backtrace_depth = parse_count("-w", optarg); break;
	case OPT_JSON: o->shape.mode = OUTPUT_JSON; break;
	case OPT_TRACE_FILE: o->trace_file = optarg; break;
	case OPT_HISTOGRAM: o->shape.histogram = true; break;
	case OPT_FLAME_GRAPH: o->flame_graph = optarg; break;
	case OPT_FOLDED: o->folded = optarg; break;
	default: return false;
	}
	return true;
}

/* Parse a filter for option opt into (*list)[*n], or exit naming the problem. */
static void add_filter(char opt, const char *text, struct filter ***list, size_t *n)
{
	char *error = NULL;
	struct filter *f = filter_parse(text, &error);

	if (f == NULL) {
		fprintf(stderr, "ltrace: -%c '%s': %s\n", opt, text,
			error != NULL ? error : "invalid filter");
		free(error);
		exit(1);
	}
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = f;
}

/* The options that choose what is traced (-e, -l, -L, -x); false for any other. */
static bool parse_selection_option(int c)
{
	struct selection *s = &session.select;
	struct strbuf lib = STRBUF_INIT;

	switch (c) {
	case 'e': add_filter('e', optarg, &s->e, &s->ne); break;
	case 'x': add_filter('x', optarg, &s->x, &s->nx); break;
	case 'L': s->no_default = true; break;
	case 'l': /* a library pattern: the filter "@PATTERN", + and - taken literally */
		strbuf_putc(&lib, '@');
		for (const char *p = optarg, *bracket_end = NULL; *p != '\0'; p++) {
			if (*p == '[' && bracket_end == NULL)
				bracket_end = strchr(p + 1, ']');
			if ((*p == '+' || *p == '-') && bracket_end == NULL)
				strbuf_putc(&lib, '\\');
			strbuf_putc(&lib, *p);
			if (p == bracket_end)
				bracket_end = NULL;
		}
		add_filter('l', strbuf_str(&lib), &s->l, &s->nl);
		strbuf_free(&lib);
		break;
	default: return false;
	}
	return true;
}

/* --fast where there is no agent: one line saying so, and exit 1. */
static void refuse_with_fast(void)
{
	if (session.fast && !fast_available) {
		fprintf(stderr, "ltrace: --fast: not available on this architecture yet (x86-64 only)\n");
		exit(1);
	}
}

static void parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "align", required_argument, NULL, 'a' },
		{ "config", required_argument, NULL, 'F' },
		{ "library", required_argument, NULL, 'l' },
		{ "demangle", no_argument, NULL, 'C' },
		{ "indent", required_argument, NULL, 'n' },
		{ "no-signals", no_argument, NULL, 'b' },
		{ "output", required_argument, NULL, 'o' },
		{ "where", required_argument, NULL, 'w' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "histogram", no_argument, NULL, OPT_HISTOGRAM },
		{ "flame-graph", required_argument, NULL, OPT_FLAME_GRAPH },
		{ "folded", required_argument, NULL, OPT_FOLDED },
		{ "summary-columns", required_argument, NULL, 'U' },
		{ "trace-file", required_argument, NULL, OPT_TRACE_FILE },
		{ "fast", no_argument, NULL, OPT_FAST },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "+a:A:bcCe:fF:il:Ln:o:p:rs:StTu:U:w:x:hV", longopts, NULL)) !=
	       -1) {
		if (parse_output_option(c, o) || parse_selection_option(c))
			continue;
		switch (c) {
		case 'a':
			o->align = parse_count("-a", optarg);
			break;
		case 'S':
			session.syscalls = true;
			break;
		case OPT_FAST:
			session.fast = true;
			break;
		case 'f':
			session.follow_forks = true;
			break;
		case 'F':
			config_add_user_paths(optarg);
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			o->attach = xrealloc(o->attach, (o->nattach + 1) * sizeof(*o->attach));
			o->attach[o->nattach++] = (pid_t)parse_pid(optarg);
			break;
		case 's':
			session.fmt.string_limit = parse_count("-s", optarg);
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("ltrace version %s\n", PACKAGE_VERSION);
			exit(0);
		default:
			try_usage();
		}
	}
	if (optind >= argc && o->nattach == 0) {
		fprintf(stderr, "ltrace: too few arguments\n");
		try_usage();
	}
	o->command = argv + optind;
	if (o->shape.histogram && o->shape.mode == OUTPUT_JSON) {
		fprintf(stderr, "ltrace: --histogram and --json cannot be used together\n");
		try_usage();
	}
	if (o->shape.histogram && o->shape.mode == OUTPUT_TEXT)
		o->shape.mode = OUTPUT_HISTOGRAM;
	refuse_with_fast();
}

static int open_output(const char *path, struct output_opts *out)
{
	out->fd = 2;
	out->buffered = false;
	if (path == NULL)
		return 0;
	out->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (out->fd < 0) {
		fprintf(stderr, "ltrace: can't open %s for writing: %s\n", path, strerror(errno));
		return -1;
	}
	out->buffered = true;
	return 0;
}

/* A file written besides the trace (--trace-file, --flame-graph, --folded), created now. */
static int open_extra(const char *path, int (*open_fn)(const char *))
{
	if (path == NULL || open_fn(path) == 0)
		return 0;
	fprintf(stderr, "ltrace: can't open %s for writing: %s\n", path, strerror(errno));
	return -1;
}

static pid_t pid_of_thread(pid_t tid)
{
	struct thread *t = thread_find(tid);

	return t != NULL && t->proc != NULL ? t->proc->pid : tid;
}

/* -i on a signal line: where the thread is stopped. */
static taddr_t pc_of_thread(pid_t tid)
{
	struct arch_regs regs;

	return arch_get_regs(tid, &regs) == 0 ? arch_pc(&regs) : 0;
}

static const struct output_hooks hooks = { pid_of_thread, pc_of_thread };

static void on_stop_signal(int sig)
{
	session.stop_signal = sig;
}

/* SIGINT, SIGTERM, SIGHUP interrupt waitpid (no SA_RESTART) and make the loop detach. */
static void catch_stop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void on_child(int sig)
{
	(void)sig; /* only to interrupt the --fast loop's sleep on the ring */
}

/* --fast: PLT stubs go to the agent; SIGCHLD wakes the loop. */
static void setup_fast(void)
{
	struct sigaction sa;

	if (!session.fast)
		return;
	plan_stub_planter = fast_plant_stub;
	plan_entry_planter = fast_plant_entry;
	plan_direct_planter = fast_plant_direct;
	plan_stub_hook = fast_hooked;
	hit_agent_return = fast_original_return;
	plan_entry_hook = fast_unwinder;
	hit_unwind_begins = fast_unwind_begins;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_child;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
}

/* Attach to every -p process; returns how many failed. */
static size_t attach_all(const struct options *o)
{
	size_t failed = 0;

	for (size_t i = 0; i < o->nattach; i++)
		if (attach_process(o->attach[i]) < 0)
			failed++;
	return failed;
}

/* Attach, launch, trace to the end; returns ltrace's exit status. */
static int trace(const struct options *o)
{
	size_t failed = attach_all(o);

	if (o->command[0] != NULL) {
		pid_t pid = launch(o->command);
		if (pid < 0)
			return 1;
		events_add_launched(pid, o->command[0]);
	} else if (failed == o->nattach) {
		return 1;
	}
	events_loop();
	if (session.have_exit_status)
		return session.exit_status;
	return failed > 0 || o->command[0] != NULL ? 1 : 0;
}

static void free_filters(struct filter **fs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		filter_free(fs[i]);
	free(fs);
}

static void free_selection(struct selection *s)
{
	free_filters(s->e, s->ne);
	free_filters(s->l, s->nl);
	free_filters(s->x, s->nx);
}

int main(int argc, char **argv)
{
	struct options o = { .align = 50 };

	setlocale(LC_CTYPE, ""); /* wide characters are shown in the locale's encoding */
	session.fmt.string_limit = 32;
	session.fmt.array_limit = 4;
	parse_options(argc, argv, &o);
	sys_select_init(session.select.e, session.select.ne);
	session.no_seccomp = getenv("LTRACE_NO_SECCOMP") != NULL;
	struct output_opts out = o.shape;
	int status = 1;
	if ((o.user != NULL && launch_set_user(o.user) < 0) || open_output(o.output, &out) < 0 ||
	    open_extra(o.trace_file, chrome_trace_open) < 0 ||
	    open_extra(o.flame_graph, flame_open_svg) < 0 || open_extra(o.folded, flame_open_folded) < 0)
		goto out;
	/* ltrace puts "= " at -a's column: the padding (before " = ") ends two before it. */
	out.align = o.align >= 2 ? o.align - 2 : 0;
	output_init(&out);
	output_set_hooks(&hooks);
	session.raw_values = out.mode == OUTPUT_JSON;
	/* As ltrace: with -f, and with -p into a file; with -p of several processes too. */
	output_show_pids(session.follow_forks || (o.nattach > 0 && o.output != NULL) ||
			 o.nattach > 1);
	session.protos = config_load(output_message);
	if (session.protos == NULL)
		goto out;
	signal(SIGPIPE, SIG_IGN);
	catch_stop_signals();
	setup_fast();
	status = trace(&o);
	fast_let_go_all();
out:
	output_finish();
	backtrace_clear();
	demangle_clear();
	config_free();
	session.protos = NULL;
	free_selection(&session.select);
	sys_select_free();
	intern_free_all();
	free(o.attach);
	return status;
}
