/* Built with -g: its DWARF gives the prototypes, with the conf files' type names. */
#include "node.h"

int point_sum(const struct point *p)
{
	return p->x + p->y;
}

struct point point_make(int x, int y)
{
	struct point p = { x, y };
	return p;
}

int handle_id(handle_t *h)
{
	return h->id;
}

int handle_tag(struct handle *h)
{
	return h->id + 1;
}
