long g(long v);

/* A tail call through the PLT (-O2): g returns straight to f's caller. */
long f(long v)
{
	return g(v + 1);
}
