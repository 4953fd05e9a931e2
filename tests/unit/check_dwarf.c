/*
 * Prototypes from DWARF (proto/dwarf.c): a small library is compiled with -g (DWARF 4 and
 * 5) when the tests run, and each function's prototype must format a call exactly as the
 * equivalent ltrace.conf prototype does.
 */
#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "proto/dwarf.h"
#include "tests/unit/fake_cursor.h"

static const char source[] =
	"#include <stdarg.h>\n"
	"enum color { RED, GREEN = 5, BLUE };\n"
	"typedef struct rect { int w, h; const char *name; enum color c; } rect_t;\n"
	"struct node { long v; struct node *next; };\n"
	"struct bits { int a : 3; int b : 5; };\n"
	"union u { int i; float f; };\n"
	"struct pair { long a, b; };\n"
	"struct dpair { double a, b; };\n"
	"struct named { char tag[4]; short n[2]; };\n"
	"typedef unsigned int count_t;\n"
	"int add(int a, int b) { return a + b; }\n"
	"count_t umul(count_t a, const volatile unsigned b) { return a * b; }\n"
	"char next(char c) { return c + 1; }\n"
	"unsigned long slen(const char *s) { (void)s; return 0; }\n"
	"long area(const rect_t *r) { return r->w * r->h; }\n"
	"const char *name(enum color c) { (void)c; return 0; }\n"
	"double scale(double a, float b) { return a * b; }\n"
	"int sum(const int *v, int n) { (void)v; return n; }\n"
	"long list(struct node *n) { return n->v; }\n"
	"int bits(struct bits *b) { return b->a; }\n"
	"int un(union u *p) { return p->i; }\n"
	"long pair(struct pair p) { return p.a + p.b; }\n"
	"int named(struct named *n) { return n->n[0]; }\n"
	"int fp(int (*f)(int)) { return f(1); }\n"
	"int var(int n, ...) { return n; }\n"
	"_Bool flag(_Bool b, short s, unsigned short u) { return b && s && u; }\n"
	"void nothing(void) {}\n"
	"long double ld(long double x) { return x; }\n"
	"double dp(struct dpair p) { return p.a; }\n"
	"struct triple { long a, b, c; };\n"
	"struct triple big(void) { struct triple t = { 1, 2, 3 }; return t; }\n"
	"static int hidden(int x) { return x; }\n"
	"int (*keep)(int) = hidden;\n";

static char dir[] = "/tmp/check_dwarf.XXXXXX";
static char lib4[4200], lib5[4200], stripped[4200], debugdir[4200];

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
	char cmd[16384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

static void need(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "check_dwarf: %s failed\n", what);
		exit(EXIT_FAILURE);
	}
}

/* Build the libraries once, for every test. */
static void build(void)
{
	const char *cc = getenv("CC") != NULL ? getenv("CC") : "cc";
	char src[4200];

	need(mkdtemp(dir) != NULL, "mkdtemp");
	snprintf(src, sizeof(src), "%s/t.c", dir);
	FILE *f = fopen(src, "w");
	need(f != NULL, "writing the source");
	fputs(source, f);
	fclose(f);
	snprintf(lib4, sizeof(lib4), "%s/lib4.so", dir);
	snprintf(lib5, sizeof(lib5), "%s/lib5.so", dir);
	snprintf(stripped, sizeof(stripped), "%s/stripped.so", dir);
	snprintf(debugdir, sizeof(debugdir), "%s/debug", dir);
	need(run("%s -O0 -gdwarf-4 -shared -fPIC -o %s %s", cc, lib4, src) == 0, "DWARF 4 build");
	need(run("%s -O0 -gdwarf-5 -shared -fPIC -Wl,--build-id -o %s %s", cc, lib5, src) == 0,
	     "DWARF 5 build");
	/* The DWARF 5 library stripped, its debug file where the build-id names it. */
	need(run("cp %s %s && strip -g %s && id=$(readelf -n %s | sed -n 's/.*Build ID: *//p') && "
			     "mkdir -p %s/.build-id/$(echo $id | cut -c1-2) && "
			     "objcopy --only-keep-debug %s %s/.build-id/$(echo $id | cut -c1-2)/$(echo $id | cut -c3-).debug",
			     lib5, stripped, stripped, stripped, debugdir, lib5, debugdir) == 0,
	     "the separate debug file");
}

static void unbuild(void)
{
	run("rm -rf %s", dir);
}

static struct fake F;
static struct fmt_opts OPTS = { 32, 4 };
static struct dwarf_protos *D;
static const char *lib_of_test;

static void setup(void)
{
	fake_init(&F);
	D = dwarf_protos_open(lib_of_test, debugdir);
	ck_assert_ptr_nonnull(D);
}

static void teardown(void)
{
	dwarf_protos_free(D);
	fake_free(&F);
}

/* "args) = ret" for p with F's registers; the return value is the next integer/fp. */
static char *call(const struct proto *p)
{
	struct strbuf sb = STRBUF_INIT;

	fake_rewind(&F);
	proto_format_args(&sb, p, &F.cursor, &OPTS);
	strbuf_append(&sb, ") = ");
	proto_format_ret(&sb, p, &F.cursor, &OPTS);
	char *s = strdup(strbuf_str(&sb));
	strbuf_free(&sb);
	return s;
}

/* The call formatted with fn's DWARF prototype equals want, and equals the call formatted
 * with the ltrace.conf prototype conf (NULL: no comparison). */
static void expect(const char *fn, const char *conf, const char *want)
{
	const struct proto *p = dwarf_protos_lookup(D, fn, 0);
	ck_assert_msg(p != NULL, "no prototype for %s", fn);
	ck_assert_str_eq(proto_name(p), fn);
	char *got = call(p);
	ck_assert_str_eq(got, want);
	if (conf != NULL) {
		struct proto_table *t = proto_table_new();
		ck_assert_int_eq(proto_table_load_string(t, "t.conf", conf, stderr), 0);
		char *from_conf = call(proto_table_lookup(t, fn));
		ck_assert_str_eq(from_conf, got);
		free(from_conf);
		proto_table_free(t);
	}
	free(got);
}

START_TEST(scalars)
{
	fake_int(&F, 2);
	fake_int(&F, (uint64_t)-5);
	fake_int(&F, (uint64_t)-3);
	expect("add", "int add(int, int);", "2, -5) = -3");
	F.nints = 0;
	fake_int(&F, 7);
	fake_int(&F, 3000000000u);
	fake_int(&F, 3820130816u);
	expect("umul", "uint umul(uint, uint);", "7, 3000000000) = 3820130816");
	F.nints = 0;
	fake_int(&F, 'a');
	fake_int(&F, 'b');
	expect("next", "char next(char);", "'a') = 'b'");
	F.nints = 0;
	fake_int(&F, 1);
	fake_int(&F, (uint64_t)-2);
	fake_int(&F, 65535);
	fake_int(&F, 0);
	expect("flag", "bool(char) flag(bool(char), short, ushort);", "true, -2, 65535) = false");
	F.nints = 0;
	fake_int(&F, 9);
	expect("nothing", "void nothing();", ") = <void>");
}
END_TEST

START_TEST(floats)
{
	fake_fp(&F, 1.5);
	fake_fp(&F, 2.25);
	fake_fp(&F, 3.375);
	expect("scale", "double scale(double, float);", "1.500000, 2.250000) = 3.375000");
}
END_TEST

START_TEST(strings_and_enums)
{
	fake_int(&F, fake_str(&F, "hello"));
	fake_int(&F, 5);
	expect("slen", "ulong slen(string);", "\"hello\") = 5");
	F.nints = 0;
	fake_int(&F, 5);
	fake_int(&F, fake_str(&F, "green"));
	expect("name", "string name(enum(RED=0, GREEN=5, BLUE=6));", "GREEN) = \"green\"");
}
END_TEST

START_TEST(structs)
{
	struct { int w, h; uint64_t name; int c; int pad; } r = { 3, 4, 0, 6, 0 };
	r.name = fake_str(&F, "box");
	fake_int(&F, fake_mem(&F, &r, sizeof(r)));
	fake_int(&F, 12);
	expect("area", "long area(struct(int, int, string, enum(RED=0, GREEN=5, BLUE=6))*);",
	       "{ 3, 4, \"box\", BLUE }) = 12");
	/* A linked list: the struct points at its own type. */
	struct { int64_t v; uint64_t next; } c = { 30, 0 }, b = { 20, 0 }, a = { 10, 0 };
	b.next = fake_mem(&F, &c, sizeof(c));
	a.next = fake_mem(&F, &b, sizeof(b));
	F.nints = 0;
	fake_int(&F, fake_mem(&F, &a, sizeof(a)));
	fake_int(&F, 60);
	expect("list", NULL, "{ 10, { 20, { 30, nil } } }) = 60");
	/* Arrays inside a struct: char[] as a string. */
	struct { char tag[4]; short n[2]; } n = { "ab", { 7, 8 } };
	F.nints = 0;
	fake_int(&F, fake_mem(&F, &n, sizeof(n)));
	fake_int(&F, 7);
	expect("named", "int named(struct(string(array(char, zero(4))), array(short, 2))*);",
	       "{ \"ab\", [ 7, 8 ] }) = 7");
	/* A small struct of integers by value: two registers. */
	F.nints = 0;
	fake_int(&F, 1);
	fake_int(&F, 2);
	fake_int(&F, 3);
	expect("pair", "long pair(struct(long, long));", "{ 1, 2 }) = 3");
	/* A struct of doubles by value: two vector registers. */
	F.nints = 0;
	fake_fp(&F, 1.5);
	fake_fp(&F, 2.5);
	fake_fp(&F, 1.5);
	expect("dp", "double dp(struct(double, double));", "{ 1.500000, 2.500000 }) = 1.500000");
#ifdef __x86_64__
	/* A struct of 24 bytes returned: in the caller's buffer, whose address is the hidden
	 * first argument and comes back in rax (x86-64; aarch64 passes it in x8, which the
	 * e2e cases values and conf-types cover in the emulated machine). */
	static const long t[3] = { 1, 2, 3 };
	F.nints = 0;
	F.nfps = 0;
	fake_int(&F, 0x7000); /* the hidden buffer argument */
	fake_int(&F, fake_mem(&F, t, sizeof(t)));
	expect("big", "struct(long, long, long) big();", ") = { 1, 2, 3 }");
#endif
}
END_TEST

START_TEST(addresses)
{
	fake_int(&F, 0x1000);
	fake_int(&F, 3);
	fake_int(&F, 6);
	expect("sum", "int sum(addr, int);", "0x1000, 3) = 6");
	/* Bit-fields, unions, function pointers: the address. */
	F.nints = 0;
	fake_int(&F, 0x2000);
	fake_int(&F, 1);
	expect("bits", "int bits(addr);", "0x2000) = 1");
	expect("un", "int un(addr);", "0x2000) = 1");
	expect("fp", "int fp(addr);", "0x2000) = 1");
}
END_TEST

START_TEST(variadic)
{
	fake_int(&F, 2);
	fake_int(&F, 40);
	expect("var", "int var(int);", "2) = 40");
}
END_TEST

START_TEST(unrepresentable)
{
	/* long double: no prototype, not a wrong one. */
	ck_assert_ptr_null(dwarf_protos_lookup(D, "ld", 0));
	ck_assert_ptr_null(dwarf_protos_lookup(D, "no_such_function", 0));
	ck_assert_ptr_null(dwarf_protos_lookup(D, "no_such_function", 0));
	/* A static function is described too (-x traces it). */
	ck_assert_ptr_nonnull(dwarf_protos_lookup(D, "hidden", 0));
}
END_TEST

static void count(const char *name, void *arg)
{
	(void)name;
	(*(int *)arg)++;
}

START_TEST(each_name)
{
	int n = 0;

	dwarf_protos_each_name(D, count, &n);
	ck_assert_int_eq(n, 21);
}
END_TEST

static const struct type *table_type(const char *name, void *ctx)
{
	return proto_table_type(ctx, name);
}

/* Type names of a prototype file replace the DWARF's types of that name: a C typedef
 * (rect_t), an enum tag (color), a struct tag (node) given as void: an address. */
START_TEST(conf_type_names)
{
	struct proto_table *t = proto_table_new();
	ck_assert_int_eq(proto_table_load_string(t, "t.conf",
						 "typedef rect_t = struct(int, hex(int));\n"
						 "typedef color = enum(R=0, G=5, B=6);\n"
						 "typedef node = void;\n", stderr), 0);
	proto_table_forget_types(t); /* still found: the types of every file read */
	dwarf_protos_set_types(D, table_type, t);
	struct { int w, h; } r = { 3, 12 };
	fake_int(&F, fake_mem(&F, &r, sizeof(r)));
	fake_int(&F, 36);
	expect("area", NULL, "{ 3, 0xc }) = 36");
	F.nints = 0;
	fake_int(&F, 5);
	fake_int(&F, 0);
	expect("name", NULL, "G) = nil");
	F.nints = 0;
	fake_int(&F, 0x5000);
	fake_int(&F, 10);
	expect("list", NULL, "0x5000) = 10");
	/* a name no file defines: the DWARF's own type */
	F.nints = 0;
	fake_int(&F, 2);
	fake_int(&F, (uint64_t)-5);
	fake_int(&F, (uint64_t)-3);
	expect("add", NULL, "2, -5) = -3");
	dwarf_protos_free(D);
	D = NULL;
	proto_table_free(t);
}
END_TEST

START_TEST(no_dwarf)
{
	ck_assert_ptr_null(dwarf_protos_open("/nonexistent/lib.so", NULL));
	/* The stripped library without its debug directory: nothing to read. */
	ck_assert_ptr_null(dwarf_protos_open(stripped, "/nonexistent"));
}
END_TEST

static TCase *tcase_for(const char *name, const char *lib)
{
	TCase *tc = tcase_create(name);

	(void)lib;
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, scalars);
	tcase_add_test(tc, floats);
	tcase_add_test(tc, strings_and_enums);
	tcase_add_test(tc, structs);
	tcase_add_test(tc, addresses);
	tcase_add_test(tc, variadic);
	tcase_add_test(tc, unrepresentable);
	tcase_add_test(tc, each_name);
	tcase_add_test(tc, conf_type_names);
	return tc;
}

static int run_with(const char *lib, const char *name)
{
	Suite *s = suite_create(name);
	lib_of_test = lib;
	suite_add_tcase(s, tcase_for(name, lib));
	TCase *tc = tcase_create("open");
	tcase_add_test(tc, no_dwarf);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_set_fork_status(r, CK_NOFORK);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed;
}

int main(void)
{
	if (system("command -v ${CC:-cc} >/dev/null && command -v objcopy >/dev/null") != 0) {
		fprintf(stderr, "check_dwarf: no compiler or objcopy: skipped\n");
		return 77;
	}
	build();
	int failed = run_with(lib4, "dwarf4") + run_with(lib5, "dwarf5") +
		     run_with(stripped, "build-id");
	unbuild();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
