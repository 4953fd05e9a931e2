long step(long v)
{
	return 2 * v + 1;
}

/* Calls back into the program with n - 1 (recursion through a traced call). */
long down(long n, long (*back)(long))
{
	return n > 0 ? back(n - 1) + 1 : 0;
}

/* Writes "vN" into buf; returns its length. */
long fill(long v, char *buf)
{
	long n = 0;

	buf[n++] = 'v';
	if (v >= 10)
		buf[n++] = (char)('0' + v / 10 % 10);
	buf[n++] = (char)('0' + v % 10);
	buf[n] = '\0';
	return n;
}
