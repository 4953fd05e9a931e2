/* --json: one JSON object per line. */
#include "output/json.h"

#include <signal.h>
#include <string.h>

#include "output/symbolize.h"

/* The length of the well-formed UTF-8 sequence of two to four bytes at p, or 0. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n = *p >= 0xc2 && *p <= 0xdf ? 2 : *p >= 0xe0 && *p <= 0xef ? 3
		 : *p >= 0xf0 && *p <= 0xf4 ? 4 : 0;
	unsigned char lo = *p == 0xe0 ? 0xa0 : *p == 0xf0 ? 0x90 : 0x80;
	unsigned char hi = *p == 0xed ? 0x9f : *p == 0xf4 ? 0x8f : 0xbf;

	for (size_t i = 1; i < n; i++, lo = 0x80, hi = 0xbf)
		if (p[i] < lo || p[i] > hi)
			return 0;
	return n;
}

void json_string(struct strbuf *out, const char *s)
{
	strbuf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		size_t n = utf8_len(p);
		if (n > 0) { /* a wide character shown in a UTF-8 locale */
			strbuf_append_n(out, (const char *)p, n);
			p += n - 1;
			continue;
		}
		switch (*p) {
		case '"': strbuf_append(out, "\\\""); break;
		case '\\': strbuf_append(out, "\\\\"); break;
		case '\n': strbuf_append(out, "\\n"); break;
		case '\t': strbuf_append(out, "\\t"); break;
		case '\r': strbuf_append(out, "\\r"); break;
		default:
			/* Control characters, and bytes that are not UTF-8: always valid JSON. */
			if (*p < 0x20 || *p >= 0x7f)
				strbuf_printf(out, "\\u%04x", *p);
			else
				strbuf_putc(out, (char)*p);
		}
	}
	strbuf_putc(out, '"');
}

static void put_seconds(struct strbuf *out, const char *key, uint64_t ns)
{
	uint64_t us = ns / 1000;

	strbuf_printf(out, ",\"%s\":%llu.%06llu", key, (unsigned long long)(us / 1000000),
		      (unsigned long long)(us % 1000000));
}

static void begin(struct strbuf *out, const char *type, pid_t pid, pid_t tid, uint64_t ts)
{
	strbuf_printf(out, "{\"type\":\"%s\",\"pid\":%d,\"tid\":%d", type, (int)pid, (int)tid);
	put_seconds(out, "timestamp", ts);
}

static void put_key_string(struct strbuf *out, const char *key, const char *value)
{
	strbuf_printf(out, ",\"%s\":", key);
	if (value != NULL)
		json_string(out, value);
	else
		strbuf_append(out, "null");
}

static void put_raw(struct strbuf *out, const char *key, const struct output_event *e)
{
	strbuf_printf(out, ",\"%s\":[", key);
	for (size_t i = 0; i < e->nraw; i++)
		strbuf_printf(out, "%s%llu", i ? "," : "", (unsigned long long)e->raw[i]);
	strbuf_putc(out, ']');
}

static void end(struct strbuf *out)
{
	strbuf_append(out, "}\n");
}

void json_call(struct strbuf *out, const struct output_event *e)
{
	struct addr_name n;

	begin(out, "call", e->pid, e->tid, e->ts);
	put_key_string(out, "function", e->name);
	strbuf_printf(out, ",\"depth\":%u,\"caller\":{\"address\":\"%#" PRIxTADDR "\"", e->depth,
		      e->call_site);
	symbolize(e->pid, e->call_site - 1, &n);
	put_key_string(out, "object", n.object);
	put_key_string(out, "function", n.function);
	strbuf_putc(out, '}');
	put_key_string(out, "arguments", e->text);
	put_raw(out, "raw_arguments", e);
	end(out);
}

void json_return(struct strbuf *out, const struct output_event *e)
{
	begin(out, "return", e->pid, e->tid, e->ts);
	put_key_string(out, "function", e->name);
	strbuf_printf(out, ",\"depth\":%u", e->depth);
	put_key_string(out, "return_value", e->text);
	if (e->out_args != NULL) { /* written by the call: shown now, without the ", " */
		const char *a = e->out_args;
		if (strncmp(a, ", ", 2) == 0)
			a += 2;
		put_key_string(out, "output_arguments", a);
	}
	if (e->nraw > 0)
		strbuf_printf(out, ",\"raw_return_value\":%llu", (unsigned long long)e->raw[0]);
	put_seconds(out, "duration", e->duration);
	end(out);
}

void json_signal(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts, int sig)
{
	const char *abbrev = sigabbrev_np(sig);

	begin(out, "signal", pid, tid, ts);
	strbuf_printf(out, ",\"signal\":%d", sig);
	if (abbrev != NULL)
		strbuf_printf(out, ",\"name\":\"SIG%s\"", abbrev);
	end(out);
}

void json_exit(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts, int status, int sig)
{
	begin(out, "exit", pid, tid, ts);
	if (sig == 0) {
		strbuf_printf(out, ",\"status\":%d", status);
	} else {
		const char *abbrev = sigabbrev_np(sig);
		strbuf_printf(out, ",\"killed_by\":%d", sig);
		if (abbrev != NULL)
			strbuf_printf(out, ",\"name\":\"SIG%s\"", abbrev);
	}
	end(out);
}

void json_exec(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts)
{
	begin(out, "exec", pid, tid, ts);
	end(out);
}

void json_note(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts, const char *text)
{
	begin(out, "note", pid, tid, ts);
	put_key_string(out, "text", text);
	end(out);
}

static uint64_t rec_next_int(void *ctx)
{
	struct raw_recorder *r = ctx;
	uint64_t v = r->inner.ops->next_int(r->inner.ctx);

	if (r->n < JSON_MAX_RAW)
		r->v[r->n++] = v;
	return v;
}

static double rec_next_double(void *ctx)
{
	struct raw_recorder *r = ctx;

	return r->inner.ops->next_double(r->inner.ctx);
}

static float rec_next_float(void *ctx)
{
	struct raw_recorder *r = ctx;

	return r->inner.ops->next_float(r->inner.ctx);
}

static ssize_t rec_read_mem(void *ctx, taddr_t addr, void *buf, size_t len)
{
	struct raw_recorder *r = ctx;

	return r->inner.ops->read_mem(r->inner.ctx, addr, buf, len);
}

static taddr_t rec_stack_area(void *ctx, size_t len)
{
	struct raw_recorder *r = ctx;

	return r->inner.ops->stack_area ? r->inner.ops->stack_area(r->inner.ctx, len) : 0;
}

static bool rec_regs_free(void *ctx, unsigned nint, unsigned nfp)
{
	struct raw_recorder *r = ctx;

	return !r->inner.ops->regs_free || r->inner.ops->regs_free(r->inner.ctx, nint, nfp);
}

static double rec_next_long_double(void *ctx)
{
	struct raw_recorder *r = ctx;

	return r->inner.ops->next_long_double ? r->inner.ops->next_long_double(r->inner.ctx)
					      : r->inner.ops->next_double(r->inner.ctx);
}

static const struct arg_cursor_ops recorder_ops = {
	rec_next_int, rec_next_double, rec_next_float, rec_read_mem, rec_stack_area,
	rec_regs_free, rec_next_long_double,
};

void raw_recorder_wrap(struct raw_recorder *r, struct arg_cursor *cur)
{
	r->inner = *cur;
	r->n = 0;
	cur->ops = &recorder_ops;
	cur->ctx = r;
}
