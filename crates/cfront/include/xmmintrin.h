/* kit: SSE intrinsics (__m128).

   Plain C over GCC vector types; inline asm only for rcp/rsqrt (their
   approximations are the hardware's own), MXCSR access, fences, pause and
   prefetch.  Results follow Intel's documentation and match gcc 12 bit for
   bit: NaN propagation of the first operand, minps/maxps returning the
   second operand on NaN or equal zeros, "integer indefinite" for
   out-of-range float->int conversions, MXCSR rounding for cvt (not cvtt). */
#ifndef __KIT_XMMINTRIN_H
#define __KIT_XMMINTRIN_H
#include <mmintrin.h>
#include <mm_malloc.h>

/* ---- prefetch hints ---- */
enum _mm_hint {
    _MM_HINT_ET0 = 7,
    _MM_HINT_ET1 = 6,
    _MM_HINT_T0 = 3,
    _MM_HINT_T1 = 2,
    _MM_HINT_T2 = 1,
    _MM_HINT_NTA = 0
};

static __inline__ void __KIT_INTRIN _mm_prefetch(const void *__P, const int __imm3) {
    switch (__imm3 & 3) {
    case 3: __asm__ __volatile__("prefetcht0 (%0)" : : "r"(__P)); break;
    case 2: __asm__ __volatile__("prefetcht1 (%0)" : : "r"(__P)); break;
    case 1: __asm__ __volatile__("prefetcht2 (%0)" : : "r"(__P)); break;
    default: __asm__ __volatile__("prefetchnta (%0)" : : "r"(__P)); break;
    }
}

/* ---- MXCSR and shuffle macros ---- */
#define _MM_SHUFFLE(fp3, fp2, fp1, fp0) (((fp3) << 6) | ((fp2) << 4) | ((fp1) << 2) | (fp0))

#define _MM_EXCEPT_MASK       0x003f
#define _MM_EXCEPT_INVALID    0x0001
#define _MM_EXCEPT_DENORM     0x0002
#define _MM_EXCEPT_DIV_ZERO   0x0004
#define _MM_EXCEPT_OVERFLOW   0x0008
#define _MM_EXCEPT_UNDERFLOW  0x0010
#define _MM_EXCEPT_INEXACT    0x0020

#define _MM_MASK_MASK         0x1f80
#define _MM_MASK_INVALID      0x0080
#define _MM_MASK_DENORM       0x0100
#define _MM_MASK_DIV_ZERO     0x0200
#define _MM_MASK_OVERFLOW     0x0400
#define _MM_MASK_UNDERFLOW    0x0800
#define _MM_MASK_INEXACT      0x1000

#define _MM_ROUND_MASK        0x6000
#define _MM_ROUND_NEAREST     0x0000
#define _MM_ROUND_DOWN        0x2000
#define _MM_ROUND_UP          0x4000
#define _MM_ROUND_TOWARD_ZERO 0x6000

#define _MM_FLUSH_ZERO_MASK   0x8000
#define _MM_FLUSH_ZERO_ON     0x8000
#define _MM_FLUSH_ZERO_OFF    0x0000

/* ---- helpers (not intrinsics) ---- */
/* Round to an integral value in the current MXCSR rounding mode, as
   cvtss2si does before converting: adding and taking away 2^23 leaves the
   fraction rounded by the hardware's own mode.  Large values, infinities
   and NaNs pass through unchanged. */
static __inline__ float __KIT_INTRIN __kit_rintf(float __x) {
    if (__x > 0.0f && __x < 8388608.0f) return (__x + 8388608.0f) - 8388608.0f;
    if (__x < 0.0f && __x > -8388608.0f) return (__x - 8388608.0f) + 8388608.0f;
    return __x;
}
static __inline__ double __KIT_INTRIN __kit_rint(double __x) {
    if (__x > 0.0 && __x < 4503599627370496.0) return (__x + 4503599627370496.0) - 4503599627370496.0;
    if (__x < 0.0 && __x > -4503599627370496.0) return (__x - 4503599627370496.0) + 4503599627370496.0;
    return __x;
}
/* Truncating conversions with x86's out-of-range result (NaN included). */
static __inline__ int __KIT_INTRIN __kit_cvttf_i32(float __x) { return (__x >= -2147483648.0f && __x < 2147483648.0f) ? (int)__x : (int)0x80000000u; }
static __inline__ long long __KIT_INTRIN __kit_cvttf_i64(float __x) { return (__x >= -9223372036854775808.0f && __x < 9223372036854775808.0f) ? (long long)__x : (long long)0x8000000000000000ull; }
static __inline__ int __KIT_INTRIN __kit_cvttd_i32(double __x) { return (__x > -2147483649.0 && __x < 2147483648.0) ? (int)__x : (int)0x80000000u; }
static __inline__ long long __KIT_INTRIN __kit_cvttd_i64(double __x) { return (__x >= -9223372036854775808.0 && __x < 9223372036854775808.0) ? (long long)__x : (long long)0x8000000000000000ull; }
/* Rounding (MXCSR mode) conversions. */
static __inline__ int __KIT_INTRIN __kit_cvtf_i32(float __x) { return __kit_cvttf_i32(__kit_rintf(__x)); }
static __inline__ long long __KIT_INTRIN __kit_cvtf_i64(float __x) { return __kit_cvttf_i64(__kit_rintf(__x)); }
static __inline__ int __KIT_INTRIN __kit_cvtd_i32(double __x) { return __kit_cvttd_i32(__kit_rint(__x)); }
static __inline__ long long __KIT_INTRIN __kit_cvtd_i64(double __x) { return __kit_cvttd_i64(__kit_rint(__x)); }
/* minps/maxps hand back an operand unchanged, except that under MXCSR.DAZ
   a denormal operand comes back as the zero of its sign.  A denormal that
   compares equal to 0 means DAZ is on: keep only its sign bit. */
static __inline__ float __KIT_INTRIN __kit_dazf(float __r) {
    if (__r == 0.0f) {
        union { float __f; unsigned int __u; } __c;
        __c.__f = __r;
        __c.__u &= 0x80000000u;
        return __c.__f;
    }
    return __r;
}
static __inline__ double __KIT_INTRIN __kit_daz(double __r) {
    if (__r == 0.0) {
        union { double __f; unsigned long long __u; } __c;
        __c.__f = __r;
        __c.__u &= 0x8000000000000000ull;
        return __c.__f;
    }
    return __r;
}
/* A with lane 0's bits set to all ones when C, else zero. */
static __inline__ __m128 __KIT_INTRIN __kit_maskss(__m128 __A, int __c) {
    __v4si __r = (__v4si)__A;
    __r[0] = __c ? -1 : 0;
    return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN __kit_setss(__m128 __A, float __f) {
    __v4sf __r = (__v4sf)__A;
    __r[0] = __f;
    return (__m128)__r;
}

/* ---- undefined / zero ---- */
static __inline__ __m128 __KIT_INTRIN _mm_undefined_ps(void) { return (__m128)(__v4sf){0.0f, 0.0f, 0.0f, 0.0f}; }
static __inline__ __m128 __KIT_INTRIN _mm_setzero_ps(void) { return (__m128)(__v4sf){0.0f, 0.0f, 0.0f, 0.0f}; }

/* ---- scalar arithmetic: lane 0 computed, lanes 1..3 from A ---- */
static __inline__ __m128 __KIT_INTRIN _mm_add_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __A[0] + __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_sub_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __A[0] - __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_mul_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __A[0] * __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_div_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __A[0] / __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_sqrt_ss(__m128 __A) { return __kit_setss(__A, __builtin_sqrtf(__A[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_rcp_ss(__m128 __A) {
    __m128 __r;
    __asm__("movups %1, %%xmm0\n\trcpss %%xmm0, %%xmm0\n\tmovups %%xmm0, %0" : "=m"(__r) : "m"(__A) : "xmm0");
    return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm_rsqrt_ss(__m128 __A) {
    __m128 __r;
    __asm__("movups %1, %%xmm0\n\trsqrtss %%xmm0, %%xmm0\n\tmovups %%xmm0, %0" : "=m"(__r) : "m"(__A) : "xmm0");
    return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm_min_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __kit_dazf(__A[0] < __B[0] ? __A[0] : __B[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_max_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __kit_dazf(__A[0] > __B[0] ? __A[0] : __B[0])); }

/* ---- packed arithmetic ---- */
static __inline__ __m128 __KIT_INTRIN _mm_add_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A + (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_sub_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A - (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_mul_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A * (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_div_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A / (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_sqrt_ps(__m128 __A) {
    __v4sf __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __builtin_sqrtf(__A[__i]);
    return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_rcp_ps(__m128 __A) {
    __m128 __r;
    __asm__("movups %1, %%xmm0\n\trcpps %%xmm0, %%xmm0\n\tmovups %%xmm0, %0" : "=m"(__r) : "m"(__A) : "xmm0");
    return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm_rsqrt_ps(__m128 __A) {
    __m128 __r;
    __asm__("movups %1, %%xmm0\n\trsqrtps %%xmm0, %%xmm0\n\tmovups %%xmm0, %0" : "=m"(__r) : "m"(__A) : "xmm0");
    return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm_min_ps(__m128 __A, __m128 __B) {
    __v4sf __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_dazf(__A[__i] < __B[__i] ? __A[__i] : __B[__i]);
    return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_max_ps(__m128 __A, __m128 __B) {
    __v4sf __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_dazf(__A[__i] > __B[__i] ? __A[__i] : __B[__i]);
    return (__m128)__r;
}

/* ---- logic ---- */
static __inline__ __m128 __KIT_INTRIN _mm_and_ps(__m128 __A, __m128 __B) { return (__m128)((__v4si)__A & (__v4si)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_andnot_ps(__m128 __A, __m128 __B) { return (__m128)(~(__v4si)__A & (__v4si)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_or_ps(__m128 __A, __m128 __B) { return (__m128)((__v4si)__A | (__v4si)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_xor_ps(__m128 __A, __m128 __B) { return (__m128)((__v4si)__A ^ (__v4si)__B); }

/* ---- scalar compares (lane 0 mask, lanes 1..3 from A) ---- */
static __inline__ __m128 __KIT_INTRIN _mm_cmpeq_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] == __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cmplt_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] < __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cmple_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] <= __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpgt_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] > __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpge_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] >= __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpneq_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, !(__A[0] == __B[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpnlt_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, !(__A[0] < __B[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpnle_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, !(__A[0] <= __B[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpngt_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, !(__A[0] > __B[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpnge_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, !(__A[0] >= __B[0])); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpord_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] == __A[0] && __B[0] == __B[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpunord_ss(__m128 __A, __m128 __B) { return __kit_maskss(__A, __A[0] != __A[0] || __B[0] != __B[0]); }

/* ---- packed compares ---- */
static __inline__ __m128 __KIT_INTRIN _mm_cmpeq_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A == (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cmplt_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A < (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cmple_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A <= (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpgt_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A > (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpge_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A >= (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpneq_ps(__m128 __A, __m128 __B) { return (__m128)((__v4sf)__A != (__v4sf)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpnlt_ps(__m128 __A, __m128 __B) { return (__m128)(~((__v4sf)__A < (__v4sf)__B)); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpnle_ps(__m128 __A, __m128 __B) { return (__m128)(~((__v4sf)__A <= (__v4sf)__B)); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpngt_ps(__m128 __A, __m128 __B) { return (__m128)(~((__v4sf)__A > (__v4sf)__B)); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpnge_ps(__m128 __A, __m128 __B) { return (__m128)(~((__v4sf)__A >= (__v4sf)__B)); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpord_ps(__m128 __A, __m128 __B) { return (__m128)(((__v4sf)__A == (__v4sf)__A) & ((__v4sf)__B == (__v4sf)__B)); }
static __inline__ __m128 __KIT_INTRIN _mm_cmpunord_ps(__m128 __A, __m128 __B) { return (__m128)(((__v4sf)__A != (__v4sf)__A) | ((__v4sf)__B != (__v4sf)__B)); }

/* ---- comi / ucomi: gcc 12 returns the flag tests of comiss as they are,
   so an unordered pair (ZF=PF=CF=1) reads as equal, less and less-equal ---- */
static __inline__ int __KIT_INTRIN _mm_comieq_ss(__m128 __A, __m128 __B) { return !(__A[0] < __B[0] || __A[0] > __B[0]); }
static __inline__ int __KIT_INTRIN _mm_comilt_ss(__m128 __A, __m128 __B) { return !(__A[0] >= __B[0]); }
static __inline__ int __KIT_INTRIN _mm_comile_ss(__m128 __A, __m128 __B) { return !(__A[0] > __B[0]); }
static __inline__ int __KIT_INTRIN _mm_comigt_ss(__m128 __A, __m128 __B) { return __A[0] > __B[0]; }
static __inline__ int __KIT_INTRIN _mm_comige_ss(__m128 __A, __m128 __B) { return __A[0] >= __B[0]; }
static __inline__ int __KIT_INTRIN _mm_comineq_ss(__m128 __A, __m128 __B) { return __A[0] < __B[0] || __A[0] > __B[0]; }
static __inline__ int __KIT_INTRIN _mm_ucomieq_ss(__m128 __A, __m128 __B) { return _mm_comieq_ss(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomilt_ss(__m128 __A, __m128 __B) { return _mm_comilt_ss(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomile_ss(__m128 __A, __m128 __B) { return _mm_comile_ss(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomigt_ss(__m128 __A, __m128 __B) { return _mm_comigt_ss(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomige_ss(__m128 __A, __m128 __B) { return _mm_comige_ss(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomineq_ss(__m128 __A, __m128 __B) { return _mm_comineq_ss(__A, __B); }

/* ---- float -> int conversions ---- */
static __inline__ int __KIT_INTRIN _mm_cvtss_si32(__m128 __A) { return __kit_cvtf_i32(__A[0]); }
static __inline__ int __KIT_INTRIN _mm_cvt_ss2si(__m128 __A) { return _mm_cvtss_si32(__A); }
static __inline__ long long __KIT_INTRIN _mm_cvtss_si64(__m128 __A) { return __kit_cvtf_i64(__A[0]); }
static __inline__ long long __KIT_INTRIN _mm_cvtss_si64x(__m128 __A) { return __kit_cvtf_i64(__A[0]); }
static __inline__ __m64 __KIT_INTRIN _mm_cvtps_pi32(__m128 __A) { return (__m64)(__v2si){__kit_cvtf_i32(__A[0]), __kit_cvtf_i32(__A[1])}; }
static __inline__ __m64 __KIT_INTRIN _mm_cvt_ps2pi(__m128 __A) { return _mm_cvtps_pi32(__A); }
static __inline__ int __KIT_INTRIN _mm_cvttss_si32(__m128 __A) { return __kit_cvttf_i32(__A[0]); }
static __inline__ int __KIT_INTRIN _mm_cvtt_ss2si(__m128 __A) { return _mm_cvttss_si32(__A); }
static __inline__ long long __KIT_INTRIN _mm_cvttss_si64(__m128 __A) { return __kit_cvttf_i64(__A[0]); }
static __inline__ long long __KIT_INTRIN _mm_cvttss_si64x(__m128 __A) { return __kit_cvttf_i64(__A[0]); }
static __inline__ __m64 __KIT_INTRIN _mm_cvttps_pi32(__m128 __A) { return (__m64)(__v2si){__kit_cvttf_i32(__A[0]), __kit_cvttf_i32(__A[1])}; }
static __inline__ __m64 __KIT_INTRIN _mm_cvtt_ps2pi(__m128 __A) { return _mm_cvttps_pi32(__A); }

/* ---- int -> float conversions (rounded in the MXCSR mode) ---- */
static __inline__ __m128 __KIT_INTRIN _mm_cvtsi32_ss(__m128 __A, int __B) { return __kit_setss(__A, (float)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cvt_si2ss(__m128 __A, int __B) { return _mm_cvtsi32_ss(__A, __B); }
static __inline__ __m128 __KIT_INTRIN _mm_cvtsi64_ss(__m128 __A, long long __B) { return __kit_setss(__A, (float)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cvtsi64x_ss(__m128 __A, long long __B) { return __kit_setss(__A, (float)__B); }
static __inline__ __m128 __KIT_INTRIN _mm_cvtpi32_ps(__m128 __A, __m64 __B) {
    __v2si __b = (__v2si)__B;
    __v4sf __r = (__v4sf)__A;
    __r[0] = (float)__b[0];
    __r[1] = (float)__b[1];
    return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_cvt_pi2ps(__m128 __A, __m64 __B) { return _mm_cvtpi32_ps(__A, __B); }
static __inline__ __m128 __KIT_INTRIN _mm_cvtpi16_ps(__m64 __A) {
    __v4hi __a = (__v4hi)__A;
    return (__m128)(__v4sf){(float)__a[0], (float)__a[1], (float)__a[2], (float)__a[3]};
}
static __inline__ __m128 __KIT_INTRIN _mm_cvtpu16_ps(__m64 __A) {
    __v4hi __a = (__v4hi)__A;
    return (__m128)(__v4sf){(float)(unsigned short)__a[0], (float)(unsigned short)__a[1], (float)(unsigned short)__a[2], (float)(unsigned short)__a[3]};
}
static __inline__ __m128 __KIT_INTRIN _mm_cvtpi8_ps(__m64 __A) {
    __v8qi __a = (__v8qi)__A;
    return (__m128)(__v4sf){(float)(signed char)__a[0], (float)(signed char)__a[1], (float)(signed char)__a[2], (float)(signed char)__a[3]};
}
static __inline__ __m128 __KIT_INTRIN _mm_cvtpu8_ps(__m64 __A) {
    __v8qi __a = (__v8qi)__A;
    return (__m128)(__v4sf){(float)(unsigned char)__a[0], (float)(unsigned char)__a[1], (float)(unsigned char)__a[2], (float)(unsigned char)__a[3]};
}
static __inline__ __m128 __KIT_INTRIN _mm_cvtpi32x2_ps(__m64 __A, __m64 __B) {
    __v2si __a = (__v2si)__A, __b = (__v2si)__B;
    return (__m128)(__v4sf){(float)__a[0], (float)__a[1], (float)__b[0], (float)__b[1]};
}
/* cvtps2pi, then packssdw (to 16 bits) / packsswb with zero (to 8 bits). */
static __inline__ __m64 __KIT_INTRIN _mm_cvtps_pi16(__m128 __A) {
    return (__m64)(__v4hi){__kit_ss16(__kit_cvtf_i32(__A[0])), __kit_ss16(__kit_cvtf_i32(__A[1])), __kit_ss16(__kit_cvtf_i32(__A[2])), __kit_ss16(__kit_cvtf_i32(__A[3]))};
}
static __inline__ __m64 __KIT_INTRIN _mm_cvtps_pi8(__m128 __A) { return _mm_packs_pi16(_mm_cvtps_pi16(__A), (__m64)0LL); }

/* ---- shuffles and moves ---- */
static __inline__ __m128 __KIT_INTRIN _mm_shuffle_ps(__m128 __A, __m128 __B, const int __imm8) {
    return (__m128)(__v4sf){__A[__imm8 & 3], __A[(__imm8 >> 2) & 3], __B[(__imm8 >> 4) & 3], __B[(__imm8 >> 6) & 3]};
}
static __inline__ __m128 __KIT_INTRIN _mm_unpackhi_ps(__m128 __A, __m128 __B) { return (__m128)(__v4sf){__A[2], __B[2], __A[3], __B[3]}; }
static __inline__ __m128 __KIT_INTRIN _mm_unpacklo_ps(__m128 __A, __m128 __B) { return (__m128)(__v4sf){__A[0], __B[0], __A[1], __B[1]}; }
static __inline__ __m128 __KIT_INTRIN _mm_loadh_pi(__m128 __A, __m64 const *__P) {
    __m128 __r = __A;
    __builtin_memcpy((char *)&__r + 8, (void *)__P, 8);
    return __r;
}
static __inline__ void __KIT_INTRIN _mm_storeh_pi(__m64 *__P, __m128 __A) { __builtin_memcpy(__P, (char *)&__A + 8, 8); }
static __inline__ __m128 __KIT_INTRIN _mm_movehl_ps(__m128 __A, __m128 __B) { return (__m128)(__v4sf){__B[2], __B[3], __A[2], __A[3]}; }
static __inline__ __m128 __KIT_INTRIN _mm_movelh_ps(__m128 __A, __m128 __B) { return (__m128)(__v4sf){__A[0], __A[1], __B[0], __B[1]}; }
static __inline__ __m128 __KIT_INTRIN _mm_loadl_pi(__m128 __A, __m64 const *__P) {
    __m128 __r = __A;
    __builtin_memcpy(&__r, (void *)__P, 8);
    return __r;
}
static __inline__ void __KIT_INTRIN _mm_storel_pi(__m64 *__P, __m128 __A) { __builtin_memcpy(__P, &__A, 8); }
static __inline__ int __KIT_INTRIN _mm_movemask_ps(__m128 __A) {
    __v4si __a = (__v4si)__A;
    return (__a[0] < 0) | (__a[1] < 0) << 1 | (__a[2] < 0) << 2 | (__a[3] < 0) << 3;
}

/* ---- MXCSR ---- */
static __inline__ unsigned int __KIT_INTRIN _mm_getcsr(void) {
    unsigned int __r;
    __asm__ __volatile__("stmxcsr %0" : "=m"(__r));
    return __r;
}
static __inline__ unsigned int __KIT_INTRIN _MM_GET_EXCEPTION_STATE(void) { return _mm_getcsr() & _MM_EXCEPT_MASK; }
static __inline__ unsigned int __KIT_INTRIN _MM_GET_EXCEPTION_MASK(void) { return _mm_getcsr() & _MM_MASK_MASK; }
static __inline__ unsigned int __KIT_INTRIN _MM_GET_ROUNDING_MODE(void) { return _mm_getcsr() & _MM_ROUND_MASK; }
static __inline__ unsigned int __KIT_INTRIN _MM_GET_FLUSH_ZERO_MODE(void) { return _mm_getcsr() & _MM_FLUSH_ZERO_MASK; }
static __inline__ void __KIT_INTRIN _mm_setcsr(unsigned int __I) { __asm__ __volatile__("ldmxcsr %0" : : "m"(__I)); }
static __inline__ void __KIT_INTRIN _MM_SET_EXCEPTION_STATE(unsigned int __mask) { _mm_setcsr((_mm_getcsr() & ~_MM_EXCEPT_MASK) | __mask); }
static __inline__ void __KIT_INTRIN _MM_SET_EXCEPTION_MASK(unsigned int __mask) { _mm_setcsr((_mm_getcsr() & ~_MM_MASK_MASK) | __mask); }
static __inline__ void __KIT_INTRIN _MM_SET_ROUNDING_MODE(unsigned int __mode) { _mm_setcsr((_mm_getcsr() & ~_MM_ROUND_MASK) | __mode); }
static __inline__ void __KIT_INTRIN _MM_SET_FLUSH_ZERO_MODE(unsigned int __mode) { _mm_setcsr((_mm_getcsr() & ~_MM_FLUSH_ZERO_MASK) | __mode); }

/* ---- sets and loads ---- */
static __inline__ __m128 __KIT_INTRIN _mm_set_ss(float __F) { return (__m128)(__v4sf){__F, 0.0f, 0.0f, 0.0f}; }
static __inline__ __m128 __KIT_INTRIN _mm_set1_ps(float __F) { return (__m128)(__v4sf){__F, __F, __F, __F}; }
static __inline__ __m128 __KIT_INTRIN _mm_set_ps1(float __F) { return _mm_set1_ps(__F); }
static __inline__ __m128 __KIT_INTRIN _mm_load_ss(float const *__P) {
    float __f;
    __builtin_memcpy(&__f, (void *)__P, 4);
    return _mm_set_ss(__f);
}
static __inline__ __m128 __KIT_INTRIN _mm_load1_ps(float const *__P) {
    float __f;
    __builtin_memcpy(&__f, (void *)__P, 4);
    return _mm_set1_ps(__f);
}
static __inline__ __m128 __KIT_INTRIN _mm_load_ps1(float const *__P) { return _mm_load1_ps(__P); }
static __inline__ __m128 __KIT_INTRIN _mm_load_ps(float const *__P) {
    __m128 __r;
    __builtin_memcpy(&__r, (void *)__P, 16);
    return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm_loadu_ps(float const *__P) {
    __m128 __r;
    __builtin_memcpy(&__r, (void *)__P, 16);
    return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm_loadr_ps(float const *__P) {
    __m128 __a = _mm_loadu_ps(__P);
    return (__m128)(__v4sf){__a[3], __a[2], __a[1], __a[0]};
}
static __inline__ __m128 __KIT_INTRIN _mm_set_ps(const float __Z, const float __Y, const float __X, const float __W) { return (__m128)(__v4sf){__W, __X, __Y, __Z}; }
static __inline__ __m128 __KIT_INTRIN _mm_setr_ps(float __Z, float __Y, float __X, float __W) { return (__m128)(__v4sf){__Z, __Y, __X, __W}; }

/* ---- stores ---- */
static __inline__ void __KIT_INTRIN _mm_store_ss(float *__P, __m128 __A) { __builtin_memcpy(__P, &__A, 4); }
static __inline__ float __KIT_INTRIN _mm_cvtss_f32(__m128 __A) { return __A[0]; }
static __inline__ void __KIT_INTRIN _mm_store_ps(float *__P, __m128 __A) { __builtin_memcpy(__P, &__A, 16); }
static __inline__ void __KIT_INTRIN _mm_storeu_ps(float *__P, __m128 __A) { __builtin_memcpy(__P, &__A, 16); }
static __inline__ void __KIT_INTRIN _mm_store1_ps(float *__P, __m128 __A) {
    __m128 __r = (__m128)(__v4sf){__A[0], __A[0], __A[0], __A[0]};
    __builtin_memcpy(__P, &__r, 16);
}
static __inline__ void __KIT_INTRIN _mm_store_ps1(float *__P, __m128 __A) { _mm_store1_ps(__P, __A); }
static __inline__ void __KIT_INTRIN _mm_storer_ps(float *__P, __m128 __A) {
    __m128 __r = (__m128)(__v4sf){__A[3], __A[2], __A[1], __A[0]};
    __builtin_memcpy(__P, &__r, 16);
}
static __inline__ __m128 __KIT_INTRIN _mm_move_ss(__m128 __A, __m128 __B) { return __kit_setss(__A, __B[0]); }

/* ---- SSE integer extensions on __m64 ---- */
static __inline__ int __KIT_INTRIN _mm_extract_pi16(__m64 const __A, int const __imm2) { return (unsigned short)((__v4hi)__A)[__imm2 & 3]; }
static __inline__ int __KIT_INTRIN _m_pextrw(__m64 const __A, int const __imm2) { return _mm_extract_pi16(__A, __imm2); }
static __inline__ __m64 __KIT_INTRIN _mm_insert_pi16(__m64 const __A, int const __D, int const __imm2) {
    __v4hi __r = (__v4hi)__A;
    __r[__imm2 & 3] = (short)__D;
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pinsrw(__m64 const __A, int const __D, int const __imm2) { return _mm_insert_pi16(__A, __D, __imm2); }
static __inline__ __m64 __KIT_INTRIN _mm_max_pi16(__m64 __A, __m64 __B) {
    __v4hi __a = (__v4hi)__A, __b = (__v4hi)__B, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __a[__i] > __b[__i] ? __a[__i] : __b[__i];
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pmaxsw(__m64 __A, __m64 __B) { return _mm_max_pi16(__A, __B); }
static __inline__ __m64 __KIT_INTRIN _mm_max_pu8(__m64 __A, __m64 __B) {
    __v8qi __a = (__v8qi)__A, __b = (__v8qi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned char)__a[__i] > (unsigned char)__b[__i] ? __a[__i] : __b[__i];
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pmaxub(__m64 __A, __m64 __B) { return _mm_max_pu8(__A, __B); }
static __inline__ __m64 __KIT_INTRIN _mm_min_pi16(__m64 __A, __m64 __B) {
    __v4hi __a = (__v4hi)__A, __b = (__v4hi)__B, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __a[__i] < __b[__i] ? __a[__i] : __b[__i];
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pminsw(__m64 __A, __m64 __B) { return _mm_min_pi16(__A, __B); }
static __inline__ __m64 __KIT_INTRIN _mm_min_pu8(__m64 __A, __m64 __B) {
    __v8qi __a = (__v8qi)__A, __b = (__v8qi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned char)__a[__i] < (unsigned char)__b[__i] ? __a[__i] : __b[__i];
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pminub(__m64 __A, __m64 __B) { return _mm_min_pu8(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_movemask_pi8(__m64 __A) {
    __v8qi __a = (__v8qi)__A;
    int __r = 0;
    for (int __i = 0; __i < 8; __i++) __r |= ((unsigned char)__a[__i] >> 7) << __i;
    return __r;
}
static __inline__ int __KIT_INTRIN _m_pmovmskb(__m64 __A) { return _mm_movemask_pi8(__A); }
static __inline__ __m64 __KIT_INTRIN _mm_mulhi_pu16(__m64 __A, __m64 __B) {
    __v4hi __a = (__v4hi)__A, __b = (__v4hi)__B, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)(((unsigned int)(unsigned short)__a[__i] * (unsigned short)__b[__i]) >> 16);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pmulhuw(__m64 __A, __m64 __B) { return _mm_mulhi_pu16(__A, __B); }
static __inline__ __m64 __KIT_INTRIN _mm_shuffle_pi16(__m64 __A, int const __imm8) {
    __v4hi __a = (__v4hi)__A;
    return (__m64)(__v4hi){__a[__imm8 & 3], __a[(__imm8 >> 2) & 3], __a[(__imm8 >> 4) & 3], __a[(__imm8 >> 6) & 3]};
}
static __inline__ __m64 __KIT_INTRIN _m_pshufw(__m64 __A, int const __imm8) { return _mm_shuffle_pi16(__A, __imm8); }
static __inline__ void __KIT_INTRIN _mm_maskmove_si64(__m64 __A, __m64 __N, char *__P) {
    __v8qi __a = (__v8qi)__A, __n = (__v8qi)__N;
    for (int __i = 0; __i < 8; __i++)
        if ((unsigned char)__n[__i] & 0x80) __P[__i] = __a[__i];
}
static __inline__ void __KIT_INTRIN _m_maskmovq(__m64 __A, __m64 __N, char *__P) { _mm_maskmove_si64(__A, __N, __P); }
static __inline__ __m64 __KIT_INTRIN _mm_avg_pu8(__m64 __A, __m64 __B) {
    __v8qi __a = (__v8qi)__A, __b = (__v8qi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (char)(((unsigned char)__a[__i] + (unsigned char)__b[__i] + 1) >> 1);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pavgb(__m64 __A, __m64 __B) { return _mm_avg_pu8(__A, __B); }
static __inline__ __m64 __KIT_INTRIN _mm_avg_pu16(__m64 __A, __m64 __B) {
    __v4hi __a = (__v4hi)__A, __b = (__v4hi)__B, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)(((unsigned short)__a[__i] + (unsigned short)__b[__i] + 1) >> 1);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pavgw(__m64 __A, __m64 __B) { return _mm_avg_pu16(__A, __B); }
static __inline__ __m64 __KIT_INTRIN _mm_sad_pu8(__m64 __A, __m64 __B) {
    __v8qi __a = (__v8qi)__A, __b = (__v8qi)__B;
    unsigned int __s = 0;
    for (int __i = 0; __i < 8; __i++) {
        int __d = (unsigned char)__a[__i] - (unsigned char)__b[__i];
        __s += __d < 0 ? -__d : __d;
    }
    return (__m64)(unsigned long long)__s;
}
static __inline__ __m64 __KIT_INTRIN _m_psadbw(__m64 __A, __m64 __B) { return _mm_sad_pu8(__A, __B); }

/* ---- non-temporal stores and fences ---- */
static __inline__ void __KIT_INTRIN _mm_stream_pi(__m64 *__P, __m64 __A) { __builtin_memcpy(__P, &__A, 8); }
static __inline__ void __KIT_INTRIN _mm_stream_ps(float *__P, __m128 __A) { __builtin_memcpy(__P, &__A, 16); }
static __inline__ void __KIT_INTRIN _mm_sfence(void) { __asm__ __volatile__("sfence" : : : "memory"); }
static __inline__ void __KIT_INTRIN _mm_pause(void) { __asm__ __volatile__("pause" : : : "memory"); }

/* Transpose the 4x4 matrix whose rows are row0..row3. */
#define _MM_TRANSPOSE4_PS(row0, row1, row2, row3)                  \
    do {                                                           \
        __m128 __kit_t0 = _mm_unpacklo_ps((row0), (row1));         \
        __m128 __kit_t1 = _mm_unpacklo_ps((row2), (row3));         \
        __m128 __kit_t2 = _mm_unpackhi_ps((row0), (row1));         \
        __m128 __kit_t3 = _mm_unpackhi_ps((row2), (row3));         \
        (row0) = _mm_movelh_ps(__kit_t0, __kit_t1);                \
        (row1) = _mm_movehl_ps(__kit_t1, __kit_t0);                \
        (row2) = _mm_movelh_ps(__kit_t2, __kit_t3);                \
        (row3) = _mm_movehl_ps(__kit_t3, __kit_t2);                \
    } while (0)

/* As gcc's: <xmmintrin.h> also gives SSE2. */
#include <emmintrin.h>

#endif
