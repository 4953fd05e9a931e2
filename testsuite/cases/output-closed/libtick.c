#include <stdio.h>
#include <unistd.h>

/* Writes the process id to the file "pid" (atomically). */
int start(void)
{
	FILE *f = fopen("pid.tmp", "w");

	if (f == NULL)
		return -1;
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	return rename("pid.tmp", "pid");
}

long tick(long i) { return i + 1; }

/* Whether the file "stop" exists. */
int should_stop(void) { return access("stop", F_OK) == 0; }
