/* The qsort callback longjmps out of qsort back to main; qsort never
   returns, and the calls after it are traced as usual. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static jmp_buf env;

static int cmp(const void *a, const void *b)
{
	write(1, "in cmp\n", 7);
	longjmp(env, 7);
}

int main(void)
{
	int v[2] = { 2, 1 };
	int r = setjmp(env);

	if (r == 0) {
		qsort(v, 2, sizeof v[0], cmp);
		write(1, "not reached\n", 12);
		return 1;
	}
	write(1, "back\n", 5);
	char *p = malloc(4);
	strcpy(p, "abc");
	size_t n = strlen(p);
	free(p);
	return r == 7 && n == 3 ? 0 : 1;
}
