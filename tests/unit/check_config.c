/* Where prototype files are looked for (proto/config_paths.c), over fake environments. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proto/config_paths.h"
#include "proto/proto.h"

static struct path_list L;

static void teardown(void)
{
	path_list_free(&L);
}

/* L holds exactly the NULL-terminated list of paths. */
static void expect_list(const char *const *want)
{
	size_t n = 0;

	for (; want[n] != NULL; n++) {
		ck_assert_msg(n < L.n, "missing %s", want[n]);
		ck_assert_str_eq(L.v[n], want[n]);
	}
	ck_assert_uint_eq(L.n, n);
}

#define EXPECT(...) expect_list((const char *const[]){ __VA_ARGS__, NULL })

static const struct config_env full = {
	.home = "/home/u",
	.xdg_config_home = "/xdg/home",
	.xdg_config_dirs = "/xdg/a:/xdg/b",
	.datadir = "/usr/share/ltrace",
	.sysconfdir = "/etc",
};

START_TEST(lib_dirs_order)
{
	struct path_list f = { NULL, 0 };

	path_list_add(&f, "/f/one");
	path_list_add(&f, "/f/two");
	config_lib_dirs(&full, &f, &L);
	EXPECT("/f/one", "/f/two", "/xdg/home/ltrace", "/home/u/.ltrace", "/xdg/a/ltrace",
	       "/xdg/b/ltrace", "/usr/share/ltrace");
	path_list_free(&f);
}
END_TEST

START_TEST(lib_dirs_defaults)
{
	/* No XDG variables: ~/.config/ltrace, and no system XDG directory. */
	struct config_env env = { .home = "/h", .datadir = "/d", .sysconfdir = "/etc" };

	config_lib_dirs(&env, NULL, &L);
	EXPECT("/h/.config/ltrace", "/h/.ltrace", "/d");
}
END_TEST

START_TEST(lib_dirs_empty)
{
	/* Nothing known, empty values and empty list items skipped. */
	struct config_env env = { .home = "", .xdg_config_home = "", .xdg_config_dirs = "::/x::" };

	config_lib_dirs(&env, NULL, &L);
	EXPECT("/x/ltrace");
}
END_TEST

START_TEST(general_order)
{
	config_general_files(&full, &L);
	EXPECT("/home/u/.ltrace.conf", "/etc/ltrace.conf", "/usr/share/ltrace/ltrace.conf");
}
END_TEST

START_TEST(general_no_home)
{
	struct config_env env = { .datadir = "/d", .sysconfdir = "/usr/local/etc" };

	config_general_files(&env, &L);
	EXPECT("/usr/local/etc/ltrace.conf", "/d/ltrace.conf");
}
END_TEST

START_TEST(keys_library)
{
	config_lib_keys("libc.so.6", true, &L);
	EXPECT("libc.so.6", "libc.so");
	path_list_free(&L);
	config_lib_keys("libfoo.so.1.2.3", true, &L);
	EXPECT("libfoo.so.1.2.3", "libfoo.so.1.2", "libfoo.so.1", "libfoo.so");
	path_list_free(&L);
	config_lib_keys("libfoo.so", true, &L);
	EXPECT("libfoo.so");
	path_list_free(&L);
	config_lib_keys("ld-linux-x86-64.so.2", true, &L);
	EXPECT("ld-linux-x86-64.so.2", "ld-linux-x86-64.so");
	path_list_free(&L);
	config_lib_keys(".hidden", true, &L);
	EXPECT(".hidden");
}
END_TEST

START_TEST(keys_executable)
{
	config_lib_keys("prog.bin", false, &L);
	EXPECT("prog.bin");
}
END_TEST

START_TEST(expand_home)
{
	char *s = config_expand_home(&full, "~/x.conf");
	ck_assert_str_eq(s, "/home/u/x.conf");
	free(s);
	s = config_expand_home(&full, "~");
	ck_assert_str_eq(s, "/home/u");
	free(s);
	s = config_expand_home(&full, "~other/x");
	ck_assert_str_eq(s, "~other/x");
	free(s);
	s = config_expand_home(&full, "rel/~/x");
	ck_assert_str_eq(s, "rel/~/x");
	free(s);
}
END_TEST

/* Debian's ltrace 0.7.3 file, read when SYSCONFDIR is /etc: it parses without an error,
 * and again after the installed file in the same table (each file has its own typedefs). */
START_TEST(debian_conf)
{
	const char *srcdir = getenv("srcdir");
	char ours[4096];

	if (access("/etc/ltrace.conf", R_OK) != 0)
		return; /* ltrace is not installed */
	snprintf(ours, sizeof(ours), "%s/etc/ltrace.conf", srcdir != NULL ? srcdir : ".");
	struct proto_table *t = proto_table_new();
	ck_assert_int_eq(proto_table_load_file(t, "/etc/ltrace.conf", stderr), 0);
	proto_table_forget_types(t);
	ck_assert_int_eq(proto_table_load_file(t, ours, stderr), 0);
	ck_assert_ptr_nonnull(proto_table_lookup(t, "strlen"));
	proto_table_free(t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("paths");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, lib_dirs_order);
	tcase_add_test(tc, lib_dirs_defaults);
	tcase_add_test(tc, lib_dirs_empty);
	tcase_add_test(tc, general_order);
	tcase_add_test(tc, general_no_home);
	tcase_add_test(tc, keys_library);
	tcase_add_test(tc, keys_executable);
	tcase_add_test(tc, expand_home);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_test(tc, debian_conf);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
