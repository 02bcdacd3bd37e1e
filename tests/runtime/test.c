/* Exercises every function of kit's runtime library (runtime/*.c) with edge
 * cases. tests/runtime.sh builds it against libgcc and against kit's
 * runtime and compares the output byte for byte. Functions are called by
 * name so each one is reached whatever the compiler would inline; a few
 * operators check that gcc's own calls link too. NaN results print as
 * "nan": their sign and payload depend on instruction operand order, which
 * IEEE leaves open and compilers differ on. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef unsigned __int128 u128;
typedef __int128 i128;
typedef unsigned long u64;
typedef long i64;

u128 __udivmodti4(u128, u128, u128 *);
i128 __divmodti4(i128, i128, i128 *);
i128 __divti3(i128, i128);
u128 __udivti3(u128, u128);
i128 __modti3(i128, i128);
u128 __umodti3(u128, u128);
i128 __multi3(i128, i128);
i128 __negti2(i128);
i128 __ashlti3(i128, int);
i128 __ashrti3(i128, int);
u128 __lshrti3(u128, int);
int __cmpti2(i128, i128);
int __ucmpti2(u128, u128);
double _Complex __muldc3(double, double, double, double);
double _Complex __divdc3(double, double, double, double);
long double _Complex __mulxc3(long double, long double, long double, long double);
long double _Complex __divxc3(long double, long double, long double, long double);
float _Complex __mulsc3(float, float, float, float);
float _Complex __divsc3(float, float, float, float);
double __floatuntidf(u128);
float __floatuntisf(u128);
double __floattidf(i128);
float __floattisf(i128);
u64 __fixunsdfdi(double);
u64 __fixunssfdi(float);
u128 __fixunsdfti(double);
i128 __fixdfti(double);
u128 __fixunssfti(float);
i128 __fixsfti(float);
u128 __fixunsxfti(long double);
i128 __fixxfti(long double);
u64 __fixunsxfdi(long double);
int __popcountdi2(u64);
int __popcountti2(u128);
int __paritydi2(u64);
int __parityti2(u128);
int __clzdi2(u64);
int __clzti2(u128);
int __ctzdi2(u64);
int __ctzti2(u128);
int __ffsdi2(i64);
int __ffsti2(i128);
int __clrsbdi2(i64);
int __clrsbti2(i128);
unsigned __bswapsi2(unsigned);
u64 __bswapdi2(u64);
double __powidf2(double, int);
float __powisf2(float, int);
int __addvsi3(int, int);
i64 __addvdi3(i64, i64);
i128 __addvti3(i128, i128);
int __subvsi3(int, int);
i64 __subvdi3(i64, i64);
i128 __subvti3(i128, i128);
int __mulvsi3(int, int);
i64 __mulvdi3(i64, i64);
i128 __mulvti3(i128, i128);
int __negvsi2(int);
i64 __negvdi2(i64);
i128 __negvti2(i128);
int __absvsi2(int);
i64 __absvdi2(i64);
i128 __absvti2(i128);

#define U128(h, l) (((u128)(h) << 64) | (u64)(l))
#define I128_MIN ((i128)((u128)1 << 127))
#define I128_MAX ((i128)(((u128)1 << 127) - 1))

static void pu(u128 x) { printf(" %016lx%016lx", (u64)(x >> 64), (u64)x); }
static void pd(double x) {
    if (isnan(x))
        printf(" nan");
    else
        printf(" %a", x);
}
static void pf(float x) { pd(x); }
static void pld(long double x) {
    if (isnan(x))
        printf(" nan");
    else
        printf(" %La", x);
}

/* Dividends and divisors: zero, ones, powers of two, 64-bit boundaries,
 * values whose quotient digit estimates need correcting, extremes. */
static const u128 ints[] = {
    0, 1, 2, 3, 7, 10, 0xffffffff, 0x100000000, 0xffffffffffffffff,
    U128(1, 0), U128(1, 1), U128(1, 0xffffffffffffffff), U128(2, 0),
    U128(0x7fffffffffffffff, 0xffffffffffffffff), U128(0x8000000000000000, 0),
    U128(0xffffffffffffffff, 0xffffffffffffffff), U128(0xffffffffffffffff, 0),
    U128(0x123456789abcdef0, 0x0fedcba987654321), U128(0x8000000000000000, 1),
    U128(0, 0x8000000000000000), U128(0, 0x8000000000000001), U128(0x7fff, 0xffff000000000000),
    U128(0x10000, 0), U128(0xfffffffe, 0x00000001ffffffff), U128(0x00000001, 0xfffffffefffffffd),
    U128(0x4000000000000000, 0), U128(0xffffffff00000000, 0x00000000ffffffff),
    (u128)-3, (u128)-10, (u128)-1000000007, U128(0x2, 0x5555555555555555),
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_int128(void) {
    printf("int128\n");
    for (unsigned i = 0; i < N(ints); i++)
        for (unsigned j = 0; j < N(ints); j++) {
            u128 a = ints[i], b = ints[j];
            if (b == 0)
                continue;
            u128 r, q = __udivmodti4(a, b, &r);
            printf("%u %u u", i, j);
            pu(q);
            pu(r);
            pu(__udivti3(a, b));
            pu(__umodti3(a, b));
            pu(a / b); /* gcc's own call */
            i128 sa = (i128)a, sb = (i128)b;
            if (!(sa == I128_MIN && sb == -1)) {
                i128 sr, sq = __divmodti4(sa, sb, &sr);
                printf(" s");
                pu(sq);
                pu(sr);
                pu(__divti3(sa, sb));
                pu(__modti3(sa, sb));
                pu(sa % sb);
            }
            pu(__multi3(sa, sb));
            printf(" %d %d\n", __cmpti2(sa, sb), __ucmpti2(a, b));
        }
    for (unsigned i = 0; i < N(ints); i++) {
        printf("%u", i);
        pu(__negti2(ints[i]));
        for (int s = 0; s < 128; s += 9) {
            pu(__ashlti3(ints[i], s));
            pu(__ashrti3(ints[i], s));
            pu(__lshrti3(ints[i], s));
        }
        pu(__lshrti3(ints[i], 127));
        printf("\n");
    }
    /* Many divisors against a large dividend: exercises quotient estimates. */
    u128 acc = 0;
    for (u128 d = 3; d < ((u128)1 << 120); d = d * 7 + 5) {
        u128 n = U128(0xfedcba9876543210, 0x0123456789abcdef) ^ (d << 3);
        u128 r, q = __udivmodti4(n, d, &r);
        if (q * d + r != n || r >= d)
            printf("udivmod wrong at d=%016lx%016lx\n", (u64)(d >> 64), (u64)d);
        acc = acc * 31 + q + r;
    }
    printf("acc");
    pu(acc);
    printf("\n");
}

static const double dvals[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e300, -1e300, 1e-300, 4.9e-324, DBL_MIN, DBL_MAX,
    -DBL_MAX, INFINITY, -INFINITY, NAN, 0x1p-1070, 1e154, 2.0, 0x1.8p1023, 0x1p-1022,
};
static const float fvals[] = {
    0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -2.5f, 3.0f, 1e30f, -1e30f, 1e-30f, 1e-45f, FLT_MIN, FLT_MAX,
    -FLT_MAX, INFINITY, -INFINITY, NAN, 0x1p-140f, 1e19f, 2.0f, 0x1.8p127f, 0x1p-126f,
};

static void test_complex(void) {
    printf("complex\n");
    for (unsigned i = 0; i < N(dvals); i++)
        for (unsigned j = 0; j < N(dvals); j++)
            for (unsigned k = 0; k < N(dvals); k += 3)
                for (unsigned l = 0; l < N(dvals); l += 2) {
                    double a = dvals[i], b = dvals[j], c = dvals[k], d = dvals[l];
                    double _Complex m = __muldc3(a, b, c, d), q = __divdc3(a, b, c, d);
                    float fa = fvals[i], fb = fvals[j], fc = fvals[k], fd = fvals[l];
                    float _Complex fm = __mulsc3(fa, fb, fc, fd), fq = __divsc3(fa, fb, fc, fd);
                    printf("%u %u %u %u", i, j, k, l);
                    pd(__real__ m), pd(__imag__ m), pd(__real__ q), pd(__imag__ q);
                    pf(__real__ fm), pf(__imag__ fm), pf(__real__ fq), pf(__imag__ fq);
                    printf("\n");
                }
    /* Through gcc's operators, and ratios that take the scaling paths. */
    volatile double _Complex x = 1.5 + 2.0i, y = -0.25 + 4.0i;
    double _Complex p = x * y, q = x / y;
    printf("ops");
    pd(__real__ p), pd(__imag__ p), pd(__real__ q), pd(__imag__ q);
    double scale[] = {0x1p-1074, 0x1p-1000, 0x1p-600, 0x1p-60, 1, 0x1p60, 0x1p600, 0x1p1000, 0x1p1023};
    for (unsigned i = 0; i < N(scale); i++)
        for (unsigned j = 0; j < N(scale); j++) {
            double _Complex r = __divdc3(3 * scale[i], -5 * scale[j], 7 * scale[j], 0.5 * scale[i]);
            double _Complex r2 = __divdc3(scale[i], scale[j], scale[j] * 0.75, -scale[i]);
            float _Complex fr = __divsc3(3 * (float)scale[i], -5 * (float)scale[j], 7 * (float)scale[j], 0.5f * (float)scale[i]);
            pd(__real__ r), pd(__imag__ r), pd(__real__ r2), pd(__imag__ r2), pf(__real__ fr), pf(__imag__ fr);
        }
    printf("\n");
    /* long double: the double values, values beyond double's range and
     * quotients that need all 64 bits. */
    static const long double lvals[] = {
        0.0L, -0.0L, 1.0L, -1.0L, 0.1L, -2.5L, 3.0L, 1e4000L, -1e4000L, 1e-4000L, 0x1p-16445L,
        LDBL_MIN, LDBL_MAX, -LDBL_MAX, INFINITY, -INFINITY, NAN, 1.0L / 3, 0x1p16383L, 1e300L,
    };
    for (unsigned i = 0; i < N(lvals); i++)
        for (unsigned j = 0; j < N(lvals); j++)
            for (unsigned k = 0; k < N(lvals); k += 3)
                for (unsigned l = 0; l < N(lvals); l += 2) {
                    long double a = lvals[i], b = lvals[j], c = lvals[k], d = lvals[l];
                    long double _Complex m = __mulxc3(a, b, c, d), q = __divxc3(a, b, c, d);
                    printf("x %u %u %u %u", i, j, k, l);
                    pld(__real__ m), pld(__imag__ m), pld(__real__ q), pld(__imag__ q);
                    printf("\n");
                }
    volatile long double _Complex lx = 1.5L + 2.0Li, ly = -0.1L + 4.0Li;
    long double _Complex lp = lx * ly, lq = lx / ly;
    printf("xops");
    pld(__real__ lp), pld(__imag__ lp), pld(__real__ lq), pld(__imag__ lq);
    printf("\n");
}

static void test_convert(void) {
    printf("convert\n");
    static const u128 cv[] = {
        0, 1, 2, 0x1fffffffffffff, 0x20000000000001, 0xffffffffffffffff, U128(1, 0), U128(1, 0x400),
        U128(1, 0x401), U128(1, 0xc00), U128(0, 0x8000000000000400), U128(0x8000000000000000, 0),
        U128(0x8000000000000000, 1), U128(0x8000000000000400, 0), U128(0x8000000000000400, 1),
        U128(0x8000000000000c00, 0), U128(0xffffffffffffffff, 0xffffffffffffffff),
        U128(0xffffffffffffff80, 0), U128(0xffffff8000000000, 0), U128(0xffffff7fffffffff, 0xffffffffffffffff),
        U128(0x7fffffffffffffff, 0xffffffffffffffff), U128(0x0000008000000000, 1), U128(0x1, 0x0000008000000000),
        U128(0x123456789abcdef, 0xfedcba987654321), (u128)-1000, (u128)-(u128)0x20000000000001,
    };
    for (unsigned i = 0; i < N(cv); i++) {
        printf("%u", i);
        pd(__floatuntidf(cv[i]));
        pf(__floatuntisf(cv[i]));
        pd(__floattidf((i128)cv[i]));
        pf(__floattisf((i128)cv[i]));
        pd((double)cv[i]); /* gcc's own call */
        printf("\n");
    }
    static const double fx[] = {
        0.0, -0.0, 0.5, -0.5, 0.999, 1.0, -1.0, -3.7, 3.7, 0x1p52 + 0.5, 0x1p63, -0x1p63, 0x1p63 + 2048,
        0x1.fffffffffffffp63, 0x1p64, -0x1p64, 0x1.0000000000001p64, 0x1p100 + 0x1p60, -0x1p100,
        0x1.fffffffffffffp126, 0x1p127, -0x1p127, 0x1.fffffffffffffp127, 0x1p128, -0x1p128, 1e40,
        -1e40, INFINITY, -INFINITY, NAN, -NAN, 123456789.987654321, -9007199254740993.0,
    };
    for (unsigned i = 0; i < N(fx); i++) {
        double d = fx[i];
        float f = (float)d;
        long double ld = d;
        printf("%u", i);
        printf(" %016lx %016lx", __fixunsdfdi(d), __fixunssfdi(f));
        pu(__fixunsdfti(d));
        pu(__fixdfti(d));
        pu(__fixunssfti(f));
        pu(__fixsfti(f));
        pu(__fixunsxfti(ld));
        pu(__fixxfti(ld));
        printf(" %016lx", __fixunsxfdi(ld));
        printf("\n");
    }
    /* long doubles with more precision than a double: near 2^64, 2^127 and
     * fractions below one ulp of a double. */
    static const long double lx[] = {
        0x1.fffffffffffffffep63L, 0x1.fffffffffffffffep62L, -0x1.fffffffffffffffep62L,
        0x1.0000000000000002p64L, 0x1.fffffffffffffffep126L, 0x1.fffffffffffffffep127L,
        -0x1.fffffffffffffffep126L, 0x1.0000000000000002p0L, -0x1.0000000000000002p0L,
        0x1.fffffffffffffffep-1L, 0x1.8000000000000002p65L, -0x1p63L, -0x1.0000000000000002p63L,
        18446744073709551615.0L, 0x1p16383L, -0x1p16383L, 0x1p-16382L,
    };
    for (unsigned i = 0; i < N(lx); i++) {
        printf("x%u", i);
        pu(__fixunsxfti(lx[i]));
        pu(__fixxfti(lx[i]));
        printf(" %016lx", __fixunsxfdi(lx[i]));
        pu((i128)lx[i] == (i128)__fixxfti(lx[i]));
        printf("\n");
    }
}

static void test_bits(void) {
    printf("bits\n");
    static const u128 bv[] = {
        0, 1, 2, 0x80, 0xff00, 0x80000000, 0xffffffff, 0x8000000000000000, 0xffffffffffffffff,
        0x7fffffffffffffff, U128(1, 0), U128(0x8000000000000000, 0), (u128)-1, (u128)-2,
        U128(0xffffffffffffffff, 0), U128(0, 0x8000000000000000), U128(0xffffffffffffffff, 0x7fffffffffffffff),
        U128(0x7fffffffffffffff, 0xffffffffffffffff), U128(0x00000000ffff0000, 0x0123456789abcdef),
        U128(0xfffffffffffffff0, 0x123), U128(0x0f0f0f0f0f0f0f0f, 0xf0f0f0f0f0f0f0f0),
    };
    for (unsigned i = 0; i < N(bv); i++) {
        u128 x = bv[i];
        u64 w = (u64)x;
        printf("%u %d %d %d %d", i, __popcountdi2(w), __popcountti2(x), __paritydi2(w), __parityti2(x));
        printf(" %d %d %d %d", __ffsdi2((i64)w), __ffsti2((i128)x), __clrsbdi2((i64)w), __clrsbti2((i128)x));
        if (w)
            printf(" %d %d", __clzdi2(w), __ctzdi2(w));
        if (x)
            printf(" %d %d", __clzti2(x), __ctzti2(x));
        printf(" %08x %016lx\n", __bswapsi2((unsigned)w), __bswapdi2(w));
    }
}

static void test_powi(void) {
    printf("powi\n");
    static const double base[] = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, 1.0000001, 3.14159, -1.5, 10.0, 1e-5, INFINITY, -INFINITY, NAN, DBL_MAX};
    static const int exps[] = {0, 1, -1, 2, -2, 3, 7, -7, 31, 64, -64, 1023, 1024, -1074, -1075, 100000, INT_MAX, INT_MIN, INT_MIN + 1};
    for (unsigned i = 0; i < N(base); i++) {
        printf("%u", i);
        for (unsigned j = 0; j < N(exps); j++) {
            pd(__powidf2(base[i], exps[j]));
            pf(__powisf2((float)base[i], exps[j]));
        }
        printf("\n");
    }
}

/* Runs f in a child and reports whether it aborted. */
static void aborts(const char *what, void (*f)(void)) {
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        f();
        _exit(0);
    }
    int st = 0;
    waitpid(p, &st, 0);
    printf("%s: %s\n", what, WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT ? "abort" : "ok");
}

static volatile int vi;
static volatile i64 vl;
static volatile i128 vt;
static void add32(void) { vi = __addvsi3(INT_MAX, 1); }
static void add64(void) { vl = __addvdi3(LONG_MIN, -1); }
static void add128(void) { vt = __addvti3(I128_MAX, 1); }
static void add128n(void) { vt = __addvti3(I128_MIN, -1); }
static void sub32(void) { vi = __subvsi3(INT_MIN, 1); }
static void sub64(void) { vl = __subvdi3(LONG_MAX, -1); }
static void sub128(void) { vt = __subvti3(I128_MIN, 1); }
static void sub128n(void) { vt = __subvti3(0, I128_MIN); }
static void mul32(void) { vi = __mulvsi3(65536, 32768); }
static void mul64(void) { vl = __mulvdi3(LONG_MIN, -1); }
static void mul128(void) { vt = __mulvti3((i128)1 << 64, (i128)1 << 63); }
static void mul128b(void) { vt = __mulvti3(I128_MIN, -1); }
static void mul128c(void) { vt = __mulvti3(U128(0x1, 0), U128(0x1, 0)); }
static void mul128ok(void) { vt = __mulvti3(-((i128)1 << 64), (i128)1 << 63); }
static void neg32(void) { vi = __negvsi2(INT_MIN); }
static void neg64(void) { vl = __negvdi2(LONG_MIN); }
static void neg128(void) { vt = __negvti2(I128_MIN); }
static void abs32(void) { vi = __absvsi2(INT_MIN); }
static void abs64(void) { vl = __absvdi2(LONG_MIN); }
static void abs128(void) { vt = __absvti2(I128_MIN); }

static void test_overflow(void) {
    printf("overflow\n");
    static const i64 v[] = {0, 1, -1, 2, -2, 46340, 46341, -46341, INT_MAX, INT_MIN, 3037000499, 3037000500, -3037000500, LONG_MAX, LONG_MIN, 0x123456789};
    for (unsigned i = 0; i < N(v); i++)
        for (unsigned j = 0; j < N(v); j++) {
            i64 a = v[i], b = v[j];
            int a32 = (int)a, b32 = (int)b, t32;
            i64 t64;
            i128 a128 = (i128)a << 40, b128 = (i128)b << 40, t128;
            printf("%u %u", i, j);
            if (!__builtin_add_overflow(a32, b32, &t32)) printf(" %d", __addvsi3(a32, b32));
            if (!__builtin_sub_overflow(a32, b32, &t32)) printf(" %d", __subvsi3(a32, b32));
            if (!__builtin_mul_overflow(a32, b32, &t32)) printf(" %d", __mulvsi3(a32, b32));
            if (!__builtin_add_overflow(a, b, &t64)) printf(" %ld", __addvdi3(a, b));
            if (!__builtin_sub_overflow(a, b, &t64)) printf(" %ld", __subvdi3(a, b));
            if (!__builtin_mul_overflow(a, b, &t64)) printf(" %ld", __mulvdi3(a, b));
            if (!__builtin_add_overflow(a128, b128, &t128)) pu(__addvti3(a128, b128));
            if (!__builtin_sub_overflow(a128, b128, &t128)) pu(__subvti3(a128, b128));
            if (!__builtin_mul_overflow(a128, b128, &t128)) pu(__mulvti3(a128, b128));
            if (!__builtin_mul_overflow(a128, b, &t128)) pu(__mulvti3(a128, b));
            printf("\n");
        }
    for (unsigned i = 0; i < N(v); i++) {
        if (v[i] != LONG_MIN)
            printf("%ld %ld", __negvdi2(v[i]), __absvdi2(v[i]));
        if ((int)v[i] != INT_MIN)
            printf(" %d %d", __negvsi2((int)v[i]), __absvsi2((int)v[i]));
        pu(__negvti2((i128)v[i] << 60));
        pu(__absvti2((i128)v[i] << 60));
        printf("\n");
    }
    aborts("addvsi3", add32), aborts("addvdi3", add64), aborts("addvti3", add128), aborts("addvti3 neg", add128n);
    aborts("subvsi3", sub32), aborts("subvdi3", sub64), aborts("subvti3", sub128), aborts("subvti3 neg", sub128n);
    aborts("mulvsi3", mul32), aborts("mulvdi3", mul64), aborts("mulvti3", mul128), aborts("mulvti3 min", mul128b);
    aborts("mulvti3 big", mul128c), aborts("mulvti3 exact min", mul128ok);
    aborts("negvsi2", neg32), aborts("negvdi2", neg64), aborts("negvti2", neg128);
    aborts("absvsi2", abs32), aborts("absvdi2", abs64), aborts("absvti2", abs128);
}

int main(void) {
    test_int128();
    test_complex();
    test_convert();
    test_bits();
    test_powi();
    test_overflow();
    return 0;
}
