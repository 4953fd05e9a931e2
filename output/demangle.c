/* -C: demangling with the C++ runtime's __cxa_demangle, cached by mangled name. */
#include "output/demangle.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

/* The C++ ABI's demangler (declared extern "C" in <cxxabi.h>); from libstdc++. */
char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

struct demangled {
	char *mangled;
	char *plain; /* NULL: not demangled, show the name as it is */
};

static struct demangled *cache;
static size_t used, cap;

static size_t hash_name(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static struct demangled *slot_of(struct demangled *tab, size_t size, const char *name)
{
	size_t i = hash_name(name) & (size - 1);

	while (tab[i].mangled != NULL && strcmp(tab[i].mangled, name) != 0)
		i = (i + 1) & (size - 1);
	return &tab[i];
}

static void grow(void)
{
	size_t ncap = cap ? 2 * cap : 256;
	struct demangled *tab = xcalloc(ncap, sizeof(*tab));

	for (size_t i = 0; i < cap; i++)
		if (cache[i].mangled != NULL)
			*slot_of(tab, ncap, cache[i].mangled) = cache[i];
	free(cache);
	cache = tab;
	cap = ncap;
}

const char *demangle(const char *name)
{
	/* Only the Itanium ABI's "_Z" names are mangled; the rest are C names. */
	if (name == NULL || strncmp(name, "_Z", 2) != 0)
		return name;
	if (2 * (used + 1) > cap)
		grow();
	struct demangled *d = slot_of(cache, cap, name);
	if (d->mangled == NULL) {
		int status = -1;
		d->mangled = xstrdup(name);
		d->plain = __cxa_demangle(name, NULL, NULL, &status);
		if (status != 0) {
			free(d->plain);
			d->plain = NULL;
		}
		used++;
	}
	return d->plain != NULL ? d->plain : d->mangled;
}

void demangle_clear(void)
{
	for (size_t i = 0; i < cap; i++) {
		free(cache[i].mangled);
		free(cache[i].plain);
	}
	free(cache);
	cache = NULL;
	used = cap = 0;
}
