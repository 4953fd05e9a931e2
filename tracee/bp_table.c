/* The breakpoint table: open addressing on the address, looked up at every stop. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tracee/breakpoint.h"
#include "common/xalloc.h"
#include "tracee/memory.h"

/* A slot: the address a hit is reported at, and what it means. The key is bp->addr, or
 * for an alias (bp_alias) another address that also means bp. */
struct bp_slot {
	taddr_t key;
	struct breakpoint *bp; /* NULL = empty */
};

struct bp_table {
	struct bp_slot *slots; /* power-of-two sized */
	size_t cap, count;
};

static size_t hash(taddr_t a)
{
	a ^= a >> 33;
	a *= 0xff51afd7ed558ccdull;
	a ^= a >> 33;
	return (size_t)a;
}

static bool is_alias(const struct bp_slot *s)
{
	return s->key != s->bp->addr;
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

/* Empty the alias slots (pass NULL) or those of breakpoints in [lo, hi), every alias
 * before its breakpoint is freed. */
static void drop_aliases(struct bp_table *t, bool in_range, taddr_t lo, taddr_t hi)
{
	for (size_t i = 0; i < t->cap; i++) {
		struct bp_slot *s = &t->slots[i];
		if (s->bp != NULL && is_alias(s) &&
		    (!in_range || (s->bp->addr >= lo && s->bp->addr < hi))) {
			s->bp = NULL;
			t->count--;
		}
	}
}

void bp_table_free(struct bp_table *t)
{
	if (t == NULL)
		return;
	drop_aliases(t, false, 0, 0);
	for (size_t i = 0; i < t->cap; i++)
		bp_free(t->slots[i].bp);
	free(t->slots);
	free(t);
}

/* The slot holding key, or the empty one where it would go. */
static size_t slot_of(const struct bp_table *t, taddr_t key)
{
	size_t i = hash(key) & (t->cap - 1);

	while (t->slots[i].bp != NULL && t->slots[i].key != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

struct breakpoint *bp_find(const struct bp_table *t, taddr_t addr)
{
	return t->slots[slot_of(t, addr)].bp;
}

static void insert(struct bp_slot *slots, size_t cap, taddr_t key, struct breakpoint *bp)
{
	size_t i = hash(key) & (cap - 1);

	while (slots[i].bp != NULL)
		i = (i + 1) & (cap - 1);
	slots[i] = (struct bp_slot){ key, bp };
}

static void grow(struct bp_table *t)
{
	size_t cap = t->cap * 2;
	struct bp_slot *slots = xcalloc(cap, sizeof(*slots));

	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].bp != NULL)
			insert(slots, cap, t->slots[i].key, t->slots[i].bp);
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

static void add_slot(struct bp_table *t, taddr_t key, struct breakpoint *bp)
{
	if (2 * (t->count + 1) > t->cap)
		grow(t);
	insert(t->slots, t->cap, key, bp);
	t->count++;
}

struct breakpoint *bp_add(struct bp_table *t, taddr_t addr)
{
	struct breakpoint *bp = bp_find(t, addr);

	if (bp != NULL)
		return bp;
	bp = xcalloc(1, sizeof(*bp));
	bp->addr = addr;
	add_slot(t, addr, bp);
	return bp;
}

int bp_alias(struct bp_table *t, taddr_t key, struct breakpoint *bp)
{
	if (bp_find(t, key) != NULL)
		return -1;
	add_slot(t, key, bp);
	bp->trap = key;
	return 0;
}

/* Forget bp's entries for calls from [lo, hi) (an object unloaded). */
static void drop_callers(struct breakpoint *bp, taddr_t lo, taddr_t hi)
{
	size_t n = 0;

	for (size_t i = 0; i < bp->ncallers; i++)
		if (bp->callers[i].lo < lo || bp->callers[i].hi > hi)
			bp->callers[n++] = bp->callers[i];
	bp->ncallers = n;
}

void bp_forget_range(struct bp_table *t, taddr_t lo, taddr_t hi)
{
	struct bp_slot *slots = xcalloc(t->cap, sizeof(*slots));

	drop_aliases(t, true, lo, hi);
	for (size_t i = 0; i < t->cap; i++) {
		struct bp_slot *s = &t->slots[i];
		if (s->bp == NULL)
			continue;
		if (s->bp->addr >= lo && s->bp->addr < hi) {
			bp_free(s->bp);
			t->count--;
		} else {
			drop_callers(s->bp, lo, hi);
			insert(slots, t->cap, s->key, s->bp);
		}
	}
	free(t->slots);
	t->slots = slots;
}

static struct breakpoint *bp_copy(const struct breakpoint *from)
{
	struct breakpoint *bp = xmalloc(sizeof(*bp));

	*bp = *from;
	if (from->ncallers > 0) {
		bp->callers = xmalloc(from->ncallers * sizeof(struct bp_callee));
		memcpy(bp->callers, from->callers, from->ncallers * sizeof(struct bp_callee));
	}
	return bp;
}

struct bp_table *bp_table_clone(const struct bp_table *t)
{
	struct bp_table *c = xcalloc(1, sizeof(*c));

	c->cap = t->cap;
	c->count = t->count;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].bp != NULL && !is_alias(&t->slots[i]))
			c->slots[i] = (struct bp_slot){ t->slots[i].key, bp_copy(t->slots[i].bp) };
	/* An alias means the copy of its breakpoint, which sits in the same slot as the
	 * original (looked up in t: c is not complete yet, and probing stops at a gap). */
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].bp != NULL && is_alias(&t->slots[i]))
			c->slots[i] = (struct bp_slot){
				t->slots[i].key, c->slots[slot_of(t, t->slots[i].bp->addr)].bp
			};
	return c;
}

void bp_for_each(const struct bp_table *t, void (*fn)(struct breakpoint *, void *), void *arg)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].bp != NULL && !is_alias(&t->slots[i]))
			fn(t->slots[i].bp, arg);
}

static const uint8_t bp_insn[ARCH_BREAKPOINT_SIZE] = ARCH_BREAKPOINT;

/* Replace the bytes at addr with want (len of them) while the program runs. While
 * the bytes behind the first instruction change, a breakpoint stands in front of them: a
 * thread of the program that runs there meanwhile traps (and is sent on its way as at
 * any hit) instead of running half-written code. */
static int rewrite(int mem_fd, taddr_t addr, const uint8_t *want, size_t len)
{
	if (len <= ARCH_BREAKPOINT_SIZE)
		return mem_write(mem_fd, addr, want, len);
	if (mem_write(mem_fd, addr, bp_insn, ARCH_BREAKPOINT_SIZE) < 0 ||
	    mem_write(mem_fd, addr + ARCH_BREAKPOINT_SIZE, want + ARCH_BREAKPOINT_SIZE,
		      len - ARCH_BREAKPOINT_SIZE) < 0)
		return -1;
	if (memcmp(want, bp_insn, ARCH_BREAKPOINT_SIZE) == 0)
		return 0;
	return mem_write(mem_fd, addr, want, ARCH_BREAKPOINT_SIZE);
}

int bp_plant_patch(struct breakpoint *bp, pid_t pid, int mem_fd, const uint8_t *patch,
		   size_t len)
{
	if (len > sizeof(bp->orig) || mem_read(pid, bp->addr, bp->orig, len) != (ssize_t)len)
		return -1;
	bp->orig_len = (uint8_t)len;
	return rewrite(mem_fd, bp->addr, patch, len);
}

int bp_plant(struct breakpoint *bp, pid_t pid, int mem_fd)
{
	return bp_plant_patch(bp, pid, mem_fd, bp_insn, sizeof(bp_insn));
}

struct unplant_ctx {
	int mem_fd;
};

static void unplant_one(struct breakpoint *bp, void *arg)
{
	const struct unplant_ctx *c = arg;

	/* No thread runs there (see bp_unplant_all): one write. 0: never planted. */
	if (bp->orig_len != 0)
		mem_write(c->mem_fd, bp->addr, bp->orig, bp->orig_len);
}

void bp_unplant_all(const struct bp_table *t, int mem_fd)
{
	struct unplant_ctx c = { mem_fd };

	bp_for_each(t, unplant_one, &c);
}
