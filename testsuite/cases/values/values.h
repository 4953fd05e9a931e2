/* The functions of libvalues, one per kind of value whose printed form the case checks. */
#ifndef VALUES_H
#define VALUES_H

#include <wchar.h>

struct nest { double x; struct { double y; } in; };
struct hexed { int n; const char *s; };

double v_double(double a, float b);
double v_nest(const struct nest *n);
float v_farr(const float *f);
int v_fmt(const char *fmt, ...);
int v_wc(wchar_t c);
int v_ws(const wchar_t *s);
int v_wfmt(const wchar_t *fmt, ...);
int v_hex(const unsigned *p, const int *q, const int *arr, const struct hexed *h);
void *v_addr(void *a, const int *p, void *b);
int v_enum(unsigned short a, unsigned b, signed char c, unsigned short d);

#endif
