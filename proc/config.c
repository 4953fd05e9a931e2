#include "proc/config.h"

#include <dirent.h>
#include <stdbool.h>
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

/* Files already read (by real path): the same file named twice is read once. */
static char **loaded;
static size_t n_loaded;

static bool first_time(const char *path)
{
	char *real = realpath(path, NULL);

	if (real == NULL)
		return true;
	for (size_t i = 0; i < n_loaded; i++) {
		if (strcmp(loaded[i], real) == 0) {
			free(real);
			return false;
		}
	}
	loaded = xrealloc(loaded, (n_loaded + 1) * sizeof(*loaded));
	loaded[n_loaded++] = real;
	return true;
}

static int load_file(struct proto_table *t, const char *path)
{
	return first_time(path) ? proto_table_load_file(t, path, stderr) : 0;
}

/* A file named by the user: it must exist and parse. A directory: its *.conf files. */
static int load_user_path(struct proto_table *t, const char *path)
{
	if (!is_dir(path))
		return load_file(t, path);
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
		if (load_file(t, strbuf_str(&sb)) < 0)
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
		load_file(t, path);
}

static void forget_paths(void)
{
	for (size_t i = 0; i < n_user_paths; i++)
		free(user_paths[i]);
	free(user_paths);
	user_paths = NULL;
	n_user_paths = 0;
	for (size_t i = 0; i < n_loaded; i++)
		free(loaded[i]);
	free(loaded);
	loaded = NULL;
	n_loaded = 0;
}

struct proto_table *config_load(void)
{
	struct proto_table *t = proto_table_new();
	struct strbuf sb = STRBUF_INIT;

	/* A later definition of a name replaces an earlier one: read the installed files
	 * first, then the user's, then -F's. */
	/* The installed data, or (not installed: run from the build tree) the sources'. */
	const char *datadir = getenv("LTRACE_DATADIR");
	strbuf_printf(&sb, "%s/ltrace.conf", datadir != NULL ? datadir : PKGDATADIR);
	if (datadir == NULL && access(strbuf_str(&sb), R_OK) != 0) {
		strbuf_reset(&sb);
		strbuf_printf(&sb, "%s/ltrace.conf", SOURCE_DATADIR);
	}
	load_if_present(t, strbuf_str(&sb));
	const char *home = getenv("HOME");
	if (home != NULL) {
		strbuf_reset(&sb);
		strbuf_printf(&sb, "%s/.ltrace.conf", home);
		load_if_present(t, strbuf_str(&sb));
	}
	strbuf_free(&sb);
	for (size_t i = 0; i < n_user_paths; i++) {
		if (load_user_path(t, user_paths[i]) < 0) {
			fprintf(stderr, "ltrace: cannot use prototypes from %s\n", user_paths[i]);
			proto_table_free(t);
			t = NULL;
			break;
		}
	}
	forget_paths();
	return t;
}
