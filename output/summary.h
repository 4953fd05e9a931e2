/*
 * -c: every call and system call counted and timed by name, and the table printed at the
 * end instead of the trace: ltrace 0.7.3's by default, or the columns -U chose.
 */
#ifndef LTRACE_SUMMARY_H
#define LTRACE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"

/*
 * -U/--summary-columns: the table's columns, in order, from a comma-separated list of
 * name, calls, time (seconds in all), percent (% of the time), avg, min, max (µs per call)
 * and pN (the Nth percentile in µs, 0 < N <= 100: p50, p90, p99.9). 0, or -1 with *error
 * set to a message the caller frees. Until called, the table is ltrace's:
 * percent,time,avg,calls,name.
 */
int summary_set_columns(const char *spec, char **error);
/* One call of name that took ns nanoseconds. name is copied. */
void summary_add(const char *name, uint64_t ns);
/* Calls counted elsewhere (the --fast agent): how many, their time in all, the shortest
 * and the longest (UINT64_MAX and 0 when none returned). */
void summary_add_counted(const char *name, uint64_t calls, uint64_t ns, uint64_t min,
			 uint64_t max);
/* Whether every call's time is kept (a percentile column): summary_add_counted cannot
 * give them. */
bool summary_keeps_samples(void);
/* Append the table, sorted by time spent (most first), with its total row. */
void summary_format(struct strbuf *out);
/* Forget every count (the columns stay). */
void summary_clear(void);

/* The pth percentile (nearest rank) of n >= 1 values sorted in increasing order. */
uint64_t summary_percentile(const uint64_t *sorted, size_t n, double p);

#endif
