long inner_mul(long a, long b) { return a * b; }
