/* A list of heap blocks freed together: the owner of a parse or a call frees its arena. */
#ifndef LTRACE_PROTO_ARENA_H
#define LTRACE_PROTO_ARENA_H

#include <stddef.h>

struct arena {
	void **blocks;
	size_t n;
	size_t cap;
};

#define ARENA_INIT { NULL, 0, 0 }

/* Zeroed memory that lives until proto_arena_free. */
void *proto_arena_alloc(struct arena *a, size_t size);
char *proto_arena_strndup(struct arena *a, const char *s, size_t n);
/* Grow an array allocated from the arena (old may be NULL); the old block is released. */
void *proto_arena_realloc(struct arena *a, void *old, size_t size);
void proto_arena_free(struct arena *a);

#endif
