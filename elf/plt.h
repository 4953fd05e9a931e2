/* PLT entries of an ELF object: which stub calls which symbol. */
#ifndef LTRACE_PLT_H
#define LTRACE_PLT_H

#include <gelf.h>
#include <stddef.h>

#include "elf/image.h"

/*
 * Find every PLT stub in .plt, .plt.sec and .plt.got, decode the GOT slot it jumps
 * through (with the arch layer), and name it from the relocation of that slot
 * (.rela.plt JUMP_SLOT, .rela.dyn GLOB_DAT). Stubs whose slot has no named relocation
 * (PLT0, lazy-binding trampolines) are left out. The caller owns *out.
 */
void plt_read(Elf *elf, struct plt_entry **out, size_t *n);

#endif
