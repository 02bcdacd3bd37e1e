/* kit: AVX intrinsics (__m256). */
#ifndef __KIT_AVXINTRIN_H
#define __KIT_AVXINTRIN_H
#include <kit_x86_vector_types.h>

#include <kit_x86_round.h>

/* comparison predicates for _mm_cmp_* / _mm256_cmp_* */
#define _CMP_EQ_OQ 0x00
#define _CMP_LT_OS 0x01
#define _CMP_LE_OS 0x02
#define _CMP_UNORD_Q 0x03
#define _CMP_NEQ_UQ 0x04
#define _CMP_NLT_US 0x05
#define _CMP_NLE_US 0x06
#define _CMP_ORD_Q 0x07
#define _CMP_EQ_UQ 0x08
#define _CMP_NGE_US 0x09
#define _CMP_NGT_US 0x0a
#define _CMP_FALSE_OQ 0x0b
#define _CMP_NEQ_OQ 0x0c
#define _CMP_GE_OS 0x0d
#define _CMP_GT_OS 0x0e
#define _CMP_TRUE_UQ 0x0f
#define _CMP_EQ_OS 0x10
#define _CMP_LT_OQ 0x11
#define _CMP_LE_OQ 0x12
#define _CMP_UNORD_S 0x13
#define _CMP_NEQ_US 0x14
#define _CMP_NLT_UQ 0x15
#define _CMP_NLE_UQ 0x16
#define _CMP_ORD_S 0x17
#define _CMP_EQ_US 0x18
#define _CMP_NGE_UQ 0x19
#define _CMP_NGT_UQ 0x1a
#define _CMP_FALSE_OS 0x1b
#define _CMP_NEQ_OS 0x1c
#define _CMP_GE_OQ 0x1d
#define _CMP_GT_OQ 0x1e
#define _CMP_TRUE_US 0x1f

/* One lane of vcmpps/vcmppd: predicates 16-31 only differ from 0-15 in
   which NaNs raise exceptions. Returns 0 or 1. */
static __inline__ __attribute__((__unused__)) int __kit_avx_cmp(double __a, double __b, int __p) {
  int __un = __kit_s4_isnan(__a) || __kit_s4_isnan(__b);
  switch (__p & 15) {
  case 0x0: return !__un && __a == __b;
  case 0x1: return !__un && __a < __b;
  case 0x2: return !__un && __a <= __b;
  case 0x3: return __un;
  case 0x4: return __un || __a != __b;
  case 0x5: return __un || !(__a < __b);
  case 0x6: return __un || !(__a <= __b);
  case 0x7: return !__un;
  case 0x8: return __un || __a == __b;
  case 0x9: return __un || !(__a >= __b);
  case 0xa: return __un || !(__a > __b);
  case 0xb: return 0;
  case 0xc: return !__un && __a != __b;
  case 0xd: return !__un && __a >= __b;
  case 0xe: return !__un && __a > __b;
  default: return 1;
  }
}

/* arithmetic */
static __inline__ __m256d __KIT_INTRIN _mm256_add_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4df)__A + (__v4df)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_add_ps(__m256 __A, __m256 __B) { return (__m256)((__v8sf)__A + (__v8sf)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_sub_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4df)__A - (__v4df)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_sub_ps(__m256 __A, __m256 __B) { return (__m256)((__v8sf)__A - (__v8sf)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_mul_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4df)__A * (__v4df)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_mul_ps(__m256 __A, __m256 __B) { return (__m256)((__v8sf)__A * (__v8sf)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_div_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4df)__A / (__v4df)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_div_ps(__m256 __A, __m256 __B) { return (__m256)((__v8sf)__A / (__v8sf)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_addsub_pd(__m256d __A, __m256d __B) {
  __v4df __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = (__i & 1) ? __A[__i] + __B[__i] : __A[__i] - __B[__i];
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_addsub_ps(__m256 __A, __m256 __B) {
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (__i & 1) ? __A[__i] + __B[__i] : __A[__i] - __B[__i];
  return (__m256)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_hadd_pd(__m256d __X, __m256d __Y) {
  return (__m256d)(__v4df){__X[0] + __X[1], __Y[0] + __Y[1], __X[2] + __X[3], __Y[2] + __Y[3]};
}
static __inline__ __m256d __KIT_INTRIN _mm256_hsub_pd(__m256d __X, __m256d __Y) {
  return (__m256d)(__v4df){__X[0] - __X[1], __Y[0] - __Y[1], __X[2] - __X[3], __Y[2] - __Y[3]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_hadd_ps(__m256 __X, __m256 __Y) {
  return (__m256)(__v8sf){__X[0] + __X[1], __X[2] + __X[3], __Y[0] + __Y[1], __Y[2] + __Y[3],
                          __X[4] + __X[5], __X[6] + __X[7], __Y[4] + __Y[5], __Y[6] + __Y[7]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_hsub_ps(__m256 __X, __m256 __Y) {
  return (__m256)(__v8sf){__X[0] - __X[1], __X[2] - __X[3], __Y[0] - __Y[1], __Y[2] - __Y[3],
                          __X[4] - __X[5], __X[6] - __X[7], __Y[4] - __Y[5], __Y[6] - __Y[7]};
}
/* maxps/minps: the second operand when either is NaN or both are zero */
static __inline__ __m256d __KIT_INTRIN _mm256_max_pd(__m256d __A, __m256d __B) {
  __v4df __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __A[__i] > __B[__i] ? __A[__i] : __B[__i];
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_max_ps(__m256 __A, __m256 __B) {
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __A[__i] > __B[__i] ? __A[__i] : __B[__i];
  return (__m256)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_min_pd(__m256d __A, __m256d __B) {
  __v4df __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __A[__i] < __B[__i] ? __A[__i] : __B[__i];
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_min_ps(__m256 __A, __m256 __B) {
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __A[__i] < __B[__i] ? __A[__i] : __B[__i];
  return (__m256)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_sqrt_pd(__m256d __A) {
  __v4df __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __builtin_sqrt(__A[__i]);
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_sqrt_ps(__m256 __A) {
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __builtin_sqrtf(__A[__i]);
  return (__m256)__r;
}
/* approximations: only the instruction gives the hardware's bits */
static __inline__ __m256 __KIT_INTRIN _mm256_rcp_ps(__m256 __A) {
  __m256 __r;
  __asm__("vmovups %1, %%ymm0\n\tvrcpps %%ymm0, %%ymm0\n\tvmovups %%ymm0, %0" : "=m"(__r) : "m"(__A) : "xmm0");
  return __r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_rsqrt_ps(__m256 __A) {
  __m256 __r;
  __asm__("vmovups %1, %%ymm0\n\tvrsqrtps %%ymm0, %%ymm0\n\tvmovups %%ymm0, %0" : "=m"(__r) : "m"(__A) : "xmm0");
  return __r;
}

/* bitwise */
static __inline__ __m256d __KIT_INTRIN _mm256_and_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4du)__A & (__v4du)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_and_ps(__m256 __A, __m256 __B) { return (__m256)((__v4du)__A & (__v4du)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_andnot_pd(__m256d __A, __m256d __B) { return (__m256d)(~(__v4du)__A & (__v4du)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_andnot_ps(__m256 __A, __m256 __B) { return (__m256)(~(__v4du)__A & (__v4du)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_or_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4du)__A | (__v4du)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_or_ps(__m256 __A, __m256 __B) { return (__m256)((__v4du)__A | (__v4du)__B); }
static __inline__ __m256d __KIT_INTRIN _mm256_xor_pd(__m256d __A, __m256d __B) { return (__m256d)((__v4du)__A ^ (__v4du)__B); }
static __inline__ __m256 __KIT_INTRIN _mm256_xor_ps(__m256 __A, __m256 __B) { return (__m256)((__v4du)__A ^ (__v4du)__B); }

/* blends */
static __inline__ __m256d __KIT_INTRIN _mm256_blend_pd(__m256d __X, __m256d __Y, const int __imm4) {
  __v4df __r = (__v4df)__X;
  for (int __i = 0; __i < 4; __i++) if ((__imm4 >> __i) & 1) __r[__i] = __Y[__i];
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_blend_ps(__m256 __X, __m256 __Y, const int __imm8) {
  __v8sf __r = (__v8sf)__X;
  for (int __i = 0; __i < 8; __i++) if ((__imm8 >> __i) & 1) __r[__i] = __Y[__i];
  return (__m256)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_blendv_pd(__m256d __X, __m256d __Y, __m256d __M) {
  __v4di __m = (__v4di)__M < 0;
  return (__m256d)(((__v4di)__X & ~__m) | ((__v4di)__Y & __m));
}
static __inline__ __m256 __KIT_INTRIN _mm256_blendv_ps(__m256 __X, __m256 __Y, __m256 __M) {
  __v8si __m = (__v8si)__M < 0;
  return (__m256)(((__v8si)__X & ~__m) | ((__v8si)__Y & __m));
}

/* dot product, per 128-bit lane, in vdpps' summation order */
static __inline__ __m256 __KIT_INTRIN _mm256_dp_ps(__m256 __X, __m256 __Y, const int __imm8) {
  __v8sf __r;
  for (int __l = 0; __l < 8; __l += 4) {
    float __p[4], __s;
    for (int __i = 0; __i < 4; __i++) __p[__i] = ((__imm8 >> (4 + __i)) & 1) ? __X[__l + __i] * __Y[__l + __i] : 0.0f;
    __s = (__p[0] + __p[1]) + (__p[2] + __p[3]);
    for (int __i = 0; __i < 4; __i++) __r[__l + __i] = ((__imm8 >> __i) & 1) ? __s : 0.0f;
  }
  return (__m256)__r;
}

/* shuffles and permutes */
static __inline__ __m256d __KIT_INTRIN _mm256_shuffle_pd(__m256d __A, __m256d __B, const int __imm4) {
  return (__m256d)(__v4df){__A[__imm4 & 1], __B[(__imm4 >> 1) & 1], __A[2 + ((__imm4 >> 2) & 1)], __B[2 + ((__imm4 >> 3) & 1)]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_shuffle_ps(__m256 __A, __m256 __B, const int __imm8) {
  int __a = __imm8 & 3, __b = (__imm8 >> 2) & 3, __c = (__imm8 >> 4) & 3, __d = (__imm8 >> 6) & 3;
  return (__m256)(__v8sf){__A[__a], __A[__b], __B[__c], __B[__d], __A[4 + __a], __A[4 + __b], __B[4 + __c], __B[4 + __d]};
}
static __inline__ __m128d __KIT_INTRIN _mm_permute_pd(__m128d __X, const int __imm2) {
  return (__m128d)(__v2df){__X[__imm2 & 1], __X[(__imm2 >> 1) & 1]};
}
static __inline__ __m256d __KIT_INTRIN _mm256_permute_pd(__m256d __X, const int __imm4) {
  return (__m256d)(__v4df){__X[__imm4 & 1], __X[(__imm4 >> 1) & 1], __X[2 + ((__imm4 >> 2) & 1)], __X[2 + ((__imm4 >> 3) & 1)]};
}
static __inline__ __m128 __KIT_INTRIN _mm_permute_ps(__m128 __X, const int __imm8) {
  return (__m128)(__v4sf){__X[__imm8 & 3], __X[(__imm8 >> 2) & 3], __X[(__imm8 >> 4) & 3], __X[(__imm8 >> 6) & 3]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_permute_ps(__m256 __X, const int __imm8) {
  int __a = __imm8 & 3, __b = (__imm8 >> 2) & 3, __c = (__imm8 >> 4) & 3, __d = (__imm8 >> 6) & 3;
  return (__m256)(__v8sf){__X[__a], __X[__b], __X[__c], __X[__d], __X[4 + __a], __X[4 + __b], __X[4 + __c], __X[4 + __d]};
}
static __inline__ __m128d __KIT_INTRIN _mm_permutevar_pd(__m128d __A, __m128i __C) {
  __v2di __c = (__v2di)__C;
  return (__m128d)(__v2df){__A[(__c[0] >> 1) & 1], __A[(__c[1] >> 1) & 1]};
}
static __inline__ __m256d __KIT_INTRIN _mm256_permutevar_pd(__m256d __A, __m256i __C) {
  __v4di __c = (__v4di)__C;
  return (__m256d)(__v4df){__A[(__c[0] >> 1) & 1], __A[(__c[1] >> 1) & 1], __A[2 + ((__c[2] >> 1) & 1)], __A[2 + ((__c[3] >> 1) & 1)]};
}
static __inline__ __m128 __KIT_INTRIN _mm_permutevar_ps(__m128 __A, __m128i __C) {
  __v4si __c = (__v4si)__C;
  return (__m128)(__v4sf){__A[__c[0] & 3], __A[__c[1] & 3], __A[__c[2] & 3], __A[__c[3] & 3]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_permutevar_ps(__m256 __A, __m256i __C) {
  __v8si __c = (__v8si)__C;
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __A[(__i & 4) + (__c[__i] & 3)];
  return (__m256)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_permute2f128_pd(__m256d __X, __m256d __Y, const int __imm8) {
  __v4df __r;
  for (int __h = 0; __h < 2; __h++) {
    int __c = __imm8 >> (4 * __h);
    __v4df __s = (__c & 2) ? (__v4df)__Y : (__v4df)__X;
    __r[2 * __h] = (__c & 8) ? 0.0 : __s[2 * (__c & 1)];
    __r[2 * __h + 1] = (__c & 8) ? 0.0 : __s[2 * (__c & 1) + 1];
  }
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_permute2f128_ps(__m256 __X, __m256 __Y, const int __imm8) { return (__m256)_mm256_permute2f128_pd((__m256d)__X, (__m256d)__Y, __imm8); }
static __inline__ __m256i __KIT_INTRIN _mm256_permute2f128_si256(__m256i __X, __m256i __Y, const int __imm8) { return (__m256i)_mm256_permute2f128_pd((__m256d)__X, (__m256d)__Y, __imm8); }

static __inline__ __m256d __KIT_INTRIN _mm256_unpackhi_pd(__m256d __A, __m256d __B) { return (__m256d)(__v4df){__A[1], __B[1], __A[3], __B[3]}; }
static __inline__ __m256d __KIT_INTRIN _mm256_unpacklo_pd(__m256d __A, __m256d __B) { return (__m256d)(__v4df){__A[0], __B[0], __A[2], __B[2]}; }
static __inline__ __m256 __KIT_INTRIN _mm256_unpackhi_ps(__m256 __A, __m256 __B) { return (__m256)(__v8sf){__A[2], __B[2], __A[3], __B[3], __A[6], __B[6], __A[7], __B[7]}; }
static __inline__ __m256 __KIT_INTRIN _mm256_unpacklo_ps(__m256 __A, __m256 __B) { return (__m256)(__v8sf){__A[0], __B[0], __A[1], __B[1], __A[4], __B[4], __A[5], __B[5]}; }
static __inline__ __m256d __KIT_INTRIN _mm256_movedup_pd(__m256d __X) { return (__m256d)(__v4df){__X[0], __X[0], __X[2], __X[2]}; }
static __inline__ __m256 __KIT_INTRIN _mm256_movehdup_ps(__m256 __X) { return (__m256)(__v8sf){__X[1], __X[1], __X[3], __X[3], __X[5], __X[5], __X[7], __X[7]}; }
static __inline__ __m256 __KIT_INTRIN _mm256_moveldup_ps(__m256 __X) { return (__m256)(__v8sf){__X[0], __X[0], __X[2], __X[2], __X[4], __X[4], __X[6], __X[6]}; }

/* compares */
static __inline__ __m128d __KIT_INTRIN _mm_cmp_pd(__m128d __X, __m128d __Y, const int __imm5) {
  __v2di __r;
  for (int __i = 0; __i < 2; __i++) __r[__i] = -(long long)__kit_avx_cmp(__X[__i], __Y[__i], __imm5);
  return (__m128d)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_cmp_ps(__m128 __X, __m128 __Y, const int __imm5) {
  __v4si __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = -__kit_avx_cmp(__X[__i], __Y[__i], __imm5);
  return (__m128)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_cmp_pd(__m256d __X, __m256d __Y, const int __imm5) {
  __v4di __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = -(long long)__kit_avx_cmp(__X[__i], __Y[__i], __imm5);
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_cmp_ps(__m256 __X, __m256 __Y, const int __imm5) {
  __v8si __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = -__kit_avx_cmp(__X[__i], __Y[__i], __imm5);
  return (__m256)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_cmp_sd(__m128d __X, __m128d __Y, const int __imm5) {
  __v2di __r = (__v2di)__X;
  __r[0] = -(long long)__kit_avx_cmp(__X[0], __Y[0], __imm5);
  return (__m128d)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_cmp_ss(__m128 __X, __m128 __Y, const int __imm5) {
  __v4si __r = (__v4si)__X;
  __r[0] = -__kit_avx_cmp(__X[0], __Y[0], __imm5);
  return (__m128)__r;
}

/* conversions */
static __inline__ __m256d __KIT_INTRIN _mm256_cvtepi32_pd(__m128i __A) {
  __v4si __a = (__v4si)__A;
  return (__m256d)(__v4df){(double)__a[0], (double)__a[1], (double)__a[2], (double)__a[3]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_cvtepi32_ps(__m256i __A) {
  __v8si __a = (__v8si)__A;
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (float)__a[__i];
  return (__m256)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm256_cvtpd_ps(__m256d __A) {
  return (__m128)(__v4sf){(float)__A[0], (float)__A[1], (float)__A[2], (float)__A[3]};
}
static __inline__ __m256d __KIT_INTRIN _mm256_cvtps_pd(__m128 __A) {
  return (__m256d)(__v4df){(double)__A[0], (double)__A[1], (double)__A[2], (double)__A[3]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_cvtps_epi32(__m256 __A) {
  __v8si __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_s4_cvtf_i32(__A[__i], 4);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_cvttps_epi32(__m256 __A) {
  __v8si __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_s4_cvtf_i32(__A[__i], 3);
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm256_cvtpd_epi32(__m256d __A) {
  __v4si __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_s4_cvtd_i32(__A[__i], 4);
  return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm256_cvttpd_epi32(__m256d __A) {
  __v4si __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_s4_cvtd_i32(__A[__i], 3);
  return (__m128i)__r;
}
static __inline__ double __KIT_INTRIN _mm256_cvtsd_f64(__m256d __A) { return __A[0]; }
static __inline__ float __KIT_INTRIN _mm256_cvtss_f32(__m256 __A) { return __A[0]; }
static __inline__ int __KIT_INTRIN _mm256_cvtsi256_si32(__m256i __A) { return ((__v8si)__A)[0]; }

/* rounding */
static __inline__ __m256d __KIT_INTRIN _mm256_round_pd(__m256d __V, const int __imm4) {
  __v4df __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_s4_round(__V[__i], __imm4);
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_round_ps(__m256 __V, const int __imm4) {
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_s4_roundf(__V[__i], __imm4);
  return (__m256)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_ceil_pd(__m256d __V) { return _mm256_round_pd(__V, 0x02); }
static __inline__ __m256d __KIT_INTRIN _mm256_floor_pd(__m256d __V) { return _mm256_round_pd(__V, 0x01); }
static __inline__ __m256 __KIT_INTRIN _mm256_ceil_ps(__m256 __V) { return _mm256_round_ps(__V, 0x02); }
static __inline__ __m256 __KIT_INTRIN _mm256_floor_ps(__m256 __V) { return _mm256_round_ps(__V, 0x01); }

/* 128-bit halves, elements */
static __inline__ __m128d __KIT_INTRIN _mm256_extractf128_pd(__m256d __X, const int __imm1) {
  int __o = (__imm1 & 1) * 2;
  return (__m128d)(__v2df){__X[__o], __X[__o + 1]};
}
static __inline__ __m128 __KIT_INTRIN _mm256_extractf128_ps(__m256 __X, const int __imm1) { return (__m128)_mm256_extractf128_pd((__m256d)__X, __imm1); }
static __inline__ __m128i __KIT_INTRIN _mm256_extractf128_si256(__m256i __X, const int __imm1) { return (__m128i)_mm256_extractf128_pd((__m256d)__X, __imm1); }
static __inline__ __m256d __KIT_INTRIN _mm256_insertf128_pd(__m256d __X, __m128d __Y, const int __imm1) {
  __v4df __r = (__v4df)__X;
  int __o = (__imm1 & 1) * 2;
  __r[__o] = __Y[0];
  __r[__o + 1] = __Y[1];
  return (__m256d)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_insertf128_ps(__m256 __X, __m128 __Y, const int __imm1) { return (__m256)_mm256_insertf128_pd((__m256d)__X, (__m128d)__Y, __imm1); }
static __inline__ __m256i __KIT_INTRIN _mm256_insertf128_si256(__m256i __X, __m128i __Y, const int __imm1) { return (__m256i)_mm256_insertf128_pd((__m256d)__X, (__m128d)__Y, __imm1); }
static __inline__ int __KIT_INTRIN _mm256_extract_epi32(__m256i __X, const int __imm3) { return ((__v8si)__X)[__imm3 & 7]; }
static __inline__ int __KIT_INTRIN _mm256_extract_epi16(__m256i __X, const int __imm4) { return ((__v16hu)__X)[__imm4 & 15]; }
static __inline__ int __KIT_INTRIN _mm256_extract_epi8(__m256i __X, const int __imm5) { return ((__v32qu)__X)[__imm5 & 31]; }
static __inline__ long long __KIT_INTRIN _mm256_extract_epi64(__m256i __X, const int __imm2) { return ((__v4di)__X)[__imm2 & 3]; }
static __inline__ __m256i __KIT_INTRIN _mm256_insert_epi32(__m256i __X, int __D, const int __imm3) {
  __v8si __r = (__v8si)__X;
  __r[__imm3 & 7] = __D;
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_insert_epi16(__m256i __X, int __D, const int __imm4) {
  __v16hi __r = (__v16hi)__X;
  __r[__imm4 & 15] = (short)__D;
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_insert_epi8(__m256i __X, int __D, const int __imm5) {
  __v32qi __r = (__v32qi)__X;
  __r[__imm5 & 31] = (char)__D;
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_insert_epi64(__m256i __X, long long __D, const int __imm2) {
  __v4di __r = (__v4di)__X;
  __r[__imm2 & 3] = __D;
  return (__m256i)__r;
}

/* state */
static __inline__ void __KIT_INTRIN _mm256_zeroall(void) {
  __asm__ __volatile__("vzeroall" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                       "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}
static __inline__ void __KIT_INTRIN _mm256_zeroupper(void) {
  __asm__ __volatile__("vzeroupper" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                       "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

/* broadcasts */
static __inline__ __m128 __KIT_INTRIN _mm_broadcast_ss(float const *__X) {
  float __f = *__X;
  return (__m128)(__v4sf){__f, __f, __f, __f};
}
static __inline__ __m256d __KIT_INTRIN _mm256_broadcast_sd(double const *__X) {
  double __f = *__X;
  return (__m256d)(__v4df){__f, __f, __f, __f};
}
static __inline__ __m256 __KIT_INTRIN _mm256_broadcast_ss(float const *__X) {
  float __f = *__X;
  return (__m256)(__v8sf){__f, __f, __f, __f, __f, __f, __f, __f};
}
static __inline__ __m256d __KIT_INTRIN _mm256_broadcast_pd(__m128d const *__X) {
  __v2df __h;
  __builtin_memcpy(&__h, (void *)(__X), 16);
  return (__m256d)(__v4df){__h[0], __h[1], __h[0], __h[1]};
}
static __inline__ __m256 __KIT_INTRIN _mm256_broadcast_ps(__m128 const *__X) { return (__m256)_mm256_broadcast_pd((__m128d const *)__X); }

/* loads and stores */
static __inline__ __m256d __KIT_INTRIN _mm256_load_pd(double const *__P) { __m256d __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_store_pd(double *__P, __m256d __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256 __KIT_INTRIN _mm256_load_ps(float const *__P) { __m256 __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_store_ps(float *__P, __m256 __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256d __KIT_INTRIN _mm256_loadu_pd(double const *__P) { __m256d __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_storeu_pd(double *__P, __m256d __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256 __KIT_INTRIN _mm256_loadu_ps(float const *__P) { __m256 __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_storeu_ps(float *__P, __m256 __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256i __KIT_INTRIN _mm256_load_si256(__m256i const *__P) { __m256i __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_store_si256(__m256i *__P, __m256i __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256i __KIT_INTRIN _mm256_loadu_si256(__m256i_u const *__P) { __m256i __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_storeu_si256(__m256i_u *__P, __m256i __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256i __KIT_INTRIN _mm256_lddqu_si256(__m256i const *__P) { __m256i __r; __builtin_memcpy(&__r, (void *)(__P), 32); return __r; }
static __inline__ void __KIT_INTRIN _mm256_stream_si256(__m256i *__A, __m256i __B) { __builtin_memcpy(__A, &__B, 32); }
static __inline__ void __KIT_INTRIN _mm256_stream_pd(double *__A, __m256d __B) { __builtin_memcpy(__A, &__B, 32); }
static __inline__ void __KIT_INTRIN _mm256_stream_ps(float *__P, __m256 __A) { __builtin_memcpy(__P, &__A, 32); }
static __inline__ __m256 __KIT_INTRIN _mm256_loadu2_m128(float const *__PH, float const *__PL) {
  __m256 __r;
  __builtin_memcpy(&__r, (void *)(__PL), 16);
  __builtin_memcpy((char *)&__r + 16, (void *)(__PH), 16);
  return __r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_loadu2_m128d(double const *__PH, double const *__PL) { return (__m256d)_mm256_loadu2_m128((float const *)__PH, (float const *)__PL); }
static __inline__ __m256i __KIT_INTRIN _mm256_loadu2_m128i(__m128i_u const *__PH, __m128i_u const *__PL) { return (__m256i)_mm256_loadu2_m128((float const *)__PH, (float const *)__PL); }
static __inline__ void __KIT_INTRIN _mm256_storeu2_m128(float *__PH, float *__PL, __m256 __A) {
  __builtin_memcpy(__PL, &__A, 16);
  __builtin_memcpy(__PH, (char *)&__A + 16, 16);
}
static __inline__ void __KIT_INTRIN _mm256_storeu2_m128d(double *__PH, double *__PL, __m256d __A) { _mm256_storeu2_m128((float *)__PH, (float *)__PL, (__m256)__A); }
static __inline__ void __KIT_INTRIN _mm256_storeu2_m128i(__m128i_u *__PH, __m128i_u *__PL, __m256i __A) { _mm256_storeu2_m128((float *)__PH, (float *)__PL, (__m256)__A); }

/* masked loads/stores: lanes whose mask sign bit is clear are neither read
   nor written (and load as zero) */
static __inline__ __m128d __KIT_INTRIN _mm_maskload_pd(double const *__P, __m128i __M) {
  __v2di __m = (__v2di)__M, __r = {0, 0};
  for (int __i = 0; __i < 2; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 8 * __i, (void *)(__P + __i), 8);
  return (__m128d)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_maskload_pd(double const *__P, __m256i __M) {
  __v4di __m = (__v4di)__M, __r = {0, 0, 0, 0};
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 8 * __i, (void *)(__P + __i), 8);
  return (__m256d)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_maskload_ps(float const *__P, __m128i __M) {
  __v4si __m = (__v4si)__M, __r = {0, 0, 0, 0};
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 4 * __i, (void *)(__P + __i), 4);
  return (__m128)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_maskload_ps(float const *__P, __m256i __M) {
  __v8si __m = (__v8si)__M, __r = {0, 0, 0, 0, 0, 0, 0, 0};
  for (int __i = 0; __i < 8; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 4 * __i, (void *)(__P + __i), 4);
  return (__m256)__r;
}
static __inline__ void __KIT_INTRIN _mm_maskstore_pd(double *__P, __m128i __M, __m128d __A) {
  __v2di __m = (__v2di)__M;
  for (int __i = 0; __i < 2; __i++) if (__m[__i] < 0) __builtin_memcpy(__P + __i, (char *)&__A + 8 * __i, 8);
}
static __inline__ void __KIT_INTRIN _mm256_maskstore_pd(double *__P, __m256i __M, __m256d __A) {
  __v4di __m = (__v4di)__M;
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy(__P + __i, (char *)&__A + 8 * __i, 8);
}
static __inline__ void __KIT_INTRIN _mm_maskstore_ps(float *__P, __m128i __M, __m128 __A) {
  __v4si __m = (__v4si)__M;
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy(__P + __i, (char *)&__A + 4 * __i, 4);
}
static __inline__ void __KIT_INTRIN _mm256_maskstore_ps(float *__P, __m256i __M, __m256 __A) {
  __v8si __m = (__v8si)__M;
  for (int __i = 0; __i < 8; __i++) if (__m[__i] < 0) __builtin_memcpy(__P + __i, (char *)&__A + 4 * __i, 4);
}

/* movemask, ptest / vtestps / vtestpd */
static __inline__ int __KIT_INTRIN _mm256_movemask_pd(__m256d __A) {
  __v4di __a = (__v4di)__A;
  int __r = 0;
  for (int __i = 0; __i < 4; __i++) __r |= (__a[__i] < 0) << __i;
  return __r;
}
static __inline__ int __KIT_INTRIN _mm256_movemask_ps(__m256 __A) {
  __v8si __a = (__v8si)__A;
  int __r = 0;
  for (int __i = 0; __i < 8; __i++) __r |= (__a[__i] < 0) << __i;
  return __r;
}
static __inline__ int __KIT_INTRIN _mm256_testz_si256(__m256i __M, __m256i __V) {
  __v4du __t = (__v4du)__M & (__v4du)__V;
  return (__t[0] | __t[1] | __t[2] | __t[3]) == 0;
}
static __inline__ int __KIT_INTRIN _mm256_testc_si256(__m256i __M, __m256i __V) {
  __v4du __t = ~(__v4du)__M & (__v4du)__V;
  return (__t[0] | __t[1] | __t[2] | __t[3]) == 0;
}
static __inline__ int __KIT_INTRIN _mm256_testnzc_si256(__m256i __M, __m256i __V) { return !_mm256_testz_si256(__M, __V) && !_mm256_testc_si256(__M, __V); }
#define __KIT_AVX_SIGNS64 ((__v4du){0x8000000000000000ull, 0x8000000000000000ull, 0x8000000000000000ull, 0x8000000000000000ull})
#define __KIT_AVX_SIGNS32 ((__v4du){0x8000000080000000ull, 0x8000000080000000ull, 0x8000000080000000ull, 0x8000000080000000ull})
static __inline__ int __KIT_INTRIN _mm256_testz_pd(__m256d __M, __m256d __V) { return _mm256_testz_si256((__m256i)((__v4du)__M & __KIT_AVX_SIGNS64), (__m256i)__V); }
static __inline__ int __KIT_INTRIN _mm256_testc_pd(__m256d __M, __m256d __V) { return _mm256_testc_si256((__m256i)__M, (__m256i)((__v4du)__V & __KIT_AVX_SIGNS64)); }
static __inline__ int __KIT_INTRIN _mm256_testnzc_pd(__m256d __M, __m256d __V) { return !_mm256_testz_pd(__M, __V) && !_mm256_testc_pd(__M, __V); }
static __inline__ int __KIT_INTRIN _mm256_testz_ps(__m256 __M, __m256 __V) { return _mm256_testz_si256((__m256i)((__v4du)__M & __KIT_AVX_SIGNS32), (__m256i)__V); }
static __inline__ int __KIT_INTRIN _mm256_testc_ps(__m256 __M, __m256 __V) { return _mm256_testc_si256((__m256i)__M, (__m256i)((__v4du)__V & __KIT_AVX_SIGNS32)); }
static __inline__ int __KIT_INTRIN _mm256_testnzc_ps(__m256 __M, __m256 __V) { return !_mm256_testz_ps(__M, __V) && !_mm256_testc_ps(__M, __V); }
static __inline__ int __KIT_INTRIN _mm_testz_pd(__m128d __M, __m128d __V) {
  __v2du __t = (__v2du)__M & (__v2du)__V;
  return ((__t[0] | __t[1]) >> 63) == 0;
}
static __inline__ int __KIT_INTRIN _mm_testc_pd(__m128d __M, __m128d __V) {
  __v2du __t = ~(__v2du)__M & (__v2du)__V;
  return ((__t[0] | __t[1]) >> 63) == 0;
}
static __inline__ int __KIT_INTRIN _mm_testnzc_pd(__m128d __M, __m128d __V) { return !_mm_testz_pd(__M, __V) && !_mm_testc_pd(__M, __V); }
static __inline__ int __KIT_INTRIN _mm_testz_ps(__m128 __M, __m128 __V) {
  __v2du __t = (__v2du)__M & (__v2du)__V;
  return ((__t[0] | __t[1]) & 0x8000000080000000ull) == 0;
}
static __inline__ int __KIT_INTRIN _mm_testc_ps(__m128 __M, __m128 __V) {
  __v2du __t = ~(__v2du)__M & (__v2du)__V;
  return ((__t[0] | __t[1]) & 0x8000000080000000ull) == 0;
}
static __inline__ int __KIT_INTRIN _mm_testnzc_ps(__m128 __M, __m128 __V) { return !_mm_testz_ps(__M, __V) && !_mm_testc_ps(__M, __V); }

/* set */
static __inline__ __m256d __KIT_INTRIN _mm256_undefined_pd(void) { return (__m256d)(__v4df){0, 0, 0, 0}; }
static __inline__ __m256 __KIT_INTRIN _mm256_undefined_ps(void) { return (__m256)(__v8sf){0, 0, 0, 0, 0, 0, 0, 0}; }
static __inline__ __m256i __KIT_INTRIN _mm256_undefined_si256(void) { return (__m256i)(__v4di){0, 0, 0, 0}; }
static __inline__ __m256d __KIT_INTRIN _mm256_setzero_pd(void) { return (__m256d)(__v4df){0.0, 0.0, 0.0, 0.0}; }
static __inline__ __m256 __KIT_INTRIN _mm256_setzero_ps(void) { return (__m256)(__v8sf){0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f}; }
static __inline__ __m256i __KIT_INTRIN _mm256_setzero_si256(void) { return (__m256i)(__v4di){0, 0, 0, 0}; }
static __inline__ __m256d __KIT_INTRIN _mm256_set_pd(double __A, double __B, double __C, double __D) { return (__m256d)(__v4df){__D, __C, __B, __A}; }
static __inline__ __m256 __KIT_INTRIN _mm256_set_ps(float __A, float __B, float __C, float __D, float __E, float __F, float __G, float __H) { return (__m256)(__v8sf){__H, __G, __F, __E, __D, __C, __B, __A}; }
static __inline__ __m256i __KIT_INTRIN _mm256_set_epi32(int __A, int __B, int __C, int __D, int __E, int __F, int __G, int __H) { return (__m256i)(__v8si){__H, __G, __F, __E, __D, __C, __B, __A}; }
static __inline__ __m256i __KIT_INTRIN _mm256_set_epi16(short __q15, short __q14, short __q13, short __q12, short __q11, short __q10, short __q09, short __q08, short __q07, short __q06, short __q05, short __q04, short __q03, short __q02, short __q01, short __q00) {
  return (__m256i)(__v16hi){__q00, __q01, __q02, __q03, __q04, __q05, __q06, __q07, __q08, __q09, __q10, __q11, __q12, __q13, __q14, __q15};
}
static __inline__ __m256i __KIT_INTRIN _mm256_set_epi8(char __q31, char __q30, char __q29, char __q28, char __q27, char __q26, char __q25, char __q24, char __q23, char __q22, char __q21, char __q20, char __q19, char __q18, char __q17, char __q16, char __q15, char __q14, char __q13, char __q12, char __q11, char __q10, char __q09, char __q08, char __q07, char __q06, char __q05, char __q04, char __q03, char __q02, char __q01, char __q00) {
  return (__m256i)(__v32qi){__q00, __q01, __q02, __q03, __q04, __q05, __q06, __q07, __q08, __q09, __q10, __q11, __q12, __q13, __q14, __q15,
                            __q16, __q17, __q18, __q19, __q20, __q21, __q22, __q23, __q24, __q25, __q26, __q27, __q28, __q29, __q30, __q31};
}
static __inline__ __m256i __KIT_INTRIN _mm256_set_epi64x(long long __A, long long __B, long long __C, long long __D) { return (__m256i)(__v4di){__D, __C, __B, __A}; }
static __inline__ __m256d __KIT_INTRIN _mm256_set1_pd(double __A) { return (__m256d)(__v4df){__A, __A, __A, __A}; }
static __inline__ __m256 __KIT_INTRIN _mm256_set1_ps(float __A) { return (__m256)(__v8sf){__A, __A, __A, __A, __A, __A, __A, __A}; }
static __inline__ __m256i __KIT_INTRIN _mm256_set1_epi32(int __A) { return (__m256i)(__v8si){__A, __A, __A, __A, __A, __A, __A, __A}; }
static __inline__ __m256i __KIT_INTRIN _mm256_set1_epi16(short __A) { return (__m256i)(__v16hi){__A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A}; }
static __inline__ __m256i __KIT_INTRIN _mm256_set1_epi8(char __A) {
  return (__m256i)(__v32qi){__A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A,
                            __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A};
}
static __inline__ __m256i __KIT_INTRIN _mm256_set1_epi64x(long long __A) { return (__m256i)(__v4di){__A, __A, __A, __A}; }
static __inline__ __m256d __KIT_INTRIN _mm256_setr_pd(double __A, double __B, double __C, double __D) { return (__m256d)(__v4df){__A, __B, __C, __D}; }
static __inline__ __m256 __KIT_INTRIN _mm256_setr_ps(float __A, float __B, float __C, float __D, float __E, float __F, float __G, float __H) { return (__m256)(__v8sf){__A, __B, __C, __D, __E, __F, __G, __H}; }
static __inline__ __m256i __KIT_INTRIN _mm256_setr_epi32(int __A, int __B, int __C, int __D, int __E, int __F, int __G, int __H) { return (__m256i)(__v8si){__A, __B, __C, __D, __E, __F, __G, __H}; }
static __inline__ __m256i __KIT_INTRIN _mm256_setr_epi16(short __q15, short __q14, short __q13, short __q12, short __q11, short __q10, short __q09, short __q08, short __q07, short __q06, short __q05, short __q04, short __q03, short __q02, short __q01, short __q00) {
  return (__m256i)(__v16hi){__q15, __q14, __q13, __q12, __q11, __q10, __q09, __q08, __q07, __q06, __q05, __q04, __q03, __q02, __q01, __q00};
}
static __inline__ __m256i __KIT_INTRIN _mm256_setr_epi8(char __q31, char __q30, char __q29, char __q28, char __q27, char __q26, char __q25, char __q24, char __q23, char __q22, char __q21, char __q20, char __q19, char __q18, char __q17, char __q16, char __q15, char __q14, char __q13, char __q12, char __q11, char __q10, char __q09, char __q08, char __q07, char __q06, char __q05, char __q04, char __q03, char __q02, char __q01, char __q00) {
  return (__m256i)(__v32qi){__q31, __q30, __q29, __q28, __q27, __q26, __q25, __q24, __q23, __q22, __q21, __q20, __q19, __q18, __q17, __q16,
                            __q15, __q14, __q13, __q12, __q11, __q10, __q09, __q08, __q07, __q06, __q05, __q04, __q03, __q02, __q01, __q00};
}
static __inline__ __m256i __KIT_INTRIN _mm256_setr_epi64x(long long __A, long long __B, long long __C, long long __D) { return (__m256i)(__v4di){__A, __B, __C, __D}; }

/* casts (the upper half of a widened value is zero here) */
static __inline__ __m256 __KIT_INTRIN _mm256_castpd_ps(__m256d __A) { return (__m256)__A; }
static __inline__ __m256i __KIT_INTRIN _mm256_castpd_si256(__m256d __A) { return (__m256i)__A; }
static __inline__ __m256d __KIT_INTRIN _mm256_castps_pd(__m256 __A) { return (__m256d)__A; }
static __inline__ __m256i __KIT_INTRIN _mm256_castps_si256(__m256 __A) { return (__m256i)__A; }
static __inline__ __m256 __KIT_INTRIN _mm256_castsi256_ps(__m256i __A) { return (__m256)__A; }
static __inline__ __m256d __KIT_INTRIN _mm256_castsi256_pd(__m256i __A) { return (__m256d)__A; }
static __inline__ __m128d __KIT_INTRIN _mm256_castpd256_pd128(__m256d __A) { return (__m128d)(__v2df){__A[0], __A[1]}; }
static __inline__ __m128 __KIT_INTRIN _mm256_castps256_ps128(__m256 __A) { return (__m128)_mm256_castpd256_pd128((__m256d)__A); }
static __inline__ __m128i __KIT_INTRIN _mm256_castsi256_si128(__m256i __A) { return (__m128i)_mm256_castpd256_pd128((__m256d)__A); }
static __inline__ __m256d __KIT_INTRIN _mm256_castpd128_pd256(__m128d __A) {
  __v2di __a = (__v2di)__A;
  return (__m256d)(__v4di){__a[0], __a[1], 0, 0};
}
static __inline__ __m256 __KIT_INTRIN _mm256_castps128_ps256(__m128 __A) { return (__m256)_mm256_castpd128_pd256((__m128d)__A); }
static __inline__ __m256i __KIT_INTRIN _mm256_castsi128_si256(__m128i __A) { return (__m256i)_mm256_castpd128_pd256((__m128d)__A); }
static __inline__ __m256d __KIT_INTRIN _mm256_zextpd128_pd256(__m128d __A) { return _mm256_castpd128_pd256(__A); }
static __inline__ __m256 __KIT_INTRIN _mm256_zextps128_ps256(__m128 __A) { return (__m256)_mm256_castpd128_pd256((__m128d)__A); }
static __inline__ __m256i __KIT_INTRIN _mm256_zextsi128_si256(__m128i __A) { return (__m256i)_mm256_castpd128_pd256((__m128d)__A); }
static __inline__ __m256 __KIT_INTRIN _mm256_set_m128(__m128 __H, __m128 __L) { return _mm256_insertf128_ps(_mm256_castps128_ps256(__L), __H, 1); }
static __inline__ __m256d __KIT_INTRIN _mm256_set_m128d(__m128d __H, __m128d __L) { return _mm256_insertf128_pd(_mm256_castpd128_pd256(__L), __H, 1); }
static __inline__ __m256i __KIT_INTRIN _mm256_set_m128i(__m128i __H, __m128i __L) { return _mm256_insertf128_si256(_mm256_castsi128_si256(__L), __H, 1); }
static __inline__ __m256 __KIT_INTRIN _mm256_setr_m128(__m128 __L, __m128 __H) { return _mm256_set_m128(__H, __L); }
static __inline__ __m256d __KIT_INTRIN _mm256_setr_m128d(__m128d __L, __m128d __H) { return _mm256_set_m128d(__H, __L); }
static __inline__ __m256i __KIT_INTRIN _mm256_setr_m128i(__m128i __L, __m128i __H) { return _mm256_set_m128i(__H, __L); }

#endif
