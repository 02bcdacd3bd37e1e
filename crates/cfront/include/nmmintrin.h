/* kit: SSE4.2 intrinsics (string compares, crc32). */
#ifndef __KIT_NMMINTRIN_H
#define __KIT_NMMINTRIN_H
#include <smmintrin.h>

/* pcmpistr / pcmpestr control bits */
#define _SIDD_UBYTE_OPS 0x00
#define _SIDD_UWORD_OPS 0x01
#define _SIDD_SBYTE_OPS 0x02
#define _SIDD_SWORD_OPS 0x03
#define _SIDD_CMP_EQUAL_ANY 0x00
#define _SIDD_CMP_RANGES 0x04
#define _SIDD_CMP_EQUAL_EACH 0x08
#define _SIDD_CMP_EQUAL_ORDERED 0x0c
#define _SIDD_POSITIVE_POLARITY 0x00
#define _SIDD_NEGATIVE_POLARITY 0x10
#define _SIDD_MASKED_POSITIVE_POLARITY 0x20
#define _SIDD_MASKED_NEGATIVE_POLARITY 0x30
#define _SIDD_LEAST_SIGNIFICANT 0x00
#define _SIDD_MOST_SIGNIFICANT 0x40
#define _SIDD_BIT_MASK 0x00
#define _SIDD_UNIT_MASK 0x40

static __inline__ __m128i __KIT_INTRIN _mm_cmpgt_epi64(__m128i __X, __m128i __Y) { return (__m128i)((__v2di)__X > (__v2di)__Y); }

/* CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), bit by bit. */
static __inline__ __attribute__((__unused__)) unsigned int __kit_s4_crc32c(unsigned int __c, unsigned long long __v, int __bits) {
  for (int __i = 0; __i < __bits; __i++) {
    __c ^= (unsigned int)(__v & 1);
    __v >>= 1;
    __c = (__c >> 1) ^ (0x82F63B78u & (0u - (__c & 1u)));
  }
  return __c;
}
static __inline__ unsigned int __KIT_INTRIN _mm_crc32_u8(unsigned int __C, unsigned char __V) { return __kit_s4_crc32c(__C, __V, 8); }
static __inline__ unsigned int __KIT_INTRIN _mm_crc32_u16(unsigned int __C, unsigned short __V) { return __kit_s4_crc32c(__C, __V, 16); }
static __inline__ unsigned int __KIT_INTRIN _mm_crc32_u32(unsigned int __C, unsigned int __V) { return __kit_s4_crc32c(__C, __V, 32); }
static __inline__ unsigned long long __KIT_INTRIN _mm_crc32_u64(unsigned long long __C, unsigned long long __V) { return __kit_s4_crc32c((unsigned int)__C, __V, 64); }

/* String compares: the control byte must be an immediate, so these are
   macros around the instruction (operands through memory). */
#define __KIT_PCMPISTR_IDX(A, B, imm) __extension__({ \
  __m128i __kit_a = (A), __kit_b = (B); int __kit_r; \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tpcmpistri %3, %%xmm2, %%xmm1\n\tmovl %%ecx, %0" \
          : "=m"(__kit_r) : "m"(__kit_a), "m"(__kit_b), "i"(imm) : "xmm1", "xmm2", "ecx", "cc"); \
  __kit_r; })
#define __KIT_PCMPISTR_FLAG(A, B, imm, set) __extension__({ \
  __m128i __kit_a = (A), __kit_b = (B); unsigned char __kit_r; \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tpcmpistri %3, %%xmm2, %%xmm1\n\t" set " %0" \
          : "=m"(__kit_r) : "m"(__kit_a), "m"(__kit_b), "i"(imm) : "xmm1", "xmm2", "ecx", "cc"); \
  (int)__kit_r; })
#define __KIT_PCMPESTR_IDX(A, LA, B, LB, imm) __extension__({ \
  __m128i __kit_a = (A), __kit_b = (B); int __kit_la = (LA), __kit_lb = (LB), __kit_r; \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tpcmpestri %5, %%xmm2, %%xmm1\n\tmovl %%ecx, %0" \
          : "=m"(__kit_r) : "m"(__kit_a), "m"(__kit_b), "a"(__kit_la), "d"(__kit_lb), "i"(imm) : "xmm1", "xmm2", "ecx", "cc"); \
  __kit_r; })
#define __KIT_PCMPESTR_FLAG(A, LA, B, LB, imm, set) __extension__({ \
  __m128i __kit_a = (A), __kit_b = (B); int __kit_la = (LA), __kit_lb = (LB); unsigned char __kit_r; \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tpcmpestri %5, %%xmm2, %%xmm1\n\t" set " %0" \
          : "=m"(__kit_r) : "m"(__kit_a), "m"(__kit_b), "a"(__kit_la), "d"(__kit_lb), "i"(imm) : "xmm1", "xmm2", "ecx", "cc"); \
  (int)__kit_r; })

/* kit-intrinsic: static __inline__ __m128i __KIT_INTRIN _mm_cmpistrm(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistrm(X, Y, imm) __extension__({ \
  __m128i __kit_a = (X), __kit_b = (Y), __kit_r; \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tpcmpistrm %3, %%xmm2, %%xmm1\n\tmovdqu %%xmm0, %0" \
          : "=m"(__kit_r) : "m"(__kit_a), "m"(__kit_b), "i"(imm) : "xmm0", "xmm1", "xmm2", "cc"); \
  __kit_r; })
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpistri(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistri(X, Y, imm) __KIT_PCMPISTR_IDX(X, Y, imm)
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpistra(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistra(X, Y, imm) __KIT_PCMPISTR_FLAG(X, Y, imm, "seta")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpistrc(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistrc(X, Y, imm) __KIT_PCMPISTR_FLAG(X, Y, imm, "setc")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpistro(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistro(X, Y, imm) __KIT_PCMPISTR_FLAG(X, Y, imm, "seto")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpistrs(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistrs(X, Y, imm) __KIT_PCMPISTR_FLAG(X, Y, imm, "sets")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpistrz(__m128i __X, __m128i __Y, const int __imm8) */
#define _mm_cmpistrz(X, Y, imm) __KIT_PCMPISTR_FLAG(X, Y, imm, "setz")

/* kit-intrinsic: static __inline__ __m128i __KIT_INTRIN _mm_cmpestrm(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestrm(X, LX, Y, LY, imm) __extension__({ \
  __m128i __kit_a = (X), __kit_b = (Y), __kit_r; int __kit_la = (LX), __kit_lb = (LY); \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tpcmpestrm %5, %%xmm2, %%xmm1\n\tmovdqu %%xmm0, %0" \
          : "=m"(__kit_r) : "m"(__kit_a), "m"(__kit_b), "a"(__kit_la), "d"(__kit_lb), "i"(imm) : "xmm0", "xmm1", "xmm2", "cc"); \
  __kit_r; })
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpestri(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestri(X, LX, Y, LY, imm) __KIT_PCMPESTR_IDX(X, LX, Y, LY, imm)
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpestra(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestra(X, LX, Y, LY, imm) __KIT_PCMPESTR_FLAG(X, LX, Y, LY, imm, "seta")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpestrc(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestrc(X, LX, Y, LY, imm) __KIT_PCMPESTR_FLAG(X, LX, Y, LY, imm, "setc")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpestro(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestro(X, LX, Y, LY, imm) __KIT_PCMPESTR_FLAG(X, LX, Y, LY, imm, "seto")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpestrs(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestrs(X, LX, Y, LY, imm) __KIT_PCMPESTR_FLAG(X, LX, Y, LY, imm, "sets")
/* kit-intrinsic: static __inline__ int __KIT_INTRIN _mm_cmpestrz(__m128i __X, int __LX, __m128i __Y, int __LY, const int __imm8) */
#define _mm_cmpestrz(X, LX, Y, LY, imm) __KIT_PCMPESTR_FLAG(X, LX, Y, LY, imm, "setz")

#endif
