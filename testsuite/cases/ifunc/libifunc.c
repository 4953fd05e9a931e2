/* pick is an IFUNC; use_pick calls it through the library's own PLT, whose slot has an
 * IRELATIVE relocation (no symbol): the tracer must still name it. */
static long pick_impl(long x)
{
	return x + 40;
}

static long (*resolve_pick(void))(long)
{
	return pick_impl;
}

__attribute__((visibility("hidden"))) long pick(long) __attribute__((ifunc("resolve_pick")));

long use_pick(long x)
{
	return pick(x);
}
