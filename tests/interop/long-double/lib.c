/* Half of the long double interop test: built by one compiler, main.c by
 * the other. Every x87 passing form: scalars in memory, %st0 and %st1
 * returns, a struct of one long double, variadic arguments, callbacks. */
#include <stdarg.h>

struct one { long double x; };
struct two { long double x, y; };

long double ld_scale(long double a, int k, long double b) { return a * k + b; }
long double ld_third(void) { return 1.0L / 3; }
struct one ld_one(long double v) { struct one r = { v / 7 }; return r; }
struct two ld_two(struct one a, struct two b) { struct two r = { a.x + b.y, b.x - a.x }; return r; }
long double _Complex ld_cmul(long double _Complex a, long double _Complex b) { return a * b; }
long double ld_sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    long double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, long double);
    va_end(ap);
    return s;
}
long double ld_apply(long double (*f)(long double, double), long double x) { return f(x, 0.5) + f(-x, 2); }
/* Mixed with doubles and integers in registers around the memory ones. */
double ld_mix(double a, long double b, int c, long double d, float e) { return (double)(a + b * c - d * e); }
