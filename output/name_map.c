#include "output/name_map.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

static size_t hash_name(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static struct name_slot *find(struct name_slot *tab, size_t size, const char *name)
{
	size_t i = hash_name(name) & (size - 1);

	while (tab[i].name != NULL && strcmp(tab[i].name, name) != 0)
		i = (i + 1) & (size - 1);
	return &tab[i];
}

static void grow(struct name_map *m)
{
	size_t ncap = m->cap ? 2 * m->cap : 64;
	struct name_slot *tab = xcalloc(ncap, sizeof(*tab));

	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].name != NULL)
			*find(tab, ncap, m->slots[i].name) = m->slots[i];
	free(m->slots);
	m->slots = tab;
	m->cap = ncap;
}

struct name_slot *name_map_slot(struct name_map *m, const char *name)
{
	if (2 * (m->n + 1) > m->cap)
		grow(m);
	struct name_slot *s = find(m->slots, m->cap, name);
	if (s->name == NULL) {
		s->name = xstrdup(name);
		m->n++;
	}
	return s;
}

struct name_slot **name_map_list(const struct name_map *m)
{
	struct name_slot **list = xcalloc(m->n + 1, sizeof(*list));
	size_t k = 0;

	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].name != NULL)
			list[k++] = &m->slots[i];
	return list;
}

void name_map_clear(struct name_map *m, void (*free_value)(void *))
{
	for (size_t i = 0; i < m->cap; i++) {
		if (m->slots[i].name == NULL)
			continue;
		free(m->slots[i].name);
		if (free_value != NULL)
			free_value(m->slots[i].value);
	}
	free(m->slots);
	m->slots = NULL;
	m->n = m->cap = 0;
}
