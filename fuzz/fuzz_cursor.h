/*
 * A fake tracee for the fuzz targets: an arg_cursor whose registers and memory come from
 * the fuzz input. Nothing is allocated and nothing outlives one input.
 *
 * Memory holds (addresses fixed, so that a mutated input keeps its meaning):
 *   FUZZ_TEXT_ADDR  the text the target parses (a format string): exactly its bytes,
 *                   with no NUL added when the input has none
 *   FUZZ_HEAP_ADDR  the whole input, so that pointers lead to fuzzed bytes
 *   FUZZ_PTRS_ADDR  a table of words pointing into the heap, at itself, at the text,
 *                   and at unmapped memory (char **, struct of pointers, cycles)
 * Everything else is unreadable. Reads stop at the end of a region, as process_vm_readv
 * stops at the end of a mapping.
 *
 * Argument values are drawn from a byte stream (the part of the input after its first
 * NUL): each integer starts with a selector byte that picks a kind of value (a pointer
 * into the heap, a small number, raw bytes...). When the stream runs out, a fixed cycle of
 * typical values is used, so that inputs without a stream still format pointers.
 */
#ifndef LTRACE_FUZZ_CURSOR_H
#define LTRACE_FUZZ_CURSOR_H

#include <stddef.h>
#include <stdint.h>

#include "proto/proto.h"

#define FUZZ_TEXT_ADDR 0x10000ull
#define FUZZ_HEAP_ADDR 0x100000ull
#define FUZZ_PTRS_ADDR 0x7ff000ull
#define FUZZ_NPTRS 32

struct fuzz_region {
	uint64_t addr;
	const unsigned char *data;
	size_t len;
};

#define FUZZ_MAX_PRESET 4

struct fuzz_cursor {
	uint64_t preset[FUZZ_MAX_PRESET]; /* integers returned before the stream's */
	size_t npreset, next_preset;
	const unsigned char *stream; /* argument bytes */
	size_t stream_len, pos;
	unsigned cycle;              /* position in the fallback cycle */
	unsigned char ptrs[FUZZ_NPTRS * 8];
	struct fuzz_region mem[3];
	size_t nmem;
	struct mem_window window; /* as the tracer reads: through a window */
	struct arg_cursor cursor;
};

/*
 * Set up a cursor over one input: text (text_len bytes) is the parsed text, heap (the
 * whole input) the pointed-to memory, stream the argument bytes. All are borrowed.
 */
void fuzz_cursor_init(struct fuzz_cursor *fc, const unsigned char *text, size_t text_len,
		      const unsigned char *heap, size_t heap_len, const unsigned char *stream,
		      size_t stream_len);

/* Make v the next integer argument, before those of the stream (up to FUZZ_MAX_PRESET). */
void fuzz_cursor_preset(struct fuzz_cursor *fc, uint64_t v);

/* One byte of the stream (0 once it is used up), for targets that pick options. */
unsigned fuzz_cursor_byte(struct fuzz_cursor *fc);

/* Formatting limits drawn from the stream: -s 0..255 (32 when the stream is empty), -A 0..15. */
void fuzz_cursor_opts(struct fuzz_cursor *fc, struct fmt_opts *opts);

#endif
