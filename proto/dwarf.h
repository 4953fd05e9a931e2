/*
 * Prototypes from an object's DWARF debugging information (libdw), for functions no
 * prototype file describes. They are built in the representation the ltrace.conf parser
 * builds (proto/type.h), so a value is shown the same whichever source described it:
 *
 *   int, long, short, their unsigned forms   int, long, short, uint, ulong, ushort
 *   char, signed char, unsigned char, _Bool  char, char, char, bool(char)
 *   float, double                            float, double
 *   char *, const char *                     string
 *   enum E                                   enum(A=0, B=1, ...) (over its integer type)
 *   struct S * (S complete, plain layout)    struct(...)*, fields converted likewise
 *   char name[N] inside a struct             string(array(char, N))
 *   T a[N] inside a struct                   array(T, N)
 *   any other pointer, function pointers     addr
 *   typedefs, const, volatile, restrict      what they name
 *   a name a prototype file defines          that file's type (dwarf_protos_set_types)
 *   ...                                      dropped: the fixed arguments are shown
 *
 * A struct passed or returned by value is read where the x86-64 ABI puts it (integer or
 * vector registers by its fields, or memory when over 16 bytes). A function with an
 * argument or return value the formatter cannot represent (long double, _Complex, a
 * union passed by value) gets no prototype: its arguments could not be found. Structs with bit-fields, or whose layout is not the
 * natural one, are shown as addr.
 *
 * Nothing is read before a lookup; each name is converted once and cached.
 */
#ifndef LTRACE_PROTO_DWARF_H
#define LTRACE_PROTO_DWARF_H

#include <stddef.h>
#include <stdint.h>

#include "proto/proto.h"

struct dwarf_protos;

/*
 * The DWARF of the object at path, or else of its separate debug file: by build-id,
 * DEBUG_DIR/.build-id/xx/yyyy.debug, or by .gnu_debuglink, next to the object, in its
 * .debug/ directory, or under DEBUG_DIR followed by the object's directory. debug_dir
 * NULL means /usr/lib/debug. NULL when there is none (nothing is reported).
 */
struct dwarf_protos *dwarf_protos_open(const char *path, const char *debug_dir);

/* The DWARF of an ELF image in memory (borrowed until dwarf_protos_free), with no
 * separate debug file; NULL when it has none. */
struct dwarf_protos *dwarf_protos_open_mem(const void *image, size_t len);

/*
 * Type names from prototype files (optional; set before the first lookup): a type of the
 * DWARF that has a name (a typedef, a struct, union or enum tag, a base type) for which
 * lookup(name, ctx) returns a type is that type instead, as in ltrace 0.7.91 (`typedef
 * _IO_FILE = void;` shows FILE * as an address). The types must outlive d.
 */
typedef const struct type *(*dwarf_type_lookup)(const char *name, void *ctx);
void dwarf_protos_set_types(struct dwarf_protos *d, dwarf_type_lookup lookup, void *ctx);

/*
 * The prototype of the function name defined in the object, or NULL. addr is the
 * function's link-time address (0 if unknown): it finds the compilation unit at once,
 * and the function when its DWARF name is another (an alias); otherwise the first lookup
 * indexes every unit's functions. The prototype is valid until
 * dwarf_protos_free.
 */
const struct proto *dwarf_protos_lookup(struct dwarf_protos *d, const char *name,
					uint64_t addr);

/* Call fn with the name of each function the DWARF defines (for tests and fuzzing). */
void dwarf_protos_each_name(struct dwarf_protos *d, void (*fn)(const char *name, void *arg),
			    void *arg);

void dwarf_protos_free(struct dwarf_protos *d);

#endif
