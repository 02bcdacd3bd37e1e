/* Bit-counting and byte-swapping helpers (libgcc's __popcountdi2,
 * __popcountti2, __paritydi2, __parityti2, __clzdi2, __clzti2, __ctzdi2,
 * __ctzti2, __ffsdi2, __ffsti2, __clrsbdi2, __clrsbti2, __bswapsi2,
 * __bswapdi2).
 *
 * gcc calls these from objects built for baseline x86-64 (no popcnt) or for
 * the 128-bit builtins. kit's builtins on 32/64-bit operands are inline
 * Cranelift instructions, so the 64-bit ones below are single operations;
 * the 128-bit ones combine the two halves. As in libgcc, clz and ctz of
 * zero are undefined. */

typedef unsigned long u64;
typedef long i64;
typedef unsigned __int128 u128;
typedef __int128 i128;

int __popcountdi2(u64 x) { return __builtin_popcountl(x); }
int __popcountti2(u128 x) { return __builtin_popcountl((u64)x) + __builtin_popcountl((u64)(x >> 64)); }

int __paritydi2(u64 x) { return __builtin_parityl(x); }
int __parityti2(u128 x) { return __builtin_parityl((u64)x ^ (u64)(x >> 64)); }

int __clzdi2(u64 x) { return __builtin_clzl(x); }
int __clzti2(u128 x) {
    u64 hi = (u64)(x >> 64);
    return hi ? __builtin_clzl(hi) : 64 + __builtin_clzl((u64)x);
}

int __ctzdi2(u64 x) { return __builtin_ctzl(x); }
int __ctzti2(u128 x) {
    u64 lo = (u64)x;
    return lo ? __builtin_ctzl(lo) : 64 + __builtin_ctzl((u64)(x >> 64));
}

/* 1 + index of the lowest set bit, 0 for 0. */
int __ffsdi2(i64 x) { return __builtin_ffsl(x); }
int __ffsti2(i128 x) {
    u64 lo = (u64)x, hi = (u64)((u128)x >> 64);
    if (lo)
        return __builtin_ctzl(lo) + 1;
    return hi ? __builtin_ctzl(hi) + 65 : 0;
}

/* Redundant sign bits: leading bits equal to the sign bit, minus one. */
int __clrsbdi2(i64 x) { return __builtin_clrsbl(x); }
int __clrsbti2(i128 x) {
    i64 hi = (i64)(x >> 64);
    u64 lo = (u64)x;
    /* The high word all sign bits: continue into the low word. */
    if (hi == 0 && (i64)lo >= 0)
        return lo ? 63 + __builtin_clzl(lo) : 127;
    if (hi == -1 && (i64)lo < 0)
        return ~lo ? 63 + __builtin_clzl(~lo) : 127;
    return __builtin_clrsbl(hi);
}

unsigned __bswapsi2(unsigned x) { return __builtin_bswap32(x); }
u64 __bswapdi2(u64 x) { return __builtin_bswap64(x); }
