/* Finding the end of a bracket expression ([abc], [!a-z], []x], [[:alpha:]], ...). */
#ifndef LTRACE_FILTER_BRACKET_H
#define LTRACE_FILTER_BRACKET_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Length of the bracket expression at s[0] == '[' within s[0..len), its closing ']'
 * included; 0 when it is not closed. With escapes, '\' quotes the next byte (globs);
 * without, it is an ordinary member (regular expressions).
 */
size_t filter_bracket_len(const char *s, size_t len, bool escapes);

#endif
