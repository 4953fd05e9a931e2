#include "filter/filter.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "filter/rule.h"

void filter_add_rule(struct filter *f, const struct filter_rule *r)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 4;
		f->rules = xrealloc(f->rules, f->cap * sizeof *f->rules);
	}
	f->rules[f->n++] = *r;
}

void filter_free(struct filter *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n; i++) {
		filter_pattern_fini(&f->rules[i].sym);
		filter_pattern_fini(&f->rules[i].lib);
	}
	free(f->rules);
	free(f);
}

static bool lib_matches(const struct filter_rule *r, const struct filter_object *obj)
{
	if ((r->lib_kind == FLIB_SYS) != obj->is_sys)
		return false;
	switch (r->lib_kind) {
	case FLIB_MAIN:
		return obj->is_main;
	case FLIB_PATH:
		return filter_pattern_match(&r->lib, obj->path);
	case FLIB_SONAME:
	default:
		return filter_pattern_match(&r->lib, obj->soname);
	}
}

bool filter_selects_functions(const struct filter *f)
{
	for (size_t i = 0; f != NULL && i < f->n; i++)
		if (f->rules[i].add && f->rules[i].lib_kind != FLIB_SYS)
			return true;
	return false;
}

static const struct filter_object no_object = { "", "", false, false };

bool filter_match(const struct filter *f, const char *symbol, const struct filter_object *obj)
{
	bool marked = false;

	if (f == NULL)
		return false;
	if (obj == NULL)
		obj = &no_object;
	for (size_t i = 0; i < f->n; i++) {
		const struct filter_rule *r = &f->rules[i];
		if (r->add == marked)
			continue; /* could not change anything */
		if (lib_matches(r, obj) && filter_pattern_match(&r->sym, symbol))
			marked = r->add;
	}
	return marked;
}

bool filter_may_match_object(const struct filter *f, const struct filter_object *obj)
{
	if (f == NULL)
		return false;
	if (obj == NULL)
		obj = &no_object;
	for (size_t i = 0; i < f->n; i++)
		if (f->rules[i].add && lib_matches(&f->rules[i], obj))
			return true;
	return false;
}
