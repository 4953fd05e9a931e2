/* Counts the anonymous executable mappings of this process (no path, not [vdso]). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char maps[1 << 16];

int main(void)
{
	int fd, n = 0, count = 0;
	ssize_t got;
	char line[128];

	getppid(); /* marker */
	fd = open("/proc/self/maps", O_RDONLY);
	if (fd < 0)
		return 1;
	while ((got = read(fd, maps + n, sizeof(maps) - 1 - (size_t)n)) > 0)
		n += (int)got;
	close(fd);
	maps[n] = '\0';
	for (char *l = strtok(maps, "\n"); l != NULL; l = strtok(NULL, "\n")) {
		char perms[8] = "", path[256] = "";
		if (sscanf(l, "%*s %7s %*s %*s %*s %255s", perms, path) >= 1 &&
		    strchr(perms, 'x') != NULL && path[0] == '\0')
			count++;
	}
	n = snprintf(line, sizeof(line), "anon exec maps: %d\n", count);
	write(1, line, (size_t)n);
	return 0;
}
