/* Functions named like words of ltrace.conf(5). */
#include <string.h>

int load(const char *name)
{
	return (int)strlen(name) * 85;
}

int import(int x)
{
	return x + 1;
}

int function(int x)
{
	return x * 2;
}

long typed(long x)
{
	return -x;
}
