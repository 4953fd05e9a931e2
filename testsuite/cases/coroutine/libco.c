#include <ucontext.h>

long step(long v)
{
	return 2 * v + 1;
}

/* Switches from *from to *to inside this call: it returns when *from is resumed. */
long switch_in(ucontext_t *from, ucontext_t *to, long v)
{
	swapcontext(from, to);
	return v + 100;
}
