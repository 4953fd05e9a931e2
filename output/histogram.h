/*
 * --histogram: per function (and per system call), the calls counted in log2 buckets of
 * their duration in microseconds, and printed as bpftrace's hist() prints a map:
 *
 *     @usecs[nanosleep]:
 *     [1K, 2K)               3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
 *     [2K, 4K)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  |
 *
 * Calls that never returned (exit, longjmp) have no duration worth a bucket: they are
 * counted apart, on a line of their own.
 */
#ifndef LTRACE_HISTOGRAM_H
#define LTRACE_HISTOGRAM_H

#include <stdint.h>

#include "common/strbuf.h"

/* Buckets: [0], [1], then [2^k, 2^(k+1)) for k = 1..63. */
#define HIST_BUCKETS 65

/* The bucket of a value (in microseconds). */
unsigned hist_bucket(uint64_t us);
/* "[0]", "[1]", "[2, 4)", "[1K, 2K)", "[4M, 8M)": the label of bucket b. */
void hist_label(struct strbuf *out, unsigned b);

/* One call of name that returned after ns nanoseconds. name is copied. */
void hist_add(const char *name, uint64_t ns);
/* One call of name that never returned. */
void hist_add_unreturned(const char *name);
/* Append every function's histogram, by name. */
void hist_format(struct strbuf *out);
/* Forget every count. */
void hist_clear(void);

#endif
