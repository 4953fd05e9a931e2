/* Test library: calls back into the program, which calls us again. */
long rec_down(long n, long (*cb)(long))
{
	if (n <= 0)
		return 1;
	return n * 10 + cb(n - 1);
}
