// An unused `static inline` function is not emitted (gcc drops it even at
// -O0), so what it calls need not exist: CPython's internal headers reach
// private API this way, and kit's extension modules failed to load with
// "undefined symbol: _PyFrame_MakeAndSetFrameObject".
#include <stdio.h>

int private_api_nobody_defines(int);

static inline int unused_helper(int x) { return private_api_nobody_defines(x); }
static inline int used_by_unused(int x) { return unused_helper(x) + 1; }
static inline int used(int x) { return x * 2; }
static int (*const table[])(int) = { used };

int main(void) {
    printf("%d %d\n", used(21), table[0](4));
    return 0;
}
