#include "filter/bracket.h"

#include <string.h>

/*
 * Past the [:name:], [.c.] or [=c=] at s[i] (s[i] == '['), or 0 when it is not one.
 * *unclosed remembers the delimiters with no closing "d]" left, keeping callers linear.
 */
static size_t skip_class(const char *s, size_t len, size_t i, unsigned *unclosed)
{
	const char *delims = ":.=";
	const char *d;

	if (i + 1 >= len || s[i + 1] == '\0' || (d = strchr(delims, s[i + 1])) == NULL)
		return 0;
	unsigned bit = 1u << (d - delims);
	if (*unclosed & bit)
		return 0;
	for (size_t j = i + 2; j + 1 < len; j++)
		if (s[j] == *d && s[j + 1] == ']')
			return j + 2;
	*unclosed |= bit;
	return 0;
}

size_t filter_bracket_len(const char *s, size_t len, bool escapes)
{
	unsigned unclosed = 0;
	size_t i = 1;

	if (i < len && (s[i] == '!' || s[i] == '^'))
		i++;
	if (i < len && s[i] == ']')
		i++;
	while (i < len && s[i] != ']') {
		size_t past = s[i] == '[' ? skip_class(s, len, i, &unclosed) : 0;
		if (past != 0)
			i = past;
		else if (escapes && s[i] == '\\' && i + 1 < len)
			i += 2;
		else
			i++;
	}
	return i < len ? i + 1 : 0;
}
