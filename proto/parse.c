/* Lines of ltrace.conf(5): comments, typedefs, imports and prototypes. */
#include "proto/parser.h"

#include <stdlib.h>
#include <string.h>

static struct arena *A(struct parser *ps)
{
	return &ps->table->arena;
}

static bool builtin_name(const char *name)
{
	static const char *const words[] = {
		"void", "char", "short", "ushort", "int", "uint", "long", "ulong", "float",
		"double", "addr", "file", "hex", "oct", "octal", "bool", "bitvec", "hide",
		"enum", "string", "format", "struct", "array",
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(name, words[i]) == 0)
			return true;
	return false;
}

/* Whether t holds s by value (not through a pointer). */
static bool holds(const struct type *t, const struct type *s, int depth)
{
	if (t == s)
		return true;
	if (depth > PARSE_MAX_DEPTH * 4)
		return true; /* absurdly deep: refuse it as if it were a cycle */
	if (t->kind == TK_LENS || t->kind == TK_ARRAY)
		return holds(t->target, s, depth + 1);
	for (size_t i = 0; t->kind == TK_STRUCT && i < t->nfields; i++)
		if (holds(t->fields[i], s, depth + 1))
			return true;
	return false;
}

/* typedef NAME = struct; ... typedef NAME = struct(...): fill in the forward node. */
static void complete_struct(struct parser *ps, const char *name, struct type *old,
			    struct type *t)
{
	if (t->forward)
		return;
	for (size_t i = 0; i < t->nfields; i++) {
		if (holds(t->fields[i], old, 0)) {
			proto_parse_error(ps, "struct '%s' contains itself", name);
			return;
		}
	}
	old->fields = t->fields;
	old->nfields = t->nfields;
	old->forward = false;
}

static void parse_typedef(struct parser *ps)
{
	const char *name = proto_parse_ident(ps, "a type name");

	if (name == NULL || !proto_expect(ps, '='))
		return;
	struct type *t = proto_parse_type(ps);
	if (t == NULL)
		return;
	struct type *old = proto_map_get(&ps->table->typedefs, name);
	if (old != NULL && old->kind == TK_STRUCT && old->forward && t->kind == TK_STRUCT)
		complete_struct(ps, name, old, t);
	else if (old != NULL || builtin_name(name))
		proto_parse_error(ps, "Redefinition of typedef '%s'", name);
	else
		proto_map_put(&ps->table->typedefs, name, t);
}

static void parse_import(struct parser *ps)
{
	if (!proto_expect(ps, '"'))
		return;
	const char *start = ps->p;
	while (ps->p < ps->end && *ps->p != '"')
		ps->p++;
	if (ps->p == ps->end || ps->p == start) {
		proto_parse_error(ps, "expected a library name in quotes");
		return;
	}
	struct proto_table *t = ps->table;
	const char *name = proto_arena_strndup(A(ps), start, (size_t)(ps->p - start));
	t->imports = proto_arena_realloc(A(ps), t->imports, (t->nimports + 1) * sizeof(*t->imports));
	t->imports[t->nimports++] = name;
	ps->p++;
	proto_accept(ps, ';');
	if (t->resolve == NULL)
		return;
	char *path = t->resolve(name, ps->file, t->resolve_ctx);
	if (path == NULL) {
		proto_parse_error(ps, "cannot find \"%s.conf\" to import", name);
		return;
	}
	if (proto_table_enter_file(t, path) && proto_table_load_file(t, path, ps->err) < 0)
		proto_parse_error(ps, "errors in \"%s\", imported here", path);
	free(path);
}

static bool parse_param(struct parser *ps, struct proto *p)
{
	bool out = proto_accept(ps, '+');
	struct type *t = proto_parse_type(ps);

	if (t == NULL)
		return false;
	p->params = proto_arena_realloc(A(ps), p->params, (p->nparams + 1) * sizeof(*p->params));
	p->params[p->nparams].type = t;
	p->params[p->nparams++].out = out;
	return true;
}

/* RET NAME(PARAM, ...); -- like ltrace 0.7.3, anything after ')' is ignored. */
static void parse_decl(struct parser *ps)
{
	struct proto *p = proto_arena_alloc(A(ps), sizeof(*p));

	p->ret = proto_parse_type(ps);
	if (p->ret == NULL)
		return;
	p->name = proto_parse_ident(ps, "a function name");
	if (p->name == NULL || !proto_expect(ps, '('))
		return;
	if (!proto_accept(ps, ')')) {
		do {
			if (proto_accept(ps, ')'))
				goto done; /* a trailing comma, as 0.7.3 allows */
			if (!parse_param(ps, p))
				return;
		} while (proto_accept(ps, ','));
		if (!proto_expect(ps, ')'))
			return;
	}
done:
	/* A sole void, as in C, means no parameters; another void takes an integer argument
	 * and is not shown (both as ltrace 0.7.3 does). */
	if (p->nparams == 1 && p->params[0].type->kind == TK_VOID)
		p->nparams = 0;
	for (size_t i = 0; i < p->nparams; i++) {
		if (p->params[i].type->kind == TK_VOID) {
			proto_parse_warning(ps, "void parameter assumed to be 'hide(int)'");
			p->params[i].type = proto_type_new_lens(A(ps), LENS_HIDE,
								proto_type_primitive(TK_INT));
		}
	}
	for (size_t i = 1; i < p->nparams; i++)
		p->params[i].out |= p->params[i - 1].out;
	proto_map_put(&ps->table->protos, p->name, p);
}

static void parse_line(struct parser *ps)
{
	proto_skip_space(ps);
	if (ps->p == ps->end || *ps->p == ';' || *ps->p == '#')
		return;
	/* `function` only says that a prototype follows: for a return type named like
	 * another line's keyword (a typedef called import), as in ltrace 0.7.91. */
	if (proto_accept_word(ps, "function"))
		parse_decl(ps);
	else if (proto_accept_word(ps, "typedef"))
		parse_typedef(ps);
	else if (proto_accept_word(ps, "import"))
		parse_import(ps);
	else
		parse_decl(ps);
}

unsigned proto_parse_text(struct proto_table *table, const char *name, const char *text, size_t len,
		    FILE *err)
{
	struct parser ps = { .table = table, .file = name, .err = err };
	const char *end = text + len;

	for (const char *line = text; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		ps.line++;
		ps.p = line;
		ps.end = nl ? nl : end;
		ps.failed = false;
		ps.depth = 0;
		parse_line(&ps);
		line = nl ? nl + 1 : end;
	}
	return ps.errors;
}
