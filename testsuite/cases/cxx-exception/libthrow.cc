// Test library: throws through its caller when asked to.
#include <stdexcept>

extern "C" long thrower(long x)
{
	if (x > 1)
		throw std::runtime_error("boom");
	return x + 1;
}
