/* -c: a known number of calls of each function, some in a child process
   (counted with -f only).  The child writes first, then the parent.  Some calls
   never return: qsort, left by a longjmp from its comparison function; longjmp;
   _exit and exit. */
#include <setjmp.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static jmp_buf env;

static int leave(const void *a, const void *b)
{
	(void)a;
	(void)b;
	longjmp(env, 1);
}

int main(void)
{
	char *p = malloc(16);
	int two[2] = { 2, 1 };

	if (setjmp(env) == 0)
		qsort(two, 2, sizeof(two[0]), leave);

	free(p);
	write(1, "a", 1);
	write(1, "b", 1);
	pid_t c = fork();
	if (c == 0) {
		write(1, "c", 1);
		_exit(0);
	}
	waitpid(c, NULL, 0);
	write(1, "\n", 1);
	exit(0);
}
