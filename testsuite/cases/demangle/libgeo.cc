// C++ functions in a shared library: their PLT names are mangled.
namespace geo {
struct shape {
	int w, h;
};

int area(const shape &s)
{
	return s.w * s.h;
}

int count(int a, char c)
{
	return a + c;
}
}
