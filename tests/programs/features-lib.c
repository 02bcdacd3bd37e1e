int gcc_func(int x) { return x * 2 + 1; }
