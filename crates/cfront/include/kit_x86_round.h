/* kit: scalar helpers of the SSE4.1 and AVX rounding and conversion
   intrinsics (bit casts, exact rounding in C). Internal to kit's headers. */
#ifndef __KIT_S4_FP_HELPERS
#define __KIT_S4_FP_HELPERS
#define __KIT_S4_HELPER static __inline__ __attribute__((__unused__))
__KIT_S4_HELPER unsigned int __kit_s4_f2u(float __f) { unsigned int __u; __builtin_memcpy(&__u, &__f, 4); return __u; }
__KIT_S4_HELPER float __kit_s4_u2f(unsigned int __u) { float __f; __builtin_memcpy(&__f, &__u, 4); return __f; }
__KIT_S4_HELPER unsigned long long __kit_s4_d2u(double __f) { unsigned long long __u; __builtin_memcpy(&__u, &__f, 8); return __u; }
__KIT_S4_HELPER double __kit_s4_u2d(unsigned long long __u) { double __f; __builtin_memcpy(&__f, &__u, 8); return __f; }
__KIT_S4_HELPER int __kit_s4_isnanf(float __f) { return (__kit_s4_f2u(__f) & 0x7fffffffu) > 0x7f800000u; }
__KIT_S4_HELPER int __kit_s4_isnan(double __f) { return (__kit_s4_d2u(__f) & 0x7fffffffffffffffull) > 0x7ff0000000000000ull; }
/* Round to an integral value like roundss: mode bits 0-1 = nearest-even,
   down, up, toward zero; bit 2 = use the MXCSR rounding mode. NaNs come back
   quieted, integral values (and +-0, +-inf) unchanged. */
__KIT_S4_HELPER float __kit_s4_roundf(float __x, int __m) {
  unsigned int __u = __kit_s4_f2u(__x), __e = (__u >> 23) & 0xffu, __s = __u & 0x80000000u;
  unsigned int __mask, __rem, __t, __half;
  int __up;
  if (__e == 0xffu) return (__u & 0x7fffffu) ? __kit_s4_u2f(__u | 0x400000u) : __x;
  if (__e >= 150u) return __x;
  if (__m & 4) {
    float __r = __s ? (__x - 8388608.0f) + 8388608.0f : (__x + 8388608.0f) - 8388608.0f;
    return __kit_s4_u2f((__kit_s4_f2u(__r) & 0x7fffffffu) | __s);
  }
  __m &= 3;
  if (__e < 127u) {
    if ((__u & 0x7fffffffu) == 0) return __x;
    switch (__m) {
    case 0: __up = (__u & 0x7fffffffu) > 0x3f000000u; break;
    case 1: __up = __s != 0; break;
    case 2: __up = __s == 0; break;
    default: __up = 0; break;
    }
    return __kit_s4_u2f(__s | (__up ? 0x3f800000u : 0u));
  }
  __mask = (1u << (150u - __e)) - 1u;
  __rem = __u & __mask;
  __t = __u & ~__mask;
  if (__rem == 0) return __x;
  switch (__m) {
  case 0: __half = (__mask >> 1) + 1u; __up = __rem > __half || (__rem == __half && (__t & (__mask + 1u)) != 0); break;
  case 1: __up = __s != 0; break;
  case 2: __up = __s == 0; break;
  default: __up = 0; break;
  }
  return __kit_s4_u2f(__up ? __t + __mask + 1u : __t);
}
__KIT_S4_HELPER double __kit_s4_round(double __x, int __m) {
  unsigned long long __u = __kit_s4_d2u(__x), __e = (__u >> 52) & 0x7ffull, __s = __u & 0x8000000000000000ull;
  unsigned long long __mask, __rem, __t, __half;
  int __up;
  if (__e == 0x7ffull) return (__u & 0xfffffffffffffull) ? __kit_s4_u2d(__u | 0x8000000000000ull) : __x;
  if (__e >= 1075ull) return __x;
  if (__m & 4) {
    double __r = __s ? (__x - 4503599627370496.0) + 4503599627370496.0 : (__x + 4503599627370496.0) - 4503599627370496.0;
    return __kit_s4_u2d((__kit_s4_d2u(__r) & 0x7fffffffffffffffull) | __s);
  }
  __m &= 3;
  if (__e < 1023ull) {
    if ((__u & 0x7fffffffffffffffull) == 0) return __x;
    switch (__m) {
    case 0: __up = (__u & 0x7fffffffffffffffull) > 0x3fe0000000000000ull; break;
    case 1: __up = __s != 0; break;
    case 2: __up = __s == 0; break;
    default: __up = 0; break;
    }
    return __kit_s4_u2d(__s | (__up ? 0x3ff0000000000000ull : 0ull));
  }
  __mask = (1ull << (1075ull - __e)) - 1ull;
  __rem = __u & __mask;
  __t = __u & ~__mask;
  if (__rem == 0) return __x;
  switch (__m) {
  case 0: __half = (__mask >> 1) + 1ull; __up = __rem > __half || (__rem == __half && (__t & (__mask + 1ull)) != 0); break;
  case 1: __up = __s != 0; break;
  case 2: __up = __s == 0; break;
  default: __up = 0; break;
  }
  return __kit_s4_u2d(__up ? __t + __mask + 1ull : __t);
}
/* float/double -> int32 with the given rounding (4 = MXCSR, 3 = truncate);
   NaN and out-of-range give the integer indefinite 0x80000000. */
__KIT_S4_HELPER int __kit_s4_cvtf_i32(float __x, int __m) {
  float __r = __kit_s4_roundf(__x, __m);
  if (!(__r >= -2147483648.0f && __r < 2147483648.0f)) return (int)0x80000000u;
  return (int)__r;
}
__KIT_S4_HELPER int __kit_s4_cvtd_i32(double __x, int __m) {
  double __r = __kit_s4_round(__x, __m);
  if (!(__r >= -2147483648.0 && __r < 2147483648.0)) return (int)0x80000000u;
  return (int)__r;
}
#endif
