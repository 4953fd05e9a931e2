/*
 * How argument values reach the prototype formatter (proto/): an arg_cursor, which the
 * architecture layer implements over the registers and the stack of a stopped thread
 * (sysdeps/), and a fuzzer or a unit test over made-up values. Tracee memory is read
 * through it too.
 */
#ifndef LTRACE_ARG_CURSOR_H
#define LTRACE_ARG_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/taddr.h"

struct arg_cursor_ops {
	/* The next integer-class argument (or, for a return value, the integer return register). */
	uint64_t (*next_int)(void *ctx);
	/* The next floating-point argument of type double (float: see next_float). */
	double (*next_double)(void *ctx);
	float (*next_float)(void *ctx);
	/* Read up to len bytes of tracee memory at addr; returns bytes read, or -1. Never fails
	 * the line: callers print the address when memory cannot be read. */
	ssize_t (*read_mem)(void *ctx, taddr_t addr, void *buf, size_t len);
	/* Optional (NULL: not known): the tracee address of the next len bytes of arguments
	 * passed in memory (a big struct by value), which the next stack-passed values then
	 * follow. */
	taddr_t (*stack_area)(void *ctx, size_t len);
	/* Optional (NULL: always): whether nint integer and nfp floating-point registers are
	 * still free for one argument; a struct that does not fit goes to the stack whole. */
	bool (*regs_free)(void *ctx, unsigned nint, unsigned nfp);
	/* Optional (NULL: next_double): the next long double argument, as a double. */
	double (*next_long_double)(void *ctx);
};

/*
 * Optional: small reads of tracee memory (a string byte by byte, an array element by
 * element) served from one larger read at the first of them. For the reads made at one
 * stop of the tracee; the owner zeroes it.
 */
#define PROTO_MEM_WINDOW 512
struct mem_window {
	taddr_t base;
	size_t len; /* bytes of buf that hold tracee memory from base; 0: empty */
	unsigned char buf[PROTO_MEM_WINDOW];
};

struct arg_cursor {
	const struct arg_cursor_ops *ops;
	void *ctx;
	struct mem_window *window; /* NULL: every read goes to ops->read_mem */
};

#endif
