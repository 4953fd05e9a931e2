/* C library functions that etc/ltrace.conf does not describe: their prototypes come from
 * the C library's separate debug file (Debian's libc6-dbg). */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>

int main(void)
{
	int r = strverscmp("a1", "a10");
	strsignal(SIGINT);
	return r < 0 ? 0 : 1;
}
