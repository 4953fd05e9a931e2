/* Internal to the formatter: argument values fetched at a call, and the formatting state. */
#ifndef LTRACE_PROTO_FORMAT_H
#define LTRACE_PROTO_FORMAT_H

#include <stdbool.h>
#include <stdint.h>

#include "proto/proto.h"
#include "proto/type.h"

/* One fetched argument (or return value): the little-endian image of its register(s). */
struct argval {
	const struct type *type;
	unsigned char bytes[32]; /* >= every architecture's ARCH_AGGREGATE_OUT */
	bool indirect; /* bytes hold the tracee address of the value (a big struct returned) */
	bool unknown;  /* a struct the architecture could not tell where it is */
};

struct eval_env {
	const struct argval *args;
	size_t nargs;
	const struct argval *ret;        /* NULL until the call returned */
	const struct type *st;           /* enclosing struct for eltN, or NULL */
	const unsigned char *st_bytes;
};

#define FMT_MAX_PTRS 256

struct fmt_ctx {
	struct strbuf *out;
	struct arg_cursor *mem;
	unsigned string_limit;
	unsigned array_limit;
	struct eval_env env;
	/* A hex, oct or bool lens over a pointer, array or struct: it applies to the numbers
	 * inside that have no lens of their own (hex(uint*) shows 0x123), as in ltrace. */
	const struct type *inherit;
	taddr_t ptrs[FMT_MAX_PTRS];             /* pointers being expanded, outermost first */
	const struct type *ptr_targets[FMT_MAX_PTRS];
	size_t nptrs;
};

void proto_fmt_ctx_init(struct fmt_ctx *c, struct strbuf *out, struct arg_cursor *mem,
		  const struct fmt_opts *opts);

/* The integer in the first proto_type_size(t) bytes, sign-extended when t is signed. */
uint64_t proto_value_int(const struct type *t, const unsigned char *bytes);

/* The same, zero-extended: the bits of t's size only. */
uint64_t proto_value_uint(const struct type *t, const unsigned char *bytes);
/* The size bytes of a value: bytes when known, else read from addr into buf; NULL (and
 * the address shown) when they cannot be read. */
const unsigned char *proto_value_bytes(struct fmt_ctx *c, const unsigned char *bytes,
				       taddr_t addr, unsigned char *buf, size_t size);

/* Format a value: its bytes (NULL if only its tracee address is known), and its address
 * when it lives in tracee memory. */
void proto_format_value(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		  bool has_addr, taddr_t addr);
/* A top-level argument or return value (arrays decay to pointers). */
void proto_format_top(struct fmt_ctx *c, const struct argval *v);
/* The object of type t at addr in the tracee; the address itself if it cannot be read. */
void proto_format_at(struct fmt_ctx *c, const struct type *t, taddr_t addr);
/* Pointers, arrays, strings (format_compound.c, format_string.c). */
void proto_format_pointer(struct fmt_ctx *c, const struct type *t, taddr_t p);
void proto_format_array(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		  bool has_addr, taddr_t addr);
void proto_format_struct(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		   bool has_addr, taddr_t addr);
void proto_format_string_lens(struct fmt_ctx *c, const struct type *lens,
			const unsigned char *bytes, bool has_addr, taddr_t addr);
/* A NUL-terminated string at addr: "nil" for 0, the address if unreadable. */
void proto_format_cstring(struct fmt_ctx *c, taddr_t addr);
/* The element count of an array (zero-terminated ones counted up to want). */
bool proto_array_length(struct fmt_ctx *c, const struct type *arr, const unsigned char *bytes,
		  bool has_addr, taddr_t addr, uint64_t want, uint64_t *len);
/* Lenses other than string (proto_format_lens.c). */
void proto_format_lens(struct fmt_ctx *c, const struct type *t, const unsigned char *bytes,
		 bool has_addr, taddr_t addr);

/* Character escapes shared by 'c' and "string" (escape.c). */
void proto_escape_char(struct strbuf *out, unsigned char ch);
/* A wide character (code point ch): ASCII escaped as proto_escape_char does, the others
 * in the locale's encoding; false, and nothing written, when it is not printable there. */
bool proto_put_wide_char(struct strbuf *out, uint64_t ch);

/* Read exactly len bytes of tracee memory, page by page; false on any failure. */
bool proto_mem_read(struct arg_cursor *mem, taddr_t addr, void *buf, size_t len);
/* The bits of a bit vector, "<1,3-5>" or "~<0>" (proto_format_bitvec.c). */
void proto_format_bitvec(struct fmt_ctx *c, const unsigned char *bits, size_t nbits);

#endif
