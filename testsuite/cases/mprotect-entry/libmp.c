long mp_add(long a, long b)
{
	return a + b;
}

long mp_twice(long a)
{
	return 2 * a;
}
