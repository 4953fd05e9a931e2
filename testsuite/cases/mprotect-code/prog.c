/*
 * A program that changes the protection of its own code pages and its own code, while
 * calling traced library functions (see the case file for what is guaranteed).
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

long mp_add(long a, long b);
long mp_twice(long a);
long step(void);
long step2(void);
int knob(void);
int seven(void);
extern unsigned char step_imm[], step2_imm[], knob_page[], knob_imm[], seven_imm[], seven_end[];

static uintptr_t seg_lo, seg_hi;

/* The executable's code segment (with its PLT), page-rounded. */
static int find_code(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	(void)arg;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
			seg_lo = (info->dlpi_addr + ph->p_vaddr) & ~(uintptr_t)4095;
			seg_hi = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz + 4095) &
				 ~(uintptr_t)4095;
		}
	}
	return 1; /* the first object is the executable */
}

static void protect(void *lo, size_t len, int prot, const char *what)
{
	if (mprotect(lo, len, prot) != 0) {
		printf("mprotect %s: %m\n", what);
		exit(1);
	}
}

/* The immediate at `at` (code.S): x86-64's 32 bits after an opcode, or arm64's 16-bit
 * immediate of a movz instruction (whose change the instruction cache must see). */
static void set32(unsigned char *at, int32_t v)
{
#if defined(__aarch64__)
	uint32_t insn;

	memcpy(&insn, at, sizeof(insn));
	insn = (insn & ~(0xffffu << 5)) | ((uint32_t)v & 0xffffu) << 5;
	memcpy(at, &insn, sizeof(insn));
	__builtin___clear_cache((char *)at, (char *)at + sizeof(insn));
#else
	memcpy(at, &v, sizeof(v));
#endif
}

static int32_t get32(const unsigned char *at)
{
#if defined(__aarch64__)
	uint32_t insn;

	memcpy(&insn, at, sizeof(insn));
	return (int32_t)(insn >> 5 & 0xffffu);
#else
	int32_t v;

	memcpy(&v, at, sizeof(v));
	return v;
#endif
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	dl_iterate_phdr(find_code, NULL);
	if (seg_lo == 0 || (uintptr_t)step < seg_lo || (uintptr_t)seven_end > seg_hi) {
		printf("code segment not found\n");
		return 1;
	}
	long r = mp_add(1, 2);
	printf("mp_add(1, 2) = %ld\n", r);
	r = step();
	printf("step() = %ld\n", r);
	printf("knob() = %d\n", knob());

	/* Round 1: the whole code segment, PLT included, writable and executable; the code
	 * runs meanwhile, then is changed. */
	void *seg = (void *)seg_lo;
	size_t seglen = seg_hi - seg_lo;
	protect(seg, seglen, PROT_READ | PROT_WRITE | PROT_EXEC, "rwx");
	r = mp_add(3, 4);
	printf("mp_add(3, 4) = %ld (code writable)\n", r);
	set32(step_imm, 200);
	set32(knob_imm, 42);
	set32(step2_imm, 300);
	r = step();
	printf("step() = %ld (patched, code writable)\n", r);
	protect(seg, seglen, PROT_READ | PROT_EXEC, "rx");
	r = step();
	printf("step() = %ld (patched)\n", r);
	r = step2();
	printf("step2() = %ld (patched before its first call)\n", r);
	printf("knob() = %d (patched)\n", knob());

	/* Round 2: knob's page read-only (nothing on it runs meanwhile); the program reads
	 * it, copies seven from it, and calls traced functions in the meantime. */
	protect(knob_page, 4096, PROT_READ, "r");
	printf("knob's immediate reads %d, seven's %d\n", get32(knob_imm), get32(seven_imm));
	size_t len = (size_t)(seven_end - (unsigned char *)seven);
	unsigned char copy[64];
	memcpy(copy, (void *)seven, len);
	r = mp_twice(8);
	printf("mp_twice(8) = %ld (knob's page read-only)\n", r);
	protect(knob_page, 4096, PROT_READ | PROT_EXEC, "rx");
	printf("knob() = %d\n", knob());

	/* The copy of seven, patched, runs elsewhere. */
	unsigned char *mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return 1;
	memcpy(mem, copy, len);
	__builtin___clear_cache((char *)mem, (char *)mem + len);
	set32(mem + (seven_imm - (unsigned char *)seven), 8);
	protect(mem, 4096, PROT_READ | PROT_EXEC, "copy");
	printf("copy of seven() = %d, seven() = %d\n", ((int (*)(void))mem)(), seven());
	r = mp_add(r, step());
	printf("mp_add(16, step()) = %ld\n", r);
	return 0;
}
