/* PLT entries of an ELF object: which stub calls which symbol. */
#ifndef LTRACE_PLT_H
#define LTRACE_PLT_H

#include <gelf.h>
#include <stddef.h>

#include "elf/image.h"

/*
 * Find every PLT stub in .plt, .plt.sec and .plt.got, decode the GOT slot it jumps
 * through (with the arch layer), and name it from the relocation of that slot
 * (.rela.plt JUMP_SLOT, .rela.dyn GLOB_DAT; an IRELATIVE slot is named after the IFUNC
 * symbol whose resolver its addend is, from syms). Stubs whose slot has no named relocation
 * (PLT0, lazy-binding trampolines) are left out. Function slots that no stub uses go
 * to img->direct (addr 0): code built with -fno-plt calls through them.
 */
void plt_read(Elf *elf, const struct func_symbol *syms, size_t nsyms, struct image *img);

#endif
