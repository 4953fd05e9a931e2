long stress_op(long a, long b) { return a * 100000 + b; }
