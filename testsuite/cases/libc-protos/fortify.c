/* Built with -O2 -D_FORTIFY_SOURCE=2: the calls become the checking variants
 * (__printf_chk, __snprintf_chk, __memcpy_chk, ...) that such programs really make.
 * Lengths and sources are known only at run time, so that the compiler keeps the
 * checks instead of proving them useless. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	char buf[16];
	const char *src = argc > 5 ? argv[1] : "abc";
	size_t n = (size_t)argc + 7;

	(void)argv;
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("%d-%d\n", argc, 2);
	fprintf(stdout, "[%s]\n", src);
	snprintf(buf, n, "%d", 42);
	sprintf(buf, "<%s>", src);
	memcpy(buf, src, n - 4);
	strcpy(buf, src);
	return (int)strlen(buf) - 3;
}
