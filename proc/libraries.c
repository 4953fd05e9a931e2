#include "proc/libraries.h"

#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "breakpoints/plan.h"
#include "common/xalloc.h"
#include "output/symbolize.h"
#include "tracee/memory.h"
#include "tracee/process.h"
#include "sysdeps/arch.h"

#define RT_CONSISTENT 0

/* struct r_debug and struct link_map, as the loader lays them out (LP64). */
#define R_MAP_OFF 8
#define R_STATE_OFF 24
#define LM_ADDR_OFF 0
#define LM_NAME_OFF 8
#define LM_NEXT_OFF 24

/* The path of the object mapped at start, from /proc/PID/maps. */
static char *mapped_path(pid_t pid, taddr_t start)
{
	char path[64], line[4096];
	char *found = NULL;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return NULL;
	while (found == NULL && fgets(line, sizeof(line), f) != NULL) {
		unsigned long lo;
		int name_at = 0;
		if (sscanf(line, "%lx-%*x %*s %*x %*s %*u %n", &lo, &name_at) < 1 || lo != start ||
		    name_at == 0 || line[name_at] != '/')
			continue;
		line[strcspn(line, "\n")] = '\0';
		found = xstrdup(line + name_at);
	}
	fclose(f);
	return found;
}

static struct library *add(struct process *p, struct image *img, taddr_t bias, taddr_t lm)
{
	struct library *lib = xcalloc(1, sizeof(*lib));

	lib->img = img;
	lib->bias = bias;
	lib->lm = lm;
	lib->seen = true;
	lib->planned = true;
	struct library **tail = &p->libs;
	while (*tail != NULL)
		tail = &(*tail)->next;
	*tail = lib;
	return lib;
}

/* Hook the dynamic loader mapped at base: a breakpoint on _dl_debug_state. */
static void hook_loader(struct thread *t, taddr_t base)
{
	struct process *p = t->proc;
	char *path = mapped_path(p->pid, base);
	const char *err;
	struct image *ld = path != NULL ? image_open(path, &err) : NULL;

	free(path);
	if (ld == NULL || ld->interp_debug_state == 0 || ld->interp_r_debug == 0) {
		image_free(ld);
		return;
	}
	p->r_debug = base + ld->interp_r_debug;
	plan_hook(t, base + ld->interp_debug_state);
	image_free(ld);
}

void libraries_start(struct thread *t, bool now)
{
	struct process *p = t->proc;
	struct library *main_lib = add(p, image_ref(p->exe), p->bias, 0);

	main_lib->is_main = true;
	main_lib->planned = false;
	taddr_t base = auxv_value(p->pid, AT_BASE);
	if (base != 0)
		hook_loader(t, base);
	if (now && p->r_debug != 0) {
		libraries_update(t); /* plans the executable too */
	} else {
		main_lib->planned = true;
		plan_object(t, main_lib);
	}
	if (now) {
		plan_direct_calls(t);
		plan_bound_ifuncs(t);
	}
	else if (main_lib->img->ndirect > 0 || base != 0)
		plan_start(t, p->exe->entry + p->bias);
}

static struct library *find_lm(struct library *libs, taddr_t lm)
{
	for (; libs != NULL; libs = libs->next)
		if (libs->lm == lm)
			return libs;
	return NULL;
}

/* A library the loader lists at link_map lm: read it (planned by the caller). */
static void add_listed(struct thread *t, taddr_t lm, taddr_t l_addr, taddr_t l_name)
{
	char name[4096];
	const char *err;
	ssize_t n = mem_read(t->proc->pid, l_name, name, sizeof(name) - 1);

	if (n <= 0)
		return;
	name[n] = '\0';
	if (name[0] == '\0')
		return; /* the executable */
	/* A relative name (an rpath of ".") is the tracee's, not ours: take the path of
	 * what is mapped at the load address instead. The vDSO has no file and is skipped. */
	char *mapped = name[0] == '/' ? NULL : mapped_path(t->proc->pid, l_addr);
	struct image *img = image_open(mapped != NULL ? mapped : name, &err);
	free(mapped);
	if (img == NULL)
		return;
	add(t->proc, img, l_addr, lm)->planned = false;
}

static void forget(struct process *p, struct library *lib)
{
	for (struct library **l = &p->libs; *l != NULL; l = &(*l)->next) {
		if (*l == lib) {
			*l = lib->next;
			break;
		}
	}
	bp_forget_range(p->bps, lib->img->lo + lib->bias, lib->img->hi + lib->bias);
	image_free(lib->img);
	free(lib);
}

void libraries_update(struct thread *t)
{
	struct process *p = process_vm(t->proc);
	int32_t state = -1;
	taddr_t lm = 0;

	if (p->r_debug == 0 ||
	    mem_read2(p->pid, p->r_debug + R_STATE_OFF, &state, sizeof(state),
		      p->r_debug + R_MAP_OFF, &lm, sizeof(lm)) < 0 ||
	    state != RT_CONSISTENT)
		return;
	bool changed = false;
	for (struct library *l = p->libs; l != NULL; l = l->next)
		l->seen = l->is_main;
	for (int guard = 0; lm != 0 && guard < 100000; guard++) {
		uint64_t e[4];
		if (mem_read(p->pid, lm, e, sizeof(e)) != (ssize_t)sizeof(e))
			break;
		struct library *known = find_lm(p->libs, lm);
		if (known != NULL) {
			known->seen = true;
		} else {
			add_listed(t, lm, e[LM_ADDR_OFF / 8], e[LM_NAME_OFF / 8]);
			changed = true;
		}
		lm = e[LM_NEXT_OFF / 8];
	}
	for (struct library *l = p->libs, *next; l != NULL; l = next) {
		next = l->next;
		if (!l->seen) {
			forget(p, l);
			changed = true;
		}
	}
	/* -w's names and unwind tables come from the maps: another object may now be where
	 * an unloaded one was. */
	if (changed)
		symbolize_forget(p->pid);
	/* Planned once all are known: -l looks at what the other libraries define. */
	plan_new_objects(t);
}
