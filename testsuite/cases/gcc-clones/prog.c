/*
 * Functions under the names gcc gives to the copies of a function it makes (asm labels
 * make the names certain, whatever the compiler): scale.isra.0 (a clone whose
 * parameters may differ: proto.conf describes scale), twice and twice.localalias at one
 * address (the DWARF of twice describes it), helper.part.0, and scale.cold (a cold part,
 * which is never an entry: called here only to show that it is not traced).
 */
#include <unistd.h>

static int scale(int x, int y) __asm__("scale.isra.0");
static __attribute__((noinline)) int scale(int x, int y)
{
	return x * y;
}

__attribute__((noinline)) int twice(int x)
{
	return 2 * x;
}
static __typeof__(twice) twice_local __asm__("twice.localalias") __attribute__((alias("twice")));

static int helper(int x) __asm__("helper.part.0");
static __attribute__((noinline)) int helper(int x)
{
	return x + 1;
}

static void cold(void) __asm__("scale.cold");
static __attribute__((noinline)) void cold(void)
{
	write(1, "cold\n", 5);
}

int main(void)
{
	int r = scale(6, 7) + twice(5) + twice_local(1) + helper(2);

	cold();
	return r == 42 + 10 + 2 + 3 ? 0 : 1;
}
