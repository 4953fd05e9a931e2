/* Unit tests: aarch64 PLT stub decoding, trampolines and out-of-line relocation. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sysdeps/arch.h"

static uint8_t out[ARCH_SLOT_SIZE];
static const char *why;

#define ADDR 0x400000ull /* where the instruction is */
#define SLOT 0x300000ull /* where its copy runs */

static int displace(uint32_t w)
{
	uint8_t code[4];

	memcpy(code, &w, 4);
	memset(out, 0, sizeof(out));
	return arch_displace(code, sizeof(code), ADDR, SLOT, out, &why);
}

static uint32_t word(size_t i)
{
	uint32_t w;

	memcpy(&w, out + 4 * i, 4);
	return w;
}

static uint64_t quad(size_t off)
{
	uint64_t v;

	memcpy(&v, out + off, 8);
	return v;
}

/* b (or bl) from `from` to `to`. */
static uint32_t b_to(uint64_t from, uint64_t to)
{
	return 0x14000000u | ((uint32_t)((int64_t)(to - from) >> 2) & 0x03ffffffu);
}

START_TEST(plain_instruction_is_copied_and_branches_back)
{
	ck_assert_int_eq(displace(0x91000420u), 8); /* add x0, x1, #1 */
	ck_assert_uint_eq(word(0), 0x91000420u);
	ck_assert_uint_eq(word(1), b_to(SLOT + 4, ADDR + 4));
}
END_TEST

START_TEST(plain_instruction_out_of_reach_is_refused)
{
	uint8_t code[4] = { 0x20, 0x04, 0x00, 0x91 };

	ck_assert_int_eq(arch_displace(code, 4, ADDR, ADDR + (200ull << 20), out, &why), -1);
	ck_assert_ptr_nonnull(why);
}
END_TEST

START_TEST(adrp_and_adr_load_the_address_they_compute_at_home)
{
	ck_assert_int_eq(displace(0xb0000000u), 16); /* adrp x0, ADDR + 0x1000 */
	ck_assert_uint_eq(word(0), 0x58000040u);     /* ldr x0, #8 */
	ck_assert_uint_eq(word(1), b_to(SLOT + 4, ADDR + 4));
	ck_assert_uint_eq(quad(8), ADDR + 0x1000);
	ck_assert_int_eq(displace(0x10ffffe1u), 16); /* adr x1, ADDR - 4 */
	ck_assert_uint_eq(word(0), 0x58000041u);
	ck_assert_uint_eq(quad(8), ADDR - 4);
}
END_TEST

START_TEST(ldr_literal_loads_from_the_original_place)
{
	ck_assert_int_eq(displace(0x58000042u), 24); /* ldr x2, ADDR + 8 */
	ck_assert_uint_eq(word(0), 0x58000082u);     /* ldr x2, #16 */
	ck_assert_uint_eq(word(1), 0xf9400042u);     /* ldr x2, [x2] */
	ck_assert_uint_eq(word(2), b_to(SLOT + 8, ADDR + 4));
	ck_assert_uint_eq(quad(16), ADDR + 8);
	ck_assert_int_eq(displace(0x98000042u), 24); /* ldrsw x2, ADDR + 8 */
	ck_assert_uint_eq(word(1), 0xb9800042u);
	ck_assert_int_eq(displace(0x1c000040u), -1); /* ldr s0, literal: refused */
}
END_TEST

START_TEST(bl_sets_the_original_return_address)
{
	ck_assert_int_eq(displace(0x94000040u), 16); /* bl ADDR + 0x100 */
	ck_assert_uint_eq(word(0), 0x5800005eu);     /* ldr x30, #8 */
	ck_assert_uint_eq(word(1), b_to(SLOT + 4, ADDR + 0x100));
	ck_assert_uint_eq(quad(8), ADDR + 4);
	ck_assert_int_eq(displace(0x14000040u), 4); /* b ADDR + 0x100 */
	ck_assert_uint_eq(word(0), b_to(SLOT, ADDR + 0x100));
}
END_TEST

START_TEST(conditional_branches_take_both_ways)
{
	ck_assert_int_eq(displace(0x54000101u), 12); /* b.ne ADDR + 0x20 */
	ck_assert_uint_eq(word(0), 0x54000041u);     /* b.ne +8 */
	ck_assert_uint_eq(word(1), b_to(SLOT + 4, ADDR + 4));
	ck_assert_uint_eq(word(2), b_to(SLOT + 8, ADDR + 0x20));
	ck_assert_int_eq(displace(0x34000083u), 12); /* cbz w3, ADDR + 0x10 */
	ck_assert_uint_eq(word(0), 0x34000043u);
	ck_assert_uint_eq(word(2), b_to(SLOT + 8, ADDR + 0x10));
	ck_assert_int_eq(displace(0xb7080205u), 12); /* tbnz x5, #33, ADDR + 0x40 */
	ck_assert_uint_eq(word(0), 0xb7080045u);
	ck_assert_uint_eq(word(2), b_to(SLOT + 8, ADDR + 0x40));
}
END_TEST

START_TEST(indirect_calls_and_returns)
{
	ck_assert_int_eq(displace(0xd63f0060u), 16); /* blr x3 */
	ck_assert_uint_eq(word(0), 0x5800005eu);
	ck_assert_uint_eq(word(1), 0xd61f0060u);     /* br x3 */
	ck_assert_uint_eq(quad(8), ADDR + 4);
	ck_assert_int_eq(displace(0xd63f03c0u), 24); /* blr x30 */
	ck_assert_uint_eq(word(0), 0xaa1e03f1u);     /* mov x17, x30 */
	ck_assert_uint_eq(word(1), 0x5800007eu);     /* ldr x30, #12 */
	ck_assert_uint_eq(word(2), 0xd61f0220u);     /* br x17 */
	ck_assert_uint_eq(quad(16), ADDR + 4);
	ck_assert_int_eq(displace(0xd65f03c0u), 4); /* ret: copied, no way back */
	ck_assert_uint_eq(word(0), 0xd65f03c0u);
	ck_assert_int_eq(displace(0xd73f0801u), -1); /* blraa x0, x1 */
}
END_TEST

static const uint32_t stub[] = { 0x90000110u, 0xf9400611u, 0x91002210u, 0xd61f0220u };
static const uint32_t bti_stub[] = { 0xd503245fu, 0xf00000f0u, 0xf9400e11u, 0x91006210u,
				     0xd61f0220u };
/* PLT0: stp x16, x30, [sp, #-16]!; then a stub-like jump to the resolver */
static const uint32_t plt0[] = { 0xa9bf7bf0u, 0xf00000f0u, 0xf947fe11u, 0x913fe210u,
				 0xd61f0220u };

START_TEST(plt_stubs_name_their_slot)
{
	taddr_t slot = 0;

	/* adrp x16, 0x20000; ldr x17, [x16, #8]; add x16, x16, #8; br x17 at 0x670 */
	ck_assert_int_eq(arch_plt_slot((const uint8_t *)stub, sizeof(stub), 0x670, &slot), 0);
	ck_assert_uint_eq(slot, 0x20008);
	/* bti c first: the adrp at 0x1004 */
	ck_assert_int_eq(arch_plt_slot((const uint8_t *)bti_stub, sizeof(bti_stub), 0x1000, &slot), 0);
	ck_assert_uint_eq(slot, 0x20018);
	ck_assert_int_eq(arch_plt_slot((const uint8_t *)plt0, sizeof(plt0), 0x640, &slot), -1);
	ck_assert_int_eq(arch_plt_slot((const uint8_t *)stub, 12, 0x670, &slot), -1);
}
END_TEST

START_TEST(plt_stubs_branch_to_a_trampoline)
{
	uint8_t patch[ARCH_PATCH_MAX], tramp[ARCH_TRAMP_MAX];
	size_t len = 0, trap = 99;
	uint32_t w;
	uint64_t q;

	ck_assert_int_eq(arch_plt_patch((const uint8_t *)stub, sizeof(stub), 0x670, 0x20008,
					0x100000, patch, tramp, &len, &trap), 4);
	memcpy(&w, patch, 4);
	ck_assert_uint_eq(w, b_to(0x670, 0x100000));
	ck_assert_uint_eq(len, 24);
	ck_assert_uint_eq(trap, 0);
	static const uint32_t code[] = { 0xd4200000u, 0x58000070u, 0xf9400211u, 0xd61f0220u };
	ck_assert_mem_eq(tramp, code, sizeof(code));
	memcpy(&q, tramp + 16, 8);
	ck_assert_uint_eq(q, 0x20008);
	/* bti c stays; the adrp becomes the branch */
	ck_assert_int_eq(arch_plt_patch((const uint8_t *)bti_stub, sizeof(bti_stub), 0x1000,
					0x20018, 0x100000, patch, tramp, &len, &trap), 8);
	ck_assert_mem_eq(patch, bti_stub, 4);
	memcpy(&w, patch + 4, 4);
	ck_assert_uint_eq(w, b_to(0x1004, 0x100000));
	/* Another slot than the stub's, a trampoline out of reach: no patch. */
	ck_assert_int_eq(arch_plt_patch((const uint8_t *)stub, sizeof(stub), 0x670, 0x20000,
					0x100000, patch, tramp, &len, &trap), -1);
	ck_assert_int_eq(arch_plt_patch((const uint8_t *)stub, sizeof(stub), 0x670, 0x20008,
					0x670 + (200ull << 20), patch, tramp, &len, &trap), -1);
}
END_TEST

START_TEST(relocation_kinds)
{
	ck_assert_int_eq(arch_reloc_kind(1026), ARCH_RELOC_SLOT);
	ck_assert_int_eq(arch_reloc_kind(1025), ARCH_RELOC_SLOT);
	ck_assert_int_eq(arch_reloc_kind(1032), ARCH_RELOC_IRELATIVE);
	ck_assert_int_eq(arch_reloc_kind(1027), ARCH_RELOC_OTHER); /* RELATIVE */
}
END_TEST

static double quad_of(uint64_t hi, uint64_t lo)
{
	unsigned char q[16];

	memcpy(q, &lo, 8);
	memcpy(q + 8, &hi, 8);
	return arch_quad_to_double(q);
}

START_TEST(long_doubles_become_doubles)
{
	ck_assert(quad_of(0x3fff800000000000ull, 0) == 1.5);
	ck_assert(quad_of(0xc000000000000000ull, 0) == -2.0);
	ck_assert(quad_of(0, 0) == 0.0);
	ck_assert(quad_of(0x3ffd555555555555ull, 0x5555555555555555ull) == 1.0 / 3.0 ||
		  quad_of(0x3ffd555555555555ull, 0x5555555555555555ull) ==
			  0.33333333333333326);
}
END_TEST

static Suite *insn_suite(void)
{
	Suite *s = suite_create("aarch64 instructions");
	TCase *tc = tcase_create("relocation");

	tcase_add_test(tc, plain_instruction_is_copied_and_branches_back);
	tcase_add_test(tc, plain_instruction_out_of_reach_is_refused);
	tcase_add_test(tc, adrp_and_adr_load_the_address_they_compute_at_home);
	tcase_add_test(tc, ldr_literal_loads_from_the_original_place);
	tcase_add_test(tc, bl_sets_the_original_return_address);
	tcase_add_test(tc, conditional_branches_take_both_ways);
	tcase_add_test(tc, indirect_calls_and_returns);
	tcase_add_test(tc, plt_stubs_name_their_slot);
	tcase_add_test(tc, plt_stubs_branch_to_a_trampoline);
	tcase_add_test(tc, relocation_kinds);
	tcase_add_test(tc, long_doubles_become_doubles);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(insn_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
