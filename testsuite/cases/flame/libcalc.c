#include <time.h>

/* 300 us of wall time in each call, so that the times weigh. */
int inner_mul(int a, int b)
{
	struct timespec ts = { 0, 300000 };

	nanosleep(&ts, NULL);
	return a * b;
}

/* Calls inner_mul through the PLT: n nested calls. */
int outer_calc(int n)
{
	int s = 0;

	for (int i = 0; i < n; i++)
		s += inner_mul(i, i + 1);
	return s;
}
