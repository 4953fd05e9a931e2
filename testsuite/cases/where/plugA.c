/* reload: one of two plugins loaded one after the other at the same place; each calls
   abs() from a static function of its own (plugA_helper). */
#include <stdlib.h>

static int plugA_helper(int i)
{
	return abs(i - 5);
}

int run(int i)
{
	return plugA_helper(i) + 1;
}
