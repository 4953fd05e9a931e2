/* The functions of conf-types-more (see its case file). */
#include <stdarg.h>
#include <stdio.h>

struct pair {
	int a, b;
};

struct big {
	long a, b, c;
};

int p_sum(const struct pair *p) { return p->a + p->b; }
int p_scale(const struct pair *p, int k) { return (p->a + p->b) * k; }
long p_bigsum(struct big b, int k) { return (b.a + b.b + b.c) * k; }

long p_bigmany(int a, int b, int c, int d, int e, int f, struct big g, int h)
{
	return a + b + c + d + e + f + g.a + g.b + g.c + h;
}

struct two {
	long a, b;
};

/* One integer register is left for a struct that needs two: all of it goes on the stack,
 * and g takes that register. */
long p_late(int a, int b, int c, int d, int e, struct two s, int g)
{
	return a + b + c + d + e + s.a + s.b + g;
}

/* %Lf: a long double, passed in memory. */
int p_fmt(const char *fmt, ...)
{
	va_list ap;
	char buf[64];

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return n;
}
