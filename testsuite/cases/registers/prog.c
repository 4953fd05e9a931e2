/* A call through the PLT sees every register as the caller set it (but r11, which the
 * PLT may change, and r10 at a first call, which lazy binding changes), and the caller
 * sees after the return what the callee left and what it must preserve, the stack
 * pointer included. Prints "ok" or each register that differs; does it for a first
 * (lazily bound) call and a second one. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

struct in {
	uint64_t rdi, rsi, rdx, rcx, r8, r9, rax, r10, rbx, rbp, r12, r13, r14, r15, rsp, ret;
	uint64_t xmm[8];
	uint64_t rflags, stack_arg;
};
struct after {
	uint64_t rax, rdx, xmm0, rbx, rbp, r12, r13, r14, r15, rsp, rsp_entry;
};

extern struct in probe_in;
void call_probe(struct after *out);
void call_probe_end(void);

static int bad;

static void want(const char *what, uint64_t got, uint64_t expected)
{
	if (got != expected) {
		printf("%s: %#llx, not %#llx\n", what, (unsigned long long)got,
		       (unsigned long long)expected);
		bad = 1;
	}
}

static void check(int first)
{
	struct after a;

	call_probe(&a);
	const struct in *p = &probe_in;
	want("rdi", p->rdi, 0x0d0d0d0d0d0d0d0dull);
	want("rsi", p->rsi, 0x0e0e0e0e0e0e0e0eull);
	want("rdx", p->rdx, 0x0f0f0f0f0f0f0f0full);
	want("rcx", p->rcx, 0x0a0a0a0a0a0a0a0aull);
	want("r8", p->r8, 0x0808080808080808ull);
	want("r9", p->r9, 0x0909090909090909ull);
	want("rax", p->rax, 8);
	if (!first) /* the loader's lazy binding itself changes r10 (and r11) */
		want("r10", p->r10, 0x1010101010101010ull);
	want("rbx", p->rbx, 0x0b0b0b0b0b0b0b0bull);
	want("rbp", p->rbp, 0x0c0c0c0c0c0c0c0cull);
	want("r12", p->r12, 0x1212121212121212ull);
	want("r13", p->r13, 0x1313131313131313ull);
	want("r14", p->r14, 0x1414141414141414ull);
	want("r15", p->r15, 0x1515151515151515ull);
	for (int i = 0; i < 8; i++)
		want("xmm", p->xmm[i], 0x1000000000000001ull + (uint64_t)i);
	want("stack argument", p->stack_arg, 0x5151515151515151ull);
	want("DF or TF in rflags", p->rflags & 0x500, 0);
	/* call_probe pushed 6 registers and out, 8 bytes of padding, the argument, and the
	 * call its return address: 10 words below its own entry's stack pointer. */
	want("rsp at entry", p->rsp, a.rsp_entry - 8 * 10);
	want("return address in call_probe", p->ret > (uint64_t)call_probe &&
						      p->ret < (uint64_t)call_probe_end, 1);
	want("rax after", a.rax, 0x5a5a5a5a5a5a5a5aull);
	want("rdx after", a.rdx, 0x2222222222222222ull);
	want("xmm0 after", a.xmm0, 0x0123456789abcdefull);
	want("rbx after", a.rbx, 0x0b0b0b0b0b0b0b0bull);
	want("rbp after", a.rbp, 0x0c0c0c0c0c0c0c0cull);
	want("r12 after", a.r12, 0x1212121212121212ull);
	want("r13 after", a.r13, 0x1313131313131313ull);
	want("r14 after", a.r14, 0x1414141414141414ull);
	want("r15 after", a.r15, 0x1515151515151515ull);
	want("rsp after", a.rsp, a.rsp_entry - 8 * 6); /* out popped, 6 registers pushed */
}

int main(void)
{
	check(1); /* the first call: lazy binding, where the program is built for it */
	check(0);
	if (!bad)
		write(1, "ok\n", 3);
	return bad;
}
