/* Conversions between 128-bit integers and floating point (libgcc's
 * __floattisf, __floattidf, __floatuntisf, __floatuntidf, __fixsfti,
 * __fixdfti, __fixunssfti, __fixunsdfti), float/double to unsigned 64-bit
 * (__fixunssfdi, __fixunsdfdi) and x87 long double to integer (__fixxfti,
 * __fixunsxfti, __fixunsxfdi).
 *
 * kit's code calls the ti ones for __int128 <-> float casts (Cranelift has
 * no such instructions); gcc-compiled objects call all of them. Integer to
 * float rounds to nearest even; float to integer truncates. Out-of-range
 * inputs (undefined in C) give what libgcc's code computes on x86-64, which
 * follows from its algorithm and the `cvttsd2si` "integer indefinite"
 * result, so kit and gcc builds of a program agree even there.
 *
 * No long double results (__floattixf, __floatuntixf): gcc returns them in
 * %st0, which kit cannot produce. Only 64- and 32-bit conversions appear
 * here: an __int128 <-> float cast in this file would call itself. */

typedef unsigned long u64;
typedef long i64;
typedef unsigned __int128 u128;
typedef __int128 i128;

static const i64 INDEFINITE = (i64)(1UL << 63);

/* 2^k for 0 <= k <= 127, built from its bits. */
static double pow2(int k) {
    union { u64 u; double d; } v = { (u64)(1023 + k) << 52 };
    return v.d;
}
static float pow2f(int k) {
    union { unsigned u; float f; } v = { (unsigned)(127 + k) << 23 };
    return v.f;
}

/* The top 64 bits of x (x >= 2^64), with every bit shifted out ORed into
 * the lowest one: rounding that to 53 or 24 bits rounds x correctly. */
static u64 top64(u128 x, int *shift) {
    int s = 64 - __builtin_clzl((u64)(x >> 64));
    u64 m = (u64)(x >> s);
    if (x << (128 - s))
        m |= 1;
    *shift = s;
    return m;
}

double __floatuntidf(u128 x) {
    if ((x >> 64) == 0)
        return (double)(u64)x;
    int s;
    u64 m = top64(x, &s);
    return (double)m * pow2(s);
}

float __floatuntisf(u128 x) {
    if ((x >> 64) == 0)
        return (float)(u64)x;
    int s;
    u64 m = top64(x, &s);
    /* Exact scaling, or overflow to infinity when x rounds to 2^128. */
    return (float)m * pow2f(s);
}

double __floattidf(i128 x) {
    return x < 0 ? -__floatuntidf(-(u128)x) : __floatuntidf((u128)x);
}

float __floattisf(i128 x) {
    return x < 0 ? -__floatuntisf(-(u128)x) : __floatuntisf((u128)x);
}

/* `cvttsd2si`: truncation, or the indefinite value (INT64_MIN) when the
 * result does not fit, NaN included. A plain cast in kit saturates. */
static i64 cvtt(double x) {
    if (x >= -0x1p63 && x < 0x1p63)
        return (i64)x;
    return INDEFINITE;
}

/* double -> u64 the way gcc compiles it on x86-64 (and libgcc's
 * __fixunsdfdi): values from 2^63 on are offset into signed range. */
u64 __fixunsdfdi(double x) {
    if (x >= 0x1p63)
        return (u64)cvtt(x - 0x1p63) ^ (1UL << 63);
    return (u64)cvtt(x);
}

u64 __fixunssfdi(float x) {
    /* Exact in double: every float is a double. */
    return __fixunsdfdi((double)x);
}

/* High and low words separately: x / 2^64 only moves the binary point, and
 * x - hi * 2^64 is exact, so in range this is truncation. */
u128 __fixunsdfti(double x) {
    u64 hi = __fixunsdfdi(x / 0x1p64);
    u64 lo = __fixunsdfdi(x - (double)hi * 0x1p64);
    return ((u128)hi << 64) | lo;
}

i128 __fixdfti(double x) {
    if (x < 0)
        return (i128)-__fixunsdfti(-x);
    return (i128)__fixunsdfti(x);
}

u128 __fixunssfti(float x) { return __fixunsdfti((double)x); }
i128 __fixsfti(float x) { return __fixdfti((double)x); }

/* x87 extended precision: 64-bit significand with an explicit integer bit,
 * 15-bit exponent (bias 16383) and the sign above it. The functions below
 * work on the argument's bits, which is simpler than x87 arithmetic: a long
 * double argument is passed in memory, 16 bytes at the start of the stack
 * argument area, and so is a struct larger than 16 bytes. For a
 * one-argument function the two declarations therefore read the same
 * bytes; the struct's last word (past the long double) is never used. */
struct xf {
    u64 mant;
    u64 se; /* sign and exponent in the low 16 bits; the rest is padding */
    u64 unused;
};

static int xf_neg(const struct xf *v) { return (v->se >> 15) & 1; }
static int xf_nan(const struct xf *v) { return (v->se & 0x7fff) == 0x7fff && (v->mant << 1) != 0; }

/* libgcc's result for NaN: the indefinite value in both halves. */
#define XF_NAN_RESULT (((u128)(u64)INDEFINITE << 64) | (u64)INDEFINITE)

/* |v| truncated when it is below 2^128 (*fits), else 0. */
static u128 xf_trunc(const struct xf *v, int *fits) {
    int e = (v->se & 0x7fff) - 16383; /* value = mant * 2^(e - 63) */
    *fits = 1;
    if (e < 0)
        return 0;
    if (e >= 128) { /* infinities too */
        *fits = 0;
        return 0;
    }
    return e >= 63 ? (u128)v->mant << (e - 63) : (u128)(v->mant >> (63 - e));
}

/* libgcc: negative values give 0, values from 2^128 on (and infinities)
 * give 0, NaN gives the indefinite value in both halves. */
u128 __fixunsxfti(struct xf v) {
    if (xf_nan(&v))
        return XF_NAN_RESULT;
    if (xf_neg(&v))
        return 0;
    int fits;
    return xf_trunc(&v, &fits);
}

/* libgcc negates negative inputs around __fixunsxfti (which, unlike this,
 * would give 0 for them). */
i128 __fixxfti(struct xf v) {
    if (xf_nan(&v))
        return (i128)XF_NAN_RESULT;
    int fits;
    u128 m = xf_trunc(&v, &fits);
    return (i128)(xf_neg(&v) ? -m : m);
}

/* libgcc: like __fixunsdfdi, with `fistp`'s indefinite result for values
 * outside the signed 64-bit range after the 2^63 offset. */
u64 __fixunsxfdi(struct xf v) {
    if (xf_nan(&v))
        return (u64)INDEFINITE;
    int fits;
    u128 m = xf_trunc(&v, &fits);
    if (!fits)
        return xf_neg(&v) ? (u64)INDEFINITE : 0;
    if (xf_neg(&v))
        return m <= (u128)1 << 63 ? -(u64)m : (u64)INDEFINITE;
    if (m >= (u128)1 << 63) {
        m -= (u128)1 << 63;
        return m < (u128)1 << 63 ? (u64)m ^ (1UL << 63) : 0;
    }
    return (u64)m;
}
