/* --trace-file: Chrome trace-event format, written as calls return. */
#include "output/chrome_trace.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "output/json.h"

static int fd = -1;
static struct strbuf buf = STRBUF_INIT;
static bool any;
static uint64_t origin; /* ns since the epoch when the file was opened: its time 0 */

static void write_out(void)
{
	const char *p = strbuf_str(&buf);
	size_t n = buf.len;

	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break; /* the file is lost; the trace goes on */
		p += w;
		n -= (size_t)w;
	}
	strbuf_reset(&buf);
}

int chrome_trace_open(const char *path)
{
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return -1;
	origin = output_now();
	strbuf_append(&buf, "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[");
	return 0;
}

bool chrome_trace_enabled(void)
{
	return fd >= 0;
}

/* Microseconds, as the format wants, to the nanosecond. */
static void put_us(const char *key, uint64_t ns)
{
	strbuf_printf(&buf, ",\"%s\":%llu.%03llu", key, (unsigned long long)(ns / 1000),
		      (unsigned long long)(ns % 1000));
}

void chrome_trace_call(const struct output_event *e)
{
	if (fd < 0)
		return;
	strbuf_append(&buf, any ? ",\n" : "\n");
	any = true;
	strbuf_append(&buf, "{\"ph\":\"X\",\"cat\":\"call\",\"name\":");
	json_string(&buf, e->name);
	strbuf_printf(&buf, ",\"pid\":%d,\"tid\":%d", (int)e->pid, (int)e->tid);
	uint64_t start = e->ts - e->duration;
	put_us("ts", start > origin ? start - origin : 0);
	put_us("dur", e->duration);
	strbuf_append(&buf, ",\"args\":{\"value\":");
	json_string(&buf, e->text);
	strbuf_printf(&buf, ",\"depth\":%u}}", e->depth);
	if (buf.len >= 65536)
		write_out();
}

void chrome_trace_close(void)
{
	if (fd < 0)
		return;
	strbuf_append(&buf, "\n]}\n");
	write_out();
	close(fd);
	fd = -1;
	strbuf_free(&buf);
}
