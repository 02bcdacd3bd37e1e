/* kit: every x86 SIMD intrinsic kit provides, as gcc's <immintrin.h>.
   All are declared whatever the -m flags say (gcc declares them too and
   checks the target at each use); __AVX2__ and friends say what -m asked. */
#ifndef __KIT_IMMINTRIN_H
#define __KIT_IMMINTRIN_H
#include <x86gprintrin.h>
#include <mmintrin.h>
#include <xmmintrin.h>
#include <emmintrin.h>
#include <pmmintrin.h>
#include <tmmintrin.h>
#include <smmintrin.h>
#include <nmmintrin.h>
#include <wmmintrin.h>
#include <avxintrin.h>
#include <avx2intrin.h>
#include <fmaintrin.h>
#include <f16cintrin.h>
#include <shaintrin.h>
#include <avx512fintrin.h>

static __inline__ int __KIT_INTRIN _rdrand16_step(unsigned short *__P) {
    unsigned short __v;
    unsigned char __ok;
    __asm__ __volatile__("rdrand %0\n\tsetc %1" : "=r"(__v), "=qm"(__ok) : : "cc");
    *__P = __v;
    return __ok;
}
static __inline__ int __KIT_INTRIN _rdrand32_step(unsigned int *__P) {
    unsigned int __v;
    unsigned char __ok;
    __asm__ __volatile__("rdrand %0\n\tsetc %1" : "=r"(__v), "=qm"(__ok) : : "cc");
    *__P = __v;
    return __ok;
}
static __inline__ int __KIT_INTRIN _rdrand64_step(unsigned long long *__P) {
    unsigned long long __v;
    unsigned char __ok;
    __asm__ __volatile__("rdrand %0\n\tsetc %1" : "=r"(__v), "=qm"(__ok) : : "cc");
    *__P = __v;
    return __ok;
}
#endif
