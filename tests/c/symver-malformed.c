// expect-error: symver attribute argument 'api_V2' must have the form "name@VERSION"
// gas rejects a .symver name without a version; kit, which writes the
// symbol itself, must reject it too rather than emit a bare name.
int impl(int x) __attribute__((symver("api_V2")));
int impl(int x) { return x; }
int main(void) { return impl(0); }
