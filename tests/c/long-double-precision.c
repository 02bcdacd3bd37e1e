// long double is computed in x87 extended precision (64-bit mantissa), not
// double: arithmetic, comparisons with NaN, conversions to and from every
// scalar type, libm's *l functions, literals, constant initializers folded
// at x87 precision, variadic arguments and struct returns.
// flags: -lm
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
long double third(void) { return 1.0L / 3; }
long double addl(long double a, long double b) { return a + b; }
struct S { long double x; };
struct S mk(long double v) { struct S s = { v * 2 }; return s; }
long double vsum(int n, ...) { va_list ap; va_start(ap, n); long double s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, long double); va_end(ap); return s; }
int main(void) {
    long double a = 0.1L, b = 3;
    printf("%.21Lg %.21Lg\n", a, b);
    printf("%.21Lg\n", third());
    printf("%.21Lg %.21Lg %.21Lg %.21Lg\n", a + b, a - b, a * b, a / b);
    printf("%d %d %d %d %d %d\n", a < b, a <= b, a > b, a >= b, a == b, a != b);
    long double n = NAN;
    printf("%d %d %d %d %d %d\n", n < b, n <= b, n > b, n >= b, n == n, n != n);
    printf("%.21Lg %.21Lg\n", sqrtl(2.0L), powl(2.0L, 0.5L));
    printf("%.21Lg\n", strtold("0.1", 0));
    long long i = (long long)(a * 1e18L); unsigned long long u = (unsigned long long)18446744073709551615.0L;
    printf("%lld %llu\n", i, u);
    printf("%.21Lg %.21Lg\n", (long double)18446744073709551615ULL, (long double)-5LL);
    __int128 w = (__int128)1 << 100; long double lw = w; printf("%.21Lg\n", lw);
    __int128 back = (__int128)(lw * 3); printf("%llx %llx\n", (unsigned long long)(back >> 64), (unsigned long long)back);
    printf("%.21Lg\n", addl(a, b));
    struct S s = mk(1.25L); printf("%.21Lg\n", s.x);
    printf("%.21Lg\n", vsum(3, 1.0L, 0.1L, 0.01L));
    double d = a; float f = a; printf("%.17g %.9g\n", d, f);
    long double c = -0.0L; printf("%d %d %d\n", !c, signbit(c) != 0, !!a);
    printf("%d %d %d\n", isnan(n), isinf(1.0L/0.0L), isfinite(a));
    printf("%.21Lg %.21Lg\n", fabsl(-a), copysignl(a, -1.0L));
    a++; --b; printf("%.21Lg %.21Lg\n", a, b);
    a += 2; a *= b; printf("%.21Lg\n", a);
    int k = a; unsigned char uc = a; printf("%d %d\n", k, uc);
    static long double st[] = { 0.1L, -2.5L, 1e300L * 1e10L, 7 };
    printf("%.21Lg %.21Lg %.21Lg %.21Lg\n", st[0], st[1], st[2], st[3]);
    long double big = 1e4000L; printf("%Lg\n", big);
    return 0;
}
static const long double third_c = 1.0L / 3, mix = 0.1L * 3 + 2 - 1e-5L, neg = -(1.0L/7);
static const double dthird = 1.0L / 3;
int t2(void) { printf("%.21Lg %.21Lg %.21Lg %.17g\n", third_c, mix, neg, dthird); return 0; }
__attribute__((constructor)) void ctor(void) { t2(); }
