#include <stdarg.h>

#include "shapes.h"

int add(int a, int b) { return a + b; }
count_t umul(count_t a, unsigned b) { return a * b; }
char next_char(char c) { return (char)(c + 1); }

size_t count_char(const char *s, char c)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

long area(const rect_t *r) { return (long)r->w * r->h; }

const char *color_name(enum color c)
{
	return c == RED ? "red" : c == GREEN ? "green" : "blue";
}

double scale(double a, float b) { return a * b; }
float halve(float x) { return x / 2; }

int sum(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

long list_sum(const struct node *n)
{
	long s = 0;
	for (; n != NULL; n = n->next)
		s += n->value;
	return s;
}

void *same(void *p) { return p; }

int flags(_Bool on, short s, unsigned short us, unsigned long ul)
{
	return on + s + us + (int)ul;
}

int first_of(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int v = n > 0 ? va_arg(ap, int) : -1;
	va_end(ap);
	return v;
}

void nothing(void) {}
