long inner_mul(long a, long b);
long outer(long a) { return inner_mul(a, 3); }
