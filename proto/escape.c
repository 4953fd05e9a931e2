#include "proto/format.h"

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
