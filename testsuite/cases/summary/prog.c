/* -c: a known number of calls of each function, some in a child process
   (counted with -f only).  The child writes first, then the parent. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char *p = malloc(16);

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
	return 0;
}
