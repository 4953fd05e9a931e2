/* A call through the PLT sees every register as the caller set it (but x16 and x17, which
 * the PLT may change), and the caller sees after the return what the callee left and what
 * it must preserve, the stack pointer included. Prints "ok" or each register that
 * differs; does it for a first (lazily bound) call and a second one. aarch64's twin of
 * the registers case. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

struct in {
	uint64_t x[9], x19_28[10], x29, x30, sp;
	uint64_t d[8];
	uint64_t stack_arg;
};
struct after {
	uint64_t x0, x1, d0, x19_28[10], x29, sp, sp_entry;
};

extern struct in probe_in;
void call_probe(struct after *out);
void call_probe_end(void);

static int bad;

static void want(const char *what, int i, uint64_t got, uint64_t expected)
{
	if (got != expected) {
		printf("%s%d: %#llx, not %#llx\n", what, i, (unsigned long long)got,
		       (unsigned long long)expected);
		bad = 1;
	}
}

static const uint64_t args[9] = {
	0x0d0d0d0d0d0d0d0dull, 0x0e0e0e0e0e0e0e0eull, 0x0f0f0f0f0f0f0f0full,
	0x0a0a0a0a0a0a0a0aull, 0x0404040404040404ull, 0x0505050505050505ull,
	0x0606060606060606ull, 0x0707070707070707ull, 0x0808080808080808ull,
};
static const uint64_t saved[10] = {
	0x1919191919191919ull, 0x2020202020202020ull, 0x2121212121212121ull,
	0x2222222222222220ull, 0x2323232323232323ull, 0x2424242424242424ull,
	0x2525252525252525ull, 0x2626262626262626ull, 0x2727272727272727ull,
	0x2828282828282828ull,
};

static void check(void)
{
	struct after a;

	call_probe(&a);
	const struct in *p = &probe_in;
	for (int i = 0; i < 9; i++) /* x0-x7, and x8 (the indirect result register) */
		want("x", i, p->x[i], args[i]);
	for (int i = 0; i < 10; i++)
		want("x", 19 + i, p->x19_28[i], saved[i]);
	want("x", 29, p->x29, 0x2929292929292929ull);
	for (int i = 0; i < 8; i++)
		want("d", i, p->d[i], 0x1000000000000001ull + (uint64_t)i);
	want("stack argument", 0, p->stack_arg, 0x5151515151515151ull);
	/* call_probe stored 12 registers and reserved 32 bytes: 128 below its entry's sp. */
	want("sp at entry", 0, p->sp, a.sp_entry - 128);
	want("x30 in call_probe", 0, p->x30 > (uint64_t)call_probe &&
					     p->x30 < (uint64_t)call_probe_end, 1);
	want("x0 after", 0, a.x0, 0x5a5a5a5a5a5a5a5aull);
	want("x1 after", 0, a.x1, 0x2222222222222222ull);
	want("d0 after", 0, a.d0, 0x0123456789abcdefull);
	for (int i = 0; i < 10; i++)
		want("after: x", 19 + i, a.x19_28[i], saved[i]);
	want("after: x", 29, a.x29, 0x2929292929292929ull);
	want("sp after", 0, a.sp, a.sp_entry - 128);
}

int main(void)
{
	check(); /* the first call: lazy binding, where the program is built for it */
	check();
	if (!bad)
		write(1, "ok\n", 3);
	return bad;
}
