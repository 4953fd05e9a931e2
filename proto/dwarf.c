/* Prototypes from DWARF: find a function's DIE, convert its types (see dwarf.h). */
#include "proto/dwarf.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwelf.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "proto/expr.h"
#include "proto/table.h"

#define DEFAULT_DEBUG_DIR "/usr/lib/debug"
#define MAX_DEPTH 8 /* structs inside structs (and pointed to) converted at most */

struct dwarf_protos {
	int fd;              /* the file the DWARF is read from, or -1 (in memory) */
	Elf *elf;
	Dwarf *dw;
	struct proto_table *table; /* the converted prototypes and their types */
	struct map tried;    /* names looked up without success */
	struct map index;    /* name -> DIE offset + 1, once `indexed` */
	bool indexed;
	dwarf_type_lookup named; /* type names from prototype files, or NULL */
	void *named_ctx;
};

void dwarf_protos_set_types(struct dwarf_protos *d, dwarf_type_lookup lookup, void *ctx)
{
	d->named = lookup;
	d->named_ctx = ctx;
}

/* --- opening --------------------------------------------------------------------- */

/* Whether dw describes at least one unit (an object may keep .debug_line or .debug_frame
 * but not .debug_info, which is in its separate debug file). */
static bool has_units(Dwarf *dw)
{
	Dwarf_CU *cu = NULL;

	return dwarf_get_units(dw, NULL, &cu, NULL, NULL, NULL, NULL) == 0;
}

static struct dwarf_protos *open_elf(int fd, Elf *elf)
{
	Dwarf *dw = elf != NULL ? dwarf_begin_elf(elf, DWARF_C_READ, NULL) : NULL;

	if (dw != NULL && !has_units(dw)) {
		dwarf_end(dw);
		dw = NULL;
	}
	if (dw == NULL) {
		if (elf != NULL)
			elf_end(elf);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	struct dwarf_protos *d = xcalloc(1, sizeof(*d));
	d->fd = fd;
	d->elf = elf;
	d->dw = dw;
	d->table = proto_table_new();
	return d;
}

static struct dwarf_protos *open_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	return open_elf(fd, elf_begin(fd, ELF_C_READ_MMAP, NULL));
}

/* The separate debug file named by the build-id note. */
static struct dwarf_protos *open_by_build_id(Elf *elf, const char *debug_dir)
{
	const void *id = NULL;
	ssize_t n = dwelf_elf_gnu_build_id(elf, &id);

	if (n < 2)
		return NULL;
	const unsigned char *b = id;
	struct strbuf sb = STRBUF_INIT;
	strbuf_printf(&sb, "%s/.build-id/%02x/", debug_dir, b[0]);
	for (ssize_t i = 1; i < n; i++)
		strbuf_printf(&sb, "%02x", b[i]);
	strbuf_append(&sb, ".debug");
	struct dwarf_protos *d = open_file(strbuf_str(&sb));
	strbuf_free(&sb);
	return d;
}

/* The separate debug file named by .gnu_debuglink, in the places gdb looks. */
static struct dwarf_protos *open_by_debuglink(Elf *elf, const char *path, const char *debug_dir)
{
	GElf_Word crc;
	const char *link = dwelf_elf_gnu_debuglink(elf, &crc);
	char *real = link != NULL ? realpath(path, NULL) : NULL;

	if (real == NULL)
		return NULL;
	const char *dir = dirname(real);
	struct dwarf_protos *d = NULL;
	for (int i = 0; i < 3 && d == NULL; i++) {
		struct strbuf sb = STRBUF_INIT;
		if (i == 0)
			strbuf_printf(&sb, "%s/%s", dir, link);
		else if (i == 1)
			strbuf_printf(&sb, "%s/.debug/%s", dir, link);
		else
			strbuf_printf(&sb, "%s%s/%s", debug_dir, dir, link);
		if (strcmp(strbuf_str(&sb), path) != 0)
			d = open_file(strbuf_str(&sb));
		strbuf_free(&sb);
	}
	free(real);
	return d;
}

struct dwarf_protos *dwarf_protos_open(const char *path, const char *debug_dir)
{
	if (debug_dir == NULL)
		debug_dir = DEFAULT_DEBUG_DIR;
	elf_version(EV_CURRENT);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (elf == NULL) {
		close(fd);
		return NULL;
	}
	Dwarf *dw = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
	bool own = dw != NULL && has_units(dw);
	if (dw != NULL)
		dwarf_end(dw);
	if (own)
		return open_elf(fd, elf);
	struct dwarf_protos *d = open_by_build_id(elf, debug_dir);
	if (d == NULL)
		d = open_by_debuglink(elf, path, debug_dir);
	elf_end(elf);
	close(fd);
	return d;
}

struct dwarf_protos *dwarf_protos_open_mem(const void *image, size_t len)
{
	elf_version(EV_CURRENT);
	return open_elf(-1, elf_memory((char *)image, len));
}

void dwarf_protos_free(struct dwarf_protos *d)
{
	if (d == NULL)
		return;
	dwarf_end(d->dw);
	elf_end(d->elf);
	if (d->fd >= 0)
		close(d->fd);
	proto_map_free(&d->tried);
	proto_map_free(&d->index);
	proto_table_free(d->table);
	free(d);
}

/* --- types ----------------------------------------------------------------------- */

struct conv {
	struct arena *a;
	const struct dwarf_protos *d;
	Dwarf_Off open_off[MAX_DEPTH]; /* structs being converted, for recursive ones */
	struct type *open_type[MAX_DEPTH];
	int depth;
	int ptr_level; /* depth when the innermost pointer was followed */
};

/* The DIE that die's DW_AT_type names; false for none (void). */
static bool type_of(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute attr;

	return dwarf_attr_integrate(die, DW_AT_type, &attr) != NULL &&
	       dwarf_formref_die(&attr, out) != NULL;
}

/* The type a prototype file gives to die's name, or NULL. */
static struct type *named_type(const struct conv *c, Dwarf_Die *die)
{
	const char *name;

	if (c == NULL || c->d->named == NULL || (name = dwarf_diename(die)) == NULL)
		return NULL;
	return (struct type *)c->d->named(name, c->d->named_ctx);
}

/* Through typedefs and qualifiers; false for void. With c, stops at a type whose name a
 * prototype file defines (*conf, which is NULL otherwise). */
static bool peel_named(const struct conv *c, Dwarf_Die *die, Dwarf_Die *out, struct type **conf)
{
	*out = *die;
	*conf = NULL;
	for (int i = 0; i < 64; i++) {
		if ((*conf = named_type(c, out)) != NULL)
			return true;
		switch (dwarf_tag(out)) {
		case DW_TAG_typedef:
		case DW_TAG_const_type:
		case DW_TAG_volatile_type:
		case DW_TAG_restrict_type:
		case DW_TAG_atomic_type:
		case DW_TAG_immutable_type:
			if (!type_of(out, out))
				return false;
			break;
		default:
			return true;
		}
	}
	return false;
}

static bool peel(Dwarf_Die *die, Dwarf_Die *out)
{
	struct type *conf;

	return peel_named(NULL, die, out, &conf);
}

static Dwarf_Word udata(Dwarf_Die *die, unsigned name, Dwarf_Word dflt)
{
	Dwarf_Attribute attr;
	Dwarf_Word v;

	if (dwarf_attr_integrate(die, name, &attr) == NULL || dwarf_formudata(&attr, &v) != 0)
		return dflt;
	return v;
}

static bool flag(Dwarf_Die *die, unsigned name)
{
	Dwarf_Attribute attr;
	bool v = false;

	return dwarf_attr_integrate(die, name, &attr) != NULL && dwarf_formflag(&attr, &v) == 0 &&
	       v;
}

static struct type *prim(enum type_kind k)
{
	return proto_type_primitive(k);
}

static struct type *addr_type(struct conv *c)
{
	return proto_type_new_pointer(c->a, prim(TK_VOID));
}

/* An integer of `size` bytes; NULL for another size. */
static struct type *integer(size_t size, bool is_signed)
{
	switch (size) {
	case 1: return prim(TK_CHAR);
	case 2: return prim(is_signed ? TK_SHORT : TK_USHORT);
	case 4: return prim(is_signed ? TK_INT : TK_UINT);
	case 8: return prim(is_signed ? TK_LONG : TK_ULONG);
	default: return NULL;
	}
}

static struct type *base_type(struct conv *c, Dwarf_Die *die)
{
	Dwarf_Word enc = udata(die, DW_AT_encoding, 0);
	size_t size = (size_t)udata(die, DW_AT_byte_size, 0);

	switch (enc) {
	case DW_ATE_float:
		return size == 4 ? prim(TK_FLOAT) : size == 8 ? prim(TK_DOUBLE) : NULL;
	case DW_ATE_boolean: {
		struct type *under = integer(size, false);
		return under ? proto_type_new_lens(c->a, LENS_BOOL, under) : NULL;
	}
	case DW_ATE_signed:
	case DW_ATE_signed_char:
		return integer(size, true);
	case DW_ATE_unsigned:
	case DW_ATE_unsigned_char:
	case DW_ATE_UTF:
		return integer(size, false);
	default:
		return NULL;
	}
}

static struct type *enum_type(struct conv *c, Dwarf_Die *die)
{
	Dwarf_Die under_die, item;
	bool is_signed = true;

	if (type_of(die, &under_die) && peel(&under_die, &under_die) &&
	    dwarf_tag(&under_die) == DW_TAG_base_type) {
		Dwarf_Word enc = udata(&under_die, DW_AT_encoding, DW_ATE_signed);
		is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char;
	}
	struct type *under = integer((size_t)udata(die, DW_AT_byte_size, 4), is_signed);
	if (under == NULL)
		return NULL;
	struct type *e = proto_type_new_lens(c->a, LENS_ENUM, under);
	if (dwarf_child(die, &item) != 0)
		return e;
	do {
		Dwarf_Attribute attr;
		Dwarf_Sword v;
		const char *name = dwarf_diename(&item);
		if (dwarf_tag(&item) != DW_TAG_enumerator || name == NULL ||
		    dwarf_attr(&item, DW_AT_const_value, &attr) == NULL ||
		    dwarf_formsdata(&attr, &v) != 0)
			continue;
		e->items = proto_arena_realloc(c->a, e->items, (e->nitems + 1) * sizeof(*e->items));
		e->items[e->nitems].name = proto_arena_strndup(c->a, name, strlen(name));
		e->items[e->nitems++].value = v;
	} while (dwarf_siblingof(&item, &item) == 0);
	return e;
}

static struct type *convert(struct conv *c, Dwarf_Die *die);

/* The number of elements of an array type (one dimension: dim), or -1. */
static long long subrange_count(Dwarf_Die *sub)
{
	Dwarf_Attribute attr;
	Dwarf_Word v;

	if (dwarf_attr_integrate(sub, DW_AT_count, &attr) != NULL)
		return dwarf_formudata(&attr, &v) == 0 ? (long long)v : -1;
	if (dwarf_attr_integrate(sub, DW_AT_upper_bound, &attr) != NULL)
		return dwarf_formudata(&attr, &v) == 0 ? (long long)v + 1 : -1;
	return 0; /* a flexible array member */
}

static struct type *array_dims(struct conv *c, Dwarf_Die *sub, struct type *elem)
{
	Dwarf_Die next = *sub;
	bool more = false;

	while (dwarf_siblingof(&next, &next) == 0)
		if (dwarf_tag(&next) == DW_TAG_subrange_type) {
			more = true;
			break;
		}
	if (more && (elem = array_dims(c, &next, elem)) == NULL)
		return NULL;
	long long n = subrange_count(sub);
	if (n < 0 || n > 1 << 20)
		return NULL;
	struct expr *len = proto_expr_new(c->a, EXPR_CONST, (uint64_t)n);
	if (elem->kind != TK_CHAR)
		return proto_type_new_array(c->a, elem, len);
	/* char name[N]: the string up to its NUL, N bytes at most */
	struct expr *zero = proto_expr_new(c->a, EXPR_ZERO, 0);
	zero->max = len;
	return proto_type_new_lens(c->a, LENS_STRING, proto_type_new_array(c->a, elem, zero));
}

static struct type *array_type(struct conv *c, Dwarf_Die *die)
{
	Dwarf_Die elem_die, sub;

	if (!type_of(die, &elem_die))
		return NULL;
	struct type *elem = convert(c, &elem_die);
	if (elem == NULL || dwarf_child(die, &sub) != 0)
		return NULL;
	while (dwarf_tag(&sub) != DW_TAG_subrange_type)
		if (dwarf_siblingof(&sub, &sub) != 0)
			return NULL;
	return array_dims(c, &sub, elem);
}

/* A struct whose fields all convert and sit where natural alignment puts them. */
static struct type *struct_type(struct conv *c, Dwarf_Die *die)
{
	Dwarf_Off off = dwarf_dieoffset(die);
	Dwarf_Die m;

	/* A struct met again: through a pointer, the same node (a recursive type); by value
	 * (a corrupt DWARF: it would have no size), nothing. */
	for (int i = 0; i < c->depth; i++)
		if (c->open_off[i] == off)
			return i < c->ptr_level ? c->open_type[i] : NULL;
	if (c->depth == MAX_DEPTH || flag(die, DW_AT_declaration))
		return NULL;
	struct type *t = proto_type_new(c->a, TK_STRUCT);
	c->open_off[c->depth] = off;
	c->open_type[c->depth++] = t;
	bool ok = true;
	size_t i = 0;
	if (dwarf_child(die, &m) == 0) {
		do {
			if (dwarf_tag(&m) != DW_TAG_member || flag(&m, DW_AT_external))
				continue;
			Dwarf_Die ft;
			struct type *f = NULL;
			if (!dwarf_hasattr(&m, DW_AT_bit_size) && type_of(&m, &ft))
				f = convert(c, &ft);
			if (f == NULL) {
				ok = false;
				break;
			}
			t->fields = proto_arena_realloc(c->a, t->fields, (t->nfields + 1) * sizeof(*t->fields));
			t->fields[t->nfields++] = f;
			if (proto_type_field_offset(t, i++) != udata(&m, DW_AT_data_member_location, 0)) {
				ok = false;
				break;
			}
		} while (dwarf_siblingof(&m, &m) == 0);
	}
	c->depth--;
	if (!ok || proto_type_size(t) != udata(die, DW_AT_byte_size, 0))
		return NULL;
	return t;
}

static struct type *pointer_type(struct conv *c, Dwarf_Die *die)
{
	Dwarf_Die target;
	struct type *conf;

	if (!type_of(die, &target) || !peel_named(c, &target, &target, &conf))
		return addr_type(c); /* void * */
	if (conf != NULL)
		return proto_type_new_pointer(c->a, conf);
	int tag = dwarf_tag(&target);
	if (tag == DW_TAG_base_type) {
		const char *name = dwarf_diename(&target);
		Dwarf_Word enc = udata(&target, DW_AT_encoding, 0);
		if ((enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char) &&
		    name != NULL && strcmp(name, "char") == 0)
			return proto_type_new_string(c->a, NULL);
	} else if (tag == DW_TAG_structure_type || tag == DW_TAG_class_type) {
		int saved = c->ptr_level;
		c->ptr_level = c->depth;
		struct type *s = struct_type(c, &target);
		c->ptr_level = saved;
		if (s != NULL)
			return proto_type_new_pointer(c->a, s);
	}
	return addr_type(c);
}

/* The type of a value of die's type, or NULL when it cannot be represented. */
static struct type *convert(struct conv *c, Dwarf_Die *die)
{
	Dwarf_Die t;
	struct type *conf;

	if (!peel_named(c, die, &t, &conf))
		return prim(TK_VOID);
	if (conf != NULL && conf->kind != TK_VOID)
		return conf;
	if (conf != NULL && !peel(&t, &t)) /* void only behind a pointer: by value, DWARF's */
		return prim(TK_VOID);
	switch (dwarf_tag(&t)) {
	case DW_TAG_base_type:
		return base_type(c, &t);
	case DW_TAG_enumeration_type:
		return enum_type(c, &t);
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		return pointer_type(c, &t);
	case DW_TAG_unspecified_type: /* decltype(nullptr) */
		return addr_type(c);
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
		return struct_type(c, &t);
	case DW_TAG_array_type:
		return array_type(c, &t);
	default: /* unions, functions, pointers to members */
		return NULL;
	}
}

/* Whether every scalar in t is an integer or a pointer. */
/* Whether the formatter finds a value of type t where it is passed or returned: scalars,
 * and structs (in integer or vector registers by their fields, or in memory when over
 * 16 bytes: proto/call.c). Types it has no representation for (long double, _Complex, a
 * union by value) are not converted at all. */
static bool in_registers(const struct type *t)
{
	return proto_type_strip(t)->kind != TK_ARRAY;
}

/* --- functions ------------------------------------------------------------------- */

static const struct proto *convert_function(struct dwarf_protos *d, Dwarf_Die *fn,
					    const char *name)
{
	struct arena *a = &d->table->arena;
	struct conv c = { .a = a, .d = d };
	struct proto *p = proto_arena_alloc(a, sizeof(*p));
	Dwarf_Die ret, arg;

	p->name = proto_arena_strndup(a, name, strlen(name));
	p->ret = type_of(fn, &ret) ? convert(&c, &ret) : prim(TK_VOID);
	if (p->ret == NULL || !in_registers(p->ret))
		return NULL;
	if (dwarf_child(fn, &arg) == 0) {
		do {
			Dwarf_Die at;
			if (dwarf_tag(&arg) != DW_TAG_formal_parameter)
				continue;
			struct type *t = type_of(&arg, &at) ? convert(&c, &at) : NULL;
			if (t == NULL || !in_registers(t))
				return NULL;
			p->params = proto_arena_realloc(a, p->params, (p->nparams + 1) * sizeof(*p->params));
			p->params[p->nparams].type = t;
			p->params[p->nparams++].out = false;
		} while (dwarf_siblingof(&arg, &arg) == 0);
	}
	proto_map_put(&d->table->protos, p->name, p);
	return p;
}

/* The DIE's function name: its own, or its specification's / abstract origin's. */
static const char *function_name(Dwarf_Die *die)
{
	Dwarf_Attribute attr;

	if (dwarf_attr_integrate(die, DW_AT_name, &attr) == NULL)
		return NULL;
	return dwarf_formstring(&attr);
}

/* A definition of a function (not a declaration, not only inlined). */
static bool is_definition(Dwarf_Die *die)
{
	return dwarf_tag(die) == DW_TAG_subprogram && !flag(die, DW_AT_declaration) &&
	       (dwarf_hasattr(die, DW_AT_low_pc) || dwarf_hasattr(die, DW_AT_ranges) ||
		dwarf_hasattr(die, DW_AT_entry_pc));
}

/* The definition of name among the children of a unit; else the function at addr (name
 * is an alias: strverscmp is __strverscmp in the C library), or false. */
static bool find_in_unit(Dwarf_Die *cu, const char *name, uint64_t addr, Dwarf_Die *out)
{
	Dwarf_Die at;
	bool found_at = false;

	if (dwarf_child(cu, out) != 0)
		return false;
	do {
		const char *n;
		Dwarf_Addr lo;
		if (!is_definition(out))
			continue;
		if ((n = function_name(out)) != NULL && n[0] != '\0' && strcmp(n, name) == 0)
			return true;
		if (!found_at && dwarf_lowpc(out, &lo) == 0 && lo == addr) {
			at = *out;
			found_at = true;
		}
	} while (dwarf_siblingof(out, out) == 0);
	if (found_at)
		*out = at;
	return found_at;
}

static void build_index(struct dwarf_protos *d)
{
	Dwarf_CU *cu = NULL;
	Dwarf_Die cudie, subdie, die;
	uint8_t unit_type;

	d->indexed = true;
	while (dwarf_get_units(d->dw, cu, &cu, NULL, &unit_type, &cudie, &subdie) == 0) {
		Dwarf_Die *top = unit_type == DW_UT_skeleton ? &subdie : &cudie;
		if (dwarf_child(top, &die) != 0)
			continue;
		do {
			const char *n;
			if (!is_definition(&die) || (n = function_name(&die)) == NULL ||
			    n[0] == '\0' || proto_map_get(&d->index, n) != NULL)
				continue;
			char *key = proto_arena_strndup(&d->table->arena, n, strlen(n));
			proto_map_put(&d->index, key, (void *)(uintptr_t)(dwarf_dieoffset(&die) + 1));
		} while (dwarf_siblingof(&die, &die) == 0);
	}
}

static bool find_function(struct dwarf_protos *d, const char *name, uint64_t addr, Dwarf_Die *out)
{
	Dwarf_Die cu;

	if (addr != 0 && dwarf_addrdie(d->dw, addr, &cu) != NULL && find_in_unit(&cu, name, addr, out))
		return true;
	if (!d->indexed)
		build_index(d);
	uintptr_t off = (uintptr_t)proto_map_get(&d->index, name);
	return off != 0 && dwarf_offdie(d->dw, (Dwarf_Off)(off - 1), out) != NULL;
}

const struct proto *dwarf_protos_lookup(struct dwarf_protos *d, const char *name, uint64_t addr)
{
	const struct proto *p = proto_table_lookup(d->table, name);
	Dwarf_Die fn;

	if (p != NULL || proto_map_get(&d->tried, name) != NULL)
		return p;
	if (find_function(d, name, addr, &fn))
		p = convert_function(d, &fn, name);
	if (p == NULL)
		proto_map_put(&d->tried, proto_arena_strndup(&d->table->arena, name, strlen(name)), d);
	return p;
}

void dwarf_protos_each_name(struct dwarf_protos *d, void (*fn)(const char *name, void *arg),
			    void *arg)
{
	if (!d->indexed)
		build_index(d);
	for (size_t i = 0; i < d->index.cap; i++)
		if (d->index.slots[i].key != NULL)
			fn(d->index.slots[i].key, arg);
}
