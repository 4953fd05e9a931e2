/* --fast: what the agent copies for calls to a function (the memory its prototype shows). */
#ifndef LTRACE_FAST_PLAN_H
#define LTRACE_FAST_PLAN_H

#include "fast/agent/shared.h"

struct proto;
struct fmt_opts;

/*
 * The copies the agent makes for calls to p (f->copy, at the call) and at their returns
 * (f->out: output arguments, memory returned), as the formatter shows them with fmt's
 * limits; and if an argument is a printf-like format (its "%s" make the formatter read
 * registers after it that a plain string does not), which (f->fmt_reg, f->fmt_cap).
 * The counts are stored last, with release order: a thread may be in the agent.
 */
void fast_plan(struct fast_func *f, const struct proto *p, const struct fmt_opts *fmt);

#endif
