// Calls two C++ functions of libgeo.so; -C shows their names demangled.
#include <unistd.h>

namespace geo {
struct shape {
	int w, h;
};
int area(const shape &s);
int count(int a, char c);
}

int main()
{
	geo::shape s = { 2, 3 };

	if (geo::area(s) != 6 || geo::count(1, 'a') != 98)
		return 1;
	write(1, "ok\n", 3);
	return 0;
}
