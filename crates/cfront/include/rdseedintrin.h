/* kit: RDSEED intrinsics. */
#ifndef __KIT_RDSEEDINTRIN_H
#define __KIT_RDSEEDINTRIN_H
#include <kit_x86_vector_types.h>
static __inline__ int __KIT_INTRIN _rdseed16_step(unsigned short *__P) {
    unsigned short __v;
    unsigned char __ok;
    __asm__ __volatile__("rdseed %0\n\tsetc %1" : "=r"(__v), "=qm"(__ok) : : "cc");
    *__P = __v;
    return __ok;
}
static __inline__ int __KIT_INTRIN _rdseed32_step(unsigned int *__P) {
    unsigned int __v;
    unsigned char __ok;
    __asm__ __volatile__("rdseed %0\n\tsetc %1" : "=r"(__v), "=qm"(__ok) : : "cc");
    *__P = __v;
    return __ok;
}
static __inline__ int __KIT_INTRIN _rdseed64_step(unsigned long long *__P) {
    unsigned long long __v;
    unsigned char __ok;
    __asm__ __volatile__("rdseed %0\n\tsetc %1" : "=r"(__v), "=qm"(__ok) : : "cc");
    *__P = __v;
    return __ok;
}
#endif
