#include "proto/format.h"

#include <limits.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* As ltrace 0.7.3: C escapes for control characters, octal for the rest of the
 * non-printable bytes, and neither quote character escaped. */
void proto_escape_char(struct strbuf *out, unsigned char ch)
{
	static const char named[] = { ['\a'] = 'a', ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n',
				      ['\v'] = 'v', ['\f'] = 'f', ['\r'] = 'r' };

	if (ch == '\\') {
		strbuf_append(out, "\\\\");
	} else if (ch == 0) {
		strbuf_append(out, "\\0");
	} else if (ch < sizeof(named) && named[ch]) {
		strbuf_putc(out, '\\');
		strbuf_putc(out, named[ch]);
	} else if (ch < 0x20 || ch >= 0x7f) {
		strbuf_printf(out, "\\%03o", ch);
	} else {
		strbuf_putc(out, (char)ch);
	}
}

/* As ltrace 0.7.91: ASCII as in a byte string, any other character in the encoding of
 * the tracer's locale (LC_CTYPE). A character that the locale cannot encode or that is
 * not printable is left to the caller. */
bool proto_put_wide_char(struct strbuf *out, uint64_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;

	if (ch < 0x80) {
		proto_escape_char(out, (unsigned char)ch);
		return true;
	}
	if (ch > 0x7fffffff || !iswprint((wint_t)ch))
		return false;
	memset(&st, 0, sizeof(st));
	size_t n = wcrtomb(mb, (wchar_t)ch, &st);
	if (n == (size_t)-1 || n == 0)
		return false;
	strbuf_append_n(out, mb, n);
	return true;
}
