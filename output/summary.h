/*
 * -c: every call (and, later, every system call) counted and timed by name, and the table
 * ltrace prints at the end instead of the trace.
 */
#ifndef LTRACE_SUMMARY_H
#define LTRACE_SUMMARY_H

#include <stdint.h>

#include "common/strbuf.h"

/* One call of name that took ns nanoseconds. name is copied. */
void summary_add(const char *name, uint64_t ns);
/* Append the table, sorted by time spent (most first), with its total row. */
void summary_format(struct strbuf *out);
/* Forget every count. */
void summary_clear(void);

#endif
