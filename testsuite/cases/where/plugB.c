/* reload: one of two plugins loaded one after the other at the same place; each calls
   abs() from a static function of its own (plugB_helper). */
#include <stdlib.h>

static int plugB_helper(int i)
{
	return abs(i - 5);
}

int run(int i)
{
	return plugB_helper(i) + 1;
}
