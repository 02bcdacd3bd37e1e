int twice(int c) { return 2 * c; }
