/* kit: FMA intrinsics. */
#ifndef __KIT_FMAINTRIN_H
#define __KIT_FMAINTRIN_H
#include <kit_x86_vector_types.h>

/* A fused multiply-add rounds once and the hardware picks which NaN comes
   back, so these run the instructions themselves, operands through memory:
   __A in xmm0/ymm0, __B in 1, __C in 2. Packed forms use the 213 encoding
   (NaN priority __B, __A, __C), scalar forms the 132 encoding (__A, __B,
   __C), matching the code gcc emits. fmsubadd is fmaddsub with __C's sign
   bits flipped, as gcc computes it (a NaN taken from __C comes back with its
   sign flipped). */
#define __KIT_FMA_X(insn, A, B, C, R) \
  __asm__("vmovups %1, %%xmm0\n\tvmovups %2, %%xmm1\n\tvmovups %3, %%xmm2\n\t" insn " %%xmm2, %%xmm1, %%xmm0\n\tvmovups %%xmm0, %0" \
          : "=m"(R) : "m"(A), "m"(B), "m"(C) : "xmm0", "xmm1", "xmm2")
/* scalar forms: the 132 encoding (xmm0 * xmm1 + xmm2), whose NaN priority
   (__A, then __B, then __C) is what gcc's code gives */
#define __KIT_FMA_S(insn, A, B, C, R) \
  __asm__("vmovups %1, %%xmm0\n\tvmovups %2, %%xmm1\n\tvmovups %3, %%xmm2\n\t" insn " %%xmm1, %%xmm2, %%xmm0\n\tvmovups %%xmm0, %0" \
          : "=m"(R) : "m"(A), "m"(B), "m"(C) : "xmm0", "xmm1", "xmm2")
#define __KIT_FMA_Y(insn, A, B, C, R) \
  __asm__("vmovups %1, %%ymm0\n\tvmovups %2, %%ymm1\n\tvmovups %3, %%ymm2\n\t" insn " %%ymm2, %%ymm1, %%ymm0\n\tvmovups %%ymm0, %0" \
          : "=m"(R) : "m"(A), "m"(B), "m"(C) : "xmm0", "xmm1", "xmm2")

static __inline__ __m128 __KIT_INTRIN _mm_fmadd_ps(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_X("vfmadd213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fmadd_pd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_X("vfmadd213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fmadd_ss(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_S("vfmadd132ss", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fmadd_sd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_S("vfmadd132sd", __A, __B, __C, __r); return __r; }
static __inline__ __m256 __KIT_INTRIN _mm256_fmadd_ps(__m256 __A, __m256 __B, __m256 __C) { __m256 __r; __KIT_FMA_Y("vfmadd213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m256d __KIT_INTRIN _mm256_fmadd_pd(__m256d __A, __m256d __B, __m256d __C) { __m256d __r; __KIT_FMA_Y("vfmadd213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fmsub_ps(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_X("vfmsub213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fmsub_pd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_X("vfmsub213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fmsub_ss(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_S("vfmsub132ss", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fmsub_sd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_S("vfmsub132sd", __A, __B, __C, __r); return __r; }
static __inline__ __m256 __KIT_INTRIN _mm256_fmsub_ps(__m256 __A, __m256 __B, __m256 __C) { __m256 __r; __KIT_FMA_Y("vfmsub213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m256d __KIT_INTRIN _mm256_fmsub_pd(__m256d __A, __m256d __B, __m256d __C) { __m256d __r; __KIT_FMA_Y("vfmsub213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fnmadd_ps(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_X("vfnmadd213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fnmadd_pd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_X("vfnmadd213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fnmadd_ss(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_S("vfnmadd132ss", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fnmadd_sd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_S("vfnmadd132sd", __A, __B, __C, __r); return __r; }
static __inline__ __m256 __KIT_INTRIN _mm256_fnmadd_ps(__m256 __A, __m256 __B, __m256 __C) { __m256 __r; __KIT_FMA_Y("vfnmadd213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m256d __KIT_INTRIN _mm256_fnmadd_pd(__m256d __A, __m256d __B, __m256d __C) { __m256d __r; __KIT_FMA_Y("vfnmadd213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fnmsub_ps(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_X("vfnmsub213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fnmsub_pd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_X("vfnmsub213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fnmsub_ss(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_S("vfnmsub132ss", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fnmsub_sd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_S("vfnmsub132sd", __A, __B, __C, __r); return __r; }
static __inline__ __m256 __KIT_INTRIN _mm256_fnmsub_ps(__m256 __A, __m256 __B, __m256 __C) { __m256 __r; __KIT_FMA_Y("vfnmsub213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m256d __KIT_INTRIN _mm256_fnmsub_pd(__m256d __A, __m256d __B, __m256d __C) { __m256d __r; __KIT_FMA_Y("vfnmsub213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fmaddsub_ps(__m128 __A, __m128 __B, __m128 __C) { __m128 __r; __KIT_FMA_X("vfmaddsub213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fmaddsub_pd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r; __KIT_FMA_X("vfmaddsub213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m256 __KIT_INTRIN _mm256_fmaddsub_ps(__m256 __A, __m256 __B, __m256 __C) { __m256 __r; __KIT_FMA_Y("vfmaddsub213ps", __A, __B, __C, __r); return __r; }
static __inline__ __m256d __KIT_INTRIN _mm256_fmaddsub_pd(__m256d __A, __m256d __B, __m256d __C) { __m256d __r; __KIT_FMA_Y("vfmaddsub213pd", __A, __B, __C, __r); return __r; }
static __inline__ __m128 __KIT_INTRIN _mm_fmsubadd_ps(__m128 __A, __m128 __B, __m128 __C) { __m128 __r, __n = (__m128)(((__v4su)__C) ^ 0x80000000u); __KIT_FMA_X("vfmaddsub213ps", __A, __B, __n, __r); return __r; }
static __inline__ __m128d __KIT_INTRIN _mm_fmsubadd_pd(__m128d __A, __m128d __B, __m128d __C) { __m128d __r, __n = (__m128d)(((__v2du)__C) ^ 0x8000000000000000ull); __KIT_FMA_X("vfmaddsub213pd", __A, __B, __n, __r); return __r; }
static __inline__ __m256 __KIT_INTRIN _mm256_fmsubadd_ps(__m256 __A, __m256 __B, __m256 __C) { __m256 __r, __n = (__m256)(((__v8su)__C) ^ 0x80000000u); __KIT_FMA_Y("vfmaddsub213ps", __A, __B, __n, __r); return __r; }
static __inline__ __m256d __KIT_INTRIN _mm256_fmsubadd_pd(__m256d __A, __m256d __B, __m256d __C) { __m256d __r, __n = (__m256d)(((__v4du)__C) ^ 0x8000000000000000ull); __KIT_FMA_Y("vfmaddsub213pd", __A, __B, __n, __r); return __r; }

#endif
