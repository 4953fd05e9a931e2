#include "proc/config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "common/xalloc.h"

static char **user_paths;
static size_t n_user_paths;

void config_add_user_paths(const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *p = strtok_r(copy, ":", &save); p != NULL; p = strtok_r(NULL, ":", &save)) {
		user_paths = xrealloc(user_paths, (n_user_paths + 1) * sizeof(*user_paths));
		user_paths[n_user_paths++] = xstrdup(p);
	}
	free(copy);
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A file named by the user: it must exist and parse. A directory: its *.conf files. */
static int load_user_path(struct proto_table *t, const char *path)
{
	if (!is_dir(path))
		return proto_table_load_file(t, path, stderr);
	DIR *d = opendir(path);
	int rc = 0;
	if (d == NULL)
		return -1;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".conf") != 0)
			continue;
		struct strbuf sb = STRBUF_INIT;
		strbuf_printf(&sb, "%s/%s", path, e->d_name);
		if (proto_table_load_file(t, strbuf_str(&sb), stderr) < 0)
			rc = -1;
		strbuf_free(&sb);
	}
	closedir(d);
	return rc;
}

/* A default file: loaded if it exists; its broken lines are reported and skipped. */
static void load_if_present(struct proto_table *t, const char *path)
{
	if (access(path, R_OK) == 0)
		proto_table_load_file(t, path, stderr);
}

struct proto_table *config_load(void)
{
	struct proto_table *t = proto_table_new();
	struct strbuf sb = STRBUF_INIT;

	/* The first definition of a name wins: -F first, then the user's, then ours. */
	for (size_t i = 0; i < n_user_paths; i++) {
		if (load_user_path(t, user_paths[i]) < 0) {
			fprintf(stderr, "ltrace: cannot use prototypes from %s\n", user_paths[i]);
			proto_table_free(t);
			t = NULL;
			break;
		}
	}
	for (size_t i = 0; i < n_user_paths; i++)
		free(user_paths[i]);
	free(user_paths);
	user_paths = NULL;
	n_user_paths = 0;
	if (t == NULL)
		return NULL;
	const char *home = getenv("HOME");
	if (home != NULL) {
		strbuf_printf(&sb, "%s/.ltrace.conf", home);
		load_if_present(t, strbuf_str(&sb));
	}
	const char *datadir = getenv("LTRACE_DATADIR");
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%s/ltrace.conf", datadir != NULL ? datadir : PKGDATADIR);
	load_if_present(t, strbuf_str(&sb));
	strbuf_free(&sb);
	return t;
}
