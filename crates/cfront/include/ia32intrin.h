/* kit: gcc's <ia32intrin.h>: bit scans, byte swaps, rotates, CRC-32C,
   the time-stamp counter and the flags register. */
#ifndef __KIT_IA32INTRIN_H
#define __KIT_IA32INTRIN_H
#include <kit_x86_vector_types.h>

/* bsf/bsr leave their result undefined for a zero input, as the CPU does. */
static __inline__ int __KIT_INTRIN __bsfd(int __X) { return __builtin_ctz((unsigned int)__X); }
static __inline__ int __KIT_INTRIN __bsrd(int __X) { return 31 - __builtin_clz((unsigned int)__X); }
static __inline__ int __KIT_INTRIN __bsfq(long long __X) { return __builtin_ctzll((unsigned long long)__X); }
static __inline__ int __KIT_INTRIN __bsrq(long long __X) { return 63 - __builtin_clzll((unsigned long long)__X); }
static __inline__ int __KIT_INTRIN __bswapd(int __X) { return (int)__builtin_bswap32((unsigned int)__X); }
static __inline__ long long __KIT_INTRIN __bswapq(long long __X) { return (long long)__builtin_bswap64((unsigned long long)__X); }

/* CRC-32C (Castagnoli, reflected), the polynomial SSE4.2's crc32 uses. */
static __inline__ unsigned long long __KIT_INTRIN __kit_crc32c(unsigned long long __C, unsigned long long __V, int __bytes) {
    unsigned int __crc = (unsigned int)__C;
    for (int __i = 0; __i < __bytes; __i++) {
        __crc ^= (unsigned int)(__V >> (8 * __i)) & 0xff;
        for (int __k = 0; __k < 8; __k++)
            __crc = (__crc >> 1) ^ (0x82F63B78u & -(__crc & 1));
    }
    return __crc;
}
static __inline__ unsigned int __KIT_INTRIN __crc32b(unsigned int __C, unsigned char __V) { return (unsigned int)__kit_crc32c(__C, __V, 1); }
static __inline__ unsigned int __KIT_INTRIN __crc32w(unsigned int __C, unsigned short __V) { return (unsigned int)__kit_crc32c(__C, __V, 2); }
static __inline__ unsigned int __KIT_INTRIN __crc32d(unsigned int __C, unsigned int __V) { return (unsigned int)__kit_crc32c(__C, __V, 4); }
static __inline__ unsigned long long __KIT_INTRIN __crc32q(unsigned long long __C, unsigned long long __V) { return __kit_crc32c(__C, __V, 8); }

static __inline__ int __KIT_INTRIN __popcntd(unsigned int __X) { return __builtin_popcount(__X); }
static __inline__ long long __KIT_INTRIN __popcntq(unsigned long long __X) { return __builtin_popcountll(__X); }

static __inline__ unsigned long long __KIT_INTRIN __rdpmc(int __S) {
    unsigned int __lo, __hi;
    __asm__ __volatile__("rdpmc" : "=a"(__lo), "=d"(__hi) : "c"(__S));
    return ((unsigned long long)__hi << 32) | __lo;
}
static __inline__ unsigned long long __KIT_INTRIN __rdtsc(void) {
    unsigned int __lo, __hi;
    __asm__ __volatile__("rdtsc" : "=a"(__lo), "=d"(__hi));
    return ((unsigned long long)__hi << 32) | __lo;
}
static __inline__ unsigned long long __KIT_INTRIN __rdtscp(unsigned int *__A) {
    unsigned int __lo, __hi, __aux;
    __asm__ __volatile__("rdtscp" : "=a"(__lo), "=d"(__hi), "=c"(__aux));
    *__A = __aux;
    return ((unsigned long long)__hi << 32) | __lo;
}

/* Rotates take the count modulo the width, as the instructions do. */
static __inline__ unsigned char __KIT_INTRIN __rolb(unsigned char __X, int __C) { __C &= 7; return (unsigned char)((__X << __C) | (__X >> ((8 - __C) & 7))); }
static __inline__ unsigned short __KIT_INTRIN __rolw(unsigned short __X, int __C) { __C &= 15; return (unsigned short)((__X << __C) | (__X >> ((16 - __C) & 15))); }
static __inline__ unsigned int __KIT_INTRIN __rold(unsigned int __X, int __C) { __C &= 31; return (__X << __C) | (__X >> ((32 - __C) & 31)); }
static __inline__ unsigned long long __KIT_INTRIN __rolq(unsigned long long __X, int __C) { __C &= 63; return (__X << __C) | (__X >> ((64 - __C) & 63)); }
static __inline__ unsigned char __KIT_INTRIN __rorb(unsigned char __X, int __C) { __C &= 7; return (unsigned char)((__X >> __C) | (__X << ((8 - __C) & 7))); }
static __inline__ unsigned short __KIT_INTRIN __rorw(unsigned short __X, int __C) { __C &= 15; return (unsigned short)((__X >> __C) | (__X << ((16 - __C) & 15))); }
static __inline__ unsigned int __KIT_INTRIN __rord(unsigned int __X, int __C) { __C &= 31; return (__X >> __C) | (__X << ((32 - __C) & 31)); }
static __inline__ unsigned long long __KIT_INTRIN __rorq(unsigned long long __X, int __C) { __C &= 63; return (__X >> __C) | (__X << ((64 - __C) & 63)); }

static __inline__ void __KIT_INTRIN __pause(void) { __asm__ __volatile__("pause" ::: "memory"); }
static __inline__ unsigned long long __KIT_INTRIN __readeflags(void) {
    unsigned long long __f;
    __asm__ __volatile__("pushfq\n\tpopq %0" : "=r"(__f));
    return __f;
}
static __inline__ void __KIT_INTRIN __writeeflags(unsigned long long __X) { __asm__ __volatile__("pushq %0\n\tpopfq" : : "r"(__X) : "memory", "cc"); }

#define _bswap64(a) __bswapq(a)
#define _popcnt64(a) __popcntq(a)
#define _lrotl(a, b) __rolq((a), (b))
#define _lrotr(a, b) __rorq((a), (b))
#define _bit_scan_forward(a) __bsfd(a)
#define _bit_scan_reverse(a) __bsrd(a)
#define _bswap(a) __bswapd(a)
#define _popcnt32(a) __popcntd(a)
#define _rdpmc(a) __rdpmc(a)
#define _rdtscp(a) __rdtscp(a)
#define _rdtsc() __rdtsc()
#define _rotwl(a, b) __rolw((a), (b))
#define _rotwr(a, b) __rorw((a), (b))
#define _rotl(a, b) __rold((a), (b))
#define _rotr(a, b) __rord((a), (b))
#endif
