/* Calls each function of libtypes through the PLT, checks what it returns (exit
 * status 1 if something is wrong), and prints nothing. */
#include <stddef.h>

#include "types.h"

int main(void)
{
	int bad = 0, seven = 7, out[4] = { 0 };
	long eight = 8, three[3] = { 1, -2, 3 };
	const long *pe = &eight;
	int five[5] = { 1, 2, 3, 4, 5 }, z[4] = { 5, 6, 7, 0 };
	int vals[3] = { 1, 2, 3 };
	struct vec vec = { 3, vals };
	static struct { unsigned n; int v[2]; } flex = { 2, { 8, 9 } };
	struct point pt = { 1, 2, "corner", 1.5 }, got = { 0, 0, "old", 0 };
	struct point badname = { 5, 6, (const char *)0x10, 2 };
	struct label lab = { "abcde", "xy", 1.25f };
	struct pair pr = { 3, 4 }, mk;
	struct wide wd = { 100, 23 };
	struct big bg;
	struct mixed mx = { 1.5, 2 };
	struct fpair fp = { 1.25f, 2.25f };
	struct hidden hd = { 1, 99, 3 };
	struct node n3 = { 30, NULL }, n2 = { 20, &n3 }, n1 = { 10, &n2 };
	struct dnode d3 = { 3, NULL, NULL }, d2 = { 2, &d3, NULL }, d1 = { 1, &d2, NULL };
	unsigned char bytes[4] = { 0x01, 0, 0, 0x80 };
	char buf[16] = "old";

	d3.prev = &d2;
	d2.prev = &d1;

	bad |= t_int(-7, 35) != -42;
	bad |= t_uint(4000000000u) != 4000000001u;
	bad |= t_long(5000000000L) != -5000000000L;
	bad |= t_ulong(10000000000000000000UL) != 10000000000000000001UL;
	bad |= t_short(-1234) != 1234;
	bad |= t_ushort(65534) != 65535;
	bad |= t_char('a') != 'b';
	bad |= t_char('\n') != '\v';
	bad |= t_float(1.5f, 2.25f) != 3.75f;
	bad |= t_double(0.1, 3, 2.5) != 0.1 * 3 + 2.5;
	t_void();
	bad |= t_addr(&seven) != &seven;
	bad |= t_addr(NULL) != NULL;
	bad |= t_file(stderr) != stderr;
	bad |= t_deref(&seven, &pe) != 15;
	bad |= t_charp("quux") != 'q';
	bad |= t_strlen("hello, world") != 12;
	bad |= t_str3("abcdef") != 6;
	bad |= t_strarg(4, "abcdefgh") != 5;
	bad |= t_strold("xyzzy", 2) != 3;
	bad |= t_strlens("tab\there", 5) != 6;
	bad |= t_strcharp("plain") != 5;
	bad |= t_nullstr() != NULL;
	bad |= t_printf("%d %ld %s %g %c %x", -1, 5000000000L, "str", 2.5, 'z', 255) != 6;
	bad |= t_printf("%f|%i|%e|%u|%5.2f|%s", 0.1, 7, 1e20, 4000000000u, -0.5, (char *)NULL) != 6;
	bad |= t_log(2, "%d %d %d %d %d %g %s", 1, 2, 3, 4, 5, 0.25, "end") != 207;
	bad |= t_sum3(three) != 2;
	bad |= t_sumn(five, 5) != 15;
	bad |= t_sumn(five, 2) != 3;
	bad |= t_sumz(z) != 18;
	bad |= t_sumz2(z) != 18;
	bad |= t_fill(4, out) != 3 || out[2] != 4;
	bad |= t_vecsum(&vec) != 6;
	bad |= t_flexsum((const struct flex *)&flex) != 17;
	bad |= t_point(&pt) != 4.5;
	bad |= t_label(&lab) != 2.5f;
	bad |= t_pairsum(pr) != 7;
	mk = t_mkpair(1, 2);
	bad |= mk.a != 1 || mk.b != 2;
	bad |= t_widesum(wd) != 123;
	wd = t_mkwide(-1, 2);
	bad |= wd.lo != -1 || wd.hi != 2;
	bad |= t_mixed(mx, 2) != 7;
	bg = t_mkbig(5, 6);
	bad |= bg.c != 11;
	mx = t_mkmixed(0.5, 9);
	bad |= mx.l != 9;
	bad |= t_fpair(fp, 2) != 7;
	bad |= t_color(5)[0] != 'g';
	bad |= t_color(6)[0] != 'b';
	bad |= t_color(9)[0] != '?';
	bad |= t_level(0) != -1;
	bad |= t_level(2) != 1;
	bad |= t_hex(255, 0xbeef, 1.5, -1) != 255 + 0xbeef + 1 - 1;
	bad |= t_oct(0755, 8) != 0755;
	bad |= t_mode(0644) != 0755;
	bad |= t_mode(0600) != 0711;
	bad |= t_bool(0, 'x') != 1;
	bad |= t_bits(0xb8, 0x0102, bytes) != 0xfffffffeu;
	bad |= t_hide(1, 2, 3) != 6;
	bad |= t_hidden(&hd) != 103;
	bad |= t_list(&n1) != 60;
	bad |= t_dlist(&d1) != 3;
	t_getpoint(&got);
	bad |= got.x != 3;
	bad |= t_read(0, buf, sizeof(buf)) != 3;
	bad |= t_peek((const char *)0x10, (const struct point *)0x1000, (const int *)0x8,
		      (struct point *)0x2000) != 0;
	bad |= t_point(&badname) != 22;
	return bad;
}
