/*
 * Structs passed and returned by value, by the AAPCS64 rules: a homogeneous floating-point
 * aggregate (one to four members, all float or all double) travels one member per v
 * register; any other struct of up to 16 bytes in one or two x registers, its bytes as
 * they are in memory. When the registers left do not suffice, it goes whole to the stack
 * (and its class takes no register any more). A larger struct is passed by reference: the
 * caller's copy, whose address takes an x register (or a stack slot); one returned goes to
 * the buffer whose address the caller passes in x8, not an argument.
 */
#include <string.h>

#include "sysdeps/arch.h"

#define REGS_MAX 16 /* bytes of a non-HFA struct passed in registers */

/* The number of members of a homogeneous floating-point aggregate (0: not one), and
 * their size. */
static size_t hfa_members(const struct arch_scalar *m, size_t n, size_t size, size_t *msize)
{
	if (n == 0 || n > 4 || !m[0].fp || (m[0].size != 4 && m[0].size != 8))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!m[i].fp || m[i].size != m[0].size || m[i].off != i * m[0].size)
			return 0;
	if (size != n * m[0].size)
		return 0;
	*msize = m[0].size;
	return n;
}

bool arch_hidden_return_arg(const struct arch_scalar *m, size_t n, size_t size)
{
	(void)m;
	(void)n;
	(void)size;
	return false; /* x8 is no argument register */
}

static void put_word(unsigned char *out, size_t size, size_t k, uint64_t w)
{
	for (size_t i = 0; i < 8 && 8 * k + i < size; i++)
		out[8 * k + i] = (unsigned char)(w >> (8 * i));
}

/* Whether the struct goes to the stack whole, for want of registers (*at set). */
static bool to_stack(struct arg_cursor *cur, bool ret, unsigned nint, unsigned nfp,
		     size_t size, taddr_t *at)
{
	const struct arg_cursor_ops *ops = cur->ops;

	if (ret || ops->regs_free == NULL || ops->stack_area == NULL ||
	    ops->regs_free(cur->ctx, nint, nfp))
		return false;
	*at = ops->stack_area(cur->ctx, size);
	return true;
}

int arch_fetch_aggregate(struct arg_cursor *cur, const struct arch_scalar *m, size_t n,
			 size_t size, bool ret, unsigned char *out, taddr_t *at)
{
	const struct arg_cursor_ops *ops = cur->ops;
	size_t msize = 0, k = hfa_members(m, n, size, &msize);

	if (k > 0) {
		if (to_stack(cur, ret, 0, (unsigned)k, size, at))
			return 1;
		for (size_t i = 0; i < k; i++) {
			if (msize == 4) {
				float f = ops->next_float(cur->ctx);
				memcpy(out + m[i].off, &f, sizeof(f));
			} else {
				double d = ops->next_double(cur->ctx);
				memcpy(out + m[i].off, &d, sizeof(d));
			}
		}
		return 0;
	}
	if (size > REGS_MAX) {
		if (ret)
			*at = ops->stack_area != NULL ? ops->stack_area(cur->ctx, size) : 0;
		else
			*at = ops->next_int(cur->ctx); /* the address of the caller's copy */
		return *at != 0 ? 1 : -1;
	}
	unsigned words = (unsigned)((size + 7) / 8);
	if (to_stack(cur, ret, words, 0, size, at))
		return 1;
	for (unsigned w = 0; w < words; w++)
		put_word(out, size, w, ops->next_int(cur->ctx));
	return 0;
}
