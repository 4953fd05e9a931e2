// An exception thrown by a traced library function and caught in main: the
// traced call never returns, the program goes on normally.
#include <stdexcept>
#include <cstring>
#include <unistd.h>

extern "C" long thrower(long x);

int main()
{
	long r = thrower(1);
	try {
		thrower(5);
		write(1, "not reached\n", 12);
	} catch (const std::exception &e) {
		const char *what = e.what();
		write(1, "caught ", 7);
		write(1, what, strlen(what));
		write(1, "\n", 1);
	}
	r += thrower(0);
	write(1, "end\n", 4);
	return r == 3 ? 0 : 1;
}
