/* kit: BMI2 intrinsics. */
#ifndef __KIT_BMI2INTRIN_H
#define __KIT_BMI2INTRIN_H
#include <kit_x86_vector_types.h>
static __inline__ unsigned int __KIT_INTRIN _bzhi_u32(unsigned int __X, unsigned int __Y) {
    unsigned int __n = __Y & 0xff;
    return __n >= 32 ? __X : __X & ((1u << __n) - 1);
}
static __inline__ unsigned long long __KIT_INTRIN _bzhi_u64(unsigned long long __X, unsigned long long __Y) {
    unsigned int __n = __Y & 0xff;
    return __n >= 64 ? __X : __X & ((1ull << __n) - 1);
}
static __inline__ unsigned long long __KIT_INTRIN _pdep_u64(unsigned long long __X, unsigned long long __M) {
    unsigned long long __r = 0;
    for (unsigned long long __b = 1; __M; __b <<= 1) {
        if (__X & __b) __r |= __M & -__M;
        __M &= __M - 1;
    }
    return __r;
}
static __inline__ unsigned long long __KIT_INTRIN _pext_u64(unsigned long long __X, unsigned long long __M) {
    unsigned long long __r = 0;
    for (unsigned long long __b = 1; __M; __b <<= 1) {
        if (__X & __M & -__M) __r |= __b;
        __M &= __M - 1;
    }
    return __r;
}
static __inline__ unsigned int __KIT_INTRIN _pdep_u32(unsigned int __X, unsigned int __Y) { return (unsigned int)_pdep_u64(__X, __Y); }
static __inline__ unsigned int __KIT_INTRIN _pext_u32(unsigned int __X, unsigned int __Y) { return (unsigned int)_pext_u64(__X, __Y); }
static __inline__ unsigned long long __KIT_INTRIN _mulx_u64(unsigned long long __X, unsigned long long __Y, unsigned long long *__P) {
    unsigned __int128 __r = (unsigned __int128)__X * __Y;
    *__P = (unsigned long long)(__r >> 64);
    return (unsigned long long)__r;
}
#endif
