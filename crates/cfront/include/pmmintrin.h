/* kit: SSE3 intrinsics.

   Plain C; horizontal operations add the even lane to the odd one in that
   order (a[0] + a[1]), which decides which NaN comes out, as haddps does.
   monitor/mwait (from gcc's <mwaitintrin.h>, which <pmmintrin.h> pulls in)
   are inline asm. */
#ifndef __KIT_PMMINTRIN_H
#define __KIT_PMMINTRIN_H
#include <emmintrin.h>

#define _MM_DENORMALS_ZERO_MASK 0x0040
#define _MM_DENORMALS_ZERO_ON   0x0040
#define _MM_DENORMALS_ZERO_OFF  0x0000

#define _MM_SET_DENORMALS_ZERO_MODE(mode) _mm_setcsr((_mm_getcsr() & ~_MM_DENORMALS_ZERO_MASK) | (mode))
#define _MM_GET_DENORMALS_ZERO_MODE() (_mm_getcsr() & _MM_DENORMALS_ZERO_MASK)

static __inline__ __m128 __KIT_INTRIN _mm_addsub_ps(__m128 __X, __m128 __Y) { return (__m128)(__v4sf){__X[0] - __Y[0], __X[1] + __Y[1], __X[2] - __Y[2], __X[3] + __Y[3]}; }
static __inline__ __m128 __KIT_INTRIN _mm_hadd_ps(__m128 __X, __m128 __Y) { return (__m128)(__v4sf){__X[0] + __X[1], __X[2] + __X[3], __Y[0] + __Y[1], __Y[2] + __Y[3]}; }
static __inline__ __m128 __KIT_INTRIN _mm_hsub_ps(__m128 __X, __m128 __Y) { return (__m128)(__v4sf){__X[0] - __X[1], __X[2] - __X[3], __Y[0] - __Y[1], __Y[2] - __Y[3]}; }
static __inline__ __m128 __KIT_INTRIN _mm_movehdup_ps(__m128 __X) { return (__m128)(__v4sf){__X[1], __X[1], __X[3], __X[3]}; }
static __inline__ __m128 __KIT_INTRIN _mm_moveldup_ps(__m128 __X) { return (__m128)(__v4sf){__X[0], __X[0], __X[2], __X[2]}; }
static __inline__ __m128d __KIT_INTRIN _mm_addsub_pd(__m128d __X, __m128d __Y) { return (__m128d)(__v2df){__X[0] - __Y[0], __X[1] + __Y[1]}; }
static __inline__ __m128d __KIT_INTRIN _mm_hadd_pd(__m128d __X, __m128d __Y) { return (__m128d)(__v2df){__X[0] + __X[1], __Y[0] + __Y[1]}; }
static __inline__ __m128d __KIT_INTRIN _mm_hsub_pd(__m128d __X, __m128d __Y) { return (__m128d)(__v2df){__X[0] - __X[1], __Y[0] - __Y[1]}; }
static __inline__ __m128d __KIT_INTRIN _mm_loaddup_pd(double const *__P) { return _mm_load1_pd(__P); }
static __inline__ __m128d __KIT_INTRIN _mm_movedup_pd(__m128d __X) { return (__m128d)(__v2df){__X[0], __X[0]}; }
static __inline__ __m128i __KIT_INTRIN _mm_lddqu_si128(__m128i const *__P) { return _mm_loadu_si128((__m128i_u const *)__P); }

/* monitor: address in rax, extensions in ecx, hints in edx; mwait: hints
   in eax, extensions in ecx. */
static __inline__ void __KIT_INTRIN _mm_monitor(void const *__P, unsigned int __E, unsigned int __H) { __asm__ __volatile__("monitor" : : "a"(__P), "c"(__E), "d"(__H)); }
static __inline__ void __KIT_INTRIN _mm_mwait(unsigned int __E, unsigned int __H) { __asm__ __volatile__("mwait" : : "a"(__H), "c"(__E)); }

#endif
