/* Calls each function of libvalues through the PLT, checks what it returns (exit status 1
 * if something is wrong), and prints nothing. */
#include <stddef.h>

#include "values.h"

int main(void)
{
	int bad = 0, seven = 7, arr[2] = { 1, 0x20 };
	unsigned u = 0x123;
	struct nest n = { 1.0, { 2.0 } };
	float f[3] = { 0.5f, -1.0f, 0.25f };
	struct hexed h = { 16, "s" };

	bad |= v_double(1.0, 2.5f) != 3.5;
	bad |= v_nest(&n) != 3.0;
	bad |= v_farr(f) != -0.25f;
	bad |= v_fmt("%Lf|%f|%e", (long double)2.5, 0.1, 1e20) != 3;
	bad |= v_wc(L'\u0424') != 0x424;
	bad |= v_wc(L'a') != 'a';
	bad |= v_wc(L'\n') != '\n';
	bad |= v_ws(L"\u0427\u0443\u0434\u043e") != 4;
	bad |= v_ws(L"ab\tc\u00e9") != 5;
	bad |= v_fmt("%ls|%lc|%C|%S|%c", L"\u0427\u0443\u0434\u043e", (wint_t)L'\u0424',
		     (wint_t)L'z', L"ok", 'c') != 5;
	bad |= v_wfmt(L"%d %ls|%s|%5.2f \u0424", 5, L"\u0427\u0443\u0434\u043e", "narrow",
		      1.5) != 4;
	bad |= v_hex(&u, &seven, arr, &h) != 0x123 + 7 + 1 + 16;
	bad |= v_addr(NULL, NULL, &seven) != NULL;
	bad |= v_enum(0xffff, 0xffffffff, -1, 1) != 0xffff + -1 + -1 + 1;
	bad |= v_fmt("%10s|%.3s|%-8.2s|%*s|%.*s", "abcdefghijklmnop", "abcdef", "xyz", 12,
		     "abcdefghijklmnopq", 2, "abc") != 5;
	return bad;
}
