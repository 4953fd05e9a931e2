/* Calls nested three deep: qsort, from its callback qsort again, from that
   one's callback write.  Two elements each, so one comparison each. */
#include <stdlib.h>
#include <unistd.h>

static int inner(const void *a, const void *b)
{
	write(1, "i\n", 2);
	return *(const int *)a - *(const int *)b;
}

static int outer(const void *a, const void *b)
{
	int v[2] = { 2, 1 };

	qsort(v, 2, sizeof v[0], inner);
	return *(const int *)a - *(const int *)b;
}

int main(void)
{
	int v[2] = { 2, 1 };

	qsort(v, 2, sizeof v[0], outer);
	return 0;
}
