/*
 * Fuzz target: the printf-format decoder (proto/printf.c) and the formatting of the
 * arguments a format implies, as for a traced call to printf whose format string is read
 * from tracee memory.
 *
 * Input: FORMAT [NUL STREAM]. FORMAT is placed in fake tracee memory exactly as given (so
 * without a terminating NUL when the input has none); STREAM, if present, picks the
 * prototype (first byte), the -s and -A limits (next two), then the argument values (see
 * fuzz_cursor.h). Each input is decoded by both the call API (fetch at entry, format at
 * return) and the one-shot proto_format_args / proto_format_ret.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz_cursor.h"

static const char PROTOS[] =
	"int printf(format);\n"
	"int fprintf(file, format);\n"
	"int snprintf(+string[retval], ulong, format);\n"
	"void two(format, format);\n"
	"typedef fmt = format;\n"
	"int typed(hex(int), fmt, +int*);\n";

static const char *const NAMES[] = { "printf", "fprintf", "snprintf", "two", "typed" };
#define NNAMES (sizeof(NAMES) / sizeof(NAMES[0]))

/* The integers a call to proto number sel takes before the stream's. */
static void preset(struct fuzz_cursor *fc, unsigned sel, size_t fmt_len)
{
	switch (sel) {
	case 1:
		fuzz_cursor_preset(fc, FUZZ_HEAP_ADDR); /* FILE * */
		break;
	case 2:
		fuzz_cursor_preset(fc, FUZZ_HEAP_ADDR);
		fuzz_cursor_preset(fc, 64);
		break;
	case 3:
		fuzz_cursor_preset(fc, FUZZ_TEXT_ADDR);
		fuzz_cursor_preset(fc, FUZZ_TEXT_ADDR + fmt_len / 2); /* the second half */
		return;
	case 4:
		fuzz_cursor_preset(fc, 0x1234);
		break;
	default:
		break;
	}
	fuzz_cursor_preset(fc, FUZZ_TEXT_ADDR);
}

struct input {
	const unsigned char *data, *stream;
	size_t size, fmt_len, stream_len;
	unsigned sel;
	struct fmt_opts opts;
};

/* A cursor at the start of the call: preset integers, then the stream after the options. */
static void start(struct fuzz_cursor *fc, const struct input *in)
{
	fuzz_cursor_init(fc, in->data, in->fmt_len, in->data, in->size, in->stream, in->stream_len);
	if (in->stream_len > 0) {
		struct fmt_opts unused;
		fuzz_cursor_byte(fc);
		fuzz_cursor_opts(fc, &unused);
	}
	preset(fc, in->sel, in->fmt_len);
}

static void with_call_api(const struct proto *p, const struct input *in, struct strbuf *out)
{
	struct fuzz_cursor fc;

	start(&fc, in);
	struct proto_call *c = proto_call_fetch(p, &fc.cursor);
	proto_call_format_in(out, c, &fc.cursor, &in->opts);
	if (proto_call_has_output(c))
		strbuf_append(out, " <unfinished ...>\n<... resumed> ");
	proto_call_return(c, &fc.cursor);
	proto_call_format_out(out, c, &fc.cursor, &in->opts);
	strbuf_append(out, ") = ");
	proto_call_format_ret(out, c, &fc.cursor, &in->opts);
	proto_call_free(c);
}

static void with_one_shot(const struct proto *p, const struct input *in, struct strbuf *out)
{
	struct fuzz_cursor fc;

	start(&fc, in);
	proto_format_args(out, p, &fc.cursor, &in->opts);
	strbuf_append(out, " = ");
	proto_format_ret(out, p, &fc.cursor, &in->opts);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const unsigned char *nul = memchr(data, 0, size);
	struct input in = { .data = data, .size = size };
	struct fuzz_cursor fc;

	in.fmt_len = nul ? (size_t)(nul - data) : size;
	if (nul != NULL) {
		in.stream = nul + 1;
		in.stream_len = size - in.fmt_len - 1;
	}
	/* The options, read once with a throw-away cursor. */
	fuzz_cursor_init(&fc, NULL, 0, NULL, 0, in.stream, in.stream_len);
	in.sel = in.stream_len > 0 ? fuzz_cursor_byte(&fc) % NNAMES : 0;
	fuzz_cursor_opts(&fc, &in.opts);

	struct proto_table *t = proto_table_new();
	if (proto_table_load_string(t, "fuzz_format", PROTOS, NULL) != 0)
		abort(); /* the harness itself is broken */
	const struct proto *p = proto_table_lookup(t, NAMES[in.sel]);
	if (p == NULL)
		abort();

	struct strbuf out = STRBUF_INIT;
	with_call_api(p, &in, &out);
	if (getenv("FUZZ_VERBOSE") != NULL)
		printf("%s(%s\n", NAMES[in.sel], strbuf_str(&out));
	strbuf_reset(&out);
	with_one_shot(p, &in, &out);
	if (getenv("FUZZ_VERBOSE") != NULL)
		printf("%s(%s\n", NAMES[in.sel], strbuf_str(&out));
	if (strlen(strbuf_str(&out)) != out.len)
		abort(); /* formatted text must never hold a NUL */
	strbuf_free(&out);
	proto_table_free(t);
	return 0;
}
