/* --fast: putting the agent into a process, and redirecting PLT stubs into it. */
#include "fast/fast.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "elf/loaded.h"
#include "fast/agent_state.h"
#include "fast/reach.h"
#include "output/output.h"
#include "session/session.h"
#include "tracee/inject.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "tracee/scratch_map.h"
#include "sysdeps/arch.h"

extern const unsigned char fast_agent_code[];
extern const size_t fast_agent_size, fast_agent_call_entry;

_Static_assert(sizeof(pthread_mutex_t) <= sizeof(((struct fast_shared *)0)->lock),
	       "the robust mutex fits in the shared area");

static struct fast_agent *agents;

struct fast_agent *fast_agents(void)
{
	return agents;
}

struct fast_agent **fast_agent_list(void)
{
	return &agents;
}

struct fast_agent *fast_agent_of(pid_t pid)
{
	for (struct fast_agent *a = agents; a != NULL; a = a->next)
		if (a->pid == pid)
			return a;
	return NULL;
}

const bool fast_available = true;

bool fast_active(void)
{
	return agents != NULL;
}

static size_t page_up(size_t n)
{
	return (n + 4095) & ~(size_t)4095;
}

bool fast_agent_pc(pid_t pid, taddr_t pc)
{
	const struct fast_agent *a = agents != NULL ? fast_agent_of(pid) : NULL;

	return a != NULL && pc >= a->code && pc - a->code < page_up(fast_agent_size);
}

int64_t fast_sys(struct thread *t, taddr_t stub, long nr, uint64_t a0, uint64_t a1,
		 uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, int *pending)
{
	uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };
	int64_t res = -1;
	int sig = 0;

	if (inject_syscall(t->tid, stub, nr, args, &res, &sig) < 0)
		return INT64_MIN;
	if (sig != 0)
		*pending = sig;
	return res;
}

static bool bad(int64_t v)
{
	return v == INT64_MIN || (v < 0 && v > -4096);
}

/* The shared area (its header, then the rings), in the tracee from its fd there, at `at`
 * (in place of what is there) or anywhere (0). Returns its address or 0. */
static taddr_t map_shared_there(struct thread *t, taddr_t stub, int64_t fd, size_t size,
				taddr_t at, int *pending)
{
	int64_t base = fast_sys(t, stub, arch_sys_mmap, at, size, PROT_READ | PROT_WRITE,
				MAP_SHARED | (at != 0 ? MAP_FIXED : 0), (uint64_t)fd, 0, pending);

	return bad(base) || (at != 0 && (taddr_t)base != at) ? 0 : (taddr_t)base;
}

/* The tracer holds a robust mutex in the shared area: if it dies, even by SIGKILL, the
 * kernel marks its word FUTEX_OWNER_DIED, and the agent passes calls through. */
static void hold_liveness(struct fast_shared *sh)
{
	pthread_mutexattr_t attr;
	pthread_mutex_t *m = (pthread_mutex_t *)(void *)sh->lock;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(m, &attr);
	pthread_mutexattr_destroy(&attr);
	pthread_mutex_lock(m);
}

/* The agent's code, its header filled, written into the tracee at code. */
static int write_code(struct process *p, struct fast_agent *a)
{
	unsigned char *code = xmalloc(fast_agent_size);
	struct fast_header h;

	memcpy(code, fast_agent_code, fast_agent_size);
	memcpy(&h, code, sizeof(h));
	if (h.magic != FAST_MAGIC) {
		free(code);
		return -1;
	}
	h.data = a->data;
	h.shared = a->shared;
	memcpy(code, &h, sizeof(h));
	a->call_entry = a->code + fast_agent_call_entry;
	int rc = mem_write(p->mem_fd, a->code, code, fast_agent_size);
	free(code);
	return rc;
}

int fast_map_shared(struct thread *t, taddr_t stub, struct fast_agent *a, taddr_t at,
		    int *pending)
{
	const size_t size = FAST_SHARED_SIZE;
	taddr_t name_at = a->data + offsetof(struct fast_data, memfd_name);
	int64_t fd = fast_sys(t, stub, SYS_memfd_create, name_at, MFD_CLOEXEC, 0, 0, 0, 0, pending);

	if (bad(fd))
		return -1;
	int rc = -1;
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)t->tid, (int)fd);
	int here = -1;
	if (fast_sys(t, stub, SYS_ftruncate, (uint64_t)fd, size, 0, 0, 0, 0, pending) == 0 &&
	    (here = open(path, O_RDWR | O_CLOEXEC)) >= 0) {
		void *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, here, 0);
		a->sh = sh != MAP_FAILED ? sh : NULL;
		a->map_len = size;
		if (a->sh != NULL)
			a->shared = map_shared_there(t, stub, fd, size, at, pending);
		rc = a->shared != 0 && a->sh != NULL ? 0 : -1;
	}
	if (here >= 0)
		close(here);
	fast_sys(t, stub, SYS_close, (uint64_t)fd, 0, 0, 0, 0, 0, pending);
	if (rc < 0)
		return -1;
	a->sh->magic = FAST_MAGIC;
	a->sh->ring_off = FAST_SHARED_HEAD;
	a->sh->count_only = output_counts_only();
	a->sh->where = session.backtrace_depth > 0 ? FAST_WHERE_STACK : 0;
	hold_liveness(a->sh);
	__atomic_store_n(&a->sh->alive, 1, __ATOMIC_RELEASE);
	return 0;
}

static int map_agent(struct thread *t, taddr_t stub, struct fast_agent *a, int *pending)
{
	struct process *p = t->proc;
	int64_t code = fast_sys(t, stub, arch_sys_mmap, 0, page_up(fast_agent_size),
				PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0,
				pending);
	int64_t data = fast_sys(t, stub, arch_sys_mmap, 0, page_up(sizeof(struct fast_data)),
				PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0,
				pending);
	static const char name[] = "ltrace-fast";
	uint32_t pid = (uint32_t)p->pid;

	if (bad(code) || bad(data) ||
	    mem_write(p->mem_fd, (taddr_t)data + offsetof(struct fast_data, memfd_name), name,
		      sizeof(name)) < 0 ||
	    mem_write(p->mem_fd, (taddr_t)data + offsetof(struct fast_data, pid), &pid,
		      sizeof(pid)) < 0)
		return -1;
	a->code = (taddr_t)code;
	a->data = (taddr_t)data;
	return fast_map_shared(t, stub, a, 0, pending);
}

int fast_inject(struct thread *t, taddr_t stub, int *pending)
{
	struct fast_agent *a = xcalloc(1, sizeof(*a));

	a->pid = t->proc->pid;
	if (map_agent(t, stub, a, pending) < 0 || write_code(t->proc, a) < 0) {
		if (a->sh != NULL)
			munmap(a->sh, a->map_len);
		free(a);
		return -1;
	}
	if (output_timed())
		fast_clock_start();
	a->next = agents;
	agents = a;
	return 0;
}

/* Functions that return twice save their return address: it must stay the caller's. */
static bool returns_twice(const char *sym)
{
	static const char *const names[] = { "setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp",
					     "getcontext", "vfork", "savectx" };

	for (size_t i = 0; sym != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(sym, names[i]) == 0)
			return true;
	return false;
}

/* vfork: its returns are shown from the ptrace events (fast/fork.c), after its record. */
static bool is_vfork(const char *sym)
{
	return sym != NULL && strcmp(sym, "vfork") == 0;
}

/* The stubs the agent acts at (fast/agent/agent.c: unwinding), traced or not. */
static const struct {
	const char *sym;
	uint8_t flag;
} hooks[] = {
	{ "_Unwind_RaiseException", FAST_HOOK_THROW },
	{ "_Unwind_Resume_or_Rethrow", FAST_HOOK_THROW },
	{ "__cxa_begin_catch", FAST_HOOK_CATCH },
	{ "backtrace", FAST_HOOK_BACKTRACE },
	{ "_dl_find_object", FAST_HOOK_FIND },
};

static uint8_t hook_flag(const char *sym)
{
	for (size_t i = 0; sym != NULL && i < sizeof(hooks) / sizeof(hooks[0]); i++)
		if (strcmp(sym, hooks[i].sym) == 0)
			return hooks[i].flag;
	return 0;
}

bool fast_hooked(const char *sym)
{
	return hook_flag(sym) != 0;
}

int fast_new_func(struct fast_agent *a, const struct bp_callee *c, taddr_t at, bool traced,
		  taddr_t slot)
{
	if (a->nfns >= FAST_MAX_FUNCS)
		return -1;
	uint32_t id = (uint32_t)a->nfns;
	struct fast_func *f = &a->sh->funcs[id];

	*f = (struct fast_func){ .slot = slot, .id = id, .fmt_reg = 0xff,
				 .flags = (uint8_t)((returns_twice(c->sym) ? FAST_RETURNS_TWICE : 0) |
						    hook_flag(c->sym) |
						    (is_vfork(c->sym) ? FAST_RECORDED : 0) |
						    (traced ? 0 : FAST_UNTRACED)) };
	a->fns = xrealloc(a->fns, (a->nfns + 1) * sizeof(*a->fns));
	a->fns[id] = (struct fast_fn){ .c = *c, .at = at, .prepared = !traced,
				       .vfork = is_vfork(c->sym) };
	a->nfns++;
	__atomic_store_n(&a->sh->nfuncs, a->nfns, __ATOMIC_RELEASE);
	return (int)id;
}

int fast_write_tramp(struct process *p, const struct fast_agent *a, int id, taddr_t tramp)
{
	uint8_t code[ARCH_FAST_TRAMP];
	size_t n = arch_fast_trampoline(a->shared + offsetof(struct fast_shared, funcs) +
					(size_t)id * sizeof(struct fast_func),
					a->call_entry, code);

	return mem_write(p->mem_fd, tramp, code, n);
}

/* Function bp->callee (reached at bp->addr), redirected: its trampoline at tramp enters
 * the agent, which goes on to *slot. 0, or -1. */
static int add_func(struct process *p, struct fast_agent *a, const struct breakpoint *bp,
		    taddr_t slot, taddr_t tramp)
{
	int id = fast_new_func(a, &bp->callee, bp->addr, (bp->roles & BP_ROLE_CALL) != 0, slot);

	return id < 0 ? -1 : fast_write_tramp(p, a, id, tramp);
}

int fast_plant_stub(struct thread *t, struct breakpoint *bp)
{
	struct process *p = process_vm(t->proc);
	struct fast_agent *a = fast_agent_of(p->pid);
	uint8_t code[16], patch[ARCH_PATCH_MAX], unused[32];
	size_t unused_len = 0, unused_trap = 0;

	if (a == NULL || a->nfns >= FAST_MAX_FUNCS)
		return -1;
	taddr_t tramp = scratch_slot(t, bp->addr, ARCH_FAST_TRAMP);
	if (tramp == 0 || mem_read(p->pid, bp->addr, code, sizeof(code)) != (ssize_t)sizeof(code))
		return -1;
	int len = arch_plt_patch(code, sizeof(code), bp->addr, bp->slot, tramp, patch, unused,
				 &unused_len, &unused_trap);
	if (len <= 0 || add_func(p, a, bp, bp->slot, tramp) < 0)
		return -1;
	bp->resume = BP_RESUME_SLOT_JUMP; /* a thread at the stub while it is rewritten */
	return bp_plant_patch(bp, p->pid, p->mem_fd, patch, (size_t)len);
}

/* Whether a stopped thread of p is among the first len bytes at addr (but at addr). */
static bool thread_inside(const struct process *p, taddr_t addr, size_t len)
{
	struct arch_regs regs;

	for (struct thread *t = threads_first(); t != NULL; t = t->next)
		if (process_vm(t->proc) == p && arch_get_regs(t->tid, &regs) == 0 &&
		    arch_pc(&regs) > addr && arch_pc(&regs) < addr + len)
			return true;
	return false;
}

/* Code entered otherwise than by a call, whose top of stack is no return address: the
 * program's entry point (argc there), the signal return trampoline, a context's start
 * (entered by ret), and the dynamic loader's lazy-binding and TLS-descriptor entries
 * (jumped to from a PLT with the relocation's index on the stack; called with every
 * register to keep). They keep a breakpoint, which changes nothing in the program. */
static bool entered_otherwise(const char *sym)
{
	static const char *const names[] = { "_start", "_dl_start", "_dl_start_user",
					     "__restore_rt", "__start_context" };
	static const char *const prefixes[] = { "_dl_runtime_resolve", "_dl_runtime_profile",
						"_dl_tlsdesc_" };

	if (sym == NULL)
		return true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(sym, names[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(sym, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

/* A function's code is read whole to be sure no branch lands where the jump goes. */
#define ENTRY_BODY_MAX (1u << 20)

int fast_plant_entry(struct thread *t, struct breakpoint *bp, size_t size)
{
	struct process *p = process_vm(t->proc);
	struct fast_agent *a = fast_agent_of(p->pid);
	uint8_t patch[ARCH_PATCH_MAX], ool[ARCH_SLOT_SIZE];
	size_t ool_len = 0;
	const char *why;
	const char *sym = bp->callee.sym;

	/* The agent's handling of these is its stubs': they stay breakpoints here. */
	if (a == NULL || a->nfns >= FAST_MAX_FUNCS || size == 0 || size > ENTRY_BODY_MAX ||
	    returns_twice(sym) || hook_flag(sym) != 0 || is_vfork(sym) ||
	    entered_otherwise(sym) || bp->addr == p->exe->entry + p->bias)
		return -1;
	/* Its trampoline, the word the agent goes on through, and the copy of its first
	 * instructions, which the agent jumps to even after we let go: the area stays. */
	const size_t word_at = (ARCH_FAST_TRAMP + 7) & ~(size_t)7;
	taddr_t tramp = scratch_slot(t, bp->addr, word_at + 8 + sizeof(ool));
	uint8_t *code = xmalloc(size);
	int len = -1;
	if (tramp != 0 && mem_read(p->pid, bp->addr, code, size) == (ssize_t)size)
		len = arch_entry_patch(code, size, bp->addr, tramp, tramp + word_at + 8, patch, ool,
				       &ool_len, &why);
	free(code);
	taddr_t copy = tramp + word_at + 8;
	const struct library *lib = library_at(p->libs, bp->addr);
	if (len <= 0 || lib == NULL ||
	    fast_entry_reached(lib->img, bp->addr - lib->bias, (size_t)len) ||
	    thread_inside(p, bp->addr, (size_t)len) ||
	    mem_write(p->mem_fd, copy, ool, ool_len) < 0 ||
	    mem_write(p->mem_fd, tramp + word_at, &copy, sizeof(copy)) < 0 ||
	    add_func(p, a, bp, tramp + word_at, tramp) < 0)
		return -1;
	p->scratch.kept = true;
	return bp_plant_patch(bp, p->pid, p->mem_fd, patch, (size_t)len);
}
