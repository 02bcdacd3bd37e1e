/* kit: SSE4.1 intrinsics. */
#ifndef __KIT_SMMINTRIN_H
#define __KIT_SMMINTRIN_H
#include <tmmintrin.h>

#include <kit_x86_round.h>

#define _MM_FROUND_TO_NEAREST_INT 0x00
#define _MM_FROUND_TO_NEG_INF 0x01
#define _MM_FROUND_TO_POS_INF 0x02
#define _MM_FROUND_TO_ZERO 0x03
#define _MM_FROUND_CUR_DIRECTION 0x04
#define _MM_FROUND_RAISE_EXC 0x00
#define _MM_FROUND_NO_EXC 0x08
#define _MM_FROUND_NINT (_MM_FROUND_TO_NEAREST_INT | _MM_FROUND_RAISE_EXC)
#define _MM_FROUND_FLOOR (_MM_FROUND_TO_NEG_INF | _MM_FROUND_RAISE_EXC)
#define _MM_FROUND_CEIL (_MM_FROUND_TO_POS_INF | _MM_FROUND_RAISE_EXC)
#define _MM_FROUND_TRUNC (_MM_FROUND_TO_ZERO | _MM_FROUND_RAISE_EXC)
#define _MM_FROUND_RINT (_MM_FROUND_CUR_DIRECTION | _MM_FROUND_RAISE_EXC)
#define _MM_FROUND_NEARBYINT (_MM_FROUND_CUR_DIRECTION | _MM_FROUND_NO_EXC)

/* ptest */
static __inline__ int __KIT_INTRIN _mm_testz_si128(__m128i __M, __m128i __V) {
  __v2du __t = (__v2du)__M & (__v2du)__V;
  return (__t[0] | __t[1]) == 0;
}
static __inline__ int __KIT_INTRIN _mm_testc_si128(__m128i __M, __m128i __V) {
  __v2du __t = ~(__v2du)__M & (__v2du)__V;
  return (__t[0] | __t[1]) == 0;
}
static __inline__ int __KIT_INTRIN _mm_testnzc_si128(__m128i __M, __m128i __V) {
  return !_mm_testz_si128(__M, __V) && !_mm_testc_si128(__M, __V);
}
#define _mm_test_all_zeros(M, V) _mm_testz_si128((M), (V))
#define _mm_test_all_ones(V) _mm_testc_si128((V), (__m128i)(__v4si){-1, -1, -1, -1})
#define _mm_test_mix_ones_zeros(M, V) _mm_testnzc_si128((M), (V))

/* rounding */
static __inline__ __m128d __KIT_INTRIN _mm_round_pd(__m128d __V, const int __imm4) {
  __v2df __r;
  __r[0] = __kit_s4_round(__V[0], __imm4);
  __r[1] = __kit_s4_round(__V[1], __imm4);
  return (__m128d)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_round_sd(__m128d __D, __m128d __V, const int __imm4) {
  __v2df __r = (__v2df)__D;
  __r[0] = __kit_s4_round(__V[0], __imm4);
  return (__m128d)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_round_ps(__m128 __V, const int __imm4) {
  __v4sf __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_s4_roundf(__V[__i], __imm4);
  return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_round_ss(__m128 __D, __m128 __V, const int __imm4) {
  __v4sf __r = (__v4sf)__D;
  __r[0] = __kit_s4_roundf(__V[0], __imm4);
  return (__m128)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_ceil_pd(__m128d __V) { return _mm_round_pd(__V, _MM_FROUND_CEIL); }
static __inline__ __m128d __KIT_INTRIN _mm_ceil_sd(__m128d __D, __m128d __V) { return _mm_round_sd(__D, __V, _MM_FROUND_CEIL); }
static __inline__ __m128d __KIT_INTRIN _mm_floor_pd(__m128d __V) { return _mm_round_pd(__V, _MM_FROUND_FLOOR); }
static __inline__ __m128d __KIT_INTRIN _mm_floor_sd(__m128d __D, __m128d __V) { return _mm_round_sd(__D, __V, _MM_FROUND_FLOOR); }
static __inline__ __m128 __KIT_INTRIN _mm_ceil_ps(__m128 __V) { return _mm_round_ps(__V, _MM_FROUND_CEIL); }
static __inline__ __m128 __KIT_INTRIN _mm_ceil_ss(__m128 __D, __m128 __V) { return _mm_round_ss(__D, __V, _MM_FROUND_CEIL); }
static __inline__ __m128 __KIT_INTRIN _mm_floor_ps(__m128 __V) { return _mm_round_ps(__V, _MM_FROUND_FLOOR); }
static __inline__ __m128 __KIT_INTRIN _mm_floor_ss(__m128 __D, __m128 __V) { return _mm_round_ss(__D, __V, _MM_FROUND_FLOOR); }

/* blends */
static __inline__ __m128i __KIT_INTRIN _mm_blend_epi16(__m128i __X, __m128i __Y, const int __imm8) {
  __v8hi __r = (__v8hi)__X, __y = (__v8hi)__Y;
  for (int __i = 0; __i < 8; __i++) if ((__imm8 >> __i) & 1) __r[__i] = __y[__i];
  return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_blendv_epi8(__m128i __X, __m128i __Y, __m128i __M) {
  __v16qs __m = (__v16qs)__M < 0;
  return (__m128i)(((__v16qs)__X & ~__m) | ((__v16qs)__Y & __m));
}
static __inline__ __m128 __KIT_INTRIN _mm_blend_ps(__m128 __X, __m128 __Y, const int __imm4) {
  __v4sf __r = (__v4sf)__X, __y = (__v4sf)__Y;
  for (int __i = 0; __i < 4; __i++) if ((__imm4 >> __i) & 1) __r[__i] = __y[__i];
  return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_blendv_ps(__m128 __X, __m128 __Y, __m128 __M) {
  __v4si __m = (__v4si)__M < 0;
  return (__m128)(((__v4si)__X & ~__m) | ((__v4si)__Y & __m));
}
static __inline__ __m128d __KIT_INTRIN _mm_blend_pd(__m128d __X, __m128d __Y, const int __imm2) {
  __v2df __r = (__v2df)__X, __y = (__v2df)__Y;
  for (int __i = 0; __i < 2; __i++) if ((__imm2 >> __i) & 1) __r[__i] = __y[__i];
  return (__m128d)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_blendv_pd(__m128d __X, __m128d __Y, __m128d __M) {
  __v2di __m = (__v2di)__M < 0;
  return (__m128d)(((__v2di)__X & ~__m) | ((__v2di)__Y & __m));
}

/* dot products: products of the selected lanes (others +0.0), summed in the
   hardware's order ((p0 + p1) + (p2 + p3)), stored to the selected lanes. */
static __inline__ __m128 __KIT_INTRIN _mm_dp_ps(__m128 __X, __m128 __Y, const int __imm8) {
  __v4sf __p, __r;
  float __s;
  for (int __i = 0; __i < 4; __i++) __p[__i] = ((__imm8 >> (4 + __i)) & 1) ? __X[__i] * __Y[__i] : 0.0f;
  __s = (__p[0] + __p[1]) + (__p[2] + __p[3]);
  for (int __i = 0; __i < 4; __i++) __r[__i] = ((__imm8 >> __i) & 1) ? __s : 0.0f;
  return (__m128)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_dp_pd(__m128d __X, __m128d __Y, const int __imm8) {
  double __p0 = (__imm8 & 0x10) ? __X[0] * __Y[0] : 0.0;
  double __p1 = (__imm8 & 0x20) ? __X[1] * __Y[1] : 0.0;
  double __s = __p0 + __p1;
  return (__m128d)(__v2df){(__imm8 & 1) ? __s : 0.0, (__imm8 & 2) ? __s : 0.0};
}

/* integer compares, min/max, multiplies */
static __inline__ __m128i __KIT_INTRIN _mm_cmpeq_epi64(__m128i __X, __m128i __Y) { return (__m128i)((__v2di)__X == (__v2di)__Y); }
static __inline__ __m128i __KIT_INTRIN _mm_min_epi8(__m128i __X, __m128i __Y) {
  __v16qs __x = (__v16qs)__X, __y = (__v16qs)__Y, __m = __x < __y;
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_max_epi8(__m128i __X, __m128i __Y) {
  __v16qs __x = (__v16qs)__X, __y = (__v16qs)__Y, __m = __x > __y;
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_min_epu16(__m128i __X, __m128i __Y) {
  __v8hu __x = (__v8hu)__X, __y = (__v8hu)__Y, __m = (__v8hu)(__x < __y);
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_max_epu16(__m128i __X, __m128i __Y) {
  __v8hu __x = (__v8hu)__X, __y = (__v8hu)__Y, __m = (__v8hu)(__x > __y);
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_min_epi32(__m128i __X, __m128i __Y) {
  __v4si __x = (__v4si)__X, __y = (__v4si)__Y, __m = __x < __y;
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_max_epi32(__m128i __X, __m128i __Y) {
  __v4si __x = (__v4si)__X, __y = (__v4si)__Y, __m = __x > __y;
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_min_epu32(__m128i __X, __m128i __Y) {
  __v4su __x = (__v4su)__X, __y = (__v4su)__Y, __m = (__v4su)(__x < __y);
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_max_epu32(__m128i __X, __m128i __Y) {
  __v4su __x = (__v4su)__X, __y = (__v4su)__Y, __m = (__v4su)(__x > __y);
  return (__m128i)((__x & __m) | (__y & ~__m));
}
static __inline__ __m128i __KIT_INTRIN _mm_mullo_epi32(__m128i __X, __m128i __Y) { return (__m128i)((__v4su)__X * (__v4su)__Y); }
static __inline__ __m128i __KIT_INTRIN _mm_mul_epi32(__m128i __X, __m128i __Y) {
  __v4si __x = (__v4si)__X, __y = (__v4si)__Y;
  return (__m128i)(__v2di){(long long)__x[0] * __y[0], (long long)__x[2] * __y[2]};
}

/* insert / extract */
static __inline__ __m128 __KIT_INTRIN _mm_insert_ps(__m128 __D, __m128 __S, const int __imm8) {
  __v4sf __r = (__v4sf)__D;
  __v4si __z;
  __r[(__imm8 >> 4) & 3] = __S[(__imm8 >> 6) & 3];
  __z = (__v4si){-(__imm8 & 1), -((__imm8 >> 1) & 1), -((__imm8 >> 2) & 1), -((__imm8 >> 3) & 1)};
  return (__m128)((__v4si)__r & ~__z);
}
#define _MM_MK_INSERTPS_NDX(S, D, M) (((S) << 6) | ((D) << 4) | (M))
#define _MM_EXTRACT_FLOAT(D, S, N) { (D) = ((__v4sf)(S))[(N) & 3]; }
#define _MM_PICK_OUT_PS(X, N) _mm_insert_ps((__m128)(__v4sf){0.0f, 0.0f, 0.0f, 0.0f}, (X), _MM_MK_INSERTPS_NDX((N), 0, 0x0e))
static __inline__ int __KIT_INTRIN _mm_extract_ps(__m128 __X, const int __imm2) { return ((__v4si)__X)[__imm2 & 3]; }
static __inline__ __m128i __KIT_INTRIN _mm_insert_epi8(__m128i __D, int __S, const int __imm4) {
  __v16qi __r = (__v16qi)__D;
  __r[__imm4 & 15] = (char)__S;
  return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_insert_epi32(__m128i __D, int __S, const int __imm2) {
  __v4si __r = (__v4si)__D;
  __r[__imm2 & 3] = __S;
  return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_insert_epi64(__m128i __D, long long __S, const int __imm1) {
  __v2di __r = (__v2di)__D;
  __r[__imm1 & 1] = __S;
  return (__m128i)__r;
}
static __inline__ int __KIT_INTRIN _mm_extract_epi8(__m128i __X, const int __imm4) { return ((__v16qu)__X)[__imm4 & 15]; }
static __inline__ int __KIT_INTRIN _mm_extract_epi32(__m128i __X, const int __imm2) { return ((__v4si)__X)[__imm2 & 3]; }
static __inline__ long long __KIT_INTRIN _mm_extract_epi64(__m128i __X, const int __imm1) { return ((__v2di)__X)[__imm1 & 1]; }

/* minpos, mpsadbw */
static __inline__ __m128i __KIT_INTRIN _mm_minpos_epu16(__m128i __X) {
  __v8hu __x = (__v8hu)__X, __r = {0, 0, 0, 0, 0, 0, 0, 0};
  int __k = 0;
  for (int __i = 1; __i < 8; __i++) if (__x[__i] < __x[__k]) __k = __i;
  __r[0] = __x[__k];
  __r[1] = (unsigned short)__k;
  return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_mpsadbw_epu8(__m128i __X, __m128i __Y, const int __imm3) {
  __v16qu __x = (__v16qu)__X, __y = (__v16qu)__Y;
  __v8hu __r;
  int __a = ((__imm3 >> 2) & 1) * 4, __b = (__imm3 & 3) * 4;
  for (int __i = 0; __i < 8; __i++) {
    int __s = 0;
    for (int __j = 0; __j < 4; __j++) {
      int __d = (int)__x[__a + __i + __j] - (int)__y[__b + __j];
      __s += __d < 0 ? -__d : __d;
    }
    __r[__i] = (unsigned short)__s;
  }
  return (__m128i)__r;
}

/* sign / zero extensions */
static __inline__ __m128i __KIT_INTRIN _mm_cvtepi8_epi32(__m128i __X) {
  __v16qs __x = (__v16qs)__X;
  return (__m128i)(__v4si){__x[0], __x[1], __x[2], __x[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepi16_epi32(__m128i __X) {
  __v8hi __x = (__v8hi)__X;
  return (__m128i)(__v4si){__x[0], __x[1], __x[2], __x[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepi8_epi64(__m128i __X) {
  __v16qs __x = (__v16qs)__X;
  return (__m128i)(__v2di){__x[0], __x[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepi32_epi64(__m128i __X) {
  __v4si __x = (__v4si)__X;
  return (__m128i)(__v2di){__x[0], __x[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepi16_epi64(__m128i __X) {
  __v8hi __x = (__v8hi)__X;
  return (__m128i)(__v2di){__x[0], __x[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepi8_epi16(__m128i __X) {
  __v16qs __x = (__v16qs)__X;
  return (__m128i)(__v8hi){__x[0], __x[1], __x[2], __x[3], __x[4], __x[5], __x[6], __x[7]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepu8_epi32(__m128i __X) {
  __v16qu __x = (__v16qu)__X;
  return (__m128i)(__v4si){__x[0], __x[1], __x[2], __x[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepu16_epi32(__m128i __X) {
  __v8hu __x = (__v8hu)__X;
  return (__m128i)(__v4si){__x[0], __x[1], __x[2], __x[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepu8_epi64(__m128i __X) {
  __v16qu __x = (__v16qu)__X;
  return (__m128i)(__v2di){__x[0], __x[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepu32_epi64(__m128i __X) {
  __v4su __x = (__v4su)__X;
  return (__m128i)(__v2di){(long long)__x[0], (long long)__x[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepu16_epi64(__m128i __X) {
  __v8hu __x = (__v8hu)__X;
  return (__m128i)(__v2di){__x[0], __x[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtepu8_epi16(__m128i __X) {
  __v16qu __x = (__v16qu)__X;
  return (__m128i)(__v8hi){__x[0], __x[1], __x[2], __x[3], __x[4], __x[5], __x[6], __x[7]};
}

static __inline__ __m128i __KIT_INTRIN _mm_packus_epi32(__m128i __X, __m128i __Y) {
  __v4si __x = (__v4si)__X, __y = (__v4si)__Y;
  __v8hu __r;
  for (int __i = 0; __i < 4; __i++) {
    int __a = __x[__i], __b = __y[__i];
    __r[__i] = (unsigned short)(__a < 0 ? 0 : __a > 65535 ? 65535 : __a);
    __r[__i + 4] = (unsigned short)(__b < 0 ? 0 : __b > 65535 ? 65535 : __b);
  }
  return (__m128i)__r;
}

static __inline__ __m128i __KIT_INTRIN _mm_stream_load_si128(__m128i *__X) {
  __m128i __r;
  __builtin_memcpy(&__r, __X, 16);
  return __r;
}

/* gcc's <smmintrin.h> also provides the SSE4.2 intrinsics. */
#include <nmmintrin.h>

#endif
