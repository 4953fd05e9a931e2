/* Unit tests: the text trace layout and the breakpoint table. */
#include <check.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tracee/breakpoint.h"
#include "common/strbuf.h"
#include "output/output.h"

static FILE *sink;

static void open_sink(bool buffered)
{
	sink = tmpfile();
	ck_assert_ptr_nonnull(sink);
	struct output_opts o = { .fd = fileno(sink), .buffered = buffered, .align = 48 };
	output_init(&o);
	output_show_pids(false);
}

/* Shorthands for the events the tracer makes (no time, no call site, depth 0). */
static void call(pid_t tid, const void *token, const char *name, const char *args)
{
	struct output_event e = { .pid = tid, .tid = tid, .token = token, .name = name,
				  .text = args };
	output_call(&e);
}

static void ret(pid_t tid, const void *token, const char *name, const char *value)
{
	struct output_event e = { .pid = tid, .tid = tid, .token = token, .name = name,
				  .text = value };
	output_return(&e);
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
	call(1, &a, "strlen", "\"hi\"");
	ret(1, &a, "strlen", "2");
	ck_assert_str_eq(sink_text(), "strlen(\"hi\")                                     = 2\n");
}
END_TEST

START_TEST(nested_call_splits_the_line)
{
	int outer, inner;

	open_sink(true);
	call(1, &outer, "qsort", "0x1000, 3, 8, 0x2000");
	call(1, &inner, "strcmp", "\"a\", \"c\"");
	ret(1, &inner, "strcmp", "-2");
	ret(1, &outer, "qsort", "<void>");
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
	call(7, &k, "kill", "7, SIGUSR1");
	output_signal(7, SIGUSR1);
	ret(7, &k, "kill", "0");
	call(7, &e, "exit", "3");
	output_exited(7, 3);
	ck_assert_str_eq(sink_text(),
			 "kill(7, SIGUSR1 <no return ...>\n"
			 "--- SIGUSR1 (User defined signal 1) ---\n"
			 "<... kill resumed> )                             = 0\n"
			 "exit(3 <no return ...>\n"
			 "+++ exited (status 3) +++\n");
}
END_TEST

START_TEST(another_threads_exit_only_interrupts_a_call)
{
	int a;

	open_sink(true);
	output_show_pids(true);
	call(7, &a, "op", "1");
	output_exited(8, 0);
	ret(7, &a, "op", "2");
	ck_assert_str_eq(sink_text(), "7 op(1 <unfinished ...>\n"
				      "8 +++ exited (status 0) +++\n"
				      "7 <... op resumed> )                             = 2\n");
}
END_TEST

START_TEST(long_line_gets_one_space)
{
	int a;

	open_sink(true);
	call(1, &a, "a_rather_long_function_name", "0x7ffe5d416618, 0x55582bfbadb8");
	ret(1, &a, "a_rather_long_function_name", "0");
	ck_assert_str_eq(sink_text(),
			 "a_rather_long_function_name(0x7ffe5d416618, 0x55582bfbadb8) = 0\n");
}
END_TEST

START_TEST(pid_prefixes_count_in_the_column)
{
	int a;

	open_sink(true);
	output_show_pids(true);
	call(42, &a, "getpid", "");
	ret(42, &a, "getpid", "42");
	output_killed(42, SIGSEGV);
	ck_assert_str_eq(sink_text(), "42 getpid()                                      = 42\n"
				      "42 +++ killed by SIGSEGV +++\n");
}
END_TEST

START_TEST(unbuffered_left_half_keeps_its_column)
{
	int a;

	open_sink(false);
	call(1, &a, "fflush", "0x7f93dc2e1760");
	output_flush(false); /* the program prints between the halves */
	ret(1, &a, "fflush", "0");
	ck_assert_str_eq(sink_text(),
			 "fflush(0x7f93dc2e1760)                           = 0\n");
}
END_TEST

/* -r, -ttt, -i, -n 2 and -T together, in ltrace's order at the start of a line. */
START_TEST(prefixes_indentation_and_durations)
{
	const uint64_t t0 = 1700000000000100000ull; /* ns */
	int outer, inner;

	sink = tmpfile();
	ck_assert_ptr_nonnull(sink);
	struct output_opts o = { .fd = fileno(sink), .buffered = true, .align = 48,
				 .clock = OUTPUT_CLOCK_EPOCH, .relative = true,
				 .durations = true, .call_sites = true, .indent = 2 };
	output_init(&o);
	output_show_pids(false);
	struct output_event e = { 1, 1, &outer, "qsort", "1", 0x401000, 0, t0, 0, NULL, NULL, 0, NULL, NULL };
	output_call(&e);
	e = (struct output_event){ 1, 1, &inner, "strcmp", "2", 0x402000, 1, t0 + 50000, 0,
				   NULL, NULL, 0, NULL, NULL };
	output_call(&e);
	e.text = "-2";
	e.ts = t0 + 80000;
	e.duration = 30000;
	output_return(&e);
	e = (struct output_event){ 1, 1, &outer, "qsort", "<void>", 0x401000, 0, t0 + 1200000,
				   1200000, NULL, NULL, 0, NULL, NULL };
	output_return(&e);
	ck_assert_str_eq(sink_text(),
			 "  0.000000 1700000000.000100 [0x401000] qsort(1 <unfinished ...>\n"
			 "  0.000050 1700000000.000150 [0x402000]   strcmp(2) = -2 <0.000030>\n"
			 "  0.001150 1700000000.001300 [0x401000] <... qsort resumed> ) = <void> "
			 "<0.001200>\n");
}
END_TEST

/* -tt, -b: the time of day (local time) with microseconds; no signal lines. */
START_TEST(clock_and_hidden_signals)
{
	int a;

	setenv("TZ", "UTC", 1);
	tzset();
	sink = tmpfile();
	ck_assert_ptr_nonnull(sink);
	struct output_opts o = { .fd = fileno(sink), .buffered = true, .align = 30,
				 .clock = OUTPUT_CLOCK_MICRO, .hide_signals = true };
	output_init(&o);
	output_show_pids(false);
	struct output_event e = { 1, 1, &a, "kill", "1, SIGUSR1", 0, 0,
				  1700000000000000000ull + 3723000001000ull, 0, NULL, NULL, 0, NULL, NULL };
	output_call(&e);
	output_signal(1, SIGUSR1);
	e.text = "0";
	output_return(&e);
	ck_assert_str_eq(sink_text(), "23:15:23.000001 kill(1, SIGUSR1) = 0\n");
}
END_TEST

static void count_one(struct breakpoint *bp, void *arg)
{
	(void)bp;
	++*(unsigned *)arg;
}

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

/* The number writers give what printf gives, at the limits too; a long printf grows the
 * buffer and is printed whole. */
START_TEST(strbuf_numbers_as_printf_writes_them)
{
	static const int64_t dec[] = { 0, 1, -1, 9, 10, 10000, -10000, INT64_MAX, INT64_MIN };
	static const uint64_t hex[] = { 0, 1, 0xf, 0x10, 0xdeadbeef, UINT64_MAX };
	char want[64];

	for (size_t i = 0; i < sizeof(dec) / sizeof(dec[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_append(&sb, "<");
		strbuf_put_dec(&sb, dec[i]);
		strbuf_put_udec(&sb, (uint64_t)dec[i]);
		snprintf(want, sizeof(want), "<%" PRId64 "%" PRIu64, dec[i], (uint64_t)dec[i]);
		ck_assert_str_eq(strbuf_str(&sb), want);
		strbuf_free(&sb);
	}
	for (size_t i = 0; i < sizeof(hex) / sizeof(hex[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_put_hex(&sb, hex[i]);
		snprintf(want, sizeof(want), "0x%" PRIx64, hex[i]);
		ck_assert_str_eq(strbuf_str(&sb), want);
		strbuf_free(&sb);
	}
	struct strbuf guess = STRBUF_INIT;
	strbuf_put_guess(&guess, 10000);
	strbuf_putc(&guess, ' ');
	strbuf_put_guess(&guess, (uint64_t)-10000);
	strbuf_putc(&guess, ' ');
	strbuf_put_guess(&guess, 10001);
	strbuf_putc(&guess, ' ');
	strbuf_put_guess(&guess, (uint64_t)-10001);
	ck_assert_str_eq(strbuf_str(&guess), "10000 -10000 0x2711 0xffffffffffffd8ef");
	strbuf_free(&guess);
	struct strbuf sb = STRBUF_INIT;
	strbuf_pad(&sb, ' ', 3);
	strbuf_printf(&sb, "%s|%200s|", "ab", "");
	ck_assert_uint_eq(sb.len, 3 + 3 + 200 + 1);
	ck_assert_str_eq(strbuf_str(&sb) + 3 + 3 + 200, "|");
	ck_assert_int_eq(strncmp(strbuf_str(&sb), "   ab|", 6), 0);
	strbuf_free(&sb);
}
END_TEST

/* An alias means its breakpoint, in a copy of the table too; forgetting a range forgets
 * the aliases of what it forgets, and only those. */
START_TEST(table_aliases_follow_their_breakpoint)
{
	struct bp_table *t = bp_table_new();
	struct breakpoint *stub = bp_add(t, 0x1030), *other = bp_add(t, 0x5000);

	ck_assert_int_eq(bp_alias(t, 0x9004, stub), 0);
	ck_assert_int_eq(bp_alias(t, 0x9014, other), 0);
	ck_assert_int_eq(bp_alias(t, 0x9004, other), -1); /* taken */
	ck_assert_uint_eq(stub->trap, 0x9004);
	ck_assert_ptr_eq(bp_find(t, 0x9004), stub);
	for (taddr_t a = 0x10000; a < 0x10000 + 16 * 600; a += 16) /* grows the table */
		bp_add(t, a);
	ck_assert_ptr_eq(bp_find(t, 0x9004), stub);
	struct bp_table *c = bp_table_clone(t);
	struct breakpoint *copy = bp_find(c, 0x1030);
	ck_assert_ptr_ne(copy, stub);
	ck_assert_ptr_eq(bp_find(c, 0x9004), copy);
	bp_forget_range(t, 0x1000, 0x2000);
	ck_assert_ptr_null(bp_find(t, 0x1030));
	ck_assert_ptr_null(bp_find(t, 0x9004));
	ck_assert_ptr_eq(bp_find(t, 0x9014), other);
	ck_assert_uint_eq(bp_find(t, 0x10000 + 16 * 599)->addr, 0x10000 + 16 * 599);
	unsigned n = 0;
	bp_for_each(c, count_one, &n); /* each breakpoint once, not its alias */
	ck_assert_uint_eq(n, 2 + 600);
	bp_table_free(c);
	bp_table_free(t);

	/* Many aliases among many breakpoints: probe chains mix both kinds. */
	t = bp_table_new();
	for (taddr_t a = 0x1000; a < 0x1000 + 16 * 500; a += 16)
		ck_assert_int_eq(bp_alias(t, a + 0x800004, bp_add(t, a)), 0);
	c = bp_table_clone(t);
	for (taddr_t a = 0x1000; a < 0x1000 + 16 * 500; a += 16) {
		struct breakpoint *bp = bp_find(c, a);
		ck_assert_ptr_nonnull(bp);
		ck_assert_ptr_ne(bp, bp_find(t, a));
		ck_assert_ptr_eq(bp_find(c, a + 0x800004), bp);
	}
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
	tcase_add_test(lines, another_threads_exit_only_interrupts_a_call);
	tcase_add_test(lines, pid_prefixes_count_in_the_column);
	tcase_add_test(lines, unbuffered_left_half_keeps_its_column);
	tcase_add_test(lines, prefixes_indentation_and_durations);
	tcase_add_test(lines, clock_and_hidden_signals);
	tcase_add_test(lines, strbuf_numbers_as_printf_writes_them);
	tcase_add_test(table, table_finds_what_was_added_after_growing);
	tcase_add_test(table, table_aliases_follow_their_breakpoint);
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
