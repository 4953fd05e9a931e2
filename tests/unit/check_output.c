/* Unit tests: the text trace layout and the breakpoint table. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "breakpoints/breakpoint.h"
#include "output/output.h"

static FILE *sink;

static void open_sink(bool buffered)
{
	sink = tmpfile();
	ck_assert_ptr_nonnull(sink);
	struct output_opts o = { fileno(sink), buffered, 48 };
	output_init(&o);
	output_show_pids(false);
}

/* Everything written since open_sink. */
static char *sink_text(void)
{
	static char text[4096];

	output_flush(true);
	rewind(sink);
	size_t n = fread(text, 1, sizeof(text) - 1, sink);
	text[n] = '\0';
	fclose(sink);
	return text;
}

START_TEST(call_and_return_on_one_line)
{
	int a;

	open_sink(true);
	output_call(1, &a, "strlen", "\"hi\"");
	output_return(1, &a, "strlen", "2");
	ck_assert_str_eq(sink_text(), "strlen(\"hi\")                                     = 2\n");
}
END_TEST

START_TEST(nested_call_splits_the_line)
{
	int outer, inner;

	open_sink(true);
	output_call(1, &outer, "qsort", "0x1000, 3, 8, 0x2000");
	output_call(1, &inner, "strcmp", "\"a\", \"c\"");
	output_return(1, &inner, "strcmp", "-2");
	output_return(1, &outer, "qsort", "<void>");
	ck_assert_str_eq(sink_text(),
			 "qsort(0x1000, 3, 8, 0x2000 <unfinished ...>\n"
			 "strcmp(\"a\", \"c\")                                 = -2\n"
			 "<... qsort resumed> )                            = <void>\n");
}
END_TEST

START_TEST(signal_and_exit_close_an_open_call)
{
	int k, e;

	open_sink(true);
	output_call(7, &k, "kill", "7, SIGUSR1");
	output_signal(7, SIGUSR1);
	output_return(7, &k, "kill", "0");
	output_call(7, &e, "exit", "3");
	output_exited(7, 3);
	ck_assert_str_eq(sink_text(),
			 "kill(7, SIGUSR1 <no return ...>\n"
			 "--- SIGUSR1 (User defined signal 1) ---\n"
			 "<... kill resumed> )                             = 0\n"
			 "exit(3 <no return ...>\n"
			 "+++ exited (status 3) +++\n");
}
END_TEST

START_TEST(long_line_gets_one_space)
{
	int a;

	open_sink(true);
	output_call(1, &a, "a_rather_long_function_name", "0x7ffe5d416618, 0x55582bfbadb8");
	output_return(1, &a, "a_rather_long_function_name", "0");
	ck_assert_str_eq(sink_text(),
			 "a_rather_long_function_name(0x7ffe5d416618, 0x55582bfbadb8) = 0\n");
}
END_TEST

START_TEST(pid_prefixes_count_in_the_column)
{
	int a;

	open_sink(true);
	output_show_pids(true);
	output_call(42, &a, "getpid", "");
	output_return(42, &a, "getpid", "42");
	output_killed(42, SIGSEGV);
	ck_assert_str_eq(sink_text(), "42 getpid()                                      = 42\n"
				      "42 +++ killed by SIGSEGV +++\n");
}
END_TEST

START_TEST(unbuffered_left_half_keeps_its_column)
{
	int a;

	open_sink(false);
	output_call(1, &a, "fflush", "0x7f93dc2e1760");
	output_flush(false); /* the program prints between the halves */
	output_return(1, &a, "fflush", "0");
	ck_assert_str_eq(sink_text(),
			 "fflush(0x7f93dc2e1760)                           = 0\n");
}
END_TEST

START_TEST(table_finds_what_was_added_after_growing)
{
	struct bp_table *t = bp_table_new();

	for (taddr_t a = 0x1000; a < 0x1000 + 16 * 1000; a += 16)
		bp_add(t, a)->roles = BP_ROLE_CALL;
	for (taddr_t a = 0x1000; a < 0x1000 + 16 * 1000; a += 16) {
		struct breakpoint *bp = bp_find(t, a);
		ck_assert_ptr_nonnull(bp);
		ck_assert_uint_eq(bp->addr, a);
	}
	ck_assert_ptr_null(bp_find(t, 0x1008));
	ck_assert_ptr_eq(bp_add(t, 0x1010), bp_find(t, 0x1010));
	struct bp_table *c = bp_table_clone(t);
	ck_assert_ptr_nonnull(bp_find(c, 0x1000 + 16 * 999));
	ck_assert_ptr_ne(bp_find(c, 0x1000), bp_find(t, 0x1000));
	bp_table_free(c);
	bp_table_free(t);
}
END_TEST

static Suite *output_suite(void)
{
	Suite *s = suite_create("output and breakpoint table");
	TCase *lines = tcase_create("lines");
	TCase *table = tcase_create("table");

	tcase_add_test(lines, call_and_return_on_one_line);
	tcase_add_test(lines, nested_call_splits_the_line);
	tcase_add_test(lines, signal_and_exit_close_an_open_call);
	tcase_add_test(lines, long_line_gets_one_space);
	tcase_add_test(lines, pid_prefixes_count_in_the_column);
	tcase_add_test(lines, unbuffered_left_half_keeps_its_column);
	tcase_add_test(table, table_finds_what_was_added_after_growing);
	suite_add_tcase(s, lines);
	suite_add_tcase(s, table);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(output_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
