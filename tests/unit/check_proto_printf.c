/* The printf parameter pack, with ltrace 0.7.3's way of typing each conversion. */
#include "tests/unit/check_proto.h"

#include <stdlib.h>
#include <string.h>

static const char PRINTF[] = "int printf(format);\n";

START_TEST(basic)
{
	fake_int(&F, fake_str(&F, "%s %zu\n"));
	fake_int(&F, fake_str(&F, "hi"));
	fake_int(&F, 2);
	EXPECT_ARGS(PRINTF, "printf", "\"%s %zu\\n\", \"hi\", 2");
}
END_TEST

START_TEST(floats)
{
	fake_int(&F, fake_str(&F, "%g %e %a %E %G %A %f %F|\n"));
	for (int i = 0; i < 8; i++)
		fake_fp(&F, 1.5 + i);
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%g %e %a %E %G %A %f %F|\\n\", 1.500000, 2.500000, "
		    "3.500000, 4.500000, 5.500000, 6.500000, 7.500000, 8.500000");
}
END_TEST

START_TEST(mixed)
{
	fake_int(&F, fake_str(&F, "%d %ld %g %f %c %x %5.2f %-3s|%%\n"));
	fake_int(&F, (uint64_t)-5);
	fake_int(&F, 123456789);
	fake_fp(&F, 1.5);
	fake_fp(&F, 2.25);
	fake_int(&F, 'q');
	fake_int(&F, 255);
	fake_fp(&F, 3.14159);
	fake_int(&F, fake_str(&F, "ab"));
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%d %ld %g %f %c %x %5.2f %-3s|%%\"..., -5, 123456789, 1.500000, "
		    "2.250000, 'q', 0xff, 3.141590, \"ab\"");
}
END_TEST

START_TEST(length_modifiers)
{
	fake_int(&F, fake_str(&F, "%hhd %hd %lld %zd %jd %td %hhu %hu|\n"));
	uint64_t v[] = { 300, 70000, (uint64_t)-5, (uint64_t)-6, (uint64_t)-7, (uint64_t)-8,
			 300, 70000 };
	for (size_t i = 0; i < 8; i++)
		fake_int(&F, v[i]);
	OPTS.string_limit = 100;
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%hhd %hd %lld %zd %jd %td %hhu %hu|\\n\", ',', 4464, "
		    "18446744073709551611, -6, 18446744073709551609, -8, ',', 4464");
	F.nints = 0;
	fake_int(&F, fake_str(&F, "%lu %lx %llx %zu %zx %i %u %Ld %qd %hhx %hx %o %lo %hhi\n"));
	uint64_t w[] = { (uint64_t)-1, (uint64_t)-1, (uint64_t)-1, (uint64_t)-1, 16,
			 (uint64_t)-3, (uint64_t)-3, (uint64_t)-1, 6, 0x1ff, 0x1ffff, 8, 8,
			 (uint64_t)-1 };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		fake_int(&F, w[i]);
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%lu %lx %llx %zu %zx %i %u %Ld %qd %hhx %hx %o %lo %hhi\\n\", "
		    "18446744073709551615, 0xffffffffffffffff, 0xffffffffffffffff, "
		    "18446744073709551615, 0x10, -3, 4294967293, -1, 6, 0xff, 0xffff, 010, 010, "
		    "'\\377'");
}
END_TEST

START_TEST(pointers_and_chars)
{
	fake_int(&F, fake_str(&F, "%o %X %p %p %#x %5s %c %c %C %S %ls %n|"));
	uint64_t v[] = { 8, 255, 0, 16, 17, 0, 200, 'z', 65, 0, 0, 4 };
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		fake_int(&F, v[i]);
	F.ints[6] = fake_str(&F, "ab");
	static const int32_t x[] = { 'x', 0 }, y[] = { 'y', 0x424, 0 };
	F.ints[10] = fake_mem(&F, x, sizeof(x));
	F.ints[11] = fake_mem(&F, y, sizeof(y));
	OPTS.string_limit = 100;
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%o %X %p %p %#x %5s %c %c %C %S %ls %n|\", 010, 0xff, nil, 0x10, 0x11, "
		    "\"ab\", '\\310', 'z', 'A', L\"x\", L\"y\\u0424\", 0x4");
}
END_TEST

/* format(T) with a wide string type: the format is read as wide characters and decoded
 * as a narrow one (wprintf); the string is shown as its T. */
START_TEST(wide_format)
{
	static const uint32_t fmt[] = { '%', 'd', ' ', 0x424, '%', 'l', 's', '|', '%', 's', 0 };
	static const uint32_t w[] = { 'o', 'k', 0 };
	static const char *const decl =
		"typedef wstring_t = string(array(uint, zero)*);\nint wprintf(format(wstring_t));\n";

	fake_int(&F, fake_mem(&F, fmt, sizeof(fmt)));
	fake_int(&F, 7);
	fake_int(&F, fake_mem(&F, w, sizeof(w)));
	fake_int(&F, fake_str(&F, "n"));
	EXPECT_ARGS(decl, "wprintf", "L\"%d \\u0424%ls|%s\", 7, L\"ok\", \"n\"");
	F.nints = 0;
	fake_int(&F, 0);
	EXPECT_ARGS(decl, "wprintf", "nil");
	F.nints = 0;
	static const uint16_t f16[] = { '%', 'x', 0 };
	fake_int(&F, fake_mem(&F, f16, sizeof(f16)));
	fake_int(&F, 255);
	EXPECT_ARGS("int f(format(string(array(ushort, zero)*)));", "f", "u\"%x\", 0xff");
	F.nints = 0;
	fake_int(&F, fake_str(&F, "%c"));
	fake_int(&F, 'c');
	EXPECT_ARGS("int f(format(string));", "f", "\"%c\", 'c'");
}
END_TEST

/* %lc and %C are a wint_t, %ls and %S a wchar_t string (their precision counts
 * characters), as in ltrace 0.7.91; a character the locale (C here) cannot show is a
 * number. */
START_TEST(wide_conversions)
{
	static const int32_t w[] = { 'a', 'b', 'c', 0 };

	fake_int(&F, fake_str(&F, "%lc|%C|%lc|%.2ls|%S|%hc"));
	fake_int(&F, 'q');
	fake_int(&F, 0x424);
	fake_int(&F, (uint64_t)-1);
	fake_int(&F, fake_mem(&F, w, sizeof(w)));
	fake_int(&F, 0);
	fake_int(&F, 'r');
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%lc|%C|%lc|%.2ls|%S|%hc\", 'q', 1060, -1, L\"ab\", nil, 'r'");
}
END_TEST

START_TEST(string_lengths)
{
	/* The precision limits what is read (the string need not end with a NUL), the width
	 * does not. */
	fake_int(&F, fake_str(&F, "%3.10s|%2s|%.0s|%0.2s|%-4s|%10.2s|"));
	const char *s[] = { "abcdef", "abcdef", "abc", "abcdef", "abcdef", "pqr" };
	for (size_t i = 0; i < 6; i++)
		fake_int(&F, fake_str(&F, s[i]));
	OPTS.string_limit = 100;
	EXPECT_ARGS(PRINTF, "printf",
		    "\"%3.10s|%2s|%.0s|%0.2s|%-4s|%10.2s|\", \"abcdef\", \"abcdef\", \"\", \"ab\", "
		    "\"abcdef\", \"pq\"");
}
END_TEST

START_TEST(stars)
{
	fake_int(&F, fake_str(&F, "%*d %.*s %*.*s|"));
	fake_int(&F, 4);
	fake_int(&F, 7);
	fake_int(&F, 2);
	fake_int(&F, fake_str(&F, "xyz"));
	fake_int(&F, 6);
	fake_int(&F, 2);
	fake_int(&F, fake_str(&F, "abcdef"));
	EXPECT_ARGS(PRINTF, "printf", "\"%*d %.*s %*.*s|\", 4, 7, 2, \"xy\", 6, 2, \"ab\"");
}
END_TEST

START_TEST(odd_conversions)
{
	fake_int(&F, fake_str(&F, "%s|%m|%y|%%|%"));
	fake_int(&F, 0);
	fake_int(&F, 99);
	EXPECT_ARGS(PRINTF, "printf", "\"%s|%m|%y|%%|%\", nil");
	F.nints = 0;
	fake_int(&F, fake_str(&F, "%5$d %hhhd %lllx"));
	fake_int(&F, 1);
	fake_int(&F, 2);
	fake_int(&F, 3);
	EXPECT_ARGS(PRINTF, "printf", "\"%5$d %hhhd %lllx\", 1, '\\002', 0x3");
}
END_TEST

START_TEST(bad_format)
{
	fake_int(&F, 0);
	fake_int(&F, 1);
	EXPECT_ARGS(PRINTF, "printf", "nil");
	F.nints = 0;
	fake_int(&F, 0x10);
	EXPECT_ARGS(PRINTF, "printf", "0x10");
}
END_TEST

START_TEST(format_after_file)
{
	fake_int(&F, 0x7f0000001000);
	fake_int(&F, fake_str(&F, "%s!\n"));
	fake_int(&F, fake_str(&F, "ok"));
	EXPECT_ARGS("int fprintf(file,format);", "fprintf", "0x7f0000001000, \"%s!\\n\", \"ok\"");
}
END_TEST

START_TEST(long_format)
{
	char fmt[3001];
	for (size_t i = 0; i < 1000; i++)
		memcpy(fmt + 3 * i, "%d ", 3);
	fmt[3000] = '\0';
	fake_int(&F, fake_str(&F, fmt));
	for (int i = 0; i < 5; i++)
		fake_int(&F, (uint64_t)i);
	char *got = format_args(PRINTF, "printf");
	static const char head[] = "\"%d %d %d %d %d %d %d %d %d %d %d\"..., 0, 1, 2, 3, 4, 0, 0";
	ck_assert_int_eq(strncmp(got, head, sizeof(head) - 1), 0);
	ck_assert_int_eq(strlen(got), 37 + 3 * 1000);
	free(got);
}
END_TEST

TCase *tcase_printf(void)
{
	TCase *tc = tcase_create("printf");

	tcase_add_test(tc, basic);
	tcase_add_test(tc, floats);
	tcase_add_test(tc, wide_conversions);
	tcase_add_test(tc, wide_format);
	tcase_add_test(tc, mixed);
	tcase_add_test(tc, length_modifiers);
	tcase_add_test(tc, pointers_and_chars);
	tcase_add_test(tc, string_lengths);
	tcase_add_test(tc, stars);
	tcase_add_test(tc, odd_conversions);
	tcase_add_test(tc, bad_format);
	tcase_add_test(tc, format_after_file);
	tcase_add_test(tc, long_format);
	return tc;
}
