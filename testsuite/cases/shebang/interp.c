/* Used as a script interpreter (`#!/path/to/interp'): the kernel runs it
   with the script's path as argv[1].  It then execs ./prog. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 1;
	write(1, argv[1], strlen(argv[1]));
	write(1, "\n", 1);
	execv("./prog", argv + 1);
	return 1;
}
