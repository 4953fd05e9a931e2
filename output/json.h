/*
 * --json: JSON Lines, one complete object per event, for tools. Every object has "type"
 * ("call", "return", "signal", "exit", "exec", "note"), "pid", "tid" and "timestamp"
 * (seconds since the epoch, to the microsecond). See doc/ltrace.1 for the fields.
 */
#ifndef LTRACE_JSON_H
#define LTRACE_JSON_H

#include <stdint.h>
#include <sys/types.h>

#include "common/strbuf.h"
#include "output/output.h"
#include "common/arg_cursor.h"

/* Append s as a JSON string (quoted); bytes above 0x7f become \u00XX. */
void json_string(struct strbuf *out, const char *s);

void json_call(struct strbuf *out, const struct output_event *e);
void json_return(struct strbuf *out, const struct output_event *e);
void json_signal(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts, int sig);
/* sig == 0: exited with status; else killed by sig. */
void json_exit(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts, int status, int sig);
void json_exec(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts);
void json_note(struct strbuf *out, pid_t pid, pid_t tid, uint64_t ts, const char *text);

/*
 * The raw values of a call: a cursor that forwards to another one and keeps the integer
 * values the formatter took (at most JSON_MAX_RAW).
 */
#define JSON_MAX_RAW 16
struct raw_recorder {
	struct arg_cursor inner;
	uint64_t v[JSON_MAX_RAW];
	size_t n;
};
/* From now on *cur records into r (which must outlive its use). */
void raw_recorder_wrap(struct raw_recorder *r, struct arg_cursor *cur);

#endif
