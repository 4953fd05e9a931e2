/* Must never run in this case: the tracer is given bad arguments. */
#include <unistd.h>

int main(void)
{
	write(1, "ran\n", 4);
	return 0;
}
