/* The test library: plain C, no calls to other libraries. */
#include <stdarg.h>
#include <stddef.h>

#include "types.h"

int t_int(int a, int b) { return a - b; }
unsigned t_uint(unsigned a) { return a + 1; }
long t_long(long a) { return -a; }
unsigned long t_ulong(unsigned long a) { return a + 1; }
short t_short(short a) { return (short)-a; }
unsigned short t_ushort(unsigned short a) { return (unsigned short)(a + 1); }
char t_char(char c) { return (char)(c + 1); }
float t_float(float a, float b) { return a + b; }
double t_double(double a, int n, double b) { return a * n + b; }
void t_void(void) {}
void *t_addr(void *p) { return p; }
FILE *t_file(FILE *f) { return f; }
int t_deref(const int *p, const long *const *pp) { return *p + (int)**pp; }
char t_charp(const char *p) { return *p; }

unsigned long t_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n] != '\0')
		n++;
	return n;
}

int t_str3(const char *s) { return (int)t_strlen(s); }
int t_strarg(int n, const char *s) { return n + (s[0] != '\0'); }
int t_strold(const char *s, int n) { return n + (s[0] != '\0'); }
int t_strlens(const char *s, int n) { return n + (s[0] != '\0'); }
int t_strcharp(const char *s) { return (int)t_strlen(s); }
const char *t_nullstr(void) { return NULL; }

/* Consumes the arguments the way printf would and returns how many there were. */
static int walk(const char *fmt, va_list ap)
{
	int n = 0;

	for (const char *p = fmt; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		int l = 0;
		for (p++; *p == 'l' || *p == '.' || (*p >= '0' && *p <= '9'); p++)
			l += *p == 'l';
		switch (*p) {
		case 'd': case 'i': case 'u': case 'x': case 'c':
			if (l)
				(void)va_arg(ap, long);
			else
				(void)va_arg(ap, int);
			n++;
			break;
		case 's':
			(void)va_arg(ap, const char *);
			n++;
			break;
		case 'g': case 'f': case 'e':
			(void)va_arg(ap, double);
			n++;
			break;
		case '\0':
			return n;
		}
	}
	return n;
}

int t_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = walk(fmt, ap);
	va_end(ap);
	return n;
}

int t_log(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = walk(fmt, ap);
	va_end(ap);
	return level * 100 + n;
}

long t_sum3(const long *v) { return v[0] + v[1] + v[2]; }

int t_sumn(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

int t_sumz(const int *v)
{
	int s = 0;
	for (; *v != 0; v++)
		s += *v;
	return s;
}

int t_sumz2(const int *v) { return t_sumz(v); }

int t_fill(int max, int *out)
{
	int n = max < 3 ? max : 3;
	for (int i = 0; i < max; i++)
		out[i] = i < n ? i * i : -1;
	return n;
}

long t_vecsum(const struct vec *v) { return t_sumn(v->v, (int)v->n); }
long t_flexsum(const struct flex *f) { return t_sumn(f->v, (int)f->n); }
double t_point(const struct point *p) { return (p->x + p->y) * p->w; }
float t_label(const struct label *l) { return l->f * 2; }
int t_pairsum(struct pair p) { return p.a + p.b; }
struct pair t_mkpair(int a, int b) { struct pair p = { a, b }; return p; }
long t_widesum(struct wide w) { return w.lo + w.hi; }
struct wide t_mkwide(long lo, long hi) { struct wide w = { lo, hi }; return w; }
struct big t_mkbig(long a, long b) { struct big r = { a, b, a + b }; return r; }
struct mixed t_mkmixed(double d, long l) { struct mixed m = { d, l }; return m; }
float t_fpair(struct fpair p, float k) { return (p.x + p.y) * k; }
double t_mixed(struct mixed m, int k) { return (m.d + (double)m.l) * k; }

const char *t_color(int c)
{
	return c == 0 ? "red" : c == 5 ? "green" : c == 6 ? "blue" : "?";
}

short t_level(short l) { return (short)(l - 1); }
int t_hex(int a, unsigned long b, double d, short s) { return a + (int)b + (int)d + s; }
unsigned t_oct(unsigned a, int b) { return a | (unsigned)b; }
unsigned t_mode(unsigned m) { return m | 0111; }
int t_bool(int a, char b) { return a || b; }
unsigned t_bits(unsigned a, unsigned short b, const unsigned char *bytes)
{
	return a == 0xb8 && b == 0x102 ? ~(unsigned)(bytes[0] & 1) : 0;
}
int t_hide(int a, int b, int c) { return a + b + c; }
int t_hidden(const struct hidden *h) { return h->a + h->secret + h->b; }

long t_list(const struct node *n)
{
	long s = 0;
	for (; n != NULL; n = n->next)
		s += n->value;
	return s;
}

int t_dlist(const struct dnode *n)
{
	int k = 0;
	for (; n != NULL; n = n->next)
		k++;
	return k;
}

void t_getpoint(struct point *p)
{
	p->x = 3;
	p->y = -4;
	p->name = "filled";
	p->w = 0.5;
}

/* Like read(2) from a file holding "abc": writes more than it returns. */
long t_read(int fd, char *buf, unsigned long n)
{
	const char *src = "abcXYZ";
	(void)fd;
	for (unsigned long i = 0; i < 6 && i < n; i++)
		buf[i] = src[i];
	return n < 3 ? (long)n : 3;
}

/* Never looks at its pointers. */
int t_peek(const char *s, const struct point *p, const int *v, struct point *out)
{
	(void)s;
	(void)p;
	(void)v;
	(void)out;
	return 0;
}
