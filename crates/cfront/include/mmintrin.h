/* kit: MMX intrinsics (__m64).

   Everything is plain C over the vector types of kit_x86_vector_types.h; no
   MMX instruction is used (so no x87/MMX state changes), except emms for
   _mm_empty.  Lane semantics follow Intel's documentation and gcc 12's
   results bit for bit. */
#ifndef __KIT_MMINTRIN_H
#define __KIT_MMINTRIN_H
#include <kit_x86_vector_types.h>

/* ---- helpers (not intrinsics) ---- */
static __inline__ signed char __KIT_INTRIN __kit_ss8(int __x) { return (signed char)(__x < -128 ? -128 : __x > 127 ? 127 : __x); }
static __inline__ unsigned char __KIT_INTRIN __kit_us8(int __x) { return (unsigned char)(__x < 0 ? 0 : __x > 255 ? 255 : __x); }
static __inline__ short __KIT_INTRIN __kit_ss16(int __x) { return (short)(__x < -32768 ? -32768 : __x > 32767 ? 32767 : __x); }
static __inline__ unsigned short __KIT_INTRIN __kit_us16(int __x) { return (unsigned short)(__x < 0 ? 0 : __x > 65535 ? 65535 : __x); }
/* The 64-bit count of a shift-by-register, reduced to "lane width or more". */
static __inline__ unsigned int __KIT_INTRIN __kit_cnt64(unsigned long long __c, unsigned int __w) { return __c >= __w ? __w : (unsigned int)__c; }

/* ---- state ---- */
static __inline__ void __KIT_INTRIN _mm_empty(void) { __asm__ __volatile__("emms"); }
static __inline__ void __KIT_INTRIN _m_empty(void) { _mm_empty(); }

/* ---- conversions ---- */
static __inline__ __m64 __KIT_INTRIN _mm_cvtsi32_si64(int __i) { return (__m64)(__v2si){__i, 0}; }
static __inline__ __m64 __KIT_INTRIN _m_from_int(int __i) { return _mm_cvtsi32_si64(__i); }
static __inline__ __m64 __KIT_INTRIN _m_from_int64(long long __i) { return (__m64)__i; }
static __inline__ __m64 __KIT_INTRIN _mm_cvtsi64_m64(long long __i) { return (__m64)__i; }
static __inline__ __m64 __KIT_INTRIN _mm_cvtsi64x_si64(long long __i) { return (__m64)__i; }
static __inline__ __m64 __KIT_INTRIN _mm_set_pi64x(long long __i) { return (__m64)__i; }
static __inline__ int __KIT_INTRIN _mm_cvtsi64_si32(__m64 __i) { return ((__v2si)__i)[0]; }
static __inline__ int __KIT_INTRIN _m_to_int(__m64 __i) { return _mm_cvtsi64_si32(__i); }
static __inline__ long long __KIT_INTRIN _m_to_int64(__m64 __i) { return (long long)__i; }
static __inline__ long long __KIT_INTRIN _mm_cvtm64_si64(__m64 __i) { return (long long)__i; }
static __inline__ long long __KIT_INTRIN _mm_cvtsi64_si64x(__m64 __i) { return (long long)__i; }

/* ---- packs ---- */
static __inline__ __m64 __KIT_INTRIN _mm_packs_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2;
    __v8qi __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = __kit_ss8(__a[__i]);
        __r[__i + 4] = __kit_ss8(__b[__i]);
    }
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_packsswb(__m64 __m1, __m64 __m2) { return _mm_packs_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_packs_pi32(__m64 __m1, __m64 __m2) {
    __v2si __a = (__v2si)__m1, __b = (__v2si)__m2;
    return (__m64)(__v4hi){__kit_ss16(__a[0]), __kit_ss16(__a[1]), __kit_ss16(__b[0]), __kit_ss16(__b[1])};
}
static __inline__ __m64 __KIT_INTRIN _m_packssdw(__m64 __m1, __m64 __m2) { return _mm_packs_pi32(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_packs_pu16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2;
    __v8qi __r;
    for (int __i = 0; __i < 4; __i++) {
        __r[__i] = (char)__kit_us8(__a[__i]);
        __r[__i + 4] = (char)__kit_us8(__b[__i]);
    }
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_packuswb(__m64 __m1, __m64 __m2) { return _mm_packs_pu16(__m1, __m2); }

/* ---- unpacks ---- */
static __inline__ __m64 __KIT_INTRIN _mm_unpackhi_pi8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2;
    return (__m64)(__v8qi){__a[4], __b[4], __a[5], __b[5], __a[6], __b[6], __a[7], __b[7]};
}
static __inline__ __m64 __KIT_INTRIN _m_punpckhbw(__m64 __m1, __m64 __m2) { return _mm_unpackhi_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_unpackhi_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2;
    return (__m64)(__v4hi){__a[2], __b[2], __a[3], __b[3]};
}
static __inline__ __m64 __KIT_INTRIN _m_punpckhwd(__m64 __m1, __m64 __m2) { return _mm_unpackhi_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_unpackhi_pi32(__m64 __m1, __m64 __m2) {
    __v2si __a = (__v2si)__m1, __b = (__v2si)__m2;
    return (__m64)(__v2si){__a[1], __b[1]};
}
static __inline__ __m64 __KIT_INTRIN _m_punpckhdq(__m64 __m1, __m64 __m2) { return _mm_unpackhi_pi32(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_unpacklo_pi8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2;
    return (__m64)(__v8qi){__a[0], __b[0], __a[1], __b[1], __a[2], __b[2], __a[3], __b[3]};
}
static __inline__ __m64 __KIT_INTRIN _m_punpcklbw(__m64 __m1, __m64 __m2) { return _mm_unpacklo_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_unpacklo_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2;
    return (__m64)(__v4hi){__a[0], __b[0], __a[1], __b[1]};
}
static __inline__ __m64 __KIT_INTRIN _m_punpcklwd(__m64 __m1, __m64 __m2) { return _mm_unpacklo_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_unpacklo_pi32(__m64 __m1, __m64 __m2) {
    __v2si __a = (__v2si)__m1, __b = (__v2si)__m2;
    return (__m64)(__v2si){__a[0], __b[0]};
}
static __inline__ __m64 __KIT_INTRIN _m_punpckldq(__m64 __m1, __m64 __m2) { return _mm_unpacklo_pi32(__m1, __m2); }

/* ---- add / subtract (wrapping and saturating) ---- */
static __inline__ __m64 __KIT_INTRIN _mm_add_pi8(__m64 __m1, __m64 __m2) { return (__m64)((__v8qi)__m1 + (__v8qi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_paddb(__m64 __m1, __m64 __m2) { return _mm_add_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_add_pi16(__m64 __m1, __m64 __m2) { return (__m64)((__v4hi)__m1 + (__v4hi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_paddw(__m64 __m1, __m64 __m2) { return _mm_add_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_add_pi32(__m64 __m1, __m64 __m2) { return (__m64)((__v2si)__m1 + (__v2si)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_paddd(__m64 __m1, __m64 __m2) { return _mm_add_pi32(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_add_si64(__m64 __m1, __m64 __m2) { return (__m64)((unsigned long long)__m1 + (unsigned long long)__m2); }
static __inline__ __m64 __KIT_INTRIN _mm_adds_pi8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_ss8((signed char)__a[__i] + (signed char)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_paddsb(__m64 __m1, __m64 __m2) { return _mm_adds_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_adds_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_ss16(__a[__i] + __b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_paddsw(__m64 __m1, __m64 __m2) { return _mm_adds_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_adds_pu8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (char)__kit_us8((unsigned char)__a[__i] + (unsigned char)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_paddusb(__m64 __m1, __m64 __m2) { return _mm_adds_pu8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_adds_pu16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)__kit_us16((unsigned short)__a[__i] + (unsigned short)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_paddusw(__m64 __m1, __m64 __m2) { return _mm_adds_pu16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_sub_pi8(__m64 __m1, __m64 __m2) { return (__m64)((__v8qi)__m1 - (__v8qi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_psubb(__m64 __m1, __m64 __m2) { return _mm_sub_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_sub_pi16(__m64 __m1, __m64 __m2) { return (__m64)((__v4hi)__m1 - (__v4hi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_psubw(__m64 __m1, __m64 __m2) { return _mm_sub_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_sub_pi32(__m64 __m1, __m64 __m2) { return (__m64)((__v2si)__m1 - (__v2si)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_psubd(__m64 __m1, __m64 __m2) { return _mm_sub_pi32(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_sub_si64(__m64 __m1, __m64 __m2) { return (__m64)((unsigned long long)__m1 - (unsigned long long)__m2); }
static __inline__ __m64 __KIT_INTRIN _mm_subs_pi8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = __kit_ss8((signed char)__a[__i] - (signed char)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_psubsb(__m64 __m1, __m64 __m2) { return _mm_subs_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_subs_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __kit_ss16(__a[__i] - __b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_psubsw(__m64 __m1, __m64 __m2) { return _mm_subs_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_subs_pu8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (char)__kit_us8((unsigned char)__a[__i] - (unsigned char)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_psubusb(__m64 __m1, __m64 __m2) { return _mm_subs_pu8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_subs_pu16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)__kit_us16((unsigned short)__a[__i] - (unsigned short)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_psubusw(__m64 __m1, __m64 __m2) { return _mm_subs_pu16(__m1, __m2); }

/* ---- multiplies ---- */
static __inline__ __m64 __KIT_INTRIN _mm_madd_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2;
    __v2si __r;
    for (int __i = 0; __i < 2; __i++)
        __r[__i] = (int)((unsigned int)(__a[2 * __i] * __b[2 * __i]) + (unsigned int)(__a[2 * __i + 1] * __b[2 * __i + 1]));
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pmaddwd(__m64 __m1, __m64 __m2) { return _mm_madd_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_mulhi_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)((__a[__i] * __b[__i]) >> 16);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pmulhw(__m64 __m1, __m64 __m2) { return _mm_mulhi_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_mullo_pi16(__m64 __m1, __m64 __m2) {
    __v4hi __a = (__v4hi)__m1, __b = (__v4hi)__m2, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)(unsigned short)((unsigned int)__a[__i] * (unsigned int)__b[__i]);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pmullw(__m64 __m1, __m64 __m2) { return _mm_mullo_pi16(__m1, __m2); }

/* ---- shifts: counts of the lane width or more give 0 (sign fill for
   arithmetic shifts); an int count is read as unsigned, as movd does ---- */
static __inline__ __m64 __KIT_INTRIN __kit_sll16_64(__m64 __m, unsigned int __c) {
    __v4hi __a = (__v4hi)__m, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __c > 15 ? 0 : (short)(unsigned short)((unsigned short)__a[__i] << __c);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN __kit_srl16_64(__m64 __m, unsigned int __c) {
    __v4hi __a = (__v4hi)__m, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = __c > 15 ? 0 : (short)((unsigned short)__a[__i] >> __c);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN __kit_sra16_64(__m64 __m, unsigned int __c) {
    __v4hi __a = (__v4hi)__m, __r;
    for (int __i = 0; __i < 4; __i++) __r[__i] = (short)(__a[__i] >> (__c > 15 ? 15 : __c));
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN __kit_sll32_64(__m64 __m, unsigned int __c) {
    __v2si __a = (__v2si)__m, __r;
    for (int __i = 0; __i < 2; __i++) __r[__i] = __c > 31 ? 0 : (int)((unsigned int)__a[__i] << __c);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN __kit_srl32_64(__m64 __m, unsigned int __c) {
    __v2si __a = (__v2si)__m, __r;
    for (int __i = 0; __i < 2; __i++) __r[__i] = __c > 31 ? 0 : (int)((unsigned int)__a[__i] >> __c);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN __kit_sra32_64(__m64 __m, unsigned int __c) {
    __v2si __a = (__v2si)__m, __r;
    for (int __i = 0; __i < 2; __i++) __r[__i] = __a[__i] >> (__c > 31 ? 31 : __c);
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN __kit_sll64_64(__m64 __m, unsigned int __c) { return (__m64)(__c > 63 ? 0ULL : (unsigned long long)__m << __c); }
static __inline__ __m64 __KIT_INTRIN __kit_srl64_64(__m64 __m, unsigned int __c) { return (__m64)(__c > 63 ? 0ULL : (unsigned long long)__m >> __c); }

static __inline__ __m64 __KIT_INTRIN _mm_sll_pi16(__m64 __m, __m64 __count) { return __kit_sll16_64(__m, __kit_cnt64((unsigned long long)__count, 16)); }
static __inline__ __m64 __KIT_INTRIN _m_psllw(__m64 __m, __m64 __count) { return _mm_sll_pi16(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_slli_pi16(__m64 __m, int __count) { return __kit_sll16_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psllwi(__m64 __m, int __count) { return _mm_slli_pi16(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_sll_pi32(__m64 __m, __m64 __count) { return __kit_sll32_64(__m, __kit_cnt64((unsigned long long)__count, 32)); }
static __inline__ __m64 __KIT_INTRIN _m_pslld(__m64 __m, __m64 __count) { return _mm_sll_pi32(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_slli_pi32(__m64 __m, int __count) { return __kit_sll32_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_pslldi(__m64 __m, int __count) { return _mm_slli_pi32(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_sll_si64(__m64 __m, __m64 __count) { return __kit_sll64_64(__m, __kit_cnt64((unsigned long long)__count, 64)); }
static __inline__ __m64 __KIT_INTRIN _m_psllq(__m64 __m, __m64 __count) { return _mm_sll_si64(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_slli_si64(__m64 __m, int __count) { return __kit_sll64_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psllqi(__m64 __m, int __count) { return _mm_slli_si64(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_sra_pi16(__m64 __m, __m64 __count) { return __kit_sra16_64(__m, __kit_cnt64((unsigned long long)__count, 16)); }
static __inline__ __m64 __KIT_INTRIN _m_psraw(__m64 __m, __m64 __count) { return _mm_sra_pi16(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srai_pi16(__m64 __m, int __count) { return __kit_sra16_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psrawi(__m64 __m, int __count) { return _mm_srai_pi16(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_sra_pi32(__m64 __m, __m64 __count) { return __kit_sra32_64(__m, __kit_cnt64((unsigned long long)__count, 32)); }
static __inline__ __m64 __KIT_INTRIN _m_psrad(__m64 __m, __m64 __count) { return _mm_sra_pi32(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srai_pi32(__m64 __m, int __count) { return __kit_sra32_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psradi(__m64 __m, int __count) { return _mm_srai_pi32(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srl_pi16(__m64 __m, __m64 __count) { return __kit_srl16_64(__m, __kit_cnt64((unsigned long long)__count, 16)); }
static __inline__ __m64 __KIT_INTRIN _m_psrlw(__m64 __m, __m64 __count) { return _mm_srl_pi16(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srli_pi16(__m64 __m, int __count) { return __kit_srl16_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psrlwi(__m64 __m, int __count) { return _mm_srli_pi16(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srl_pi32(__m64 __m, __m64 __count) { return __kit_srl32_64(__m, __kit_cnt64((unsigned long long)__count, 32)); }
static __inline__ __m64 __KIT_INTRIN _m_psrld(__m64 __m, __m64 __count) { return _mm_srl_pi32(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srli_pi32(__m64 __m, int __count) { return __kit_srl32_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psrldi(__m64 __m, int __count) { return _mm_srli_pi32(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srl_si64(__m64 __m, __m64 __count) { return __kit_srl64_64(__m, __kit_cnt64((unsigned long long)__count, 64)); }
static __inline__ __m64 __KIT_INTRIN _m_psrlq(__m64 __m, __m64 __count) { return _mm_srl_si64(__m, __count); }
static __inline__ __m64 __KIT_INTRIN _mm_srli_si64(__m64 __m, int __count) { return __kit_srl64_64(__m, (unsigned int)__count); }
static __inline__ __m64 __KIT_INTRIN _m_psrlqi(__m64 __m, int __count) { return _mm_srli_si64(__m, __count); }

/* ---- logic ---- */
static __inline__ __m64 __KIT_INTRIN _mm_and_si64(__m64 __m1, __m64 __m2) { return (__m64)((__v1di)__m1 & (__v1di)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pand(__m64 __m1, __m64 __m2) { return _mm_and_si64(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_andnot_si64(__m64 __m1, __m64 __m2) { return (__m64)(~(__v1di)__m1 & (__v1di)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pandn(__m64 __m1, __m64 __m2) { return _mm_andnot_si64(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_or_si64(__m64 __m1, __m64 __m2) { return (__m64)((__v1di)__m1 | (__v1di)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_por(__m64 __m1, __m64 __m2) { return _mm_or_si64(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_xor_si64(__m64 __m1, __m64 __m2) { return (__m64)((__v1di)__m1 ^ (__v1di)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pxor(__m64 __m1, __m64 __m2) { return _mm_xor_si64(__m1, __m2); }

/* ---- compares ---- */
static __inline__ __m64 __KIT_INTRIN _mm_cmpeq_pi8(__m64 __m1, __m64 __m2) { return (__m64)((__v8qi)__m1 == (__v8qi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pcmpeqb(__m64 __m1, __m64 __m2) { return _mm_cmpeq_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_cmpgt_pi8(__m64 __m1, __m64 __m2) {
    __v8qi __a = (__v8qi)__m1, __b = (__v8qi)__m2, __r;
    for (int __i = 0; __i < 8; __i++) __r[__i] = (signed char)__a[__i] > (signed char)__b[__i] ? -1 : 0;
    return (__m64)__r;
}
static __inline__ __m64 __KIT_INTRIN _m_pcmpgtb(__m64 __m1, __m64 __m2) { return _mm_cmpgt_pi8(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_cmpeq_pi16(__m64 __m1, __m64 __m2) { return (__m64)((__v4hi)__m1 == (__v4hi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pcmpeqw(__m64 __m1, __m64 __m2) { return _mm_cmpeq_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_cmpgt_pi16(__m64 __m1, __m64 __m2) { return (__m64)((__v4hi)__m1 > (__v4hi)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pcmpgtw(__m64 __m1, __m64 __m2) { return _mm_cmpgt_pi16(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_cmpeq_pi32(__m64 __m1, __m64 __m2) { return (__m64)((__v2si)__m1 == (__v2si)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pcmpeqd(__m64 __m1, __m64 __m2) { return _mm_cmpeq_pi32(__m1, __m2); }
static __inline__ __m64 __KIT_INTRIN _mm_cmpgt_pi32(__m64 __m1, __m64 __m2) { return (__m64)((__v2si)__m1 > (__v2si)__m2); }
static __inline__ __m64 __KIT_INTRIN _m_pcmpgtd(__m64 __m1, __m64 __m2) { return _mm_cmpgt_pi32(__m1, __m2); }

/* ---- sets ---- */
static __inline__ __m64 __KIT_INTRIN _mm_setzero_si64(void) { return (__m64)0LL; }
static __inline__ __m64 __KIT_INTRIN _mm_set_pi32(int __i1, int __i0) { return (__m64)(__v2si){__i0, __i1}; }
static __inline__ __m64 __KIT_INTRIN _mm_set_pi16(short __w3, short __w2, short __w1, short __w0) { return (__m64)(__v4hi){__w0, __w1, __w2, __w3}; }
static __inline__ __m64 __KIT_INTRIN _mm_set_pi8(char __b7, char __b6, char __b5, char __b4, char __b3, char __b2, char __b1, char __b0) { return (__m64)(__v8qi){__b0, __b1, __b2, __b3, __b4, __b5, __b6, __b7}; }
static __inline__ __m64 __KIT_INTRIN _mm_setr_pi32(int __i0, int __i1) { return (__m64)(__v2si){__i0, __i1}; }
static __inline__ __m64 __KIT_INTRIN _mm_setr_pi16(short __w0, short __w1, short __w2, short __w3) { return (__m64)(__v4hi){__w0, __w1, __w2, __w3}; }
static __inline__ __m64 __KIT_INTRIN _mm_setr_pi8(char __b0, char __b1, char __b2, char __b3, char __b4, char __b5, char __b6, char __b7) { return (__m64)(__v8qi){__b0, __b1, __b2, __b3, __b4, __b5, __b6, __b7}; }
static __inline__ __m64 __KIT_INTRIN _mm_set1_pi32(int __i) { return (__m64)(__v2si){__i, __i}; }
static __inline__ __m64 __KIT_INTRIN _mm_set1_pi16(short __w) { return (__m64)(__v4hi){__w, __w, __w, __w}; }
static __inline__ __m64 __KIT_INTRIN _mm_set1_pi8(char __b) { return (__m64)(__v8qi){__b, __b, __b, __b, __b, __b, __b, __b}; }

#endif
