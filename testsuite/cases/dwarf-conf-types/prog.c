#include "node.h"

int main(void)
{
	struct point p = { 1, 2 };
	handle_t h = { 7, "seven", { 1, 2, 3, 4 } };

	point_sum(&p);
	point_make(3, 4);
	handle_id(&h);
	handle_tag(&h);
	return 0;
}
