/* Calls in two parts: output ('+') arguments shown when the call returns. */
#include "tests/unit/check_proto.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/strbuf.h"

struct split {
	char in[256], out[256], ret[256];
	bool has_output;
};

/* Fetch the call from F, let the callee write into buf, then return retval. */
static struct split run(const char *text, const char *fn, taddr_t buf, const char *written,
			uint64_t retval)
{
	struct proto_table *t = proto_table_new();
	struct strbuf sb = STRBUF_INIT;
	struct split r;

	ck_assert_int_eq(proto_table_load_string(t, "t.conf", text, stderr), 0);
	struct proto_call *c = proto_call_fetch(proto_table_lookup(t, fn), &F.cursor);
	r.has_output = proto_call_has_output(c);
	proto_call_format_in(&sb, c, &F.cursor, &OPTS);
	snprintf(r.in, sizeof(r.in), "%s", strbuf_str(&sb));
	if (written != NULL)
		fake_mem_at(&F, buf, written, strlen(written) + 1); /* found first: shadows */
	F.nints = F.next_int = 0;
	fake_int(&F, retval);
	proto_call_return(c, &F.cursor);
	strbuf_reset(&sb);
	proto_call_format_out(&sb, c, &F.cursor, &OPTS);
	snprintf(r.out, sizeof(r.out), "%s", strbuf_str(&sb));
	strbuf_reset(&sb);
	proto_call_format_ret(&sb, c, &F.cursor, &OPTS);
	snprintf(r.ret, sizeof(r.ret), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	proto_call_free(c);
	proto_table_free(t);
	return r;
}

START_TEST(read_into_buffer)
{
	fake_int(&F, 3);
	fake_int(&F, 0x5000);
	fake_int(&F, 10);
	struct split r = run("long read(int, +string[retval], ulong);", "read", 0x5000,
			     "abcdefgh", 3);
	ck_assert(r.has_output);
	ck_assert_str_eq(r.in, "3");
	ck_assert_str_eq(r.out, ", \"abc\", 10");
	ck_assert_str_eq(r.ret, "3");
}
END_TEST

START_TEST(first_argument_is_output)
{
	fake_int(&F, 0x5000);
	fake_int(&F, fake_str(&F, "%d-%s"));
	fake_int(&F, 42);
	fake_int(&F, fake_str(&F, "xyz"));
	struct split r = run("int sprintf(+string,format);", "sprintf", 0x5000, "42-xyz", 6);
	ck_assert_str_eq(r.in, "");
	ck_assert_str_eq(r.out, "\"42-xyz\", \"%d-%s\", 42, \"xyz\"");
	ck_assert_str_eq(r.ret, "6");
}
END_TEST

START_TEST(no_output)
{
	fake_int(&F, fake_str(&F, "hi"));
	struct split r = run("ulong strlen(string);", "strlen", 0, NULL, 2);
	ck_assert(!r.has_output);
	ck_assert_str_eq(r.in, "\"hi\"");
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.ret, "2");
}
END_TEST

START_TEST(return_depends_on_argument)
{
	fake_int(&F, 0x5000);
	fake_int(&F, 4);
	struct split r = run("string2 getcwd(addr,ulong);", "getcwd", 0x5000, "/tmp/lt", 0x5000);
	ck_assert_str_eq(r.in, "0x5000, 4");
	ck_assert_str_eq(r.ret, "\"/tmp\"");
}
END_TEST

START_TEST(unknown_function_call)
{
	fake_int(&F, 1);
	fake_int(&F, 2);
	fake_int(&F, 3);
	fake_int(&F, 0x55d0c2a0);
	struct proto_call *c = proto_call_fetch(NULL, &F.cursor);
	struct strbuf sb = STRBUF_INIT;
	proto_call_format_in(&sb, c, &F.cursor, &OPTS);
	ck_assert_str_eq(strbuf_str(&sb), "1, 2, 3, 0x55d0c2a0");
	fake_int(&F, 0x1234567);
	proto_call_return(c, &F.cursor);
	strbuf_reset(&sb);
	proto_call_format_ret(&sb, c, &F.cursor, &OPTS);
	ck_assert_str_eq(strbuf_str(&sb), "0x1234567");
	strbuf_free(&sb);
	proto_call_free(c);
}
END_TEST

START_TEST(names_and_imports)
{
	struct proto_table *t = proto_table_new();
	ck_assert_int_eq(proto_table_load_string(t, "t.conf",
						 "import \"libc\";\nimport \"libm\";\n"
						 "int f(+int);\nint g(int);\nhex(int) g(int);\n",
						 stderr), 0);
	ck_assert_str_eq(proto_table_import(t, 0), "libc");
	ck_assert_str_eq(proto_table_import(t, 1), "libm");
	ck_assert_ptr_null(proto_table_import(t, 2));
	ck_assert_str_eq(proto_name(proto_table_lookup(t, "f")), "f");
	ck_assert(proto_has_output(proto_table_lookup(t, "f")));
	ck_assert(!proto_has_output(proto_table_lookup(t, "g")));
	ck_assert_ptr_null(proto_table_lookup(t, "h"));
	proto_table_free(t);
	/* A later declaration replaces an earlier one. */
	fake_int(&F, 255);
	EXPECT_RET("int g(int);\nhex(int) g(int);\n", "g", "0xff");
}
END_TEST

/* A resolver that finds NAME.conf in the directory given as ctx. */
static char *in_dir(const char *name, const char *from, void *ctx)
{
	char path[512];

	(void)from;
	snprintf(path, sizeof(path), "%s/%s.conf", (const char *)ctx, name);
	return access(path, R_OK) == 0 ? strdup(path) : NULL;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(imports_resolved)
{
	char dir[] = "/tmp/check_import.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* pairs imports base, which imports pairs back: each is read once. */
	write_file(dir, "base.conf", "import \"pairs\";\ntypedef num = int;\n");
	write_file(dir, "pairs.conf", "import \"base\";\ntypedef pair = struct(num, num);\n"
		   "int p_first(pair);\n");
	struct proto_table *t = proto_table_new();
	proto_table_set_import_resolver(t, in_dir, dir);
	ck_assert_int_eq(proto_table_load_string(t, "t.conf",
						 "import \"pairs\";\nint f(pair, num);\n", stderr), 0);
	ck_assert_ptr_nonnull(proto_table_lookup(t, "f"));
	ck_assert_ptr_nonnull(proto_table_lookup(t, "p_first")); /* the imported prototypes */
	/* Types are per file: after forgetting them, an import reads the file again. */
	proto_table_forget_types(t);
	ck_assert_int_eq(proto_table_load_string(t, "u.conf", "import \"pairs\";\nint g(pair);\n",
						 stderr), 0);
	/* A name that cannot be found is an error of the importing line. */
	char *text = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&text, &len);
	ck_assert_int_eq(proto_table_load_string(t, "v.conf", "import \"nowhere\";\n", err), -1);
	fclose(err);
	ck_assert_str_eq(text, "v.conf:1: error: cannot find \"nowhere.conf\" to import\n");
	free(text);
	proto_table_free(t);
	write_file(dir, "base.conf", "");
	char path[512];
	snprintf(path, sizeof(path), "%s/base.conf", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/pairs.conf", dir);
	unlink(path);
	rmdir(dir);
}
END_TEST

TCase *tcase_calls(void)
{
	TCase *tc = tcase_create("calls");

	tcase_add_test(tc, read_into_buffer);
	tcase_add_test(tc, first_argument_is_output);
	tcase_add_test(tc, no_output);
	tcase_add_test(tc, return_depends_on_argument);
	tcase_add_test(tc, unknown_function_call);
	tcase_add_test(tc, names_and_imports);
	tcase_add_test(tc, imports_resolved);
	return tc;
}
