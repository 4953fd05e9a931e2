/*
 * The objects mapped in a process: the executable and the libraries the dynamic loader
 * lists in r_debug. A breakpoint on the loader's _dl_debug_state hook tells when the
 * list changes (start-up, dlopen, dlclose).
 */
#ifndef LTRACE_LIBRARIES_H
#define LTRACE_LIBRARIES_H

#include <stdbool.h>

#include "common/taddr.h"
#include "elf/loaded.h"

struct thread;
struct process;

/* After the executable's set-up (exec or attach), thread t stopped: plan the executable's
 * breakpoints and hook the dynamic loader. With `now`, read the library list at once (the
 * libraries are already loaded: attach). */
void libraries_start(struct thread *t, bool now);

/* The loader's hook was hit: bring the list up to date (new libraries get breakpoints,
 * unloaded ones are forgotten). */
void libraries_update(struct thread *t);

#endif
