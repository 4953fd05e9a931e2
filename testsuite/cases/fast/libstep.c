#include <stddef.h>

#ifdef STEP_IFUNC
/* step as an IFUNC (variants ifunc, killifunc): the library is stripped, so the function
 * its resolver picks has no symbol; its size comes from the call frame information. */
static long step_impl(long v)
{
	return 2 * v + 1;
}

static long (*pick_step(void))(long)
{
	return step_impl;
}

long step(long v) __attribute__((ifunc("pick_step")));
#else
long step(long v)
{
	return 2 * v + 1;
}
#endif

/* Calls back into the program with n - 1 (recursion through a traced call). */
long down(long n, long (*back)(long))
{
	return n > 0 ? back(n - 1) + 1 : 0;
}

/* Writes "vN" into buf; returns its length. */
long fill(long v, char *buf)
{
	long n = 0;

	buf[n++] = 'v';
	if (v >= 10)
		buf[n++] = (char)('0' + v / 10 % 10);
	buf[n++] = (char)('0' + v % 10);
	buf[n] = '\0';
	return n;
}

struct node {
	long v;
	const char *name;
	struct node *next;
};

/* The sum of the values of a list. */
long walk(const struct node *n)
{
	long sum = 0;

	for (; n != NULL; n = n->next)
		sum += n->v;
	return sum;
}

/* "nameN" in a buffer of its own, which the caller may change. */
char *name_of(long v)
{
	static char buf[16];

	buf[0] = 'n';
	buf[1] = (char)('0' + v % 10);
	buf[2] = '\0';
	return buf;
}

/* The sum of 4 longs. */
long span(const long *v)
{
	return v[0] + v[1] + v[2] + v[3];
}
