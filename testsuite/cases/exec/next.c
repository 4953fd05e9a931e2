/* The program exec'd by prog: different calls, different exit status. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	size_t n = strlen(argv[1]);
	write(1, "second\n", 7);
	return argc == 2 && n == 3 ? 5 : 1;
}
