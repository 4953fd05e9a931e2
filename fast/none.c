/*
 * --fast on an architecture without an agent: the option is refused (ltrace.c checks
 * fast_available before anything runs), so nothing here is ever reached with an agent.
 */
#include "fast/fast.h"

const bool fast_available = false;

int fast_inject(struct thread *t, taddr_t stub, int *pending)
{
	(void)t, (void)stub, (void)pending;
	return -1;
}

int fast_plant_stub(struct thread *t, struct breakpoint *bp)
{
	(void)t, (void)bp;
	return -1;
}

int fast_plant_entry(struct thread *t, struct breakpoint *bp, size_t size)
{
	(void)t, (void)bp, (void)size;
	return -1;
}

void fast_plant_direct(struct thread *t, const struct library *lib, struct plan_direct *calls,
		       size_t n)
{
	(void)t, (void)lib, (void)calls, (void)n;
}

bool fast_hooked(const char *sym)
{
	(void)sym;
	return false;
}

void fast_prepare(struct thread *t, bool start)
{
	(void)t, (void)start;
}

bool fast_drain(void)
{
	return false;
}

void fast_settle(void)
{
}

void fast_sleep(void)
{
}

void fast_thread_started(struct thread *t)
{
	(void)t;
}

void fast_child_created(struct thread *parent, pid_t child, bool shares_vm, bool follow)
{
	(void)parent, (void)child, (void)shares_vm, (void)follow;
}

void fast_vfork_done(struct thread *t)
{
	(void)t;
}

void fast_release(struct process *p)
{
	(void)p;
}

void fast_let_go_all(void)
{
}

taddr_t fast_original_return(struct thread *t, const struct arch_regs *regs, taddr_t ret)
{
	(void)t, (void)regs, (void)ret;
	return 0;
}

bool fast_unwinder(const char *sym)
{
	(void)sym;
	return false;
}

void fast_unwind_begins(struct thread *t, const struct arch_regs *regs)
{
	(void)t, (void)regs;
}

bool fast_active(void)
{
	return false;
}

bool fast_agent_pc(pid_t pid, taddr_t pc)
{
	(void)pid;
	(void)pc;
	return false;
}
