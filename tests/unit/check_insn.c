/* Unit tests: x86_64 PLT stub decoding and out-of-line relocation. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sysdeps/arch.h"

static uint8_t out[ARCH_SLOT_SIZE];
static const char *why;

/* The 14-byte absolute jump the relocator emits: jmp *0(%rip); .quad target */
static void expect_abs_jmp(const uint8_t *p, taddr_t target)
{
	static const uint8_t head[] = { 0xff, 0x25, 0, 0, 0, 0 };
	taddr_t got;

	ck_assert_mem_eq(p, head, sizeof(head));
	memcpy(&got, p + 6, 8);
	ck_assert_uint_eq(got, target);
}

/* lea -8(%rsp),%rsp; movl $lo,(%rsp); movl $hi,4(%rsp) */
static void expect_push(const uint8_t *p, taddr_t value)
{
	static const uint8_t lea[] = { 0x48, 0x8d, 0x64, 0x24, 0xf8 };
	uint32_t lo, hi;

	ck_assert_mem_eq(p, lea, sizeof(lea));
	ck_assert_uint_eq(p[5], 0xc7);
	memcpy(&lo, p + 8, 4);
	memcpy(&hi, p + 16, 4);
	ck_assert_uint_eq(((taddr_t)hi << 32) | lo, value);
}

START_TEST(plain_instruction_is_copied_and_jumps_back)
{
	static const uint8_t mov[] = { 0x89, 0x45, 0xec, 0x90, 0x90 }; /* mov %eax,-0x14(%rbp) */

	int n = arch_displace(mov, sizeof(mov), 0x401000, 0x300000, out, &why);
	ck_assert_int_eq(n, 3 + 14);
	ck_assert_mem_eq(out, mov, 3);
	expect_abs_jmp(out + 3, 0x401003);
}
END_TEST

START_TEST(rip_relative_operand_is_reaimed)
{
	/* lea 0x10(%rip),%rdi at 0x1000: refers to 0x1017 */
	static const uint8_t lea[] = { 0x48, 0x8d, 0x3d, 0x10, 0x00, 0x00, 0x00 };
	int32_t disp;

	int n = arch_displace(lea, sizeof(lea), 0x1000, 0x2000, out, &why);
	ck_assert_int_eq(n, 7 + 14);
	memcpy(&disp, out + 3, 4);
	ck_assert_int_eq(0x2000 + 7 + disp, 0x1017);
	expect_abs_jmp(out + 7, 0x1007);
}
END_TEST

START_TEST(rip_relative_out_of_reach_is_refused)
{
	static const uint8_t lea[] = { 0x48, 0x8d, 0x3d, 0x10, 0x00, 0x00, 0x00 };

	ck_assert_int_eq(arch_displace(lea, sizeof(lea), 0x1000, 0x7f0000000000ull, out, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "reach"));
}
END_TEST

START_TEST(direct_call_pushes_the_original_return_address)
{
	static const uint8_t call[] = { 0xe8, 0x2f, 0x02, 0x00, 0x00 }; /* call 0x1234 at 0x1000 */

	int n = arch_displace(call, sizeof(call), 0x1000, 0x7f0000000000ull, out, &why);
	ck_assert_int_eq(n, 20 + 14);
	expect_push(out, 0x1005);
	expect_abs_jmp(out + 20, 0x1234);
}
END_TEST

START_TEST(indirect_call_becomes_push_and_jump)
{
	static const uint8_t call_rax[] = { 0xff, 0xd0 };        /* call *%rax */
	static const uint8_t call_sp[] = { 0xff, 0x54, 0x24, 0x08 }; /* call *0x8(%rsp) */

	int n = arch_displace(call_rax, sizeof(call_rax), 0x1000, 0x2000, out, &why);
	ck_assert_int_eq(n, 22);
	expect_push(out, 0x1002);
	ck_assert_uint_eq(out[20], 0xff);
	ck_assert_uint_eq(out[21], 0xe0); /* jmp *%rax */

	n = arch_displace(call_sp, sizeof(call_sp), 0x1000, 0x2000, out, &why);
	ck_assert_int_eq(n, 24);
	expect_push(out, 0x1004);
	static const uint8_t jmp_sp[] = { 0xff, 0x64, 0x24, 0x10 }; /* jmp *0x10(%rsp) */
	ck_assert_mem_eq(out + 20, jmp_sp, sizeof(jmp_sp));
}
END_TEST

START_TEST(conditional_branch_takes_both_ways)
{
	static const uint8_t jne[] = { 0x75, 0x05 }; /* jne 0x1007 at 0x1000 */

	int n = arch_displace(jne, sizeof(jne), 0x1000, 0x7f0000000000ull, out, &why);
	ck_assert_int_eq(n, 2 + 14 + 14);
	ck_assert_uint_eq(out[0], 0x75);
	ck_assert_uint_eq(out[1], 14);
	expect_abs_jmp(out + 2, 0x1002);
	expect_abs_jmp(out + 16, 0x1007);
}
END_TEST

START_TEST(jump_and_return_do_not_come_back)
{
	static const uint8_t ret[] = { 0xc3 };
	static const uint8_t jmp[] = { 0xeb, 0x10 }; /* jmp 0x1012 at 0x1000 */

	ck_assert_int_eq(arch_displace(ret, 1, 0x1000, 0x2000, out, &why), 1);
	ck_assert_uint_eq(out[0], 0xc3);
	ck_assert_int_eq(arch_displace(jmp, 2, 0x1000, 0x2000, out, &why), 14);
	expect_abs_jmp(out, 0x1012);
}
END_TEST

START_TEST(loop_is_refused)
{
	static const uint8_t loop[] = { 0xe2, 0xfe };

	ck_assert_int_eq(arch_displace(loop, 2, 0x1000, 0x2000, out, &why), -1);
	ck_assert_int_eq(arch_displace((const uint8_t *)"\x0f", 1, 0x1000, 0x2000, out, &why), -1);
}
END_TEST

START_TEST(plt_stubs_name_their_slot)
{
	/* .plt.sec: endbr64; bnd jmp *0x2f12(%rip); nop */
	static const uint8_t sec[] = { 0xf3, 0x0f, 0x1e, 0xfa, 0xf2, 0xff, 0x25, 0x12, 0x2f,
				       0x00, 0x00, 0x0f, 0x1f, 0x44, 0x00, 0x00 };
	/* .plt: jmp *0x2fe2(%rip); push $0; jmp PLT0 */
	static const uint8_t plt[] = { 0xff, 0x25, 0xe2, 0x2f, 0x00, 0x00, 0x68, 0x00, 0x00,
				       0x00, 0x00, 0xe9, 0xe0, 0xff, 0xff, 0xff };
	/* IBT .plt trampoline: endbr64; push $0; bnd jmp PLT0 */
	static const uint8_t tramp[] = { 0xf3, 0x0f, 0x1e, 0xfa, 0x68, 0x00, 0x00, 0x00, 0x00,
					 0xf2, 0xe9, 0xe1, 0xff, 0xff, 0xff, 0x90 };
	taddr_t slot = 0;

	ck_assert_int_eq(arch_plt_slot(sec, sizeof(sec), 0x10f0, &slot), 0);
	ck_assert_uint_eq(slot, 0x10f0 + 11 + 0x2f12);
	ck_assert_int_eq(arch_plt_slot(plt, sizeof(plt), 0x1030, &slot), 0);
	ck_assert_uint_eq(slot, 0x1030 + 6 + 0x2fe2);
	ck_assert_int_eq(arch_plt_slot(tramp, sizeof(tramp), 0x1030, &slot), -1);
}
END_TEST

START_TEST(plt_stubs_are_patched_only_before_the_lazy_entry)
{
	static const uint8_t plt[] = { 0xff, 0x25, 0xe2, 0x2f, 0x00, 0x00, 0x68, 0x00, 0x00,
				       0x00, 0x00, 0xe9, 0xe0, 0xff, 0xff, 0xff };
	static const uint8_t sec[] = { 0xf3, 0x0f, 0x1e, 0xfa, 0xf2, 0xff, 0x25, 0x12, 0x2f,
				       0x00, 0x00, 0x0f, 0x1f, 0x44, 0x00, 0x00 };
	static const uint8_t tramp_stub[] = { 0xf3, 0x0f, 0x1e, 0xfa, 0x68, 0x00, 0x00, 0x00,
					      0x00, 0xf2, 0xe9, 0xe1, 0xff, 0xff, 0xff, 0x90 };
	uint8_t patch[ARCH_PATCH_MAX], tramp[16];
	size_t tlen = 0;
	int32_t rel, disp;

	size_t trap = 0;
	static const uint8_t load_ret[] = { 0x4c, 0x8b, 0x1c, 0x24 }; /* mov (%rsp),%r11 */

	/* Classic stub at 0x1030, slot 0x4018, trampoline at 0x2000: the stub jumps there. */
	ck_assert_int_eq(arch_plt_patch(plt, sizeof(plt), 0x1030, 0x4018, 0x2000, patch, tramp,
					&tlen, &trap), 5);
	ck_assert_uint_eq(patch[0], 0xe9);
	memcpy(&rel, patch + 1, 4);
	ck_assert_int_eq(0x1030 + 5 + rel, 0x2000);
	/* The return address into %r11, the breakpoint, then the jump through the slot. */
	ck_assert_uint_eq(tlen, 11);
	ck_assert_mem_eq(tramp, load_ret, sizeof(load_ret));
	ck_assert_uint_eq(trap, 4);
	ck_assert_uint_eq(tramp[4], 0xcc);
	ck_assert_uint_eq(tramp[5], 0xff);
	ck_assert_uint_eq(tramp[6], 0x25);
	memcpy(&disp, tramp + 7, 4);
	ck_assert_int_eq(0x2000 + 11 + disp, 0x4018);
	struct arch_regs regs = { .r = { .r11 = 0x1234 } };
	ck_assert_uint_eq(arch_trampoline_return_address(&regs), 0x1234);
	/* IBT: endbr64 then the jump: patched within them. */
	ck_assert_int_eq(arch_plt_patch(sec, sizeof(sec), 0x10f0, 0x4000, 0x2000, patch, tramp,
					&tlen, &trap), 5);
	/* A lazy-binding trampoline (push first) is not a stub to patch. */
	ck_assert_int_eq(arch_plt_patch(tramp_stub, sizeof(tramp_stub), 0x1030, 0x4000, 0x2000,
					patch, tramp, &tlen, &trap), -1);
	/* Out of reach. */
	ck_assert_int_eq(arch_plt_patch(plt, sizeof(plt), 0x1030, 0x4018, 0x7f0000000000ull, patch,
					tramp, &tlen, &trap), -1);
}
END_TEST

/* --fast entries: endbr64 stays, the jump covers whole instructions, the copy runs them
 * (relocated) and jumps back. */
START_TEST(entry_keeps_endbr_and_copies_whole_instructions)
{
	static const uint8_t f[] = {
		0xf3, 0x0f, 0x1e, 0xfa,                   /* endbr64 */
		0x55,                                     /* push %rbp */
		0x48, 0x89, 0xe5,                         /* mov %rsp,%rbp */
		0x48, 0x8b, 0x05, 0x10, 0x00, 0x00, 0x00, /* mov 0x10(%rip),%rax: 0x1000+15+0x10 */
		0x5d,                                     /* pop %rbp */
		0xc3,                                     /* ret */
	};
	uint8_t patch[ARCH_PATCH_MAX];
	size_t ool_len = 0;
	int32_t rel, disp;

	int n = arch_entry_patch(f, sizeof(f), 0x1000, 0x5000, 0x5040, patch, out, &ool_len, &why);
	ck_assert_int_eq(n, 15); /* endbr64, then push, mov, mov: 11 bytes for the jump's 5 */
	ck_assert_mem_eq(patch, f, 4);
	ck_assert_uint_eq(patch[4], 0xe9);
	memcpy(&rel, patch + 5, 4);
	ck_assert_int_eq(0x1000 + 9 + rel, 0x5000);
	for (int i = 9; i < 15; i++)
		ck_assert_uint_eq(patch[i], 0xcc);
	ck_assert_uint_eq(ool_len, 11 + 14);
	ck_assert_mem_eq(out, f + 4, 4 + 3); /* push, mov, and the mov's opcode */
	memcpy(&disp, out + 7, 4);
	ck_assert_int_eq(0x5040 + 11 + disp, 0x1000 + 15 + 0x10);
	expect_abs_jmp(out + 11, 0x100f);
}
END_TEST

/* An early exit among the first instructions (-O2's test; je): the copy takes the jump
 * with the inverted condition over an absolute jump to the target. */
START_TEST(entry_with_a_conditional_branch_is_relocated)
{
	static const uint8_t f[] = {
		0x48, 0x85, 0xff,       /* 0x1000: test %rdi,%rdi */
		0x74, 0x04,             /* 0x1003: je 0x1009 */
		0x8b, 0x07,             /* 0x1005: mov (%rdi),%eax */
		0xeb, 0x02,             /* 0x1007: jmp 0x100b */
		0x31, 0xc0,             /* 0x1009: xor %eax,%eax */
		0xc3,                   /* 0x100b: ret */
	};
	uint8_t patch[ARCH_PATCH_MAX];
	size_t ool_len = 0;

	int n = arch_entry_patch(f, sizeof(f), 0x1000, 0x5000, 0x5040, patch, out, &ool_len, &why);
	ck_assert_int_eq(n, 5); /* test, je */
	ck_assert_uint_eq(ool_len, 3 + 2 + 14 + 14);
	ck_assert_mem_eq(out, f, 3);
	ck_assert_uint_eq(out[3], 0x75); /* jne over the jump to je's target */
	ck_assert_uint_eq(out[4], 14);
	expect_abs_jmp(out + 5, 0x1009);
	expect_abs_jmp(out + 19, 0x1005);
}
END_TEST

START_TEST(entry_with_a_branch_or_a_loop_at_its_start_is_refused)
{
	/* xor %eax,%eax; call +0 among the first five bytes (it would return among them) */
	static const uint8_t branch[] = { 0x31, 0xc0, 0xe8, 0x00, 0x00, 0x00, 0x00, 0xc3 };
	/* 1: add $1,%eax (3 bytes); cmp $9,%eax (3); jne 1 */
	static const uint8_t loop[] = { 0x83, 0xc0, 0x01, 0x83, 0xf8, 0x09, 0x75, 0xf8, 0xc3 };
	/* the same, looping back to the entry itself: a new call, fine */
	static const uint8_t self[] = { 0x83, 0xc0, 0x01, 0x83, 0xf8, 0x09, 0x75, 0xf8, 0xc3 };
	static const uint8_t tiny[] = { 0x31, 0xc0, 0xc3 };
	/* -fpatchable-function-entry's pad: nopl 0x0(%rax,%rax,1) */
	static const uint8_t pad[] = { 0x0f, 0x1f, 0x44, 0x00, 0x00, 0x31, 0xc0, 0xc3 };
	uint8_t patch[ARCH_PATCH_MAX];
	size_t ool_len;

	ck_assert_int_eq(arch_entry_patch(branch, sizeof(branch), 0x1000, 0x5000, 0x5040, patch,
					  out, &ool_len, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "a call"));
	/* loop: jne back to 0x1003 (inside the covered 6 bytes) */
	uint8_t l[sizeof(loop)];
	memcpy(l, loop, sizeof(l));
	l[7] = 0xfb; /* jne 0x1003 */
	ck_assert_int_eq(arch_entry_patch(l, sizeof(l), 0x1000, 0x5000, 0x5040, patch, out,
					  &ool_len, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "lands among"));
	ck_assert_int_eq(arch_entry_patch(self, sizeof(self), 0x1000, 0x5000, 0x5040, patch, out,
					  &ool_len, &why), 6);
	ck_assert_int_eq(arch_entry_patch(tiny, sizeof(tiny), 0x1000, 0x5000, 0x5040, patch, out,
					  &ool_len, &why), -1);
	ck_assert_int_eq(arch_entry_patch(pad, sizeof(pad), 0x1000, 0x5000, 0x5040, patch, out,
					  &ool_len, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "nop"));
	ck_assert_int_eq(arch_entry_patch(self, sizeof(self), 0x1000, 0x7f0000000000ull,
					  0x7f0000000040ull, patch, out, &ool_len, &why), -1);
}
END_TEST

/* --fast, -fno-plt: calls through a slot are found as instructions and as raw bytes. */
struct refs {
	taddr_t at[8], ref[8];
	enum arch_slot_use how[8];
	int n;
};

static void note_ref(void *arg, taddr_t at, taddr_t ref, enum arch_slot_use how)
{
	struct refs *r = arg;

	if (r->n < 8) {
		r->at[r->n] = at;
		r->ref[r->n] = ref;
		r->how[r->n++] = how;
	}
}

START_TEST(slot_calls_are_found_and_rewritten)
{
	static const uint8_t f[] = {
		0xff, 0x15, 0x10, 0x00, 0x00, 0x00,       /* 0x1000: call *0x10(%rip): 0x1016 */
		0x48, 0x8b, 0x05, 0x09, 0x00, 0x00, 0x00, /* 0x1006: mov 0x9(%rip),%rax: 0x1016 */
		0xff, 0x25, 0x01, 0x00, 0x00, 0x00,       /* 0x100d: jmp *0x1(%rip): 0x1014 */
	};
	struct refs r = { .n = 0 };
	uint8_t patch[ARCH_SITE_PATCH];
	int32_t rel;

	ck_assert_int_eq(arch_fixed_refs(f, sizeof(f), 0x1000, note_ref, &r), 0);
	ck_assert_int_eq(r.n, 3);
	ck_assert_uint_eq(r.at[0], 0x1000);
	ck_assert_uint_eq(r.ref[0], 0x1016);
	ck_assert_int_eq(r.how[0], ARCH_SLOT_CALLED);
	ck_assert_uint_eq(r.ref[1], 0x1016);
	ck_assert_int_eq(r.how[1], ARCH_SLOT_READ);
	ck_assert_uint_eq(r.ref[2], 0x1014);
	ck_assert_int_eq(r.how[2], ARCH_SLOT_JUMPED);
	r.n = 0;
	arch_raw_slot_calls(f, sizeof(f), 0x1000, note_ref, &r);
	ck_assert_int_eq(r.n, 2); /* the call and the jump: the mov is no such sequence */
	ck_assert_uint_eq(r.at[1], 0x100d);
	ck_assert_int_eq(arch_site_patch(ARCH_SLOT_CALLED, 0x1000, 0x5000, patch), 6);
	ck_assert_uint_eq(patch[0], 0x90);
	ck_assert_uint_eq(patch[1], 0xe8);
	memcpy(&rel, patch + 2, 4);
	ck_assert_int_eq(0x1006 + rel, 0x5000); /* returns to 0x1006, as before */
	ck_assert_int_eq(arch_site_patch(ARCH_SLOT_JUMPED, 0x100d, 0x5000, patch), 6);
	ck_assert_uint_eq(patch[1], 0xe9);
	ck_assert_int_eq(arch_site_patch(ARCH_SLOT_CALLED, 0x1000, 0x7f0000000000ull, patch), -1);
}
END_TEST

struct raw {
	size_t n;
	taddr_t at[8], target[8];
	bool is_short[8];
};

static void note_branch(void *arg, taddr_t at, taddr_t target, bool is_short)
{
	struct raw *r = arg;

	if (r->n < 8) {
		r->at[r->n] = at;
		r->target[r->n] = target;
		r->is_short[r->n++] = is_short;
	}
}

/* Every byte that would branch is found, instruction or not; decoding from the start
 * tells which are instructions. */
START_TEST(raw_branches_and_which_are_instructions)
{
	static const uint8_t f[] = {
		0x48, 0xb8, 0xe9, 0, 0, 0, 0, 0, 0, 0, /* 0x1000: movabs $0xe9,%rax (an e9 in it) */
		0xeb, 0xf4,                           /* 0x100a: jmp 0x1000 */
		0xe8, 0xf3, 0xff, 0xff, 0xff,         /* 0x100c: call 0x1004 */
		0xc3,                                 /* 0x1011: ret */
	};
	struct raw r = { .n = 0 };

	arch_raw_branches(f, sizeof(f), 0x1000, note_branch, &r);
	ck_assert_int_eq(r.n, 3);
	ck_assert_uint_eq(r.at[0], 0x1002); /* e9 00 00 00 00: a jmp to 0x1007, were it run */
	ck_assert_uint_eq(r.target[0], 0x1007);
	ck_assert(!r.is_short[0]);
	ck_assert_uint_eq(r.at[1], 0x100a);
	ck_assert_uint_eq(r.target[1], 0x1000);
	ck_assert(r.is_short[1]);
	ck_assert_uint_eq(r.at[2], 0x100c);
	ck_assert_uint_eq(r.target[2], 0x1004);
	ck_assert(!r.is_short[2]);
	/* 0x1002 is inside the movabs; the call at 0x100c goes to 0x1004 */
	ck_assert_int_eq(arch_branch_at(f, sizeof(f), 0x1000, 0x1002, 0x1001, 0x1010), 0);
	ck_assert_int_eq(arch_branch_at(f, sizeof(f), 0x1000, 0x100c, 0x1001, 0x1005), 1);
	ck_assert_int_eq(arch_branch_at(f, sizeof(f), 0x1000, 0x100c, 0x1005, 0x1008), 0);
	ck_assert_int_eq(arch_branch_at(f, sizeof(f), 0x1000, 0x100a, 0x1000, 0x1001), 1);
	/* Inside the last instructions, the decoding at its end. */
	ck_assert_int_eq(arch_branch_at(f, sizeof(f), 0x1000, 0x100e, 0x1000, 0x1010), 0);
	/* Undecodable before it (push %es: none in 64-bit mode): nobody knows. */
	static const uint8_t bad[] = { 0x06, 0xeb, 0xfd };
	ck_assert_int_eq(arch_branch_at(bad, sizeof(bad), 0x1000, 0x1001, 0x1000, 0x1010), -1);
}
END_TEST

static Suite *insn_suite(void)
{
	Suite *s = suite_create("x86_64 instructions");
	TCase *tc = tcase_create("relocation");

	tcase_add_test(tc, plain_instruction_is_copied_and_jumps_back);
	tcase_add_test(tc, rip_relative_operand_is_reaimed);
	tcase_add_test(tc, rip_relative_out_of_reach_is_refused);
	tcase_add_test(tc, direct_call_pushes_the_original_return_address);
	tcase_add_test(tc, indirect_call_becomes_push_and_jump);
	tcase_add_test(tc, conditional_branch_takes_both_ways);
	tcase_add_test(tc, jump_and_return_do_not_come_back);
	tcase_add_test(tc, loop_is_refused);
	tcase_add_test(tc, plt_stubs_name_their_slot);
	tcase_add_test(tc, plt_stubs_are_patched_only_before_the_lazy_entry);
	tcase_add_test(tc, entry_keeps_endbr_and_copies_whole_instructions);
	tcase_add_test(tc, entry_with_a_branch_or_a_loop_at_its_start_is_refused);
	tcase_add_test(tc, entry_with_a_conditional_branch_is_relocated);
	tcase_add_test(tc, slot_calls_are_found_and_rewritten);
	tcase_add_test(tc, raw_branches_and_which_are_instructions);
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
