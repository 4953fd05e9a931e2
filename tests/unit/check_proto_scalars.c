/* Integers, characters, floats and the lenses over them. */
#include "tests/unit/check_proto.h"

#include <stdlib.h>
#include <string.h>

static void ints4(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	fake_int(&F, a);
	fake_int(&F, b);
	fake_int(&F, c);
	fake_int(&F, d);
}

START_TEST(signed_and_unsigned)
{
	ints4((uint64_t)-100000, 100000, 0xffffffff, (uint64_t)-1);
	EXPECT_ARGS("int f(int,int,int,int);", "f", "-100000, 100000, -1, -1");
	EXPECT_RET("int f(int,int,int,int);", "f", "-100000");
	EXPECT_ARGS("uint f(uint,uint,uint,uint);", "f",
		    "4294867296, 100000, 4294967295, 4294967295");
	EXPECT_ARGS("long f(long,long,long,long);", "f", "-100000, 100000, 4294967295, -1");
	EXPECT_ARGS("ulong f(ulong,ulong,ulong,ulong);", "f",
		    "18446744073709451616, 100000, 4294967295, 18446744073709551615");
	EXPECT_RET("ulong f();", "f", "18446744073709451616");
}
END_TEST

START_TEST(truncation)
{
	ints4((uint64_t)-100000, 70000, 0xffff, (uint64_t)-1);
	EXPECT_ARGS("short f(short,ushort,short,ushort);", "f", "31072, 4464, -1, 65535");
	fake_rewind(&F);
	F.nints = 0;
	ints4(0x7fffffff, 0x80000000, (uint64_t)-2, 0x100000005);
	EXPECT_ARGS("int f(int,int,int,int);", "f", "2147483647, -2147483648, -2, 5");
}
END_TEST

START_TEST(chars)
{
	ints4('a', '\n', 0, 200);
	EXPECT_ARGS("char f(char,char,char,char);", "f", "'a', '\\n', '\\0', '\\310'");
	EXPECT_RET("char f();", "f", "'a'");
	F.nints = 0;
	ints4('\'', '\\', '"', 127);
	EXPECT_ARGS("char f(char,char,char,char);", "f", "''', '\\\\', '\"', '\\177'");
}
END_TEST

START_TEST(addresses)
{
	ints4(0, 1, 5, (uint64_t)-1);
	EXPECT_ARGS("addr f(addr,addr,file,void*);", "f", "nil, 0x1, 0x5, 0xffffffffffffffff");
	EXPECT_RET("addr f();", "f", "nil");
	F.nints = 0;
	ints4(0, 0, 0, 0);
	/* Null whatever the pointer, lenses over it included; not an integer. */
	EXPECT_ARGS("void f(file,void**,hex(addr),hex(ulong));", "f", "nil, nil, nil, 0");
}
END_TEST

START_TEST(void_return_and_hide)
{
	ints4((uint64_t)-5, 2, 3, 4);
	EXPECT_ARGS("void f(int,hide(int),int,int);", "f", "-5, 3, 4");
	EXPECT_RET("void f(int,hide(int),int,int);", "f", "<void>");
}
END_TEST

START_TEST(hex_and_octal)
{
	ints4(255, 0, 0xff, (uint64_t)-1);
	EXPECT_ARGS("hex(int) f(hex(int),hex(uint),hex(long),hex(ulong));", "f",
		    "0xff, 0, 0xff, 0xffffffffffffffff");
	EXPECT_RET("hex(int) f();", "f", "0xff");
	F.nints = 0;
	ints4(8, 0, (uint64_t)-1, 0x1ffffffff);
	EXPECT_ARGS("oct(int) f(oct(int),oct(uint),octal(long),oct(ulong));", "f",
		    "010, 00, 01777777777777777777777, 077777777777");
	F.nints = 0;
	ints4((uint64_t)-1, 0x1ff, 0644, 0);
	EXPECT_ARGS("void f(hex(int),hex(char),octal,hex(short));", "f", "0xffffffff, 0xff, 0644, 0");
}
END_TEST

START_TEST(enums)
{
	ints4(0, 1, 2, 7);
	EXPECT_ARGS("enum(A,B=5,C) f(enum(A,B=5,C),enum(A,B=5,C),enum(A=1,B=1,C),enum(A=-1,B,C));",
		    "f", "A, 1, C, 7");
	EXPECT_RET("enum(A,B=5,C) f();", "f", "A");
	F.nints = 0;
	ints4(0, 1, 0x10005, (uint64_t)-1);
	EXPECT_ARGS("void f(enum[long](A=-1,B),enum[char](X=1),enum[short](A,B,C),enum(M=-1));",
		    "f", "B, X, 5, M");
	F.nints = 0;
	ints4(0x10, 0x11, 0x12, (uint64_t)-1);
	EXPECT_ARGS("typedef e = enum(Z=0x10, Y);\nvoid f(e, e, e, e);", "f", "Z, Y, 18, -1");
	F.nints = 0;
	ints4(0644, 0755, 8, 0);
	/* A leading 0 is octal, as in C (and ltrace 0.7.3's strtol). */
	EXPECT_ARGS("typedef m = enum[uint](RW=0644, RWX=0755, TEN=010, Z=0);\nvoid f(m, m, m, m);",
		    "f", "RW, RWX, TEN, Z");
}
END_TEST

/* A negative enumerator over an unsigned type names the value of the same bits. */
START_TEST(enums_unsigned_negative)
{
	ints4(0xffff, 0xffffffff, 0xfffe, (uint64_t)-1);
	EXPECT_ARGS("void f(enum[ushort](A=-1,B),enum[uint](C=-1,D),enum[ushort](E=-2),"
		    "enum[ulong](G=-1));", "f", "A, C, E, G");
	EXPECT_RET("enum[ushort](A=-1,B) f();", "f", "A");
	F.nints = 0;
	ints4(0x1ffff, 0xfffffffe, 0xffff, 0);
	/* Bits above the type do not count; no name for the others. */
	EXPECT_ARGS("void f(enum[ushort](A=-1),enum[uint](C=-1),enum[hex(ushort)](H=-2),"
		    "enum[uint](Z=5));", "f", "A, 4294967294, 0xffff, 0");
}
END_TEST

START_TEST(bools)
{
	ints4(0, 1, 2, 0x100);
	EXPECT_ARGS("bool(int) f(bool(int),bool(int),bool(int),bool(char));", "f",
		    "false, true, true, false");
}
END_TEST

START_TEST(bitvecs)
{
	ints4(0x0102, 0xb8, 0xfffffffe, 0);
	EXPECT_ARGS("void f(bitvec(ushort),bitvec(int),bitvec(uint),bitvec(int));", "f",
		    "<1,8>, <3-5,7>, ~<0>, <>");
	F.nints = 0;
	ints4(3, 6, 0xf0f0f0f0, 0x7fffffff);
	EXPECT_ARGS("void f(bitvec(int),bitvec(int),bitvec(uint),bitvec(int));", "f",
		    "<0-1>, <1-2>, <4-7,12-15,20-23,28-31>, ~<31>");
	F.nints = 0;
	ints4(0xffff, 0x1ffff, 0xfffeffff, 0x10001);
	EXPECT_ARGS("void f(bitvec(int),bitvec(int),bitvec(int),bitvec(int));", "f",
		    "<0-15>, ~<17-31>, ~<16>, <0,16>");
	F.nints = 0;
	unsigned char bits[2] = { 0x01, 0x80 };
	fake_int(&F, fake_mem(&F, bits, sizeof(bits)));
	EXPECT_ARGS("void f(bitvec(array(char,2)*));", "f", "<0,15>");
}
END_TEST

START_TEST(floats)
{
	fake_fp(&F, 1.5);
	fake_fp(&F, -2.25);
	EXPECT_ARGS("double f(double,double);", "f", "1.500000, -2.250000");
	EXPECT_RET("double f(double,double);", "f", "1.500000");
	EXPECT_ARGS("float f(float,float);", "f", "1.500000, -2.250000");
	F.nfps = 0;
	fake_fp(&F, 1e-7);
	fake_fp(&F, 3.25);
	EXPECT_ARGS("hex(float) f(hex(float),hex(double));", "f", "0x1.ad7f2ap-24, 0x1.ap+1");
	EXPECT_RET("hex(float) f();", "f", "0x1.ad7f2ap-24");
	F.nfps = 0;
	fake_fp(&F, 3.25);
	fake_fp(&F, 1.25);
	fake_int(&F, 7);
	EXPECT_ARGS("double f(int,double,float);", "f", "7, 3.250000, 1.250000");
}
END_TEST

/* As ltrace prints them: C's %f, six decimals, never an exponent. */
START_TEST(floats_as_printf_f)
{
	static const struct { double d; const char *want; } cases[] = {
		{ 1e20, "100000000000000000000.000000" },
		{ 0.1, "0.100000" },
		{ 1.0 / 3, "0.333333" },
		{ 1024, "1024.000000" },
		{ -2e15, "-2000000000000000.000000" },
		{ 1e-7, "0.000000" },
		{ -0.0, "-0.000000" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		F.nfps = 0;
		fake_fp(&F, cases[i].d);
		EXPECT_RET("double f();", "f", cases[i].want);
	}
	F.nfps = 0;
	fake_fp(&F, 0.1f);
	EXPECT_RET("float f();", "f", "0.100000"); /* widened: 0.100000001490116 rounds so */
	F.nfps = 0;
	fake_fp(&F, 16777217.0f);
	EXPECT_RET("float f();", "f", "16777216.000000");
}
END_TEST

START_TEST(unknown_function)
{
	ints4((uint64_t)-100000, 10000, (uint64_t)-10000, 10001);
	struct strbuf sb = STRBUF_INIT;
	proto_format_args(&sb, NULL, &F.cursor, &OPTS);
	ck_assert_str_eq(strbuf_str(&sb), "0xfffffffffffe7960, 10000, -10000, 0x2711");
	strbuf_reset(&sb);
	fake_rewind(&F);
	proto_format_ret(&sb, NULL, &F.cursor, &OPTS);
	ck_assert_str_eq(strbuf_str(&sb), "0xfffffffffffe7960");
	strbuf_free(&sb);
}
END_TEST

TCase *tcase_integers(void)
{
	TCase *tc = tcase_create("integers");

	tcase_add_test(tc, signed_and_unsigned);
	tcase_add_test(tc, truncation);
	tcase_add_test(tc, chars);
	tcase_add_test(tc, addresses);
	tcase_add_test(tc, void_return_and_hide);
	tcase_add_test(tc, unknown_function);
	return tc;
}

TCase *tcase_lenses(void)
{
	TCase *tc = tcase_create("lenses");

	tcase_add_test(tc, hex_and_octal);
	tcase_add_test(tc, enums);
	tcase_add_test(tc, enums_unsigned_negative);
	tcase_add_test(tc, bools);
	tcase_add_test(tc, bitvecs);
	return tc;
}

TCase *tcase_floats(void)
{
	TCase *tc = tcase_create("floats");

	tcase_add_test(tc, floats);
	tcase_add_test(tc, floats_as_printf_f);
	return tc;
}
