/* Internal: what a prototype and a table hold. */
#ifndef LTRACE_PROTO_TABLE_H
#define LTRACE_PROTO_TABLE_H

#include "proto/arena.h"
#include "proto/map.h"
#include "proto/proto.h"
#include "proto/type.h"

struct param {
	struct type *type;
	bool out; /* marked '+': it and everything after it print when the call returns */
};

struct proto {
	const char *name;
	struct type *ret;
	struct param *params;
	size_t nparams;
};

struct proto_table {
	struct arena arena;  /* every type, expression, name and prototype */
	struct map protos;   /* name -> struct proto */
	struct map typedefs; /* name -> struct type: the current file's (type scope) */
	struct map *old_typedefs; /* those of the files read before it, oldest first */
	size_t nold_typedefs;
	const char **imports;
	size_t nimports;
	proto_import_resolver resolve; /* NULL: imports are only recorded */
	void *resolve_ctx;
	char **scope_files; /* the files read since types were last forgotten (owned) */
	size_t nscope_files;
};

/* A typedef every prototype file knows without defining it, whose layout is the
 * architecture's (ARCH_PROTO_TYPES of arch-kabi.h: stat_t), or NULL. A file's own typedef
 * of the name hides it. */
struct type *proto_builtin_type(const char *name);

/* Whether path was read in the current type scope; if not, it is added and read next. */
bool proto_table_enter_file(struct proto_table *table, const char *path);

#endif
