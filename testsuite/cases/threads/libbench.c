long bench_add(long a, long b) { return a + b; }
long bench_mul(long a, long b) { return a * b; }
