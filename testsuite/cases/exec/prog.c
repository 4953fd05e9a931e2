/* A program that replaces itself with another one: the new image's calls
   are traced after the exec. */
#include <unistd.h>

int main(void)
{
	write(1, "first\n", 6);
	execl("./next", "next", "arg", (char *)0);
	write(1, "exec failed\n", 12);
	return 1;
}
