/* The table: names and numbers. */
#include <string.h>

#include "syscalls/decode.h"

size_t sys_count(void)
{
	return sys_table_size;
}

const char *sys_name(long nr)
{
	if (nr < 0 || (size_t)nr >= sys_table_size)
		return NULL;
	return sys_table[nr].name;
}

long sys_number(const char *name)
{
	for (size_t i = 0; i < sys_table_size; i++)
		if (sys_table[i].name != NULL && strcmp(sys_table[i].name, name) == 0)
			return (long)i;
	return -1;
}

unsigned sys_nargs(long nr)
{
	return sys_name(nr) == NULL ? 6 : sys_table[nr].nargs;
}

bool sys_returns(long nr)
{
	return sys_name(nr) == NULL || sys_table[nr].ret != SR_NONE;
}
