/* Interned strings: one copy of each, alive until intern_free_all (at exit). Breakpoints
 * of any process can point at them whatever becomes of the object that named them. */
#ifndef LTRACE_INTERN_H
#define LTRACE_INTERN_H

const char *intern(const char *s);
void intern_free_all(void);

#endif
