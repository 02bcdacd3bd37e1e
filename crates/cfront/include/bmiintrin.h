/* kit: BMI1 intrinsics. */
#ifndef __KIT_BMIINTRIN_H
#define __KIT_BMIINTRIN_H
#include <kit_x86_vector_types.h>
static __inline__ unsigned short __KIT_INTRIN __tzcnt_u16(unsigned short __X) { return __X ? __builtin_ctz(__X) : 16; }
static __inline__ unsigned int __KIT_INTRIN __andn_u32(unsigned int __X, unsigned int __Y) { return ~__X & __Y; }
static __inline__ unsigned int __KIT_INTRIN __bextr_u32(unsigned int __X, unsigned int __Y) {
    unsigned int __start = __Y & 0xff, __len = (__Y >> 8) & 0xff;
    if (__start >= 32) return 0;
    unsigned long long __v = (unsigned long long)__X >> __start;
    return __len >= 32 ? (unsigned int)__v : (unsigned int)(__v & ((1ull << __len) - 1));
}
static __inline__ unsigned int __KIT_INTRIN _bextr_u32(unsigned int __X, unsigned int __Y, unsigned int __Z) { return __bextr_u32(__X, (__Y & 0xff) | ((__Z & 0xff) << 8)); }
static __inline__ unsigned int __KIT_INTRIN __blsi_u32(unsigned int __X) { return __X & -__X; }
static __inline__ unsigned int __KIT_INTRIN _blsi_u32(unsigned int __X) { return __X & -__X; }
static __inline__ unsigned int __KIT_INTRIN __blsmsk_u32(unsigned int __X) { return __X ^ (__X - 1); }
static __inline__ unsigned int __KIT_INTRIN _blsmsk_u32(unsigned int __X) { return __X ^ (__X - 1); }
static __inline__ unsigned int __KIT_INTRIN __blsr_u32(unsigned int __X) { return __X & (__X - 1); }
static __inline__ unsigned int __KIT_INTRIN _blsr_u32(unsigned int __X) { return __X & (__X - 1); }
static __inline__ unsigned int __KIT_INTRIN __tzcnt_u32(unsigned int __X) { return __X ? __builtin_ctz(__X) : 32; }
static __inline__ unsigned int __KIT_INTRIN _tzcnt_u32(unsigned int __X) { return __X ? __builtin_ctz(__X) : 32; }
static __inline__ unsigned long long __KIT_INTRIN __andn_u64(unsigned long long __X, unsigned long long __Y) { return ~__X & __Y; }
static __inline__ unsigned long long __KIT_INTRIN __bextr_u64(unsigned long long __X, unsigned long long __Y) {
    unsigned int __start = __Y & 0xff, __len = (__Y >> 8) & 0xff;
    if (__start >= 64) return 0;
    unsigned long long __v = __X >> __start;
    return __len >= 64 ? __v : __v & ((1ull << __len) - 1);
}
static __inline__ unsigned long long __KIT_INTRIN _bextr_u64(unsigned long long __X, unsigned int __Y, unsigned int __Z) { return __bextr_u64(__X, (__Y & 0xff) | ((__Z & 0xff) << 8)); }
static __inline__ unsigned long long __KIT_INTRIN __blsi_u64(unsigned long long __X) { return __X & -__X; }
static __inline__ unsigned long long __KIT_INTRIN _blsi_u64(unsigned long long __X) { return __X & -__X; }
static __inline__ unsigned long long __KIT_INTRIN __blsmsk_u64(unsigned long long __X) { return __X ^ (__X - 1); }
static __inline__ unsigned long long __KIT_INTRIN _blsmsk_u64(unsigned long long __X) { return __X ^ (__X - 1); }
static __inline__ unsigned long long __KIT_INTRIN __blsr_u64(unsigned long long __X) { return __X & (__X - 1); }
static __inline__ unsigned long long __KIT_INTRIN _blsr_u64(unsigned long long __X) { return __X & (__X - 1); }
static __inline__ unsigned long long __KIT_INTRIN __tzcnt_u64(unsigned long long __X) { return __X ? __builtin_ctzll(__X) : 64; }
static __inline__ unsigned long long __KIT_INTRIN _tzcnt_u64(unsigned long long __X) { return __X ? __builtin_ctzll(__X) : 64; }
#endif
