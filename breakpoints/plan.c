#include "breakpoints/plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracee/breakpoint.h"
#include "breakpoints/hit.h"
#include "common/intern.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "filter/filter.h"
#include "output/demangle.h"
#include "elf/code.h"
#include "elf/loaded.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "tracee/scratch_map.h"
#include "session/session.h"
#include "sysdeps/arch.h"

static struct filter_object object_of(const struct library *lib)
{
	return (struct filter_object){ lib->img->soname, lib->img->path, lib->is_main, false };
}

static bool any_match(struct filter *const *fs, size_t n, const char *sym,
		      const struct filter_object *obj)
{
	for (size_t i = 0; i < n; i++)
		if (filter_match(fs[i], sym, obj))
			return true;
	return false;
}

/* -l: whether a library that the selection names defines the function. */
static bool implemented_by_selected(struct process *p, const char *name)
{
	const struct selection *s = &session.select;

	for (const struct library *l = p->libs; l != NULL; l = l->next) {
		struct filter_object obj = object_of(l);
		if (any_match(s->l, s->nl, name, &obj) &&
		    symbols_find(l->img->syms, l->img->nsyms, name) != NULL)
			return true;
	}
	return false;
}

static bool plt_selected(struct process *p, const struct library *lib, const char *name)
{
	const struct selection *s = &session.select;
	struct filter_object obj = object_of(lib);

	if (s->ne == 0 && s->nl == 0 && !s->no_default && lib->is_main)
		return true; /* the default: -e @MAIN */
	return any_match(s->e, s->ne, name, &obj) ||
	       (s->nl > 0 && implemented_by_selected(p, name));
}

static void plant(struct process *p, struct breakpoint *bp, const char *what)
{
	if (bp_plant(bp, p->pid, p->mem_fd) < 0) {
		fprintf(stderr, "ltrace: cannot plant a breakpoint at %s in %d: %s\n", what,
			(int)p->pid, strerror(errno));
		bp->roles = 0;
	}
}

/* ltrace names the calling object ("CALLER->name") unless the selection is the default
 * one (no -e, -l or -L): then every call shown is the executable's. */
static bool caller_shown(void)
{
	const struct selection *s = &session.select;

	return s->ne > 0 || s->nl > 0 || s->no_default;
}

/* Name c, the function sym of lib, as the trace shows it (interned; demangled with -C), as
 * ltrace prints it: for a call through lib's PLT or GOT, "CALLER->name" (CALLER: lib's
 * SONAME, or its file name) or just "name" (caller_shown); for the entry of a function lib
 * defines (-x), "name@SONAME", or "name" in the executable. */
static void name_callee(struct bp_callee *c, const struct library *lib, const char *sym,
			bool entry)
{
	const char *func = session.demangle ? demangle(sym) : sym;
	struct strbuf sb = STRBUF_INIT;

	if (entry && !lib->is_main)
		strbuf_printf(&sb, "%s@%s", func, lib->img->soname);
	else if (!entry && caller_shown())
		strbuf_printf(&sb, "%s->%s", lib->img->soname, func);
	else
		strbuf_append(&sb, func);
	c->name = intern(strbuf_str(&sb));
	c->func = intern(func);
	c->sym = intern(sym);
	strbuf_free(&sb);
}

/*
 * Plant at a PLT stub. Best: patch the stub to jump to a trampoline that loads the return
 * address into a register, traps, then jumps through the GOT slot: at a hit the thread goes
 * on from where it trapped, and nothing but its registers is read. Else the stub gets a
 * breakpoint whose jump is emulated at each hit. While the patch is written, the stub's
 * first byte is a breakpoint of that second kind: the record serves both. (Where setting
 * the pc is not all the stub does, ARCH_STUB_JUMP_EMULATED 0, that breakpoint runs the
 * stub's first instruction out of line instead.)
 */
static void plant_stub(struct thread *t, struct breakpoint *bp, const char *what)
{
	struct process *p = process_vm(t->proc);
	uint8_t code[32], patch[ARCH_PATCH_MAX], tramp_code[ARCH_TRAMP_MAX];
	size_t tramp_len = 0, trap = 0;
	taddr_t tramp = scratch_slot(t, bp->addr, sizeof(tramp_code));
	ssize_t n = mem_read(p->pid, bp->addr, code, sizeof(code));
	bool have_code = n >= 16;
	int len = -1;

	bp->resume = BP_RESUME_SLOT_JUMP;
	if (!ARCH_STUB_JUMP_EMULATED) {
		/* The stub's first instruction out of line, at a hit while the patch is
		 * written or when there is none. */
		const char *why = NULL;
		if (!have_code || bp_displace(t, bp, code, (size_t)n, &why) < 0) {
			fprintf(stderr, "ltrace: cannot trace %s: %s\n", what,
				why != NULL ? why : "cannot read the code");
			bp->roles = 0;
			return;
		}
	}
	if (tramp != 0 && have_code)
		len = arch_plt_patch(code, (size_t)n, bp->addr, bp->slot, tramp, patch,
				     tramp_code, &tramp_len, &trap);
	if (len > 0 && mem_write(p->mem_fd, tramp, tramp_code, tramp_len) == 0 &&
	    bp_alias(p->bps, tramp + trap, bp) == 0 &&
	    bp_plant_patch(bp, p->pid, p->mem_fd, patch, (size_t)len) == 0)
		return;
	plant(p, bp, what);
}

int (*plan_stub_planter)(struct thread *t, struct breakpoint *bp);
int (*plan_entry_planter)(struct thread *t, struct breakpoint *bp, size_t size);
bool (*plan_stub_hook)(const char *sym);
bool (*plan_entry_hook)(const char *sym);

/* A stub the planter wants for itself, not traced (plan_stub_hook). */
static void plan_hook_stub(struct thread *t, struct process *p, const struct library *lib,
			   const struct plt_entry *e)
{
	struct breakpoint *bp = bp_add(p->bps, e->addr + lib->bias);

	if (bp->roles != 0)
		return;
	bp->roles = BP_ROLE_HOOK;
	bp->slot = e->slot + lib->bias;
	name_callee(&bp->callee, lib, e->name, false);
	if (plan_stub_planter(t, bp) < 0)
		bp->roles = 0;
}

static void entry_function(const struct library *lib, taddr_t *lo, taddr_t *hi);

static void plan_plt(struct thread *t, struct process *p, const struct library *lib)
{
	for (size_t i = 0; i < lib->img->nplt; i++) {
		const struct plt_entry *e = &lib->img->plt[i];
		if (!plt_selected(p, lib, e->name)) {
			if (plan_stub_hook != NULL && plan_stub_hook(e->name))
				plan_hook_stub(t, p, lib, e);
			continue;
		}
		struct breakpoint *bp = bp_add(p->bps, e->addr + lib->bias);
		bool planted = bp->roles != 0;
		bp->roles |= BP_ROLE_CALL;
		bp->slot = e->slot + lib->bias;
		name_callee(&bp->callee, lib, e->name, false);
		/* Not the start-up code's call into the C library (where _start calls
		 * __libc_start_main through the PLT, as on aarch64): see plan_direct. */
		if (lib->is_main)
			entry_function(lib, &bp->callee.skip_lo, &bp->callee.skip_hi);
		if (!planted && (plan_stub_planter == NULL || plan_stub_planter(t, bp) < 0))
			plant_stub(t, bp, e->name);
	}
}

/* A breakpoint whose instruction runs out of line from a scratch slot. */
struct breakpoint *plan_out_of_line(struct thread *t, taddr_t addr, const char **why)
{
	struct process *p = process_vm(t->proc);
	uint8_t code[ARCH_MAX_INSN];
	struct breakpoint *bp = bp_find(p->bps, addr), copy = { .addr = addr };

	if (bp != NULL)
		return bp;
	ssize_t n = mem_read(p->pid, addr, code, sizeof(code));
	*why = "cannot read the code";
	if (n <= 0 || bp_displace(t, &copy, code, (size_t)n, why) < 0)
		return NULL;
	bp = bp_add(p->bps, addr);
	bp_take_copy(bp, &copy);
	return bp;
}

/* A breakpoint with one more role, planted if it was not yet. */
static struct breakpoint *plan_role(struct thread *t, taddr_t addr, enum bp_role role,
				    const char *what)
{
	const char *why;
	struct breakpoint *bp = plan_out_of_line(t, addr, &why);

	if (bp == NULL) {
		fprintf(stderr, "ltrace: cannot trace %s: %s\n", what, why);
		return NULL;
	}
	bool planted = bp->roles != 0;
	bp->roles |= role;
	if (!planted)
		plant(process_vm(t->proc), bp, what);
	return bp;
}

/* -x on an IFUNC: the function its resolver returns is traced under the IFUNC's name,
 * from each return of the resolver on (the loader calls it when it binds a call). */
static void plan_resolver(struct thread *t, const struct library *lib,
			  const struct func_symbol *f)
{
	struct breakpoint *bp = plan_role(t, f->value + lib->bias, BP_ROLE_RESOLVER, f->name);

	if (bp != NULL)
		name_callee(&bp->ifunc, lib, f->source, true);
}

/* The size of the function at run-time address addr: its symbol's, else its call frame
 * information's (stripped objects: glibc's string functions); 0 if unknown. */
static size_t function_size(const struct process *p, taddr_t addr)
{
	const struct library *lib = library_at(p->libs, addr);
	taddr_t lo = 0, hi = 0;

	if (lib == NULL)
		return 0;
	const struct func_symbol *f = symbols_at(lib->img->syms, lib->img->nsyms, addr - lib->bias);
	if (f != NULL && f->size > 0)
		return f->size;
	if (image_fde_range(lib->img, addr - lib->bias, &lo, &hi) && lo + lib->bias == addr)
		return (size_t)(hi - lo);
	return 0;
}

/* Whether t's process has no other thread (none that could be running the code that an
 * entry planter rewrites: the threads go on while a resolver's choice is planned). */
static bool alone(const struct thread *t)
{
	for (const struct thread *o = threads_first(); o != NULL; o = o->next)
		if (o != t && process_vm(o->proc) == process_vm(t->proc))
			return false;
	return true;
}

void plan_ifunc_choice(struct thread *t, const struct bp_callee *ifunc, taddr_t impl)
{
	struct process *p = process_vm(t->proc);
	struct breakpoint *bp = bp_find(p->bps, impl);
	const char *why = NULL;

	if (bp != NULL && (bp->roles & BP_ROLE_CALL))
		return; /* chosen before (or selected under its own name) */
	bp = plan_out_of_line(t, impl, &why);
	if (bp == NULL) {
		fprintf(stderr, "ltrace: cannot trace %s: %s\n", ifunc->func, why);
		return;
	}
	bool planted = bp->roles != 0;
	bp->roles |= BP_ROLE_CALL;
	bp->callee = (struct bp_callee){ .name = ifunc->name, .func = ifunc->func,
					 .sym = ifunc->sym, .defined_here = true };
	if (!planted && (plan_entry_planter == NULL || !alone(t) ||
			 plan_entry_planter(t, bp, function_size(p, impl)) < 0))
		plant(p, bp, ifunc->func);
}

/* Resolvers that ran before our breakpoints were there (relocations, and calls bound
 * before -p): their choice is in the GOT slots that call the IFUNC, those of the other
 * objects and the IRELATIVE ones of its own (a slot still unbound points into the
 * caller's own PLT: it is bound later, through the resolver). */
static void plan_bound_in(struct thread *t, const struct library *o,
			  const struct plt_entry *es, size_t n, const struct library *lib,
			  const struct func_symbol *f, const struct bp_callee *ifunc)
{
	taddr_t lo = lib->img->lo + lib->bias, hi = lib->img->hi + lib->bias;

	for (size_t i = 0; i < n; i++) {
		taddr_t v = 0;
		if ((o == lib && !es[i].irelative) || strcmp(es[i].name, f->name) != 0 ||
		    mem_read(process_vm(t->proc)->pid, es[i].slot + o->bias, &v, sizeof(v)) !=
			    (ssize_t)sizeof(v) ||
		    v < lo || v >= hi || v == f->value + lib->bias)
			continue;
		plan_ifunc_choice(t, ifunc, v);
	}
}

static void plan_bound_ifunc(struct thread *t, const struct library *lib,
			     const struct func_symbol *f)
{
	struct bp_callee ifunc = { .defined_here = true };

	name_callee(&ifunc, lib, f->source, true);
	for (const struct library *o = process_vm(t->proc)->libs; o != NULL; o = o->next) {
		plan_bound_in(t, o, o->img->plt, o->img->nplt, lib, f, &ifunc);
		plan_bound_in(t, o, o->img->direct, o->img->ndirect, lib, f, &ifunc);
	}
}

void plan_bound_ifuncs(struct thread *t)
{
	const struct selection *s = &session.select;

	if (s->nx == 0)
		return;
	for (const struct library *l = process_vm(t->proc)->libs; l != NULL; l = l->next) {
		struct filter_object obj = object_of(l);
		for (size_t i = 0; i < l->img->nsyms; i++) {
			const struct func_symbol *f = &l->img->syms[i];
			if (f->ifunc && any_match(s->x, s->nx, f->source, &obj))
				plan_bound_ifunc(t, l, f);
		}
	}
}

static void plan_entries(struct thread *t, const struct library *lib)
{
	const struct selection *s = &session.select;
	struct process *p = process_vm(t->proc);
	struct filter_object obj = object_of(lib);
	const char *why = NULL;

	if (lib->is_main && !lib->img->has_symtab)
		fprintf(stderr, "ltrace: %s: no symbol table found (stripped): -x sees only "
			"exported functions\n", lib->img->path);
	for (size_t i = 0; i < lib->img->nsyms; i++) {
		const struct func_symbol *f = &lib->img->syms[i];
		/* A clone gcc made (foo.isra.0, foo.localalias) is foo, for -x and as shown;
		 * a .cold part is not an entry at all. */
		if (f->clone == CLONE_COLD ||
		    !(any_match(s->x, s->nx, f->source, &obj) ||
		      (f->source != f->name && any_match(s->x, s->nx, f->name, &obj))))
			continue;
		if (f->ifunc) {
			plan_resolver(t, lib, f);
			continue;
		}
		struct breakpoint *bp = plan_out_of_line(t, f->value + lib->bias, &why);
		if (bp == NULL) {
			fprintf(stderr, "ltrace: cannot trace %s: %s\n", f->name, why);
			continue;
		}
		bool planted = bp->roles != 0;
		bp->roles |= BP_ROLE_CALL;
		/* foo and foo.localalias at one address: one breakpoint, foo's */
		if (planted && bp->callee.defined_here && f->clone != CLONE_NONE)
			continue;
		name_callee(&bp->callee, lib, f->source, true);
		bp->callee.defined_here = true;
		bp->callee.clone = f->clone == CLONE_CHANGED;
		if (!planted && (plan_entry_planter == NULL || plan_entry_planter(t, bp, f->size) < 0))
			plant(p, bp, f->name);
	}
}

static struct breakpoint *plan_role(struct thread *t, taddr_t addr, enum bp_role role,
				    const char *what);

/* The entries of lib's functions that plan_entry_hook wants. */
static void plan_hooked_entries(struct thread *t, const struct library *lib)
{
	for (size_t i = 0; i < lib->img->nsyms; i++) {
		const struct func_symbol *f = &lib->img->syms[i];
		if (f->clone == CLONE_NONE && !f->ifunc && plan_entry_hook(f->name))
			plan_role(t, f->value + lib->bias, BP_ROLE_UNWIND, f->name);
	}
}

/* Whether the selection traces some of lib's calls through GOT slots. */
static bool direct_selected(struct process *p, const struct library *lib)
{
	for (size_t i = 0; i < lib->img->ndirect; i++)
		if (plt_selected(p, lib, lib->img->direct[i].name))
			return true;
	return false;
}

void plan_object(struct thread *t, struct library *lib)
{
	struct process *p = process_vm(t->proc);

	plan_plt(t, p, lib);
	/* Its calls through GOT slots are planned once the slots are relocated: when its
	 * initialiser runs (for an object loaded by dlopen; at start-up, the program's entry
	 * point comes after, and -p plans them at once). Without one, they are planned at
	 * the next entry point or initialiser reached, if any. */
	if (!lib->direct_planned && !lib->is_main && lib->img->init != 0 &&
	    direct_selected(p, lib))
		plan_role(t, lib->img->init + lib->bias, BP_ROLE_START, "an initialiser");
	if (plan_entry_hook != NULL)
		plan_hooked_entries(t, lib);
	if (session.select.nx > 0)
		plan_entries(t, lib);
}

void plan_new_objects(struct thread *t)
{
	struct process *p = process_vm(t->proc);
	bool added = false;

	for (const struct library *l = p->libs; l != NULL && !added; l = l->next)
		added = !l->planned;
	/* -l: the calls of the objects planned before to what the new ones define (the
	 * executable is planned before its libraries are loaded). */
	if (added && session.select.nl > 0)
		for (struct library *l = p->libs; l != NULL; l = l->next)
			if (l->planned)
				plan_plt(t, p, l);
	for (struct library *l = p->libs; l != NULL; l = l->next) {
		if (!l->planned) {
			l->planned = true;
			plan_object(t, l);
		}
	}
}

void plan_hook(struct thread *t, taddr_t addr)
{
	plan_role(t, addr, BP_ROLE_LIBS, "the dynamic loader's hook");
}

void plan_start(struct thread *t, taddr_t entry)
{
	plan_role(t, entry, BP_ROLE_START, "the program's entry point");
}

/* _start is a few instructions (38 bytes on x86-64, 52 on aarch64). */
#define ENTRY_FUNCTION_MAX 64

/* The run-time extent of the function at the executable's entry point (_start): its call
 * frame information's, else up to the next function symbol, never more than
 * ENTRY_FUNCTION_MAX bytes. (A stripped program's next symbol may be far: ls exports
 * functions of its own, the first 60 KiB after _start, and every call from there was
 * taken for the start-up code's.) */
static void entry_function(const struct library *lib, taddr_t *lo, taddr_t *hi)
{
	struct image *img = lib->img;
	taddr_t start = 0, end = 0;

	if (!image_fde_range(img, img->entry, &start, &end) || start != img->entry ||
	    end - start > ENTRY_FUNCTION_MAX) {
		end = img->entry + ENTRY_FUNCTION_MAX;
		for (size_t i = 0; i < img->nsyms; i++) {
			if (img->syms[i].value > img->entry) {
				if (img->syms[i].value < end)
					end = img->syms[i].value;
				break;
			}
		}
	}
	*lo = img->entry + lib->bias;
	*hi = end + lib->bias;
}

void (*plan_direct_planter)(struct thread *t, const struct library *lib,
			    struct plan_direct *calls, size_t n);

/* A selected call through a GOT slot: at its callee's entry, for calls from lib. */
static void plan_direct_entry(struct thread *t, const struct library *lib,
			      const struct plan_direct *d)
{
	struct breakpoint *bp = plan_role(t, d->target, BP_ROLE_DIRECT, d->callee.func);

	if (bp == NULL)
		return;
	struct bp_callee c = d->callee, after = d->callee;
	if (c.skip_lo == c.skip_hi) {
		bp_add_caller(bp, &c);
		return;
	}
	c.hi = c.skip_lo;
	after.lo = c.skip_hi;
	c.skip_lo = c.skip_hi = after.skip_lo = after.skip_hi = 0;
	bp_add_caller(bp, &c);
	bp_add_caller(bp, &after);
}

/* Calls lib makes through GOT slots without a stub: redirected by the planter, else at
 * the callee's entry, for calls returning into lib. The slots must be relocated (the
 * program has started). */
static void plan_direct(struct thread *t, const struct library *lib)
{
	struct process *p = process_vm(t->proc);
	struct plan_direct *calls = xcalloc(lib->img->ndirect, sizeof(*calls));
	size_t n = 0;

	for (size_t i = 0; i < lib->img->ndirect; i++) {
		const struct plt_entry *e = &lib->img->direct[i];
		struct plan_direct *d = &calls[n];
		if (!plt_selected(p, lib, e->name) ||
		    mem_read(p->pid, e->slot + lib->bias, &d->target, sizeof(d->target)) !=
			    (ssize_t)sizeof(d->target) || d->target == 0)
			continue;
		d->slot = e->slot + lib->bias;
		d->callee = (struct bp_callee){ .lo = lib->img->lo + lib->bias,
						.hi = lib->img->hi + lib->bias };
		name_callee(&d->callee, lib, e->name, false);
		/* Not the start-up code's call into the C library (__libc_start_main from
		 * _start): it is no call of the program's, and ltrace 0.7.3 never shows it
		 * for position-independent programs. */
		if (lib->is_main)
			entry_function(lib, &d->callee.skip_lo, &d->callee.skip_hi);
		n++;
	}
	if (plan_direct_planter != NULL && n > 0)
		plan_direct_planter(t, lib, calls, n);
	for (size_t i = 0; i < n; i++)
		if (!calls[i].redirected)
			plan_direct_entry(t, lib, &calls[i]);
	free(calls);
}

void plan_direct_calls(struct thread *t)
{
	for (struct library *l = process_vm(t->proc)->libs; l != NULL; l = l->next) {
		if (l->direct_planned)
			continue;
		l->direct_planned = true;
		if (l->img->ndirect > 0)
			plan_direct(t, l);
	}
}
