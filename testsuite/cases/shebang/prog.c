/* What the scripts finally run. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	size_t n = strlen(argv[0]);
	write(1, "prog\n", 5);
	return n > 0 ? 4 : 1;
}
