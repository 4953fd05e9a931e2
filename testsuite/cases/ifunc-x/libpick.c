/* Indirect functions (IFUNC): xyz, exported, called by the program through its PLT; twice,
 * hidden, called by abc through the library's own PLT (an IRELATIVE slot, bound when the
 * library is relocated). Each resolver picks the second implementation. */
static int xyz_plain(int x)
{
	return x;
}

static int xyz_twice(int x)
{
	return 2 * x;
}

static int (*resolve_xyz(void))(int)
{
	return sizeof(long) == 8 ? xyz_twice : xyz_plain;
}

int xyz(int x) __attribute__((ifunc("resolve_xyz")));

static int twice_impl(int x)
{
	return 2 * x;
}

static int (*resolve_twice(void))(int)
{
	return twice_impl;
}

__attribute__((visibility("hidden"))) int twice(int x) __attribute__((ifunc("resolve_twice")));

int abc(int x)
{
	return twice(x) + 1;
}
