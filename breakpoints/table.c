/* The breakpoint table: open addressing on the address, looked up at every stop. */
#include <stdlib.h>
#include <string.h>

#include "breakpoints/breakpoint.h"
#include "common/xalloc.h"
#include "proc/memory.h"

struct bp_table {
	struct breakpoint **slots; /* power-of-two sized, NULL = empty */
	size_t cap, count;
};

static size_t hash(taddr_t a)
{
	a ^= a >> 33;
	a *= 0xff51afd7ed558ccdull;
	a ^= a >> 33;
	return (size_t)a;
}

static void bp_free(struct breakpoint *bp)
{
	if (bp != NULL)
		free(bp->callers);
	free(bp);
}

struct bp_callee *bp_caller_of(struct breakpoint *bp, taddr_t ret_addr)
{
	for (size_t i = 0; i < bp->ncallers; i++)
		if (ret_addr >= bp->callers[i].lo && ret_addr < bp->callers[i].hi)
			return &bp->callers[i];
	return NULL;
}

void bp_add_caller(struct breakpoint *bp, const struct bp_callee *c)
{
	for (size_t i = 0; i < bp->ncallers; i++) {
		if (bp->callers[i].lo == c->lo) {
			bp->callers[i] = *c;
			return;
		}
	}
	bp->callers = xrealloc(bp->callers, (bp->ncallers + 1) * sizeof(*bp->callers));
	bp->callers[bp->ncallers++] = *c;
}

struct bp_table *bp_table_new(void)
{
	struct bp_table *t = xcalloc(1, sizeof(*t));

	t->cap = 256;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	return t;
}

void bp_table_free(struct bp_table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->cap; i++)
		bp_free(t->slots[i]);
	free(t->slots);
	free(t);
}

struct breakpoint *bp_find(const struct bp_table *t, taddr_t addr)
{
	for (size_t i = hash(addr) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		struct breakpoint *bp = t->slots[i];
		if (bp == NULL || bp->addr == addr)
			return bp;
	}
}

static void insert(struct breakpoint **slots, size_t cap, struct breakpoint *bp)
{
	size_t i = hash(bp->addr) & (cap - 1);

	while (slots[i] != NULL)
		i = (i + 1) & (cap - 1);
	slots[i] = bp;
}

static void grow(struct bp_table *t)
{
	size_t cap = t->cap * 2;
	struct breakpoint **slots = xcalloc(cap, sizeof(*slots));

	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i] != NULL)
			insert(slots, cap, t->slots[i]);
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

struct breakpoint *bp_add(struct bp_table *t, taddr_t addr)
{
	struct breakpoint *bp = bp_find(t, addr);

	if (bp != NULL)
		return bp;
	if (2 * (t->count + 1) > t->cap)
		grow(t);
	bp = xcalloc(1, sizeof(*bp));
	bp->addr = addr;
	insert(t->slots, t->cap, bp);
	t->count++;
	return bp;
}

void bp_forget_range(struct bp_table *t, taddr_t lo, taddr_t hi)
{
	struct breakpoint **slots = xcalloc(t->cap, sizeof(*slots));

	for (size_t i = 0; i < t->cap; i++) {
		struct breakpoint *bp = t->slots[i];
		if (bp == NULL)
			continue;
		if (bp->addr >= lo && bp->addr < hi) {
			bp_free(bp);
			t->count--;
		} else {
			insert(slots, t->cap, bp);
		}
	}
	free(t->slots);
	t->slots = slots;
}

struct bp_table *bp_table_clone(const struct bp_table *t)
{
	struct bp_table *c = xcalloc(1, sizeof(*c));

	c->cap = t->cap;
	c->count = t->count;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	for (size_t i = 0; i < t->cap; i++) {
		if (t->slots[i] != NULL) {
			c->slots[i] = xmalloc(sizeof(**c->slots));
			*c->slots[i] = *t->slots[i];
			size_t n = t->slots[i]->ncallers;
			if (n > 0) {
				c->slots[i]->callers = xmalloc(n * sizeof(struct bp_callee));
				memcpy(c->slots[i]->callers, t->slots[i]->callers,
				       n * sizeof(struct bp_callee));
			}
		}
	}
	return c;
}

void bp_for_each(const struct bp_table *t, void (*fn)(struct breakpoint *, void *), void *arg)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i] != NULL)
			fn(t->slots[i], arg);
}

int bp_plant_patch(struct breakpoint *bp, pid_t pid, int mem_fd, const uint8_t *patch,
		   size_t len)
{
	if (len > sizeof(bp->orig) || mem_read(pid, bp->addr, bp->orig, len) != (ssize_t)len)
		return -1;
	bp->orig_len = (uint8_t)len;
	/* The breakpoint first: from then on no thread runs the bytes behind it. */
	if (mem_write(mem_fd, bp->addr, patch, ARCH_BREAKPOINT_SIZE) < 0)
		return -1;
	if (len > ARCH_BREAKPOINT_SIZE &&
	    mem_write(mem_fd, bp->addr + ARCH_BREAKPOINT_SIZE, patch + ARCH_BREAKPOINT_SIZE,
		      len - ARCH_BREAKPOINT_SIZE) < 0)
		return -1;
	return 0;
}

int bp_plant(struct breakpoint *bp, pid_t pid, int mem_fd)
{
	static const uint8_t insn[ARCH_BREAKPOINT_SIZE] = ARCH_BREAKPOINT;

	return bp_plant_patch(bp, pid, mem_fd, insn, sizeof(insn));
}

struct unplant_ctx {
	int mem_fd;
};

static void unplant_one(struct breakpoint *bp, void *arg)
{
	const struct unplant_ctx *c = arg;

	if (bp->orig_len == 0)
		return; /* never planted */
	/* The bytes behind the breakpoint first, the breakpoint last. */
	if (bp->orig_len > ARCH_BREAKPOINT_SIZE)
		mem_write(c->mem_fd, bp->addr + ARCH_BREAKPOINT_SIZE, bp->orig + ARCH_BREAKPOINT_SIZE,
			  bp->orig_len - ARCH_BREAKPOINT_SIZE);
	mem_write(c->mem_fd, bp->addr, bp->orig, ARCH_BREAKPOINT_SIZE);
}

void bp_unplant_all(const struct bp_table *t, int mem_fd)
{
	struct unplant_ctx c = { mem_fd };

	bp_for_each(t, unplant_one, &c);
}
