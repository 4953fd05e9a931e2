/* ltrace: trace the library calls of a program. main: options, then wiring. */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "output/output.h"
#include "proc/attach.h"
#include "proc/config.h"
#include "proc/events.h"
#include "proc/launch.h"
#include "proc/session.h"

struct session session;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: ltrace [OPTION...] COMMAND [ARG...]\n"
		"Trace the library calls a program makes, with their arguments and results.\n"
		"\n"
		"  -a, --align=COLUMN  align return values in COLUMN (default 48)\n"
		"  -f                  follow forks: trace child processes too\n"
		"  -F, --config=PATHS  read prototypes from these files or directories\n"
		"                      (colon-separated), besides the default ones\n"
		"  -o, --output=FILE   write the trace to FILE instead of standard error\n"
		"  -p PID              attach to process PID (repeatable; with or without COMMAND)\n"
		"  -s STRSIZE          show at most STRSIZE characters of a string (default 32)\n"
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
};

static void parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "align", required_argument, NULL, 'a' },
		{ "config", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "+a:fF:o:p:s:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			o->align = parse_count("-a", optarg);
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

/* Attach to every -p process; returns how many failed. */
static size_t attach_all(const struct options *o)
{
	size_t failed = 0;

	for (size_t i = 0; i < o->nattach; i++)
		if (attach_process(o->attach[i]) < 0)
			failed++;
	return failed;
}

int main(int argc, char **argv)
{
	struct options o = { NULL, 48, NULL, NULL, 0 };
	struct output_opts out;

	session.fmt.string_limit = 32;
	session.fmt.array_limit = 4;
	parse_options(argc, argv, &o);
	if (open_output(o.output, &out) < 0)
		return 1;
	out.align = o.align;
	output_init(&out);
	output_show_pids(session.follow_forks);
	session.protos = config_load();
	if (session.protos == NULL)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	catch_stop_signals();
	size_t failed = attach_all(&o);
	if (o.command[0] != NULL) {
		pid_t pid = launch(o.command);
		if (pid < 0)
			return 1;
		events_add_launched(pid, o.command[0]);
	} else if (failed == o.nattach) {
		return 1;
	}
	events_loop();
	proto_table_free(session.protos);
	free(o.attach);
	if (session.have_exit_status)
		return session.exit_status;
	return failed > 0 || o.command[0] != NULL ? 1 : 0;
}
