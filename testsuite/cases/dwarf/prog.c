/* Calls each function of libshapes once; prints nothing. */
#include "shapes.h"

/* Not exported: traced with -x, its prototype from the executable's own DWARF. */
static long twice(const struct node *n, int k)
{
	return n->value * k;
}

int main(void)
{
	rect_t r = { 3, 4, "box", BLUE };
	struct node c = { 30, NULL }, b = { 20, &c }, a = { 10, &b };
	int v[3] = { 1, 2, 3 };

	add(2, -5);
	umul(7, 3000000000u);
	next_char('a');
	count_char("banana", 'a');
	area(&r);
	color_name(GREEN);
	scale(1.5, 2.25f);
	halve(5.0f);
	sum(v, 3);
	list_sum(&a);
	same(0);
	flags(1, -2, 65535, 4);
	first_of(2, 40, 50);
	nothing();
	twice(&c, 2);
	return 0;
}
