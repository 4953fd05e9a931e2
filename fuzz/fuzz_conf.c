/*
 * Fuzz target: the ltrace.conf(5) parser (proto/parse*.c), then the formatting of every
 * prototype it produced, so that odd but accepted types (self-referential structs, arrays
 * sized by other arguments, nested lenses...) are also formatted.
 *
 * Input: CONF [NUL STREAM]. CONF is parsed as a prototype file, with its error messages
 * written to a memory stream. STREAM, if present, gives the -s and -A limits (first two
 * bytes), then the argument values of every call (see fuzz_cursor.h); the whole input is
 * the fake tracee's heap, so string and struct arguments point at fuzzed bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz_cursor.h"
#include "proto/table.h" /* to walk every prototype of the table */

#define MAX_CALLS 64 /* prototypes formatted per input: enough, and keeps inputs fast */

static void format_call(const struct proto *p, const unsigned char *text, size_t text_len,
			const unsigned char *data, size_t size, const unsigned char *stream,
			size_t stream_len, struct strbuf *out)
{
	struct fuzz_cursor fc;
	struct fmt_opts opts;

	fuzz_cursor_init(&fc, text, text_len, data, size, stream, stream_len);
	fuzz_cursor_opts(&fc, &opts);
	strbuf_append(out, proto_name(p));
	strbuf_putc(out, '(');
	struct proto_call *c = proto_call_fetch(p, &fc.cursor);
	proto_call_format_in(out, c, &fc.cursor, &opts);
	if (proto_call_has_output(c) != proto_has_output(p))
		abort(); /* an output parameter must make an output call */
	proto_call_return(c, &fc.cursor);
	proto_call_format_out(out, c, &fc.cursor, &opts);
	strbuf_append(out, ") = ");
	proto_call_format_ret(out, c, &fc.cursor, &opts);
	strbuf_putc(out, '\n');
	proto_call_free(c);

	/* The same call through the one-shot API. */
	fuzz_cursor_init(&fc, text, text_len, data, size, stream, stream_len);
	fuzz_cursor_opts(&fc, &opts);
	proto_format_args(out, p, &fc.cursor, &opts);
	proto_format_ret(out, p, &fc.cursor, &opts);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const unsigned char *nul = memchr(data, 0, size);
	size_t text_len = nul ? (size_t)(nul - data) : size;
	const unsigned char *stream = nul ? nul + 1 : NULL;
	size_t stream_len = nul ? size - text_len - 1 : 0;

	/* The parser takes a C string: a copy of exactly the text, so ASan sees overreads. */
	char *text = malloc(text_len + 1);
	memcpy(text, data, text_len);
	text[text_len] = '\0';

	char *errbuf = NULL;
	size_t errlen = 0;
	FILE *err = open_memstream(&errbuf, &errlen);
	if (err == NULL)
		abort();
	struct proto_table *t = proto_table_new();
	int rc = proto_table_load_string(t, "fuzz.conf", text, err);
	fclose(err);
	/* A failed parse must say why; a clean one says nothing but warnings. */
	if (rc != 0 && errlen == 0)
		abort();
	if (getenv("FUZZ_VERBOSE") != NULL)
		fputs(errbuf, stdout);
	free(errbuf);

	struct strbuf out = STRBUF_INIT;
	size_t calls = 0;
	for (size_t i = 0; i < t->protos.cap && calls < MAX_CALLS; i++) {
		const char *name = t->protos.slots[i].key;
		if (name == NULL)
			continue;
		const struct proto *p = proto_table_lookup(t, name);
		if (p == NULL || p != t->protos.slots[i].value || strcmp(proto_name(p), name) != 0)
			abort(); /* the table does not find what it holds */
		format_call(p, (const unsigned char *)text, text_len, data, size, stream,
			    stream_len, &out);
		if (getenv("FUZZ_VERBOSE") != NULL)
			printf("%s\n", strbuf_str(&out));
		strbuf_reset(&out);
		calls++;
	}
	for (size_t i = 0; proto_table_import(t, i) != NULL; i++)
		if (strlen(proto_table_import(t, i)) == 0)
			abort(); /* imports are non-empty names */
	strbuf_free(&out);
	proto_table_free(t);
	free(text);
	return 0;
}
