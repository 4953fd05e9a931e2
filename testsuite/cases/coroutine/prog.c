/* Coroutines (ucontext) on stacks of their own, switched while inside traced calls.
 *   ./prog ROUNDS
 * main resumes coroutine A through switch_in() (a traced call that swaps inside); A calls
 * step() on its stack, then switch_in() to coroutine B, where it stays suspended; B calls
 * step() on its stack and swapcontext() (traced itself: its saved pc is the return
 * address it was called with) back to main, whose switch_in() returns. So every traced
 * call in progress on one stack stays in progress while the others run, and returns to
 * its caller when its coroutine is resumed. At the end A finishes (uc_link: back to main),
 * B is left suspended inside swapcontext and its stack unmapped, and main goes on calling.
 * The program checks every value itself and says "ok". */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>

long step(long v);
long switch_in(ucontext_t *from, ucontext_t *to, long v);

#define STACK (256 * 1024)

static ucontext_t main_ctx, a_ctx, b_ctx;
static long rounds, sum_a, sum_b;

static void body_a(void)
{
	for (long i = 0; i < rounds; i++) {
		sum_a += step(i);
		sum_a += switch_in(&a_ctx, &b_ctx, i);
	}
}

static void body_b(void)
{
	for (long i = 0; i < rounds; i++) {
		sum_b += step(100 + i);
		swapcontext(&b_ctx, &main_ctx);
	}
}

static void make(ucontext_t *c, void *stack, void (*body)(void))
{
	getcontext(c);
	c->uc_stack.ss_sp = stack;
	c->uc_stack.ss_size = STACK;
	c->uc_link = &main_ctx;
	makecontext(c, body, 0);
}

int main(int argc, char **argv)
{
	long sum_main = 0, want_main = 0, want_a = 0, want_b = 0;
	void *sa = malloc(STACK);
	void *sb = mmap(NULL, STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	rounds = argc > 1 ? atol(argv[1]) : 2;
	if (sa == NULL || sb == MAP_FAILED)
		return 2;
	make(&a_ctx, sa, body_a);
	make(&b_ctx, sb, body_b);
	for (long i = 0; i < rounds; i++) {
		sum_main += switch_in(&main_ctx, &a_ctx, 1000 + i);
		sum_main += step(7);
		want_main += 1100 + i + 15;
		want_a += 2 * i + 1 + i + 100;
		want_b += 2 * (100 + i) + 1;
	}
	sum_main += switch_in(&main_ctx, &a_ctx, 5000); /* A ends: uc_link resumes us here */
	want_main += 5100;
	munmap(sb, STACK); /* B, suspended inside swapcontext, is gone */
	sum_main += step(8);
	want_main += 17;
	if (sum_main != want_main || sum_a != want_a || sum_b != want_b) {
		printf("wrong: main %ld/%ld A %ld/%ld B %ld/%ld\n", sum_main, want_main, sum_a,
		       want_a, sum_b, want_b);
		return 1;
	}
	printf("ok\n");
	free(sa);
	return 0;
}
