/* Defined only in a library that the program loads with dlopen (-l, case file). */
#include <string.h>
size_t late_len(const char *s) { return strlen(s); }
