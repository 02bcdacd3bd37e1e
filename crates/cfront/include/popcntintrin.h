/* kit: POPCNT intrinsics. */
#ifndef __KIT_POPCNTINTRIN_H
#define __KIT_POPCNTINTRIN_H
#include <kit_x86_vector_types.h>
static __inline__ int __KIT_INTRIN _mm_popcnt_u32(unsigned int __X) { return __builtin_popcount(__X); }
static __inline__ long long __KIT_INTRIN _mm_popcnt_u64(unsigned long long __X) { return __builtin_popcountll(__X); }
#endif
