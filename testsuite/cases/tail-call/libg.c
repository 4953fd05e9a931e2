long g(long v)
{
	return 10 * v;
}
