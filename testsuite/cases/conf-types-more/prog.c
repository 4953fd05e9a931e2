/* Calls each function of libpend once; exit status 1 if one returns a wrong value. */
struct pair {
	int a, b;
};

struct big {
	long a, b, c;
};

int p_sum(const struct pair *p);
int p_scale(const struct pair *p, int k);
long p_bigsum(struct big b, int k);
long p_bigmany(int a, int b, int c, int d, int e, int f, struct big g, int h);
struct two {
	long a, b;
};
long p_late(int a, int b, int c, int d, int e, struct two s, int g);
int p_fmt(const char *fmt, ...);

int main(void)
{
	struct pair p = { 3, 4 };
	struct big b = { 1, 2, 3 }, g = { 7, 8, 9 };
	int bad = 0;

	bad |= p_sum(&p) != 7;
	bad |= p_scale(&p, 2) != 14;
	bad |= p_bigsum(b, 4) != 24;
	bad |= p_bigmany(1, 2, 3, 4, 5, 6, g, 10) != 55;
	struct two t = { 100, 200 };
	bad |= p_late(1, 2, 3, 4, 5, t, 7) != 322;
	bad |= p_fmt("%Lf %d %g", (long double)2.5, 7, 0.5) != 14;
	return bad;
}
