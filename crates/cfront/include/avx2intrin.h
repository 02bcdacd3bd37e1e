/* kit: AVX2 intrinsics. */
#ifndef __KIT_AVX2INTRIN_H
#define __KIT_AVX2INTRIN_H
#include <kit_x86_vector_types.h>

/* element-wise arithmetic (wrapping, done on unsigned lanes) */
static __inline__ __m256i __KIT_INTRIN _mm256_add_epi8(__m256i __A, __m256i __B) { return (__m256i)((__v32qu)__A + (__v32qu)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_add_epi16(__m256i __A, __m256i __B) { return (__m256i)((__v16hu)__A + (__v16hu)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_add_epi32(__m256i __A, __m256i __B) { return (__m256i)((__v8su)__A + (__v8su)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_add_epi64(__m256i __A, __m256i __B) { return (__m256i)((__v4du)__A + (__v4du)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_sub_epi8(__m256i __A, __m256i __B) { return (__m256i)((__v32qu)__A - (__v32qu)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_sub_epi16(__m256i __A, __m256i __B) { return (__m256i)((__v16hu)__A - (__v16hu)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_sub_epi32(__m256i __A, __m256i __B) { return (__m256i)((__v8su)__A - (__v8su)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_sub_epi64(__m256i __A, __m256i __B) { return (__m256i)((__v4du)__A - (__v4du)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_adds_epi8(__m256i __A, __m256i __B) {
  __v32qs __a = (__v32qs)__A, __b = (__v32qs)__B, __r;
  for (int __i = 0; __i < 32; __i++) { int __s = __a[__i] + __b[__i]; __r[__i] = (signed char)(__s > 127 ? 127 : __s < -128 ? -128 : __s); }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_adds_epi16(__m256i __A, __m256i __B) {
  __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B, __r;
  for (int __i = 0; __i < 16; __i++) { int __s = __a[__i] + __b[__i]; __r[__i] = (short)(__s > 32767 ? 32767 : __s < -32768 ? -32768 : __s); }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_adds_epu8(__m256i __A, __m256i __B) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __r;
  for (int __i = 0; __i < 32; __i++) { int __s = __a[__i] + __b[__i]; __r[__i] = (unsigned char)(__s > 255 ? 255 : __s); }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_adds_epu16(__m256i __A, __m256i __B) {
  __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __r;
  for (int __i = 0; __i < 16; __i++) { int __s = __a[__i] + __b[__i]; __r[__i] = (unsigned short)(__s > 65535 ? 65535 : __s); }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_subs_epi8(__m256i __A, __m256i __B) {
  __v32qs __a = (__v32qs)__A, __b = (__v32qs)__B, __r;
  for (int __i = 0; __i < 32; __i++) { int __s = __a[__i] - __b[__i]; __r[__i] = (signed char)(__s > 127 ? 127 : __s < -128 ? -128 : __s); }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_subs_epi16(__m256i __A, __m256i __B) {
  __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B, __r;
  for (int __i = 0; __i < 16; __i++) { int __s = __a[__i] - __b[__i]; __r[__i] = (short)(__s > 32767 ? 32767 : __s < -32768 ? -32768 : __s); }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_subs_epu8(__m256i __A, __m256i __B) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __r;
  for (int __i = 0; __i < 32; __i++) __r[__i] = (unsigned char)(__a[__i] > __b[__i] ? __a[__i] - __b[__i] : 0);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_subs_epu16(__m256i __A, __m256i __B) {
  __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (unsigned short)(__a[__i] > __b[__i] ? __a[__i] - __b[__i] : 0);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_abs_epi8(__m256i __A) {
  __v32qs __a = (__v32qs)__A;
  return (__m256i)(__v32qs)(((__v32qu)__a ^ (__v32qu)(__a >> 7)) - (__v32qu)(__a >> 7));
}
static __inline__ __m256i __KIT_INTRIN _mm256_abs_epi16(__m256i __A) {
  __v16hi __a = (__v16hi)__A;
  return (__m256i)(((__v16hu)__a ^ (__v16hu)(__a >> 15)) - (__v16hu)(__a >> 15));
}
static __inline__ __m256i __KIT_INTRIN _mm256_abs_epi32(__m256i __A) {
  __v8si __a = (__v8si)__A;
  return (__m256i)(((__v8su)__a ^ (__v8su)(__a >> 31)) - (__v8su)(__a >> 31));
}
static __inline__ __m256i __KIT_INTRIN _mm256_avg_epu8(__m256i __A, __m256i __B) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __r;
  for (int __i = 0; __i < 32; __i++) __r[__i] = (unsigned char)((__a[__i] + __b[__i] + 1) >> 1);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_avg_epu16(__m256i __A, __m256i __B) {
  __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (unsigned short)(((unsigned int)__a[__i] + __b[__i] + 1) >> 1);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_sign_epi8(__m256i __X, __m256i __Y) {
  __v32qs __x = (__v32qs)__X, __y = (__v32qs)__Y, __r;
  for (int __i = 0; __i < 32; __i++) __r[__i] = (signed char)(__y[__i] < 0 ? -(unsigned char)__x[__i] : __y[__i] == 0 ? 0 : __x[__i]);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_sign_epi16(__m256i __X, __m256i __Y) {
  __v16hi __x = (__v16hi)__X, __y = (__v16hi)__Y, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (short)(__y[__i] < 0 ? -(unsigned short)__x[__i] : __y[__i] == 0 ? 0 : __x[__i]);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_sign_epi32(__m256i __X, __m256i __Y) {
  __v8si __x = (__v8si)__X, __y = (__v8si)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (int)(__y[__i] < 0 ? 0u - (unsigned int)__x[__i] : __y[__i] == 0 ? 0u : (unsigned int)__x[__i]);
  return (__m256i)__r;
}

/* multiplies */
static __inline__ __m256i __KIT_INTRIN _mm256_mullo_epi16(__m256i __A, __m256i __B) { return (__m256i)((__v16hu)__A * (__v16hu)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_mullo_epi32(__m256i __A, __m256i __B) { return (__m256i)((__v8su)__A * (__v8su)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_mulhi_epi16(__m256i __A, __m256i __B) {
  __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (short)(((int)__a[__i] * __b[__i]) >> 16);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_mulhi_epu16(__m256i __A, __m256i __B) {
  __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (unsigned short)(((unsigned int)__a[__i] * __b[__i]) >> 16);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_mulhrs_epi16(__m256i __X, __m256i __Y) {
  __v16hi __x = (__v16hi)__X, __y = (__v16hi)__Y, __r;
  for (int __i = 0; __i < 16; __i++) __r[__i] = (short)(((((int)__x[__i] * __y[__i]) >> 14) + 1) >> 1);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_mul_epi32(__m256i __X, __m256i __Y) {
  __v8si __x = (__v8si)__X, __y = (__v8si)__Y;
  return (__m256i)(__v4di){(long long)__x[0] * __y[0], (long long)__x[2] * __y[2], (long long)__x[4] * __y[4], (long long)__x[6] * __y[6]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_mul_epu32(__m256i __A, __m256i __B) {
  __v8su __a = (__v8su)__A, __b = (__v8su)__B;
  return (__m256i)(__v4du){(unsigned long long)__a[0] * __b[0], (unsigned long long)__a[2] * __b[2], (unsigned long long)__a[4] * __b[4], (unsigned long long)__a[6] * __b[6]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_madd_epi16(__m256i __A, __m256i __B) {
  __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B;
  __v8su __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = (unsigned int)((int)__a[2 * __i] * __b[2 * __i]) + (unsigned int)((int)__a[2 * __i + 1] * __b[2 * __i + 1]);
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_maddubs_epi16(__m256i __X, __m256i __Y) {
  __v32qu __x = (__v32qu)__X;
  __v32qs __y = (__v32qs)__Y;
  __v16hi __r;
  for (int __i = 0; __i < 16; __i++) {
    int __s = __x[2 * __i] * __y[2 * __i] + __x[2 * __i + 1] * __y[2 * __i + 1];
    __r[__i] = (short)(__s > 32767 ? 32767 : __s < -32768 ? -32768 : __s);
  }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_sad_epu8(__m256i __A, __m256i __B) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B;
  __v4du __r;
  for (int __i = 0; __i < 4; __i++) {
    unsigned int __s = 0;
    for (int __j = 0; __j < 8; __j++) { int __d = __a[8 * __i + __j] - __b[8 * __i + __j]; __s += (unsigned int)(__d < 0 ? -__d : __d); }
    __r[__i] = __s;
  }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_mpsadbw_epu8(__m256i __X, __m256i __Y, const int __imm6) {
  __v32qu __x = (__v32qu)__X, __y = (__v32qu)__Y;
  __v16hu __r;
  for (int __l = 0; __l < 2; __l++) {
    int __c = __imm6 >> (3 * __l), __a = 16 * __l + ((__c >> 2) & 1) * 4, __b = 16 * __l + (__c & 3) * 4;
    for (int __i = 0; __i < 8; __i++) {
      int __s = 0;
      for (int __j = 0; __j < 4; __j++) { int __d = (int)__x[__a + __i + __j] - (int)__y[__b + __j]; __s += __d < 0 ? -__d : __d; }
      __r[8 * __l + __i] = (unsigned short)__s;
    }
  }
  return (__m256i)__r;
}

/* horizontal add/sub, per 128-bit lane */
static __inline__ __m256i __KIT_INTRIN _mm256_hadd_epi16(__m256i __X, __m256i __Y) {
  __v16hu __x = (__v16hu)__X, __y = (__v16hu)__Y, __r;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) {
      __r[__l + __i] = (unsigned short)(__x[__l + 2 * __i] + __x[__l + 2 * __i + 1]);
      __r[__l + 4 + __i] = (unsigned short)(__y[__l + 2 * __i] + __y[__l + 2 * __i + 1]);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_hsub_epi16(__m256i __X, __m256i __Y) {
  __v16hu __x = (__v16hu)__X, __y = (__v16hu)__Y, __r;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) {
      __r[__l + __i] = (unsigned short)(__x[__l + 2 * __i] - __x[__l + 2 * __i + 1]);
      __r[__l + 4 + __i] = (unsigned short)(__y[__l + 2 * __i] - __y[__l + 2 * __i + 1]);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_hadds_epi16(__m256i __X, __m256i __Y) {
  __v16hi __x = (__v16hi)__X, __y = (__v16hi)__Y, __r;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) {
      int __s = __x[__l + 2 * __i] + __x[__l + 2 * __i + 1], __t = __y[__l + 2 * __i] + __y[__l + 2 * __i + 1];
      __r[__l + __i] = (short)(__s > 32767 ? 32767 : __s < -32768 ? -32768 : __s);
      __r[__l + 4 + __i] = (short)(__t > 32767 ? 32767 : __t < -32768 ? -32768 : __t);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_hsubs_epi16(__m256i __X, __m256i __Y) {
  __v16hi __x = (__v16hi)__X, __y = (__v16hi)__Y, __r;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) {
      int __s = __x[__l + 2 * __i] - __x[__l + 2 * __i + 1], __t = __y[__l + 2 * __i] - __y[__l + 2 * __i + 1];
      __r[__l + __i] = (short)(__s > 32767 ? 32767 : __s < -32768 ? -32768 : __s);
      __r[__l + 4 + __i] = (short)(__t > 32767 ? 32767 : __t < -32768 ? -32768 : __t);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_hadd_epi32(__m256i __X, __m256i __Y) {
  __v8su __x = (__v8su)__X, __y = (__v8su)__Y;
  return (__m256i)(__v8su){__x[0] + __x[1], __x[2] + __x[3], __y[0] + __y[1], __y[2] + __y[3], __x[4] + __x[5], __x[6] + __x[7], __y[4] + __y[5], __y[6] + __y[7]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_hsub_epi32(__m256i __X, __m256i __Y) {
  __v8su __x = (__v8su)__X, __y = (__v8su)__Y;
  return (__m256i)(__v8su){__x[0] - __x[1], __x[2] - __x[3], __y[0] - __y[1], __y[2] - __y[3], __x[4] - __x[5], __x[6] - __x[7], __y[4] - __y[5], __y[6] - __y[7]};
}

/* bitwise */
static __inline__ __m256i __KIT_INTRIN _mm256_and_si256(__m256i __A, __m256i __B) { return (__m256i)((__v4du)__A & (__v4du)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_andnot_si256(__m256i __A, __m256i __B) { return (__m256i)(~(__v4du)__A & (__v4du)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_or_si256(__m256i __A, __m256i __B) { return (__m256i)((__v4du)__A | (__v4du)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_xor_si256(__m256i __A, __m256i __B) { return (__m256i)((__v4du)__A ^ (__v4du)__B); }

/* compares, min/max */
static __inline__ __m256i __KIT_INTRIN _mm256_cmpeq_epi8(__m256i __A, __m256i __B) { return (__m256i)((__v32qs)__A == (__v32qs)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpeq_epi16(__m256i __A, __m256i __B) { return (__m256i)((__v16hi)__A == (__v16hi)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpeq_epi32(__m256i __A, __m256i __B) { return (__m256i)((__v8si)__A == (__v8si)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpeq_epi64(__m256i __A, __m256i __B) { return (__m256i)((__v4di)__A == (__v4di)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpgt_epi8(__m256i __A, __m256i __B) { return (__m256i)((__v32qs)__A > (__v32qs)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpgt_epi16(__m256i __A, __m256i __B) { return (__m256i)((__v16hi)__A > (__v16hi)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpgt_epi32(__m256i __A, __m256i __B) { return (__m256i)((__v8si)__A > (__v8si)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_cmpgt_epi64(__m256i __A, __m256i __B) { return (__m256i)((__v4di)__A > (__v4di)__B); }
static __inline__ __m256i __KIT_INTRIN _mm256_max_epi8(__m256i __A, __m256i __B) { __v32qs __a = (__v32qs)__A, __b = (__v32qs)__B, __m = __a > __b; return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_max_epi16(__m256i __A, __m256i __B) { __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B, __m = __a > __b; return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_max_epi32(__m256i __A, __m256i __B) { __v8si __a = (__v8si)__A, __b = (__v8si)__B, __m = __a > __b; return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_max_epu8(__m256i __A, __m256i __B) { __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __m = (__v32qu)(__a > __b); return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_max_epu16(__m256i __A, __m256i __B) { __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __m = (__v16hu)(__a > __b); return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_max_epu32(__m256i __A, __m256i __B) { __v8su __a = (__v8su)__A, __b = (__v8su)__B, __m = (__v8su)(__a > __b); return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_min_epi8(__m256i __A, __m256i __B) { __v32qs __a = (__v32qs)__A, __b = (__v32qs)__B, __m = __a < __b; return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_min_epi16(__m256i __A, __m256i __B) { __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B, __m = __a < __b; return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_min_epi32(__m256i __A, __m256i __B) { __v8si __a = (__v8si)__A, __b = (__v8si)__B, __m = __a < __b; return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_min_epu8(__m256i __A, __m256i __B) { __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __m = (__v32qu)(__a < __b); return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_min_epu16(__m256i __A, __m256i __B) { __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __m = (__v16hu)(__a < __b); return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ __m256i __KIT_INTRIN _mm256_min_epu32(__m256i __A, __m256i __B) { __v8su __a = (__v8su)__A, __b = (__v8su)__B, __m = (__v8su)(__a < __b); return (__m256i)((__a & __m) | (__b & ~__m)); }
static __inline__ int __KIT_INTRIN _mm256_movemask_epi8(__m256i __A) {
  __v32qs __a = (__v32qs)__A;
  unsigned int __r = 0;
  for (int __i = 0; __i < 32; __i++) __r |= (unsigned int)(__a[__i] < 0) << __i;
  return (int)__r;
}

/* blends */
static __inline__ __m256i __KIT_INTRIN _mm256_blendv_epi8(__m256i __X, __m256i __Y, __m256i __M) {
  __v32qs __m = (__v32qs)__M < 0;
  return (__m256i)(((__v32qs)__X & ~__m) | ((__v32qs)__Y & __m));
}
static __inline__ __m256i __KIT_INTRIN _mm256_blend_epi16(__m256i __X, __m256i __Y, const int __imm8) {
  __v16hi __r = (__v16hi)__X, __y = (__v16hi)__Y;
  for (int __i = 0; __i < 16; __i++) if ((__imm8 >> (__i & 7)) & 1) __r[__i] = __y[__i];
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_blend_epi32(__m128i __X, __m128i __Y, const int __imm4) {
  __v4si __r = (__v4si)__X, __y = (__v4si)__Y;
  for (int __i = 0; __i < 4; __i++) if ((__imm4 >> __i) & 1) __r[__i] = __y[__i];
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_blend_epi32(__m256i __X, __m256i __Y, const int __imm8) {
  __v8si __r = (__v8si)__X, __y = (__v8si)__Y;
  for (int __i = 0; __i < 8; __i++) if ((__imm8 >> __i) & 1) __r[__i] = __y[__i];
  return (__m256i)__r;
}

/* byte shuffles and shifts, per 128-bit lane */
static __inline__ __m256i __KIT_INTRIN _mm256_alignr_epi8(__m256i __A, __m256i __B, const int __imm8) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __r;
  for (int __l = 0; __l < 32; __l += 16)
    for (int __i = 0; __i < 16; __i++) {
      int __k = __i + (__imm8 & 0xff);
      __r[__l + __i] = __k < 16 ? __b[__l + __k] : __k < 32 ? __a[__l + __k - 16] : 0;
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_bslli_epi128(__m256i __A, const int __imm8) {
  __v32qu __a = (__v32qu)__A, __r;
  int __n = __imm8 & 0xff;
  for (int __l = 0; __l < 32; __l += 16)
    for (int __i = 0; __i < 16; __i++) __r[__l + __i] = __i >= __n ? __a[__l + __i - __n] : 0;
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_bsrli_epi128(__m256i __A, const int __imm8) {
  __v32qu __a = (__v32qu)__A, __r;
  int __n = __imm8 & 0xff;
  for (int __l = 0; __l < 32; __l += 16)
    for (int __i = 0; __i < 16; __i++) __r[__l + __i] = __i + __n < 16 ? __a[__l + __i + __n] : 0;
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_slli_si256(__m256i __A, const int __imm8) { return _mm256_bslli_epi128(__A, __imm8); }
static __inline__ __m256i __KIT_INTRIN _mm256_srli_si256(__m256i __A, const int __imm8) { return _mm256_bsrli_epi128(__A, __imm8); }
static __inline__ __m256i __KIT_INTRIN _mm256_shuffle_epi8(__m256i __X, __m256i __Y) {
  __v32qu __x = (__v32qu)__X, __y = (__v32qu)__Y, __r;
  for (int __i = 0; __i < 32; __i++) __r[__i] = (__y[__i] & 0x80) ? 0 : __x[(__i & 16) + (__y[__i] & 15)];
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_shuffle_epi32(__m256i __A, const int __imm8) {
  __v8si __a = (__v8si)__A, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __a[(__i & 4) + ((__imm8 >> (2 * (__i & 3))) & 3)];
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_shufflehi_epi16(__m256i __A, const int __imm8) {
  __v16hi __a = (__v16hi)__A, __r = (__v16hi)__A;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) __r[__l + 4 + __i] = __a[__l + 4 + ((__imm8 >> (2 * __i)) & 3)];
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_shufflelo_epi16(__m256i __A, const int __imm8) {
  __v16hi __a = (__v16hi)__A, __r = (__v16hi)__A;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) __r[__l + __i] = __a[__l + ((__imm8 >> (2 * __i)) & 3)];
  return (__m256i)__r;
}

/* unpacks, per 128-bit lane */
static __inline__ __m256i __KIT_INTRIN _mm256_unpacklo_epi8(__m256i __A, __m256i __B) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __r;
  for (int __l = 0; __l < 32; __l += 16)
    for (int __i = 0; __i < 8; __i++) { __r[__l + 2 * __i] = __a[__l + __i]; __r[__l + 2 * __i + 1] = __b[__l + __i]; }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpackhi_epi8(__m256i __A, __m256i __B) {
  __v32qu __a = (__v32qu)__A, __b = (__v32qu)__B, __r;
  for (int __l = 0; __l < 32; __l += 16)
    for (int __i = 0; __i < 8; __i++) { __r[__l + 2 * __i] = __a[__l + 8 + __i]; __r[__l + 2 * __i + 1] = __b[__l + 8 + __i]; }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpacklo_epi16(__m256i __A, __m256i __B) {
  __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __r;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) { __r[__l + 2 * __i] = __a[__l + __i]; __r[__l + 2 * __i + 1] = __b[__l + __i]; }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpackhi_epi16(__m256i __A, __m256i __B) {
  __v16hu __a = (__v16hu)__A, __b = (__v16hu)__B, __r;
  for (int __l = 0; __l < 16; __l += 8)
    for (int __i = 0; __i < 4; __i++) { __r[__l + 2 * __i] = __a[__l + 4 + __i]; __r[__l + 2 * __i + 1] = __b[__l + 4 + __i]; }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpacklo_epi32(__m256i __A, __m256i __B) {
  __v8si __a = (__v8si)__A, __b = (__v8si)__B;
  return (__m256i)(__v8si){__a[0], __b[0], __a[1], __b[1], __a[4], __b[4], __a[5], __b[5]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpackhi_epi32(__m256i __A, __m256i __B) {
  __v8si __a = (__v8si)__A, __b = (__v8si)__B;
  return (__m256i)(__v8si){__a[2], __b[2], __a[3], __b[3], __a[6], __b[6], __a[7], __b[7]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpacklo_epi64(__m256i __A, __m256i __B) {
  __v4di __a = (__v4di)__A, __b = (__v4di)__B;
  return (__m256i)(__v4di){__a[0], __b[0], __a[2], __b[2]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_unpackhi_epi64(__m256i __A, __m256i __B) {
  __v4di __a = (__v4di)__A, __b = (__v4di)__B;
  return (__m256i)(__v4di){__a[1], __b[1], __a[3], __b[3]};
}

/* packs, per 128-bit lane */
static __inline__ __m256i __KIT_INTRIN _mm256_packs_epi16(__m256i __A, __m256i __B) {
  __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B;
  __v32qs __r;
  for (int __l = 0; __l < 2; __l++)
    for (int __i = 0; __i < 8; __i++) {
      int __x = __a[8 * __l + __i], __y = __b[8 * __l + __i];
      __r[16 * __l + __i] = (signed char)(__x > 127 ? 127 : __x < -128 ? -128 : __x);
      __r[16 * __l + 8 + __i] = (signed char)(__y > 127 ? 127 : __y < -128 ? -128 : __y);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_packus_epi16(__m256i __A, __m256i __B) {
  __v16hi __a = (__v16hi)__A, __b = (__v16hi)__B;
  __v32qu __r;
  for (int __l = 0; __l < 2; __l++)
    for (int __i = 0; __i < 8; __i++) {
      int __x = __a[8 * __l + __i], __y = __b[8 * __l + __i];
      __r[16 * __l + __i] = (unsigned char)(__x > 255 ? 255 : __x < 0 ? 0 : __x);
      __r[16 * __l + 8 + __i] = (unsigned char)(__y > 255 ? 255 : __y < 0 ? 0 : __y);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_packs_epi32(__m256i __A, __m256i __B) {
  __v8si __a = (__v8si)__A, __b = (__v8si)__B;
  __v16hi __r;
  for (int __l = 0; __l < 2; __l++)
    for (int __i = 0; __i < 4; __i++) {
      int __x = __a[4 * __l + __i], __y = __b[4 * __l + __i];
      __r[8 * __l + __i] = (short)(__x > 32767 ? 32767 : __x < -32768 ? -32768 : __x);
      __r[8 * __l + 4 + __i] = (short)(__y > 32767 ? 32767 : __y < -32768 ? -32768 : __y);
    }
  return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_packus_epi32(__m256i __A, __m256i __B) {
  __v8si __a = (__v8si)__A, __b = (__v8si)__B;
  __v16hu __r;
  for (int __l = 0; __l < 2; __l++)
    for (int __i = 0; __i < 4; __i++) {
      int __x = __a[4 * __l + __i], __y = __b[4 * __l + __i];
      __r[8 * __l + __i] = (unsigned short)(__x > 65535 ? 65535 : __x < 0 ? 0 : __x);
      __r[8 * __l + 4 + __i] = (unsigned short)(__y > 65535 ? 65535 : __y < 0 ? 0 : __y);
    }
  return (__m256i)__r;
}

/* shifts: counts at or above the lane width give 0 (sign fill for sra) */
static __inline__ __m256i __KIT_INTRIN _mm256_slli_epi16(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  if (__n > 15) return (__m256i)(__v4di){0, 0, 0, 0};
  return (__m256i)((__v16hu)__A << (unsigned short)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_slli_epi32(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  if (__n > 31) return (__m256i)(__v4di){0, 0, 0, 0};
  return (__m256i)((__v8su)__A << __n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_slli_epi64(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  if (__n > 63) return (__m256i)(__v4di){0, 0, 0, 0};
  return (__m256i)((__v4du)__A << (unsigned long long)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srli_epi16(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  if (__n > 15) return (__m256i)(__v4di){0, 0, 0, 0};
  return (__m256i)((__v16hu)__A >> (unsigned short)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srli_epi32(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  if (__n > 31) return (__m256i)(__v4di){0, 0, 0, 0};
  return (__m256i)((__v8su)__A >> __n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srli_epi64(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  if (__n > 63) return (__m256i)(__v4di){0, 0, 0, 0};
  return (__m256i)((__v4du)__A >> (unsigned long long)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srai_epi16(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  return (__m256i)((__v16hi)__A >> (short)(__n > 15 ? 15 : __n));
}
static __inline__ __m256i __KIT_INTRIN _mm256_srai_epi32(__m256i __A, int __B) {
  unsigned int __n = (unsigned int)__B;
  return (__m256i)((__v8si)__A >> (int)(__n > 31 ? 31 : __n));
}
static __inline__ unsigned long long __attribute__((__unused__)) __kit_avx2_count(__m128i __B) { return ((__v2du)__B)[0]; }
static __inline__ __m256i __KIT_INTRIN _mm256_sll_epi16(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_slli_epi16(__A, __n > 15 ? 16 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_sll_epi32(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_slli_epi32(__A, __n > 31 ? 32 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_sll_epi64(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_slli_epi64(__A, __n > 63 ? 64 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srl_epi16(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_srli_epi16(__A, __n > 15 ? 16 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srl_epi32(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_srli_epi32(__A, __n > 31 ? 32 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_srl_epi64(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_srli_epi64(__A, __n > 63 ? 64 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_sra_epi16(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_srai_epi16(__A, __n > 15 ? 15 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_sra_epi32(__m256i __A, __m128i __B) {
  unsigned long long __n = __kit_avx2_count(__B);
  return _mm256_srai_epi32(__A, __n > 31 ? 31 : (int)__n);
}
static __inline__ __m256i __KIT_INTRIN _mm256_sllv_epi32(__m256i __X, __m256i __Y) {
  __v8su __x = (__v8su)__X, __y = (__v8su)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __y[__i] > 31 ? 0 : __x[__i] << __y[__i];
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_sllv_epi32(__m128i __X, __m128i __Y) {
  __v4su __x = (__v4su)__X, __y = (__v4su)__Y, __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __y[__i] > 31 ? 0 : __x[__i] << __y[__i];
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_sllv_epi64(__m256i __X, __m256i __Y) {
  __v4du __x = (__v4du)__X, __y = (__v4du)__Y, __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __y[__i] > 63 ? 0 : __x[__i] << __y[__i];
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_sllv_epi64(__m128i __X, __m128i __Y) {
  __v2du __x = (__v2du)__X, __y = (__v2du)__Y, __r;
  for (int __i = 0; __i < 2; __i++) __r[__i] = __y[__i] > 63 ? 0 : __x[__i] << __y[__i];
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_srav_epi32(__m256i __X, __m256i __Y) {
  __v8si __x = (__v8si)__X, __r;
  __v8su __y = (__v8su)__Y;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__i] >> (__y[__i] > 31 ? 31 : __y[__i]);
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_srav_epi32(__m128i __X, __m128i __Y) {
  __v4si __x = (__v4si)__X, __r;
  __v4su __y = (__v4su)__Y;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i] >> (__y[__i] > 31 ? 31 : __y[__i]);
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_srlv_epi32(__m256i __X, __m256i __Y) {
  __v8su __x = (__v8su)__X, __y = (__v8su)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __y[__i] > 31 ? 0 : __x[__i] >> __y[__i];
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_srlv_epi32(__m128i __X, __m128i __Y) {
  __v4su __x = (__v4su)__X, __y = (__v4su)__Y, __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __y[__i] > 31 ? 0 : __x[__i] >> __y[__i];
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_srlv_epi64(__m256i __X, __m256i __Y) {
  __v4du __x = (__v4du)__X, __y = (__v4du)__Y, __r;
  for (int __i = 0; __i < 4; __i++) __r[__i] = __y[__i] > 63 ? 0 : __x[__i] >> __y[__i];
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_srlv_epi64(__m128i __X, __m128i __Y) {
  __v2du __x = (__v2du)__X, __y = (__v2du)__Y, __r;
  for (int __i = 0; __i < 2; __i++) __r[__i] = __y[__i] > 63 ? 0 : __x[__i] >> __y[__i];
  return (__m128i)__r;
}

/* sign / zero extensions (128 -> 256) */
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepi8_epi16(__m128i __X) { __v16qs __x = (__v16qs)__X; __v16hi __r; for (int __i = 0; __i < 16; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepi8_epi32(__m128i __X) { __v16qs __x = (__v16qs)__X; __v8si __r; for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepi8_epi64(__m128i __X) { __v16qs __x = (__v16qs)__X; __v4di __r; for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepi16_epi32(__m128i __X) { __v8hi __x = (__v8hi)__X; __v8si __r; for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepi16_epi64(__m128i __X) { __v8hi __x = (__v8hi)__X; __v4di __r; for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepi32_epi64(__m128i __X) { __v4si __x = (__v4si)__X; __v4di __r; for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepu8_epi16(__m128i __X) { __v16qu __x = (__v16qu)__X; __v16hi __r; for (int __i = 0; __i < 16; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepu8_epi32(__m128i __X) { __v16qu __x = (__v16qu)__X; __v8si __r; for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepu8_epi64(__m128i __X) { __v16qu __x = (__v16qu)__X; __v4di __r; for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepu16_epi32(__m128i __X) { __v8hu __x = (__v8hu)__X; __v8si __r; for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepu16_epi64(__m128i __X) { __v8hu __x = (__v8hu)__X; __v4di __r; for (int __i = 0; __i < 4; __i++) __r[__i] = __x[__i]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_cvtepu32_epi64(__m128i __X) { __v4su __x = (__v4su)__X; __v4di __r; for (int __i = 0; __i < 4; __i++) __r[__i] = (long long)__x[__i]; return (__m256i)__r; }

/* broadcasts */
static __inline__ __m128 __KIT_INTRIN _mm_broadcastss_ps(__m128 __X) { return (__m128)(__v4sf){__X[0], __X[0], __X[0], __X[0]}; }
static __inline__ __m256 __KIT_INTRIN _mm256_broadcastss_ps(__m128 __X) { float __f = __X[0]; return (__m256)(__v8sf){__f, __f, __f, __f, __f, __f, __f, __f}; }
static __inline__ __m128d __KIT_INTRIN _mm_broadcastsd_pd(__m128d __X) { return (__m128d)(__v2df){__X[0], __X[0]}; }
static __inline__ __m256d __KIT_INTRIN _mm256_broadcastsd_pd(__m128d __X) { return (__m256d)(__v4df){__X[0], __X[0], __X[0], __X[0]}; }
static __inline__ __m256i __KIT_INTRIN _mm256_broadcastsi128_si256(__m128i __X) { __v2di __x = (__v2di)__X; return (__m256i)(__v4di){__x[0], __x[1], __x[0], __x[1]}; }
static __inline__ __m256i __KIT_INTRIN _mm_broadcastsi128_si256(__m128i __X) { return _mm256_broadcastsi128_si256(__X); }
static __inline__ __m256i __KIT_INTRIN _mm256_broadcastb_epi8(__m128i __X) { __v32qi __r; for (int __i = 0; __i < 32; __i++) __r[__i] = ((__v16qi)__X)[0]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_broadcastw_epi16(__m128i __X) { __v16hi __r; for (int __i = 0; __i < 16; __i++) __r[__i] = ((__v8hi)__X)[0]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_broadcastd_epi32(__m128i __X) { __v8si __r; for (int __i = 0; __i < 8; __i++) __r[__i] = ((__v4si)__X)[0]; return (__m256i)__r; }
static __inline__ __m256i __KIT_INTRIN _mm256_broadcastq_epi64(__m128i __X) { long long __q = ((__v2di)__X)[0]; return (__m256i)(__v4di){__q, __q, __q, __q}; }
static __inline__ __m128i __KIT_INTRIN _mm_broadcastb_epi8(__m128i __X) { __v16qi __r; for (int __i = 0; __i < 16; __i++) __r[__i] = ((__v16qi)__X)[0]; return (__m128i)__r; }
static __inline__ __m128i __KIT_INTRIN _mm_broadcastw_epi16(__m128i __X) { __v8hi __r; for (int __i = 0; __i < 8; __i++) __r[__i] = ((__v8hi)__X)[0]; return (__m128i)__r; }
static __inline__ __m128i __KIT_INTRIN _mm_broadcastd_epi32(__m128i __X) { int __d = ((__v4si)__X)[0]; return (__m128i)(__v4si){__d, __d, __d, __d}; }
static __inline__ __m128i __KIT_INTRIN _mm_broadcastq_epi64(__m128i __X) { long long __q = ((__v2di)__X)[0]; return (__m128i)(__v2di){__q, __q}; }

/* cross-lane permutes, 128-bit halves */
static __inline__ __m256i __KIT_INTRIN _mm256_permutevar8x32_epi32(__m256i __X, __m256i __Y) {
  __v8si __x = (__v8si)__X, __y = (__v8si)__Y, __r;
  for (int __i = 0; __i < 8; __i++) __r[__i] = __x[__y[__i] & 7];
  return (__m256i)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_permutevar8x32_ps(__m256 __X, __m256i __Y) { return (__m256)_mm256_permutevar8x32_epi32((__m256i)__X, __Y); }
static __inline__ __m256i __KIT_INTRIN _mm256_permute4x64_epi64(__m256i __X, const int __imm8) {
  __v4di __x = (__v4di)__X;
  return (__m256i)(__v4di){__x[__imm8 & 3], __x[(__imm8 >> 2) & 3], __x[(__imm8 >> 4) & 3], __x[(__imm8 >> 6) & 3]};
}
static __inline__ __m256d __KIT_INTRIN _mm256_permute4x64_pd(__m256d __X, const int __imm8) { return (__m256d)_mm256_permute4x64_epi64((__m256i)__X, __imm8); }
static __inline__ __m256i __KIT_INTRIN _mm256_permute2x128_si256(__m256i __X, __m256i __Y, const int __imm8) {
  __v4di __x = (__v4di)__X, __y = (__v4di)__Y, __r;
  for (int __h = 0; __h < 2; __h++) {
    int __c = __imm8 >> (4 * __h);
    __v4di __s = (__c & 2) ? __y : __x;
    __r[2 * __h] = (__c & 8) ? 0 : __s[2 * (__c & 1)];
    __r[2 * __h + 1] = (__c & 8) ? 0 : __s[2 * (__c & 1) + 1];
  }
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm256_extracti128_si256(__m256i __X, const int __imm1) {
  __v4di __x = (__v4di)__X;
  int __o = (__imm1 & 1) * 2;
  return (__m128i)(__v2di){__x[__o], __x[__o + 1]};
}
static __inline__ __m256i __KIT_INTRIN _mm256_inserti128_si256(__m256i __X, __m128i __Y, const int __imm1) {
  __v4di __r = (__v4di)__X;
  int __o = (__imm1 & 1) * 2;
  __r[__o] = ((__v2di)__Y)[0];
  __r[__o + 1] = ((__v2di)__Y)[1];
  return (__m256i)__r;
}

/* masked loads and stores */
static __inline__ __m128i __KIT_INTRIN _mm_maskload_epi32(int const *__X, __m128i __M) {
  __v4si __m = (__v4si)__M, __r = {0, 0, 0, 0};
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 4 * __i, (void *)(__X + __i), 4);
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_maskload_epi32(int const *__X, __m256i __M) {
  __v8si __m = (__v8si)__M, __r = {0, 0, 0, 0, 0, 0, 0, 0};
  for (int __i = 0; __i < 8; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 4 * __i, (void *)(__X + __i), 4);
  return (__m256i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_maskload_epi64(long long const *__X, __m128i __M) {
  __v2di __m = (__v2di)__M, __r = {0, 0};
  for (int __i = 0; __i < 2; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 8 * __i, (void *)(__X + __i), 8);
  return (__m128i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_maskload_epi64(long long const *__X, __m256i __M) {
  __v4di __m = (__v4di)__M, __r = {0, 0, 0, 0};
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy((char *)&__r + 8 * __i, (void *)(__X + __i), 8);
  return (__m256i)__r;
}
static __inline__ void __KIT_INTRIN _mm_maskstore_epi32(int *__X, __m128i __M, __m128i __Y) {
  __v4si __m = (__v4si)__M;
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy(__X + __i, (char *)&__Y + 4 * __i, 4);
}
static __inline__ void __KIT_INTRIN _mm256_maskstore_epi32(int *__X, __m256i __M, __m256i __Y) {
  __v8si __m = (__v8si)__M;
  for (int __i = 0; __i < 8; __i++) if (__m[__i] < 0) __builtin_memcpy(__X + __i, (char *)&__Y + 4 * __i, 4);
}
static __inline__ void __KIT_INTRIN _mm_maskstore_epi64(long long *__X, __m128i __M, __m128i __Y) {
  __v2di __m = (__v2di)__M;
  for (int __i = 0; __i < 2; __i++) if (__m[__i] < 0) __builtin_memcpy(__X + __i, (char *)&__Y + 8 * __i, 8);
}
static __inline__ void __KIT_INTRIN _mm256_maskstore_epi64(long long *__X, __m256i __M, __m256i __Y) {
  __v4di __m = (__v4di)__M;
  for (int __i = 0; __i < 4; __i++) if (__m[__i] < 0) __builtin_memcpy(__X + __i, (char *)&__Y + 8 * __i, 8);
}
static __inline__ __m256i __KIT_INTRIN _mm256_stream_load_si256(__m256i const *__X) { __m256i __r; __builtin_memcpy(&__r, (void *)(__X), 32); return __r; }

/* gathers: element i comes from (char *)base + index[i] * scale when the
   mask's sign bit is set (the unmasked forms use an all-ones mask), else
   from src. Lanes past the index count are zero. */
#define __KIT_GATHER(RT, rv, ET, N, IV, base, index, scale, src, mask, MV) \
  do { \
    for (int __i = 0; __i < (N); __i++) { \
      if (((MV)(mask))[__i] < 0) \
        __builtin_memcpy(&(rv)[__i], (void *)((char const *)(base) + (long long)((IV)(index))[__i] * (scale)), sizeof(ET)); \
      else \
        (rv)[__i] = ((RT)(src))[__i]; \
    } \
  } while (0)
static __inline__ __m128d __KIT_INTRIN _mm_mask_i32gather_pd(__m128d __src, double const *__base, __m128i __index, __m128d __mask, const int __imm_scale) {
  __v2df __r; __KIT_GATHER(__v2df, __r, double, 2, __v4si, __base, __index, __imm_scale, __src, __mask, __v2di); return (__m128d)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_i32gather_pd(double const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i32gather_pd((__m128d)(__v2di){0, 0}, __base, __index, (__m128d)(__v2di){-1, -1}, __imm_scale); }
static __inline__ __m256d __KIT_INTRIN _mm256_mask_i32gather_pd(__m256d __src, double const *__base, __m128i __index, __m256d __mask, const int __imm_scale) {
  __v4df __r; __KIT_GATHER(__v4df, __r, double, 4, __v4si, __base, __index, __imm_scale, __src, __mask, __v4di); return (__m256d)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_i32gather_pd(double const *__base, __m128i __index, const int __imm_scale) { return _mm256_mask_i32gather_pd((__m256d)(__v4di){0, 0, 0, 0}, __base, __index, (__m256d)(__v4di){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128d __KIT_INTRIN _mm_mask_i64gather_pd(__m128d __src, double const *__base, __m128i __index, __m128d __mask, const int __imm_scale) {
  __v2df __r; __KIT_GATHER(__v2df, __r, double, 2, __v2di, __base, __index, __imm_scale, __src, __mask, __v2di); return (__m128d)__r;
}
static __inline__ __m128d __KIT_INTRIN _mm_i64gather_pd(double const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i64gather_pd((__m128d)(__v2di){0, 0}, __base, __index, (__m128d)(__v2di){-1, -1}, __imm_scale); }
static __inline__ __m256d __KIT_INTRIN _mm256_mask_i64gather_pd(__m256d __src, double const *__base, __m256i __index, __m256d __mask, const int __imm_scale) {
  __v4df __r; __KIT_GATHER(__v4df, __r, double, 4, __v4di, __base, __index, __imm_scale, __src, __mask, __v4di); return (__m256d)__r;
}
static __inline__ __m256d __KIT_INTRIN _mm256_i64gather_pd(double const *__base, __m256i __index, const int __imm_scale) { return _mm256_mask_i64gather_pd((__m256d)(__v4di){0, 0, 0, 0}, __base, __index, (__m256d)(__v4di){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128 __KIT_INTRIN _mm_mask_i32gather_ps(__m128 __src, float const *__base, __m128i __index, __m128 __mask, const int __imm_scale) {
  __v4sf __r; __KIT_GATHER(__v4sf, __r, float, 4, __v4si, __base, __index, __imm_scale, __src, __mask, __v4si); return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_i32gather_ps(float const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i32gather_ps((__m128)(__v4si){0, 0, 0, 0}, __base, __index, (__m128)(__v4si){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m256 __KIT_INTRIN _mm256_mask_i32gather_ps(__m256 __src, float const *__base, __m256i __index, __m256 __mask, const int __imm_scale) {
  __v8sf __r; __KIT_GATHER(__v8sf, __r, float, 8, __v8si, __base, __index, __imm_scale, __src, __mask, __v8si); return (__m256)__r;
}
static __inline__ __m256 __KIT_INTRIN _mm256_i32gather_ps(float const *__base, __m256i __index, const int __imm_scale) { return _mm256_mask_i32gather_ps((__m256)(__v8si){0, 0, 0, 0, 0, 0, 0, 0}, __base, __index, (__m256)(__v8si){-1, -1, -1, -1, -1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128 __KIT_INTRIN _mm_mask_i64gather_ps(__m128 __src, float const *__base, __m128i __index, __m128 __mask, const int __imm_scale) {
  __v4sf __r = {0, 0, 0, 0}; __KIT_GATHER(__v4sf, __r, float, 2, __v2di, __base, __index, __imm_scale, __src, __mask, __v4si); return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm_i64gather_ps(float const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i64gather_ps((__m128)(__v4si){0, 0, 0, 0}, __base, __index, (__m128)(__v4si){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128 __KIT_INTRIN _mm256_mask_i64gather_ps(__m128 __src, float const *__base, __m256i __index, __m128 __mask, const int __imm_scale) {
  __v4sf __r; __KIT_GATHER(__v4sf, __r, float, 4, __v4di, __base, __index, __imm_scale, __src, __mask, __v4si); return (__m128)__r;
}
static __inline__ __m128 __KIT_INTRIN _mm256_i64gather_ps(float const *__base, __m256i __index, const int __imm_scale) { return _mm256_mask_i64gather_ps((__m128)(__v4si){0, 0, 0, 0}, __base, __index, (__m128)(__v4si){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128i __KIT_INTRIN _mm_mask_i32gather_epi64(__m128i __src, long long int const *__base, __m128i __index, __m128i __mask, const int __imm_scale) {
  __v2di __r; __KIT_GATHER(__v2di, __r, long long, 2, __v4si, __base, __index, __imm_scale, __src, __mask, __v2di); return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_i32gather_epi64(long long int const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i32gather_epi64((__m128i)(__v2di){0, 0}, __base, __index, (__m128i)(__v2di){-1, -1}, __imm_scale); }
static __inline__ __m256i __KIT_INTRIN _mm256_mask_i32gather_epi64(__m256i __src, long long int const *__base, __m128i __index, __m256i __mask, const int __imm_scale) {
  __v4di __r; __KIT_GATHER(__v4di, __r, long long, 4, __v4si, __base, __index, __imm_scale, __src, __mask, __v4di); return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_i32gather_epi64(long long int const *__base, __m128i __index, const int __imm_scale) { return _mm256_mask_i32gather_epi64((__m256i)(__v4di){0, 0, 0, 0}, __base, __index, (__m256i)(__v4di){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128i __KIT_INTRIN _mm_mask_i64gather_epi64(__m128i __src, long long int const *__base, __m128i __index, __m128i __mask, const int __imm_scale) {
  __v2di __r; __KIT_GATHER(__v2di, __r, long long, 2, __v2di, __base, __index, __imm_scale, __src, __mask, __v2di); return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_i64gather_epi64(long long int const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i64gather_epi64((__m128i)(__v2di){0, 0}, __base, __index, (__m128i)(__v2di){-1, -1}, __imm_scale); }
static __inline__ __m256i __KIT_INTRIN _mm256_mask_i64gather_epi64(__m256i __src, long long int const *__base, __m256i __index, __m256i __mask, const int __imm_scale) {
  __v4di __r; __KIT_GATHER(__v4di, __r, long long, 4, __v4di, __base, __index, __imm_scale, __src, __mask, __v4di); return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_i64gather_epi64(long long int const *__base, __m256i __index, const int __imm_scale) { return _mm256_mask_i64gather_epi64((__m256i)(__v4di){0, 0, 0, 0}, __base, __index, (__m256i)(__v4di){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128i __KIT_INTRIN _mm_mask_i32gather_epi32(__m128i __src, int const *__base, __m128i __index, __m128i __mask, const int __imm_scale) {
  __v4si __r; __KIT_GATHER(__v4si, __r, int, 4, __v4si, __base, __index, __imm_scale, __src, __mask, __v4si); return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_i32gather_epi32(int const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i32gather_epi32((__m128i)(__v4si){0, 0, 0, 0}, __base, __index, (__m128i)(__v4si){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m256i __KIT_INTRIN _mm256_mask_i32gather_epi32(__m256i __src, int const *__base, __m256i __index, __m256i __mask, const int __imm_scale) {
  __v8si __r; __KIT_GATHER(__v8si, __r, int, 8, __v8si, __base, __index, __imm_scale, __src, __mask, __v8si); return (__m256i)__r;
}
static __inline__ __m256i __KIT_INTRIN _mm256_i32gather_epi32(int const *__base, __m256i __index, const int __imm_scale) { return _mm256_mask_i32gather_epi32((__m256i)(__v8si){0, 0, 0, 0, 0, 0, 0, 0}, __base, __index, (__m256i)(__v8si){-1, -1, -1, -1, -1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128i __KIT_INTRIN _mm_mask_i64gather_epi32(__m128i __src, int const *__base, __m128i __index, __m128i __mask, const int __imm_scale) {
  __v4si __r = {0, 0, 0, 0}; __KIT_GATHER(__v4si, __r, int, 2, __v2di, __base, __index, __imm_scale, __src, __mask, __v4si); return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm_i64gather_epi32(int const *__base, __m128i __index, const int __imm_scale) { return _mm_mask_i64gather_epi32((__m128i)(__v4si){0, 0, 0, 0}, __base, __index, (__m128i)(__v4si){-1, -1, -1, -1}, __imm_scale); }
static __inline__ __m128i __KIT_INTRIN _mm256_mask_i64gather_epi32(__m128i __src, int const *__base, __m256i __index, __m128i __mask, const int __imm_scale) {
  __v4si __r; __KIT_GATHER(__v4si, __r, int, 4, __v4di, __base, __index, __imm_scale, __src, __mask, __v4si); return (__m128i)__r;
}
static __inline__ __m128i __KIT_INTRIN _mm256_i64gather_epi32(int const *__base, __m256i __index, const int __imm_scale) { return _mm256_mask_i64gather_epi32((__m128i)(__v4si){0, 0, 0, 0}, __base, __index, (__m128i)(__v4si){-1, -1, -1, -1}, __imm_scale); }

#endif
