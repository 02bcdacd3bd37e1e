/* Trapping arithmetic (libgcc's __addv?i3, __subv?i3, __mulv?i3,
 * __negv?i2, __absv?i2 for si = int, di = long, ti = __int128), which gcc
 * calls under -ftrapv. Each returns the exact result or, when it does not
 * fit, aborts the program as libgcc does. */

typedef long i64;
typedef unsigned long u64;
typedef __int128 i128;
typedef unsigned __int128 u128;

void abort(void);

int __addvsi3(int a, int b) {
    int r;
    if (__builtin_add_overflow(a, b, &r))
        abort();
    return r;
}
i64 __addvdi3(i64 a, i64 b) {
    i64 r;
    if (__builtin_add_overflow(a, b, &r))
        abort();
    return r;
}
/* 128-bit: wrap, then compare against an operand (signs decide). */
i128 __addvti3(i128 a, i128 b) {
    i128 r = (i128)((u128)a + (u128)b);
    if (b >= 0 ? r < a : r > a)
        abort();
    return r;
}

int __subvsi3(int a, int b) {
    int r;
    if (__builtin_sub_overflow(a, b, &r))
        abort();
    return r;
}
i64 __subvdi3(i64 a, i64 b) {
    i64 r;
    if (__builtin_sub_overflow(a, b, &r))
        abort();
    return r;
}
i128 __subvti3(i128 a, i128 b) {
    i128 r = (i128)((u128)a - (u128)b);
    if (b >= 0 ? r > a : r < a)
        abort();
    return r;
}

int __mulvsi3(int a, int b) {
    int r;
    if (__builtin_mul_overflow(a, b, &r))
        abort();
    return r;
}
i64 __mulvdi3(i64 a, i64 b) {
    i64 r;
    if (__builtin_mul_overflow(a, b, &r))
        abort();
    return r;
}

/* |a| * |b| as a 256-bit product's low half, with whether the high half
 * is nonzero; from 64-bit pieces, as 128-bit multiply cannot report
 * overflow. */
static u128 umul128(u128 a, u128 b, int *over) {
    u64 a1 = (u64)(a >> 64), a0 = (u64)a, b1 = (u64)(b >> 64), b0 = (u64)b;
    *over = 0;
    if (a1 && b1)
        *over = 1;
    u128 cross = (u128)a1 * b0 + (u128)a0 * b1; /* one term is zero unless over */
    if (cross >> 64)
        *over = 1;
    u128 low = (u128)a0 * b0;
    u128 r = low + (cross << 64);
    if (r < low)
        *over = 1;
    return r;
}

i128 __mulvti3(i128 a, i128 b) {
    int neg = (a < 0) != (b < 0);
    u128 ua = a < 0 ? -(u128)a : (u128)a, ub = b < 0 ? -(u128)b : (u128)b;
    int over;
    u128 m = umul128(ua, ub, &over);
    /* The magnitude may reach 2^127 only for a negative result. */
    u128 limit = neg ? (u128)1 << 127 : ((u128)1 << 127) - 1;
    if (over || m > limit)
        abort();
    return neg ? (i128)-m : (i128)m;
}

int __negvsi2(int a) {
    if (a == -2147483647 - 1)
        abort();
    return -a;
}
i64 __negvdi2(i64 a) {
    if (a == (i64)(1UL << 63))
        abort();
    return -a;
}
i128 __negvti2(i128 a) {
    if (a == (i128)((u128)1 << 127))
        abort();
    return -a;
}

int __absvsi2(int a) {
    if (a == -2147483647 - 1)
        abort();
    return a < 0 ? -a : a;
}
i64 __absvdi2(i64 a) {
    if (a == (i64)(1UL << 63))
        abort();
    return a < 0 ? -a : a;
}
i128 __absvti2(i128 a) {
    if (a == (i128)((u128)1 << 127))
        abort();
    return a < 0 ? -a : a;
}
