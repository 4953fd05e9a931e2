/* Writes "ran" to stdout: a tracer that refuses its prototypes must not run it. */
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	write(1, "ran\n", 4);
	return atoi("3");
}
