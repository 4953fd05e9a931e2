/* The ltrace.conf parser: what it accepts, its error messages, and garbage. */
#include "tests/unit/check_proto.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/strbuf.h"

START_TEST(comments_and_blanks)
{
	fake_int(&F, 1);
	EXPECT_ARGS("; comment\n\n   \t\n# hash comment\n  ; indented\nint\tf\t(\tint\t)\t;\n",
		    "f", "1");
	EXPECT_ERRORS("; only comments\n#\n\n", "");
}
END_TEST

START_TEST(lenient_like_ltrace)
{
	fake_int(&F, 1);
	fake_int(&F, 2);
	/* ltrace 0.7.3 accepts a trailing comma, a missing ';' and junk after ')'. */
	EXPECT_ARGS("int f(int,);", "f", "1");
	EXPECT_ARGS("int f(int)", "f", "1");
	EXPECT_ARGS("int f(int) extra;", "f", "1");
	EXPECT_ARGS("int f(int, int) ; comment", "f", "1, 2");
	EXPECT_ARGS("int f();", "f", "");
}
END_TEST

START_TEST(function_keyword)
{
	fake_int(&F, 9);
	/* `function` starts a prototype whose return type is named like a keyword. */
	EXPECT_RET("typedef import = hex(int);\nfunction import load(string);\n", "load", "0x9");
	EXPECT_ARGS("function int import(oct(int));\n", "import", "011");
	EXPECT_ERRORS("function\tint f(int);\nfunction int function(int);\n", "");
	/* Without it, such a line is an import; `functions` is only a type name. */
	EXPECT_ERRORS("typedef import = int;\nimport load(string);\n",
		      "t.conf:2: error: expected '\"', got 'load'\n");
	EXPECT_ERRORS("functions f(int);\n", "t.conf:1: error: unknown type 'functions'\n");
	EXPECT_ERRORS("function;\n", "t.conf:1: error: expected a type, got ';'\n");
}
END_TEST

START_TEST(architecture_types)
{
	/* stat_t is the architecture's struct stat (glibc's matches the kernel's on 64-bit
	 * Linux): known without a typedef; a file's own typedef hides it, no error. */
	struct stat st;
	memset(&st, 0, sizeof(st));
	st.st_mode = 0100640;
	st.st_size = 42;
	fake_int(&F, fake_mem(&F, &st, sizeof(st)));
	EXPECT_ARGS("int fstat(stat_t*);\n", "fstat", "{ 0100640, 42 }");
	EXPECT_ARGS("typedef stat_t = struct(hex(ulong));\nint fstat(stat_t*);\n", "fstat",
		    "{ 0 }");
}
END_TEST

START_TEST(void_parameter)
{
	fake_int(&F, 1);
	fake_int(&F, 2);
	fake_int(&F, 3);
	EXPECT_ERRORS("int f(int, void, int);\n",
		      "t.conf:1: warning: void parameter assumed to be 'hide(int)'\n");
	EXPECT_ARGS("int f(int, void, int);\n", "f", "1, 3");
	/* A sole void is C's "no parameters": no warning (as ltrace 0.7.3). */
	EXPECT_ERRORS("int f(void);\nvoid g( void ) ;\n", "");
	EXPECT_ARGS("int f(void);\n", "f", "");
}
END_TEST

START_TEST(void_parameter_warnings)
{
	EXPECT_ERRORS("int f(void, void);\n",
		      "t.conf:1: warning: void parameter assumed to be 'hide(int)'\n"
		      "t.conf:1: warning: void parameter assumed to be 'hide(int)'\n");
}
END_TEST

START_TEST(error_messages)
{
	EXPECT_ERRORS("int e1(foo);\n", "t.conf:1: error: unknown type 'foo'\n");
	EXPECT_ERRORS("int w(format(int*));\nint x(format(array(double, zero)*));\n"
		      "int y(format(string(array(int, zero)*)));\nint z(format());\n",
		      "t.conf:1: error: format needs a pointer to an array of characters\n"
		      "t.conf:2: error: format needs a pointer to an array of characters\n"
		      "t.conf:4: error: expected a type, got ')'\n");
	EXPECT_ERRORS("\nint e2(int\n", "t.conf:2: error: expected ')', got end of line\n");
	EXPECT_ERRORS("blah\n", "t.conf:1: error: unknown type 'blah'\n");
	EXPECT_ERRORS("int e5(array(int));\n", "t.conf:1: error: expected ',', got ')'\n");
	EXPECT_ERRORS("int e6(enum(A=x));\n", "t.conf:1: error: bad number\n");
	EXPECT_ERRORS("typedef t1 = int;\ntypedef t1 = long;\n",
		      "t.conf:2: error: Redefinition of typedef 't1'\n");
	EXPECT_ERRORS("typedef int = long;\n",
		      "t.conf:1: error: Redefinition of typedef 'int'\n");
	EXPECT_ERRORS("int e7(string[);\n", "t.conf:1: error: bad number\n");
	EXPECT_ERRORS("int (int);\n", "t.conf:1: error: expected a function name, got '('\n");
	EXPECT_ERRORS("typedef = int;\n", "t.conf:1: error: expected a type name, got '='\n");
	EXPECT_ERRORS("int e19(enum[string](A));\n",
		      "t.conf:1: error: integral type required as enum argument\n");
	EXPECT_ERRORS("int e30(array(int, -1)*);\n", "t.conf:1: error: bad number\n");
	EXPECT_ERRORS("int e31(array(int, foo)*);\n", "t.conf:1: error: bad expression 'foo'\n");
	EXPECT_ERRORS("int e32(,);\n", "t.conf:1: error: expected a type, got ','\n");
	EXPECT_ERRORS("import x;\n", "t.conf:1: error: expected '\"', got 'x'\n");
	EXPECT_ERRORS("import \"x\n", "t.conf:1: error: expected a library name in quotes\n");
	EXPECT_ERRORS("typedef S = struct;\ntypedef S = struct(int, S);\n",
		      "t.conf:2: error: struct 'S' contains itself\n");
	EXPECT_ERRORS("int f(zero);\n", "t.conf:1: error: unknown type 'zero'\n");
	EXPECT_ERRORS("int f(array(int, zero(zero)));\n",
		      "t.conf:1: error: zero() needs a length\n");
}
END_TEST

START_TEST(errors_skip_only_their_line)
{
	fake_int(&F, 7);
	int rc;
	char *errs = load_errors("int a(foo);\nint b(int);\nint c(bar);\n", &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(errs, "t.conf:1: error: unknown type 'foo'\n"
			       "t.conf:3: error: unknown type 'bar'\n");
	free(errs);
	struct proto_table *t = proto_table_new();
	ck_assert_int_eq(proto_table_load_string(t, "t.conf", "int a(foo);\nint b(int);\n", NULL),
			 -1);
	ck_assert_ptr_null(proto_table_lookup(t, "a"));
	ck_assert_ptr_nonnull(proto_table_lookup(t, "b"));
	proto_table_free(t);
}
END_TEST

START_TEST(missing_file)
{
	struct proto_table *t = proto_table_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	ck_assert_int_eq(proto_table_load_file(t, "/nonexistent/x.conf", err), -1);
	fclose(err);
	ck_assert_str_eq(buf, "/nonexistent/x.conf: No such file or directory\n");
	free(buf);
	proto_table_free(t);
}
END_TEST

START_TEST(load_file)
{
	char path[] = "/tmp/check_proto_XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs("int ok(int);\nint bad(nope);\n", f);
	fclose(f);
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	struct proto_table *t = proto_table_new();
	ck_assert_int_eq(proto_table_load_file(t, path, err), -1);
	fclose(err);
	char want[128];
	snprintf(want, sizeof(want), "%s:2: error: unknown type 'nope'\n", path);
	ck_assert_str_eq(buf, want);
	ck_assert_ptr_nonnull(proto_table_lookup(t, "ok"));
	free(buf);
	proto_table_free(t);
	unlink(path);
}
END_TEST

START_TEST(deep_nesting)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_append(&sb, "int f(");
	for (int i = 0; i < 200; i++)
		strbuf_append(&sb, "hex(");
	strbuf_append(&sb, "int");
	for (int i = 0; i < 200; i++)
		strbuf_putc(&sb, ')');
	strbuf_append(&sb, ");\n");
	EXPECT_ERRORS(strbuf_str(&sb), "t.conf:1: error: type nested too deeply\n");
	strbuf_free(&sb);
}
END_TEST

/* A fixed pseudo-random sequence, so failures reproduce. */
static unsigned next_rand(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

static const char *const PIECES[] = {
	"int", "uint", "long", "char", "string", "format", "hex(", "oct(", "enum(", "enum[",
	"struct(", "struct", "array(", "typedef", "import", "=", "(", ")", "[", "]", ",", ";",
	"*", "+", "arg1", "elt1", "zero", "zero(", "retval", "A=1", "-", "0x", "9999999999999",
	"\n", "\"", "#", " ", "\t", "void", "bool(", "bitvec(", "hide(", "string3", "T", "f",
	"\xff", "\0", "addr",
};

START_TEST(garbage)
{
	unsigned state = 12345;

	for (int round = 0; round < 2000; round++) {
		struct strbuf sb = STRBUF_INIT;
		int n = 1 + (int)(next_rand(&state) % 40);
		for (int i = 0; i < n; i++)
			strbuf_append(&sb, PIECES[next_rand(&state) % (sizeof(PIECES) / sizeof(PIECES[0]))]);
		struct proto_table *t = proto_table_new();
		proto_table_load_string(t, "fuzz", strbuf_str(&sb), NULL);
		/* Whatever parsed must format without crashing. */
		static const char *const names[] = { "f", "T", "int", "A" };
		for (size_t k = 0; k < 4; k++) {
			const struct proto *p = proto_table_lookup(t, names[k]);
			if (p == NULL)
				continue;
			struct strbuf out = STRBUF_INIT;
			fake_rewind(&F);
			proto_format_args(&out, p, &F.cursor, &OPTS);
			fake_rewind(&F);
			proto_format_ret(&out, p, &F.cursor, &OPTS);
			strbuf_free(&out);
		}
		proto_table_free(t);
		strbuf_free(&sb);
	}
}
END_TEST

START_TEST(random_bytes)
{
	unsigned state = 99;
	char text[512];

	for (int round = 0; round < 500; round++) {
		size_t n = next_rand(&state) % (sizeof(text) - 1);
		for (size_t i = 0; i < n; i++)
			text[i] = (char)(next_rand(&state) % 255 + 1);
		text[n] = '\0';
		struct proto_table *t = proto_table_new();
		proto_table_load_string(t, "fuzz", text, NULL);
		proto_table_free(t);
	}
}
END_TEST

TCase *tcase_parse(void)
{
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, comments_and_blanks);
	tcase_add_test(tc, lenient_like_ltrace);
	tcase_add_test(tc, function_keyword);
	tcase_add_test(tc, architecture_types);
	tcase_add_test(tc, void_parameter);
	tcase_add_test(tc, void_parameter_warnings);
	tcase_add_test(tc, error_messages);
	tcase_add_test(tc, errors_skip_only_their_line);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, load_file);
	tcase_add_test(tc, deep_nesting);
	return tc;
}

TCase *tcase_garbage(void)
{
	TCase *tc = tcase_create("garbage");

	tcase_add_test(tc, garbage);
	tcase_add_test(tc, random_bytes);
	tcase_set_timeout(tc, 60);
	return tc;
}
