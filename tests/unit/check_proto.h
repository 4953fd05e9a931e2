/* Shared by the proto unit tests: a fake call and helpers that format it. */
#ifndef LTRACE_TESTS_CHECK_PROTO_H
#define LTRACE_TESTS_CHECK_PROTO_H

#include <check.h>

#include "proto/proto.h"
#include "tests/unit/fake_cursor.h"

extern struct fake F;        /* the call being formatted; reset before each test */
extern struct fmt_opts OPTS; /* -s 32 -A 4 before each test */

void proto_setup(void);
void proto_teardown(void);

/* Load text as "t.conf" (it must parse), format the arguments of fn. Caller frees. */
char *format_args(const char *text, const char *fn);
/* The same for the return value, with F's registers as rax / xmm0. */
char *format_ret(const char *text, const char *fn);
/* Load text, returning what was written to the error stream; *rc gets the result. */
char *load_errors(const char *text, int *rc);

#define EXPECT_ARGS(text, fn, want)                           \
	do {                                                  \
		char *got_ = format_args((text), (fn));       \
		ck_assert_str_eq(got_, (want));               \
		free(got_);                                   \
	} while (0)

#define EXPECT_RET(text, fn, want)                            \
	do {                                                  \
		char *got_ = format_ret((text), (fn));        \
		ck_assert_str_eq(got_, (want));               \
		free(got_);                                   \
	} while (0)

#define EXPECT_ERRORS(text, want)                             \
	do {                                                  \
		int rc_;                                      \
		char *got_ = load_errors((text), &rc_);       \
		ck_assert_str_eq(got_, (want));               \
		ck_assert_int_eq(rc_, (want)[0] && strstr((want), ": error: ") ? -1 : 0); \
		free(got_);                                   \
	} while (0)

TCase *tcase_integers(void);
TCase *tcase_lenses(void);
TCase *tcase_strings(void);
TCase *tcase_compound(void);
TCase *tcase_floats(void);
TCase *tcase_printf(void);
TCase *tcase_calls(void);
TCase *tcase_parse(void);
TCase *tcase_garbage(void);
TCase *tcase_conf(void);

#endif
