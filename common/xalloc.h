/* Allocation that cannot fail: out of memory is a fatal start-up-style error (one line, exit 1). */
#ifndef LTRACE_XALLOC_H
#define LTRACE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
