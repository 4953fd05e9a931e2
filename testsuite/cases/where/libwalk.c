/* walk(): calls the program back, so that a traced call (walk) is in progress below the
   program's frame that makes the next traced call. */
int walk(int (*visit)(int), int n)
{
	int sum = 0;

	for (int i = 0; i < n; i++)
		sum += visit(i);
	return sum + 1;
}
