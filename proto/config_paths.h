/*
 * Where prototype files are looked for, as ltrace does it: a pure function of the
 * environment (struct config_env), so that the search order can be tested.
 *
 * Two kinds of files:
 *  - general files, whose prototypes apply to every function: the files named by -F,
 *    ~/.ltrace.conf, SYSCONFDIR/ltrace.conf and the installed ltrace.conf;
 *  - per-library files, SONAME.conf (libc.so.6.conf, then libc.so.conf), whose prototypes
 *    apply to the functions that library defines. They are looked for in -F's directories,
 *    $XDG_CONFIG_HOME/ltrace (or ~/.config/ltrace), ~/.ltrace, each $XDG_CONFIG_DIRS/ltrace
 *    and the installed data directory; the first file found is the library's.
 */
#ifndef LTRACE_CONFIG_PATHS_H
#define LTRACE_CONFIG_PATHS_H

#include <stdbool.h>
#include <stddef.h>

struct config_env {
	const char *home;            /* $HOME, or NULL */
	const char *xdg_config_home; /* $XDG_CONFIG_HOME, or NULL */
	const char *xdg_config_dirs; /* $XDG_CONFIG_DIRS (colon-separated), or NULL */
	const char *datadir;         /* the installed data directory (etc/ of the sources) */
	const char *sysconfdir;      /* where ltrace.conf is (/etc for Debian's ltrace) */
};

/* A list of paths; the strings and the array are owned by the list. */
struct path_list {
	char **v;
	size_t n;
};

void path_list_add(struct path_list *l, const char *path);
void path_list_free(struct path_list *l);

/* The directories searched for per-library files, first to last: the directories of
 * f_dirs (those -F named), then those the environment gives. Empty components are skipped. */
void config_lib_dirs(const struct config_env *env, const struct path_list *f_dirs,
		     struct path_list *out);

/* The general files other than -F's, highest precedence first: ~/.ltrace.conf,
 * SYSCONFDIR/ltrace.conf, DATADIR/ltrace.conf. */
void config_general_files(const struct config_env *env, struct path_list *out);

/*
 * The names tried, in order, for the per-library file of an object called soname:
 * "libc.so.6" gives "libc.so.6" then "libc.so" (a version suffix is dropped at a time,
 * never ".so" itself); an executable (is_library false) only its own name.
 */
void config_lib_keys(const char *soname, bool is_library, struct path_list *out);

/* "~/x" with the home directory for "~"; other paths as they are. Owned by the caller. */
char *config_expand_home(const struct config_env *env, const char *path);

#endif
