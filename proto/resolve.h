/*
 * Where prototypes come from (see config_paths.h for the places searched). A function's
 * prototype is, first found:
 *   1. in the files -F names (a later one wins);
 *   2. in the per-library file (SONAME.conf) of the object that defines the function;
 *   3. in the general files: ~/.ltrace.conf, SYSCONFDIR/ltrace.conf, the installed
 *      ltrace.conf (in that order);
 *   4. in the defining object's DWARF, or its separate debug file.
 * Per-library files and DWARF are read the first time a function needs them.
 */
#ifndef LTRACE_RESOLVE_H
#define LTRACE_RESOLVE_H

#include "common/taddr.h"
#include "proto/proto.h"

struct library;

/* Add -F's colon-separated files and directories. */
void config_add_user_paths(const char *list);

/*
 * Read -F's files (and the *.conf files in -F's directories) and the general files. As
 * in ltrace, nothing here stops the run: a broken line of any file is reported into the
 * trace (report, also for the per-library files read later: "FILE:LINE: error: what is
 * wrong") and skipped, and a -F path
 * that cannot be read is reported on stderr and left out. Returns the table of the
 * general files (valid until config_free).
 */
struct proto_table *config_load(void (*report)(const char *line));

/* Free everything config_load and the lookups read (prototypes become invalid). */
void config_free(void);

/* The prototype of the function name called from caller (NULL: unknown) in an address
 * space whose objects are the list libs, or NULL. The defining object is the first of
 * libs, other than the caller, that exports name. Valid until config_free. */
const struct proto *prototype_for(const struct library *libs, const struct library *caller,
				  const char *name);

/* The same for a function that lib defines at link-time address addr (0: unknown); from
 * lib's DWARF too if dwarf (not for a clone whose parameters may differ: foo.isra.0). */
const struct proto *prototype_defined_in(const struct library *lib, const char *name,
					 taddr_t addr, bool dwarf);

#endif
