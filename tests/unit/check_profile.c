/* Unit tests: what -c, -U, --histogram, --folded and --flame-graph print at the end. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "output/flame.h"
#include "output/histogram.h"
#include "output/summary.h"

static const char *label(unsigned b)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	hist_label(&sb, b);
	return strbuf_str(&sb);
}

START_TEST(buckets_are_log2_of_microseconds)
{
	ck_assert_uint_eq(hist_bucket(0), 0);
	ck_assert_uint_eq(hist_bucket(1), 1);
	ck_assert_uint_eq(hist_bucket(2), 2);
	ck_assert_uint_eq(hist_bucket(3), 2);
	ck_assert_uint_eq(hist_bucket(4), 3);
	ck_assert_uint_eq(hist_bucket(1023), 10);
	ck_assert_uint_eq(hist_bucket(1024), 11);
	ck_assert_uint_eq(hist_bucket(1500), 11);
	ck_assert_uint_eq(hist_bucket(UINT64_MAX), 64);
	ck_assert_str_eq(label(0), "[0]");
	ck_assert_str_eq(label(1), "[1]");
	ck_assert_str_eq(label(2), "[2, 4)");
	ck_assert_str_eq(label(10), "[512, 1K)");
	ck_assert_str_eq(label(11), "[1K, 2K)");
	ck_assert_str_eq(label(hist_bucket(3000)), "[2K, 4K)");
	ck_assert_str_eq(label(21), "[1M, 2M)");
	ck_assert_str_eq(label(64), "[8E, 16E)");
}
END_TEST

START_TEST(histogram_as_bpftrace_prints_it)
{
	struct strbuf sb = STRBUF_INIT;

	hist_add("usleep", 1500000);
	hist_add("usleep", 1600000);
	hist_add("usleep", 5000000);
	hist_add("strlen", 3000);
	hist_add_unreturned("exit");
	hist_add_unreturned("strlen");
	hist_format(&sb);
	ck_assert_str_eq(strbuf_str(&sb),
		"@usecs[exit]:\n"
		"never returned         1\n"
		"\n"
		"@usecs[strlen]:\n"
		"[2, 4)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n"
		"never returned         1\n"
		"\n"
		"@usecs[usleep]:\n"
		"[1K, 2K)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n"
		"[2K, 4K)               0 |                                                    |\n"
		"[4K, 8K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n"
		"\n");
	hist_clear();
	strbuf_free(&sb);
}
END_TEST

START_TEST(percentiles_by_nearest_rank)
{
	const uint64_t v[] = { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };

	ck_assert_uint_eq(summary_percentile(v, 10, 50), 50);
	ck_assert_uint_eq(summary_percentile(v, 10, 90), 90);
	ck_assert_uint_eq(summary_percentile(v, 10, 99), 100);
	ck_assert_uint_eq(summary_percentile(v, 10, 100), 100);
	ck_assert_uint_eq(summary_percentile(v, 10, 1), 10);
	ck_assert_uint_eq(summary_percentile(v, 10, 55), 60);
	ck_assert_uint_eq(summary_percentile(v, 1, 50), 10);
}
END_TEST

static const char *table(void)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	summary_add("free", 1000);
	summary_add("malloc", 3000);
	summary_add("malloc", 1000);
	summary_add("malloc", 2000000);
	summary_format(&sb);
	summary_clear();
	return strbuf_str(&sb);
}

static const char ltrace_table[] =
	"% time     seconds  usecs/call     calls      function\n"
	"------ ----------- ----------- --------- --------------------\n"
	" 99.95    0.002004         668         3 malloc\n"
	"  0.05    0.000001           1         1 free\n"
	"------ ----------- ----------- --------- --------------------\n"
	"100.00    0.002005                     4 total\n";

START_TEST(default_table_is_ltraces)
{
	ck_assert_str_eq(table(), ltrace_table);
}
END_TEST

/* Counted by the --fast agent: the same table as from each call, with a call that never
 * returned (counted, no time) and calls added to those seen one by one. */
START_TEST(counted_calls_join_the_table)
{
	struct strbuf sb = STRBUF_INIT;
	char *error = NULL;

	ck_assert_int_eq(summary_set_columns("name,calls,time,min,max", &error), 0);
	summary_add("malloc", 3000);
	summary_add_counted("malloc", 3, 2001000, 1000, 2000000);
	summary_add_counted("exit", 1, 0, UINT64_MAX, 0);
	summary_format(&sb);
	summary_clear();
	ck_assert_str_eq(strbuf_str(&sb),
		"function     calls     seconds   min usecs   max usecs\n"
		"-------- --------- ----------- ----------- -----------\n"
		"malloc           4    0.002004           1        2000\n"
		"exit             1    0.000000           0           0\n"
		"-------- --------- ----------- ----------- -----------\n"
		"total            5    0.002004\n");
	strbuf_free(&sb);
	ck_assert_int_eq(summary_set_columns("percent,time,avg,calls,name", &error), 0);
}
END_TEST

START_TEST(chosen_columns_in_their_order)
{
	char *error = NULL;

	ck_assert_int_eq(summary_set_columns("name,calls,time,avg,min,max,p50,p90,p99", &error), 0);
	ck_assert_str_eq(table(),
		"function     calls     seconds  usecs/call   min usecs   max usecs   p50 usecs"
		"   p90 usecs   p99 usecs\n"
		"-------- --------- ----------- ----------- ----------- ----------- -----------"
		" ----------- -----------\n"
		"malloc           3    0.002004         668           1        2000           3"
		"        2000        2000\n"
		"free             1    0.000001           1           1           1           1"
		"           1           1\n"
		"-------- --------- ----------- ----------- ----------- ----------- -----------"
		" ----------- -----------\n"
		"total            4    0.002005\n");
	ck_assert_int_eq(summary_set_columns("percent,p99.9,name", &error), 0);
	ck_assert_str_eq(table(),
		"% time p99.9 usecs      function\n"
		"------ ----------- --------------------\n"
		" 99.95        2000 malloc\n"
		"  0.05           1 free\n"
		"------ ----------- --------------------\n"
		"100.00             total\n");
	ck_assert_int_eq(summary_set_columns("name,p0", &error), -1);
	ck_assert_str_eq(error, "unknown column 'p0'");
	free(error);
	ck_assert_int_eq(summary_set_columns("calls,,name", &error), -1);
	ck_assert_str_eq(error, "unknown column ''");
	free(error);
	ck_assert_int_eq(summary_set_columns("percent,time,avg,calls,name", &error), 0);
	ck_assert_str_eq(table(), ltrace_table);
}
END_TEST

/* Events as the tracer makes them: a call, its return ms milliseconds later. */
static void fl_call(pid_t pid, pid_t tid, const void *token, const char *name,
		    const char *backtrace)
{
	struct output_event e = { .pid = pid, .tid = tid, .token = token, .name = name,
				  .backtrace = backtrace };
	flame_call(&e);
}

static void fl_ret(pid_t tid, const void *token, uint64_t us)
{
	struct output_event e = { .pid = tid, .tid = tid, .token = token, .duration = us * 1000 };
	flame_return(&e);
}

static const char *folded(void)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	flame_folded(&sb);
	return strbuf_str(&sb);
}

START_TEST(folded_stacks_of_nested_calls)
{
	int outer, inner, inner2, other, sys, lost;

	ck_assert_int_eq(flame_open_folded("/dev/null"), 0);
	fl_call(7, 7, &outer, "outer_calc", NULL);
	fl_call(7, 7, &inner, "inner_mul", NULL);
	fl_ret(7, &inner, 300);
	fl_call(7, 7, &inner2, "inner_mul", NULL);
	fl_call(7, 7, &sys, "write@SYS", NULL);
	fl_ret(7, &sys, 50);
	fl_ret(7, &inner2, 200);
	fl_call(7, 8, &other, "inner_mul", NULL); /* another thread of the same process */
	fl_ret(8, &other, 1000);
	fl_ret(7, &outer, 800);
	fl_call(7, 7, &lost, "exit", NULL);
	struct output_event e = { .pid = 7, .tid = 7, .token = &lost, .duration = 5000 };
	flame_unreturned(&e);
	ck_assert_str_eq(folded(), "exit 5\n"
				   "inner_mul 1000\n"
				   "outer_calc 300\n"
				   "outer_calc;inner_mul 450\n"
				   "outer_calc;inner_mul;write@SYS 50\n");
	const struct flame_node *all = flame_totals();
	ck_assert_uint_eq(all->total, 1805000);
	/* a return never seen at its call, a second process: "[pid N]" roots */
	fl_ret(9, &outer, 10);
	fl_call(9, 9, &outer, "outer_calc", NULL);
	fl_ret(9, &outer, 10);
	ck_assert_str_eq(folded(), "[pid 7];exit 5\n"
				   "[pid 7];inner_mul 1000\n"
				   "[pid 7];outer_calc 300\n"
				   "[pid 7];outer_calc;inner_mul 450\n"
				   "[pid 7];outer_calc;inner_mul;write@SYS 50\n"
				   "[pid 9];outer_calc 10\n");
	flame_close();
}
END_TEST

static const char *frame(const char *line)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	flame_frame_name(&sb, line, strlen(line));
	return strbuf_str(&sb);
}

START_TEST(real_frames_below_the_first_call)
{
	int a, b;

	ck_assert_str_eq(frame(" > /usr/bin/prog(main+0x41) [0x55d0c2a011b6]"), "main");
	ck_assert_str_eq(frame(" > /lib/libc.so.6(+0x2724a) [0x7f724647324a]"),
			 "libc.so.6+0x2724a");
	ck_assert_str_eq(frame(" > /p(geo::area(geo::shape const&)+0x1a) [0x5555]"),
			 "geo::area(geo::shape const&)");
	ck_assert_str_eq(frame(" > ?? [0x1234]"), "??");
	ck_assert_int_eq(flame_open_folded("/dev/null"), 0);
	fl_call(7, 7, &a, "outer_calc",
		" > /usr/bin/prog(main+0x41) [0x55d0c2a011b6]\n"
		" > /lib/libc.so.6(__libc_start_main+0x85) [0x7f7246473305]\n");
	fl_call(7, 7, &b, "inner_mul", " > /usr/lib/libcalc.so(outer_calc+0x9) [0x7f0]\n");
	fl_ret(7, &b, 2);
	fl_ret(7, &a, 3);
	ck_assert_str_eq(folded(), "__libc_start_main;main;outer_calc 1\n"
				   "__libc_start_main;main;outer_calc;inner_mul 2\n");
	flame_close();
}
END_TEST

START_TEST(layout_widths_by_time)
{
	int a, b, c, d;
	struct flame_rect *r;

	ck_assert_int_eq(flame_open_folded("/dev/null"), 0);
	fl_call(7, 7, &a, "b_outer", NULL);
	fl_call(7, 7, &b, "inner", NULL);
	fl_ret(7, &b, 250);
	fl_ret(7, &a, 500);
	fl_call(7, 7, &c, "a_first", NULL);
	fl_ret(7, &c, 499);
	fl_call(7, 7, &d, "tiny", NULL);
	fl_ret(7, &d, 1);
	size_t n = flame_layout(flame_totals(), 0.01, &r);
	ck_assert_uint_eq(n, 4); /* tiny is too narrow */
	ck_assert_uint_eq(r[0].depth, 0);
	ck_assert_double_eq(r[0].width, 1.0);
	ck_assert_str_eq(r[1].node->name, "a_first");
	ck_assert_uint_eq(r[1].depth, 1);
	ck_assert_double_eq_tol(r[1].x, 0.0, 1e-9);
	ck_assert_double_eq_tol(r[1].width, 0.499, 1e-9);
	ck_assert_str_eq(r[2].node->name, "b_outer");
	ck_assert_double_eq_tol(r[2].x, 0.499, 1e-9);
	ck_assert_double_eq_tol(r[2].width, 0.5, 1e-9);
	ck_assert_str_eq(r[3].node->name, "inner");
	ck_assert_uint_eq(r[3].depth, 2);
	ck_assert_double_eq_tol(r[3].x, 0.499, 1e-9);
	ck_assert_double_eq_tol(r[3].width, 0.25, 1e-9);
	free(r);

	struct strbuf svg = STRBUF_INIT;
	flame_svg(&svg, flame_totals());
	const char *s = strbuf_str(&svg);
	ck_assert_ptr_nonnull(strstr(s, "<title>all (1,000 \xc2\xb5s, 100.00%)</title>"));
	ck_assert_ptr_nonnull(strstr(s, "<title>b_outer (500 \xc2\xb5s, 50.00%, 1 call)</title>"));
	/* inner's frame is inside b_outer's, which closes after it */
	const char *outer = strstr(s, "<title>b_outer"), *inner = strstr(s, "<title>inner");
	ck_assert_ptr_nonnull(inner);
	ck_assert_ptr_null(memmem(outer, (size_t)(inner - outer), "</g>", 4));
	strbuf_free(&svg);
	flame_close();
}
END_TEST

static Suite *profile_suite(void)
{
	Suite *s = suite_create("profiles: -c, -U, --histogram");
	TCase *hist = tcase_create("histogram");
	TCase *summary = tcase_create("summary");

	tcase_add_test(hist, buckets_are_log2_of_microseconds);
	tcase_add_test(hist, histogram_as_bpftrace_prints_it);
	tcase_add_test(summary, percentiles_by_nearest_rank);
	tcase_add_test(summary, default_table_is_ltraces);
	tcase_add_test(summary, chosen_columns_in_their_order);
	tcase_add_test(summary, counted_calls_join_the_table);
	TCase *flame = tcase_create("flame");
	tcase_add_test(flame, folded_stacks_of_nested_calls);
	tcase_add_test(flame, real_frames_below_the_first_call);
	tcase_add_test(flame, layout_widths_by_time);
	suite_add_tcase(s, flame);
	suite_add_tcase(s, hist);
	suite_add_tcase(s, summary);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(profile_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
