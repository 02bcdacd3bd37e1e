// expect-error: 'impl' must be defined in this file to have the symbol version 'api@V2'
// As with gcc ("symbol needs to be defined to have a version"): a version
// names a definition, never a reference.
int impl(int x) __attribute__((symver("api@V2")));
int main(void) { return impl(0); }
