/* Calls xyz (an IFUNC of libpick.so), abc, and own (an IFUNC of the program). With an
 * argument, waits for the file "go" first (so that a tracer can attach). */
#include <stdio.h>
#include <unistd.h>

int xyz(int x);
int abc(int x);

static int own_impl(int x)
{
	return 10 * x;
}

static int (*resolve_own(void))(int)
{
	return own_impl;
}

int own(int x) __attribute__((ifunc("resolve_own")));

int main(int argc, char **argv)
{
	(void)argv;
	while (argc > 1 && access("go", F_OK) != 0)
		usleep(10000);
	int a = xyz(3);
	int b = abc(4);
	int c = own(5);
	printf("%d %d %d\n", a, b, c);
	return 0;
}
