/* -C: C++ symbol names shown demangled ("geo::area(geo::shape const&)"). */
#ifndef LTRACE_DEMANGLE_H
#define LTRACE_DEMANGLE_H

/*
 * The demangled form of name, or name itself when it is not a mangled C++ name (or cannot
 * be demangled). The result lives until demangle_clear; results are cached by name.
 */
const char *demangle(const char *name);
void demangle_clear(void);

#endif
