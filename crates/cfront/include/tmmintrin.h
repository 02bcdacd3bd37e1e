/* kit: SSSE3 intrinsics (128-bit and __m64 forms), plain C. */
#ifndef __KIT_TMMINTRIN_H
#define __KIT_TMMINTRIN_H
#include <pmmintrin.h>

/* ---- horizontal add / subtract ---- */
static __inline__ __m128i __KIT_INTRIN _mm_hadd_epi16(__m128i __X, __m128i __Y) {
    __v8hu __x = (__v8hu)__X, __y = (__v8hu)__Y, __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = (unsigned short)(__x[2 * __i] + __x[2 * __i + 1]);
        __r[__i + 4] = (unsigned short)(__y[2 * __i] + __y[2 * __i + 1]);
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_hadd_epi32(__m128i __X, __m128i __Y) {
    __v4su __x = (__v4su)__X, __y = (__v4su)__Y;
    return (__m128i)(__v4su){__x[0] + __x[1], __x[2] + __x[3], __y[0] + __y[1], __y[2] + __y[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_hadds_epi16(__m128i __X, __m128i __Y) {
    __v8hi __x = (__v8hi)__X, __y = (__v8hi)__Y, __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = __kit_ss16(__x[2 * __i] + __x[2 * __i + 1]);
        __r[__i + 4] = __kit_ss16(__y[2 * __i] + __y[2 * __i + 1]);
    }
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_hadd_pi16(__m64 __X, __m64 __Y) {
    __v4hi __x = (__v4hi)__X, __y = (__v4hi)__Y;
    return (__m64)(__v4hi){(short)(unsigned short)(__x[0] + __x[1]), (short)(unsigned short)(__x[2] + __x[3]), (short)(unsigned short)(__y[0] + __y[1]), (short)(unsigned short)(__y[2] + __y[3])};
}
static __inline__ __m64 __KIT_INTRIN _mm_hadd_pi32(__m64 __X, __m64 __Y) {
    __v2si __x = (__v2si)__X, __y = (__v2si)__Y;
    return (__m64)(__v2si){(int)((unsigned int)__x[0] + (unsigned int)__x[1]), (int)((unsigned int)__y[0] + (unsigned int)__y[1])};
}
static __inline__ __m64 __KIT_INTRIN _mm_hadds_pi16(__m64 __X, __m64 __Y) {
    __v4hi __x = (__v4hi)__X, __y = (__v4hi)__Y;
    return (__m64)(__v4hi){__kit_ss16(__x[0] + __x[1]), __kit_ss16(__x[2] + __x[3]), __kit_ss16(__y[0] + __y[1]), __kit_ss16(__y[2] + __y[3])};
}
static __inline__ __m128i __KIT_INTRIN _mm_hsub_epi16(__m128i __X, __m128i __Y) {
    __v8hu __x = (__v8hu)__X, __y = (__v8hu)__Y, __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = (unsigned short)(__x[2 * __i] - __x[2 * __i + 1]);
        __r[__i + 4] = (unsigned short)(__y[2 * __i] - __y[2 * __i + 1]);
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_hsub_epi32(__m128i __X, __m128i __Y) {
    __v4su __x = (__v4su)__X, __y = (__v4su)__Y;
    return (__m128i)(__v4su){__x[0] - __x[1], __x[2] - __x[3], __y[0] - __y[1], __y[2] - __y[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_hsubs_epi16(__m128i __X, __m128i __Y) {
    __v8hi __x = (__v8hi)__X, __y = (__v8hi)__Y, __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = __kit_ss16(__x[2 * __i] - __x[2 * __i + 1]);
        __r[__i + 4] = __kit_ss16(__y[2 * __i] - __y[2 * __i + 1]);
    }
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_hsub_pi16(__m64 __X, __m64 __Y) {
    __v4hi __x = (__v4hi)__X, __y = (__v4hi)__Y;
    return (__m64)(__v4hi){(short)(unsigned short)(__x[0] - __x[1]), (short)(unsigned short)(__x[2] - __x[3]), (short)(unsigned short)(__y[0] - __y[1]), (short)(unsigned short)(__y[2] - __y[3])};
}
static __inline__ __m64 __KIT_INTRIN _mm_hsub_pi32(__m64 __X, __m64 __Y) {
    __v2si __x = (__v2si)__X, __y = (__v2si)__Y;
    return (__m64)(__v2si){(int)((unsigned int)__x[0] - (unsigned int)__x[1]), (int)((unsigned int)__y[0] - (unsigned int)__y[1])};
}
static __inline__ __m64 __KIT_INTRIN _mm_hsubs_pi16(__m64 __X, __m64 __Y) {
    __v4hi __x = (__v4hi)__X, __y = (__v4hi)__Y;
    return (__m64)(__v4hi){__kit_ss16(__x[0] - __x[1]), __kit_ss16(__x[2] - __x[3]), __kit_ss16(__y[0] - __y[1]), __kit_ss16(__y[2] - __y[3])};
}

/* ---- multiply-add of unsigned X bytes by signed Y bytes, saturated ---- */
static __inline__ __m128i __KIT_INTRIN _mm_maddubs_epi16(__m128i __X, __m128i __Y) {
    __v16qu __x = (__v16qu)__X;
    __v16qs __y = (__v16qs)__Y;
    __v8hi __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_ss16(__x[2 * __i] * __y[2 * __i] + __x[2 * __i + 1] * __y[2 * __i + 1]);
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_maddubs_pi16(__m64 __X, __m64 __Y) {
    __v8qi __x = (__v8qi)__X, __y = (__v8qi)__Y;
    __v4hi __r;
    for (int __i = 0; __i < 4; __i++)
        __r[__i] = __kit_ss16((unsigned char)__x[2 * __i] * (signed char)__y[2 * __i] + (unsigned char)__x[2 * __i + 1] * (signed char)__y[2 * __i + 1]);
    return (__m64)__r;
}

/* ---- rounded high multiply: ((x * y >> 14) + 1) >> 1 ---- */
static __inline__ __m128i __KIT_INTRIN _mm_mulhrs_epi16(__m128i __X, __m128i __Y) {
    __v8hi __x = (__v8hi)__X, __y = (__v8hi)__Y, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (short)(unsigned short)(((__x[__i] * __y[__i] >> 14) + 1) >> 1);
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_mulhrs_pi16(__m64 __X, __m64 __Y) {
    __v4hi __x = (__v4hi)__X, __y = (__v4hi)__Y, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)(unsigned short)(((__x[__i] * __y[__i] >> 14) + 1) >> 1);
    return (__m64)__r;
}

/* ---- byte shuffle: a set top bit of the selector gives 0 ---- */
static __inline__ __m128i __KIT_INTRIN _mm_shuffle_epi8(__m128i __X, __m128i __Y) {
    __v16qu __x = (__v16qu)__X, __y = (__v16qu)__Y, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = (__y[__i] & 0x80) ? 0 : __x[__y[__i] & 15];
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_shuffle_pi8(__m64 __X, __m64 __Y) {
    __v8qi __x = (__v8qi)__X, __y = (__v8qi)__Y, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = ((unsigned char)__y[__i] & 0x80) ? 0 : __x[__y[__i] & 7];
    return (__m64)__r;
}

/* ---- sign: negate, keep or zero X by the sign of Y ---- */
static __inline__ __m128i __KIT_INTRIN _mm_sign_epi8(__m128i __X, __m128i __Y) {
    __v16qs __x = (__v16qs)__X, __y = (__v16qs)__Y, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __y[__i] < 0 ? (signed char)(unsigned char)-(unsigned char)__x[__i] : __y[__i] == 0 ? 0 : __x[__i];
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_sign_epi16(__m128i __X, __m128i __Y) {
    __v8hi __x = (__v8hi)__X, __y = (__v8hi)__Y, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __y[__i] < 0 ? (short)(unsigned short)-(unsigned short)__x[__i] : __y[__i] == 0 ? 0 : __x[__i];
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_sign_epi32(__m128i __X, __m128i __Y) {
    __v4si __x = (__v4si)__X, __y = (__v4si)__Y, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __y[__i] < 0 ? (int)-(unsigned int)__x[__i] : __y[__i] == 0 ? 0 : __x[__i];
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_sign_pi8(__m64 __X, __m64 __Y) {
    __v8qi __x = (__v8qi)__X, __y = (__v8qi)__Y, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (signed char)__y[__i] < 0 ? (char)(unsigned char)-(unsigned char)__x[__i] : __y[__i] == 0 ? 0 : __x[__i];
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_sign_pi16(__m64 __X, __m64 __Y) {
    __v4hi __x = (__v4hi)__X, __y = (__v4hi)__Y, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __y[__i] < 0 ? (short)(unsigned short)-(unsigned short)__x[__i] : __y[__i] == 0 ? 0 : __x[__i];
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_sign_pi32(__m64 __X, __m64 __Y) {
    __v2si __x = (__v2si)__X, __y = (__v2si)__Y, __r;
    for (int __i = 0; __i < 2; __i++) __r[__i] = __y[__i] < 0 ? (int)-(unsigned int)__x[__i] : __y[__i] == 0 ? 0 : __x[__i];
    return (__m64)__r;
}

/* ---- alignr: bytes N.. of the concatenation X:Y (Y low) ---- */
static __inline__ __m128i __KIT_INTRIN _mm_alignr_epi8(__m128i __X, __m128i __Y, const int __imm8) {
    __v16qu __x = (__v16qu)__X, __y = (__v16qu)__Y, __r;
    for (int __i = 0; __i < 16; __i++) {
        int __j = __i + __imm8;
        __r[__i] = __j < 16 ? __y[__j] : __j < 32 ? __x[__j - 16] : 0;
    }
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_alignr_pi8(__m64 __X, __m64 __Y, const int __imm8) {
    __v8qi __x = (__v8qi)__X, __y = (__v8qi)__Y, __r;
    for (int __i = 0; __i < 8; __i++) {
        int __j = __i + __imm8;
        __r[__i] = __j < 8 ? __y[__j] : __j < 16 ? __x[__j - 8] : 0;
    }
    return (__m64)__r;
}

/* ---- absolute value (the most negative value stays as it is) ---- */
static __inline__ __m128i __KIT_INTRIN _mm_abs_epi8(__m128i __X) {
    __v16qs __x = (__v16qs)__X;
    __v16qu __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = (unsigned char)(__x[__i] < 0 ? -__x[__i] : __x[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_abs_epi16(__m128i __X) {
    __v8hi __x = (__v8hi)__X;
    __v8hu __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned short)(__x[__i] < 0 ? -__x[__i] : __x[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_abs_epi32(__m128i __X) {
    __v4si __x = (__v4si)__X;
    __v4su __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i] < 0 ? -(unsigned int)__x[__i] : (unsigned int)__x[__i];
    return (__m128i)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_abs_pi8(__m64 __X) {
    __v8qi __x = (__v8qi)__X, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (char)(unsigned char)((signed char)__x[__i] < 0 ? -(signed char)__x[__i] : (signed char)__x[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_abs_pi16(__m64 __X) {
    __v4hi __x = (__v4hi)__X, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)(unsigned short)(__x[__i] < 0 ? -__x[__i] : __x[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _mm_abs_pi32(__m64 __X) {
    __v2si __x = (__v2si)__X, __r;
    for (int __i = 0; __i < 2; __i++) __r[__i] = (int)(__x[__i] < 0 ? -(unsigned int)__x[__i] : (unsigned int)__x[__i]);
    return (__m64)__r;
}

#endif
