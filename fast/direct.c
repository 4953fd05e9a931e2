/*
 * --fast: calls through GOT slots without a PLT stub (-fno-plt; Rust's default on x86-64),
 * redirected where they are made. Each call site (call or jmp through the slot) is
 * rewritten to go to a trampoline into the agent, which goes on through the slot itself:
 * the GOT is left as it is, and the return address is the one after the site.
 *
 * A slot is taken only when every place of the object that could call through it is
 * accounted for: the object has its symbol table; every function of it (by its symbol's
 * size) decodes to its end; every byte sequence of its code that would be a call or jump
 * through the slot (at any offset, instruction or not) is such an instruction of a
 * function; and nothing else in those functions reads the slot (a function pointer taken
 * from it would make calls that we would not see). Otherwise its calls keep the
 * breakpoint at the callee's entry.
 */
#include "fast/fast.h"

#include <stdlib.h>
#include <string.h>

#include "breakpoints/plan.h"
#include "common/xalloc.h"
#include "elf/loaded.h"
#include "fast/agent_state.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "tracee/scratch.h"
#include "tracee/scratch_map.h"
#include "sysdeps/arch.h"

/* The most code read to look for call sites. */
#define TEXT_MAX (256u << 20)

struct site {
	taddr_t at;
	uint8_t how; /* enum arch_slot_use */
};

struct sites {
	struct site *v;
	size_t n, cap;
};

/* What is known of one selected slot while the object's code is looked through. */
struct slot_scan {
	struct plan_direct *d;
	struct sites raw, found; /* byte sequences that would call through it; instructions */
	bool read;               /* an instruction reads it */
};

struct scan {
	struct slot_scan *s;
	size_t n;
	bool raw; /* collecting raw sequences (else instructions) */
};

static int by_slot(const void *a, const void *b)
{
	const struct slot_scan *x = a, *y = b;

	return x->d->slot < y->d->slot ? -1 : x->d->slot > y->d->slot;
}

static struct slot_scan *slot_of(const struct scan *sc, taddr_t ref)
{
	size_t lo = 0, hi = sc->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sc->s[mid].d->slot == ref)
			return &sc->s[mid];
		if (sc->s[mid].d->slot < ref)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void add_site(struct sites *l, taddr_t at, enum arch_slot_use how)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = (struct site){ at, (uint8_t)how };
}

static void on_ref(void *arg, taddr_t at, taddr_t ref, enum arch_slot_use how)
{
	const struct scan *sc = arg;
	struct slot_scan *s = slot_of(sc, ref);

	if (s == NULL)
		return;
	if (sc->raw)
		add_site(&s->raw, at, how);
	else if (how == ARCH_SLOT_READ)
		s->read = true;
	else
		add_site(&s->found, at, how);
}

/* Whether every raw sequence is an instruction found (both lists in address order). */
static bool all_found(const struct slot_scan *s)
{
	size_t j = 0;

	for (size_t i = 0; i < s->raw.n; i++) {
		while (j < s->found.n && s->found.v[j].at < s->raw.v[i].at)
			j++;
		if (j == s->found.n || s->found.v[j].at != s->raw.v[i].at ||
		    s->found.v[j].how != s->raw.v[i].how)
			return false;
	}
	return true;
}

static int by_site(const void *a, const void *b)
{
	const struct site *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

/* Look through the object's code (text: its executable bytes, at lo); false when it
 * cannot be (then no slot is taken). */
static bool scan_code(const struct library *lib, const uint8_t *text, taddr_t lo, size_t len,
		      struct scan *sc)
{
	sc->raw = true;
	arch_raw_slot_calls(text, len, lo, on_ref, sc);
	sc->raw = false;
	for (size_t i = 0; i < lib->img->nsyms; i++) {
		const struct func_symbol *f = &lib->img->syms[i];
		taddr_t at = f->value + lib->bias;
		if (f->size == 0 || f->ifunc || at < lo || at - lo > len || f->size > len - (at - lo))
			continue;
		/* A function at the same address as the previous one (an alias) once. */
		if (i > 0 && lib->img->syms[i - 1].value == f->value && lib->img->syms[i - 1].size != 0)
			continue;
		if (arch_fixed_refs(text + (at - lo), f->size, at, on_ref, sc) < 0)
			return false;
	}
	for (size_t i = 0; i < sc->n; i++) {
		struct sites *l = &sc->s[i].found;
		if (l->n < 2)
			continue;
		qsort(l->v, l->n, sizeof(struct site), by_site);
		size_t kept = 1; /* code under two symbols: its sites once */
		for (size_t j = 1; j < l->n; j++)
			if (l->v[j].at != l->v[kept - 1].at)
				l->v[kept++] = l->v[j];
		l->n = kept;
	}
	return true;
}

/* Rewrite every site of one slot (none of them at one of our breakpoints: checked
 * first). The trampoline of the last site is used again when the next one reaches it. */
static bool redirect(struct thread *t, struct fast_agent *a, const struct slot_scan *s)
{
	struct process *p = process_vm(t->proc);
	const struct plan_direct *d = s->d;

	for (size_t i = 0; i < s->found.n; i++)
		if (bp_find(p->bps, s->found.v[i].at) != NULL)
			return false;
	int id = fast_new_func(a, &d->callee, d->target, true, d->slot);
	if (id < 0)
		return false;
	taddr_t tramp = 0;
	for (size_t i = 0; i < s->found.n; i++) {
		const struct site *st = &s->found.v[i];
		uint8_t patch[ARCH_SITE_PATCH];
		if (st->at >= d->callee.skip_lo && st->at < d->callee.skip_hi)
			continue; /* the start-up code's call: not shown, left alone */
		if (tramp == 0 || !scratch_reaches(tramp, ARCH_FAST_TRAMP, st->at)) {
			tramp = scratch_slot(t, st->at, ARCH_FAST_TRAMP);
			if (tramp == 0 || fast_write_tramp(p, a, id, tramp) < 0)
				return false; /* the sites rewritten so far go to the agent */
		}
		struct breakpoint *bp = bp_add(p->bps, st->at);
		bp->roles = BP_ROLE_SITE;
		if (arch_site_patch((enum arch_slot_use)st->how, st->at, tramp, patch) < 0 ||
		    bp_plant_patch(bp, p->pid, p->mem_fd, patch, sizeof(patch)) < 0) {
			bp->roles = 0;
			return false;
		}
	}
	return true;
}

void fast_plant_direct(struct thread *t, const struct library *lib, struct plan_direct *calls,
		       size_t n)
{
	struct process *p = process_vm(t->proc);
	struct fast_agent *a = fast_agent_of(p->pid);
	const struct image *img = lib->img;

	if (a == NULL || !img->has_symtab || img->text_hi <= img->text_lo ||
	    img->text_hi - img->text_lo > TEXT_MAX)
		return;
	size_t len = (size_t)(img->text_hi - img->text_lo);
	taddr_t lo = img->text_lo + lib->bias;
	uint8_t *text = xmalloc(len);
	struct scan sc = { xcalloc(n, sizeof(struct slot_scan)), n, false };

	for (size_t i = 0; i < n; i++)
		sc.s[i].d = &calls[i];
	qsort(sc.s, n, sizeof(*sc.s), by_slot);
	if (mem_read(p->pid, lo, text, len) == (ssize_t)len && scan_code(lib, text, lo, len, &sc)) {
		for (size_t i = 0; i < n; i++) {
			struct slot_scan *s = &sc.s[i];
			/* A sequence that is no instruction we decoded counts as a call we
			 * would miss; a slot also read (a pointer taken) too. */
			if (s->read || s->found.n == 0 || !all_found(s))
				continue;
			s->d->redirected = redirect(t, a, s);
		}
	}
	for (size_t i = 0; i < n; i++) {
		free(sc.s[i].raw.v);
		free(sc.s[i].found.v);
	}
	free(sc.s);
	free(text);
}
