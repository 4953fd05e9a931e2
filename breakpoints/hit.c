/* What happens at a breakpoint: a call entered or returned, then the way past it. */
#include "breakpoints/hit.h"

#include <stdio.h>
#include <string.h>

#include "common/strbuf.h"
#include "output/backtrace.h"
#include "output/json.h"
#include "output/output.h"
#include "breakpoints/plan.h"
#include "proto/resolve.h"
#include "elf/loaded.h"
#include "tracee/memory.h"
#include "tracee/scratch_map.h"
#include "session/session.h"

/* Values seen at a stop: registers read there, memory read live, the time now. */
static const struct hit_src at_stop = { .read = mem_read };
/* The return comes through the agent's record (hit_agent_return). */
static const struct hit_src at_stop_caught = { .read = mem_read, .returns_caught = true };

taddr_t (*hit_agent_return)(struct thread *t, const struct arch_regs *regs, taddr_t ret);
void (*hit_unwind_begins)(struct thread *t, const struct arch_regs *regs);

static uint64_t src_now(const struct hit_src *src)
{
	return src->ts != 0 ? src->ts : output_now();
}

/* Pop the top frame of a call that will never return (left by longjmp or a throw, or the
 * thread is gone): the output learns of it (-c counts it). */
static void thread_drop(struct thread *t, const struct hit_src *src)
{
	if (t->depth == 0)
		return;
	const struct frame *f = &t->stack[t->depth - 1];
	if (f->resolver) {
		thread_pop(t);
		return;
	}
	struct output_event e = { .pid = t->proc->pid, .tid = t->tid, .token = f,
				  .name = f->name, .func = f->func };
	if (f->entry_ts != 0) {
		e.ts = src_now(src);
		e.duration = e.ts > f->entry_ts ? e.ts - f->entry_ts : 0;
	}
	output_unreturned(&e);
	thread_pop(t);
}

/* Whether frame f, found on the stack at a new call (sp, ret_addr, caught at breakpoint
 * at), is over: its stack has been given back (longjmp, exceptions), or it is at the very
 * same stack pointer. There it is the same call met again at another breakpoint (a PLT
 * stub, then the -x entry that the stub jumps to; a tail call made at once) only if it
 * has the same return address, was caught at another breakpoint, and was entered at the
 * thread's hit before this one: else it is a call left by longjmp, and another made at
 * the same depth. */
static bool frame_over(const struct thread *t, const struct frame *f, taddr_t sp,
		       taddr_t ret_addr, taddr_t at)
{
	if (f->entry_sp != sp)
		return f->entry_sp < sp;
	return f->ret_addr != ret_addr || f->at == at || f->entry_hit + 1 != t->hits;
}

int bp_displace(struct thread *t, struct breakpoint *bp, const uint8_t *code, size_t n,
		const char **why)
{
	struct process *p = process_vm(t->proc);
	uint8_t slot[ARCH_SLOT_SIZE];
	taddr_t at = scratch_slot(t, bp->addr, ARCH_SLOT_SIZE);
	int ilen = arch_insn_length(code, n, bp->addr);

	*why = "no scratch slot within reach";
	if (at == 0)
		return -1;
	int len = arch_displace(code, n, bp->addr, at, slot, why);
	if (len < 0 || ilen <= 0 || (size_t)ilen > sizeof(bp->insn) ||
	    mem_write(p->mem_fd, at, slot, (size_t)len) < 0)
		return -1;
	bp->resume = BP_RESUME_OUT_OF_LINE;
	bp->ool = at;
	memcpy(bp->insn, code, (size_t)ilen);
	bp->insn_len = (uint8_t)ilen;
	return 0;
}

void bp_take_copy(struct breakpoint *bp, const struct breakpoint *from)
{
	bp->resume = from->resume;
	bp->ool = from->ool;
	memcpy(bp->insn, from->insn, sizeof(bp->insn));
	bp->insn_len = from->insn_len;
}

struct breakpoint *bp_return_site(struct thread *t, taddr_t ret_addr)
{
	struct process *p = process_vm(t->proc);
	struct breakpoint *bp = bp_find(p->bps, ret_addr);
	uint8_t code[ARCH_MAX_INSN];
	const char *why = NULL;

	if (bp != NULL) {
		bp->roles |= BP_ROLE_RETURN;
		return bp;
	}
	struct breakpoint copy = { .addr = ret_addr };
	ssize_t n = mem_read(p->pid, ret_addr, code, sizeof(code));
	if (n <= 0 || bp_displace(t, &copy, code, (size_t)n, &why) < 0)
		return NULL;
	bp = bp_add(p->bps, ret_addr);
	bp_take_copy(bp, &copy);
	bp->roles = BP_ROLE_RETURN;
	if (bp_plant(bp, p->pid, p->mem_fd) < 0) {
		bp->roles = 0; /* keep the record; never planted, never hit */
		return NULL;
	}
	return bp;
}

/* What every cursor of a stop reads through (cur as the architecture set it up): the
 * stop's memory window, and with --json the recorder of raw values. */
static void cursor_for_stop(struct arg_cursor *cur, struct mem_window *win,
			    struct raw_recorder *raw)
{
	win->len = 0;
	cur->window = win;
	if (session.raw_values)
		raw_recorder_wrap(raw, cur);
}

/* The arguments shown at the call. With a prototype, their values are kept in f->call for
 * the return (the registers will be gone by then): output arguments are shown then, and
 * the return value may depend on them (string2: a string of argument 2's length). */
static void format_args(struct strbuf *sb, struct thread *t, struct frame *f,
			const struct arch_regs *regs, struct raw_recorder *raw,
			const struct hit_src *src)
{
	struct arg_cursor cur;
	struct arch_args st;
	struct mem_window win;

	arch_args_call(&cur, &st, t->tid, regs, src->read);
	if (src->fp != NULL) {
		st.fp = *src->fp;
		st.have_fp = true;
	}
	cursor_for_stop(&cur, &win, raw);
	if (f->proto == NULL) {
		proto_format_args(sb, f->proto, &cur, &session.fmt);
		return;
	}
	f->call = proto_call_fetch(f->proto, &cur);
	proto_call_format_in(sb, f->call, &cur, &session.fmt);
}

/* A callee's prototype, looked up at its first call (the objects are loaded by then): the
 * calling object is the one the call returns to; with -x, the one holding the entry. */
void hit_resolve_proto(struct thread *t, struct bp_callee *c, taddr_t at, taddr_t ret_addr)
{
	if (c->proto_known || c->sym == NULL || !output_formats_values())
		return;
	struct process *p = process_vm(t->proc);
	const struct library *lib = library_at(p->libs, c->defined_here ? at : ret_addr);
	if (c->defined_here)
		c->proto = prototype_defined_in(lib, c->sym, lib != NULL ? at - lib->bias : 0,
						!c->clone);
	else
		c->proto = prototype_for(p->libs, lib, c->sym);
	c->proto_known = true;
}

/* A call of c, caught at breakpoint at, is entered: drop the frames it shows are over,
 * push its own. */
static struct frame *enter(struct thread *t, const struct bp_callee *c, taddr_t at,
			   taddr_t sp, taddr_t ret_addr, const struct hit_src *src)
{
	struct frame *top;

	while (!src->keep_frames && (top = thread_top(t)) != NULL &&
	       frame_over(t, top, sp, ret_addr, at))
		thread_drop(t, src);
	struct frame *f = thread_push(t);
	f->ret_addr = ret_addr;
	f->entry_sp = sp;
	f->entry_hit = t->hits;
	f->at = at;
	f->name = c->name;
	f->func = c->func;
	f->sym = c->sym;
	return f;
}

void hit_call(struct thread *t, const struct bp_callee *bp, taddr_t at,
	      const struct arch_regs *regs, taddr_t ret_addr, const struct hit_src *src)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame *f = enter(t, bp, at, arch_sp(regs), ret_addr, src);

	f->proto = bp->proto;
	struct output_event e = { .pid = t->proc->pid, .tid = t->tid, .token = f,
				  .name = bp->name, .func = bp->func, .call_site = ret_addr,
				  .depth = (unsigned)(t->depth - 1) };
	struct raw_recorder raw = { .n = 0 };
	struct strbuf bt = STRBUF_INIT;
	if (output_formats_values())
		format_args(&sb, t, f, regs, &raw, src);
	if (session.backtrace_depth > 0)
		backtrace_format(&bt, t->proc->pid, t->tid, regs, ret_addr, src->read,
				 session.backtrace_depth, session.demangle);
	/* Taken after our own work at the entry, which is thus not counted in the call's time. */
	f->entry_ts = output_timed() ? src_now(src) : 0;
	e.ts = f->entry_ts;
	e.text = strbuf_str(&sb);
	e.backtrace = bt.len > 0 ? strbuf_str(&bt) : NULL;
	e.raw = raw.v;
	e.nraw = raw.n;
	output_call(&e);
	strbuf_free(&bt);
	strbuf_free(&sb);
	if (src->returns_caught) {
		f->has_return_bp = true;
		return;
	}
	struct breakpoint *rbp = bp_return_site(t, ret_addr);
	f->has_return_bp = rbp != NULL;
	if (rbp == NULL)
		output_no_return(f);
}

/* An IFUNC's resolver is entered: a frame that shows nothing, for its return. */
static void on_resolver(struct thread *t, const struct bp_callee *ifunc, taddr_t at,
			const struct arch_regs *regs, taddr_t ret_addr)
{
	struct frame *f = enter(t, ifunc, at, arch_sp(regs), ret_addr, &at_stop);

	f->resolver = true;
	if (bp_return_site(t, ret_addr) == NULL)
		thread_pop(t);
}

static bool returns_here(const struct frame *f, taddr_t addr, taddr_t sp)
{
	return f->ret_addr == addr && arch_sp_after_return(f->entry_sp) == sp;
}

/* Frame f's call returned (regs as at its return): its right half. */
static void show_return(struct thread *t, struct frame *f, const struct arch_regs *regs,
			const struct hit_src *src)
{
	struct output_event e = { .pid = t->proc->pid, .tid = t->tid, .token = f,
				  .name = f->name, .func = f->func, .call_site = f->ret_addr,
				  .depth = (unsigned)(t->depth - 1) };
	/* Taken before our own work at the return, which is thus not counted. */
	if (f->entry_ts != 0) {
		e.ts = src_now(src);
		e.duration = e.ts > f->entry_ts ? e.ts - f->entry_ts : 0;
	}
	struct strbuf sb = STRBUF_INIT, out = STRBUF_INIT;
	struct raw_recorder raw = { .n = 0 };
	if (output_formats_values()) {
		struct arg_cursor cur;
		struct arch_args st;
		struct mem_window win;
		arch_args_return(&cur, &st, t->tid, regs, src->read);
		if (src->fp != NULL) {
			st.fp = *src->fp;
			st.have_fp = true;
		}
		cursor_for_stop(&cur, &win, &raw);
		if (f->call != NULL) { /* output arguments: read now, after the call wrote them */
			proto_call_return(f->call, &cur);
			proto_call_format_out(&out, f->call, &cur, &session.fmt);
			proto_call_format_ret(&sb, f->call, &cur, &session.fmt);
		} else {
			proto_format_ret(&sb, f->proto, &cur, &session.fmt);
		}
	}
	e.text = strbuf_str(&sb);
	e.out_args = out.len > 0 ? strbuf_str(&out) : NULL;
	e.raw = raw.v;
	e.nraw = raw.n;
	output_return(&e);
	strbuf_free(&sb);
	strbuf_free(&out);
}

void hit_return(struct thread *t, const struct arch_regs *regs, taddr_t addr,
		const struct hit_src *src)
{
	taddr_t sp = arch_sp(regs);
	struct frame *f;

	/* A frame whose return-address slot is above the stack pointer is over: unless it
	 * is the one returning here, it was left by longjmp or a throw. */
	while ((f = thread_top(t)) != NULL && f->entry_sp < sp && !returns_here(f, addr, sp))
		thread_drop(t, src);
	/* Not a return of ours if no frame matches (code reached by another path). More
	 * than one returns together when they had one return address and stack pointer: a
	 * PLT call and the -x entry of the function it calls, a call and the one its callee
	 * makes as a tail call. */
	while ((f = thread_top(t)) != NULL && returns_here(f, addr, sp)) {
		if (f->resolver) {
			struct bp_callee ifunc = { .name = f->name, .func = f->func, .sym = f->sym };
			plan_ifunc_choice(t, &ifunc, arch_return_value(regs));
			/* The resolver's stops do not count: a PLT call and the entry of the
			 * function chosen for it stay one call (frame_over). */
			t->hits = f->entry_hit - 1;
		} else {
			show_return(t, f, regs, src);
		}
		thread_pop(t);
	}
}

/* The program rewrote the instruction under bp (after making its code writable): copy
 * the new one out of line. Its first byte is still our breakpoint's, the program's
 * original one under it. */
static void refresh_copy(struct thread *t, struct breakpoint *bp)
{
	struct process *p = process_vm(t->proc);
	uint8_t code[ARCH_MAX_INSN];
	const char *why = NULL;
	struct breakpoint copy = { .addr = bp->addr };

	ssize_t n = mem_read(p->pid, bp->addr, code, sizeof(code));
	if (n <= 0)
		return;
	memcpy(code, bp->orig, ARCH_BREAKPOINT_SIZE);
	if (bp_displace(t, &copy, code, (size_t)n, &why) == 0)
		bp_take_copy(bp, &copy);
}

/* At a function's entry (bp): the return address, and whether the instruction we run a
 * copy of is still the same behind the breakpoint (else it is copied again), in one read
 * when both are in memory. 0, or -1 if the return address cannot be read. */
static int entry_read(struct thread *t, struct breakpoint *bp, const struct arch_regs *regs,
		      taddr_t *ret_addr)
{
	struct process *p = t->proc;
	uint8_t now[sizeof(bp->insn)];
	size_t tail = bp->insn_len > ARCH_BREAKPOINT_SIZE ? bp->insn_len - ARCH_BREAKPOINT_SIZE
							   : 0;
	taddr_t slot = 0, rest = bp->addr + ARCH_BREAKPOINT_SIZE;
	const uint8_t *was = bp->insn + ARCH_BREAKPOINT_SIZE;

	if (arch_return_address(regs, ret_addr, &slot) == 1) {
		if (tail > 0 && mem_read(p->pid, rest, now, tail) != (ssize_t)tail)
			return 0;
	} else if (mem_read2(p->pid, slot, ret_addr, sizeof(*ret_addr), rest, now, tail) < 0) {
		return -1;
	}
	if (tail > 0 && memcmp(now, was, tail) != 0)
		refresh_copy(t, bp);
	return 0;
}

void bp_calls_over(struct thread *t)
{
	while (t->depth > 0)
		thread_drop(t, &at_stop);
}

/* Whether a call caught at a function's entry (for calls through a GOT slot) is one just
 * caught at a PLT stub of the same function: the caller took the stub, whose GOT slot is
 * not the one the entry was planned for (a linker that gives a function called through
 * the PLT and also referred to through the GOT two slots, as aarch64's does). */
static bool stub_went_here(struct thread *t, const struct bp_callee *c,
			   const struct arch_regs *regs, taddr_t ret_addr)
{
	const struct frame *top = thread_top(t);

	return top != NULL && !top->resolver && top->func == c->func &&
	       top->ret_addr == ret_addr && top->entry_sp == arch_sp(regs) &&
	       top->entry_hit + 1 == t->hits;
}

int bp_hit(struct thread *t, struct breakpoint *bp, struct arch_regs *regs, bool *libs_changed)
{
	struct process *p = t->proc;
	bool shown = p->state == PROC_TRACED;
	taddr_t target = 0, ret_addr = 0;

	t->hits++;
	if ((bp->roles & BP_ROLE_RETURN) && shown)
		hit_return(t, regs, bp->addr, &at_stop);
	if (bp->trap != 0 && arch_trap_address(arch_pc(regs)) == bp->trap) {
		/* In a patched stub's trampoline: it loaded the return address, and the thread
		 * goes on from here. */
		ret_addr = arch_trampoline_return_address(regs);
		target = bp->trap + ARCH_BREAKPOINT_SIZE;
	} else if (bp->resume == BP_RESUME_SLOT_JUMP) {
		/* The stub's jump target and the return address, in one read. */
		taddr_t slot = 0;
		if (arch_return_address(regs, &ret_addr, &slot) == 1
			    ? mem_read(p->pid, bp->slot, &target, sizeof(target)) != (ssize_t)sizeof(target)
			    : mem_read2(p->pid, bp->slot, &target, sizeof(target), slot, &ret_addr,
					sizeof(ret_addr)) < 0)
			return -1;
	} else if (bp->resume == BP_RESUME_OUT_OF_LINE &&
		   (bp->roles & (BP_ROLE_CALL | BP_ROLE_DIRECT | BP_ROLE_RESOLVER))) {
		/* A function's entry: with the return address, the rest of the instruction we
		 * run a copy of, in the same read; the program may have rewritten it. */
		if (entry_read(t, bp, regs, &ret_addr) < 0)
			ret_addr = 0;
		target = bp->ool;
	} else {
		target = bp->ool; /* a return site, the loader's hook, the program's entry */
	}
	if ((bp->roles & BP_ROLE_CALL) && shown) {
		const struct hit_src *src = &at_stop;
		taddr_t orig = hit_agent_return != NULL ? hit_agent_return(t, regs, ret_addr) : 0;
		if (orig != 0) {
			ret_addr = orig;
			src = &at_stop_caught;
		}
		if (ret_addr < bp->callee.skip_lo || ret_addr >= bp->callee.skip_hi) {
			hit_resolve_proto(t, &bp->callee, bp->addr, ret_addr);
			hit_call(t, &bp->callee, bp->addr, regs, ret_addr, src);
		}
	} else if ((bp->roles & BP_ROLE_DIRECT) && shown) {
		struct bp_callee *c = bp_caller_of(bp, ret_addr);
		if (c != NULL && !stub_went_here(t, c, regs, ret_addr)) {
			hit_resolve_proto(t, c, bp->addr, ret_addr);
			hit_call(t, c, bp->addr, regs, ret_addr, &at_stop);
		}
	}
	if ((bp->roles & BP_ROLE_UNWIND) && hit_unwind_begins != NULL)
		hit_unwind_begins(t, regs);
	if ((bp->roles & BP_ROLE_RESOLVER) && shown)
		on_resolver(t, &bp->ifunc, bp->addr, regs, ret_addr);
	if (bp->roles & BP_ROLE_START) {
		plan_direct_calls(t);
		plan_bound_ifuncs(t);
	}
	*libs_changed = (bp->roles & BP_ROLE_LIBS) != 0;
	if (target == arch_pc(regs))
		return 0; /* goes on from where it trapped: no register to change */
	return arch_set_pc_only(t->tid, regs, target);
}
