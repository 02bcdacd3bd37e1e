/* 128-bit integer helpers (libgcc's TImode routines on x86-64).
 *
 * Cranelift has no 128-bit division on x86-64, so kit's code calls
 * __divti3/__udivti3/__modti3/__umodti3 like gcc's does; the rest are the
 * libgcc entry points gcc-compiled objects may reference. Everything here is
 * built from 64-bit operations: a 128-bit `/` or `%` in this file would call
 * itself. */

typedef unsigned long u64;
typedef long i64;
typedef unsigned __int128 u128;
typedef __int128 i128;

static u64 hi(u128 x) { return (u64)(x >> 64); }
static u64 lo(u128 x) { return (u64)x; }
static u128 mk(u64 h, u64 l) { return ((u128)h << 64) | l; }

/* (u1:u0) / v for u1 < v (so the quotient fits in 64 bits), with the
 * remainder in *r. Schoolbook division in 32-bit digits (Knuth's algorithm D
 * specialised to a 2-digit divisor): normalise v so its top bit is set, then
 * estimate each quotient digit from the top divisor digit and correct it at
 * most twice. */
static u64 div128by64(u64 u1, u64 u0, u64 v, u64 *r) {
    const u64 b = 1UL << 32;
    int s = __builtin_clzl(v);
    v <<= s;
    u64 vh = v >> 32, vl = v & 0xffffffffUL;
    u64 top = s ? (u1 << s) | (u0 >> (64 - s)) : u1;
    u64 low = u0 << s;
    u64 d1 = low >> 32, d0 = low & 0xffffffffUL;

    u64 q1 = top / vh, rh = top - q1 * vh;
    while (q1 >= b || q1 * vl > ((rh << 32) | d1)) {
        q1--;
        rh += vh;
        if (rh >= b)
            break;
    }
    /* The partial remainder is below v, so it fits in 64 bits (wrapping
     * arithmetic gives its exact value). */
    u64 mid = (top << 32) + d1 - q1 * v;

    u64 q0 = mid / vh;
    rh = mid - q0 * vh;
    while (q0 >= b || q0 * vl > ((rh << 32) | d0)) {
        q0--;
        rh += vh;
        if (rh >= b)
            break;
    }
    if (r)
        *r = ((mid << 32) + d0 - q0 * v) >> s;
    return (q1 << 32) | q0;
}

/* Unsigned 128-bit division; the remainder goes to *rem when non-null.
 * Division by zero faults in the hardware `div`, as with libgcc. */
u128 __udivmodti4(u128 n, u128 d, u128 *rem) {
    u64 nh = hi(n), nl = lo(n), dh = hi(d), dl = lo(d);
    if (dh == 0) {
        if (nh == 0) {
            /* 64/64: the common case, one instruction. */
            if (rem)
                *rem = nl % dl;
            return nl / dl;
        }
        u64 qh = 0, r;
        if (nh >= dl) {
            qh = nh / dl;
            nh %= dl;
        }
        u64 ql = div128by64(nh, nl, dl, &r);
        if (rem)
            *rem = r;
        return mk(qh, ql);
    }
    if (dh > nh) {
        /* d > n. */
        if (rem)
            *rem = n;
        return 0;
    }
    /* d >= 2^64: the quotient fits in 64 bits. Estimate it from the top 64
     * bits of d (rounded down) against n / 2 (so the 128/64 step cannot
     * overflow) and undo both scalings; the estimate minus one is exact or
     * one too small. */
    int s = __builtin_clzl(dh);
    u64 dtop = hi(d << s);
    u128 half = n >> 1;
    u64 q = div128by64(hi(half), lo(half), dtop, 0);
    q >>= 63 - s;
    if (q)
        q--;
    u128 r = n - (u128)q * d;
    if (r >= d) {
        q++;
        r -= d;
    }
    if (rem)
        *rem = r;
    return q;
}

u128 __udivti3(u128 n, u128 d) { return __udivmodti4(n, d, 0); }

u128 __umodti3(u128 n, u128 d) {
    u128 r;
    __udivmodti4(n, d, &r);
    return r;
}

static u128 magnitude(i128 x) { return x < 0 ? -(u128)x : (u128)x; }

/* Signed division truncates toward zero; the remainder takes the
 * dividend's sign. */
i128 __divmodti4(i128 n, i128 d, i128 *rem) {
    u128 r;
    u128 q = __udivmodti4(magnitude(n), magnitude(d), &r);
    if (rem)
        *rem = (i128)(n < 0 ? -r : r);
    return (i128)((n < 0) != (d < 0) ? -q : q);
}

i128 __divti3(i128 n, i128 d) { return __divmodti4(n, d, 0); }

i128 __modti3(i128 n, i128 d) {
    i128 r;
    __divmodti4(n, d, &r);
    return r;
}

/* gcc inlines these on x86-64, but libgcc exports them and objects built
 * with -O0 by other compilers may call them. Shift counts are 0..127. */
i128 __multi3(i128 a, i128 b) { return (i128)((u128)a * (u128)b); }
i128 __negti2(i128 a) { return (i128)(-(u128)a); }
i128 __ashlti3(i128 a, int b) { return (i128)((u128)a << b); }
i128 __ashrti3(i128 a, int b) { return a >> b; }
u128 __lshrti3(u128 a, int b) { return a >> b; }

/* Comparisons return 0 (less), 1 (equal) or 2 (greater). */
int __cmpti2(i128 a, i128 b) { return a < b ? 0 : a > b ? 2 : 1; }
int __ucmpti2(u128 a, u128 b) { return a < b ? 0 : a > b ? 2 : 1; }
