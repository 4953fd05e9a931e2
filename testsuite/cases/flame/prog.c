/* Traced calls nested two deep: outer_calc calls inner_mul (both in
   libcalc.so, through its PLT), 2 + 3 times; main calls inner_mul once
   itself.  With the argument "fork", a child calls outer_calc(1) first. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int inner_mul(int a, int b);
int outer_calc(int n);

int main(int argc, char **argv)
{
	char line[32];

	if (argc > 1 && strcmp(argv[1], "fork") == 0) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(outer_calc(1));
		waitpid(pid, NULL, 0);
	}
	int s = outer_calc(2) + outer_calc(3) + inner_mul(2, 3);
	int n = snprintf(line, sizeof(line), "%d\n", s);

	write(1, line, (size_t)n);
	return 0;
}
