#include "output/output.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "common/strbuf.h"
#include "output/chrome_trace.h"
#include "output/flame.h"
#include "output/histogram.h"
#include "output/json.h"
#include "output/summary.h"
#include "output/symbolize.h"

static struct output_opts opts = { 2, false, 48, OUTPUT_TEXT, OUTPUT_CLOCK_NONE, false, false,
				   false, 0, false, false };
static struct output_hooks hooks;
static bool show_pids;
static struct strbuf buf = STRBUF_INIT;
static size_t line_start;      /* offset in buf where the current line began */
static size_t flushed_column;  /* column of the last flushed byte, for an open line */
static const void *open_token; /* the call whose left half ends the output, or NULL */
static pid_t open_tid;          /* the thread that made it */
static struct strbuf open_backtrace = STRBUF_INIT; /* -w: shown when that line ends */
static uint64_t last_ts;       /* -r: when the previous line began */

void output_init(const struct output_opts *o)
{
	opts = *o;
}

void output_set_hooks(const struct output_hooks *h)
{
	hooks = *h;
}

bool output_timed(void)
{
	return opts.clock != OUTPUT_CLOCK_NONE || opts.relative || opts.durations ||
	       opts.mode != OUTPUT_TEXT || chrome_trace_enabled() || flame_enabled();
}

/* -c, --histogram alone: the calls are counted, no line shows them. */
static bool counting_only(void)
{
	return opts.mode == OUTPUT_SUMMARY || opts.mode == OUTPUT_HISTOGRAM;
}

bool output_formats_values(void)
{
	return !counting_only();
}

bool output_counts_only(void)
{
	return opts.mode == OUTPUT_SUMMARY && !opts.histogram && !summary_keeps_samples() &&
	       !flame_enabled() && !chrome_trace_enabled();
}

void output_counted(const char *func, uint64_t calls, uint64_t ns, uint64_t min, uint64_t max)
{
	summary_add_counted(func, calls, ns, min, max);
}

uint64_t output_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The time of a line that is not a call or a return: taken only when it is shown. */
static uint64_t line_time(void)
{
	return output_timed() ? output_now() : 0;
}

static pid_t pid_of(pid_t tid)
{
	return hooks.pid_of != NULL ? hooks.pid_of(tid) : tid;
}

void output_show_pids(bool on)
{
	show_pids = on;
}

bool output_pids_shown(void)
{
	return show_pids;
}

/* The columns n bytes of text take: a byte each, but a multibyte character (a wide one,
 * in the locale's encoding) as many as it is wide, as ltrace counts them. */
static size_t text_width(const char *s, size_t n)
{
	size_t cols = 0, i = 0;
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	while (i < n) {
		wchar_t wc;
		size_t k = (unsigned char)s[i] < 0x80 ? 1 : mbrtowc(&wc, s + i, n - i, &st);
		if (k == 1 || k == 0 || k >= (size_t)-2) {
			memset(&st, 0, sizeof(st));
			cols++;
			i++;
			continue;
		}
		int w = wcwidth(wc);
		cols += w > 0 ? (size_t)w : 0;
		i += k;
	}
	return cols;
}

static size_t column(void)
{
	size_t n = buf.len - line_start;

	return flushed_column + (n > 0 ? text_width(buf.buf + line_start, n) : 0);
}

/* What starts a line, in ltrace's order: pid, -r, -t, -i, then -n's indentation. */
struct line_head {
	pid_t tid;
	uint64_t ts;     /* 0: not taken */
	bool has_site;   /* -i: a call site (or pc) to show */
	taddr_t site;
	unsigned depth;  /* -n: nesting level of a call line */
};

/* "S.uuuuuu", the seconds right-aligned in width. */
static void put_seconds(uint64_t ns, int width)
{
	uint64_t us = ns / 1000;

	strbuf_printf(&buf, "%*llu.%06llu", width, (unsigned long long)(us / 1000000),
		      (unsigned long long)(us % 1000000));
}

static void put_clock(uint64_t ns)
{
	time_t sec = (time_t)(ns / 1000000000u);
	struct tm tm;

	if (opts.clock == OUTPUT_CLOCK_EPOCH) {
		put_seconds(ns, 0);
		strbuf_putc(&buf, ' ');
		return;
	}
	localtime_r(&sec, &tm);
	strbuf_printf(&buf, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (opts.clock == OUTPUT_CLOCK_MICRO)
		strbuf_printf(&buf, ".%06llu", (unsigned long long)(ns / 1000 % 1000000));
	strbuf_putc(&buf, ' ');
}

static void begin_head(const struct line_head *h)
{
	line_start = buf.len;
	flushed_column = 0;
	/* ltrace's two forms: "[pid N] " on a terminal or stderr, "N " in a file. */
	if (show_pids)
		strbuf_printf(&buf, opts.buffered ? "%d " : "[pid %d] ", (int)h->tid);
	if (opts.relative) {
		uint64_t delta = last_ts != 0 && h->ts > last_ts ? h->ts - last_ts : 0;
		put_seconds(delta, 3);
		strbuf_putc(&buf, ' ');
	}
	if (h->ts != 0)
		last_ts = h->ts;
	if (opts.clock != OUTPUT_CLOCK_NONE)
		put_clock(h->ts);
	if (opts.call_sites && h->has_site)
		strbuf_printf(&buf, "[%#" PRIxTADDR "] ", h->site);
	if (opts.indent > 0 && h->depth > 0)
		strbuf_pad(&buf, ' ', opts.indent * h->depth);
}

/* A line that is not about a call: no call site, no indentation. */
static void begin_line(pid_t tid)
{
	struct line_head h = { tid, line_time(), false, 0, 0 };

	begin_head(&h);
}

static void begin_call_line(const struct output_event *e)
{
	struct line_head h = { e->tid, e->ts, true, e->call_site, e->depth };

	begin_head(&h);
}

static void end_line(void)
{
	strbuf_putc(&buf, '\n');
	line_start = buf.len;
	flushed_column = 0;
}

/* Close a left half that is still open, with the given marker; then its backtrace (-w). */
static void close_open(const char *marker)
{
	if (open_token == NULL)
		return;
	strbuf_append(&buf, marker);
	end_line();
	open_token = NULL;
	strbuf_append_n(&buf, strbuf_str(&open_backtrace), open_backtrace.len);
	strbuf_reset(&open_backtrace);
}

/* Something happens to thread tid: its own open call will not return from here
 * (" <no return ...>"); another thread's call is merely interrupted. */
static void close_open_for(pid_t tid)
{
	close_open(open_tid == tid ? " <no return ...>" : " <unfinished ...>");
}

static void pad_to_align(void)
{
	size_t col = column();

	if (col < opts.align)
		strbuf_pad(&buf, ' ', opts.align - col);
}

/* The function alone, as a resumed line and the -c table name it. */
static const char *event_func(const struct output_event *e)
{
	return e->func != NULL ? e->func : e->name;
}

void output_call(const struct output_event *e)
{
	flame_call(e);
	if (counting_only())
		return;
	if (opts.mode == OUTPUT_JSON) {
		json_call(&buf, e);
		return;
	}
	close_open(" <unfinished ...>");
	begin_call_line(e);
	strbuf_append(&buf, e->name);
	strbuf_putc(&buf, '(');
	strbuf_append(&buf, e->text);
	open_token = e->token;
	open_tid = e->tid;
	if (e->backtrace != NULL)
		strbuf_append(&open_backtrace, e->backtrace);
}

void output_return(const struct output_event *e)
{
	chrome_trace_call(e);
	flame_return(e);
	if (opts.histogram)
		hist_add(event_func(e), e->duration);
	if (opts.mode == OUTPUT_SUMMARY)
		summary_add(event_func(e), e->duration);
	if (counting_only())
		return;
	if (opts.mode == OUTPUT_JSON) {
		json_return(&buf, e);
		return;
	}
	bool same_line = open_token == e->token && e->token != NULL;
	if (same_line) {
		open_token = NULL;
	} else {
		close_open(" <unfinished ...>");
		begin_call_line(e);
		strbuf_printf(&buf, "<... %s resumed> ", event_func(e));
	}
	if (e->out_args != NULL)
		strbuf_append(&buf, e->out_args);
	strbuf_putc(&buf, ')');
	pad_to_align();
	strbuf_append(&buf, " = ");
	strbuf_append(&buf, e->text);
	if (opts.durations) {
		strbuf_append(&buf, " <");
		put_seconds(e->duration, 0);
		strbuf_putc(&buf, '>');
	}
	end_line();
	if (same_line) {
		strbuf_append_n(&buf, strbuf_str(&open_backtrace), open_backtrace.len);
		strbuf_reset(&open_backtrace);
	}
}

void output_no_return(const void *token)
{
	if (open_token == token)
		close_open(" <no return ...>");
}

void output_unreturned(const struct output_event *e)
{
	if (opts.mode == OUTPUT_SUMMARY)
		summary_add(event_func(e), e->duration);
	if (opts.histogram)
		hist_add_unreturned(event_func(e));
	flame_unreturned(e);
}

void output_signal(pid_t tid, int sig)
{
	const char *abbrev = sigabbrev_np(sig);
	const char *desc = strsignal(sig);

	if (counting_only() || opts.hide_signals)
		return;
	if (opts.mode == OUTPUT_JSON) {
		json_signal(&buf, pid_of(tid), tid, line_time(), sig);
		return;
	}
	close_open_for(tid);
	struct line_head h = { tid, line_time(), false, 0, 0 };
	if (opts.call_sites && hooks.pc_of != NULL) {
		h.site = hooks.pc_of(tid);
		h.has_site = true;
	}
	begin_head(&h);
	/* A signal without a name (real-time ones): as ltrace names it. */
	if (abbrev != NULL)
		strbuf_printf(&buf, "--- SIG%s (%s) ---", abbrev, desc);
	else
		strbuf_printf(&buf, "--- UNKNOWN_SIGNAL (%s) ---", desc);
	end_line();
}

void output_exec(pid_t tid)
{
	symbolize_forget(pid_of(tid)); /* a new address space: names learnt are stale */
	if (counting_only())
		return;
	if (opts.mode == OUTPUT_JSON) {
		json_exec(&buf, pid_of(tid), tid, line_time());
		return;
	}
	close_open_for(tid);
	begin_line(tid);
	strbuf_append(&buf, "--- Called exec() ---");
	end_line();
}

void output_exited(pid_t tid, int status)
{
	if (counting_only())
		return;
	if (opts.mode == OUTPUT_JSON) {
		json_exit(&buf, pid_of(tid), tid, line_time(), status, 0);
		return;
	}
	close_open_for(tid);
	begin_line(tid);
	strbuf_printf(&buf, "+++ exited (status %d) +++", status);
	end_line();
}

void output_killed(pid_t tid, int sig)
{
	const char *abbrev = sigabbrev_np(sig);

	if (counting_only())
		return;
	if (opts.mode == OUTPUT_JSON) {
		json_exit(&buf, pid_of(tid), tid, line_time(), -1, sig);
		return;
	}
	close_open_for(tid);
	begin_line(tid);
	if (abbrev != NULL)
		strbuf_printf(&buf, "+++ killed by SIG%s +++", abbrev);
	else
		strbuf_printf(&buf, "+++ killed by UNKNOWN_SIGNAL +++");
	end_line();
}

void output_note(pid_t tid, const char *text)
{
	if (opts.mode == OUTPUT_JSON) {
		json_note(&buf, pid_of(tid), tid, line_time(), text);
		return;
	}
	close_open(" <unfinished ...>");
	begin_line(tid);
	strbuf_append(&buf, text);
	end_line();
}

void output_message(const char *text)
{
	if (opts.mode == OUTPUT_JSON) {
		json_note(&buf, 0, 0, line_time(), text);
		return;
	}
	close_open(" <unfinished ...>");
	line_start = buf.len;
	flushed_column = 0;
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

void output_finish(void)
{
	close_open(" <unfinished ...>"); /* a call still open when we stopped tracing */
	if (opts.mode == OUTPUT_SUMMARY)
		summary_format(&buf);
	if (opts.histogram) {
		if (opts.mode == OUTPUT_SUMMARY)
			strbuf_putc(&buf, '\n');
		hist_format(&buf);
	}
	output_flush(true);
	chrome_trace_close();
	flame_close();
	summary_clear();
	hist_clear();
	strbuf_free(&open_backtrace);
}
