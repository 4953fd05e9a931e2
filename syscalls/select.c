/* Which system calls -S shows: the -e rules whose library pattern is exactly @SYS. */
#include <stdlib.h>

#include "common/xalloc.h"
#include "filter/filter.h"
#include "syscalls/decode.h"

static bool *selected; /* by number; NULL: every call */
static bool all = true;

static const struct filter_object sys_object = { "SYS", "", false, true };

void sys_select_init(struct filter *const *e, size_t ne)
{
	bool any_rule = false;

	sys_select_free();
	for (size_t i = 0; i < ne; i++)
		any_rule = any_rule || filter_may_match_object(e[i], &sys_object);
	if (!any_rule)
		return;
	selected = xcalloc(sys_table_size, sizeof(*selected));
	all = true;
	for (size_t nr = 0; nr < sys_table_size; nr++) {
		const char *name = sys_table[nr].name;
		for (size_t i = 0; name != NULL && i < ne && !selected[nr]; i++)
			selected[nr] = filter_match(e[i], name, &sys_object);
		all = all && (selected[nr] || name == NULL);
	}
}

bool sys_selected(long nr)
{
	if (selected == NULL)
		return true;
	return nr >= 0 && (size_t)nr < sys_table_size && selected[nr];
}

bool sys_select_all(void)
{
	return all;
}

void sys_select_free(void)
{
	free(selected);
	selected = NULL;
	all = true;
}
