/* An address in a traced process: always a fixed 64-bit integer, never a host pointer. */
#ifndef LTRACE_TADDR_H
#define LTRACE_TADDR_H

#include <inttypes.h>
#include <stdint.h>

typedef uint64_t taddr_t;

#define PRIxTADDR PRIx64

#endif
