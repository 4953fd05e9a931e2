/* A string-keyed hash map; keys and values are borrowed. */
#ifndef LTRACE_PROTO_MAP_H
#define LTRACE_PROTO_MAP_H

#include <stddef.h>

struct map_entry {
	const char *key;
	void *value;
};

struct map {
	struct map_entry *slots;
	size_t n;
	size_t cap; /* a power of two, or 0 */
};

#define MAP_INIT { NULL, 0, 0 }

/* Set key to value, replacing an earlier value. */
void proto_map_put(struct map *m, const char *key, void *value);
void *proto_map_get(const struct map *m, const char *key);
void proto_map_free(struct map *m);

#endif
