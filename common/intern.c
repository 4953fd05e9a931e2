#include "common/intern.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

static char **slots; /* open addressing, power-of-two size */
static size_t cap, count;

static size_t hash(const char *s)
{
	size_t h = 14695981039346656037ull;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void put(char **v, size_t n, char *s)
{
	size_t i = hash(s) & (n - 1);

	while (v[i] != NULL)
		i = (i + 1) & (n - 1);
	v[i] = s;
}

const char *intern(const char *s)
{
	if (2 * (count + 1) > cap) {
		size_t ncap = cap ? 2 * cap : 256;
		char **nv = xcalloc(ncap, sizeof(*nv));
		for (size_t i = 0; i < cap; i++)
			if (slots[i] != NULL)
				put(nv, ncap, slots[i]);
		free(slots);
		slots = nv;
		cap = ncap;
	}
	size_t i = hash(s) & (cap - 1);
	for (; slots[i] != NULL; i = (i + 1) & (cap - 1))
		if (strcmp(slots[i], s) == 0)
			return slots[i];
	slots[i] = xstrdup(s);
	count++;
	return slots[i];
}

void intern_free_all(void)
{
	for (size_t i = 0; i < cap; i++)
		free(slots[i]);
	free(slots);
	slots = NULL;
	cap = count = 0;
}
