#include "tracee/scratch.h"

#include <stdbool.h>
#include <stdlib.h>

#include "sysdeps/arch.h"

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
	for (; s != NULL; s = s->next)
		if (s->base != 0 && addr >= s->base && addr < s->base + s->size)
			return 1;
	return 0;
}

static taddr_t distance(taddr_t a, taddr_t b)
{
	return a > b ? a - b : b - a;
}

static bool within_reach(taddr_t a, taddr_t b)
{
	return distance(a, b) < ARCH_SLOT_REACH;
}

int scratch_reaches(taddr_t base, size_t size, taddr_t addr)
{
	return within_reach(base, addr) && within_reach(base + size, addr);
}

struct scratch *scratch_near(struct scratch *s, taddr_t addr, size_t len)
{
	for (; s != NULL; s = s->next)
		if (s->base != 0 && s->used + len <= s->size && scratch_reaches(s->base, s->size, addr))
			return s;
	return NULL;
}

size_t scratch_holes(const struct vm_range *r, size_t n, taddr_t addr, size_t size,
		     taddr_t *out, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < n && max > 0; i++) {
		taddr_t below = i > 0 ? r[i - 1].hi : SCRATCH_GUARD; /* not at page 0 */
		taddr_t top = r[i].lo;
		if (r[i].stack || top < below || top - below < size + 2 * (taddr_t)SCRATCH_GUARD)
			continue;
		taddr_t at = (top - SCRATCH_GUARD - size) & ~(taddr_t)0xfff;
		if (at < below + SCRATCH_GUARD || !scratch_reaches(at, size, addr))
			continue;
		taddr_t d = distance(at, addr);
		if (k == max && distance(out[k - 1], addr) <= d)
			continue;
		size_t j = k < max ? k++ : k - 1; /* when full, the farthest goes */
		for (; j > 0 && distance(out[j - 1], addr) > d; j--)
			out[j] = out[j - 1];
		out[j] = at;
	}
	return k;
}

void scratch_copy(struct scratch *dst, const struct scratch *src)
{
	*dst = *src;
	for (struct scratch **tail = &dst->next; *tail != NULL; tail = &(*tail)->next) {
		struct scratch *m = malloc(sizeof(*m));
		if (m == NULL) { /* lose the extra areas rather than share them */
			*tail = NULL;
			return;
		}
		*m = **tail;
		*tail = m;
	}
}

void scratch_free_more(struct scratch *s)
{
	struct scratch *next;

	for (struct scratch *m = s->next; m != NULL; m = next) {
		next = m->next;
		free(m);
	}
	s->next = NULL;
}
