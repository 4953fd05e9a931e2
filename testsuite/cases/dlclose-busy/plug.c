/* The plugin, built twice from this source: libplug.so (K=1) and libplug2.so (K=2).
 * Same code, same layout: the second one, mapped where the first one was, has its
 * functions, PLT stubs and return sites at the addresses the first one had. */
#include <string.h>

#ifndef K
#define K 1
#endif

int prog_hold(int x); /* the program's, called through this plugin's PLT */

static volatile int k = K; /* not folded into the code: the same code for any K */

int plug_run(int x)
{
	return prog_hold(x * k) + 1;
}

int plug_len(const char *s)
{
	return (int)strlen(s) * k;
}
