/* The test library: plain C, no calls to other libraries. */
#include <stdarg.h>
#include <stddef.h>

#include "values.h"

double v_double(double a, float b) { return a + b; }
double v_nest(const struct nest *n) { return n->x + n->in.y; }
float v_farr(const float *f) { return f[0] + f[1] + f[2]; }

static int count_args(const wchar_t *wfmt, const char *fmt)
{
	int n = 0;

	for (; wfmt != NULL && *wfmt != 0; wfmt++)
		n += *wfmt == L'%';
	for (; fmt != NULL && *fmt != 0; fmt++)
		n += *fmt == '%';
	return n;
}

int v_fmt(const char *fmt, ...) { return count_args(NULL, fmt); }
int v_wc(wchar_t c) { return (int)c; }
int v_ws(const wchar_t *s) { size_t n = 0; while (s[n] != 0) n++; return (int)n; }
int v_wfmt(const wchar_t *fmt, ...) { return count_args(fmt, NULL); }

int v_hex(const unsigned *p, const int *q, const int *arr, const struct hexed *h)
{
	return (int)*p + *q + arr[0] + h->n;
}

void *v_addr(void *a, const int *p, void *b) { return a != NULL ? a : p != NULL ? (void *)p : NULL; }
int v_enum(unsigned short a, unsigned b, signed char c, unsigned short d) { return a + (int)b + c + d; }
