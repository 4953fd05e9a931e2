/* Unit tests: what -c, -U and --histogram print at the end. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
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

START_TEST(default_table_is_ltraces)
{
	ck_assert_str_eq(table(),
		"% time     seconds  usecs/call     calls      function\n"
		"------ ----------- ----------- --------- --------------------\n"
		" 99.95    0.002004         668         3 malloc\n"
		"  0.05    0.000001           1         1 free\n"
		"------ ----------- ----------- --------- --------------------\n"
		"100.00    0.002005                     4 total\n");
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
	ck_assert_str_eq(table(), "% time     seconds  usecs/call     calls      function\n"
		"------ ----------- ----------- --------- --------------------\n"
		" 99.95    0.002004         668         3 malloc\n"
		"  0.05    0.000001           1         1 free\n"
		"------ ----------- ----------- --------- --------------------\n"
		"100.00    0.002005                     4 total\n");
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
