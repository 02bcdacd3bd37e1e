/* kit: ADX add/subtract-with-carry intrinsics. */
#ifndef __KIT_ADXINTRIN_H
#define __KIT_ADXINTRIN_H
#include <kit_x86_vector_types.h>
static __inline__ unsigned char __KIT_INTRIN _addcarry_u32(unsigned char __C, unsigned int __X, unsigned int __Y, unsigned int *__P) {
    unsigned long long __s = (unsigned long long)__X + __Y + (__C != 0);
    *__P = (unsigned int)__s;
    return (unsigned char)(__s >> 32);
}
static __inline__ unsigned char __KIT_INTRIN _subborrow_u32(unsigned char __C, unsigned int __X, unsigned int __Y, unsigned int *__P) {
    unsigned long long __d = (unsigned long long)__X - __Y - (__C != 0);
    *__P = (unsigned int)__d;
    return (unsigned char)((__d >> 32) & 1);
}
static __inline__ unsigned char __KIT_INTRIN _addcarryx_u32(unsigned char __C, unsigned int __X, unsigned int __Y, unsigned int *__P) { return _addcarry_u32(__C, __X, __Y, __P); }
static __inline__ unsigned char __KIT_INTRIN _addcarry_u64(unsigned char __C, unsigned long long __X, unsigned long long __Y, unsigned long long *__P) {
    unsigned __int128 __s = (unsigned __int128)__X + __Y + (__C != 0);
    *__P = (unsigned long long)__s;
    return (unsigned char)(__s >> 64);
}
static __inline__ unsigned char __KIT_INTRIN _subborrow_u64(unsigned char __C, unsigned long long __X, unsigned long long __Y, unsigned long long *__P) {
    unsigned __int128 __d = (unsigned __int128)__X - __Y - (__C != 0);
    *__P = (unsigned long long)__d;
    return (unsigned char)((__d >> 64) & 1);
}
static __inline__ unsigned char __KIT_INTRIN _addcarryx_u64(unsigned char __C, unsigned long long __X, unsigned long long __Y, unsigned long long *__P) { return _addcarry_u64(__C, __X, __Y, __P); }
#endif
