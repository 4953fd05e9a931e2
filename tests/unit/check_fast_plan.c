/* --fast: the copies the agent makes for a call and its return, planned from the
 * prototype (fast/plan.c): which registers, which pointers inside what they point to,
 * how many bytes, with the -s and -A limits of the formatter. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fast/plan.h"
#include "proto/proto.h"

static const char *const protos =
	"long step(long);\n"
	"long strlen(string);\n"
	"typedef node = struct;\n"
	"typedef node = struct(long, string, node*);\n"
	"long walk(node*);\n"
	"string name_of(long);\n"
	"struct(long, long, long) mkbig(long, long);\n"
	"void getpoint(+struct(int, string)*);\n"
	"long sum(array(long, 4)*);\n"
	"long deref(int*, long**);\n"
	"int printf(format);\n"
	"int sprintf(+string, format);\n"
	"int snprintf(+string2, ulong, format);\n"
	"long pick(long, long, long, long, long, long, string);\n";

static struct proto_table *table;

static void setup(void)
{
	table = proto_table_new();
	ck_assert_int_eq(proto_table_load_string(table, "test.conf", protos, stderr), 0);
}

static void teardown(void)
{
	proto_table_free(table);
}

/* The plan for name as "call | return": each copy as FROM:LEN, from a register (r0..r5),
 * the stack (sp), the return value (ret) or a pointer (pN+OFF: at OFF in copy N). */
static char *plan(const char *name, unsigned string_limit, unsigned array_limit)
{
	const struct proto *p = proto_table_lookup(table, name);
	struct fmt_opts fmt = { .string_limit = string_limit, .array_limit = array_limit };
	struct fast_func f = { .fmt_reg = 0xff };
	static char out[1024];
	size_t n = 0;

	ck_assert_msg(p != NULL, "no prototype for %s", name);
	fast_plan(&f, p, &fmt);
	for (unsigned side = 0; side < 2; side++) {
		const struct fast_copy *list = side == 0 ? f.copy : f.out;
		unsigned count = side == 0 ? f.ncopy : f.nout;
		if (side == 1)
			n += (size_t)snprintf(out + n, sizeof(out) - n, " |");
		for (unsigned i = 0; i < count; i++) {
			const struct fast_copy *c = &list[i];
			char from[16];
			if (c->from < FAST_FROM_STACK)
				snprintf(from, sizeof(from), "r%u", c->from);
			else if (c->from == FAST_FROM_STACK)
				snprintf(from, sizeof(from), "sp");
			else if (c->from == FAST_FROM_RET)
				snprintf(from, sizeof(from), "ret");
			else
				snprintf(from, sizeof(from), "p%u+%u", c->parent, c->off);
			n += (size_t)snprintf(out + n, sizeof(out) - n, " %s:%u", from, c->len);
		}
	}
	if (f.fmt_reg != 0xff)
		n += (size_t)snprintf(out + n, sizeof(out) - n, " fmt r%u:%u", f.fmt_reg, f.fmt_cap);
	return out;
}

START_TEST(plain_values_copy_nothing)
{
	ck_assert_str_eq(plan("step", 32, 32), " |");
}
END_TEST

START_TEST(strings_as_far_as_shown)
{
	ck_assert_str_eq(plan("strlen", 32, 32), " r0:32 |");
	ck_assert_str_eq(plan("strlen", 5, 32), " r0:5 |");
}
END_TEST

START_TEST(pointers_inside_structs_are_followed)
{
	/* the node, its name and the next node, theirs, ...: 4 pointers deep */
	ck_assert_str_eq(plan("walk", 32, 32),
			 " r0:24 p0+8:32 p0+16:24 p2+8:32 p2+16:24 p4+8:32 p4+16:24"
			 " p6+8:32 p6+16:24 |");
	ck_assert_str_eq(plan("deref", 32, 32), " r0:4 r1:8 p1+0:8 |");
}
END_TEST

START_TEST(returned_memory_and_output_arguments)
{
	ck_assert_str_eq(plan("name_of", 32, 32), " | ret:32");
	ck_assert_str_eq(plan("mkbig", 32, 32), " | ret:24");
	ck_assert_str_eq(plan("getpoint", 32, 32), " | r0:16 p0+8:32");
}
END_TEST

START_TEST(arrays_to_their_limit)
{
	ck_assert_str_eq(plan("sum", 32, 32), " r0:32 |");
	ck_assert_str_eq(plan("sum", 32, 2), " r0:16 |");
}
END_TEST

START_TEST(formats_and_the_stack)
{
	/* the format is read as far as it goes; so are the arguments on the stack that
	 * "%s%s..." would take (the agent copies as many as its format has conversions) */
	ck_assert_str_eq(plan("printf", 32, 32), " r0:4096 sp:4096 | fmt r0:33");
	/* after an output argument the format is shown with the return: its strings are
	 * copied at the call all the same */
	ck_assert_str_eq(plan("sprintf", 32, 32), " r1:4096 sp:4096 | r0:32 r1:32 fmt r1:33");
	ck_assert_str_eq(plan("snprintf", 32, 32), " r2:4096 sp:4096 | r0:32 r2:32 fmt r2:33");
	/* the seventh argument is on the stack, after the return address */
	ck_assert_str_eq(plan("pick", 32, 32), " sp:16 p0+8:32 |");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fast_plan");
	TCase *tc = tcase_create("plan");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plain_values_copy_nothing);
	tcase_add_test(tc, strings_as_far_as_shown);
	tcase_add_test(tc, pointers_inside_structs_are_followed);
	tcase_add_test(tc, returned_memory_and_output_arguments);
	tcase_add_test(tc, arrays_to_their_limit);
	tcase_add_test(tc, formats_and_the_stack);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
