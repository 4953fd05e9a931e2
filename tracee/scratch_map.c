#include "tracee/scratch_map.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "common/xalloc.h"
#include "tracee/inject.h"
#include "tracee/memory.h"
#include "sysdeps/arch.h"

#define SCRATCH_SIZE (1u << 20)

/* inject_syscall, over several of which *pending keeps a signal that came in any. */
static int inject(struct thread *t, taddr_t stub, long nr, const uint64_t args[6],
		  int64_t *res, int *pending)
{
	int sig = 0;
	int rc = inject_syscall(t->tid, stub, nr, args, res, &sig);

	if (sig != 0)
		*pending = sig;
	return rc;
}

static int64_t inject_mmap(struct thread *t, taddr_t stub, taddr_t hint, long flags,
			   int *pending)
{
	uint64_t args[6] = { hint, SCRATCH_SIZE, PROT_READ | PROT_EXEC, (uint64_t)flags,
			     (uint64_t)-1, 0 };
	int64_t addr = -1;

	return inject(t, stub, arch_sys_mmap, args, &addr, pending) < 0 ? INT64_MIN : addr;
}

static int inject_munmap(struct thread *t, taddr_t stub, taddr_t base, size_t size,
			 int *pending)
{
	uint64_t args[6] = { base, size, 0, 0, 0, 0 };
	int64_t res = -1;

	return inject(t, stub, arch_sys_munmap, args, &res, pending) < 0 || res != 0 ? -1 : 0;
}

/* The mappings of tid's address space, sorted (as the kernel lists them); NULL if the
 * list cannot be read. */
static struct vm_range *read_ranges(pid_t tid, size_t *n)
{
	char path[64], line[512];
	struct vm_range *r = NULL;
	size_t cap = 0;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)tid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return NULL;
	*n = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		uint64_t lo, hi;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64, &lo, &hi) != 2)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			r = xrealloc(r, cap * sizeof(*r));
		}
		r[(*n)++] = (struct vm_range){ lo, hi, strstr(line, " [stack]") != NULL };
	}
	fclose(f);
	return r;
}

/* Map at exactly hint (MAP_FIXED_NOREPLACE): the address, -1 if it is taken (or the
 * kernel put it elsewhere: unmapped again), INT64_MIN if the thread cannot run it. */
static int64_t map_at(struct thread *t, taddr_t stub, taddr_t hint, int *pending)
{
	int64_t addr = inject_mmap(t, stub, hint, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
				   pending);

	if (addr > 0 && (taddr_t)addr != hint) { /* a kernel without NOREPLACE */
		inject_munmap(t, stub, (taddr_t)addr, SCRATCH_SIZE, pending);
		addr = -1;
	}
	return addr;
}

int scratch_map(struct thread *t, taddr_t stub, taddr_t near, struct scratch *out,
		int *pending)
{
	/* The holes within reach of the object, at the top of each (below a mapping, where
	 * nothing grows into them), nearest first; if the list cannot be read, below the
	 * object at a few distances; then wherever the kernel puts it, kept only if it is
	 * within reach of the object. */
	static const taddr_t gaps[] = { 1u << 20,   16u << 20,  64u << 20,  256u << 20,
					512u << 20, 768u << 20, 1024u << 20 };
	taddr_t hints[8];
	size_t nhints = 0, nranges = 0;
	struct vm_range *ranges = read_ranges(t->tid, &nranges);
	int64_t addr = -1;

	*pending = 0;
	if (ranges != NULL) {
		nhints = scratch_holes(ranges, nranges, near, SCRATCH_SIZE, hints, 8);
		free(ranges);
	} else {
		taddr_t lo = near & ~(taddr_t)0xfff;
		for (size_t i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++)
			if (lo >= gaps[i] + SCRATCH_SIZE + SCRATCH_GUARD &&
			    scratch_reaches(lo - gaps[i] - SCRATCH_SIZE, SCRATCH_SIZE, near))
				hints[nhints++] = lo - gaps[i] - SCRATCH_SIZE;
	}
	for (size_t i = 0; i < nhints && addr < 0; i++)
		if ((addr = map_at(t, stub, hints[i], pending)) == INT64_MIN)
			return -1;
	if (addr < 0) {
		addr = inject_mmap(t, stub, 0, MAP_PRIVATE | MAP_ANONYMOUS, pending);
		if (addr == INT64_MIN)
			return -1;
		if (addr > 0 && !scratch_reaches((taddr_t)addr, SCRATCH_SIZE, near)) {
			inject_munmap(t, stub, (taddr_t)addr, SCRATCH_SIZE, pending);
			addr = -1;
		}
	}
	if (addr <= 0) /* -errno */
		return -1;
	*out = (struct scratch){ .base = (taddr_t)addr, .size = SCRATCH_SIZE, .kept = out->kept,
				.next = out->next };
	return 0;
}

int scratch_code_borrow(struct process *p, taddr_t at, struct code_loan *loan)
{
	loan->at = 0;
	if (arch_syscall_trap_size > sizeof(loan->orig) ||
	    mem_read(p->pid, at, loan->orig, arch_syscall_trap_size) !=
		    (ssize_t)arch_syscall_trap_size ||
	    mem_write(p->mem_fd, at, arch_syscall_trap, arch_syscall_trap_size) < 0)
		return -1;
	loan->at = at;
	return 0;
}

void scratch_code_return(struct process *p, const struct code_loan *loan)
{
	if (loan->at != 0)
		mem_write(p->mem_fd, loan->at, loan->orig, arch_syscall_trap_size);
}

int scratch_unmap_all(struct thread *t, taddr_t stub, const struct scratch *s, int *pending)
{
	int rc = 0;

	for (; s != NULL; s = s->next)
		if (s->base != 0 && inject_munmap(t, stub, s->base, s->size, pending) < 0)
			rc = -1;
	return rc;
}

taddr_t scratch_slot(struct thread *t, taddr_t addr, size_t len)
{
	struct process *vm = process_vm(t->proc);
	struct scratch *s = scratch_near(&vm->scratch, addr, len);

	if (s == NULL && vm->scratch.base != 0) {
		struct scratch *more = xcalloc(1, sizeof(*more));
		int pending = 0;
		if (scratch_map(t, vm->scratch.base, addr, more, &pending) < 0) {
			free(more);
			return 0;
		}
		if (pending != 0)
			t->pending_signal = pending;
		more->next = vm->scratch.next;
		vm->scratch.next = more;
		s = scratch_near(&vm->scratch, addr, len);
	}
	return s != NULL ? scratch_alloc(s, len) : 0;
}
