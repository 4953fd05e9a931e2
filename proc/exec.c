/* Setting up a freshly exec'd image: executable, scratch area, PLT breakpoints. */
#include "proc/exec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <elf.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fast/fast.h"
#include "tracee/inject.h"
#include "proc/libraries.h"
#include "tracee/memory.h"
#include "tracee/scratch_map.h"
#include "session/session.h"

static struct image *read_executable(pid_t pid)
{
	char link[64], path[PATH_MAX];
	const char *err = NULL;

	snprintf(link, sizeof(link), "/proc/%d/exe", (int)pid);
	ssize_t n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	/* Open through /proc so that a replaced or deleted file still reads right. */
	return image_open_as(link, path, &err);
}

int image_load(struct process *p)
{
	process_reset_image(p);
	p->mem_fd = mem_open(p->pid);
	p->exe = read_executable(p->pid);
	if (p->mem_fd < 0 || p->exe == NULL)
		return -1;
	if (p->exe->relocatable)
		p->bias = auxv_value(p->pid, AT_ENTRY) - p->exe->entry;
	return 0;
}

int exec_begin(struct thread *t)
{
	static const uint8_t trap[ARCH_BREAKPOINT_SIZE] = ARCH_BREAKPOINT;
	struct process *p = t->proc;
	struct arch_regs regs;

	if (image_load(p) < 0 || arch_get_regs(t->tid, &regs) < 0)
		return -1;
	p->startup_trap = arch_pc(&regs);
	if (mem_read(p->pid, p->startup_trap, p->startup_orig, ARCH_BREAKPOINT_SIZE) !=
	    ARCH_BREAKPOINT_SIZE ||
	    mem_write(p->mem_fd, p->startup_trap, trap, sizeof(trap)) < 0) {
		p->startup_trap = 0;
		return -1;
	}
	return 0;
}

/* Map the first scratch area, below the executable, borrowing the code at `at` for the
 * mmap; the area starts with a syscall-then-trap stub for later mappings. */
static int map_first_scratch(struct thread *t, taddr_t at, int *pending)
{
	struct process *p = t->proc;
	struct code_loan loan;

	if (scratch_code_borrow(p, at, &loan) < 0)
		return -1;
	int rc = scratch_map(t, at, p->exe->lo + p->bias, &p->scratch, pending);
	scratch_code_return(p, &loan);
	if (rc < 0)
		return -1;
	taddr_t stub = scratch_alloc(&p->scratch, arch_syscall_trap_size);
	return mem_write(p->mem_fd, stub, arch_syscall_trap, arch_syscall_trap_size);
}

/* Nothing is planted when nothing can be selected (`-S -L`): no scratch area then, so
 * the program's own view of its mappings (/proc/self/maps) is the untraced one. */
int image_arm(struct thread *t, taddr_t at, bool loaded, int *pending)
{
	if (selection_is_empty(&session.select))
		return 0;
	int rc = map_first_scratch(t, at, pending); /* without it, no returns show */

	/* --fast: the agent, through the scratch area's syscall stub; without it, calls
	 * are caught by breakpoints as without --fast. */
	if (rc == 0 && session.fast && fast_inject(t, t->proc->scratch.base, pending) < 0)
		fprintf(stderr, "ltrace: %d: cannot put the --fast recorder in: calls are "
			"traced with breakpoints\n", (int)t->proc->pid);

	libraries_start(t, loaded);
	return rc;
}

int exec_finish(struct thread *t, struct arch_regs *regs)
{
	struct process *p = t->proc;
	int pending = 0;

	taddr_t at = p->startup_trap;
	p->startup_trap = 0;
	arch_set_pc(regs, at);
	if (mem_write(p->mem_fd, at, p->startup_orig, ARCH_BREAKPOINT_SIZE) < 0 ||
	    arch_set_regs(t->tid, regs) < 0)
		return -1;
	int rc = image_arm(t, at, false, &pending);
	if (pending != 0)
		tgkill(p->pid, t->tid, pending); /* keep signals that arrived meanwhile */
	return rc;
}
