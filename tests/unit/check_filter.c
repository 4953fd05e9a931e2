/* Unit tests: filter expressions (-e, -x), as ltrace(1) FILTER EXPRESSIONS and 0.7.3. */
#include <check.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "filter/glob.h"

static const struct filter_object exe = { "p", "/tmp/fx/p", true, false };
static const struct filter_object libc = { "libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", false, false };
static const struct filter_object libmain = { "MAIN", "/tmp/fx/libMAIN.so", false, false };

static struct filter *parse_ok(const char *expr)
{
	char *err = NULL;
	struct filter *f = filter_parse(expr, &err);

	ck_assert_msg(f != NULL, "'%s' refused: %s", expr, err ? err : "(no message)");
	ck_assert_ptr_null(err);
	return f;
}

/* Whether expr selects sym in obj. */
static bool sel(const char *expr, const char *sym, const struct filter_object *obj)
{
	struct filter *f = parse_ok(expr);
	bool r = filter_match(f, sym, obj);

	filter_free(f);
	return r;
}

static bool may(const char *expr, const struct filter_object *obj)
{
	struct filter *f = parse_ok(expr);
	bool r = filter_may_match_object(f, obj);

	filter_free(f);
	return r;
}

/* The error of an expression that must be refused. */
static char *refused(const char *expr)
{
	char *err = NULL;
	struct filter *f = filter_parse(expr, &err);

	ck_assert_msg(f == NULL, "'%s' accepted", expr);
	ck_assert_ptr_nonnull(err);
	ck_assert_ptr_null(strchr(err, '\n'));
	return err;
}

static void assert_error(const char *expr, const char *want)
{
	char *err = refused(expr);

	ck_assert_msg(strcmp(err, want) == 0, "'%s': got \"%s\", want \"%s\"", expr, err, want);
	free(err);
}

static void assert_error_prefix(const char *expr, const char *want)
{
	char *err = refused(expr);

	ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "'%s': got \"%s\", want \"%s...\"",
		      expr, err, want);
	free(err);
}

START_TEST(plain_names_and_globs)
{
	ck_assert(sel("puts", "puts", &exe));
	ck_assert(sel("puts", "puts", &libc));
	ck_assert(!sel("puts", "fputs", &exe));
	ck_assert(!sel("puts", "putsx", &exe));
	ck_assert(sel("str*", "strlen", &exe));
	ck_assert(sel("str*", "str", &exe));
	ck_assert(!sel("str*", "xstrlen", &exe));
	ck_assert(sel("*len", "strlen", &exe));
	ck_assert(sel("*r*", "strlen", &exe));
	ck_assert(sel("p?ts", "puts", &exe));
	ck_assert(!sel("p?ts", "pts", &exe));
	ck_assert(!sel("p.ts", "puts", &exe)); /* '.' is no regex dot */
	ck_assert(sel("p.ts", "p.ts", &exe));
	ck_assert(sel("a\\*b", "a*b", &exe));
	ck_assert(!sel("a\\*b", "axb", &exe));
	ck_assert(sel("*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", &exe));
	ck_assert(!sel("*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &exe));
}
END_TEST

START_TEST(character_classes)
{
	ck_assert(sel("pu[st]s", "puts", &exe));
	ck_assert(!sel("pu[st]s", "pucs", &exe));
	ck_assert(sel("pu[!x]s", "puts", &exe));
	ck_assert(!sel("pu[!x]s", "puxs", &exe));
	ck_assert(sel("pu[^x]s", "puts", &exe));
	ck_assert(!sel("pu[^x]s", "puxs", &exe));
	ck_assert(sel("st[[:alpha:]]len", "strlen", &exe));
	ck_assert(!sel("st[[:digit:]]len", "strlen", &exe));
	ck_assert(sel("[a-c]x", "bx", &exe));
	ck_assert(!sel("[a-c]x", "dx", &exe));
	ck_assert(sel("[]]x", "]x", &exe));
	ck_assert(sel("[!]]x", "ax", &exe));
	ck_assert(!sel("[!]]x", "]x", &exe));
	ck_assert(sel("[a\\]]", "]", &exe));
	ck_assert(sel("x[[.a.]]", "xa", &exe));
	ck_assert(sel("x[ab[:digit:]]", "x7", &exe));
	/* + - @ inside [...] do not cut the expression. */
	ck_assert(sel("x[+@-]", "x@", &exe));
	ck_assert(!sel("x[+@-]-x?", "x+", &exe));
	ck_assert(sel("/[a-c]*/", "abc", &exe));
}
END_TEST

START_TEST(anchors_in_globs)
{
	/* ltrace(1): ^ and $ mean start and end; a glob matches the whole name anyway. */
	ck_assert(sel("^puts", "puts", &exe));
	ck_assert(sel("puts$", "puts", &exe));
	ck_assert(sel("^puts$", "puts", &exe));
	ck_assert(!sel("^puts$", "fputs", &exe));
	ck_assert(sel("a\\$", "a$", &exe)); /* an escaped $ is literal */
	ck_assert(!sel("a\\$", "a", &exe));
	ck_assert(sel("a^b", "a^b", &exe)); /* only at the ends */
}
END_TEST

START_TEST(regexes)
{
	/* Whole-name and POSIX basic, as 0.7.3 (checked with /usr/bin/ltrace -e). */
	ck_assert(!sel("/str/", "strlen", &exe));
	ck_assert(sel("/str.*/", "strlen", &exe));
	ck_assert(sel("/str.*/", "strcpy", &exe));
	ck_assert(sel("/pu\\(t\\)s/", "puts", &exe));
	ck_assert(!sel("/pu(t)s/", "puts", &exe));
	ck_assert(sel("/pu(t)s/", "pu(t)s", &exe));
	ck_assert(sel("/puts\\|free/", "free", &exe));
	ck_assert(sel("/puts\\|free/", "puts", &exe));
	ck_assert(!sel("/puts\\|free/", "putsfree", &exe));
	ck_assert(!sel("/puts\\|free/", "fputs", &exe));
	ck_assert(sel("/^puts$/", "puts", &exe));
	ck_assert(sel("/^.*len$/", "strlen", &exe));
	ck_assert(sel("/a\\{2\\}/", "aa", &exe));
	ck_assert(!sel("/a\\{2\\}/", "aaa", &exe));
	ck_assert(sel("/[[:upper:]]*/", "ABC", &exe));
	ck_assert(sel("//", "anything", &exe)); /* empty: like a missing pattern */
	ck_assert(sel("/a\\+/", "aaa", &exe));  /* escaped operators stay in the pattern */
	ck_assert(sel("a\\-b", "a-b", &exe));
	ck_assert(sel("a\\@b", "a@b", &exe));
}
END_TEST

START_TEST(negative_first_rule)
{
	ck_assert(!sel("-puts", "puts", &exe));
	ck_assert(sel("-puts", "strlen", &exe));
	ck_assert(sel("-puts", "puts_x", &libc));
	ck_assert(!sel("!puts", "puts", &exe)); /* old spelling */
	ck_assert(sel("!puts", "free", &exe));
	ck_assert(!sel("-@libc.so*", "free", &libc));
	ck_assert(sel("-@libc.so*", "free", &exe));
}
END_TEST

START_TEST(chains)
{
	const char *e = "malloc+free-@libc.so*";

	ck_assert(sel(e, "malloc", &exe));
	ck_assert(sel(e, "free", &exe));
	ck_assert(!sel(e, "free", &libc));
	ck_assert(!sel(e, "puts", &exe));
	ck_assert(sel("p*-puts", "printf", &exe));
	ck_assert(!sel("p*-puts", "puts", &exe));
	ck_assert(sel("*-@MAIN+free", "free", &exe));
	ck_assert(!sel("*-@MAIN+free", "puts", &exe));
	ck_assert(sel("*-@MAIN+free", "puts", &libc));
	ck_assert(sel("p*-puts+puts", "puts", &exe));
	/* Empty pieces between operators are *@*; an empty last piece is nothing. */
	ck_assert(sel("puts+-strlen", "free", &libc));
	ck_assert(!sel("puts+-strlen", "strlen", &exe));
	ck_assert(!sel("puts-+strlen", "puts", &exe));
	ck_assert(sel("puts-+strlen", "strlen", &exe));
	ck_assert(sel("puts++strlen", "free", &exe));
	ck_assert(sel("-", "free", &exe));
	ck_assert(sel("+", "free", &libc));
	ck_assert(sel("puts+", "puts", &exe));
	ck_assert(!sel("puts+", "free", &exe));
	ck_assert(!sel("puts-", "free", &exe));
	ck_assert(!sel("", "puts", &exe)); /* empty: accepted, selects nothing */
	ck_assert(!sel("", "", &exe));
}
END_TEST

START_TEST(missing_patterns)
{
	ck_assert(sel("puts@", "puts", &libc));
	ck_assert(sel("@", "anything", &libc));
	ck_assert(sel("@libc.*", "anything", &libc));
	ck_assert(!sel("@libc.*", "anything", &exe));
	ck_assert(sel("@p", "puts", &exe)); /* the executable's SONAME is its basename */
	ck_assert(sel("puts@libc.so.6", "puts", &libc));
	ck_assert(!sel("puts@libc.so", "puts", &libc));
	ck_assert(sel("puts@/MAIN/", "puts", &exe));
}
END_TEST

START_TEST(main_pattern)
{
	ck_assert(sel("@MAIN", "puts", &exe));
	ck_assert(!sel("@MAIN", "puts", &libmain));
	ck_assert(!sel("@MAIN", "puts", &libc));
	ck_assert(sel("@^MAIN", "puts", &libmain));
	ck_assert(!sel("@^MAIN", "puts", &exe));
	ck_assert(sel("@[M]AIN", "puts", &libmain));
	ck_assert(!sel("@[M]AIN", "puts", &exe));
	ck_assert(sel("@MAIN$", "puts", &libmain));
	ck_assert(sel("@/MAIN/", "puts", &exe)); /* 0.7.3: still the special MAIN */
	ck_assert(!sel("@/MAIN/", "puts", &libmain));
	ck_assert(sel("@/M.IN/", "puts", &libmain));
	ck_assert(sel("@M?IN", "puts", &libmain));
	ck_assert(!sel("puts@MAIN-puts@MAIN", "puts", &exe));
}
END_TEST

START_TEST(path_patterns)
{
	ck_assert(sel("@/tmp/*", "puts", &exe));
	ck_assert(sel("@/tmp/*", "puts", &libmain));
	ck_assert(!sel("@/tmp/*", "puts", &libc));
	ck_assert(sel("@/lib/x86_64\\-linux\\-gnu/libc.so.6", "puts", &libc));
	ck_assert(sel("@/lib/x86_64[-]linux[-]gnu/*", "puts", &libc));
	ck_assert(!sel("@/libc.so.6", "puts", &libc)); /* whole path, not the SONAME */
	ck_assert(!sel("@*/libc.so*", "puts", &libc)); /* no leading '/': a SONAME glob */
	/* Ending in '/': a regex; one starting with '/' inside is on the path. */
	ck_assert(sel("@/libc.*/", "puts", &libc));
	ck_assert(sel("@//lib/.*/", "puts", &libc));
	ck_assert(!sel("@//lib/.*/", "puts", &exe));
	ck_assert(sel("@//tmp/fx/p/", "puts", &exe));
}
END_TEST

START_TEST(slash_shorthand)
{
	ck_assert(sel("/puts@libc.*/", "puts", &libc));
	ck_assert(!sel("/puts@libc.*/", "puts", &exe));
	ck_assert(!sel("/puts@libc.*/", "fputs", &libc));
	ck_assert(sel("/p.*@p/", "printf", &exe));
	ck_assert(sel("/puts@MAIN/", "puts", &exe));
	ck_assert(!sel("/puts@MAIN/", "puts", &libmain));
	ck_assert(sel("/p.*@/", "puts", &libc)); /* empty library regex: any */
	ck_assert(sel("/@p/", "anything", &exe)); /* empty symbol regex: any */
	ck_assert(!sel("/@p/", "anything", &libc));
	ck_assert(sel("/@/", "x", &libc));
	ck_assert(sel("/str.*@libc.*/-strlen", "strcpy", &libc));
	ck_assert(!sel("/str.*@libc.*/-strlen", "strlen", &libc));
}
END_TEST

START_TEST(may_match_object)
{
	ck_assert(may("puts@libc*", &libc));
	ck_assert(!may("puts@libc*", &exe));
	ck_assert(may("-@libc*", &libc)); /* the implicit *@* */
	ck_assert(may("-@libc*", &exe));
	ck_assert(may("@MAIN", &exe));
	ck_assert(!may("@MAIN", &libmain));
	ck_assert(may("-puts", &exe));
	ck_assert(!may("", &exe));
	ck_assert(may("x@/tmp/*", &libmain));
	ck_assert(!may("x@/tmp/*", &libc));
	ck_assert(!may("x@p-@p", &libc));
	ck_assert(!filter_may_match_object(NULL, &exe));
	ck_assert(!filter_match(NULL, "puts", &exe));
}
END_TEST

static bool functions(const char *expr)
{
	struct filter *f = parse_ok(expr);
	bool r = filter_selects_functions(f);

	filter_free(f);
	return r;
}

/* Rules that name only SYS select no function: -S alone needs no breakpoint. */
START_TEST(selects_functions)
{
	ck_assert(!functions("write@SYS"));
	ck_assert(!functions("write@SYS+getppid@SYS-read@SYS"));
	ck_assert(!functions("@SYS"));
	ck_assert(functions("write@SYS+puts"));
	ck_assert(functions("@MAIN"));
	ck_assert(functions("-write@SYS")); /* the implicit *@* */
	ck_assert(!functions(""));
	ck_assert(!filter_selects_functions(NULL));
}
END_TEST

START_TEST(error_messages)
{
	assert_error_prefix("/[/", "invalid regular expression '[': ");
	assert_error("/[/", "invalid regular expression '[': unmatched [, [^, [:, [., or [=");
	assert_error("/puts", "unmatched '/' in symbol pattern '/puts'");
	assert_error("/", "unmatched '/' in symbol pattern '/'");
	assert_error("/puts@libc", "unmatched '/' in symbol pattern '/puts'");
	assert_error("puts@p/", "unmatched '/' in library pattern 'p/'");
	assert_error("puts@/", "unmatched '/' in library pattern '/'");
	assert_error("pu[s", "invalid glob 'pu[s': unmatched '['");
	assert_error("free+pu[s@libc", "invalid glob 'pu[s': unmatched '['");
	assert_error("@lib[", "invalid glob 'lib[': unmatched '['");
	assert_error("a\\", "invalid glob 'a\\': trailing backslash");
	assert_error("[[:foo:]]", "invalid glob '[[:foo:]]': invalid character class name");
	assert_error("[z-a]", "invalid glob '[z-a]': invalid range in a bracket expression");
	assert_error("[]", "invalid glob '[]': unmatched '['");
	assert_error("/a\\/", "invalid regular expression 'a\\': trailing backslash");
	assert_error("/\\(a\\)\\1/",
		     "invalid regular expression '\\(a\\)\\1': back-references are not supported");
	assert_error("/\\(a\\{255\\}\\)\\{255\\}/",
		     "invalid regular expression '\\(a\\{255\\}\\)\\{255\\}': too complex");
	assert_error("/a\\{32767\\}/", "invalid regular expression 'a\\{32767\\}': too complex");
	assert_error("/a\\{2,1\\}/", "invalid regular expression 'a\\{2,1\\}': invalid content of \\{\\}");
	assert_error("/[\n/", "invalid regular expression '[\\x0a': unmatched [, [^, [:, [., or [=");
}
END_TEST

START_TEST(long_inputs)
{
	size_t n = 70000;
	char *s = malloc(n + 1);

	memset(s, 'a', n);
	s[n] = '\0';
	char *err = refused(s);
	ck_assert_str_eq(err, "expression too long (over 65536 bytes)");
	free(err);

	s[2000] = '\0';
	s[0] = '/';
	s[1999] = '/';
	err = refused(s);
	ck_assert_str_eq(err + strlen(err) - 8, "too long");
	ck_assert(strstr(err, "aaa...'") != NULL); /* quoted text is cut */
	free(err);

	/* Many rules, long globs: linear. */
	for (size_t i = 0; i < 60000; i++)
		s[i] = i % 2 ? '+' : (i % 6 == 0 ? '*' : 'a');
	s[60000] = '\0';
	struct filter *f = parse_ok(s);
	ck_assert(filter_match(f, "aaaa", &exe));
	filter_free(f);
	free(s);
}
END_TEST

START_TEST(null_arguments)
{
	struct filter *f = filter_parse(NULL, NULL);

	ck_assert_ptr_nonnull(f);
	ck_assert(!filter_match(f, "x", &exe));
	filter_free(f);
	ck_assert_ptr_null(filter_parse("/[/", NULL));
	f = parse_ok("-x");
	ck_assert(filter_match(f, NULL, NULL));
	ck_assert(filter_may_match_object(f, NULL));
	filter_free(f);
	f = parse_ok("x@/a*");
	ck_assert(!filter_match(f, "x", &(struct filter_object){ NULL, NULL, false, false }));
	filter_free(f);
	filter_free(NULL);
}
END_TEST

static unsigned long long rng = 88172645463325252ULL;

static unsigned next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

static void random_text(char *buf, size_t len, const char *alphabet)
{
	size_t n = strlen(alphabet);

	for (size_t i = 0; i < len; i++)
		buf[i] = alphabet[next_rand() % n];
	buf[len] = '\0';
}

/* Where both apply, the glob matcher agrees with fnmatch(3). */
START_TEST(glob_agrees_with_fnmatch)
{
	char glob[16], name[16];

	for (int i = 0; i < 200000; i++) {
		random_text(glob, next_rand() % 10, "ab*?[]!^-\\:");
		random_text(name, next_rand() % 8, "ab-]^!\\:");
		if (filter_glob_check(glob) != NULL || strstr(glob, "[:") != NULL)
			continue;
		bool want = fnmatch(glob, name, 0) == 0;
		ck_assert_msg(filter_glob_match(glob, name) == want, "'%s' on '%s': fnmatch says %d",
			      glob, name, want);
	}
}
END_TEST

START_TEST(garbage)
{
	static const char *alphabets[] = {
		"+-@/*?[]!^$\\:.ab",
		"+-@/\\{}()|12ab[]:.",
	};
	static const char *names[] = { "", "a", "ab", "a+b", "/a", "MAIN", "[:]", "\xff\x01" };
	char buf[64];

	for (int i = 0; i < 100000; i++) {
		size_t len = next_rand() % (sizeof buf);
		if (i % 3 == 2) {
			for (size_t j = 0; j < len; j++)
				buf[j] = (char)(1 + next_rand() % 255);
			buf[len] = '\0';
		} else {
			random_text(buf, len, alphabets[i % 2]);
		}
		char *err = NULL;
		struct filter *f = filter_parse(buf, &err);
		if (f == NULL) {
			ck_assert_ptr_nonnull(err);
			ck_assert_ptr_null(strchr(err, '\n'));
			free(err);
			continue;
		}
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			struct filter_object o = { names[k], names[(k + 1) % 8], k % 2, false };
			bool any = filter_match(f, names[k], &o);
			ck_assert(!any || filter_may_match_object(f, &o));
		}
		filter_free(f);
	}
}
END_TEST

static Suite *filter_suite(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, plain_names_and_globs);
	tcase_add_test(tc, character_classes);
	tcase_add_test(tc, anchors_in_globs);
	tcase_add_test(tc, regexes);
	tcase_add_test(tc, negative_first_rule);
	tcase_add_test(tc, chains);
	tcase_add_test(tc, missing_patterns);
	tcase_add_test(tc, main_pattern);
	tcase_add_test(tc, path_patterns);
	tcase_add_test(tc, slash_shorthand);
	tcase_add_test(tc, may_match_object);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, error_messages);
	tcase_add_test(tc, long_inputs);
	tcase_add_test(tc, null_arguments);
	tcase_add_test(tc, glob_agrees_with_fnmatch);
	tcase_add_test(tc, garbage);
	tcase_add_test(tc, selects_functions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(filter_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
