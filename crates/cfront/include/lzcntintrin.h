/* kit: LZCNT intrinsics (the count of a zero input is its width). */
#ifndef __KIT_LZCNTINTRIN_H
#define __KIT_LZCNTINTRIN_H
#include <kit_x86_vector_types.h>
static __inline__ unsigned short __KIT_INTRIN __lzcnt16(unsigned short __X) { return __X ? __builtin_clz(__X) - 16 : 16; }
static __inline__ unsigned int __KIT_INTRIN __lzcnt32(unsigned int __X) { return __X ? __builtin_clz(__X) : 32; }
static __inline__ unsigned int __KIT_INTRIN _lzcnt_u32(unsigned int __X) { return __X ? __builtin_clz(__X) : 32; }
static __inline__ unsigned long long __KIT_INTRIN __lzcnt64(unsigned long long __X) { return __X ? __builtin_clzll(__X) : 64; }
static __inline__ unsigned long long __KIT_INTRIN _lzcnt_u64(unsigned long long __X) { return __X ? __builtin_clzll(__X) : 64; }
#endif
