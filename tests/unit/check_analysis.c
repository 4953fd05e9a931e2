/* Unit tests: the -c table, JSON strings and events, demangling, symbol lookup, the
 * source names of gcc's clones. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "elf/code.h"
#include "elf/image.h"
#include "elf/symbols.h"
#include "elf/symtab.h"
#include "output/demangle.h"
#include "output/json.h"
#include "output/summary.h"

START_TEST(summary_sorts_by_time_and_totals)
{
	struct strbuf sb = STRBUF_INIT;

	summary_add("malloc", 51000);
	summary_add("usleep", 1117000);
	summary_add("fork", 3000000);
	summary_add("fork", 2951000);
	summary_add("free", 44000);
	summary_format(&sb);
	ck_assert_str_eq(strbuf_str(&sb),
		"% time     seconds  usecs/call     calls      function\n"
		"------ ----------- ----------- --------- --------------------\n"
		" 83.08    0.005951        2975         2 fork\n"
		" 15.59    0.001117        1117         1 usleep\n"
		"  0.71    0.000051          51         1 malloc\n"
		"  0.61    0.000044          44         1 free\n"
		"------ ----------- ----------- --------- --------------------\n"
		"100.00    0.007163                     5 total\n");
	strbuf_free(&sb);
	summary_clear();
}
END_TEST

START_TEST(summary_ties_and_empty_table)
{
	struct strbuf sb = STRBUF_INIT;

	summary_format(&sb);
	ck_assert_str_eq(strbuf_str(&sb),
		"% time     seconds  usecs/call     calls      function\n"
		"------ ----------- ----------- --------- --------------------\n"
		"------ ----------- ----------- --------- --------------------\n"
		"100.00    0.000000                     0 total\n");
	strbuf_reset(&sb);
	/* Same time: more calls first, then by name. Many names: the table grows. */
	for (int i = 0; i < 200; i++) {
		char name[16];
		snprintf(name, sizeof(name), "f%03d", i);
		summary_add(name, 0);
	}
	summary_add("b", 10000);
	summary_add("a", 10000);
	summary_add("c", 5000);
	summary_add("c", 5000);
	summary_format(&sb);
	const char *t = strbuf_str(&sb);
	const char *c = strstr(t, " c\n"), *a = strstr(t, " a\n"), *b = strstr(t, " b\n");
	ck_assert(c != NULL && a != NULL && b != NULL && c < a && a < b);
	ck_assert(strstr(t, "  0.00    0.000000           0         1 f199\n") != NULL);
	ck_assert(strstr(t, "100.00    0.000030                   204 total\n") != NULL);
	strbuf_free(&sb);
	summary_clear();
}
END_TEST

START_TEST(json_strings_are_escaped)
{
	struct strbuf sb = STRBUF_INIT;

	/* UTF-8 (a wide character shown in a UTF-8 locale) as it is; other bytes escaped. */
	json_string(&sb, "a\"b\\c\n\t\x01\x7f\xc3\xa9\xd0\xa4|\xe9\xc3|\xed\xa0\x80|\xf0\x9f\x98\x80");
	ck_assert_str_eq(strbuf_str(&sb), "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\xc3\xa9\xd0\xa4|"
			 "\\u00e9\\u00c3|\\u00ed\\u00a0\\u0080|\xf0\x9f\x98\x80\"");
	strbuf_reset(&sb);
	json_string(&sb, "");
	ck_assert_str_eq(strbuf_str(&sb), "\"\"");
	strbuf_free(&sb);
}
END_TEST

START_TEST(json_events)
{
	struct strbuf sb = STRBUF_INIT;
	uint64_t raw[2] = { 2, 18446744073709551615ull };
	struct output_event e = { .pid = 10, .tid = 11, .name = "strcmp", .text = "\"a\", \"b\"",
				  .depth = 1, .ts = 1700000000123456789ull, .duration = 1500,
				  .raw = raw, .nraw = 2 };

	e.text = "-1";
	e.nraw = 1;
	json_return(&sb, &e);
	ck_assert_str_eq(strbuf_str(&sb),
			 "{\"type\":\"return\",\"pid\":10,\"tid\":11,\"timestamp\":1700000000.123456,"
			 "\"function\":\"strcmp\",\"depth\":1,\"return_value\":\"-1\","
			 "\"raw_return_value\":2,\"duration\":0.000001}\n");
	strbuf_reset(&sb);
	json_exit(&sb, 10, 10, 2000000000, 0, 9);
	ck_assert_str_eq(strbuf_str(&sb),
			 "{\"type\":\"exit\",\"pid\":10,\"tid\":10,\"timestamp\":2.000000,"
			 "\"killed_by\":9,\"name\":\"SIGKILL\"}\n");
	strbuf_reset(&sb);
	json_signal(&sb, 10, 12, 0, 10);
	ck_assert_str_eq(strbuf_str(&sb),
			 "{\"type\":\"signal\",\"pid\":10,\"tid\":12,\"timestamp\":0.000000,"
			 "\"signal\":10,\"name\":\"SIGUSR1\"}\n");
	strbuf_free(&sb);
}
END_TEST

START_TEST(demangles_cxx_names_only)
{
	ck_assert_str_eq(demangle("_ZN3geo4areaERKNS_5shapeE"), "geo::area(geo::shape const&)");
	ck_assert_str_eq(demangle("_ZN3geo5countEic"), "geo::count(int, char)");
	ck_assert_str_eq(demangle("malloc"), "malloc");
	ck_assert_str_eq(demangle("_Znot-a-name"), "_Znot-a-name");
	/* Cached: the same pointer the second time. */
	const char *a = demangle("_ZN3geo5countEic");
	ck_assert_ptr_eq(demangle("_ZN3geo5countEic"), a);
	demangle_clear();
}
END_TEST

/* Static functions are named from .symtab; an address inside one finds it. */
static int a_static_function(int x)
{
	return x * 3 + 1;
}

START_TEST(symtab_names_static_functions)
{
	struct symtab *st = symtab_open("/proc/self/exe");
	const char *name = NULL;
	taddr_t start = 0;

	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(a_static_function(1), 4);
	/* Link-time addresses: find the bias from our own mapping of the function. */
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	taddr_t fn = (taddr_t)(uintptr_t)&a_static_function, bias = 0;
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		unsigned long lo, hi, off;
		if (sscanf(line, "%lx-%lx %*s %lx", &lo, &hi, &off) == 3 && fn >= lo && fn < hi)
			bias = symtab_bias(st, lo, off);
	}
	if (f != NULL)
		fclose(f);
	ck_assert(symtab_lookup(st, fn - bias + 3, &name, &start));
	ck_assert_str_eq(name, "a_static_function");
	ck_assert_uint_eq(start, fn - bias);

	/* The unwind table (-w): read from our own memory, one of its entries starts the
	 * function, at an address relative to .eh_frame_hdr. */
	const struct symtab_eh *eh = symtab_eh_table(st);
	ck_assert_ptr_nonnull(eh);
	ck_assert_uint_gt(eh->count, 1);
	ck_assert(eh->text_lo <= fn - bias && fn - bias < eh->text_hi);
	const int32_t *table = (const int32_t *)(uintptr_t)(eh->table + bias);
	size_t found = 0;
	for (size_t i = 0; i < eh->count; i++)
		if (eh->hdr + (taddr_t)(int64_t)table[2 * i] == fn - bias)
			found++;
	ck_assert_uint_eq(found, 1);

	/* Our own file's code and call frame information (elf/code.c): the FDE of the
	 * function covers exactly it (its symbol's size), its bytes are those we run. */
	const char *err = NULL;
	struct image *img = image_open("/proc/self/exe", &err);
	taddr_t lo = 0, hi = 0, size = 0;
	size_t avail = 0;
	ck_assert_ptr_nonnull(img);
	for (size_t i = 0; i < img->nsyms; i++)
		if (img->syms[i].value == fn - bias)
			size = img->syms[i].size;
	ck_assert_uint_gt(size, 0);
	ck_assert(image_fde_range(img, fn - bias + 2, &lo, &hi));
	ck_assert_uint_eq(lo, fn - bias);
	ck_assert_uint_eq(hi, lo + size);
	const uint8_t *code = image_code(img, lo, &avail);
	ck_assert_ptr_nonnull(code);
	ck_assert_uint_ge(avail, size);
	ck_assert_int_eq(memcmp(code, (const void *)(uintptr_t)fn, size), 0);
	image_free(img);
	symtab_free(st);
}
END_TEST

/* The source name of name is want (its length), with that kind of clone suffix. */
static void expect_source(const char *name, const char *want, enum clone_kind kind)
{
	enum clone_kind got = CLONE_CHANGED;
	size_t n = symbol_source_len(name, &got);

	ck_assert_msg(n == strlen(want) && strncmp(name, want, n) == 0, "%s: %.*s", name, (int)n,
		      name);
	ck_assert_msg(got == kind, "%s: kind %d", name, (int)got);
}

START_TEST(clone_source_names)
{
	expect_source("foo", "foo", CLONE_NONE);
	expect_source("foo.localalias", "foo", CLONE_ALIAS);
	expect_source("foo.isra.0", "foo", CLONE_CHANGED);
	expect_source("foo.part.12", "foo", CLONE_CHANGED);
	expect_source("foo.constprop.3", "foo", CLONE_CHANGED);
	expect_source("foo.constprop.0.isra.0", "foo", CLONE_CHANGED);
	expect_source("foo.cold", "foo", CLONE_COLD);
	expect_source("foo.cold.7", "foo", CLONE_COLD);
	expect_source("foo.part.0.cold", "foo", CLONE_COLD);
	expect_source("foo.localalias.isra.1", "foo", CLONE_CHANGED);
	expect_source("a.b.isra.0", "a.b", CLONE_CHANGED);
	/* not clone suffixes: kept whole */
	expect_source("foo.isra", "foo.isra", CLONE_NONE);
	expect_source("foo.isra.x", "foo.isra.x", CLONE_NONE);
	expect_source("foo.isra.0x", "foo.isra.0x", CLONE_NONE);
	expect_source("foo.coldness", "foo.coldness", CLONE_NONE);
	expect_source("foo.isra.0.other", "foo.isra.0.other", CLONE_NONE);
	expect_source(".isra.0", ".isra.0", CLONE_NONE);
	expect_source("foo.", "foo.", CLONE_NONE);
	expect_source("", "", CLONE_NONE);
}
END_TEST

static Suite *analysis_suite(void)
{
	Suite *s = suite_create("output and analysis");
	TCase *tc = tcase_create("analysis");

	tcase_add_test(tc, summary_sorts_by_time_and_totals);
	tcase_add_test(tc, summary_ties_and_empty_table);
	tcase_add_test(tc, json_strings_are_escaped);
	tcase_add_test(tc, json_events);
	tcase_add_test(tc, demangles_cxx_names_only);
	tcase_add_test(tc, symtab_names_static_functions);
	tcase_add_test(tc, clone_source_names);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(analysis_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
