/* Floating point to an integer power (libgcc's __powisf2, __powidf2), which
 * gcc calls for __builtin_powi and, with -ffast-math, for pow(x, n).
 *
 * Square-and-multiply from the lowest exponent bit up, in the operand's own
 * precision, so rounding matches libgcc's; a negative power takes the
 * reciprocal at the end. __powixf2 is not provided: its long double result
 * goes in %st0, which kit cannot produce. */

double __powidf2(double x, int m) {
    unsigned n = m < 0 ? -(unsigned)m : (unsigned)m;
    double y = n % 2 ? x : 1;
    while (n >>= 1) {
        x = x * x;
        if (n % 2)
            y = y * x;
    }
    return m < 0 ? 1 / y : y;
}

float __powisf2(float x, int m) {
    unsigned n = m < 0 ? -(unsigned)m : (unsigned)m;
    float y = n % 2 ? x : 1;
    while (n >>= 1) {
        x = x * x;
        if (n % 2)
            y = y * x;
    }
    return m < 0 ? 1 / y : y;
}
