/*
 * --trace-file FILE: the calls as a Chrome trace-event JSON file ({"traceEvents": [...]}),
 * which Perfetto and chrome://tracing show as a timeline: one track per thread, each call
 * a "complete" event ("ph":"X") nested in the calls that contain it.
 */
#ifndef LTRACE_CHROME_TRACE_H
#define LTRACE_CHROME_TRACE_H

#include <stdbool.h>

#include "output/output.h"

/* Create FILE; -1 (errno set) if it cannot be. */
int chrome_trace_open(const char *path);
bool chrome_trace_enabled(void);
/* A call returned (e is the return event: ts is the return, duration since the call). */
void chrome_trace_call(const struct output_event *e);
/* Finish the file (it is valid JSON only after this). */
void chrome_trace_close(void);

#endif
