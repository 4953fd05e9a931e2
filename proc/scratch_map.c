#include "proc/scratch_map.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "common/xalloc.h"
#include "proc/inject.h"
#include "sysdeps/arch.h"

#define SCRATCH_SIZE (1u << 20)

int scratch_map(struct thread *t, taddr_t stub, taddr_t near, struct scratch *out,
		int *pending)
{
	/* Below the object, where nothing grows into it: a few distances, then anywhere. */
	static const taddr_t gaps[] = { 1u << 20, 16u << 20, 256u << 20, 0 };
	taddr_t lo = near & ~(taddr_t)0xfff;
	int64_t addr = -1;

	for (size_t i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++) {
		taddr_t hint = 0;
		long flags = MAP_PRIVATE | MAP_ANONYMOUS;
		if (gaps[i] != 0) {
			if (lo < gaps[i] + SCRATCH_SIZE + 0x10000)
				continue;
			hint = lo - gaps[i] - SCRATCH_SIZE;
			flags |= MAP_FIXED_NOREPLACE;
		}
		uint64_t args[6] = { hint, SCRATCH_SIZE, PROT_READ | PROT_EXEC, (uint64_t)flags,
				     (uint64_t)-1, 0 };
		if (inject_syscall(t->tid, stub, arch_sys_mmap, args, &addr, pending) < 0)
			return -1;
		if (addr > 0 && (hint == 0 || (taddr_t)addr == hint))
			break;
		addr = -1;
	}
	if (addr <= 0) /* -errno */
		return -1;
	*out = (struct scratch){ (taddr_t)addr, SCRATCH_SIZE, 0, out->next };
	return 0;
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
