/*
 * --fast: the copies the agent makes for each traced function, planned (fast/plan.c) once
 * the program has started (prototypes from DWARF need its libraries loaded).
 */
#include "fast/fast.h"

#include "breakpoints/hit.h"
#include "fast/agent_state.h"
#include "fast/plan.h"
#include "output/output.h"
#include "session/session.h"
#include "tracee/process.h"

void fast_prepare(struct thread *t, bool start)
{
	struct fast_agent *a = fast_agent_of(process_vm(t->proc)->pid);

	if (a != NULL && start)
		a->started = true;
	if (a == NULL || !a->started || !output_formats_values())
		return;
	for (size_t i = 0; i < a->nfns; i++) {
		struct fast_fn *fn = &a->fns[i];
		if (fn->prepared)
			continue;
		/* A PLT call returns into the object of its stub. */
		hit_resolve_proto(t, &fn->c, fn->at, fn->at);
		fn->prepared = true;
		if (fn->c.proto == NULL)
			continue;
		struct fast_func *f = &a->sh->funcs[i];
		fast_plan(f, fn->c.proto, &session.fmt);
		for (unsigned k = 0; k < f->nout && f->fmt_reg < 6; k++)
			fn->keep_call |= f->out[k].from == FAST_FROM_REG + f->fmt_reg;
	}
}
