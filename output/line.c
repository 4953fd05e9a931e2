#include "output/output.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common/strbuf.h"

static struct output_opts opts = { 2, false, 48 };
static bool show_pids;
static struct strbuf buf = STRBUF_INIT;
static size_t line_start;      /* offset in buf where the current line began */
static size_t flushed_column;  /* column of the last flushed byte, for an open line */
static const void *open_token; /* the call whose left half ends the output, or NULL */

void output_init(const struct output_opts *o)
{
	opts = *o;
}

void output_show_pids(bool on)
{
	show_pids = on;
}

bool output_pids_shown(void)
{
	return show_pids;
}

static size_t column(void)
{
	return flushed_column + (buf.len - line_start);
}

static void begin_line(pid_t tid)
{
	line_start = buf.len;
	flushed_column = 0;
	/* ltrace's two forms: "[pid N] " on a terminal or stderr, "N " in a file. */
	if (show_pids)
		strbuf_printf(&buf, opts.buffered ? "%d " : "[pid %d] ", (int)tid);
}

static void end_line(void)
{
	strbuf_putc(&buf, '\n');
	line_start = buf.len;
	flushed_column = 0;
}

/* Close a left half that is still open, with the given marker. */
static void close_open(const char *marker)
{
	if (open_token == NULL)
		return;
	strbuf_append(&buf, marker);
	end_line();
	open_token = NULL;
}

static void pad_to_align(void)
{
	size_t col = column();

	if (col < opts.align)
		strbuf_printf(&buf, "%*s", (int)(opts.align - col), "");
}

void output_call(pid_t tid, const void *token, const char *name, const char *args)
{
	close_open(" <unfinished ...>");
	begin_line(tid);
	strbuf_printf(&buf, "%s(%s", name, args);
	open_token = token;
}

void output_return(pid_t tid, const void *token, const char *name, const char *value)
{
	if (open_token == token && token != NULL) {
		open_token = NULL;
	} else {
		close_open(" <unfinished ...>");
		begin_line(tid);
		strbuf_printf(&buf, "<... %s resumed> ", name);
	}
	strbuf_putc(&buf, ')');
	pad_to_align();
	strbuf_printf(&buf, " = %s", value);
	end_line();
}

void output_no_return(const void *token)
{
	if (open_token == token)
		close_open(" <no return ...>");
}

void output_signal(pid_t tid, int sig)
{
	const char *abbrev = sigabbrev_np(sig);
	const char *desc = strsignal(sig);

	close_open(" <no return ...>");
	begin_line(tid);
	if (abbrev != NULL)
		strbuf_printf(&buf, "--- SIG%s (%s) ---", abbrev, desc);
	else
		strbuf_printf(&buf, "--- signal %d (%s) ---", sig, desc);
	end_line();
}

void output_exec(pid_t tid)
{
	close_open(" <no return ...>");
	begin_line(tid);
	strbuf_append(&buf, "--- Called exec() ---");
	end_line();
}

void output_exited(pid_t tid, int status)
{
	close_open(" <no return ...>");
	begin_line(tid);
	strbuf_printf(&buf, "+++ exited (status %d) +++", status);
	end_line();
}

void output_killed(pid_t tid, int sig)
{
	const char *abbrev = sigabbrev_np(sig);

	close_open(" <no return ...>");
	begin_line(tid);
	if (abbrev != NULL)
		strbuf_printf(&buf, "+++ killed by SIG%s +++", abbrev);
	else
		strbuf_printf(&buf, "+++ killed by signal %d +++", sig);
	end_line();
}

void output_note(pid_t tid, const char *text)
{
	close_open(" <unfinished ...>");
	begin_line(tid);
	strbuf_append(&buf, text);
	end_line();
}

static bool broken;

bool output_broken(void)
{
	return broken;
}

static void write_all(const char *p, size_t n)
{
	while (n > 0 && !broken) {
		ssize_t w = write(opts.fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			broken = true; /* the trace is lost; the tracee must not suffer for it */
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

void output_flush(bool final)
{
	if (buf.len == 0 || (opts.buffered && !final && buf.len < 65536))
		return;
	write_all(buf.buf, buf.len);
	flushed_column = column();
	line_start = 0;
	strbuf_reset(&buf);
}
