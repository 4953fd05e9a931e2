#include "proto/table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "proto/parser.h"
#include "arch-kabi.h"

struct proto_table *proto_table_new(void)
{
	return xcalloc(1, sizeof(struct proto_table));
}

void proto_table_free(struct proto_table *table)
{
	if (table == NULL)
		return;
	proto_map_free(&table->protos);
	proto_table_forget_types(table);
	for (size_t i = 0; i < table->nold_typedefs; i++)
		proto_map_free(&table->old_typedefs[i]);
	free(table->old_typedefs);
	proto_arena_free(&table->arena);
	free(table);
}

int proto_table_load_string(struct proto_table *table, const char *name, const char *text,
			    FILE *err)
{
	return proto_parse_text(table, name, text, strlen(text), err) ? -1 : 0;
}

struct type *proto_builtin_type(const char *name)
{
	static struct proto_table *builtin; /* for the tracer's life: its types are shared */

	if (builtin == NULL) {
		builtin = proto_table_new();
		proto_parse_text(builtin, "<architecture's types>", ARCH_PROTO_TYPES,
				 strlen(ARCH_PROTO_TYPES), stderr);
	}
	return proto_map_get(&builtin->typedefs, name);
}

void proto_table_set_import_resolver(struct proto_table *table, proto_import_resolver resolve,
				     void *ctx)
{
	table->resolve = resolve;
	table->resolve_ctx = ctx;
}

bool proto_table_enter_file(struct proto_table *table, const char *path)
{
	for (size_t i = 0; i < table->nscope_files; i++)
		if (strcmp(table->scope_files[i], path) == 0)
			return false;
	table->scope_files = xrealloc(table->scope_files,
				      (table->nscope_files + 1) * sizeof(*table->scope_files));
	table->scope_files[table->nscope_files++] = xstrdup(path);
	return true;
}

int proto_table_load_file(struct proto_table *table, const char *path, FILE *err)
{
	proto_table_enter_file(table, path);
	FILE *f = fopen(path, "r");
	struct strbuf sb = STRBUF_INIT;
	char chunk[4096];
	size_t n;

	if (f == NULL) {
		if (err != NULL)
			fprintf(err, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_append_n(&sb, chunk, n);
	bool bad = ferror(f);
	fclose(f);
	if (bad && err != NULL)
		fprintf(err, "%s: read error\n", path);
	unsigned errors = proto_parse_text(table, path, strbuf_str(&sb), sb.len, err);
	strbuf_free(&sb);
	return bad || errors ? -1 : 0;
}

void proto_table_forget_types(struct proto_table *table)
{
	if (table->typedefs.n > 0) { /* kept for proto_table_type */
		table->old_typedefs = xrealloc(table->old_typedefs, (table->nold_typedefs + 1) *
								    sizeof(*table->old_typedefs));
		table->old_typedefs[table->nold_typedefs++] = table->typedefs;
	} else {
		proto_map_free(&table->typedefs);
	}
	table->typedefs = (struct map)MAP_INIT;
	for (size_t i = 0; i < table->nscope_files; i++)
		free(table->scope_files[i]);
	free(table->scope_files);
	table->scope_files = NULL;
	table->nscope_files = 0;
}

const struct proto *proto_table_lookup(const struct proto_table *table, const char *name)
{
	return proto_map_get(&table->protos, name);
}

const struct type *proto_table_type(const struct proto_table *table, const char *name)
{
	const struct type *t = proto_map_get(&table->typedefs, name);

	for (size_t i = table->nold_typedefs; t == NULL && i-- > 0;)
		t = proto_map_get(&table->old_typedefs[i], name);
	return t;
}

const char *proto_table_import(const struct proto_table *table, size_t i)
{
	return i < table->nimports ? table->imports[i] : NULL;
}

const char *proto_name(const struct proto *p)
{
	return p->name;
}

bool proto_has_output(const struct proto *p)
{
	for (size_t i = 0; i < p->nparams; i++)
		if (p->params[i].out)
			return true;
	return false;
}
