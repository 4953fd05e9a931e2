long step(long v)
{
	return 2 * v + 1;
}
