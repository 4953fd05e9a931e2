/*
 * Structs passed and returned by value, by the x86-64 System V rules: a struct of up to 16
 * bytes travels in registers, eightbyte by eightbyte, each in an integer register unless
 * all it holds is float or double (then an xmm register), and goes to the stack whole when
 * the registers left do not suffice; a larger one is copied to the stack, and returned in
 * a buffer whose address the caller passes as a hidden first argument (rdi) and that comes
 * back in rax.
 */
#include <string.h>

#include "sysdeps/arch.h"

#define REGS_MAX 16 /* bytes of a struct passed in registers (<= ARCH_AGGREGATE_OUT) */

bool arch_hidden_return_arg(const struct arch_scalar *m, size_t n, size_t size)
{
	(void)m;
	(void)n;
	return size > REGS_MAX;
}

static void put_word(unsigned char *out, size_t size, size_t k, uint64_t w)
{
	for (size_t i = 0; i < 8 && 8 * k + i < size; i++)
		out[8 * k + i] = (unsigned char)(w >> (8 * i));
}

int arch_fetch_aggregate(struct arg_cursor *cur, const struct arch_scalar *m, size_t n,
			 size_t size, bool ret, unsigned char *out, taddr_t *at)
{
	const struct arg_cursor_ops *ops = cur->ops;

	if (size > REGS_MAX) {
		/* Takes no register: an argument is read where its copy is on the stack, a
		 * return value where rax points (the caller's buffer). */
		if (ret)
			*at = ops->next_int(cur->ctx);
		else
			*at = ops->stack_area != NULL ? ops->stack_area(cur->ctx, size) : 0;
		return *at != 0 ? 1 : -1;
	}
	bool integer[2] = { false, false };
	for (size_t i = 0; i < n; i++)
		if (!m[i].fp && m[i].off < REGS_MAX)
			integer[m[i].off / 8] = true;
	unsigned words = (unsigned)((size + 7) / 8), nint = 0;
	for (unsigned k = 0; k < words; k++)
		nint += integer[k];
	if (!ret && ops->regs_free != NULL && ops->stack_area != NULL &&
	    !ops->regs_free(cur->ctx, nint, words - nint)) {
		/* Not enough registers left for all of it: it goes whole to the stack. */
		*at = ops->stack_area(cur->ctx, size);
		return 1;
	}
	for (unsigned k = 0; k < words; k++) {
		if (integer[k]) {
			put_word(out, size, k, ops->next_int(cur->ctx));
		} else {
			double d = ops->next_double(cur->ctx);
			uint64_t w;
			memcpy(&w, &d, sizeof(w));
			put_word(out, size, k, w);
		}
	}
	return 0;
}
