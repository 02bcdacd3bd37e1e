/* kit: F16C intrinsics. */
#ifndef __KIT_F16CINTRIN_H
#define __KIT_F16CINTRIN_H
#include <kit_x86_vector_types.h>

/* half -> float is exact: done in C (NaNs keep their payload, quieted). */
static __inline__ __attribute__((__unused__)) float __kit_f16c_h2f(unsigned short __h) {
  unsigned int __s = (unsigned int)(__h & 0x8000u) << 16, __e = (__h >> 10) & 0x1fu, __m = __h & 0x3ffu, __u;
  float __f;
  if (__e == 0x1fu) {
    __u = __s | 0x7f800000u | (__m << 13) | (__m ? 0x400000u : 0u);
  } else if (__e != 0) {
    __u = __s | ((__e + 112u) << 23) | (__m << 13);
  } else if (__m == 0) {
    __u = __s;
  } else {
    int __k = 0;
    while (!(__m & 0x400u)) { __m <<= 1; __k++; }
    __u = __s | ((unsigned int)(113 - __k) << 23) | ((__m & 0x3ffu) << 13);
  }
  __builtin_memcpy(&__f, &__u, 4);
  return __f;
}

/* float -> half rounds (imm bits 0-1, or MXCSR when bit 2 is set): the
   instruction does it, one asm per rounding immediate. */
#define __KIT_F16C_PS2PH_X(A, R, imm) \
  __asm__("vmovups %1, %%xmm0\n\tvcvtps2ph $" #imm ", %%xmm0, %%xmm0\n\tvmovups %%xmm0, %0" : "=m"(R) : "m"(A) : "xmm0")
#define __KIT_F16C_PS2PH_Y(A, R, imm) \
  __asm__("vmovups %1, %%ymm0\n\tvcvtps2ph $" #imm ", %%ymm0, %%xmm0\n\tvmovups %%xmm0, %0" : "=m"(R) : "m"(A) : "xmm0")
#define __KIT_F16C_SWITCH(W, A, R, imm) \
  switch ((imm) & 7) { \
  case 0: __KIT_F16C_PS2PH_##W(A, R, 0); break; \
  case 1: __KIT_F16C_PS2PH_##W(A, R, 1); break; \
  case 2: __KIT_F16C_PS2PH_##W(A, R, 2); break; \
  case 3: __KIT_F16C_PS2PH_##W(A, R, 3); break; \
  default: __KIT_F16C_PS2PH_##W(A, R, 4); break; \
  }

static __inline__ float __KIT_INTRIN _cvtsh_ss(unsigned short __S) { return __kit_f16c_h2f(__S); }
static __inline__ __m128 __KIT_INTRIN _mm_cvtph_ps(__m128i __A) {
  __v8hu __a = (__v8hu)__A;
  return (__m128)(__v4sf){__kit_f16c_h2f(__a[0]), __kit_f16c_h2f(__a[1]), __kit_f16c_h2f(__a[2]), __kit_f16c_h2f(__a[3])};
}
static __inline__ __m256 __KIT_INTRIN _mm256_cvtph_ps(__m128i __A) {
  __v8hu __a = (__v8hu)__A;
  __v8sf __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_f16c_h2f(__a[__i]);
  return (__m256)__r;
}
static __inline__ unsigned short __KIT_INTRIN _cvtss_sh(float __F, const int __imm8) {
  __m128 __a = (__m128)(__v4sf){__F, 0.0f, 0.0f, 0.0f};
  __m128i __r;
  __KIT_F16C_SWITCH(X, __a, __r, __imm8)
  return ((__v8hu)__r)[0];
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtps_ph(__m128 __A, const int __imm8) {
  __m128i __r;
  __KIT_F16C_SWITCH(X, __A, __r, __imm8)
  return __r;
}
static __inline__ __m128i __KIT_INTRIN _mm256_cvtps_ph(__m256 __A, const int __imm8) {
  __m128i __r;
  __KIT_F16C_SWITCH(Y, __A, __r, __imm8)
  return __r;
}

#endif
