/* What testsuite/cases/conf-types cannot check yet (see README). */
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
