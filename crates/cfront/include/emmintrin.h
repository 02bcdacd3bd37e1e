/* kit: SSE2 intrinsics (__m128i, __m128d).

   Plain C over GCC vector types; inline asm only for the fences and
   clflush.  Semantics as in <xmmintrin.h>: first-operand NaNs, minpd/maxpd
   picking the second operand on NaN or equal zeros, integer indefinite on
   out-of-range conversions, MXCSR rounding for cvt, truncation for cvtt. */
#ifndef __KIT_EMMINTRIN_H
#define __KIT_EMMINTRIN_H
#include <xmmintrin.h>

#define _MM_SHUFFLE2(fp1, fp0) (((fp1) << 1) | (fp0))

/* ---- helpers (not intrinsics) ---- */
static __inline__ __m128d __KIT_INTRIN __kit_setsd(__m128d __A, double __d) {
    __v2df __r = (__v2df)__A;
    __r[0] = __d;
    return (__m128d)__r;
}
static __inline__ __m128d __KIT_INTRIN __kit_masksd(__m128d __A, int __c) {
    __v2di __r = (__v2di)__A;
    __r[0] = __c ? -1LL : 0LL;
    return (__m128d)__r;
}

/* ---- double sets, loads and stores ---- */
static __inline__ __m128d __KIT_INTRIN _mm_set_sd(double __F) { return (__m128d)(__v2df){__F, 0.0}; }
static __inline__ __m128d __KIT_INTRIN _mm_set1_pd(double __F) { return (__m128d)(__v2df){__F, __F}; }
static __inline__ __m128d __KIT_INTRIN _mm_set_pd1(double __F) { return _mm_set1_pd(__F); }
static __inline__ __m128d __KIT_INTRIN _mm_set_pd(double __W, double __X) { return (__m128d)(__v2df){__X, __W}; }
static __inline__ __m128d __KIT_INTRIN _mm_setr_pd(double __W, double __X) { return (__m128d)(__v2df){__W, __X}; }
static __inline__ __m128d __KIT_INTRIN _mm_undefined_pd(void) { return (__m128d)(__v2df){0.0, 0.0}; }
static __inline__ __m128d __KIT_INTRIN _mm_setzero_pd(void) { return (__m128d)(__v2df){0.0, 0.0}; }
static __inline__ __m128d __KIT_INTRIN _mm_move_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_load_pd(double const *__P) {
    __m128d __r;
    __builtin_memcpy(&__r, (void *)__P, 16);
    return __r;
}
static __inline__ __m128d __KIT_INTRIN _mm_loadu_pd(double const *__P) {
    __m128d __r;
    __builtin_memcpy(&__r, (void *)__P, 16);
    return __r;
}
static __inline__ __m128d __KIT_INTRIN _mm_load1_pd(double const *__P) {
    double __d;
    __builtin_memcpy(&__d, (void *)__P, 8);
    return _mm_set1_pd(__d);
}
static __inline__ __m128d __KIT_INTRIN _mm_load_sd(double const *__P) {
    double __d;
    __builtin_memcpy(&__d, (void *)__P, 8);
    return _mm_set_sd(__d);
}
static __inline__ __m128d __KIT_INTRIN _mm_load_pd1(double const *__P) { return _mm_load1_pd(__P); }
static __inline__ __m128d __KIT_INTRIN _mm_loadr_pd(double const *__P) {
    __m128d __a = _mm_loadu_pd(__P);
    return (__m128d)(__v2df){__a[1], __a[0]};
}
static __inline__ void __KIT_INTRIN _mm_store_pd(double *__P, __m128d __A) { __builtin_memcpy(__P, &__A, 16); }
static __inline__ void __KIT_INTRIN _mm_storeu_pd(double *__P, __m128d __A) { __builtin_memcpy(__P, &__A, 16); }
static __inline__ void __KIT_INTRIN _mm_store_sd(double *__P, __m128d __A) { __builtin_memcpy(__P, &__A, 8); }
static __inline__ double __KIT_INTRIN _mm_cvtsd_f64(__m128d __A) { return __A[0]; }
static __inline__ void __KIT_INTRIN _mm_storel_pd(double *__P, __m128d __A) { __builtin_memcpy(__P, &__A, 8); }
static __inline__ void __KIT_INTRIN _mm_storeh_pd(double *__P, __m128d __A) { __builtin_memcpy(__P, (char *)&__A + 8, 8); }
static __inline__ void __KIT_INTRIN _mm_store1_pd(double *__P, __m128d __A) {
    __m128d __r = (__m128d)(__v2df){__A[0], __A[0]};
    __builtin_memcpy(__P, &__r, 16);
}
static __inline__ void __KIT_INTRIN _mm_store_pd1(double *__P, __m128d __A) { _mm_store1_pd(__P, __A); }
static __inline__ void __KIT_INTRIN _mm_storer_pd(double *__P, __m128d __A) {
    __m128d __r = (__m128d)(__v2df){__A[1], __A[0]};
    __builtin_memcpy(__P, &__r, 16);
}
static __inline__ int __KIT_INTRIN _mm_cvtsi128_si32(__m128i __A) { return ((__v4si)__A)[0]; }
static __inline__ long long __KIT_INTRIN _mm_cvtsi128_si64(__m128i __A) { return ((__v2di)__A)[0]; }
static __inline__ long long __KIT_INTRIN _mm_cvtsi128_si64x(__m128i __A) { return ((__v2di)__A)[0]; }

/* ---- double arithmetic ---- */
static __inline__ __m128d __KIT_INTRIN _mm_add_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A + (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_add_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __A[0] + __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_sub_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A - (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_sub_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __A[0] - __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_mul_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A * (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_mul_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __A[0] * __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_div_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A / (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_div_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __A[0] / __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_sqrt_pd(__m128d __A) { return (__m128d)(__v2df){__builtin_sqrt(__A[0]), __builtin_sqrt(__A[1])}; }
/* sqrtsd: lane 0 is sqrt(B[0]), lane 1 comes from A. */
static __inline__ __m128d __KIT_INTRIN _mm_sqrt_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __builtin_sqrt(__B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_min_pd(__m128d __A, __m128d __B) { return (__m128d)(__v2df){__kit_daz(__A[0] < __B[0] ? __A[0] : __B[0]), __kit_daz(__A[1] < __B[1] ? __A[1] : __B[1])}; }
static __inline__ __m128d __KIT_INTRIN _mm_min_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __kit_daz(__A[0] < __B[0] ? __A[0] : __B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_max_pd(__m128d __A, __m128d __B) { return (__m128d)(__v2df){__kit_daz(__A[0] > __B[0] ? __A[0] : __B[0]), __kit_daz(__A[1] > __B[1] ? __A[1] : __B[1])}; }
static __inline__ __m128d __KIT_INTRIN _mm_max_sd(__m128d __A, __m128d __B) { return __kit_setsd(__A, __kit_daz(__A[0] > __B[0] ? __A[0] : __B[0])); }

/* ---- double logic ---- */
static __inline__ __m128d __KIT_INTRIN _mm_and_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2di)__A & (__v2di)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_andnot_pd(__m128d __A, __m128d __B) { return (__m128d)(~(__v2di)__A & (__v2di)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_or_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2di)__A | (__v2di)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_xor_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2di)__A ^ (__v2di)__B); }

/* ---- double compares ---- */
static __inline__ __m128d __KIT_INTRIN _mm_cmpeq_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A == (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cmplt_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A < (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cmple_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A <= (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpgt_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A > (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpge_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A >= (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpneq_pd(__m128d __A, __m128d __B) { return (__m128d)((__v2df)__A != (__v2df)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpnlt_pd(__m128d __A, __m128d __B) { return (__m128d)(~((__v2df)__A < (__v2df)__B)); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpnle_pd(__m128d __A, __m128d __B) { return (__m128d)(~((__v2df)__A <= (__v2df)__B)); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpngt_pd(__m128d __A, __m128d __B) { return (__m128d)(~((__v2df)__A > (__v2df)__B)); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpnge_pd(__m128d __A, __m128d __B) { return (__m128d)(~((__v2df)__A >= (__v2df)__B)); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpord_pd(__m128d __A, __m128d __B) { return (__m128d)(((__v2df)__A == (__v2df)__A) & ((__v2df)__B == (__v2df)__B)); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpunord_pd(__m128d __A, __m128d __B) { return (__m128d)(((__v2df)__A != (__v2df)__A) | ((__v2df)__B != (__v2df)__B)); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpeq_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] == __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cmplt_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] < __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cmple_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] <= __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpgt_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] > __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpge_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] >= __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpneq_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, !(__A[0] == __B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpnlt_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, !(__A[0] < __B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpnle_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, !(__A[0] <= __B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpngt_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, !(__A[0] > __B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpnge_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, !(__A[0] >= __B[0])); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpord_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] == __A[0] && __B[0] == __B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cmpunord_sd(__m128d __A, __m128d __B) { return __kit_masksd(__A, __A[0] != __A[0] || __B[0] != __B[0]); }
/* comisd/ucomisd flag tests as gcc 12 reads them (unordered: eq, lt, le). */
static __inline__ int __KIT_INTRIN _mm_comieq_sd(__m128d __A, __m128d __B) { return !(__A[0] < __B[0] || __A[0] > __B[0]); }
static __inline__ int __KIT_INTRIN _mm_comilt_sd(__m128d __A, __m128d __B) { return !(__A[0] >= __B[0]); }
static __inline__ int __KIT_INTRIN _mm_comile_sd(__m128d __A, __m128d __B) { return !(__A[0] > __B[0]); }
static __inline__ int __KIT_INTRIN _mm_comigt_sd(__m128d __A, __m128d __B) { return __A[0] > __B[0]; }
static __inline__ int __KIT_INTRIN _mm_comige_sd(__m128d __A, __m128d __B) { return __A[0] >= __B[0]; }
static __inline__ int __KIT_INTRIN _mm_comineq_sd(__m128d __A, __m128d __B) { return __A[0] < __B[0] || __A[0] > __B[0]; }
static __inline__ int __KIT_INTRIN _mm_ucomieq_sd(__m128d __A, __m128d __B) { return _mm_comieq_sd(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomilt_sd(__m128d __A, __m128d __B) { return _mm_comilt_sd(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomile_sd(__m128d __A, __m128d __B) { return _mm_comile_sd(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomigt_sd(__m128d __A, __m128d __B) { return _mm_comigt_sd(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomige_sd(__m128d __A, __m128d __B) { return _mm_comige_sd(__A, __B); }
static __inline__ int __KIT_INTRIN _mm_ucomineq_sd(__m128d __A, __m128d __B) { return _mm_comineq_sd(__A, __B); }

/* ---- integer sets ---- */
static __inline__ __m128i __KIT_INTRIN _mm_set_epi64x(long long __q1, long long __q0) { return (__m128i)(__v2di){__q0, __q1}; }
static __inline__ __m128i __KIT_INTRIN _mm_set_epi64(__m64 __q1, __m64 __q0) { return _mm_set_epi64x((long long)__q1, (long long)__q0); }
static __inline__ __m128i __KIT_INTRIN _mm_set_epi32(int __q3, int __q2, int __q1, int __q0) { return (__m128i)(__v4si){__q0, __q1, __q2, __q3}; }
static __inline__ __m128i __KIT_INTRIN _mm_set_epi16(short __q7, short __q6, short __q5, short __q4, short __q3, short __q2, short __q1, short __q0) { return (__m128i)(__v8hi){__q0, __q1, __q2, __q3, __q4, __q5, __q6, __q7}; }
static __inline__ __m128i __KIT_INTRIN _mm_set_epi8(char __q15, char __q14, char __q13, char __q12, char __q11, char __q10, char __q09, char __q08, char __q07, char __q06, char __q05, char __q04, char __q03, char __q02, char __q01, char __q00) { return (__m128i)(__v16qi){__q00, __q01, __q02, __q03, __q04, __q05, __q06, __q07, __q08, __q09, __q10, __q11, __q12, __q13, __q14, __q15}; }
static __inline__ __m128i __KIT_INTRIN _mm_set1_epi64x(long long __A) { return (__m128i)(__v2di){__A, __A}; }
static __inline__ __m128i __KIT_INTRIN _mm_set1_epi64(__m64 __A) { return _mm_set1_epi64x((long long)__A); }
static __inline__ __m128i __KIT_INTRIN _mm_set1_epi32(int __A) { return (__m128i)(__v4si){__A, __A, __A, __A}; }
static __inline__ __m128i __KIT_INTRIN _mm_set1_epi16(short __A) { return (__m128i)(__v8hi){__A, __A, __A, __A, __A, __A, __A, __A}; }
static __inline__ __m128i __KIT_INTRIN _mm_set1_epi8(char __A) { return (__m128i)(__v16qi){__A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A}; }
static __inline__ __m128i __KIT_INTRIN _mm_setr_epi64(__m64 __q0, __m64 __q1) { return _mm_set_epi64x((long long)__q1, (long long)__q0); }
static __inline__ __m128i __KIT_INTRIN _mm_setr_epi32(int __q0, int __q1, int __q2, int __q3) { return (__m128i)(__v4si){__q0, __q1, __q2, __q3}; }
static __inline__ __m128i __KIT_INTRIN _mm_setr_epi16(short __q0, short __q1, short __q2, short __q3, short __q4, short __q5, short __q6, short __q7) { return (__m128i)(__v8hi){__q0, __q1, __q2, __q3, __q4, __q5, __q6, __q7}; }
static __inline__ __m128i __KIT_INTRIN _mm_setr_epi8(char __q00, char __q01, char __q02, char __q03, char __q04, char __q05, char __q06, char __q07, char __q08, char __q09, char __q10, char __q11, char __q12, char __q13, char __q14, char __q15) { return (__m128i)(__v16qi){__q00, __q01, __q02, __q03, __q04, __q05, __q06, __q07, __q08, __q09, __q10, __q11, __q12, __q13, __q14, __q15}; }

/* ---- integer loads and stores ---- */
static __inline__ __m128i __KIT_INTRIN _mm_load_si128(__m128i const *__P) {
    __m128i __r;
    __builtin_memcpy(&__r, (void *)__P, 16);
    return __r;
}
static __inline__ __m128i __KIT_INTRIN _mm_loadu_si128(__m128i_u const *__P) {
    __m128i __r;
    __builtin_memcpy(&__r, (void *)__P, 16);
    return __r;
}
static __inline__ __m128i __KIT_INTRIN _mm_loadl_epi64(__m128i_u const *__P) {
    long long __q;
    __builtin_memcpy(&__q, (void *)__P, 8);
    return _mm_set_epi64x(0, __q);
}
static __inline__ __m128i __KIT_INTRIN _mm_loadu_si64(void const *__P) {
    long long __q;
    __builtin_memcpy(&__q, (void *)__P, 8);
    return _mm_set_epi64x(0, __q);
}
static __inline__ __m128i __KIT_INTRIN _mm_loadu_si32(void const *__P) {
    int __d;
    __builtin_memcpy(&__d, (void *)__P, 4);
    return _mm_set_epi32(0, 0, 0, __d);
}
static __inline__ __m128i __KIT_INTRIN _mm_loadu_si16(void const *__P) {
    short __w;
    __builtin_memcpy(&__w, (void *)__P, 2);
    return _mm_set_epi16(0, 0, 0, 0, 0, 0, 0, __w);
}
static __inline__ void __KIT_INTRIN _mm_store_si128(__m128i *__P, __m128i __B) { __builtin_memcpy(__P, &__B, 16); }
static __inline__ void __KIT_INTRIN _mm_storeu_si128(__m128i_u *__P, __m128i __B) { __builtin_memcpy(__P, &__B, 16); }
static __inline__ void __KIT_INTRIN _mm_storel_epi64(__m128i_u *__P, __m128i __B) { __builtin_memcpy(__P, &__B, 8); }
static __inline__ void __KIT_INTRIN _mm_storeu_si64(void *__P, __m128i __B) { __builtin_memcpy(__P, &__B, 8); }
static __inline__ void __KIT_INTRIN _mm_storeu_si32(void *__P, __m128i __B) { __builtin_memcpy(__P, &__B, 4); }
static __inline__ void __KIT_INTRIN _mm_storeu_si16(void *__P, __m128i __B) { __builtin_memcpy(__P, &__B, 2); }
static __inline__ __m64 __KIT_INTRIN _mm_movepi64_pi64(__m128i __B) { return (__m64)((__v2di)__B)[0]; }
static __inline__ __m128i __KIT_INTRIN _mm_movpi64_epi64(__m64 __A) { return _mm_set_epi64x(0, (long long)__A); }
static __inline__ __m128i __KIT_INTRIN _mm_move_epi64(__m128i __A) { return _mm_set_epi64x(0, ((__v2di)__A)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_undefined_si128(void) { return (__m128i)(__v2di){0, 0}; }
static __inline__ __m128i __KIT_INTRIN _mm_setzero_si128(void) { return (__m128i)(__v2di){0, 0}; }

/* ---- conversions ---- */
static __inline__ __m128d __KIT_INTRIN _mm_cvtepi32_pd(__m128i __A) {
    __v4si __a = (__v4si)__A;
    return (__m128d)(__v2df){(double)__a[0], (double)__a[1]};
}
static __inline__ __m128 __KIT_INTRIN _mm_cvtepi32_ps(__m128i __A) {
    __v4si __a = (__v4si)__A;
    return (__m128)(__v4sf){(float)__a[0], (float)__a[1], (float)__a[2], (float)__a[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtpd_epi32(__m128d __A) { return (__m128i)(__v4si){__kit_cvtd_i32(__A[0]), __kit_cvtd_i32(__A[1]), 0, 0}; }
static __inline__ __m64 __KIT_INTRIN _mm_cvtpd_pi32(__m128d __A) { return (__m64)(__v2si){__kit_cvtd_i32(__A[0]), __kit_cvtd_i32(__A[1])}; }
static __inline__ __m128 __KIT_INTRIN _mm_cvtpd_ps(__m128d __A) { return (__m128)(__v4sf){(float)__A[0], (float)__A[1], 0.0f, 0.0f}; }
static __inline__ __m128i __KIT_INTRIN _mm_cvttpd_epi32(__m128d __A) { return (__m128i)(__v4si){__kit_cvttd_i32(__A[0]), __kit_cvttd_i32(__A[1]), 0, 0}; }
static __inline__ __m64 __KIT_INTRIN _mm_cvttpd_pi32(__m128d __A) { return (__m64)(__v2si){__kit_cvttd_i32(__A[0]), __kit_cvttd_i32(__A[1])}; }
static __inline__ __m128d __KIT_INTRIN _mm_cvtpi32_pd(__m64 __A) {
    __v2si __a = (__v2si)__A;
    return (__m128d)(__v2df){(double)__a[0], (double)__a[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_cvtps_epi32(__m128 __A) { return (__m128i)(__v4si){__kit_cvtf_i32(__A[0]), __kit_cvtf_i32(__A[1]), __kit_cvtf_i32(__A[2]), __kit_cvtf_i32(__A[3])}; }
static __inline__ __m128i __KIT_INTRIN _mm_cvttps_epi32(__m128 __A) { return (__m128i)(__v4si){__kit_cvttf_i32(__A[0]), __kit_cvttf_i32(__A[1]), __kit_cvttf_i32(__A[2]), __kit_cvttf_i32(__A[3])}; }
static __inline__ __m128d __KIT_INTRIN _mm_cvtps_pd(__m128 __A) { return (__m128d)(__v2df){(double)__A[0], (double)__A[1]}; }
static __inline__ int __KIT_INTRIN _mm_cvtsd_si32(__m128d __A) { return __kit_cvtd_i32(__A[0]); }
static __inline__ long long __KIT_INTRIN _mm_cvtsd_si64(__m128d __A) { return __kit_cvtd_i64(__A[0]); }
static __inline__ long long __KIT_INTRIN _mm_cvtsd_si64x(__m128d __A) { return __kit_cvtd_i64(__A[0]); }
static __inline__ int __KIT_INTRIN _mm_cvttsd_si32(__m128d __A) { return __kit_cvttd_i32(__A[0]); }
static __inline__ long long __KIT_INTRIN _mm_cvttsd_si64(__m128d __A) { return __kit_cvttd_i64(__A[0]); }
static __inline__ long long __KIT_INTRIN _mm_cvttsd_si64x(__m128d __A) { return __kit_cvttd_i64(__A[0]); }
static __inline__ __m128 __KIT_INTRIN _mm_cvtsd_ss(__m128 __A, __m128d __B) { return __kit_setss(__A, (float)__B[0]); }
static __inline__ __m128d __KIT_INTRIN _mm_cvtsi32_sd(__m128d __A, int __B) { return __kit_setsd(__A, (double)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cvtsi64_sd(__m128d __A, long long __B) { return __kit_setsd(__A, (double)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cvtsi64x_sd(__m128d __A, long long __B) { return __kit_setsd(__A, (double)__B); }
static __inline__ __m128d __KIT_INTRIN _mm_cvtss_sd(__m128d __A, __m128 __B) { return __kit_setsd(__A, (double)__B[0]); }

/* ---- double shuffles ---- */
static __inline__ __m128d __KIT_INTRIN _mm_shuffle_pd(__m128d __A, __m128d __B, const int __imm8) { return (__m128d)(__v2df){__A[__imm8 & 1], __B[(__imm8 >> 1) & 1]}; }
static __inline__ __m128d __KIT_INTRIN _mm_unpackhi_pd(__m128d __A, __m128d __B) { return (__m128d)(__v2df){__A[1], __B[1]}; }
static __inline__ __m128d __KIT_INTRIN _mm_unpacklo_pd(__m128d __A, __m128d __B) { return (__m128d)(__v2df){__A[0], __B[0]}; }
static __inline__ __m128d __KIT_INTRIN _mm_loadh_pd(__m128d __A, double const *__B) {
    __m128d __r = __A;
    __builtin_memcpy((char *)&__r + 8, (void *)__B, 8);
    return __r;
}
static __inline__ __m128d __KIT_INTRIN _mm_loadl_pd(__m128d __A, double const *__B) {
    __m128d __r = __A;
    __builtin_memcpy(&__r, (void *)__B, 8);
    return __r;
}
static __inline__ int __KIT_INTRIN _mm_movemask_pd(__m128d __A) {
    __v2di __a = (__v2di)__A;
    return (__a[0] < 0) | (__a[1] < 0) << 1;
}

/* ---- packs and unpacks ---- */
static __inline__ __m128i __KIT_INTRIN _mm_packs_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B;
    __v16qi __r;
    for (int __i = 0; __i < 8; __i++) {
        __r[__i] = __kit_ss8(__a[__i]);
        __r[__i + 8] = __kit_ss8(__b[__i]);
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_packs_epi32(__m128i __A, __m128i __B) {
    __v4si __a = (__v4si)__A, __b = (__v4si)__B;
    __v8hi __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = __kit_ss16(__a[__i]);
        __r[__i + 4] = __kit_ss16(__b[__i]);
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_packus_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B;
    __v16qi __r;
    for (int __i = 0; __i < 8; __i++) {
        __r[__i] = (char)__kit_us8(__a[__i]);
        __r[__i + 8] = (char)__kit_us8(__b[__i]);
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_unpackhi_epi8(__m128i __A, __m128i __B) {
    __v16qi __a = (__v16qi)__A, __b = (__v16qi)__B, __r;
    for (int __i = 0; __i < 8; __i++) {
        __r[2 * __i] = __a[8 + __i];
        __r[2 * __i + 1] = __b[8 + __i];
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_unpackhi_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B;
    return (__m128i)(__v8hi){__a[4], __b[4], __a[5], __b[5], __a[6], __b[6], __a[7], __b[7]};
}
static __inline__ __m128i __KIT_INTRIN _mm_unpackhi_epi32(__m128i __A, __m128i __B) {
    __v4si __a = (__v4si)__A, __b = (__v4si)__B;
    return (__m128i)(__v4si){__a[2], __b[2], __a[3], __b[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_unpackhi_epi64(__m128i __A, __m128i __B) {
    __v2di __a = (__v2di)__A, __b = (__v2di)__B;
    return (__m128i)(__v2di){__a[1], __b[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_unpacklo_epi8(__m128i __A, __m128i __B) {
    __v16qi __a = (__v16qi)__A, __b = (__v16qi)__B, __r;
    for (int __i = 0; __i < 8; __i++) {
        __r[2 * __i] = __a[__i];
        __r[2 * __i + 1] = __b[__i];
    }
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_unpacklo_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B;
    return (__m128i)(__v8hi){__a[0], __b[0], __a[1], __b[1], __a[2], __b[2], __a[3], __b[3]};
}
static __inline__ __m128i __KIT_INTRIN _mm_unpacklo_epi32(__m128i __A, __m128i __B) {
    __v4si __a = (__v4si)__A, __b = (__v4si)__B;
    return (__m128i)(__v4si){__a[0], __b[0], __a[1], __b[1]};
}
static __inline__ __m128i __KIT_INTRIN _mm_unpacklo_epi64(__m128i __A, __m128i __B) {
    __v2di __a = (__v2di)__A, __b = (__v2di)__B;
    return (__m128i)(__v2di){__a[0], __b[0]};
}

/* ---- integer add / subtract ---- */
static __inline__ __m128i __KIT_INTRIN _mm_add_epi8(__m128i __A, __m128i __B) { return (__m128i)((__v16qu)__A + (__v16qu)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_add_epi16(__m128i __A, __m128i __B) { return (__m128i)((__v8hu)__A + (__v8hu)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_add_epi32(__m128i __A, __m128i __B) { return (__m128i)((__v4su)__A + (__v4su)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_add_epi64(__m128i __A, __m128i __B) { return (__m128i)((__v2du)__A + (__v2du)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_adds_epi8(__m128i __A, __m128i __B) {
    __v16qs __a = (__v16qs)__A, __b = (__v16qs)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __kit_ss8(__a[__i] + __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_adds_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_ss16(__a[__i] + __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_adds_epu8(__m128i __A, __m128i __B) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __kit_us8(__a[__i] + __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_adds_epu16(__m128i __A, __m128i __B) {
    __v8hu __a = (__v8hu)__A, __b = (__v8hu)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_us16(__a[__i] + __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_sub_epi8(__m128i __A, __m128i __B) { return (__m128i)((__v16qu)__A - (__v16qu)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_sub_epi16(__m128i __A, __m128i __B) { return (__m128i)((__v8hu)__A - (__v8hu)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_sub_epi32(__m128i __A, __m128i __B) { return (__m128i)((__v4su)__A - (__v4su)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_sub_epi64(__m128i __A, __m128i __B) { return (__m128i)((__v2du)__A - (__v2du)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_subs_epi8(__m128i __A, __m128i __B) {
    __v16qs __a = (__v16qs)__A, __b = (__v16qs)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __kit_ss8(__a[__i] - __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_subs_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_ss16(__a[__i] - __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_subs_epu8(__m128i __A, __m128i __B) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __kit_us8(__a[__i] - __b[__i]);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_subs_epu16(__m128i __A, __m128i __B) {
    __v8hu __a = (__v8hu)__A, __b = (__v8hu)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_us16(__a[__i] - __b[__i]);
    return (__m128i)__r;
}

/* ---- integer multiplies ---- */
static __inline__ __m128i __KIT_INTRIN _mm_madd_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B;
    __v4si __r;
    for (int __i = 0; __i < 4; __i++)
        __r[__i] = (int)((unsigned int)(__a[2 * __i] * __b[2 * __i]) + (unsigned int)(__a[2 * __i + 1] * __b[2 * __i + 1]));
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_mulhi_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (short)((__a[__i] * __b[__i]) >> 16);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_mullo_epi16(__m128i __A, __m128i __B) { return (__m128i)((__v8hu)__A * (__v8hu)__B); }
static __inline__ __m64 __KIT_INTRIN _mm_mul_su32(__m64 __A, __m64 __B) {
    return (__m64)((unsigned long long)(unsigned int)((__v2si)__A)[0] * (unsigned int)((__v2si)__B)[0]);
}
static __inline__ __m128i __KIT_INTRIN _mm_mul_epu32(__m128i __A, __m128i __B) {
    __v4su __a = (__v4su)__A, __b = (__v4su)__B;
    return (__m128i)(__v2du){(unsigned long long)__a[0] * __b[0], (unsigned long long)__a[2] * __b[2]};
}

/* ---- shifts: an int count is read as unsigned (movd zero-extends it); a
   vector count is its whole low 64 bits; too large a count gives 0, or
   the sign for arithmetic shifts ---- */
static __inline__ __m128i __KIT_INTRIN __kit_sll16(__m128i __A, unsigned long long __c) {
    if (__c > 15) return _mm_setzero_si128();
    return (__m128i)((__v8hu)__A << (int)__c);
}
static __inline__ __m128i __KIT_INTRIN __kit_sll32(__m128i __A, unsigned long long __c) {
    if (__c > 31) return _mm_setzero_si128();
    return (__m128i)((__v4su)__A << (int)__c);
}
static __inline__ __m128i __KIT_INTRIN __kit_sll64(__m128i __A, unsigned long long __c) {
    if (__c > 63) return _mm_setzero_si128();
    return (__m128i)((__v2du)__A << (int)__c);
}
static __inline__ __m128i __KIT_INTRIN __kit_srl16(__m128i __A, unsigned long long __c) {
    if (__c > 15) return _mm_setzero_si128();
    return (__m128i)((__v8hu)__A >> (int)__c);
}
static __inline__ __m128i __KIT_INTRIN __kit_srl32(__m128i __A, unsigned long long __c) {
    if (__c > 31) return _mm_setzero_si128();
    return (__m128i)((__v4su)__A >> (int)__c);
}
static __inline__ __m128i __KIT_INTRIN __kit_srl64(__m128i __A, unsigned long long __c) {
    if (__c > 63) return _mm_setzero_si128();
    return (__m128i)((__v2du)__A >> (int)__c);
}
static __inline__ __m128i __KIT_INTRIN __kit_sra16(__m128i __A, unsigned long long __c) { return (__m128i)((__v8hi)__A >> (int)(__c > 15 ? 15 : __c)); }
static __inline__ __m128i __KIT_INTRIN __kit_sra32(__m128i __A, unsigned long long __c) { return (__m128i)((__v4si)__A >> (int)(__c > 31 ? 31 : __c)); }

static __inline__ __m128i __KIT_INTRIN _mm_slli_epi16(__m128i __A, int __B) { return __kit_sll16(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_slli_epi32(__m128i __A, int __B) { return __kit_sll32(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_slli_epi64(__m128i __A, int __B) { return __kit_sll64(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_srai_epi16(__m128i __A, int __B) { return __kit_sra16(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_srai_epi32(__m128i __A, int __B) { return __kit_sra32(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_bsrli_si128(__m128i __A, const int __imm8) {
    __v16qu __a = (__v16qu)__A, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __i + __imm8 < 16 ? __a[__i + __imm8] : 0;
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_bslli_si128(__m128i __A, const int __imm8) {
    __v16qu __a = (__v16qu)__A, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __i - __imm8 >= 0 ? __a[__i - __imm8] : 0;
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_srli_si128(__m128i __A, const int __imm8) { return _mm_bsrli_si128(__A, __imm8); }
static __inline__ __m128i __KIT_INTRIN _mm_slli_si128(__m128i __A, const int __imm8) { return _mm_bslli_si128(__A, __imm8); }
static __inline__ __m128i __KIT_INTRIN _mm_srli_epi16(__m128i __A, int __B) { return __kit_srl16(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_srli_epi32(__m128i __A, int __B) { return __kit_srl32(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_srli_epi64(__m128i __A, int __B) { return __kit_srl64(__A, (unsigned int)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_sll_epi16(__m128i __A, __m128i __B) { return __kit_sll16(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_sll_epi32(__m128i __A, __m128i __B) { return __kit_sll32(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_sll_epi64(__m128i __A, __m128i __B) { return __kit_sll64(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_sra_epi16(__m128i __A, __m128i __B) { return __kit_sra16(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_sra_epi32(__m128i __A, __m128i __B) { return __kit_sra32(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_srl_epi16(__m128i __A, __m128i __B) { return __kit_srl16(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_srl_epi32(__m128i __A, __m128i __B) { return __kit_srl32(__A, ((__v2du)__B)[0]); }
static __inline__ __m128i __KIT_INTRIN _mm_srl_epi64(__m128i __A, __m128i __B) { return __kit_srl64(__A, ((__v2du)__B)[0]); }

/* ---- integer logic and compares ---- */
static __inline__ __m128i __KIT_INTRIN _mm_and_si128(__m128i __A, __m128i __B) { return (__m128i)((__v2du)__A & (__v2du)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_andnot_si128(__m128i __A, __m128i __B) { return (__m128i)(~(__v2du)__A & (__v2du)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_or_si128(__m128i __A, __m128i __B) { return (__m128i)((__v2du)__A | (__v2du)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_xor_si128(__m128i __A, __m128i __B) { return (__m128i)((__v2du)__A ^ (__v2du)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmpeq_epi8(__m128i __A, __m128i __B) { return (__m128i)((__v16qs)__A == (__v16qs)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmpeq_epi16(__m128i __A, __m128i __B) { return (__m128i)((__v8hi)__A == (__v8hi)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmpeq_epi32(__m128i __A, __m128i __B) { return (__m128i)((__v4si)__A == (__v4si)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmplt_epi8(__m128i __A, __m128i __B) { return (__m128i)((__v16qs)__A < (__v16qs)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmplt_epi16(__m128i __A, __m128i __B) { return (__m128i)((__v8hi)__A < (__v8hi)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmplt_epi32(__m128i __A, __m128i __B) { return (__m128i)((__v4si)__A < (__v4si)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmpgt_epi8(__m128i __A, __m128i __B) { return (__m128i)((__v16qs)__A > (__v16qs)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmpgt_epi16(__m128i __A, __m128i __B) { return (__m128i)((__v8hi)__A > (__v8hi)__B); }
static __inline__ __m128i __KIT_INTRIN _mm_cmpgt_epi32(__m128i __A, __m128i __B) { return (__m128i)((__v4si)__A > (__v4si)__B); }

/* ---- word extract/insert, min/max, movemask ---- */
static __inline__ int __KIT_INTRIN _mm_extract_epi16(__m128i const __A, int const __imm3) { return (unsigned short)((__v8hi)__A)[__imm3 & 7]; }
static __inline__ __m128i __KIT_INTRIN _mm_insert_epi16(__m128i const __A, int const __D, int const __imm3) {
    __v8hi __r = (__v8hi)__A;
    __r[__imm3 & 7] = (short)__D;
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_max_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i] > __b[__i] ? __a[__i] : __b[__i];
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_max_epu8(__m128i __A, __m128i __B) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __a[__i] > __b[__i] ? __a[__i] : __b[__i];
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_min_epi16(__m128i __A, __m128i __B) {
    __v8hi __a = (__v8hi)__A, __b = (__v8hi)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i] < __b[__i] ? __a[__i] : __b[__i];
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_min_epu8(__m128i __A, __m128i __B) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = __a[__i] < __b[__i] ? __a[__i] : __b[__i];
    return (__m128i)__r;
}
static __inline__ int __KIT_INTRIN _mm_movemask_epi8(__m128i __A) {
    __v16qu __a = (__v16qu)__A;
    int __r = 0;
    for (int __i = 0; __i < 16; __i++) __r |= (__a[__i] >> 7) << __i;
    return __r;
}
static __inline__ __m128i __KIT_INTRIN _mm_mulhi_epu16(__m128i __A, __m128i __B) {
    __v8hu __a = (__v8hu)__A, __b = (__v8hu)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned short)(((unsigned int)__a[__i] * __b[__i]) >> 16);
    return (__m128i)__r;
}

/* ---- integer shuffles ---- */
static __inline__ __m128i __KIT_INTRIN _mm_shufflehi_epi16(__m128i __A, const int __imm8) {
    __v8hi __a = (__v8hi)__A;
    return (__m128i)(__v8hi){__a[0], __a[1], __a[2], __a[3], __a[4 + (__imm8 & 3)], __a[4 + ((__imm8 >> 2) & 3)], __a[4 + ((__imm8 >> 4) & 3)], __a[4 + ((__imm8 >> 6) & 3)]};
}
static __inline__ __m128i __KIT_INTRIN _mm_shufflelo_epi16(__m128i __A, const int __imm8) {
    __v8hi __a = (__v8hi)__A;
    return (__m128i)(__v8hi){__a[__imm8 & 3], __a[(__imm8 >> 2) & 3], __a[(__imm8 >> 4) & 3], __a[(__imm8 >> 6) & 3], __a[4], __a[5], __a[6], __a[7]};
}
static __inline__ __m128i __KIT_INTRIN _mm_shuffle_epi32(__m128i __A, const int __imm8) {
    __v4si __a = (__v4si)__A;
    return (__m128i)(__v4si){__a[__imm8 & 3], __a[(__imm8 >> 2) & 3], __a[(__imm8 >> 4) & 3], __a[(__imm8 >> 6) & 3]};
}

/* ---- masked store, averages, sum of absolute differences ---- */
static __inline__ void __KIT_INTRIN _mm_maskmoveu_si128(__m128i __A, __m128i __B, char *__C) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B;
    for (int __i = 0; __i < 16; __i++)
        if (__b[__i] & 0x80) __C[__i] = (char)__a[__i];
}
static __inline__ __m128i __KIT_INTRIN _mm_avg_epu8(__m128i __A, __m128i __B) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B, __r;
    for (int __i = 0; __i < 16; __i++) __r[__i] = (unsigned char)((__a[__i] + __b[__i] + 1) >> 1);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_avg_epu16(__m128i __A, __m128i __B) {
    __v8hu __a = (__v8hu)__A, __b = (__v8hu)__B, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned short)((__a[__i] + __b[__i] + 1) >> 1);
    return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_sad_epu8(__m128i __A, __m128i __B) {
    __v16qu __a = (__v16qu)__A, __b = (__v16qu)__B;
    unsigned long long __s[2] = {0, 0};
    for (int __i = 0; __i < 16; __i++) {
        int __d = __a[__i] - __b[__i];
        __s[__i >> 3] += (unsigned long long)(__d < 0 ? -__d : __d);
    }
    return (__m128i)(__v2du){__s[0], __s[1]};
}

/* ---- non-temporal stores, cache control, fences ---- */
static __inline__ void __KIT_INTRIN _mm_stream_si32(int *__A, int __B) { __builtin_memcpy(__A, &__B, 4); }
static __inline__ void __KIT_INTRIN _mm_stream_si64(long long int *__A, long long int __B) { __builtin_memcpy(__A, &__B, 8); }
static __inline__ void __KIT_INTRIN _mm_stream_si128(__m128i *__A, __m128i __B) { __builtin_memcpy(__A, &__B, 16); }
static __inline__ void __KIT_INTRIN _mm_stream_pd(double *__A, __m128d __B) { __builtin_memcpy(__A, &__B, 16); }
static __inline__ void __KIT_INTRIN _mm_clflush(void const *__A) { __asm__ __volatile__("clflush (%0)" : : "r"(__A) : "memory"); }
static __inline__ void __KIT_INTRIN _mm_lfence(void) { __asm__ __volatile__("lfence" : : : "memory"); }
static __inline__ void __KIT_INTRIN _mm_mfence(void) { __asm__ __volatile__("mfence" : : : "memory"); }

/* ---- scalar <-> vector integer moves ---- */
static __inline__ __m128i __KIT_INTRIN _mm_cvtsi32_si128(int __A) { return _mm_set_epi32(0, 0, 0, __A); }
static __inline__ __m128i __KIT_INTRIN _mm_cvtsi64_si128(long long __A) { return _mm_set_epi64x(0, __A); }
static __inline__ __m128i __KIT_INTRIN _mm_cvtsi64x_si128(long long __A) { return _mm_set_epi64x(0, __A); }

/* ---- casts (bits unchanged) ---- */
static __inline__ __m128 __KIT_INTRIN _mm_castpd_ps(__m128d __A) { return (__m128)__A; }
static __inline__ __m128i __KIT_INTRIN _mm_castpd_si128(__m128d __A) { return (__m128i)__A; }
static __inline__ __m128d __KIT_INTRIN _mm_castps_pd(__m128 __A) { return (__m128d)__A; }
static __inline__ __m128i __KIT_INTRIN _mm_castps_si128(__m128 __A) { return (__m128i)__A; }
static __inline__ __m128 __KIT_INTRIN _mm_castsi128_ps(__m128i __A) { return (__m128)__A; }
static __inline__ __m128d __KIT_INTRIN _mm_castsi128_pd(__m128i __A) { return (__m128d)__A; }

#endif
