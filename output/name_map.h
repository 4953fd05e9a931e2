/*
 * A table from names to values of the caller's, for the tables printed at the end (-c,
 * --histogram): open addressing on the name, at most half full. The map owns its copies of
 * the names; the values are the caller's.
 */
#ifndef LTRACE_NAME_MAP_H
#define LTRACE_NAME_MAP_H

#include <stddef.h>

struct name_slot {
	char *name; /* NULL: a free slot */
	void *value;
};

struct name_map {
	struct name_slot *slots;
	size_t n, cap;
};

#define NAME_MAP_INIT { NULL, 0, 0 }

/* The slot of name; a new one (value NULL) if name was not there. Valid until the next
 * name_map_slot. */
struct name_slot *name_map_slot(struct name_map *m, const char *name);
/* Every used slot, in no order: an array of m->n pointers that the caller frees. */
struct name_slot **name_map_list(const struct name_map *m);
/* Forget every name; free_value (if not NULL) is called on each value. */
void name_map_clear(struct name_map *m, void (*free_value)(void *));

#endif
