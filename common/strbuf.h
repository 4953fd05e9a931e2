/* A growable, always NUL-terminated string buffer. The owner calls strbuf_free. */
#ifndef LTRACE_STRBUF_H
#define LTRACE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf;  /* NUL-terminated; NULL until the first append */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_append(struct strbuf *sb, const char *s);
void strbuf_append_n(struct strbuf *sb, const char *s, size_t n);
void strbuf_putc(struct strbuf *sb, char c);
/* n copies of c. */
void strbuf_pad(struct strbuf *sb, char c, size_t n);
/* Numbers as printf's %PRId64, %PRIu64 and %#PRIx64 (0 as "0x0") write them, without
 * printf: these are on the path of every traced call. */
void strbuf_put_dec(struct strbuf *sb, int64_t v);
void strbuf_put_udec(struct strbuf *sb, uint64_t v);
void strbuf_put_hex(struct strbuf *sb, uint64_t v);
/* ltrace's guess for a value of unknown type: -10000 to 10000 in decimal, the rest in hex. */
void strbuf_put_guess(struct strbuf *sb, uint64_t v);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void strbuf_reset(struct strbuf *sb);
/* The contents ("" when empty); valid until the next change to sb. */
const char *strbuf_str(const struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

#endif
