/* A fake arg_cursor for unit tests: integer and floating registers from arrays, and a
 * tracee memory made of regions copied from host buffers. */
#ifndef LTRACE_TESTS_FAKE_CURSOR_H
#define LTRACE_TESTS_FAKE_CURSOR_H

#include "proto/proto.h"

#define FAKE_MAX 32

struct fake_region {
	taddr_t addr;
	unsigned char *data;
	size_t len;
};

struct fake {
	uint64_t ints[FAKE_MAX];
	size_t nints, next_int;
	double fps[FAKE_MAX];
	size_t nfps, next_fp;
	struct fake_region mem[FAKE_MAX];
	size_t nmem;
	taddr_t brk; /* where the next region goes */
	size_t reads; /* read_mem calls so far */
	size_t last_reads; /* check_proto: those of the last format_args/format_ret, windowed */
	struct arg_cursor cursor;
};

void fake_init(struct fake *f);
void fake_free(struct fake *f);
/* Rewind the registers (for formatting the same call again). */
void fake_rewind(struct fake *f);
void fake_int(struct fake *f, uint64_t v);
void fake_fp(struct fake *f, double v);
/* Copy len bytes into tracee memory; returns their address. */
taddr_t fake_mem(struct fake *f, const void *data, size_t len);
/* The same at a chosen address. */
void fake_mem_at(struct fake *f, taddr_t addr, const void *data, size_t len);
/* A NUL-terminated string in tracee memory. */
taddr_t fake_str(struct fake *f, const char *s);

#endif
