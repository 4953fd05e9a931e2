/* -u: prints who it runs as. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("%d %d\n", (int)getuid(), (int)getgid());
	return 0;
}
