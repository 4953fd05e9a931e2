/* etc/ltrace.conf: it parses cleanly, and common calls print as ltrace 0.7.3 shows them. */
#include "tests/unit/check_proto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"

static struct proto_table *conf;

static void conf_setup(void)
{
	const char *srcdir = getenv("srcdir");
	char path[4096];

	snprintf(path, sizeof(path), "%s/etc/ltrace.conf", srcdir ? srcdir : ".");
	conf = proto_table_new();
	ck_assert_int_eq(proto_table_load_file(conf, path, stderr), 0);
}

static void conf_teardown(void)
{
	proto_table_free(conf);
}

/* "name(args) = ret" for the call in F, with retval as rax. */
static char *line(const char *name, uint64_t retval)
{
	const struct proto *p = proto_table_lookup(conf, name);
	struct strbuf sb = STRBUF_INIT;

	ck_assert_msg(p != NULL, "no prototype for %s", name);
	fake_rewind(&F);
	struct proto_call *c = proto_call_fetch(p, &F.cursor);
	strbuf_printf(&sb, "%s(", name);
	proto_call_format_in(&sb, c, &F.cursor, &OPTS);
	F.nints = F.next_int = 0;
	fake_int(&F, retval);
	proto_call_return(c, &F.cursor);
	proto_call_format_out(&sb, c, &F.cursor, &OPTS);
	strbuf_append(&sb, ") = ");
	proto_call_format_ret(&sb, c, &F.cursor, &OPTS);
	proto_call_free(c);
	F.nints = F.next_int = 0;
	char *s = strdup(strbuf_str(&sb));
	strbuf_free(&sb);
	return s;
}

#define EXPECT_LINE(name, retval, want)                        \
	do {                                                   \
		char *got_ = line((name), (retval));           \
		ck_assert_str_eq(got_, (want));                \
		free(got_);                                    \
	} while (0)

START_TEST(signals)
{
	fake_int(&F, 10);
	fake_int(&F, 0x559fbed63204);
	EXPECT_LINE("signal", 0, "signal(SIGUSR1, 0x559fbed63204) = nil");
	fake_int(&F, 2338);
	fake_int(&F, 10);
	EXPECT_LINE("kill", 0, "kill(2338, SIGUSR1) = 0");
	fake_int(&F, 34);
	fake_int(&F, 0);
	EXPECT_LINE("signal", 0, "signal(SIGRTMIN_2, nil) = nil");
	EXPECT_LINE("getpid", 2338, "getpid() = 2338");
}
END_TEST

START_TEST(libc)
{
	fake_int(&F, fake_str(&F, "%zu %s\n"));
	fake_int(&F, 2);
	fake_int(&F, fake_str(&F, "a"));
	EXPECT_LINE("printf", 4, "printf(\"%zu %s\\n\", 2, \"a\") = 4");
	fake_int(&F, 0x55d0c2a0);
	EXPECT_LINE("free", 0, "free(0x55d0c2a0) = <void>");
	fake_int(&F, 10);
	EXPECT_LINE("malloc", 0x55d0c2a0, "malloc(10) = 0x55d0c2a0");
	fake_int(&F, fake_str(&F, "hi"));
	EXPECT_LINE("strlen", 2, "strlen(\"hi\") = 2");
	fake_int(&F, fake_str(&F, "a"));
	fake_int(&F, fake_str(&F, "c"));
	EXPECT_LINE("strcmp", (uint64_t)-2, "strcmp(\"a\", \"c\") = -2");
	fake_int(&F, 0x7ffdd78e6a60);
	fake_int(&F, 3);
	fake_int(&F, 8);
	fake_int(&F, 0x559fbed631d9);
	EXPECT_LINE("qsort", 0, "qsort(0x7ffdd78e6a60, 3, 8, 0x559fbed631d9) = <void>");
	fake_int(&F, 1);
	fake_int(&F, fake_str(&F, "sig\n"));
	fake_int(&F, 4);
	EXPECT_LINE("write", 4, "write(1, \"sig\\n\", 4) = 4");
	fake_int(&F, fake_str(&F, "NOPE"));
	EXPECT_LINE("getenv", 0, "getenv(\"NOPE\") = nil");
	fake_int(&F, fake_str(&F, "/etc/hostname"));
	fake_int(&F, 0);
	fake_int(&F, 4);
	EXPECT_LINE("open", 3, "open(\"/etc/hostname\", 0, 04) = 3");
	fake_int(&F, 6);
	fake_int(&F, fake_str(&F, ""));
	EXPECT_LINE("setlocale", fake_str(&F, "C.UTF-8"), "setlocale(LC_ALL, \"\") = \"C.UTF-8\"");
	fake_int(&F, 0x5000);
	fake_int(&F, 'x');
	fake_int(&F, 5);
	EXPECT_LINE("memset", 0x5000, "memset(0x5000, 'x', 5) = 0x5000");
	fake_int(&F, 0);
	EXPECT_LINE("time", 1795321419, "time(nil) = 1795321419");
	fake_int(&F, 3);
	EXPECT_LINE("exit", 0, "exit(3) = <void>");
}
END_TEST

TCase *tcase_conf(void)
{
	TCase *tc = tcase_create("ltrace.conf");

	tcase_add_checked_fixture(tc, conf_setup, conf_teardown);
	tcase_add_test(tc, signals);
	tcase_add_test(tc, libc);
	return tc;
}
