/*
 * --fast -x: whether code other than the function's own could jump among the first
 * instructions of its entry, which the jump written there covers (it would land inside
 * that jump). Hand-written code does: glibc's mempcpy jumps to memmove's second
 * instruction.
 */
#ifndef LTRACE_FAST_REACH_H
#define LTRACE_FAST_REACH_H

#include <stdbool.h>
#include <stddef.h>

#include "common/taddr.h"

struct image;

/*
 * Whether a direct branch of the object img may land in (entry, entry + len) (link-time
 * addresses): every place of its code that would be such a branch if run from there (far
 * ones anywhere, kept per object; near ones within reach) is decoded from the start of
 * the code its call frame information (.eh_frame) covers, to see whether it is an
 * instruction. True when that cannot be told: the object's file cannot be read, no
 * call frame information covers the place, or the decoding stops before it.
 */
bool fast_entry_reached(struct image *img, taddr_t entry, size_t len);

#endif
