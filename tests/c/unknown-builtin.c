// expect-error: '__builtin_no_such_thing' is not supported by kit
// An unknown __builtin_ is an error, never an implicit call to libc.
int main(void) { return __builtin_no_such_thing(1); }
