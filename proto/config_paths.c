#include "proto/config_paths.h"

#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "common/xalloc.h"

void path_list_add(struct path_list *l, const char *path)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = xstrdup(path);
}

void path_list_free(struct path_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void add_joined(struct path_list *l, const char *dir, const char *rest)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_printf(&sb, "%s%s", dir, rest);
	path_list_add(l, strbuf_str(&sb));
	strbuf_free(&sb);
}

static bool nonempty(const char *s)
{
	return s != NULL && *s != '\0';
}

void config_lib_dirs(const struct config_env *env, const struct path_list *f_dirs,
		     struct path_list *out)
{
	for (size_t i = 0; f_dirs != NULL && i < f_dirs->n; i++)
		if (nonempty(f_dirs->v[i]))
			path_list_add(out, f_dirs->v[i]);
	if (nonempty(env->xdg_config_home))
		add_joined(out, env->xdg_config_home, "/ltrace");
	else if (nonempty(env->home))
		add_joined(out, env->home, "/.config/ltrace");
	if (nonempty(env->home))
		add_joined(out, env->home, "/.ltrace");
	if (nonempty(env->xdg_config_dirs)) {
		char *copy = xstrdup(env->xdg_config_dirs), *save = NULL;
		for (char *d = strtok_r(copy, ":", &save); d != NULL; d = strtok_r(NULL, ":", &save))
			add_joined(out, d, "/ltrace");
		free(copy);
	}
	if (nonempty(env->datadir))
		path_list_add(out, env->datadir);
}

void config_general_files(const struct config_env *env, struct path_list *out)
{
	if (nonempty(env->home))
		add_joined(out, env->home, "/.ltrace.conf");
	if (nonempty(env->sysconfdir))
		add_joined(out, env->sysconfdir, "/ltrace.conf");
	if (nonempty(env->datadir))
		add_joined(out, env->datadir, "/ltrace.conf");
}

void config_lib_keys(const char *soname, bool is_library, struct path_list *out)
{
	char *key = xstrdup(soname);

	path_list_add(out, key);
	while (is_library) {
		char *dot = strrchr(key, '.');
		if (dot == NULL || dot == key || strcmp(dot, ".so") == 0)
			break;
		*dot = '\0';
		path_list_add(out, key);
	}
	free(key);
}

char *config_expand_home(const struct config_env *env, const char *path)
{
	if (path[0] != '~' || (path[1] != '/' && path[1] != '\0') || !nonempty(env->home))
		return xstrdup(path);
	struct strbuf sb = STRBUF_INIT;
	strbuf_printf(&sb, "%s%s", env->home, path + 1);
	char *s = xstrdup(strbuf_str(&sb));
	strbuf_free(&sb);
	return s;
}
