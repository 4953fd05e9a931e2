/* Where prototypes come from: -F paths, then the user's and the installed files. */
#ifndef LTRACE_CONFIG_H
#define LTRACE_CONFIG_H

#include "proto/proto.h"

/* Add -F's colon-separated files and directories (read before the default ones). */
void config_add_user_paths(const char *list);

/*
 * Load every prototype file into one table. A file named with -F that is missing or
 * broken is an error (NULL, after saying why); a broken line in another file is reported
 * and skipped.
 */
struct proto_table *config_load(void);

#endif
