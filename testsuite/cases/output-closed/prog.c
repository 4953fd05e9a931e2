/* Calls tick() in a loop until the file "stop" appears, checking every result;
 * writes nothing to stdout in the loop (its stdout may be the closed pipe).
 * Prints "ok" at the end and exits 0 if every call returned what it should. */
#include <stdio.h>
#include <unistd.h>

int start(void);
long tick(long i);
int should_stop(void);

int main(void)
{
	int bad = 0;

	if (start() != 0)
		return 2;
	for (long i = 0; !should_stop(); i++) {
		if (tick(i) != i + 1)
			bad = 1;
		usleep(500);
	}
	printf("%s\n", bad ? "BAD" : "ok");
	return bad;
}
