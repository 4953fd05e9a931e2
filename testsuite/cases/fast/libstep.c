long step(long v)
{
	return 2 * v + 1;
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
