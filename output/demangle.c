/* -C: demangling with the C++ runtime's __cxa_demangle, cached by mangled name. */
#include "output/demangle.h"

#include <stdlib.h>
#include <string.h>

#include "output/name_map.h"

/* The C++ ABI's demangler (declared extern "C" in <cxxabi.h>); from libstdc++. */
char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

/* Mangled names to their demangled form, or to the name itself when it is not one. */
static struct name_map cache = NAME_MAP_INIT;

const char *demangle(const char *name)
{
	/* Only the Itanium ABI's "_Z" names are mangled; the rest are C names. */
	if (name == NULL || strncmp(name, "_Z", 2) != 0)
		return name;
	struct name_slot *d = name_map_slot(&cache, name);
	if (d->value == NULL) {
		int status = -1;
		char *plain = __cxa_demangle(name, NULL, NULL, &status);
		if (status != 0) {
			free(plain);
			plain = NULL;
		}
		d->value = plain != NULL ? plain : d->name; /* the name itself: not demangled */
	}
	return d->value;
}

void demangle_clear(void)
{
	for (size_t i = 0; i < cache.cap; i++)
		if (cache.slots[i].name != NULL && cache.slots[i].value != cache.slots[i].name)
			free(cache.slots[i].value);
	name_map_clear(&cache, NULL);
}
