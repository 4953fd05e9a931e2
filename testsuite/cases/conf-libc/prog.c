/* Runs with libc.so.6 and libm.so.6, whose prototype files the case checks. */
#include <math.h>

int main(int argc, char **argv)
{
	(void)argv;
	return (int)floor(argc * 0.5);
}
