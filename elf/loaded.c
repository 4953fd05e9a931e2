#include "elf/loaded.h"

#include <stdlib.h>

#include "common/xalloc.h"

const struct library *library_at(const struct library *libs, taddr_t addr)
{
	for (const struct library *l = libs; l != NULL; l = l->next)
		if (addr >= l->img->lo + l->bias && addr < l->img->hi + l->bias)
			return l;
	return NULL;
}

void libraries_free(struct library *libs)
{
	struct library *next;

	for (struct library *l = libs; l != NULL; l = next) {
		next = l->next;
		image_free(l->img);
		free(l);
	}
}

struct library *libraries_copy(const struct library *libs)
{
	struct library *head = NULL, **tail = &head;

	for (; libs != NULL; libs = libs->next) {
		struct library *c = xmalloc(sizeof(*c));
		*c = *libs;
		c->img = image_ref(libs->img);
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}
