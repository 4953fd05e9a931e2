/*
 * Names for addresses in a traced process: which object is mapped there (/proc/PID/maps)
 * and which function of it (elf/symtab.h). Used by -w and --json; costs nothing unless
 * called. Maps are re-read when an address is in none of them (dlopen) and forgotten at
 * exec; objects are read once per path.
 */
#ifndef LTRACE_SYMBOLIZE_H
#define LTRACE_SYMBOLIZE_H

#include <stdbool.h>
#include <sys/types.h>

#include "common/taddr.h"

struct addr_name {
	const char *object;   /* path of the mapped file, or NULL if none */
	taddr_t object_start; /* where the object is loaded (its bias) */
	const char *function; /* NULL when no symbol covers the address */
	taddr_t offset;       /* from the function's start (or from object_start) */
};

/* Name addr in process pid. The strings live until symbolize_forget/symbolize_clear. */
void symbolize(pid_t pid, taddr_t addr, struct addr_name *out);
/* The symbols of the object mapped at addr in process pid, and its load bias; NULL if
 * none is or it cannot be read. Valid until symbolize_clear. */
struct symtab;
const struct symtab *symbolize_object(pid_t pid, taddr_t addr, taddr_t *bias);
/* The process's address space changed (exec): read its maps again next time. */
void symbolize_forget(pid_t pid);
/* Free everything. */
void symbolize_clear(void);

#endif
