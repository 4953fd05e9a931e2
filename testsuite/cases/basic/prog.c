/* The simplest trace: a few libc calls from the main executable. */
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *p = malloc(10);

	if (p == NULL)
		return 1;
	p[0] = 'h';
	p[1] = 'i';
	p[2] = '\0';
	size_t n = strlen(p);
	free(p);
	return n == 2 ? 0 : 1;
}

/* The stripped variant's only function symbol (exported, after main): far from _start. */
__attribute__((visibility("default"))) int zz_late(int x)
{
	return x + 1;
}
