// `_Static_assert` in a function body and `__extension__ ({ ... });` as an
// expression statement (gnulib's obstack macros); kit once took the first
// for a call and the second for a declaration (also after a case label, a
// label, and in a for-init).
#include <stdio.h>

int main(void) {
    _Static_assert(sizeof(int) == 4, "int is 32 bits");
    int n = 3;
    __extension__ ({ n += 4; n; });
    __extension__ int m = __extension__ ({ n * 2; });
    _Static_assert(1, "again");
    switch (n) {
    case 7:
        __extension__ ({ n += 100; (void) 0; });
        break;
    }
again:
    __extension__ ({ m += 1; (void) 0; });
    if (m < 16)
        goto again;
    for (__extension__ ({ n += 1000; }); n < 1000;)
        ;
    printf("%d %d\n", n, m);
    return 0;
}
