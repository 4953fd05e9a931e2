/* write is described by libc.so.6.conf, atoi by ltrace.conf (both installed). */
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	write(1, "ran\n", 4);
	return atoi("3");
}
