// C99 inline semantics: an `inline` definition without `extern` provides no
// external symbol; kit once made it global in every file (multiple definition).
#include <stdio.h>
#include "inline.h"

static inline int local_helper(int x) { return x + 1; }

int main(void) {
    int (*f)(int) = thrice;
    printf("%d %d %d %d\n", thrice(2), other(), f(7), local_helper(1));
    return 0;
}
