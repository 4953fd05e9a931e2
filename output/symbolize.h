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
/* The process's address space changed (exec): read its maps again next time. */
void symbolize_forget(pid_t pid);
/* Free everything. */
void symbolize_clear(void);

#endif
