/* Address to object and function: /proc/PID/maps per process, symbols per object. */
#include "output/symbolize.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "elf/symtab.h"

struct object {
	char *path;
	struct symtab *st; /* NULL: not readable */
	struct object *next;
};

struct mapping {
	taddr_t start, end, offset;
	struct object *obj;
};

struct maps {
	pid_t pid;
	struct mapping *m;
	size_t n;
	struct maps *next;
};

static struct object *objects;
static struct maps *all_maps;

static struct object *object_get(const char *path)
{
	struct object *o;

	for (o = objects; o != NULL; o = o->next)
		if (strcmp(o->path, path) == 0)
			return o;
	o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->st = symtab_open(path);
	o->next = objects;
	objects = o;
	return o;
}

static void maps_read(struct maps *mp)
{
	char file[64], line[4096];

	free(mp->m);
	mp->m = NULL;
	mp->n = 0;
	snprintf(file, sizeof(file), "/proc/%d/maps", (int)mp->pid);
	FILE *f = fopen(file, "re");
	if (f == NULL)
		return;
	size_t cap = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		uint64_t start, end, off;
		int path_at = 0;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %" SCNx64 " %*s %*s %n", &start, &end,
			   &off, &path_at) < 3 || path_at == 0 || line[path_at] != '/')
			continue;
		line[strcspn(line, "\n")] = '\0';
		if (mp->n == cap) {
			cap = cap ? 2 * cap : 32;
			mp->m = xrealloc(mp->m, cap * sizeof(*mp->m));
		}
		mp->m[mp->n++] = (struct mapping){ start, end, off, object_get(line + path_at) };
	}
	fclose(f);
}

static struct maps *maps_of(pid_t pid)
{
	struct maps *mp;

	for (mp = all_maps; mp != NULL; mp = mp->next)
		if (mp->pid == pid)
			return mp;
	mp = xcalloc(1, sizeof(*mp));
	mp->pid = pid;
	mp->next = all_maps;
	all_maps = mp;
	maps_read(mp);
	return mp;
}

static const struct mapping *find(const struct maps *mp, taddr_t addr)
{
	for (size_t i = 0; i < mp->n; i++)
		if (addr >= mp->m[i].start && addr < mp->m[i].end)
			return &mp->m[i];
	return NULL;
}

/* The mapping of addr in process pid, or NULL. */
static const struct mapping *mapping_of(pid_t pid, taddr_t addr)
{
	struct maps *mp = maps_of(pid);
	const struct mapping *m = find(mp, addr);

	if (m == NULL) { /* mapped since we last looked (dlopen)? */
		maps_read(mp);
		m = find(mp, addr);
	}
	return m;
}

const struct symtab *symbolize_object(pid_t pid, taddr_t addr, taddr_t *bias)
{
	const struct mapping *m = mapping_of(pid, addr);

	if (m == NULL || m->obj->st == NULL)
		return NULL;
	*bias = symtab_bias(m->obj->st, m->start, m->offset);
	return m->obj->st;
}

void symbolize(pid_t pid, taddr_t addr, struct addr_name *out)
{
	const struct mapping *m = mapping_of(pid, addr);

	*out = (struct addr_name){ NULL, 0, NULL, 0 };
	if (m == NULL)
		return;
	out->object = m->obj->path;
	out->object_start = m->start - m->offset;
	out->offset = addr - out->object_start;
	if (m->obj->st == NULL)
		return;
	taddr_t bias = symtab_bias(m->obj->st, m->start, m->offset);
	taddr_t sym_start;
	out->object_start = bias;
	out->offset = addr - bias;
	if (symtab_lookup(m->obj->st, addr - bias, &out->function, &sym_start))
		out->offset = addr - bias - sym_start;
}

void symbolize_forget(pid_t pid)
{
	for (struct maps **p = &all_maps; *p != NULL; p = &(*p)->next) {
		if ((*p)->pid == pid) {
			struct maps *mp = *p;
			*p = mp->next;
			free(mp->m);
			free(mp);
			return;
		}
	}
}

void symbolize_clear(void)
{
	while (all_maps != NULL)
		symbolize_forget(all_maps->pid);
	while (objects != NULL) {
		struct object *o = objects;
		objects = o->next;
		symtab_free(o->st);
		free(o->path);
		free(o);
	}
}
