#include "proto/arena.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

static void remember(struct arena *a, void *p)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->blocks = xrealloc(a->blocks, a->cap * sizeof(*a->blocks));
	}
	a->blocks[a->n++] = p;
}

void *proto_arena_alloc(struct arena *a, size_t size)
{
	void *p = xcalloc(1, size);

	remember(a, p);
	return p;
}

char *proto_arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = proto_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	return p;
}

void *proto_arena_realloc(struct arena *a, void *old, size_t size)
{
	if (old == NULL)
		return proto_arena_alloc(a, size);
	for (size_t i = a->n; i-- > 0;) {
		if (a->blocks[i] == old) {
			a->blocks[i] = xrealloc(old, size);
			return a->blocks[i];
		}
	}
	return NULL; /* not ours: a caller bug, reported as no memory */
}

void proto_arena_free(struct arena *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->blocks[i]);
	free(a->blocks);
	a->blocks = NULL;
	a->n = a->cap = 0;
}
