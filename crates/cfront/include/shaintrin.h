/* kit: SHA intrinsics. */
#ifndef __KIT_SHAINTRIN_H
#define __KIT_SHAINTRIN_H
#include <kit_x86_vector_types.h>

/* The instructions themselves, operands through memory: __A in xmm1 (also
   the result), __B in xmm2. */
#define __KIT_SHA_OP2(insn, A, B, R) \
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\t" insn " %%xmm2, %%xmm1\n\tmovdqu %%xmm1, %0" \
          : "=m"(R) : "m"(A), "m"(B) : "xmm1", "xmm2")
static __inline__ __m128i __KIT_INTRIN _mm_sha1msg1_epu32(__m128i __A, __m128i __B) { __m128i __r; __KIT_SHA_OP2("sha1msg1", __A, __B, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_sha1msg2_epu32(__m128i __A, __m128i __B) { __m128i __r; __KIT_SHA_OP2("sha1msg2", __A, __B, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_sha1nexte_epu32(__m128i __A, __m128i __B) { __m128i __r; __KIT_SHA_OP2("sha1nexte", __A, __B, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_sha256msg1_epu32(__m128i __A, __m128i __B) { __m128i __r; __KIT_SHA_OP2("sha256msg1", __A, __B, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_sha256msg2_epu32(__m128i __A, __m128i __B) { __m128i __r; __KIT_SHA_OP2("sha256msg2", __A, __B, __r); return __r; }
static __inline__ __m128i __KIT_INTRIN _mm_sha1rnds4_epu32(__m128i __A, __m128i __B, const int __imm2) {
  __m128i __r;
  switch (__imm2 & 3) {
  case 0: __KIT_SHA_OP2("sha1rnds4 $0,", __A, __B, __r); break;
  case 1: __KIT_SHA_OP2("sha1rnds4 $1,", __A, __B, __r); break;
  case 2: __KIT_SHA_OP2("sha1rnds4 $2,", __A, __B, __r); break;
  default: __KIT_SHA_OP2("sha1rnds4 $3,", __A, __B, __r); break;
  }
  return __r;
}
/* sha256rnds2 takes its third operand in xmm0 (implicit) */
static __inline__ __m128i __KIT_INTRIN _mm_sha256rnds2_epu32(__m128i __A, __m128i __B, __m128i __C) {
  __m128i __r;
  __asm__("movdqu %1, %%xmm1\n\tmovdqu %2, %%xmm2\n\tmovdqu %3, %%xmm0\n\tsha256rnds2 %%xmm2, %%xmm1\n\tmovdqu %%xmm1, %0"
          : "=m"(__r) : "m"(__A), "m"(__B), "m"(__C) : "xmm0", "xmm1", "xmm2");
  return __r;
}

#endif
