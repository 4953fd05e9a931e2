/* The program kills itself with SIGSEGV: the tracer reports the signal and
   the death, and exits with 128 + 11. */
#include <signal.h>
#include <unistd.h>

int main(void)
{
	write(1, "before\n", 7);
	raise(SIGSEGV);
	write(1, "after\n", 6);	/* not reached */
	return 0;
}
