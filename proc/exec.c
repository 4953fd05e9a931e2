/* Setting up a freshly exec'd image: executable, scratch area, PLT breakpoints. */
#include "proc/exec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "proc/inject.h"
#include "proc/memory.h"
#include "proc/session.h"

#define SCRATCH_SIZE (1u << 20)
#define AT_ENTRY_TAG 9

static taddr_t auxv_entry(pid_t pid)
{
	char path[64];
	uint64_t pair[2];
	taddr_t entry = 0;

	snprintf(path, sizeof(path), "/proc/%d/auxv", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	while (read(fd, pair, sizeof(pair)) == (ssize_t)sizeof(pair) && pair[0] != 0) {
		if (pair[0] == AT_ENTRY_TAG)
			entry = pair[1];
	}
	close(fd);
	return entry;
}

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
	struct image *img = image_open(link, &err);
	if (img != NULL) {
		free(img->path);
		img->path = strdup(path);
	}
	return img;
}

int image_load(struct process *p)
{
	process_reset_image(p);
	p->mem_fd = mem_open(p->pid);
	p->exe = read_executable(p->pid);
	if (p->mem_fd < 0 || p->exe == NULL)
		return -1;
	if (p->exe->relocatable)
		p->bias = auxv_entry(p->pid) - p->exe->entry;
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

/* Map the scratch area close to the executable (RIP-relative copies must reach it):
 * below its lowest segment, where nothing grows into it. */
static int map_scratch(struct thread *t, taddr_t at, int *pending)
{
	struct process *p = t->proc;
	taddr_t lo = (p->exe->lo + p->bias) & ~(taddr_t)0xfff;
	static const taddr_t gaps[] = { 1u << 20, 16u << 20, 256u << 20, 0 };
	uint8_t orig[16];

	if (arch_syscall_trap_size > sizeof(orig) ||
	    mem_read(p->pid, at, orig, arch_syscall_trap_size) != (ssize_t)arch_syscall_trap_size ||
	    mem_write(p->mem_fd, at, arch_syscall_trap, arch_syscall_trap_size) < 0)
		return -1;
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
		if (inject_syscall(t->tid, at, arch_sys_mmap, args, &addr, pending) < 0)
			break;
		if (addr > 0 && (hint == 0 || (taddr_t)addr == hint))
			break;
		addr = -1;
	}
	mem_write(p->mem_fd, at, orig, arch_syscall_trap_size);
	if (addr <= 0) /* -errno */
		return -1;
	p->scratch = (struct scratch){ (taddr_t)addr, SCRATCH_SIZE, 0 };
	/* The area starts with a syscall-then-trap stub, for later injections. */
	taddr_t stub = scratch_alloc(&p->scratch, arch_syscall_trap_size);
	return mem_write(p->mem_fd, stub, arch_syscall_trap, arch_syscall_trap_size);
}

static void plant_plt(struct process *p)
{
	for (size_t i = 0; i < p->exe->nplt; i++) {
		const struct plt_entry *e = &p->exe->plt[i];
		struct breakpoint *bp = bp_add(p->bps, e->addr + p->bias);
		bp->roles |= BP_ROLE_CALL;
		bp->resume = BP_RESUME_SLOT_JUMP;
		bp->slot = e->slot + p->bias;
		bp->name = e->name;
		bp->proto = proto_table_lookup(session.protos, e->name);
		if (bp_plant(bp, p->pid, p->mem_fd) < 0)
			fprintf(stderr, "ltrace: cannot plant a breakpoint at %s in %d: %s\n",
				e->name, (int)p->pid, strerror(errno));
	}
}

int image_arm(struct thread *t, taddr_t at, int *pending)
{
	int rc = map_scratch(t, at, pending); /* without it, calls show but not returns */

	plant_plt(t->proc);
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
	int rc = image_arm(t, at, &pending);
	if (pending != 0)
		tgkill(p->pid, t->tid, pending); /* keep signals that arrived meanwhile */
	return rc;
}
