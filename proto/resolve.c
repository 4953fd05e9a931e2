#include "proto/resolve.h"

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "proto/config_paths.h"
#include "elf/loaded.h"
#include "proto/dwarf.h"

/* -F's paths, in the order given (with "~" expanded at config_load). */
static struct path_list user_paths;

static struct proto_table *user;    /* -F's files: a later one wins */
static struct proto_table *general; /* ~/.ltrace.conf, SYSCONFDIR's, the installed one */
static struct path_list lib_dirs;   /* where SONAME.conf files are looked for */

/* Per-library files, by real path, each parsed once; t NULL if it could not be read. */
struct lib_file {
	char *path;
	struct proto_table *t;
};
static struct lib_file *files;
static size_t nfiles;

/* The per-library table of each object name asked for (t NULL: it has none). */
struct lib_conf {
	char *soname;
	struct proto_table *t;
};
static struct lib_conf *confs;
static size_t nconfs;

/* The DWARF of each object asked for, by path (d NULL: it has none). */
struct dwarf_entry {
	char *path;
	struct dwarf_protos *d;
};
static struct dwarf_entry *dwarfs;
static size_t ndwarfs;

void config_add_user_paths(const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *p = strtok_r(copy, ":", &save); p != NULL; p = strtok_r(NULL, ":", &save))
		path_list_add(&user_paths, p);
	free(copy);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The first readable DIR/file among the directories searched for per-library files: its
 * path left in sb. */
static bool find_in_lib_dirs(const char *file, struct strbuf *sb)
{
	for (size_t d = 0; d < lib_dirs.n; d++) {
		strbuf_reset(sb);
		strbuf_printf(sb, "%s/%s", lib_dirs.v[d], file);
		if (access(strbuf_str(sb), R_OK) == 0)
			return true;
	}
	return false;
}

/* `import "NAME";`: NAME.conf next to the importing file, else in the directories
 * searched for per-library files. */
static char *resolve_import(const char *name, const char *from, void *ctx)
{
	(void)ctx;
	size_t n = strlen(name);
	const char *ext = n > 5 && strcmp(name + n - 5, ".conf") == 0 ? "" : ".conf";
	const char *slash = from != NULL ? strrchr(from, '/') : NULL;
	struct strbuf file = STRBUF_INIT, sb = STRBUF_INIT;

	strbuf_printf(&file, "%s%s", name, ext);
	/* Next to the importing file (in the current directory for one named without). */
	if (from != NULL)
		strbuf_printf(&sb, "%.*s%s", slash != NULL ? (int)(slash - from + 1) : 0, from,
			      strbuf_str(&file));
	bool found = (sb.len > 0 && access(strbuf_str(&sb), R_OK) == 0) ||
		     find_in_lib_dirs(strbuf_str(&file), &sb);
	char *path = found ? realpath(strbuf_str(&sb), NULL) : NULL;
	strbuf_free(&file);
	strbuf_free(&sb);
	return path;
}

/* What is wrong with a prototype file goes into the trace, a line each, as ltrace writes
 * it there ("FILE:LINE: error: ..."): read into a memory stream, then passed on. */
static void (*report_line)(const char *line); /* config_load's */

static void report_lines(char *text)
{
	char *save = NULL;

	for (char *line = strtok_r(text, "\n", &save); line != NULL && report_line != NULL;
	     line = strtok_r(NULL, "\n", &save))
		report_line(line);
}

/* Read path into t; its broken lines are reported and skipped. -1: it could not be read
 * or had errors. */
static int load_reported(struct proto_table *t, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&text, &len);
	int rc = proto_table_load_file(t, path, err != NULL ? err : stderr);

	if (err != NULL && fclose(err) == 0 && text != NULL)
		report_lines(text);
	free(text);
	return rc;
}

static struct proto_table *new_table(void)
{
	struct proto_table *t = proto_table_new();

	proto_table_set_import_resolver(t, resolve_import, NULL);
	return t;
}

/* The table of a per-library file, read the first time (its bad lines reported and
 * skipped); NULL if the file cannot be read. */
static struct lib_file *lib_file(const char *path)
{
	char *real = realpath(path, NULL);

	if (real == NULL)
		return NULL;
	for (size_t i = 0; i < nfiles; i++) {
		if (strcmp(files[i].path, real) == 0) {
			free(real);
			return &files[i];
		}
	}
	files = xrealloc(files, (nfiles + 1) * sizeof(*files));
	struct lib_file *f = &files[nfiles++];
	f->path = real;
	f->t = new_table();
	load_reported(f->t, real);
	return f;
}

/* The table for an object named soname: the first SONAME.conf (then shorter names) found
 * in the search directories. Looked for once per name. */
static struct proto_table *lib_table(const char *soname, bool is_library)
{
	for (size_t i = 0; i < nconfs; i++)
		if (strcmp(confs[i].soname, soname) == 0)
			return confs[i].t;
	struct path_list keys = { NULL, 0 };
	struct proto_table *t = NULL;
	config_lib_keys(soname, is_library, &keys);
	for (size_t k = 0; k < keys.n && t == NULL; k++) {
		struct strbuf file = STRBUF_INIT, sb = STRBUF_INIT;
		strbuf_printf(&file, "%s.conf", keys.v[k]);
		struct lib_file *f = find_in_lib_dirs(strbuf_str(&file), &sb) ? lib_file(strbuf_str(&sb))
									  : NULL;
		t = f != NULL ? f->t : NULL;
		strbuf_free(&file);
		strbuf_free(&sb);
	}
	path_list_free(&keys);
	confs = xrealloc(confs, (nconfs + 1) * sizeof(*confs));
	confs[nconfs].soname = xstrdup(soname);
	confs[nconfs++].t = t;
	return t;
}

/* A type name of the prototype files, for a library's DWARF (ctx: the library's table,
 * or NULL): as for prototypes, -F's files first, then the library's own, then the
 * general files. */
static const struct type *conf_type(const char *name, void *ctx)
{
	const struct type *t = user != NULL ? proto_table_type(user, name) : NULL;

	if (t == NULL && ctx != NULL)
		t = proto_table_type(ctx, name);
	if (t == NULL && general != NULL)
		t = proto_table_type(general, name);
	return t;
}

static struct dwarf_protos *dwarf_of(const struct library *lib)
{
	const char *path = lib->img->path;

	for (size_t i = 0; i < ndwarfs; i++)
		if (strcmp(dwarfs[i].path, path) == 0)
			return dwarfs[i].d;
	dwarfs = xrealloc(dwarfs, (ndwarfs + 1) * sizeof(*dwarfs));
	dwarfs[ndwarfs].path = xstrdup(path);
	struct dwarf_protos *d = dwarf_protos_open(path, getenv("LTRACE_DEBUG_DIR"));
	if (d != NULL)
		dwarf_protos_set_types(d, conf_type, lib_table(lib->img->soname, !lib->is_main));
	dwarfs[ndwarfs].d = d;
	return dwarfs[ndwarfs++].d;
}

static void environment(struct config_env *env)
{
	env->home = getenv("HOME");
	if (env->home == NULL) {
		struct passwd *pw = getpwuid(getuid());
		env->home = pw != NULL ? pw->pw_dir : NULL;
	}
	env->xdg_config_home = getenv("XDG_CONFIG_HOME");
	env->xdg_config_dirs = getenv("XDG_CONFIG_DIRS");
	env->sysconfdir = SYSCONFDIR;
	/* The installed data, or (not installed: run from the build tree) the sources'. */
	env->datadir = getenv("LTRACE_DATADIR");
	if (env->datadir == NULL) {
		env->datadir = PKGDATADIR;
		if (access(PKGDATADIR "/ltrace.conf", R_OK) != 0)
			env->datadir = SOURCE_DATADIR;
	}
}

/* Each file into t, a later one replacing an earlier one's prototypes; each has its own
 * type names. */
static void load_into(struct proto_table *t, const char *path)
{
	proto_table_forget_types(t);
	load_reported(t, path);
}

/* The directories among -F's paths (searched for per-library files first). */
static void user_dirs(const struct config_env *env, struct path_list *f_dirs)
{
	for (size_t i = 0; i < user_paths.n; i++) {
		char *path = config_expand_home(env, user_paths.v[i]);
		if (is_dir(path))
			path_list_add(f_dirs, path);
		free(path);
	}
}

/* -F's paths: files into `user`, directories searched for per-library files (each of
 * their *.conf files read now, so that what is wrong with them is reported at once). A
 * path that cannot be read is reported and left out, as ltrace does. */
static void load_user_paths(const struct config_env *env)
{
	for (size_t i = 0; i < user_paths.n; i++) {
		char *path = config_expand_home(env, user_paths.v[i]);
		struct stat st;
		if (stat(path, &st) < 0 || access(path, R_OK) < 0) {
			fprintf(stderr, "ltrace: cannot read prototypes from %s: %s\n", path,
				strerror(errno));
		} else if (!S_ISDIR(st.st_mode)) {
			load_into(user, path);
		} else {
			DIR *d = opendir(path);
			struct dirent *e;
			while (d != NULL && (e = readdir(d)) != NULL) {
				size_t n = strlen(e->d_name);
				if (n < 6 || strcmp(e->d_name + n - 5, ".conf") != 0)
					continue;
				struct strbuf sb = STRBUF_INIT;
				strbuf_printf(&sb, "%s/%s", path, e->d_name);
				lib_file(strbuf_str(&sb));
				strbuf_free(&sb);
			}
			if (d != NULL)
				closedir(d);
		}
		free(path);
	}
}

struct proto_table *config_load(void (*report)(const char *line))
{
	report_line = report;
	struct config_env env;
	struct path_list f_dirs = { NULL, 0 }, general_files = { NULL, 0 };

	environment(&env);
	user = new_table();
	general = new_table();
	user_dirs(&env, &f_dirs);
	config_lib_dirs(&env, &f_dirs, &lib_dirs); /* before any file: imports use them */
	load_user_paths(&env);
	/* Lowest precedence first: a later file replaces an earlier one's prototypes. */
	config_general_files(&env, &general_files);
	for (size_t i = general_files.n; i-- > 0;)
		if (access(general_files.v[i], R_OK) == 0)
			load_into(general, general_files.v[i]);
	path_list_free(&general_files);
	path_list_free(&f_dirs);
	path_list_free(&user_paths);
	return general;
}

void config_free(void)
{
	proto_table_free(user);
	proto_table_free(general);
	user = general = NULL;
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i].path);
		proto_table_free(files[i].t);
	}
	free(files);
	files = NULL;
	nfiles = 0;
	for (size_t i = 0; i < nconfs; i++)
		free(confs[i].soname);
	free(confs);
	confs = NULL;
	nconfs = 0;
	for (size_t i = 0; i < ndwarfs; i++) {
		free(dwarfs[i].path);
		dwarf_protos_free(dwarfs[i].d);
	}
	free(dwarfs);
	dwarfs = NULL;
	ndwarfs = 0;
	path_list_free(&lib_dirs);
	path_list_free(&user_paths);
}

/* Where the function named name is defined: the first object of the list libs, other than
 * the caller, that exports it; else the caller if it does. */
static const struct library *defining_library(const struct library *libs,
					      const struct library *caller, const char *name,
					      const struct func_symbol **sym)
{
	for (const struct library *l = libs; l != NULL; l = l->next) {
		if (l != caller &&
		    (*sym = symbols_find(l->img->syms, l->img->nsyms, name)) != NULL)
			return l;
	}
	if (caller != NULL && (*sym = symbols_find(caller->img->syms, caller->img->nsyms, name)) != NULL)
		return caller;
	return NULL;
}

/* From the defining object's file, the general files, then (if dwarf) its DWARF. */
static const struct proto *defined_by(const struct library *lib, taddr_t addr, const char *name,
				      bool dwarf)
{
	struct proto_table *t = lib != NULL ? lib_table(lib->img->soname, !lib->is_main) : NULL;
	const struct proto *r = t != NULL ? proto_table_lookup(t, name) : NULL;

	if (r == NULL && general != NULL)
		r = proto_table_lookup(general, name);
	if (r == NULL && lib != NULL && dwarf) {
		struct dwarf_protos *d = dwarf_of(lib);
		r = d != NULL ? dwarf_protos_lookup(d, name, addr) : NULL;
	}
	return r;
}

const struct proto *prototype_for(const struct library *libs, const struct library *caller,
				  const char *name)
{
	const struct proto *r = user != NULL ? proto_table_lookup(user, name) : NULL;
	const struct func_symbol *sym = NULL;

	if (r != NULL)
		return r;
	const struct library *lib = defining_library(libs, caller, name, &sym);
	/* An IFUNC symbol's value is its resolver: the DWARF there is not the function's. */
	if (sym != NULL && sym->ifunc) {
		struct proto_table *t = lib_table(lib->img->soname, !lib->is_main);
		r = t != NULL ? proto_table_lookup(t, name) : NULL;
		return r != NULL || general == NULL ? r : proto_table_lookup(general, name);
	}
	return defined_by(lib, sym != NULL ? sym->value : 0, name, true);
}

const struct proto *prototype_defined_in(const struct library *lib, const char *name,
					 taddr_t addr, bool dwarf)
{
	const struct proto *r = user != NULL ? proto_table_lookup(user, name) : NULL;

	return r != NULL ? r : defined_by(lib, addr, name, dwarf);
}
