#include "breakpoints/scratch.h"

taddr_t scratch_alloc(struct scratch *s, size_t len)
{
	len = (len + 15) & ~(size_t)15;
	if (s->base == 0 || s->used + len > s->size)
		return 0;
	taddr_t at = s->base + s->used;
	s->used += len;
	return at;
}

int scratch_contains(const struct scratch *s, taddr_t addr)
{
	return s->base != 0 && addr >= s->base && addr < s->base + s->size;
}
