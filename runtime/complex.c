/* Complex multiplication and division (libgcc's __mulsc3, __muldc3,
 * __mulxc3, __divsc3, __divdc3, __divxc3).
 *
 * kit lowers `_Complex` `*` and `/` to these calls, as gcc does, and
 * gcc-compiled objects call them too. They follow C11 Annex G: when the
 * textbook formula yields NaN+iNaN, infinite operands are recovered so an
 * infinity times (or over) a nonzero finite value stays infinite and a
 * finite value over an infinity becomes zero. Double division scales its
 * operands to avoid needless overflow and underflow (Smith's method with
 * Baudin and Smith's refinements, as in libgcc since GCC 12); float division
 * works in double. Results match libgcc's bit for bit (NaN signs and
 * payloads aside).
 *
 * Not provided: the _Float16 (hc) and __float128 (tc) variants, types kit
 * does not compute in. */

#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)

/* T _Complex NAME(T a, T b, T c, T d) = (a+ib)(c+id). */
#define MUL(NAME, T, INF, COPYSIGN)                                             \
    T _Complex NAME(T a, T b, T c, T d) {                                       \
        T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                       \
        T x = ac - bd, y = ad + bc;                                             \
        if (isnan(x) && isnan(y)) {                                             \
            int again = 0;                                                      \
            /* An infinite factor: make it a unit-size infinity direction and  \
             * NaNs in the other factor signed zeros. */                       \
            if (isinf(a) || isinf(b)) {                                         \
                a = COPYSIGN(isinf(a) ? 1 : 0, a);                              \
                b = COPYSIGN(isinf(b) ? 1 : 0, b);                              \
                if (isnan(c)) c = COPYSIGN(0, c);                               \
                if (isnan(d)) d = COPYSIGN(0, d);                               \
                again = 1;                                                      \
            }                                                                   \
            if (isinf(c) || isinf(d)) {                                         \
                c = COPYSIGN(isinf(c) ? 1 : 0, c);                              \
                d = COPYSIGN(isinf(d) ? 1 : 0, d);                              \
                if (isnan(a)) a = COPYSIGN(0, a);                               \
                if (isnan(b)) b = COPYSIGN(0, b);                               \
                again = 1;                                                      \
            }                                                                   \
            /* Finite factors whose partial products overflowed. */            \
            if (!again && (isinf(ac) || isinf(bd) || isinf(ad) || isinf(bc))) { \
                if (isnan(a)) a = COPYSIGN(0, a);                               \
                if (isnan(b)) b = COPYSIGN(0, b);                               \
                if (isnan(c)) c = COPYSIGN(0, c);                               \
                if (isnan(d)) d = COPYSIGN(0, d);                               \
                again = 1;                                                      \
            }                                                                   \
            if (again) {                                                        \
                x = INF * (a * c - b * d);                                      \
                y = INF * (a * d + b * c);                                      \
            }                                                                   \
        }                                                                       \
        T _Complex z;                                                           \
        __real__ z = x;                                                         \
        __imag__ z = y;                                                         \
        return z;                                                               \
    }

MUL(__mulsc3, float, __builtin_inff(), __builtin_copysignf)
MUL(__muldc3, double, __builtin_inf(), __builtin_copysign)
MUL(__mulxc3, long double, __builtin_infl(), __builtin_copysignl)

/* Annex G recovery for a quotient that came out NaN+iNaN. */
#define RECOVER(T, INF, COPYSIGN)                                               \
        if (isnan(x) && isnan(y)) {                                             \
            if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {                 \
                /* Nonzero (or infinite) over zero: a signed infinity. */       \
                x = COPYSIGN(INF, c) * a;                                       \
                y = COPYSIGN(INF, c) * b;                                       \
            } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {  \
                a = COPYSIGN(isinf(a) ? 1 : 0, a);                              \
                b = COPYSIGN(isinf(b) ? 1 : 0, b);                              \
                x = INF * (a * c + b * d);                                      \
                y = INF * (b * c - a * d);                                      \
            } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {  \
                c = COPYSIGN(isinf(c) ? 1 : 0, c);                              \
                d = COPYSIGN(isinf(d) ? 1 : 0, d);                              \
                x = 0 * (a * c + b * d);                                        \
                y = 0 * (b * c - a * d);                                        \
            }                                                                   \
        }

/* DIV: (a+ib)/(c+id). BIG is half the largest finite value, MIN the
 * smallest normal, EPS the epsilon; scaling by powers of two is exact. */
#define DIV(NAME, T, INF, COPYSIGN, FABS, BIG, MIN, EPS)                        \
    T _Complex NAME(T a, T b, T c, T d) {                                       \
        const T big = BIG, min = MIN, eps = EPS, upscale = 1 / EPS;             \
        const T big_eps = BIG * EPS;                                            \
        T x, y, ratio, denom;                                                   \
        if (FABS(c) < FABS(d)) {                                                \
            if (FABS(d) >= big) {                                               \
                a /= 2; b /= 2; c /= 2; d /= 2;                                 \
            }                                                                   \
            /* Tiny divisor, or a tiny numerator part that would underflow:    \
             * scale everything up (cannot overflow given the bounds). */       \
            if (FABS(d) < eps ||                                                \
                (FABS(a) < min && FABS(b) < big_eps && FABS(d) < big_eps) ||    \
                (FABS(b) < min && FABS(a) < big_eps && FABS(d) < big_eps)) {    \
                a *= upscale; b *= upscale; c *= upscale; d *= upscale;         \
            }                                                                   \
            ratio = c / d;                                                      \
            denom = c * ratio + d;                                              \
            /* A subnormal ratio loses precision: divide first instead. */     \
            if (FABS(ratio) > min) {                                            \
                x = (a * ratio + b) / denom;                                    \
                y = (b * ratio - a) / denom;                                    \
            } else {                                                            \
                x = (c * (a / d) + b) / denom;                                  \
                y = (c * (b / d) - a) / denom;                                  \
            }                                                                   \
        } else {                                                                \
            if (FABS(c) >= big) {                                               \
                a /= 2; b /= 2; c /= 2; d /= 2;                                 \
            }                                                                   \
            if (FABS(c) < eps ||                                                \
                (FABS(a) < min && FABS(b) < big_eps && FABS(c) < big_eps) ||    \
                (FABS(b) < min && FABS(a) < big_eps && FABS(c) < big_eps)) {    \
                a *= upscale; b *= upscale; c *= upscale; d *= upscale;         \
            }                                                                   \
            ratio = d / c;                                                      \
            denom = d * ratio + c;                                              \
            if (FABS(ratio) > min) {                                            \
                x = (b * ratio + a) / denom;                                    \
                y = (b - a * ratio) / denom;                                    \
            } else {                                                            \
                x = (a + d * (b / c)) / denom;                                  \
                y = (b - d * (a / c)) / denom;                                  \
            }                                                                   \
        }                                                                       \
        RECOVER(T, INF, COPYSIGN)                                               \
        T _Complex z;                                                           \
        __real__ z = x;                                                         \
        __imag__ z = y;                                                         \
        return z;                                                               \
    }

/* Single precision divides in double, which gives libgcc's results:
 * products of floats are exact there and the sums cannot overflow, so no
 * scaling is needed. The infinity recovery then works on the floats. */
float _Complex __divsc3(float a, float b, float c, float d) {
    double da = a, db = b, dc = c, dd = d;
    double denom = dc * dc + dd * dd;
    float x = (float)((da * dc + db * dd) / denom);
    float y = (float)((db * dc - da * dd) / denom);
    RECOVER(float, __builtin_inff(), __builtin_copysignf)
    float _Complex z;
    __real__ z = x;
    __imag__ z = y;
    return z;
}

DIV(__divdc3, double, __builtin_inf(), __builtin_copysign, __builtin_fabs,
    0x1p1023, 0x1p-1022, 0x1p-52)
DIV(__divxc3, long double, __builtin_infl(), __builtin_copysignl, __builtin_fabsl,
    0x1p16383L, 0x1p-16382L, 0x1p-63L)
