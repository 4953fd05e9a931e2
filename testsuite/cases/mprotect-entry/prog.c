/* ./prog return: patches the instruction at the return site of a traced call after that
 * call was made once (step); ./prog entry: the first instruction of knob (traced with
 * -x). Both print the same lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

long step(void);
int knob(void);
extern unsigned char step_imm[], knob_imm[];

static void patch(unsigned char *at, int32_t v)
{
	uintptr_t pg = (uintptr_t)at & ~(uintptr_t)4095;
	size_t len = ((uintptr_t)at + sizeof(v) - pg + 4095) & ~(size_t)4095; /* its pages */

	if (mprotect((void *)pg, len, PROT_READ | PROT_WRITE | PROT_EXEC) != 0) {
		printf("mprotect: %m\n");
		exit(1);
	}
	memcpy(at, &v, sizeof(v));
	mprotect((void *)pg, len, PROT_READ | PROT_EXEC);
}

int main(int argc, char **argv)
{
	int entry = argc > 1 && strcmp(argv[1], "entry") == 0;
	setvbuf(stdout, NULL, _IONBF, 0);
	long r = step();
	printf("step() = %ld\n", r);
	printf("knob() = %d\n", knob());
	if (entry)
		patch(knob_imm, 42);
	else
		patch(step_imm, 200);
	r = step();
	printf("step() = %ld (patched)\n", r);
	printf("knob() = %d (patched)\n", knob());
	return 0;
}
