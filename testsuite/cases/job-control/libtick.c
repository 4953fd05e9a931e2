#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int progress = -1;

/* Writes the process id to "pid" and opens "progress", where tick() writes. */
int start(void)
{
	FILE *f = fopen("pid.tmp", "w");

	progress = open("progress", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f == NULL || progress < 0)
		return -1;
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	return rename("pid.tmp", "pid");
}

/* Records that call number i was made (the file holds the count, 10 digits). */
long tick(long i)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%010ld\n", i + 1);
	pwrite(progress, buf, 11, 0);
	return i + 1;
}
