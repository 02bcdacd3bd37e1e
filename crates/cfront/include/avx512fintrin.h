/* kit: AVX-512F intrinsics (__m512, __m512d, __m512i and the __mmask8/16
   masks), written in C over the vector types: a foundation subset of gcc's
   <avx512fintrin.h> (the names, prototypes and Intel's documented results).
   As in gcc, they are declared whatever the -m flags say; __AVX512F__ is not
   defined. A masked form takes lane i from the operation where bit i of the
   mask is set, else from __W (mask_) or zero (maskz_). */
#ifndef __KIT_AVX512FINTRIN_H
#define __KIT_AVX512FINTRIN_H
#include <kit_x86_vector_types.h>
#include <fmaintrin.h>

/* One fused multiply-add through the FMA instruction (every AVX-512 CPU
   has FMA), so no libm call is needed. */
static __inline__ float __KIT_INTRIN __kit_fma_f32(float __a, float __b, float __c) {
    return _mm_fmadd_ss((__m128){__a, 0, 0, 0}, (__m128){__b, 0, 0, 0}, (__m128){__c, 0, 0, 0})[0];
}
static __inline__ double __KIT_INTRIN __kit_fma_f64(double __a, double __b, double __c) {
    return _mm_fmadd_sd((__m128d){__a, 0}, (__m128d){__b, 0}, (__m128d){__c, 0})[0];
}

typedef unsigned char __mmask8;
typedef unsigned short __mmask16;

/* ternary-logic helpers and the shuffle_epi32 control names, as gcc's */
typedef enum { _MM_TERNLOG_A = 0xF0, _MM_TERNLOG_B = 0xCC, _MM_TERNLOG_C = 0xAA } _MM_TERNLOG_ENUM;
typedef enum {
  _MM_PERM_AAAA = 0x00, _MM_PERM_AAAB = 0x01, _MM_PERM_AAAC = 0x02, _MM_PERM_AAAD = 0x03,
  _MM_PERM_AABA = 0x04, _MM_PERM_AABB = 0x05, _MM_PERM_AABC = 0x06, _MM_PERM_AABD = 0x07,
  _MM_PERM_AACA = 0x08, _MM_PERM_AACB = 0x09, _MM_PERM_AACC = 0x0A, _MM_PERM_AACD = 0x0B,
  _MM_PERM_AADA = 0x0C, _MM_PERM_AADB = 0x0D, _MM_PERM_AADC = 0x0E, _MM_PERM_AADD = 0x0F,
  _MM_PERM_ABAA = 0x10, _MM_PERM_ABAB = 0x11, _MM_PERM_ABAC = 0x12, _MM_PERM_ABAD = 0x13,
  _MM_PERM_ABBA = 0x14, _MM_PERM_ABBB = 0x15, _MM_PERM_ABBC = 0x16, _MM_PERM_ABBD = 0x17,
  _MM_PERM_ABCA = 0x18, _MM_PERM_ABCB = 0x19, _MM_PERM_ABCC = 0x1A, _MM_PERM_ABCD = 0x1B,
  _MM_PERM_ABDA = 0x1C, _MM_PERM_ABDB = 0x1D, _MM_PERM_ABDC = 0x1E, _MM_PERM_ABDD = 0x1F,
  _MM_PERM_ACAA = 0x20, _MM_PERM_ACAB = 0x21, _MM_PERM_ACAC = 0x22, _MM_PERM_ACAD = 0x23,
  _MM_PERM_ACBA = 0x24, _MM_PERM_ACBB = 0x25, _MM_PERM_ACBC = 0x26, _MM_PERM_ACBD = 0x27,
  _MM_PERM_ACCA = 0x28, _MM_PERM_ACCB = 0x29, _MM_PERM_ACCC = 0x2A, _MM_PERM_ACCD = 0x2B,
  _MM_PERM_ACDA = 0x2C, _MM_PERM_ACDB = 0x2D, _MM_PERM_ACDC = 0x2E, _MM_PERM_ACDD = 0x2F,
  _MM_PERM_ADAA = 0x30, _MM_PERM_ADAB = 0x31, _MM_PERM_ADAC = 0x32, _MM_PERM_ADAD = 0x33,
  _MM_PERM_ADBA = 0x34, _MM_PERM_ADBB = 0x35, _MM_PERM_ADBC = 0x36, _MM_PERM_ADBD = 0x37,
  _MM_PERM_ADCA = 0x38, _MM_PERM_ADCB = 0x39, _MM_PERM_ADCC = 0x3A, _MM_PERM_ADCD = 0x3B,
  _MM_PERM_ADDA = 0x3C, _MM_PERM_ADDB = 0x3D, _MM_PERM_ADDC = 0x3E, _MM_PERM_ADDD = 0x3F,
  _MM_PERM_BAAA = 0x40, _MM_PERM_BAAB = 0x41, _MM_PERM_BAAC = 0x42, _MM_PERM_BAAD = 0x43,
  _MM_PERM_BABA = 0x44, _MM_PERM_BABB = 0x45, _MM_PERM_BABC = 0x46, _MM_PERM_BABD = 0x47,
  _MM_PERM_BACA = 0x48, _MM_PERM_BACB = 0x49, _MM_PERM_BACC = 0x4A, _MM_PERM_BACD = 0x4B,
  _MM_PERM_BADA = 0x4C, _MM_PERM_BADB = 0x4D, _MM_PERM_BADC = 0x4E, _MM_PERM_BADD = 0x4F,
  _MM_PERM_BBAA = 0x50, _MM_PERM_BBAB = 0x51, _MM_PERM_BBAC = 0x52, _MM_PERM_BBAD = 0x53,
  _MM_PERM_BBBA = 0x54, _MM_PERM_BBBB = 0x55, _MM_PERM_BBBC = 0x56, _MM_PERM_BBBD = 0x57,
  _MM_PERM_BBCA = 0x58, _MM_PERM_BBCB = 0x59, _MM_PERM_BBCC = 0x5A, _MM_PERM_BBCD = 0x5B,
  _MM_PERM_BBDA = 0x5C, _MM_PERM_BBDB = 0x5D, _MM_PERM_BBDC = 0x5E, _MM_PERM_BBDD = 0x5F,
  _MM_PERM_BCAA = 0x60, _MM_PERM_BCAB = 0x61, _MM_PERM_BCAC = 0x62, _MM_PERM_BCAD = 0x63,
  _MM_PERM_BCBA = 0x64, _MM_PERM_BCBB = 0x65, _MM_PERM_BCBC = 0x66, _MM_PERM_BCBD = 0x67,
  _MM_PERM_BCCA = 0x68, _MM_PERM_BCCB = 0x69, _MM_PERM_BCCC = 0x6A, _MM_PERM_BCCD = 0x6B,
  _MM_PERM_BCDA = 0x6C, _MM_PERM_BCDB = 0x6D, _MM_PERM_BCDC = 0x6E, _MM_PERM_BCDD = 0x6F,
  _MM_PERM_BDAA = 0x70, _MM_PERM_BDAB = 0x71, _MM_PERM_BDAC = 0x72, _MM_PERM_BDAD = 0x73,
  _MM_PERM_BDBA = 0x74, _MM_PERM_BDBB = 0x75, _MM_PERM_BDBC = 0x76, _MM_PERM_BDBD = 0x77,
  _MM_PERM_BDCA = 0x78, _MM_PERM_BDCB = 0x79, _MM_PERM_BDCC = 0x7A, _MM_PERM_BDCD = 0x7B,
  _MM_PERM_BDDA = 0x7C, _MM_PERM_BDDB = 0x7D, _MM_PERM_BDDC = 0x7E, _MM_PERM_BDDD = 0x7F,
  _MM_PERM_CAAA = 0x80, _MM_PERM_CAAB = 0x81, _MM_PERM_CAAC = 0x82, _MM_PERM_CAAD = 0x83,
  _MM_PERM_CABA = 0x84, _MM_PERM_CABB = 0x85, _MM_PERM_CABC = 0x86, _MM_PERM_CABD = 0x87,
  _MM_PERM_CACA = 0x88, _MM_PERM_CACB = 0x89, _MM_PERM_CACC = 0x8A, _MM_PERM_CACD = 0x8B,
  _MM_PERM_CADA = 0x8C, _MM_PERM_CADB = 0x8D, _MM_PERM_CADC = 0x8E, _MM_PERM_CADD = 0x8F,
  _MM_PERM_CBAA = 0x90, _MM_PERM_CBAB = 0x91, _MM_PERM_CBAC = 0x92, _MM_PERM_CBAD = 0x93,
  _MM_PERM_CBBA = 0x94, _MM_PERM_CBBB = 0x95, _MM_PERM_CBBC = 0x96, _MM_PERM_CBBD = 0x97,
  _MM_PERM_CBCA = 0x98, _MM_PERM_CBCB = 0x99, _MM_PERM_CBCC = 0x9A, _MM_PERM_CBCD = 0x9B,
  _MM_PERM_CBDA = 0x9C, _MM_PERM_CBDB = 0x9D, _MM_PERM_CBDC = 0x9E, _MM_PERM_CBDD = 0x9F,
  _MM_PERM_CCAA = 0xA0, _MM_PERM_CCAB = 0xA1, _MM_PERM_CCAC = 0xA2, _MM_PERM_CCAD = 0xA3,
  _MM_PERM_CCBA = 0xA4, _MM_PERM_CCBB = 0xA5, _MM_PERM_CCBC = 0xA6, _MM_PERM_CCBD = 0xA7,
  _MM_PERM_CCCA = 0xA8, _MM_PERM_CCCB = 0xA9, _MM_PERM_CCCC = 0xAA, _MM_PERM_CCCD = 0xAB,
  _MM_PERM_CCDA = 0xAC, _MM_PERM_CCDB = 0xAD, _MM_PERM_CCDC = 0xAE, _MM_PERM_CCDD = 0xAF,
  _MM_PERM_CDAA = 0xB0, _MM_PERM_CDAB = 0xB1, _MM_PERM_CDAC = 0xB2, _MM_PERM_CDAD = 0xB3,
  _MM_PERM_CDBA = 0xB4, _MM_PERM_CDBB = 0xB5, _MM_PERM_CDBC = 0xB6, _MM_PERM_CDBD = 0xB7,
  _MM_PERM_CDCA = 0xB8, _MM_PERM_CDCB = 0xB9, _MM_PERM_CDCC = 0xBA, _MM_PERM_CDCD = 0xBB,
  _MM_PERM_CDDA = 0xBC, _MM_PERM_CDDB = 0xBD, _MM_PERM_CDDC = 0xBE, _MM_PERM_CDDD = 0xBF,
  _MM_PERM_DAAA = 0xC0, _MM_PERM_DAAB = 0xC1, _MM_PERM_DAAC = 0xC2, _MM_PERM_DAAD = 0xC3,
  _MM_PERM_DABA = 0xC4, _MM_PERM_DABB = 0xC5, _MM_PERM_DABC = 0xC6, _MM_PERM_DABD = 0xC7,
  _MM_PERM_DACA = 0xC8, _MM_PERM_DACB = 0xC9, _MM_PERM_DACC = 0xCA, _MM_PERM_DACD = 0xCB,
  _MM_PERM_DADA = 0xCC, _MM_PERM_DADB = 0xCD, _MM_PERM_DADC = 0xCE, _MM_PERM_DADD = 0xCF,
  _MM_PERM_DBAA = 0xD0, _MM_PERM_DBAB = 0xD1, _MM_PERM_DBAC = 0xD2, _MM_PERM_DBAD = 0xD3,
  _MM_PERM_DBBA = 0xD4, _MM_PERM_DBBB = 0xD5, _MM_PERM_DBBC = 0xD6, _MM_PERM_DBBD = 0xD7,
  _MM_PERM_DBCA = 0xD8, _MM_PERM_DBCB = 0xD9, _MM_PERM_DBCC = 0xDA, _MM_PERM_DBCD = 0xDB,
  _MM_PERM_DBDA = 0xDC, _MM_PERM_DBDB = 0xDD, _MM_PERM_DBDC = 0xDE, _MM_PERM_DBDD = 0xDF,
  _MM_PERM_DCAA = 0xE0, _MM_PERM_DCAB = 0xE1, _MM_PERM_DCAC = 0xE2, _MM_PERM_DCAD = 0xE3,
  _MM_PERM_DCBA = 0xE4, _MM_PERM_DCBB = 0xE5, _MM_PERM_DCBC = 0xE6, _MM_PERM_DCBD = 0xE7,
  _MM_PERM_DCCA = 0xE8, _MM_PERM_DCCB = 0xE9, _MM_PERM_DCCC = 0xEA, _MM_PERM_DCCD = 0xEB,
  _MM_PERM_DCDA = 0xEC, _MM_PERM_DCDB = 0xED, _MM_PERM_DCDC = 0xEE, _MM_PERM_DCDD = 0xEF,
  _MM_PERM_DDAA = 0xF0, _MM_PERM_DDAB = 0xF1, _MM_PERM_DDAC = 0xF2, _MM_PERM_DDAD = 0xF3,
  _MM_PERM_DDBA = 0xF4, _MM_PERM_DDBB = 0xF5, _MM_PERM_DDBC = 0xF6, _MM_PERM_DDBD = 0xF7,
  _MM_PERM_DDCA = 0xF8, _MM_PERM_DDCB = 0xF9, _MM_PERM_DDCC = 0xFA, _MM_PERM_DDCD = 0xFB,
  _MM_PERM_DDDA = 0xFC, _MM_PERM_DDDB = 0xFD, _MM_PERM_DDDC = 0xFE, _MM_PERM_DDDD = 0xFF
} _MM_PERM_ENUM;
/* _mm512_cmp_ep[iu]{32,64}_mask predicates */
#define _MM_CMPINT_EQ 0x0
#define _MM_CMPINT_LT 0x1
#define _MM_CMPINT_LE 0x2
#define _MM_CMPINT_UNUSED 0x3
#define _MM_CMPINT_NE 0x4
#define _MM_CMPINT_NLT 0x5
#define _MM_CMPINT_GE 0x5
#define _MM_CMPINT_NLE 0x6
#define _MM_CMPINT_GT 0x6
typedef int _MM_CMPINT_ENUM;

/* lane selection by mask: bit i set takes __A's lane i, else __W's */
#define __KIT_512_HELPER static __inline__ __attribute__((__unused__))
__KIT_512_HELPER __m512i __kit_512_sel32(__mmask16 __U, __m512i __A, __m512i __W) {
  __v16si __m;
  for (int __i = 0; __i < 16; __i++) __m[__i] = -(int)((__U >> __i) & 1);
  return (__m512i)(((__v16si)__A & __m) | ((__v16si)__W & ~__m));
}
__KIT_512_HELPER __m512i __kit_512_sel64(__mmask8 __U, __m512i __A, __m512i __W) {
  __v8di __m;
  for (int __i = 0; __i < 8; __i++) __m[__i] = -(long long)((__U >> __i) & 1);
  return (__m512i)(((__v8di)__A & __m) | ((__v8di)__W & ~__m));
}
__KIT_512_HELPER __m512i __kit_512_zero(void) { return (__m512i)(__v8di){0, 0, 0, 0, 0, 0, 0, 0}; }

/* set, setr, set1, set4, setzero, undefined (undefined gives zero here) */
static __inline__ __m512i __KIT_INTRIN _mm512_setzero_si512(void) { return (__m512i)(__v8di){0, 0, 0, 0, 0, 0, 0, 0}; }
static __inline__ __m512i __KIT_INTRIN _mm512_setzero_epi32(void) { return _mm512_setzero_si512(); }
static __inline__ __m512 __KIT_INTRIN _mm512_setzero_ps(void) { return (__m512)_mm512_setzero_si512(); }
static __inline__ __m512 __KIT_INTRIN _mm512_setzero(void) { return (__m512)_mm512_setzero_si512(); }
static __inline__ __m512d __KIT_INTRIN _mm512_setzero_pd(void) { return (__m512d)_mm512_setzero_si512(); }
static __inline__ __m512i __KIT_INTRIN _mm512_undefined_epi32(void) { return _mm512_setzero_si512(); }
static __inline__ __m512i __KIT_INTRIN _mm512_undefined_si512(void) { return _mm512_setzero_si512(); }
static __inline__ __m512 __KIT_INTRIN _mm512_undefined_ps(void) { return (__m512)_mm512_setzero_si512(); }
static __inline__ __m512 __KIT_INTRIN _mm512_undefined(void) { return (__m512)_mm512_setzero_si512(); }
static __inline__ __m512d __KIT_INTRIN _mm512_undefined_pd(void) { return (__m512d)_mm512_setzero_si512(); }
static __inline__ __m512i __KIT_INTRIN _mm512_set_epi8(char __q63, char __q62, char __q61, char __q60, char __q59, char __q58, char __q57, char __q56, char __q55, char __q54, char __q53, char __q52, char __q51, char __q50, char __q49, char __q48, char __q47, char __q46, char __q45, char __q44, char __q43, char __q42, char __q41, char __q40, char __q39, char __q38, char __q37, char __q36, char __q35, char __q34, char __q33, char __q32, char __q31, char __q30, char __q29, char __q28, char __q27, char __q26, char __q25, char __q24, char __q23, char __q22, char __q21, char __q20, char __q19, char __q18, char __q17, char __q16, char __q15, char __q14, char __q13, char __q12, char __q11, char __q10, char __q09, char __q08, char __q07, char __q06, char __q05, char __q04, char __q03, char __q02, char __q01, char __q00) {
  return (__m512i)(__v64qi){__q00, __q01, __q02, __q03, __q04, __q05, __q06, __q07, __q08, __q09, __q10, __q11, __q12, __q13, __q14, __q15, __q16, __q17, __q18, __q19, __q20, __q21, __q22, __q23, __q24, __q25, __q26, __q27, __q28, __q29, __q30, __q31, __q32, __q33, __q34, __q35, __q36, __q37, __q38, __q39, __q40, __q41, __q42, __q43, __q44, __q45, __q46, __q47, __q48, __q49, __q50, __q51, __q52, __q53, __q54, __q55, __q56, __q57, __q58, __q59, __q60, __q61, __q62, __q63};
}
static __inline__ __m512i __KIT_INTRIN _mm512_set_epi16(short __q31, short __q30, short __q29, short __q28, short __q27, short __q26, short __q25, short __q24, short __q23, short __q22, short __q21, short __q20, short __q19, short __q18, short __q17, short __q16, short __q15, short __q14, short __q13, short __q12, short __q11, short __q10, short __q09, short __q08, short __q07, short __q06, short __q05, short __q04, short __q03, short __q02, short __q01, short __q00) {
  return (__m512i)(__v32hi){__q00, __q01, __q02, __q03, __q04, __q05, __q06, __q07, __q08, __q09, __q10, __q11, __q12, __q13, __q14, __q15, __q16, __q17, __q18, __q19, __q20, __q21, __q22, __q23, __q24, __q25, __q26, __q27, __q28, __q29, __q30, __q31};
}
static __inline__ __m512i __KIT_INTRIN _mm512_set_epi32(int __A, int __B, int __C, int __D, int __E, int __F, int __G, int __H, int __I, int __J, int __K, int __L, int __M, int __N, int __O, int __P) {
  return (__m512i)(__v16si){__P, __O, __N, __M, __L, __K, __J, __I, __H, __G, __F, __E, __D, __C, __B, __A};
}
static __inline__ __m512i __KIT_INTRIN _mm512_set_epi64(long long __A, long long __B, long long __C, long long __D, long long __E, long long __F, long long __G, long long __H) {
  return (__m512i)(__v8di){__H, __G, __F, __E, __D, __C, __B, __A};
}
static __inline__ __m512 __KIT_INTRIN _mm512_set_ps(float __A, float __B, float __C, float __D, float __E, float __F, float __G, float __H, float __I, float __J, float __K, float __L, float __M, float __N, float __O, float __P) {
  return (__m512)(__v16sf){__P, __O, __N, __M, __L, __K, __J, __I, __H, __G, __F, __E, __D, __C, __B, __A};
}
static __inline__ __m512d __KIT_INTRIN _mm512_set_pd(double __A, double __B, double __C, double __D, double __E, double __F, double __G, double __H) {
  return (__m512d)(__v8df){__H, __G, __F, __E, __D, __C, __B, __A};
}
static __inline__ __m512i __KIT_INTRIN _mm512_setr_epi32(int __e0, int __e1, int __e2, int __e3, int __e4, int __e5, int __e6, int __e7, int __e8, int __e9, int __e10, int __e11, int __e12, int __e13, int __e14, int __e15) {
  return (__m512i)(__v16si){__e0, __e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10, __e11, __e12, __e13, __e14, __e15};
}
static __inline__ __m512i __KIT_INTRIN _mm512_setr_epi64(long long __e0, long long __e1, long long __e2, long long __e3, long long __e4, long long __e5, long long __e6, long long __e7) {
  return (__m512i)(__v8di){__e0, __e1, __e2, __e3, __e4, __e5, __e6, __e7};
}
static __inline__ __m512 __KIT_INTRIN _mm512_setr_ps(float __e0, float __e1, float __e2, float __e3, float __e4, float __e5, float __e6, float __e7, float __e8, float __e9, float __e10, float __e11, float __e12, float __e13, float __e14, float __e15) {
  return (__m512)(__v16sf){__e0, __e1, __e2, __e3, __e4, __e5, __e6, __e7, __e8, __e9, __e10, __e11, __e12, __e13, __e14, __e15};
}
static __inline__ __m512d __KIT_INTRIN _mm512_setr_pd(double __e0, double __e1, double __e2, double __e3, double __e4, double __e5, double __e6, double __e7) {
  return (__m512d)(__v8df){__e0, __e1, __e2, __e3, __e4, __e5, __e6, __e7};
}
static __inline__ __m512i __KIT_INTRIN _mm512_set1_epi8(char __A) {
  __v64qi __r;
  for (int __i = 0; __i < 64; __i++) __r[__i] = __A;
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_set1_epi16(short __A) {
  __v32hi __r;
  for (int __i = 0; __i < 32; __i++) __r[__i] = __A;
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_set1_epi32(int __A) {
  return (__m512i)(__v16si){__A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A};
}
static __inline__ __m512i __KIT_INTRIN _mm512_set1_epi64(long long __A) {
  return (__m512i)(__v8di){__A, __A, __A, __A, __A, __A, __A, __A};
}
static __inline__ __m512 __KIT_INTRIN _mm512_set1_ps(float __A) {
  return (__m512)(__v16sf){__A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A, __A};
}
static __inline__ __m512d __KIT_INTRIN _mm512_set1_pd(double __A) {
  return (__m512d)(__v8df){__A, __A, __A, __A, __A, __A, __A, __A};
}
static __inline__ __m512i __KIT_INTRIN _mm512_set4_epi32(int __A, int __B, int __C, int __D) { return (__m512i)(__v16si){__D, __C, __B, __A, __D, __C, __B, __A, __D, __C, __B, __A, __D, __C, __B, __A}; }
static __inline__ __m512i __KIT_INTRIN _mm512_setr4_epi32(int __A, int __B, int __C, int __D) { return _mm512_set4_epi32(__D, __C, __B, __A); }
static __inline__ __m512i __KIT_INTRIN _mm512_set4_epi64(long long __A, long long __B, long long __C, long long __D) { return (__m512i)(__v8di){__D, __C, __B, __A, __D, __C, __B, __A}; }
static __inline__ __m512i __KIT_INTRIN _mm512_setr4_epi64(long long __A, long long __B, long long __C, long long __D) { return _mm512_set4_epi64(__D, __C, __B, __A); }
static __inline__ __m512 __KIT_INTRIN _mm512_set4_ps(float __A, float __B, float __C, float __D) { return (__m512)(__v16sf){__D, __C, __B, __A, __D, __C, __B, __A, __D, __C, __B, __A, __D, __C, __B, __A}; }
static __inline__ __m512 __KIT_INTRIN _mm512_setr4_ps(float __A, float __B, float __C, float __D) { return _mm512_set4_ps(__D, __C, __B, __A); }
static __inline__ __m512d __KIT_INTRIN _mm512_set4_pd(double __A, double __B, double __C, double __D) { return (__m512d)(__v8df){__D, __C, __B, __A, __D, __C, __B, __A}; }
static __inline__ __m512d __KIT_INTRIN _mm512_setr4_pd(double __A, double __B, double __C, double __D) { return _mm512_set4_pd(__D, __C, __B, __A); }

/* loads and stores (memcpy: alignment is not checked) */
static __inline__ __m512i __KIT_INTRIN _mm512_load_si512(void const *__P) { __m512i __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_store_si512(void *__P, __m512i __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512i __KIT_INTRIN _mm512_loadu_si512(void const *__P) { __m512i __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_storeu_si512(void *__P, __m512i __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512i __KIT_INTRIN _mm512_load_epi32(void const *__P) { __m512i __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_store_epi32(void *__P, __m512i __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512i __KIT_INTRIN _mm512_loadu_epi32(void const *__P) { __m512i __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_storeu_epi32(void *__P, __m512i __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512i __KIT_INTRIN _mm512_load_epi64(void const *__P) { __m512i __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_store_epi64(void *__P, __m512i __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512i __KIT_INTRIN _mm512_loadu_epi64(void const *__P) { __m512i __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_storeu_epi64(void *__P, __m512i __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512 __KIT_INTRIN _mm512_load_ps(void const *__P) { __m512 __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_store_ps(void *__P, __m512 __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512 __KIT_INTRIN _mm512_loadu_ps(void const *__P) { __m512 __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_storeu_ps(void *__P, __m512 __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512d __KIT_INTRIN _mm512_load_pd(void const *__P) { __m512d __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_store_pd(void *__P, __m512d __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512d __KIT_INTRIN _mm512_loadu_pd(void const *__P) { __m512d __r; __builtin_memcpy(&__r, __P, 64); return __r; }
static __inline__ void __KIT_INTRIN _mm512_storeu_pd(void *__P, __m512d __A) { __builtin_memcpy(__P, &__A, 64); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_loadu_epi32(__m512i __W, __mmask16 __U, void const *__P) {
  for (int __i = 0; __i < 16; __i++)
    if ((__U >> __i) & 1) __builtin_memcpy((char *)&__W + 4 * __i, (char const *)__P + 4 * __i, 4);
  return __W;
}
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_loadu_epi32(__mmask16 __U, void const *__P) { return _mm512_mask_loadu_epi32(_mm512_setzero_si512(), __U, __P); }
static __inline__ void __KIT_INTRIN _mm512_mask_storeu_epi32(void *__P, __mmask16 __U, __m512i __A) {
  for (int __i = 0; __i < 16; __i++)
    if ((__U >> __i) & 1) __builtin_memcpy((char *)__P + 4 * __i, (char *)&__A + 4 * __i, 4);
}
static __inline__ __m512i __KIT_INTRIN _mm512_mask_loadu_epi64(__m512i __W, __mmask8 __U, void const *__P) {
  for (int __i = 0; __i < 8; __i++)
    if ((__U >> __i) & 1) __builtin_memcpy((char *)&__W + 8 * __i, (char const *)__P + 8 * __i, 8);
  return __W;
}
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_loadu_epi64(__mmask8 __U, void const *__P) { return _mm512_mask_loadu_epi64(_mm512_setzero_si512(), __U, __P); }
static __inline__ void __KIT_INTRIN _mm512_mask_storeu_epi64(void *__P, __mmask8 __U, __m512i __A) {
  for (int __i = 0; __i < 8; __i++)
    if ((__U >> __i) & 1) __builtin_memcpy((char *)__P + 8 * __i, (char *)&__A + 8 * __i, 8);
}

/* integer arithmetic, wrapping (on unsigned lanes) */
static __inline__ __m512i __KIT_INTRIN _mm512_add_epi32(__m512i __A, __m512i __B) { return (__m512i)((__v16su)__A + (__v16su)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_add_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A + (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_sub_epi32(__m512i __A, __m512i __B) { return (__m512i)((__v16su)__A - (__v16su)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_sub_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A - (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_mullo_epi32(__m512i __A, __m512i __B) { return (__m512i)((__v16su)__A * (__v16su)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_mullox_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A * (__v8du)__B); }
/* vpmullq is AVX512DQ (gcc declares it in avx512dqintrin.h) */
static __inline__ __m512i __KIT_INTRIN _mm512_mullo_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A * (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_mul_epu32(__m512i __X, __m512i __Y) {
  __v16su __x = (__v16su)__X, __y = (__v16su)__Y;
  __v8du __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned long long)__x[2 * __i] * __y[2 * __i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_mul_epi32(__m512i __X, __m512i __Y) {
  __v16si __x = (__v16si)__X, __y = (__v16si)__Y;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (long long)__x[2 * __i] * __y[2 * __i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_abs_epi32(__m512i __A) {
  __v16si __a = (__v16si)__A;
  return (__m512i)(((__v16su)__a ^ (__v16su)(__a >> 31)) - (__v16su)(__a >> 31));
}
static __inline__ __m512i __KIT_INTRIN _mm512_abs_epi64(__m512i __A) {
  __v8di __a = (__v8di)__A;
  return (__m512i)(((__v8du)__a ^ (__v8du)(__a >> 63)) - (__v8du)(__a >> 63));
}
/* min / max: select by the lane-wise comparison */
static __inline__ __m512i __KIT_INTRIN _mm512_max_epi32(__m512i __A, __m512i __B) {
  __v16si __a = (__v16si)__A, __b = (__v16si)__B;
  __v16si __m = (__v16si)(__a > __b);
  return (__m512i)(((__v16si)__a & __m) | ((__v16si)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_max_epu32(__m512i __A, __m512i __B) {
  __v16su __a = (__v16su)__A, __b = (__v16su)__B;
  __v16si __m = (__v16si)(__a > __b);
  return (__m512i)(((__v16si)__a & __m) | ((__v16si)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_max_epi64(__m512i __A, __m512i __B) {
  __v8di __a = (__v8di)__A, __b = (__v8di)__B;
  __v8di __m = (__v8di)(__a > __b);
  return (__m512i)(((__v8di)__a & __m) | ((__v8di)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_max_epu64(__m512i __A, __m512i __B) {
  __v8du __a = (__v8du)__A, __b = (__v8du)__B;
  __v8di __m = (__v8di)(__a > __b);
  return (__m512i)(((__v8di)__a & __m) | ((__v8di)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_min_epi32(__m512i __A, __m512i __B) {
  __v16si __a = (__v16si)__A, __b = (__v16si)__B;
  __v16si __m = (__v16si)(__a < __b);
  return (__m512i)(((__v16si)__a & __m) | ((__v16si)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_min_epu32(__m512i __A, __m512i __B) {
  __v16su __a = (__v16su)__A, __b = (__v16su)__B;
  __v16si __m = (__v16si)(__a < __b);
  return (__m512i)(((__v16si)__a & __m) | ((__v16si)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_min_epi64(__m512i __A, __m512i __B) {
  __v8di __a = (__v8di)__A, __b = (__v8di)__B;
  __v8di __m = (__v8di)(__a < __b);
  return (__m512i)(((__v8di)__a & __m) | ((__v8di)__b & ~__m));
}
static __inline__ __m512i __KIT_INTRIN _mm512_min_epu64(__m512i __A, __m512i __B) {
  __v8du __a = (__v8du)__A, __b = (__v8du)__B;
  __v8di __m = (__v8di)(__a < __b);
  return (__m512i)(((__v8di)__a & __m) | ((__v8di)__b & ~__m));
}
/* bitwise */
static __inline__ __m512i __KIT_INTRIN _mm512_and_si512(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A & (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_and_epi32(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A & (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_and_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A & (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_or_si512(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A | (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_or_epi32(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A | (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_or_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A | (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_xor_si512(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A ^ (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_xor_epi32(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A ^ (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_xor_epi64(__m512i __A, __m512i __B) { return (__m512i)((__v8du)__A ^ (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_andnot_si512(__m512i __A, __m512i __B) { return (__m512i)(~(__v8du)__A & (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_andnot_epi32(__m512i __A, __m512i __B) { return (__m512i)(~(__v8du)__A & (__v8du)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_andnot_epi64(__m512i __A, __m512i __B) { return (__m512i)(~(__v8du)__A & (__v8du)__B); }

/* masked integer forms */
static __inline__ __m512i __KIT_INTRIN _mm512_mask_add_epi32(__m512i __W, __mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_add_epi32(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_add_epi32(__mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_add_epi32(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_sub_epi32(__m512i __W, __mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_sub_epi32(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_sub_epi32(__mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_sub_epi32(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_and_epi32(__m512i __W, __mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_and_epi32(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_and_epi32(__mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_and_epi32(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_or_epi32(__m512i __W, __mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_or_epi32(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_or_epi32(__mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_or_epi32(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_xor_epi32(__m512i __W, __mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_xor_epi32(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_xor_epi32(__mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_xor_epi32(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_andnot_epi32(__m512i __W, __mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_andnot_epi32(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_andnot_epi32(__mmask16 __U, __m512i __A, __m512i __B) { return __kit_512_sel32(__U, _mm512_andnot_epi32(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_mov_epi32(__m512i __W, __mmask16 __U, __m512i __A) { return __kit_512_sel32(__U, __A, __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_mov_epi32(__mmask16 __U, __m512i __A) { return __kit_512_sel32(__U, __A, __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_blend_epi32(__mmask16 __U, __m512i __A, __m512i __W) { return __kit_512_sel32(__U, __W, __A); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_add_epi64(__m512i __W, __mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_add_epi64(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_add_epi64(__mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_add_epi64(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_sub_epi64(__m512i __W, __mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_sub_epi64(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_sub_epi64(__mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_sub_epi64(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_and_epi64(__m512i __W, __mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_and_epi64(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_and_epi64(__mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_and_epi64(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_or_epi64(__m512i __W, __mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_or_epi64(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_or_epi64(__mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_or_epi64(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_xor_epi64(__m512i __W, __mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_xor_epi64(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_xor_epi64(__mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_xor_epi64(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_andnot_epi64(__m512i __W, __mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_andnot_epi64(__A, __B), __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_andnot_epi64(__mmask8 __U, __m512i __A, __m512i __B) { return __kit_512_sel64(__U, _mm512_andnot_epi64(__A, __B), __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_mov_epi64(__m512i __W, __mmask8 __U, __m512i __A) { return __kit_512_sel64(__U, __A, __W); }
static __inline__ __m512i __KIT_INTRIN _mm512_maskz_mov_epi64(__mmask8 __U, __m512i __A) { return __kit_512_sel64(__U, __A, __kit_512_zero()); }
static __inline__ __m512i __KIT_INTRIN _mm512_mask_blend_epi64(__mmask8 __U, __m512i __A, __m512i __W) { return __kit_512_sel64(__U, __W, __A); }
static __inline__ __m512 __KIT_INTRIN _mm512_mask_blend_ps(__mmask16 __U, __m512 __A, __m512 __W) { return (__m512)__kit_512_sel32(__U, (__m512i)__W, (__m512i)__A); }
static __inline__ __m512d __KIT_INTRIN _mm512_mask_blend_pd(__mmask8 __U, __m512d __A, __m512d __W) { return (__m512d)__kit_512_sel64(__U, (__m512i)__W, (__m512i)__A); }
static __inline__ __m512 __KIT_INTRIN _mm512_mask_mov_ps(__m512 __W, __mmask16 __U, __m512 __A) { return (__m512)__kit_512_sel32(__U, (__m512i)__A, (__m512i)__W); }
static __inline__ __m512d __KIT_INTRIN _mm512_mask_mov_pd(__m512d __W, __mmask8 __U, __m512d __A) { return (__m512d)__kit_512_sel64(__U, (__m512i)__A, (__m512i)__W); }
static __inline__ __m512 __KIT_INTRIN _mm512_maskz_mov_ps(__mmask16 __U, __m512 __A) { return (__m512)__kit_512_sel32(__U, (__m512i)__A, __kit_512_zero()); }
static __inline__ __m512d __KIT_INTRIN _mm512_maskz_mov_pd(__mmask8 __U, __m512d __A) { return (__m512d)__kit_512_sel64(__U, (__m512i)__A, __kit_512_zero()); }

/* shifts: counts at or above the lane width give 0 (sign fill for sra) */
static __inline__ __m512i __KIT_INTRIN _mm512_slli_epi32(__m512i __A, unsigned int __B) {
  if (__B > 31) return _mm512_setzero_si512();
  return (__m512i)((__v16su)__A << __B);
}
static __inline__ __m512i __KIT_INTRIN _mm512_srli_epi32(__m512i __A, unsigned int __B) {
  if (__B > 31) return _mm512_setzero_si512();
  return (__m512i)((__v16su)__A >> __B);
}
static __inline__ __m512i __KIT_INTRIN _mm512_srai_epi32(__m512i __A, unsigned int __B) { return (__m512i)((__v16si)__A >> (int)(__B > 31 ? 31 : __B)); }
static __inline__ __m512i __KIT_INTRIN _mm512_slli_epi64(__m512i __A, unsigned int __B) {
  if (__B > 63) return _mm512_setzero_si512();
  return (__m512i)((__v8du)__A << (unsigned long long)__B);
}
static __inline__ __m512i __KIT_INTRIN _mm512_srli_epi64(__m512i __A, unsigned int __B) {
  if (__B > 63) return _mm512_setzero_si512();
  return (__m512i)((__v8du)__A >> (unsigned long long)__B);
}
static __inline__ __m512i __KIT_INTRIN _mm512_srai_epi64(__m512i __A, unsigned int __B) { return (__m512i)((__v8di)__A >> (long long)(__B > 63 ? 63 : __B)); }
__KIT_512_HELPER unsigned long long __kit_512_count(__m128i __B) { return ((__v2du)__B)[0]; }
static __inline__ __m512i __KIT_INTRIN _mm512_sll_epi32(__m512i __A, __m128i __B) {
  unsigned long long __n = __kit_512_count(__B);
  return _mm512_slli_epi32(__A, __n > 31 ? 32 : (unsigned int)__n);
}
static __inline__ __m512i __KIT_INTRIN _mm512_srl_epi32(__m512i __A, __m128i __B) {
  unsigned long long __n = __kit_512_count(__B);
  return _mm512_srli_epi32(__A, __n > 31 ? 32 : (unsigned int)__n);
}
static __inline__ __m512i __KIT_INTRIN _mm512_sra_epi32(__m512i __A, __m128i __B) {
  unsigned long long __n = __kit_512_count(__B);
  return _mm512_srai_epi32(__A, __n > 31 ? 31 : (unsigned int)__n);
}
static __inline__ __m512i __KIT_INTRIN _mm512_sll_epi64(__m512i __A, __m128i __B) {
  unsigned long long __n = __kit_512_count(__B);
  return _mm512_slli_epi64(__A, __n > 63 ? 64 : (unsigned int)__n);
}
static __inline__ __m512i __KIT_INTRIN _mm512_srl_epi64(__m512i __A, __m128i __B) {
  unsigned long long __n = __kit_512_count(__B);
  return _mm512_srli_epi64(__A, __n > 63 ? 64 : (unsigned int)__n);
}
static __inline__ __m512i __KIT_INTRIN _mm512_sra_epi64(__m512i __A, __m128i __B) {
  unsigned long long __n = __kit_512_count(__B);
  return _mm512_srai_epi64(__A, __n > 63 ? 63 : (unsigned int)__n);
}
static __inline__ __m512i __KIT_INTRIN _mm512_sllv_epi32(__m512i __X, __m512i __Y) {
  __v16su __x = (__v16su)__X, __y = (__v16su)__Y, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __y[__i] > 31 ? 0 : __x[__i] << __y[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_srlv_epi32(__m512i __X, __m512i __Y) {
  __v16su __x = (__v16su)__X, __y = (__v16su)__Y, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __y[__i] > 31 ? 0 : __x[__i] >> __y[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_srav_epi32(__m512i __X, __m512i __Y) {
  __v16si __x = (__v16si)__X, __r;
  __v16su __y = (__v16su)__Y;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __x[__i] >> (__y[__i] > 31 ? 31 : __y[__i]);
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_sllv_epi64(__m512i __X, __m512i __Y) {
  __v8du __x = (__v8du)__X, __y = (__v8du)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __y[__i] > 63 ? 0 : __x[__i] << __y[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_srlv_epi64(__m512i __X, __m512i __Y) {
  __v8du __x = (__v8du)__X, __y = (__v8du)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __y[__i] > 63 ? 0 : __x[__i] >> __y[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_srav_epi64(__m512i __X, __m512i __Y) {
  __v8di __x = (__v8di)__X, __r;
  __v8du __y = (__v8du)__Y;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__i] >> (__y[__i] > 63 ? 63 : __y[__i]);
  return (__m512i)__r;
}
/* rotates (count modulo the lane width) */
static __inline__ __m512i __KIT_INTRIN _mm512_rolv_epi32(__m512i __A, __m512i __B) {
  __v16su __a = (__v16su)__A, __b = (__v16su)__B, __r;
  for (int __i = 0; __i < 16; __i++) {
    unsigned int __c = (unsigned int)(__b[__i] & 31);
    __r[__i] = __c ? (__a[__i] << __c) | (__a[__i] >> (32 - __c)) : __a[__i];
  }
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_rorv_epi32(__m512i __A, __m512i __B) {
  __v16su __a = (__v16su)__A, __b = (__v16su)__B, __r;
  for (int __i = 0; __i < 16; __i++) {
    unsigned int __c = (unsigned int)(__b[__i] & 31);
    __r[__i] = __c ? (__a[__i] >> __c) | (__a[__i] << (32 - __c)) : __a[__i];
  }
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_rol_epi32(__m512i __A, const int __imm8) { return _mm512_rolv_epi32(__A, _mm512_set1_epi32(__imm8)); }
static __inline__ __m512i __KIT_INTRIN _mm512_ror_epi32(__m512i __A, const int __imm8) { return _mm512_rorv_epi32(__A, _mm512_set1_epi32(__imm8)); }
static __inline__ __m512i __KIT_INTRIN _mm512_rolv_epi64(__m512i __A, __m512i __B) {
  __v8du __a = (__v8du)__A, __b = (__v8du)__B, __r;
  for (int __i = 0; __i < 8; __i++) {
    unsigned int __c = (unsigned int)(__b[__i] & 63);
    __r[__i] = __c ? (__a[__i] << __c) | (__a[__i] >> (64 - __c)) : __a[__i];
  }
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_rorv_epi64(__m512i __A, __m512i __B) {
  __v8du __a = (__v8du)__A, __b = (__v8du)__B, __r;
  for (int __i = 0; __i < 8; __i++) {
    unsigned int __c = (unsigned int)(__b[__i] & 63);
    __r[__i] = __c ? (__a[__i] >> __c) | (__a[__i] << (64 - __c)) : __a[__i];
  }
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_rol_epi64(__m512i __A, const int __imm8) { return _mm512_rolv_epi64(__A, _mm512_set1_epi64(__imm8)); }
static __inline__ __m512i __KIT_INTRIN _mm512_ror_epi64(__m512i __A, const int __imm8) { return _mm512_rorv_epi64(__A, _mm512_set1_epi64(__imm8)); }

/* ternary logic: result bit = bit (a << 2 | b << 1 | c) of the immediate */
__KIT_512_HELPER __m512i __kit_512_ternlog(__m512i __A, __m512i __B, __m512i __C, int __imm) {
  __v8du __a = (__v8du)__A, __b = (__v8du)__B, __c = (__v8du)__C, __r = (__v8du)__kit_512_zero();
  for (int __k = 0; __k < 8; __k++)
    if ((__imm >> __k) & 1) __r |= (__k & 4 ? __a : ~__a) & (__k & 2 ? __b : ~__b) & (__k & 1 ? __c : ~__c);
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_ternarylogic_epi32(__m512i __A, __m512i __B, __m512i __C, const int __imm8) { return __kit_512_ternlog(__A, __B, __C, __imm8); }
static __inline__ __m512i __KIT_INTRIN _mm512_ternarylogic_epi64(__m512i __A, __m512i __B, __m512i __C, const int __imm8) { return __kit_512_ternlog(__A, __B, __C, __imm8); }
/* shuffles and permutes */
static __inline__ __m512i __KIT_INTRIN _mm512_shuffle_epi32(__m512i __A, _MM_PERM_ENUM __imm8) {
  __v16si __a = (__v16si)__A, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __a[(__i & ~3) + (((int)__imm8 >> (2 * (__i & 3))) & 3)];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_shuffle_i32x4(__m512i __A, __m512i __B, const int __imm8) {
  __v2di __a[4], __b[4], __r[4];
  __builtin_memcpy(__a, &__A, 64);
  __builtin_memcpy(__b, &__B, 64);
  __r[0] = __a[__imm8 & 3];
  __r[1] = __a[(__imm8 >> 2) & 3];
  __r[2] = __b[(__imm8 >> 4) & 3];
  __r[3] = __b[(__imm8 >> 6) & 3];
  __m512i __v;
  __builtin_memcpy(&__v, __r, 64);
  return __v;
}
static __inline__ __m512i __KIT_INTRIN _mm512_shuffle_i64x2(__m512i __A, __m512i __B, const int __imm8) { return _mm512_shuffle_i32x4(__A, __B, __imm8); }
static __inline__ __m512 __KIT_INTRIN _mm512_shuffle_f32x4(__m512 __A, __m512 __B, const int __imm8) { return (__m512)_mm512_shuffle_i32x4((__m512i)__A, (__m512i)__B, __imm8); }
static __inline__ __m512d __KIT_INTRIN _mm512_shuffle_f64x2(__m512d __A, __m512d __B, const int __imm8) { return (__m512d)_mm512_shuffle_i32x4((__m512i)__A, (__m512i)__B, __imm8); }
static __inline__ __m512i __KIT_INTRIN _mm512_permutexvar_epi32(__m512i __X, __m512i __Y) {
  __v16si __x = (__v16si)__X, __y = (__v16si)__Y, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __y[__x[__i] & 15];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_permutexvar_epi64(__m512i __X, __m512i __Y) {
  __v8di __x = (__v8di)__X, __y = (__v8di)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __y[__x[__i] & 7];
  return (__m512i)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_permutexvar_ps(__m512i __X, __m512 __Y) { return (__m512)_mm512_permutexvar_epi32(__X, (__m512i)__Y); }
static __inline__ __m512d __KIT_INTRIN _mm512_permutexvar_pd(__m512i __X, __m512d __Y) { return (__m512d)_mm512_permutexvar_epi64(__X, (__m512i)__Y); }
static __inline__ __m512i __KIT_INTRIN _mm512_permutex_epi64(__m512i __X, const int __imm8) {
  __v8di __x = (__v8di)__X, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __x[(__i & 4) + ((__imm8 >> (2 * (__i & 3))) & 3)];
  return (__m512i)__r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_permutex_pd(__m512d __X, const int __imm8) { return (__m512d)_mm512_permutex_epi64((__m512i)__X, __imm8); }
/* unpack: interleave within each 128-bit lane */
static __inline__ __m512i __KIT_INTRIN _mm512_unpacklo_epi32(__m512i __A, __m512i __B) {
  __v16si __a = (__v16si)__A, __b = (__v16si)__B, __r;
  for (int __l = 0; __l < 16; __l += 4) {
    __r[__l] = __a[__l + 0];
    __r[__l + 1] = __b[__l + 0];
    __r[__l + 2] = __a[__l + 1];
    __r[__l + 3] = __b[__l + 1];
  }
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_unpacklo_epi64(__m512i __A, __m512i __B) {
  __v8di __a = (__v8di)__A, __b = (__v8di)__B, __r;
  for (int __l = 0; __l < 8; __l += 2) {
    __r[__l] = __a[__l + 0];
    __r[__l + 1] = __b[__l + 0];
  }
  return (__m512i)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_unpacklo_ps(__m512 __A, __m512 __B) { return (__m512)_mm512_unpacklo_epi32((__m512i)__A, (__m512i)__B); }
static __inline__ __m512d __KIT_INTRIN _mm512_unpacklo_pd(__m512d __A, __m512d __B) { return (__m512d)_mm512_unpacklo_epi64((__m512i)__A, (__m512i)__B); }
static __inline__ __m512i __KIT_INTRIN _mm512_unpackhi_epi32(__m512i __A, __m512i __B) {
  __v16si __a = (__v16si)__A, __b = (__v16si)__B, __r;
  for (int __l = 0; __l < 16; __l += 4) {
    __r[__l] = __a[__l + 2];
    __r[__l + 1] = __b[__l + 2];
    __r[__l + 2] = __a[__l + 3];
    __r[__l + 3] = __b[__l + 3];
  }
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_unpackhi_epi64(__m512i __A, __m512i __B) {
  __v8di __a = (__v8di)__A, __b = (__v8di)__B, __r;
  for (int __l = 0; __l < 8; __l += 2) {
    __r[__l] = __a[__l + 1];
    __r[__l + 1] = __b[__l + 1];
  }
  return (__m512i)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_unpackhi_ps(__m512 __A, __m512 __B) { return (__m512)_mm512_unpackhi_epi32((__m512i)__A, (__m512i)__B); }
static __inline__ __m512d __KIT_INTRIN _mm512_unpackhi_pd(__m512d __A, __m512d __B) { return (__m512d)_mm512_unpackhi_epi64((__m512i)__A, (__m512i)__B); }
/* alignr: (__A:__B) shifted right by the immediate's lane count (mod 16 / 8) */
static __inline__ __m512i __KIT_INTRIN _mm512_alignr_epi32(__m512i __A, __m512i __B, const int __imm8) {
  __v16si __a = (__v16si)__A, __b = (__v16si)__B, __r;
  int __n = __imm8 & 15;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __i + __n < 16 ? __b[__i + __n] : __a[__i + __n - 16];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_alignr_epi64(__m512i __A, __m512i __B, const int __imm8) {
  __v8di __a = (__v8di)__A, __b = (__v8di)__B, __r;
  int __n = __imm8 & 7;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __i + __n < 8 ? __b[__i + __n] : __a[__i + __n - 8];
  return (__m512i)__r;
}

/* integer compares into masks */
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmp_epi32_mask(__m512i __X, __m512i __Y, const int __imm3) {
  __v16si __x = (__v16si)__X, __y = (__v16si)__Y;
  unsigned int __m = 0;
  for (int __i = 0; __i < 16; __i++) {
    int __t;
    switch (__imm3 & 7) {
    case 0: __t = __x[__i] == __y[__i]; break;
    case 1: __t = __x[__i] < __y[__i]; break;
    case 2: __t = __x[__i] <= __y[__i]; break;
    case 3: __t = 0; break;
    case 4: __t = __x[__i] != __y[__i]; break;
    case 5: __t = __x[__i] >= __y[__i]; break;
    case 6: __t = __x[__i] > __y[__i]; break;
    default: __t = 1; break;
    }
    __m |= (unsigned int)__t << __i;
  }
  return (__mmask16)__m;
}
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpeq_epi32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi32_mask(__X, __Y, 0); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpeq_epi32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi32_mask(__X, __Y, 0); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpneq_epi32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi32_mask(__X, __Y, 4); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpneq_epi32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi32_mask(__X, __Y, 4); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmplt_epi32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi32_mask(__X, __Y, 1); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmplt_epi32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi32_mask(__X, __Y, 1); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmple_epi32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi32_mask(__X, __Y, 2); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmple_epi32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi32_mask(__X, __Y, 2); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpgt_epi32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi32_mask(__X, __Y, 6); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpgt_epi32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi32_mask(__X, __Y, 6); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpge_epi32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi32_mask(__X, __Y, 5); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpge_epi32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi32_mask(__X, __Y, 5); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmp_epu32_mask(__m512i __X, __m512i __Y, const int __imm3) {
  __v16su __x = (__v16su)__X, __y = (__v16su)__Y;
  unsigned int __m = 0;
  for (int __i = 0; __i < 16; __i++) {
    int __t;
    switch (__imm3 & 7) {
    case 0: __t = __x[__i] == __y[__i]; break;
    case 1: __t = __x[__i] < __y[__i]; break;
    case 2: __t = __x[__i] <= __y[__i]; break;
    case 3: __t = 0; break;
    case 4: __t = __x[__i] != __y[__i]; break;
    case 5: __t = __x[__i] >= __y[__i]; break;
    case 6: __t = __x[__i] > __y[__i]; break;
    default: __t = 1; break;
    }
    __m |= (unsigned int)__t << __i;
  }
  return (__mmask16)__m;
}
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpeq_epu32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu32_mask(__X, __Y, 0); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpeq_epu32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu32_mask(__X, __Y, 0); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpneq_epu32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu32_mask(__X, __Y, 4); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpneq_epu32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu32_mask(__X, __Y, 4); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmplt_epu32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu32_mask(__X, __Y, 1); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmplt_epu32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu32_mask(__X, __Y, 1); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmple_epu32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu32_mask(__X, __Y, 2); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmple_epu32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu32_mask(__X, __Y, 2); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpgt_epu32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu32_mask(__X, __Y, 6); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpgt_epu32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu32_mask(__X, __Y, 6); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_cmpge_epu32_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu32_mask(__X, __Y, 5); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_mask_cmpge_epu32_mask(__mmask16 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu32_mask(__X, __Y, 5); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmp_epi64_mask(__m512i __X, __m512i __Y, const int __imm3) {
  __v8di __x = (__v8di)__X, __y = (__v8di)__Y;
  unsigned int __m = 0;
  for (int __i = 0; __i < 8; __i++) {
    int __t;
    switch (__imm3 & 7) {
    case 0: __t = __x[__i] == __y[__i]; break;
    case 1: __t = __x[__i] < __y[__i]; break;
    case 2: __t = __x[__i] <= __y[__i]; break;
    case 3: __t = 0; break;
    case 4: __t = __x[__i] != __y[__i]; break;
    case 5: __t = __x[__i] >= __y[__i]; break;
    case 6: __t = __x[__i] > __y[__i]; break;
    default: __t = 1; break;
    }
    __m |= (unsigned int)__t << __i;
  }
  return (__mmask8)__m;
}
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpeq_epi64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi64_mask(__X, __Y, 0); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpeq_epi64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi64_mask(__X, __Y, 0); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpneq_epi64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi64_mask(__X, __Y, 4); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpneq_epi64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi64_mask(__X, __Y, 4); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmplt_epi64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi64_mask(__X, __Y, 1); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmplt_epi64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi64_mask(__X, __Y, 1); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmple_epi64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi64_mask(__X, __Y, 2); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmple_epi64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi64_mask(__X, __Y, 2); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpgt_epi64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi64_mask(__X, __Y, 6); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpgt_epi64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi64_mask(__X, __Y, 6); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpge_epi64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epi64_mask(__X, __Y, 5); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpge_epi64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epi64_mask(__X, __Y, 5); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmp_epu64_mask(__m512i __X, __m512i __Y, const int __imm3) {
  __v8du __x = (__v8du)__X, __y = (__v8du)__Y;
  unsigned int __m = 0;
  for (int __i = 0; __i < 8; __i++) {
    int __t;
    switch (__imm3 & 7) {
    case 0: __t = __x[__i] == __y[__i]; break;
    case 1: __t = __x[__i] < __y[__i]; break;
    case 2: __t = __x[__i] <= __y[__i]; break;
    case 3: __t = 0; break;
    case 4: __t = __x[__i] != __y[__i]; break;
    case 5: __t = __x[__i] >= __y[__i]; break;
    case 6: __t = __x[__i] > __y[__i]; break;
    default: __t = 1; break;
    }
    __m |= (unsigned int)__t << __i;
  }
  return (__mmask8)__m;
}
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpeq_epu64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu64_mask(__X, __Y, 0); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpeq_epu64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu64_mask(__X, __Y, 0); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpneq_epu64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu64_mask(__X, __Y, 4); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpneq_epu64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu64_mask(__X, __Y, 4); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmplt_epu64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu64_mask(__X, __Y, 1); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmplt_epu64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu64_mask(__X, __Y, 1); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmple_epu64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu64_mask(__X, __Y, 2); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmple_epu64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu64_mask(__X, __Y, 2); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpgt_epu64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu64_mask(__X, __Y, 6); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpgt_epu64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu64_mask(__X, __Y, 6); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_cmpge_epu64_mask(__m512i __X, __m512i __Y) { return _mm512_cmp_epu64_mask(__X, __Y, 5); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_mask_cmpge_epu64_mask(__mmask8 __M, __m512i __X, __m512i __Y) { return __M & _mm512_cmp_epu64_mask(__X, __Y, 5); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_test_epi32_mask(__m512i __A, __m512i __B) { return _mm512_cmpneq_epi32_mask(_mm512_and_si512(__A, __B), _mm512_setzero_si512()); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_testn_epi32_mask(__m512i __A, __m512i __B) { return _mm512_cmpeq_epi32_mask(_mm512_and_si512(__A, __B), _mm512_setzero_si512()); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_test_epi64_mask(__m512i __A, __m512i __B) { return _mm512_cmpneq_epi64_mask(_mm512_and_si512(__A, __B), _mm512_setzero_si512()); }
static __inline__ __mmask8 __KIT_INTRIN _mm512_testn_epi64_mask(__m512i __A, __m512i __B) { return _mm512_cmpeq_epi64_mask(_mm512_and_si512(__A, __B), _mm512_setzero_si512()); }

/* mask registers */
static __inline__ __mmask16 __KIT_INTRIN _mm512_int2mask(int __M) { return (__mmask16)__M; }
static __inline__ int __KIT_INTRIN _mm512_mask2int(__mmask16 __M) { return (int)__M; }
static __inline__ unsigned int __KIT_INTRIN _cvtmask16_u32(__mmask16 __A) { return (unsigned int)__A; }
static __inline__ __mmask16 __KIT_INTRIN _cvtu32_mask16(unsigned int __A) { return (__mmask16)__A; }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kand(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A & __B); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kandn(__mmask16 __A, __mmask16 __B) { return (__mmask16)(~__A & __B); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kor(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A | __B); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kxor(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A ^ __B); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kxnor(__mmask16 __A, __mmask16 __B) { return (__mmask16)~(__A ^ __B); }
static __inline__ __mmask16 __KIT_INTRIN _mm512_knot(__mmask16 __A) { return (__mmask16)~__A; }
static __inline__ __mmask16 __KIT_INTRIN _kand_mask16(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A & __B); }
static __inline__ __mmask16 __KIT_INTRIN _kandn_mask16(__mmask16 __A, __mmask16 __B) { return (__mmask16)(~__A & __B); }
static __inline__ __mmask16 __KIT_INTRIN _kor_mask16(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A | __B); }
static __inline__ __mmask16 __KIT_INTRIN _kxor_mask16(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A ^ __B); }
static __inline__ __mmask16 __KIT_INTRIN _kxnor_mask16(__mmask16 __A, __mmask16 __B) { return (__mmask16)~(__A ^ __B); }
static __inline__ __mmask16 __KIT_INTRIN _knot_mask16(__mmask16 __A) { return (__mmask16)~__A; }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kmov(__mmask16 __A) { return __A; }
static __inline__ int __KIT_INTRIN _mm512_kortestz(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A | __B) == 0; }
static __inline__ int __KIT_INTRIN _mm512_kortestc(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A | __B) == 0xFFFF; }
static __inline__ unsigned char __KIT_INTRIN _kortestz_mask16_u8(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A | __B) == 0; }
static __inline__ unsigned char __KIT_INTRIN _kortestc_mask16_u8(__mmask16 __A, __mmask16 __B) { return (__mmask16)(__A | __B) == 0xFFFF; }
static __inline__ __mmask16 __KIT_INTRIN _mm512_kunpackb(__mmask16 __A, __mmask16 __B) { return (__mmask16)(((__A & 0xFF) << 8) | (__B & 0xFF)); }

/* floating point, lane-wise (the C operations round as the instructions do).
   Which NaN an operation returns is made explicit, as the instructions give it:
   __A's (quieted) if it is a NaN, else __B's; a compiler may swap the operands
   of a commutative vector operation. */
__KIT_512_HELPER __m512 __kit_512_nan_ps(__m512 __R, __m512 __A, __m512 __B) {
  __v16su __r = (__v16su)__R, __a = (__v16su)__A, __b = (__v16su)__B;
  for (int __i = 0; __i < 16; __i++) {
    if ((__a[__i] & 0x7FFFFFFFu) > 0x7F800000u) __r[__i] = __a[__i] | 0x00400000u;
    else if ((__b[__i] & 0x7FFFFFFFu) > 0x7F800000u) __r[__i] = __b[__i] | 0x00400000u;
  }
  return (__m512)__r;
}
__KIT_512_HELPER __m512d __kit_512_nan_pd(__m512d __R, __m512d __A, __m512d __B) {
  __v8du __r = (__v8du)__R, __a = (__v8du)__A, __b = (__v8du)__B;
  for (int __i = 0; __i < 8; __i++) {
    if ((__a[__i] & 0x7FFFFFFFFFFFFFFFull) > 0x7FF0000000000000ull) __r[__i] = __a[__i] | 0x0008000000000000ull;
    else if ((__b[__i] & 0x7FFFFFFFFFFFFFFFull) > 0x7FF0000000000000ull) __r[__i] = __b[__i] | 0x0008000000000000ull;
  }
  return (__m512d)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_add_ps(__m512 __A, __m512 __B) { return __kit_512_nan_ps((__m512)((__v16sf)__A + (__v16sf)__B), __A, __B); }
static __inline__ __m512 __KIT_INTRIN _mm512_sub_ps(__m512 __A, __m512 __B) { return __kit_512_nan_ps((__m512)((__v16sf)__A - (__v16sf)__B), __A, __B); }
static __inline__ __m512 __KIT_INTRIN _mm512_mul_ps(__m512 __A, __m512 __B) { return __kit_512_nan_ps((__m512)((__v16sf)__A * (__v16sf)__B), __A, __B); }
static __inline__ __m512 __KIT_INTRIN _mm512_div_ps(__m512 __A, __m512 __B) { return __kit_512_nan_ps((__m512)((__v16sf)__A / (__v16sf)__B), __A, __B); }
static __inline__ __m512 __KIT_INTRIN _mm512_sqrt_ps(__m512 __A) {
  __v16sf __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __builtin_sqrtf(__A[__i]);
  return (__m512)__r;
}
/* max/min: the second operand when either is NaN or both are zero */
static __inline__ __m512 __KIT_INTRIN _mm512_max_ps(__m512 __A, __m512 __B) {
  __v16sf __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __A[__i] > __B[__i] ? __A[__i] : __B[__i];
  return (__m512)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_min_ps(__m512 __A, __m512 __B) {
  __v16sf __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __A[__i] < __B[__i] ? __A[__i] : __B[__i];
  return (__m512)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_abs_ps(__m512 __A) { return (__m512)((__v16su)__A & 0x7FFFFFFFu); }
static __inline__ __m512d __KIT_INTRIN _mm512_add_pd(__m512d __A, __m512d __B) { return __kit_512_nan_pd((__m512d)((__v8df)__A + (__v8df)__B), __A, __B); }
static __inline__ __m512d __KIT_INTRIN _mm512_sub_pd(__m512d __A, __m512d __B) { return __kit_512_nan_pd((__m512d)((__v8df)__A - (__v8df)__B), __A, __B); }
static __inline__ __m512d __KIT_INTRIN _mm512_mul_pd(__m512d __A, __m512d __B) { return __kit_512_nan_pd((__m512d)((__v8df)__A * (__v8df)__B), __A, __B); }
static __inline__ __m512d __KIT_INTRIN _mm512_div_pd(__m512d __A, __m512d __B) { return __kit_512_nan_pd((__m512d)((__v8df)__A / (__v8df)__B), __A, __B); }
static __inline__ __m512d __KIT_INTRIN _mm512_sqrt_pd(__m512d __A) {
  __v8df __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __builtin_sqrt(__A[__i]);
  return (__m512d)__r;
}
/* max/min: the second operand when either is NaN or both are zero */
static __inline__ __m512d __KIT_INTRIN _mm512_max_pd(__m512d __A, __m512d __B) {
  __v8df __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __A[__i] > __B[__i] ? __A[__i] : __B[__i];
  return (__m512d)__r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_min_pd(__m512d __A, __m512d __B) {
  __v8df __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __A[__i] < __B[__i] ? __A[__i] : __B[__i];
  return (__m512d)__r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_abs_pd(__m512d __A) { return (__m512d)((__v8du)__A & 0x7FFFFFFFFFFFFFFFull); }

/* fused multiply-add: one rounding (C fma), with the hardware's NaN rules as
   gcc's FMA code gives them (kit's fmaintrin.h uses the 213 encoding: a NaN
   in __B, else __A, else __C comes back quieted; an invalid operation with
   no NaN input gives the default NaN). __sa negates the product, __sc __C. */
__KIT_512_HELPER __m512 __kit_512_fma_ps(__m512 __A, __m512 __B, __m512 __C, int __sa, int __sc) {
  __v16su __a = (__v16su)__A, __b = (__v16su)__B, __c = (__v16su)__C, __r;
  for (int __i = 0; __i < 16; __i++) {
    if ((__b[__i] & 0x7FFFFFFFu) > 0x7F800000u) __r[__i] = __b[__i] | 0x00400000u;
    else if ((__a[__i] & 0x7FFFFFFFu) > 0x7F800000u) __r[__i] = __a[__i] | 0x00400000u;
    else if ((__c[__i] & 0x7FFFFFFFu) > 0x7F800000u) __r[__i] = __c[__i] | 0x00400000u;
    else {
      float __f = __kit_fma_f32(__sa ? -__A[__i] : __A[__i], __B[__i], __sc ? -__C[__i] : __C[__i]);
      unsigned int __u;
      __builtin_memcpy(&__u, &__f, 4);
      __r[__i] = (__u & 0x7FFFFFFFu) > 0x7F800000u ? 0xFFC00000u : __u;
    }
  }
  return (__m512)__r;
}
__KIT_512_HELPER __m512d __kit_512_fma_pd(__m512d __A, __m512d __B, __m512d __C, int __sa, int __sc) {
  __v8du __a = (__v8du)__A, __b = (__v8du)__B, __c = (__v8du)__C, __r;
  const unsigned long long __abs = 0x7FFFFFFFFFFFFFFFull, __inf = 0x7FF0000000000000ull, __q = 0x0008000000000000ull;
  for (int __i = 0; __i < 8; __i++) {
    if ((__b[__i] & __abs) > __inf) __r[__i] = __b[__i] | __q;
    else if ((__a[__i] & __abs) > __inf) __r[__i] = __a[__i] | __q;
    else if ((__c[__i] & __abs) > __inf) __r[__i] = __c[__i] | __q;
    else {
      double __f = __kit_fma_f64(__sa ? -__A[__i] : __A[__i], __B[__i], __sc ? -__C[__i] : __C[__i]);
      unsigned long long __u;
      __builtin_memcpy(&__u, &__f, 8);
      __r[__i] = (__u & __abs) > __inf ? 0xFFF8000000000000ull : __u;
    }
  }
  return (__m512d)__r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_fmadd_ps(__m512 __A, __m512 __B, __m512 __C) { return __kit_512_fma_ps(__A, __B, __C, 0, 0); }
static __inline__ __m512d __KIT_INTRIN _mm512_fmadd_pd(__m512d __A, __m512d __B, __m512d __C) { return __kit_512_fma_pd(__A, __B, __C, 0, 0); }
static __inline__ __m512 __KIT_INTRIN _mm512_fmsub_ps(__m512 __A, __m512 __B, __m512 __C) { return __kit_512_fma_ps(__A, __B, __C, 0, 1); }
static __inline__ __m512d __KIT_INTRIN _mm512_fmsub_pd(__m512d __A, __m512d __B, __m512d __C) { return __kit_512_fma_pd(__A, __B, __C, 0, 1); }
static __inline__ __m512 __KIT_INTRIN _mm512_fnmadd_ps(__m512 __A, __m512 __B, __m512 __C) { return __kit_512_fma_ps(__A, __B, __C, 1, 0); }
static __inline__ __m512d __KIT_INTRIN _mm512_fnmadd_pd(__m512d __A, __m512d __B, __m512d __C) { return __kit_512_fma_pd(__A, __B, __C, 1, 0); }
static __inline__ __m512 __KIT_INTRIN _mm512_fnmsub_ps(__m512 __A, __m512 __B, __m512 __C) { return __kit_512_fma_ps(__A, __B, __C, 1, 1); }
static __inline__ __m512d __KIT_INTRIN _mm512_fnmsub_pd(__m512d __A, __m512d __B, __m512d __C) { return __kit_512_fma_pd(__A, __B, __C, 1, 1); }
static __inline__ __m512 __KIT_INTRIN _mm512_mask_add_ps(__m512 __W, __mmask16 __U, __m512 __A, __m512 __B) { return (__m512)__kit_512_sel32(__U, (__m512i)_mm512_add_ps(__A, __B), (__m512i)__W); }
static __inline__ __m512 __KIT_INTRIN _mm512_maskz_add_ps(__mmask16 __U, __m512 __A, __m512 __B) { return (__m512)__kit_512_sel32(__U, (__m512i)_mm512_add_ps(__A, __B), __kit_512_zero()); }
static __inline__ __m512 __KIT_INTRIN _mm512_mask_sub_ps(__m512 __W, __mmask16 __U, __m512 __A, __m512 __B) { return (__m512)__kit_512_sel32(__U, (__m512i)_mm512_sub_ps(__A, __B), (__m512i)__W); }
static __inline__ __m512 __KIT_INTRIN _mm512_maskz_sub_ps(__mmask16 __U, __m512 __A, __m512 __B) { return (__m512)__kit_512_sel32(__U, (__m512i)_mm512_sub_ps(__A, __B), __kit_512_zero()); }
static __inline__ __m512 __KIT_INTRIN _mm512_mask_mul_ps(__m512 __W, __mmask16 __U, __m512 __A, __m512 __B) { return (__m512)__kit_512_sel32(__U, (__m512i)_mm512_mul_ps(__A, __B), (__m512i)__W); }
static __inline__ __m512 __KIT_INTRIN _mm512_maskz_mul_ps(__mmask16 __U, __m512 __A, __m512 __B) { return (__m512)__kit_512_sel32(__U, (__m512i)_mm512_mul_ps(__A, __B), __kit_512_zero()); }
static __inline__ __m512d __KIT_INTRIN _mm512_mask_add_pd(__m512d __W, __mmask8 __U, __m512d __A, __m512d __B) { return (__m512d)__kit_512_sel64(__U, (__m512i)_mm512_add_pd(__A, __B), (__m512i)__W); }
static __inline__ __m512d __KIT_INTRIN _mm512_maskz_add_pd(__mmask8 __U, __m512d __A, __m512d __B) { return (__m512d)__kit_512_sel64(__U, (__m512i)_mm512_add_pd(__A, __B), __kit_512_zero()); }
static __inline__ __m512d __KIT_INTRIN _mm512_mask_sub_pd(__m512d __W, __mmask8 __U, __m512d __A, __m512d __B) { return (__m512d)__kit_512_sel64(__U, (__m512i)_mm512_sub_pd(__A, __B), (__m512i)__W); }
static __inline__ __m512d __KIT_INTRIN _mm512_maskz_sub_pd(__mmask8 __U, __m512d __A, __m512d __B) { return (__m512d)__kit_512_sel64(__U, (__m512i)_mm512_sub_pd(__A, __B), __kit_512_zero()); }
static __inline__ __m512d __KIT_INTRIN _mm512_mask_mul_pd(__m512d __W, __mmask8 __U, __m512d __A, __m512d __B) { return (__m512d)__kit_512_sel64(__U, (__m512i)_mm512_mul_pd(__A, __B), (__m512i)__W); }
static __inline__ __m512d __KIT_INTRIN _mm512_maskz_mul_pd(__mmask8 __U, __m512d __A, __m512d __B) { return (__m512d)__kit_512_sel64(__U, (__m512i)_mm512_mul_pd(__A, __B), __kit_512_zero()); }
/* int -> float conversions (exact, or rounded by MXCSR as cvtdq2ps) */
static __inline__ __m512 __KIT_INTRIN _mm512_cvtepi32_ps(__m512i __A) {
  __v16si __a = (__v16si)__A;
  __v16sf __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (float)__a[__i];
  return (__m512)__r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_cvtepi32_pd(__m256i __A) {
  __v8si __a = (__v8si)__A;
  __v8df __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (double)__a[__i];
  return (__m512d)__r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_cvtepu32_pd(__m256i __A) {
  __v8su __a = (__v8su)__A;
  __v8df __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (double)__a[__i];
  return (__m512d)__r;
}

/* casts (the upper part of a widened value is zero here) */
static __inline__ __m512d __KIT_INTRIN _mm512_castps_pd(__m512 __A) { return (__m512d)__A; }
static __inline__ __m512i __KIT_INTRIN _mm512_castps_si512(__m512 __A) { return (__m512i)__A; }
static __inline__ __m512 __KIT_INTRIN _mm512_castpd_ps(__m512d __A) { return (__m512)__A; }
static __inline__ __m512i __KIT_INTRIN _mm512_castpd_si512(__m512d __A) { return (__m512i)__A; }
static __inline__ __m512 __KIT_INTRIN _mm512_castsi512_ps(__m512i __A) { return (__m512)__A; }
static __inline__ __m512d __KIT_INTRIN _mm512_castsi512_pd(__m512i __A) { return (__m512d)__A; }
static __inline__ __m128d __KIT_INTRIN _mm512_castpd512_pd128(__m512d __A) {
  __m128d __r;
  __builtin_memcpy(&__r, &__A, 16);
  return __r;
}
static __inline__ __m256d __KIT_INTRIN _mm512_castpd512_pd256(__m512d __A) {
  __m256d __r;
  __builtin_memcpy(&__r, &__A, 32);
  return __r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_castpd128_pd512(__m128d __A) {
  __m512d __r = (__m512d)_mm512_setzero_si512();
  __builtin_memcpy(&__r, &__A, 16);
  return __r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_castpd256_pd512(__m256d __A) {
  __m512d __r = (__m512d)_mm512_setzero_si512();
  __builtin_memcpy(&__r, &__A, 32);
  return __r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_zextpd128_pd512(__m128d __A) { return _mm512_castpd128_pd512(__A); }
static __inline__ __m512d __KIT_INTRIN _mm512_zextpd256_pd512(__m256d __A) { return _mm512_castpd256_pd512(__A); }
static __inline__ __m128 __KIT_INTRIN _mm512_castps512_ps128(__m512 __A) {
  __m128 __r;
  __builtin_memcpy(&__r, &__A, 16);
  return __r;
}
static __inline__ __m256 __KIT_INTRIN _mm512_castps512_ps256(__m512 __A) {
  __m256 __r;
  __builtin_memcpy(&__r, &__A, 32);
  return __r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_castps128_ps512(__m128 __A) {
  __m512 __r = (__m512)_mm512_setzero_si512();
  __builtin_memcpy(&__r, &__A, 16);
  return __r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_castps256_ps512(__m256 __A) {
  __m512 __r = (__m512)_mm512_setzero_si512();
  __builtin_memcpy(&__r, &__A, 32);
  return __r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_zextps128_ps512(__m128 __A) { return _mm512_castps128_ps512(__A); }
static __inline__ __m512 __KIT_INTRIN _mm512_zextps256_ps512(__m256 __A) { return _mm512_castps256_ps512(__A); }
static __inline__ __m128i __KIT_INTRIN _mm512_castsi512_si128(__m512i __A) {
  __m128i __r;
  __builtin_memcpy(&__r, &__A, 16);
  return __r;
}
static __inline__ __m256i __KIT_INTRIN _mm512_castsi512_si256(__m512i __A) {
  __m256i __r;
  __builtin_memcpy(&__r, &__A, 32);
  return __r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_castsi128_si512(__m128i __A) {
  __m512i __r = (__m512i)_mm512_setzero_si512();
  __builtin_memcpy(&__r, &__A, 16);
  return __r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_castsi256_si512(__m256i __A) {
  __m512i __r = (__m512i)_mm512_setzero_si512();
  __builtin_memcpy(&__r, &__A, 32);
  return __r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_zextsi128_si512(__m128i __A) { return _mm512_castsi128_si512(__A); }
static __inline__ __m512i __KIT_INTRIN _mm512_zextsi256_si512(__m256i __A) { return _mm512_castsi256_si512(__A); }
/* 256- and 128-bit parts */
static __inline__ __m256i __KIT_INTRIN _mm512_extracti64x4_epi64(__m512i __A, const int __imm1) {
  __m256i __r;
  __builtin_memcpy(&__r, (char *)&__A + 32 * (__imm1 & 1), 32);
  return __r;
}
static __inline__ __m256d __KIT_INTRIN _mm512_extractf64x4_pd(__m512d __A, const int __imm1) { return (__m256d)_mm512_extracti64x4_epi64((__m512i)__A, __imm1); }
static __inline__ __m128i __KIT_INTRIN _mm512_extracti32x4_epi32(__m512i __A, const int __imm2) {
  __m128i __r;
  __builtin_memcpy(&__r, (char *)&__A + 16 * (__imm2 & 3), 16);
  return __r;
}
static __inline__ __m128 __KIT_INTRIN _mm512_extractf32x4_ps(__m512 __A, const int __imm2) { return (__m128)_mm512_extracti32x4_epi32((__m512i)__A, __imm2); }
static __inline__ __m512i __KIT_INTRIN _mm512_inserti64x4(__m512i __A, __m256i __B, const int __imm1) {
  __builtin_memcpy((char *)&__A + 32 * (__imm1 & 1), &__B, 32);
  return __A;
}
static __inline__ __m512d __KIT_INTRIN _mm512_insertf64x4(__m512d __A, __m256d __B, const int __imm1) { return (__m512d)_mm512_inserti64x4((__m512i)__A, (__m256i)__B, __imm1); }
static __inline__ __m512i __KIT_INTRIN _mm512_inserti32x4(__m512i __A, __m128i __B, const int __imm2) {
  __builtin_memcpy((char *)&__A + 16 * (__imm2 & 3), &__B, 16);
  return __A;
}
static __inline__ __m512 __KIT_INTRIN _mm512_insertf32x4(__m512 __A, __m128 __B, const int __imm2) { return (__m512)_mm512_inserti32x4((__m512i)__A, (__m128i)__B, __imm2); }
/* broadcasts */
static __inline__ __m512i __KIT_INTRIN _mm512_broadcastd_epi32(__m128i __A) { return _mm512_set1_epi32(((__v4si)__A)[0]); }
static __inline__ __m512i __KIT_INTRIN _mm512_broadcastq_epi64(__m128i __A) { return _mm512_set1_epi64(((__v2di)__A)[0]); }
static __inline__ __m512 __KIT_INTRIN _mm512_broadcastss_ps(__m128 __A) { return (__m512)_mm512_set1_epi32(((__v4si)__A)[0]); }
static __inline__ __m512d __KIT_INTRIN _mm512_broadcastsd_pd(__m128d __A) { return (__m512d)_mm512_set1_epi64(((__v2di)__A)[0]); }
static __inline__ __m512i __KIT_INTRIN _mm512_broadcast_i32x4(__m128i __A) {
  __m512i __r;
  for (int __i = 0; __i < 4; __i++) __builtin_memcpy((char *)&__r + 16 * __i, &__A, 16);
  return __r;
}
static __inline__ __m512 __KIT_INTRIN _mm512_broadcast_f32x4(__m128 __A) { return (__m512)_mm512_broadcast_i32x4((__m128i)__A); }
static __inline__ __m512i __KIT_INTRIN _mm512_broadcast_i64x4(__m256i __A) {
  __m512i __r;
  __builtin_memcpy(&__r, &__A, 32);
  __builtin_memcpy((char *)&__r + 32, &__A, 32);
  return __r;
}
static __inline__ __m512d __KIT_INTRIN _mm512_broadcast_f64x4(__m256d __A) { return (__m512d)_mm512_broadcast_i64x4((__m256i)__A); }

/* widening and narrowing integer conversions */
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepi8_epi32(__m128i __A) {
  __v16qs __a = (__v16qs)__A;
  __v16si __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepu8_epi32(__m128i __A) {
  __v16qu __a = (__v16qu)__A;
  __v16si __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepi8_epi64(__m128i __A) {
  __v16qs __a = (__v16qs)__A;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepu8_epi64(__m128i __A) {
  __v16qu __a = (__v16qu)__A;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepi16_epi32(__m256i __A) {
  __v16hi __a = (__v16hi)__A;
  __v16si __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepu16_epi32(__m256i __A) {
  __v16hu __a = (__v16hu)__A;
  __v16si __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepi16_epi64(__m128i __A) {
  __v8hi __a = (__v8hi)__A;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepu16_epi64(__m128i __A) {
  __v8hu __a = (__v8hu)__A;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepi32_epi64(__m256i __A) {
  __v8si __a = (__v8si)__A;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m512i __KIT_INTRIN _mm512_cvtepu32_epi64(__m256i __A) {
  __v8su __a = (__v8su)__A;
  __v8di __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[__i];
  return (__m512i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm512_cvtepi64_epi32(__m512i __A) {
  __v8di __a = (__v8di)__A;
  __v8si __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (int)__a[__i];
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm512_cvtepi32_epi16(__m512i __A) {
  __v16si __a = (__v16si)__A;
  __v16hi __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (short)__a[__i];
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm512_cvtepi32_epi8(__m512i __A) {
  __v16si __a = (__v16si)__A;
  __v16qi __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (char)__a[__i];
  return (__m128i)__r;
}

/* reductions (integer lanes; sums and products wrap) */
static __inline__ int __KIT_INTRIN _mm512_reduce_add_epi32(__m512i __A) {
  __v16su __a = (__v16su)__A;
  unsigned int __s = 0;
  for (int __i = 0; __i < 16; __i++) __s += __a[__i];
  return (int)__s;
}
static __inline__ int __KIT_INTRIN _mm512_reduce_mul_epi32(__m512i __A) {
  __v16su __a = (__v16su)__A;
  unsigned int __s = 1;
  for (int __i = 0; __i < 16; __i++) __s *= __a[__i];
  return (int)__s;
}
static __inline__ int __KIT_INTRIN _mm512_reduce_and_epi32(__m512i __A) {
  __v16su __a = (__v16su)__A;
  unsigned int __s = __a[0];
  for (int __i = 1; __i < 16; __i++) __s &= __a[__i];
  return (int)__s;
}
static __inline__ int __KIT_INTRIN _mm512_reduce_or_epi32(__m512i __A) {
  __v16su __a = (__v16su)__A;
  unsigned int __s = 0;
  for (int __i = 0; __i < 16; __i++) __s |= __a[__i];
  return (int)__s;
}
static __inline__ int __KIT_INTRIN _mm512_reduce_min_epi32(__m512i __A) {
  __v16si __a = (__v16si)__A;
  int __s = __a[0];
  for (int __i = 1; __i < 16; __i++) if (__a[__i] < __s) __s = __a[__i];
  return __s;
}
static __inline__ int __KIT_INTRIN _mm512_reduce_max_epi32(__m512i __A) {
  __v16si __a = (__v16si)__A;
  int __s = __a[0];
  for (int __i = 1; __i < 16; __i++) if (__a[__i] > __s) __s = __a[__i];
  return __s;
}
static __inline__ unsigned int __KIT_INTRIN _mm512_reduce_min_epu32(__m512i __A) {
  __v16su __a = (__v16su)__A;
  unsigned int __s = __a[0];
  for (int __i = 1; __i < 16; __i++) if (__a[__i] < __s) __s = __a[__i];
  return __s;
}
static __inline__ unsigned int __KIT_INTRIN _mm512_reduce_max_epu32(__m512i __A) {
  __v16su __a = (__v16su)__A;
  unsigned int __s = __a[0];
  for (int __i = 1; __i < 16; __i++) if (__a[__i] > __s) __s = __a[__i];
  return __s;
}
static __inline__ long long __KIT_INTRIN _mm512_reduce_add_epi64(__m512i __A) {
  __v8du __a = (__v8du)__A;
  unsigned long long __s = 0;
  for (int __i = 0; __i < 8; __i++) __s += __a[__i];
  return (long long)__s;
}
static __inline__ long long __KIT_INTRIN _mm512_reduce_mul_epi64(__m512i __A) {
  __v8du __a = (__v8du)__A;
  unsigned long long __s = 1;
  for (int __i = 0; __i < 8; __i++) __s *= __a[__i];
  return (long long)__s;
}
static __inline__ long long __KIT_INTRIN _mm512_reduce_and_epi64(__m512i __A) {
  __v8du __a = (__v8du)__A;
  unsigned long long __s = __a[0];
  for (int __i = 1; __i < 8; __i++) __s &= __a[__i];
  return (long long)__s;
}
static __inline__ long long __KIT_INTRIN _mm512_reduce_or_epi64(__m512i __A) {
  __v8du __a = (__v8du)__A;
  unsigned long long __s = 0;
  for (int __i = 0; __i < 8; __i++) __s |= __a[__i];
  return (long long)__s;
}
static __inline__ long long __KIT_INTRIN _mm512_reduce_min_epi64(__m512i __A) {
  __v8di __a = (__v8di)__A;
  long long __s = __a[0];
  for (int __i = 1; __i < 8; __i++) if (__a[__i] < __s) __s = __a[__i];
  return __s;
}
static __inline__ long long __KIT_INTRIN _mm512_reduce_max_epi64(__m512i __A) {
  __v8di __a = (__v8di)__A;
  long long __s = __a[0];
  for (int __i = 1; __i < 8; __i++) if (__a[__i] > __s) __s = __a[__i];
  return __s;
}
static __inline__ unsigned long long __KIT_INTRIN _mm512_reduce_min_epu64(__m512i __A) {
  __v8du __a = (__v8du)__A;
  unsigned long long __s = __a[0];
  for (int __i = 1; __i < 8; __i++) if (__a[__i] < __s) __s = __a[__i];
  return __s;
}
static __inline__ unsigned long long __KIT_INTRIN _mm512_reduce_max_epu64(__m512i __A) {
  __v8du __a = (__v8du)__A;
  unsigned long long __s = __a[0];
  for (int __i = 1; __i < 8; __i++) if (__a[__i] > __s) __s = __a[__i];
  return __s;
}

#endif
