/*
 * Fuzz target: the DWARF prototype reader (proto/dwarf.c, over libdw), fed mutated ELF
 * objects with debugging information. Every function the DWARF defines (up to MAX_CALLS)
 * is looked up, once by name only (through the index of every unit) and once with an
 * address (through .debug_aranges), and a call to each prototype found is formatted on the
 * fake tracee of fuzz_cursor.c, whose heap is the input itself.
 *
 * The input is copied into its own buffer, read as an ELF image in memory; no separate
 * debug file is looked for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "fuzz/fuzz_cursor.h"
#include "proto/dwarf.h"

#define MAX_CALLS 64

struct names {
	char *v[MAX_CALLS];
	size_t n;
};

static void collect(const char *name, void *arg)
{
	struct names *ns = arg;

	if (name[0] == '\0')
		abort(); /* the index holds only named functions */
	if (ns->n < MAX_CALLS)
		ns->v[ns->n++] = strdup(name);
}

static void format_call(const struct proto *p, const unsigned char *data, size_t size,
			struct strbuf *out)
{
	struct fuzz_cursor fc;
	struct fmt_opts opts;

	fuzz_cursor_init(&fc, (const unsigned char *)"", 0, data, size, NULL, 0);
	fuzz_cursor_opts(&fc, &opts);
	strbuf_append(out, proto_name(p));
	strbuf_putc(out, '(');
	struct proto_call *c = proto_call_fetch(p, &fc.cursor);
	proto_call_format_in(out, c, &fc.cursor, &opts);
	proto_call_return(c, &fc.cursor);
	proto_call_format_out(out, c, &fc.cursor, &opts);
	strbuf_append(out, ") = ");
	proto_call_format_ret(out, c, &fc.cursor, &opts);
	strbuf_putc(out, '\n');
	proto_call_free(c);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char *image = malloc(size ? size : 1);
	memcpy(image, data, size);
	struct dwarf_protos *d = dwarf_protos_open_mem(image, size);
	struct strbuf out = STRBUF_INIT;
	struct names ns = { .n = 0 };

	if (d != NULL) {
		dwarf_protos_each_name(d, collect, &ns);
		for (size_t i = 0; i < ns.n; i++) {
			const struct proto *p = dwarf_protos_lookup(d, ns.v[i], 0x1000 + i);
			if (p != NULL && strcmp(proto_name(p), ns.v[i]) != 0)
				abort(); /* the prototype of another function */
			if (p != NULL && dwarf_protos_lookup(d, ns.v[i], 0) != p)
				abort(); /* a second lookup must find the cached one */
			if (p != NULL)
				format_call(p, data, size, &out);
		}
		if (dwarf_protos_lookup(d, "", 0) != NULL)
			abort();
	}
	if (memchr(strbuf_str(&out), 0, out.len) != NULL)
		abort(); /* formatted text holds no NUL */
	if (getenv("FUZZ_VERBOSE") != NULL)
		printf("%s: %zu functions\n%s", d != NULL ? "DWARF" : "refused", ns.n, strbuf_str(&out));
	for (size_t i = 0; i < ns.n; i++)
		free(ns.v[i]);
	strbuf_free(&out);
	dwarf_protos_free(d);
	free(image);
	return 0;
}
