/* Internal: the ltrace.conf(5) parser, one line at a time (parse.c, proto_parse_type.c). */
#ifndef LTRACE_PROTO_PARSER_H
#define LTRACE_PROTO_PARSER_H

#include <stdbool.h>
#include <stdio.h>

#include "proto/expr.h"
#include "proto/table.h"

#define PARSE_MAX_DEPTH 64

struct parser {
	struct proto_table *table;
	const char *file;
	unsigned line;
	FILE *err;
	const char *p;   /* the rest of the current line */
	const char *end; /* the end of the current line */
	bool failed;     /* the current line had an error, already reported */
	int depth;       /* nesting of the type or expression being parsed */
	unsigned errors;
};

/* Report an error (only the first one of a line) or a warning. */
void proto_parse_error(struct parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void proto_parse_warning(struct parser *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void proto_skip_space(struct parser *ps);
/* The length of the identifier at the cursor (after blanks), 0 if none. */
size_t proto_peek_ident(struct parser *ps);
/* Consume the identifier word if it is next. */
bool proto_accept_word(struct parser *ps, const char *word);
/* Consume ch if it is next (after blanks). */
bool proto_accept(struct parser *ps, char ch);
/* Consume ch or report "expected 'ch'". */
bool proto_expect(struct parser *ps, char ch);
/* An identifier, copied into the table's arena; NULL (reported) if none. */
const char *proto_parse_ident(struct parser *ps, const char *what);
/* A signed number: decimal, 0x hex or 0 octal. */
bool proto_parse_number(struct parser *ps, int64_t *out);

/* Parse len bytes of text into table; returns the number of errors. */
unsigned proto_parse_text(struct proto_table *table, const char *name, const char *text, size_t len,
		    FILE *err);

struct type *proto_parse_type(struct parser *ps);
struct expr *proto_parse_expr(struct parser *ps);

#endif
