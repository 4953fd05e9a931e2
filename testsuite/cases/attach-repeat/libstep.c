long step(long i) { return 2 * i; }
