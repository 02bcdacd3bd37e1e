/* kit: AES and PCLMUL intrinsics. */
#ifndef __KIT_WMMINTRIN_H
#define __KIT_WMMINTRIN_H
#include <emmintrin.h>

/* AES rounds: the instructions themselves, operands through memory. */
#define __KIT_AES_OP2(insn, X, Y, R) \
  __asm__("movdqu %1, %%xmm0\n\tmovdqu %2, %%xmm1\n\t" insn " %%xmm1, %%xmm0\n\tmovdqu %%xmm0, %0" \
          : "=m"(R) : "m"(X), "m"(Y) : "xmm0", "xmm1")
static __inline__ __m128i __KIT_INTRIN _mm_aesenc_si128(__m128i __X, __m128i __Y) { __m128i __r; __KIT_AES_OP2("aesenc", __X, __Y, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_aesenclast_si128(__m128i __X, __m128i __Y) { __m128i __r; __KIT_AES_OP2("aesenclast", __X, __Y, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_aesdec_si128(__m128i __X, __m128i __Y) { __m128i __r; __KIT_AES_OP2("aesdec", __X, __Y, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_aesdeclast_si128(__m128i __X, __m128i __Y) { __m128i __r; __KIT_AES_OP2("aesdeclast", __X, __Y, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_aesimc_si128(__m128i __X) {
  __m128i __r;
  __asm__("movdqu %1, %%xmm0\n\taesimc %%xmm0, %%xmm0\n\tmovdqu %%xmm0, %0" : "=m"(__r) : "m"(__X) : "xmm0");
  return __r;
}
/* aeskeygenassist: SubBytes comes from aesenclast with a zero round key
   (ShiftRows undone in C), the rest is done in C so the round constant can
   be a run-time value. */
static __inline__ __m128i __KIT_INTRIN _mm_aeskeygenassist_si128(__m128i __X, const int __imm8) {
  __m128i __z = (__m128i)(__v2di){0, 0}, __o;
  __v16qu __sr, __sb;
  __v4su __w, __r;
  unsigned int __rc = (unsigned int)__imm8 & 0xffu;
  __KIT_AES_OP2("aesenclast", __X, __z, __o);
  __sr = (__v16qu)__o;
  for (int __row = 0; __row < 4; __row++)
    for (int __col = 0; __col < 4; __col++)
      __sb[__row + 4 * __col] = __sr[__row + 4 * ((__col - __row) & 3)];
  __w = (__v4su)__sb;
  __r[0] = __w[1];
  __r[1] = ((__w[1] >> 8) | (__w[1] << 24)) ^ __rc;
  __r[2] = __w[3];
  __r[3] = ((__w[3] >> 8) | (__w[3] << 24)) ^ __rc;
  return (__m128i)__r;
}

/* carry-less multiply of one quadword of each operand */
static __inline__ __m128i __KIT_INTRIN _mm_clmulepi64_si128(__m128i __X, __m128i __Y, const int __imm8) {
  unsigned long long __a = ((__v2du)__X)[__imm8 & 1], __b = ((__v2du)__Y)[(__imm8 >> 4) & 1];
  unsigned long long __lo = 0, __hi = 0;
  for (int __i = 0; __i < 64; __i++) {
    if ((__b >> __i) & 1) {
      __lo ^= __a << __i;
      if (__i) __hi ^= __a >> (64 - __i);
    }
  }
  return (__m128i)(__v2du){__lo, __hi};
}

#endif
