#include "proto/map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* The slot holding key, or the empty slot where it belongs. */
static struct map_entry *find(const struct map *m, const char *key)
{
	size_t i = hash(key) & (m->cap - 1);

	while (m->slots[i].key != NULL && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void grow(struct map *m)
{
	struct map old = *m;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key != NULL)
			proto_map_put(m, old.slots[i].key, old.slots[i].value);
	free(old.slots);
}

void proto_map_put(struct map *m, const char *key, void *value)
{
	if (2 * (m->n + 1) > m->cap)
		grow(m);
	struct map_entry *e = find(m, key);
	if (e->key == NULL)
		m->n++;
	e->key = key;
	e->value = value;
}

void *proto_map_get(const struct map *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	return find(m, key)->value;
}

void proto_map_free(struct map *m)
{
	free(m->slots);
	m->slots = NULL;
	m->n = m->cap = 0;
}
