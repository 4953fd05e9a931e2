/*
 * The type system behind ltrace.conf(5): a type is a primitive, a pointer, an array,
 * a struct, the printf parameter pack, or a lens (hex, enum, string, ...) wrapped around
 * another type. Nodes are allocated from an arena and freed all at once, so typedefs,
 * forward declarations and recursive structs need no reference counting.
 */
#ifndef LTRACE_PROTO_TYPE_H
#define LTRACE_PROTO_TYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/arena.h"

enum type_kind {
	TK_VOID,
	TK_CHAR,
	TK_SHORT,
	TK_USHORT,
	TK_INT,
	TK_UINT,
	TK_LONG,
	TK_ULONG,
	TK_FLOAT,
	TK_DOUBLE,
	TK_POINTER, /* target: the pointee; pointer to void prints as an address */
	TK_ARRAY,   /* target: the element type; len: element count */
	TK_STRUCT,  /* fields */
	TK_FORMAT,  /* printf-style format string; the rest of the arguments follow it;
		     * target: its string type for format(T), or NULL (a byte string) */
	TK_LENS,    /* lens applied to target */
};

enum lens_kind {
	LENS_HEX,
	LENS_OCT,
	LENS_BOOL,
	LENS_BITVEC,
	LENS_HIDE,
	LENS_ENUM,
	LENS_STRING,
};

struct expr;

struct enum_item {
	const char *name;
	int64_t value;
};

struct type {
	enum type_kind kind;
	enum lens_kind lens;        /* TK_LENS only */
	struct type *target;        /* TK_POINTER, TK_ARRAY, TK_LENS */
	struct expr *len;           /* TK_ARRAY */
	struct type **fields;       /* TK_STRUCT */
	size_t nfields;
	bool forward;               /* TK_STRUCT declared by "typedef X = struct;" only */
	struct enum_item *items;    /* LENS_ENUM */
	size_t nitems;
};

/* A fresh node of the given kind, owned by the arena. */
struct type *proto_type_new(struct arena *a, enum type_kind kind);
struct type *proto_type_new_pointer(struct arena *a, struct type *target);
struct type *proto_type_new_array(struct arena *a, struct type *elem, struct expr *len);
struct type *proto_type_new_lens(struct arena *a, enum lens_kind lens, struct type *target);
/* string[len]: a lens over a pointer to a char array bounded by zero(len). */
struct type *proto_type_new_string(struct arena *a, struct expr *len);
/* The same over elements of type elem: string(array(int, zero(len))*) for wide strings. */
struct type *proto_type_new_string_of(struct arena *a, struct type *elem, struct expr *len);

/* The shared node for a primitive kind (TK_VOID .. TK_DOUBLE). Never freed, never changed. */
struct type *proto_type_primitive(enum type_kind kind);

/* The type under all lenses. */
const struct type *proto_type_strip(const struct type *t);
/* The outermost lens, or NULL when t has none. */
const struct type *proto_type_lens(const struct type *t);

bool proto_type_is_integral(const struct type *t);
bool proto_type_is_float(const struct type *t);
bool proto_type_is_signed(const struct type *t);
bool proto_type_is_hidden(const struct type *t);
/* The size of the characters of a TK_FORMAT's string: 1 without a type, that of the
 * elements of T for format(T) (4 for format(string(array(uint, zero)*))), 0 when T is not
 * a pointer to an array of 1-, 2- or 4-byte integers. */
size_t proto_type_format_char_size(const struct type *fmt);

/* Size and alignment in the tracee (x86_64 LP64). Arrays with a non-constant length count
 * as empty. */
size_t proto_type_size(const struct type *t);
/* Whether an array's length is a constant (or zero(constant)), so its size is known. */
bool proto_type_array_sized(const struct type *t);
size_t proto_type_align(const struct type *t);
/* Offset of field i inside a struct, with natural alignment. */
size_t proto_type_field_offset(const struct type *t, size_t i);

#endif
