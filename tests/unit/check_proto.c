/* Unit tests of proto/: types, the ltrace.conf parser and the formatter. The expected
 * strings were measured with Debian's ltrace 0.7.3. */
#include "tests/unit/check_proto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"

struct fake F;
struct fmt_opts OPTS;

void proto_setup(void)
{
	fake_init(&F);
	OPTS.string_limit = 32;
	OPTS.array_limit = 4;
}

void proto_teardown(void)
{
	fake_free(&F);
}

static struct proto_table *load(const char *text)
{
	struct proto_table *t = proto_table_new();

	ck_assert_int_eq(proto_table_load_string(t, "t.conf", text, stderr), 0);
	return t;
}

static char *format_once(const struct proto *p, bool ret, struct mem_window *win)
{
	struct strbuf sb = STRBUF_INIT;

	fake_rewind(&F);
	F.cursor.window = win;
	if (ret)
		proto_format_ret(&sb, p, &F.cursor, &OPTS);
	else
		proto_format_args(&sb, p, &F.cursor, &OPTS);
	F.cursor.window = NULL;
	char *s = strdup(strbuf_str(&sb));
	strbuf_free(&sb);
	return s;
}

/* Formatted twice: reading memory directly, then through a window as the tracer does at
 * a stop. The two must agree, and the window must not read more often. */
static char *format_with(const char *text, const char *fn, bool ret)
{
	struct proto_table *t = load(text);
	const struct proto *p = proto_table_lookup(t, fn);
	struct mem_window win = { .len = 0 };

	ck_assert_ptr_nonnull(p);
	size_t before = F.reads;
	char *direct = format_once(p, ret, NULL);
	size_t direct_reads = F.reads - before;
	before = F.reads;
	char *windowed = format_once(p, ret, &win);
	ck_assert_str_eq(windowed, direct);
	ck_assert_uint_le(F.reads - before, direct_reads);
	F.last_reads = F.reads - before;
	free(direct);
	proto_table_free(t);
	return windowed;
}

char *format_args(const char *text, const char *fn)
{
	return format_with(text, fn, false);
}

char *format_ret(const char *text, const char *fn)
{
	return format_with(text, fn, true);
}

char *load_errors(const char *text, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	struct proto_table *t = proto_table_new();

	*rc = proto_table_load_string(t, "t.conf", text, err);
	fclose(err);
	proto_table_free(t);
	return buf;
}

int main(void)
{
	Suite *s = suite_create("proto");
	TCase *(*const cases[])(void) = {
		tcase_integers, tcase_lenses, tcase_strings, tcase_compound, tcase_floats,
		tcase_printf, tcase_calls, tcase_parse, tcase_garbage, tcase_conf,
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		TCase *tc = cases[i]();
		tcase_add_checked_fixture(tc, proto_setup, proto_teardown);
		suite_add_tcase(s, tc);
	}
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
