/* libbench.so: the trivial shared library whose calls the benchmark traces.
 * Both functions are called from the workload programs through the PLT. */

long bench_add(long a, long b)
{
	return a + b;
}

/* Called many times but never selected with -e: measures the cost a
 * tracer adds to library calls it was not asked to trace. */
void bench_noop(void)
{
}
