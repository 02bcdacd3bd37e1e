// flags: -mavx2
// Vector values (__m128i, __m128, __m256i) in "x" operands of inline asm:
// in and out of xmm/ymm registers, "+x", "=&x", the %x modifier.
#include <immintrin.h>
#include <stdio.h>
static __m128i add32(__m128i a, __m128i b) { __asm__("paddd %1, %0" : "+x"(a) : "x"(b)); return a; }
static __m128 mulps(__m128 a, __m128 b) { __m128 r; __asm__("movaps %1, %0\n\tmulps %2, %0" : "=&x"(r) : "x"(a), "x"(b)); return r; }
static __m256i add64y(__m256i a, __m256i b) { __m256i r; __asm__("vpaddq %2, %1, %0" : "=x"(r) : "x"(a), "x"(b)); return r; }
static __m128i low(__m256i a) { __m128i r; __asm__("vmovdqa %x1, %0" : "=x"(r) : "x"(a)); return r; }
int main(void) {
  __m128i a = _mm_set_epi32(1, 2, 3, 4), b = _mm_set_epi32(10, 20, 30, 40);
  __v4si s = (__v4si)add32(a, b);
  printf("%d %d %d %d\n", s[0], s[1], s[2], s[3]);
  __m128 m = mulps(_mm_set1_ps(1.5f), _mm_set_ps(1, 2, 3, 4));
  printf("%g %g %g %g\n", m[0], m[1], m[2], m[3]);
  __m256i y = add64y(_mm256_set1_epi64x(5), _mm256_set_epi64x(1, 2, 3, 4));
  printf("%lld %lld %lld %lld\n", y[0], y[1], y[2], y[3]);
  __m128i l = low(y);
  printf("%lld %lld\n", l[0], l[1]);
  int n = 7; __m128i v = _mm_setzero_si128();
  __asm__("movd %1, %0" : "=x"(v) : "r"(n));
  printf("%d\n", _mm_cvtsi128_si32(v));
}
