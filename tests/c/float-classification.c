// <math.h>'s isnormal and fpclassify map to __builtin_isnormal and
// __builtin_fpclassify (once undefined references), and the type-specific
// __builtin_isinff/isnanf/finitef (once silently libc calls on a double).
#include <math.h>
#include <stdio.h>

int main(void) {
    double vals[] = {0.0, -0.0, 1.0, -INFINITY, INFINITY, NAN, 1e-310, 5e-324, -2.5};
    for (int i = 0; i < 9; i++) {
        double x = vals[i];
        printf("%d %d %d %d %d %d\n", isnormal(x), fpclassify(x), isinf(x), __builtin_isinf_sign(x), signbit(x) != 0, isnan(x));
    }
    volatile float f = __builtin_inff();
    float sub = 1e-40f;
    int calls = 0;
    double vs[2] = {1.0, 0.0};
    int k = isnormal(vs[calls++]);
    printf("%d %d %d | %d %d | %d %d\n", __builtin_isinff(f), __builtin_isnanf(f), __builtin_finitef(f), isnormal(sub), fpclassify(sub), k, calls);
    return 0;
}
