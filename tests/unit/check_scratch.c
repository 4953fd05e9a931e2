/* Scratch areas: slots handed out, and where a new area may go (the holes of an address
 * space within reach of an object, nearest first). */
#include <check.h>
#include <stdlib.h>

#include "sysdeps/arch.h"
#include "tracee/scratch.h"

#define MIB (1ull << 20)
#define AREA MIB

static taddr_t distance(taddr_t a, taddr_t b)
{
	return a > b ? a - b : b - a;
}

START_TEST(slots)
{
	struct scratch s = { 0x10000, 64, 0, NULL };

	ck_assert_uint_eq(scratch_alloc(&s, 20), 0x10000);
	ck_assert_uint_eq(scratch_alloc(&s, 16), 0x10020); /* 16-byte slots */
	ck_assert_uint_eq(scratch_alloc(&s, 32), 0);      /* full */
	ck_assert(scratch_contains(&s, 0x1003f) && !scratch_contains(&s, 0x10040));
	ck_assert_ptr_eq(scratch_near(&s, 0x20000, 16), &s);
	ck_assert_ptr_null(scratch_near(&s, 0x20000, 32));
	ck_assert_ptr_null(scratch_near(&s, 0x10000 + ARCH_SLOT_REACH, 16));
}
END_TEST

/* What an attached 16-thread program looked like on aarch64: the threads' stacks fill the
 * space below the dynamic loader further than a branch reaches; above it, a hole before
 * the vDSO. The area goes to the top of that hole, not below the stacks. */
START_TEST(hole_above_when_below_is_full)
{
	taddr_t ld = 0xffff9b000000ull;
	struct vm_range r[] = {
		{ 0xaaaade8f0000ull, 0xaaaade900000ull, false }, /* the executable */
		{ ld - 300 * MIB, ld - 2 * MIB, false },          /* thread stacks, libraries */
		{ ld - 2 * MIB + 0x1000, ld, false },
		{ ld, ld + 0x30000, false },                      /* ld.so */
		{ ld + 60 * MIB, ld + 60 * MIB + 0x2000, false }, /* [vvar] [vdso] */
		{ ld + 4096 * MIB, ld + 4100 * MIB, true },       /* [stack] */
	};
	taddr_t out[8];
	size_t n = scratch_holes(r, sizeof(r) / sizeof(r[0]), ld + 0x1000, AREA, out, 8);

	ck_assert_uint_ge(n, 1);
	ck_assert_uint_eq(out[0], ld + 60 * MIB - SCRATCH_GUARD - AREA);
	for (size_t i = 0; i < n; i++) {
		ck_assert(scratch_reaches(out[i], AREA, ld + 0x1000));
		ck_assert(i == 0 || distance(out[i - 1], ld) <= distance(out[i], ld));
		/* never in the hole below the stack, nor where a mapping is */
		ck_assert(out[i] < ld + 4096 * MIB - 4096 * MIB / 2);
		for (size_t k = 0; k < sizeof(r) / sizeof(r[0]); k++)
			ck_assert(out[i] + AREA + SCRATCH_GUARD <= r[k].lo ||
				  out[i] >= r[k].hi + SCRATCH_GUARD);
	}
}
END_TEST

START_TEST(small_holes_stack_and_page_zero)
{
	struct vm_range r[] = {
		{ 0x400000, 0x401000, false },            /* a non-PIE executable */
		{ 0x401000 + AREA, 0x600000, false },     /* a hole of exactly the area: too small */
		{ 0x600000 + AREA + 2 * SCRATCH_GUARD, 0x800000, false }, /* just enough */
		{ 0xa00000, 0xa01000, true },             /* below the stack: never */
	};
	taddr_t out[8];
	size_t n = scratch_holes(r, sizeof(r) / sizeof(r[0]), 0x400000, AREA, out, 8);

	ck_assert_uint_eq(n, 2);
	/* nearest first: the one below the executable (above page 0), then the one above */
	ck_assert_uint_eq(out[0], 0x400000 - SCRATCH_GUARD - AREA);
	ck_assert_uint_eq(out[1], 0x600000 + SCRATCH_GUARD);
	/* a short list keeps the nearest */
	ck_assert_uint_eq(scratch_holes(r, sizeof(r) / sizeof(r[0]), 0x800000, AREA, out, 1), 1);
	ck_assert_uint_eq(out[0], 0x600000 + SCRATCH_GUARD);
	/* out of reach: none */
	ck_assert_uint_eq(scratch_holes(r, 2, 0x400000 + 4 * ARCH_SLOT_REACH, AREA, out, 8), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("scratch");
	TCase *tc = tcase_create("scratch");

	tcase_add_test(tc, slots);
	tcase_add_test(tc, hole_above_when_below_is_full);
	tcase_add_test(tc, small_holes_stack_and_page_zero);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
