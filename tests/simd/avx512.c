/* Consistency test for kit's AVX-512F intrinsics (crates/cfront/include/avx512fintrin.h).

   The machine that wrote it has no AVX-512, so gcc's own AVX-512 code cannot be run as a
   reference. Instead every _mm512_* intrinsic (and mask helper) in the header is checked, on
   many inputs from a deterministic xorshift PRNG mixed with special values (0, -1, INT_MIN,
   INT_MAX, NaNs with payloads, signalling NaNs, infinities, -0.0, denormals, huge shift
   counts, every immediate), bit for bit against either
     - the same operation composed from two 256-bit halves with the already-verified
       AVX/AVX2/FMA intrinsics, e.g. _mm512_add_epi64(a, b) ==
       concat(_mm256_add_epi64(lo(a), lo(b)), _mm256_add_epi64(hi(a), hi(b))), or
     - a plain scalar C model where AVX2 has no equivalent (masks, ternary logic,
       permutes, 64-bit min/max/abs/sra, reductions, compares into masks, ...).
   Prints "name ok" or "name FAIL ..." per intrinsic; exits 1 if anything failed.

   Build with kit:  kit run -I crates/cfront/include tests/simd/avx512.c
   or with gcc over kit's headers (no -mavx512f, so nothing needs AVX-512):
                    gcc -O0 -I crates/cfront/include tests/simd/avx512.c -lm && ./a.out */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 600

typedef __m512i VI;
typedef __m512 VF;
typedef __m512d VD;

/* ---- deterministic inputs ---- */
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}
static const uint32_t sp32[] = {0, 1, 2, 0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu, 0x80000001u, 31, 32, 33, 63, 64, 0xFFu, 0x7Fu, 0x80u, 0xFFFFu, 0x8000u};
static const uint64_t sp64[] = {0, 1, ~0ull, 0x8000000000000000ull, 0x7FFFFFFFFFFFFFFFull, 0xFFFFFFFFull, 0x100000000ull, 63, 64, 65, 0xFFFFFFFF00000000ull};
static const uint32_t spf[] = {0, 0x80000000u, 0x7F800000u, 0xFF800000u, 0x7FC00000u, 0xFFC00000u, 0x7FC12345u, 0xFFC54321u,
                               0x7F800001u, 0xFFA00001u, 0x00000001u, 0x807FFFFFu, 0x3F800000u, 0xBF800000u, 0x7F7FFFFFu, 0x00800000u};
static const uint64_t spd[] = {0, 0x8000000000000000ull, 0x7FF0000000000000ull, 0xFFF0000000000000ull, 0x7FF8000000000000ull,
                               0xFFF8000000000000ull, 0x7FF8000000012345ull, 0xFFF4000000000001ull, 0x7FF0000000000001ull,
                               0x0000000000000001ull, 0x800FFFFFFFFFFFFFull, 0x3FF0000000000000ull, 0xBFF0000000000000ull,
                               0x7FEFFFFFFFFFFFFFull, 0x0010000000000000ull};
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static VI rand_I(void) {
  uint64_t v[8];
  for (int i = 0; i < 8; i++) {
    int k = (int)(rnd() % 8);
    if (k == 0) v[i] = sp64[rnd() % COUNT(sp64)];
    else if (k == 1) v[i] = sp32[rnd() % COUNT(sp32)] | (uint64_t)sp32[rnd() % COUNT(sp32)] << 32;
    else if (k == 2) v[i] = rnd() % 80; /* small: shift counts, indices */
    else v[i] = rnd();
  }
  VI r;
  memcpy(&r, v, 64);
  return r;
}
static VF rand_F(void) {
  uint32_t v[16];
  for (int i = 0; i < 16; i++) {
    int k = (int)(rnd() % 8);
    uint32_t x = (uint32_t)rnd();
    if (k == 0) v[i] = spf[rnd() % COUNT(spf)];
    else if (k == 1) v[i] = x; /* any bits */
    else v[i] = (x & 0x807FFFFFu) | (uint32_t)(118 + rnd() % 20) << 23; /* moderate magnitudes */
  }
  VF r;
  memcpy(&r, v, 64);
  return r;
}
static VD rand_D(void) {
  uint64_t v[8];
  for (int i = 0; i < 8; i++) {
    int k = (int)(rnd() % 8);
    uint64_t x = rnd();
    if (k == 0) v[i] = spd[rnd() % COUNT(spd)];
    else if (k == 1) v[i] = x;
    else v[i] = (x & 0x800FFFFFFFFFFFFFull) | (uint64_t)(1013 + rnd() % 20) << 52;
  }
  VD r;
  memcpy(&r, v, 64);
  return r;
}
static __m128i rand_128(void) { return _mm512_castsi512_si128(rand_I()); }
static __m256i rand_256(void) { return _mm512_castsi512_si256(rand_I()); }
/* a shift count: mostly in range, sometimes far out of it (high bits set too) */
static unsigned int rand_count(void) {
  int k = (int)(rnd() % 8);
  if (k == 0) return (unsigned int)rnd();
  if (k == 1) return sp32[rnd() % COUNT(sp32)];
  return (unsigned int)(rnd() % 70);
}
static __m128i rand_count128(void) {
  uint64_t c = rnd() % 4 == 0 ? rnd() >> (rnd() % 64) : rand_count();
  return _mm_set_epi64x((long long)rnd(), (long long)c);
}

/* ---- halves (split and join with memcpy, independent of the header under test) ---- */
static __m256i lo_I(VI a) { __m256i r; memcpy(&r, &a, 32); return r; }
static __m256i hi_I(VI a) { __m256i r; memcpy(&r, (char *)&a + 32, 32); return r; }
static VI cat_I(__m256i l, __m256i h) { VI r; memcpy(&r, &l, 32); memcpy((char *)&r + 32, &h, 32); return r; }
static __m256 lo_F(VF a) { return (__m256)lo_I((VI)a); }
static __m256 hi_F(VF a) { return (__m256)hi_I((VI)a); }
static VF cat_F(__m256 l, __m256 h) { return (VF)cat_I((__m256i)l, (__m256i)h); }
static __m256d lo_D(VD a) { return (__m256d)lo_I((VI)a); }
static __m256d hi_D(VD a) { return (__m256d)hi_I((VI)a); }
static VD cat_D(__m256d l, __m256d h) { return (VD)cat_I((__m256i)l, (__m256i)h); }

/* ---- reporting ---- */
static const char *cur;
static int cur_bad, failures, tested;
static void begin(const char *name) { cur = name; cur_bad = 0; }
static void check(int it, const void *got, const void *want, int n) {
  if (cur_bad || memcmp(got, want, (size_t)n) == 0) return;
  int k = 0;
  while (((const unsigned char *)got)[k] == ((const unsigned char *)want)[k]) k++;
  k &= ~3;
  uint32_t g, w;
  memcpy(&g, (const char *)got + k, 4);
  memcpy(&w, (const char *)want + k, 4);
  printf("%s FAIL iteration %d, bytes %d..%d: got %08x want %08x\n", cur, it, k, k + 3, g, w);
  cur_bad = 1;
}
static void end(void) {
  tested++;
  if (cur_bad) failures++;
  else printf("%s ok\n", cur);
}

/* ---- split checks: the 512-bit op against the 256-bit op on each half ---- */
#define SPLIT1(T, f512, f256)                                        \
  do {                                                               \
    begin(#f512);                                                    \
    for (int it = 0; it < N; it++) {                                 \
      V##T a = rand_##T();                                           \
      V##T r = f512(a), w = cat_##T(f256(lo_##T(a)), f256(hi_##T(a))); \
      check(it, &r, &w, 64);                                         \
    }                                                                \
    end();                                                           \
  } while (0)
#define SPLIT2(T, f512, f256)                                                                  \
  do {                                                                                         \
    begin(#f512);                                                                              \
    for (int it = 0; it < N; it++) {                                                           \
      V##T a = rand_##T(), b = rand_##T();                                                     \
      V##T r = f512(a, b), w = cat_##T(f256(lo_##T(a), lo_##T(b)), f256(hi_##T(a), hi_##T(b))); \
      check(it, &r, &w, 64);                                                                   \
    }                                                                                          \
    end();                                                                                     \
  } while (0)
#define SPLIT3(T, f512, f256)                                                              \
  do {                                                                                     \
    begin(#f512);                                                                          \
    for (int it = 0; it < N; it++) {                                                       \
      V##T a = rand_##T(), b = rand_##T(), c = rand_##T();                                 \
      V##T r = f512(a, b, c);                                                              \
      V##T w = cat_##T(f256(lo_##T(a), lo_##T(b), lo_##T(c)), f256(hi_##T(a), hi_##T(b), hi_##T(c))); \
      check(it, &r, &w, 64);                                                               \
    }                                                                                      \
    end();                                                                                 \
  } while (0)
/* second argument a scalar/immediate/__m128i count given by expression CNT */
#define SPLITC(f512, f256, CNT)                                      \
  do {                                                               \
    begin(#f512);                                                    \
    for (int it = 0; it < N; it++) {                                 \
      VI a = rand_I();                                               \
      __typeof__(CNT) c = (CNT);                                     \
      VI r = f512(a, c), w = cat_I(f256(lo_I(a), c), f256(hi_I(a), c)); \
      check(it, &r, &w, 64);                                         \
    }                                                                \
    end();                                                           \
  } while (0)

/* ---- scalar-model helpers ---- */
#define U32(v, arr) uint32_t arr[16]; memcpy(arr, &(v), 64)
#define U64(v, arr) uint64_t arr[8]; memcpy(arr, &(v), 64)
static VI from32(const uint32_t *a) { VI r; memcpy(&r, a, 64); return r; }
static VI from64(const uint64_t *a) { VI r; memcpy(&r, a, 64); return r; }
/* lane-wise select by mask: bit set takes x, else y (n lanes of 64/n bytes) */
static VI blend_model(unsigned m, VI x, VI y, int n) {
  unsigned char a[64], b[64];
  int s = 64 / n;
  memcpy(a, &x, 64);
  memcpy(b, &y, 64);
  for (int i = 0; i < n; i++)
    if (!((m >> i) & 1)) memcpy(a + s * i, b + s * i, (size_t)s);
  VI r;
  memcpy(&r, a, 64);
  return r;
}
/* mask_ and maskz_ forms against the unmasked result composed from halves */
#define MASKED(T, n, mf, mzf, f256)                                                               \
  do {                                                                                            \
    begin(#mf);                                                                                   \
    for (int it = 0; it < N; it++) {                                                              \
      V##T a = rand_##T(), b = rand_##T(), src = rand_##T();                                      \
      unsigned m = (unsigned)rnd() & ((1u << n) - 1);                                             \
      V##T full = cat_##T(f256(lo_##T(a), lo_##T(b)), f256(hi_##T(a), hi_##T(b)));                 \
      V##T r = mf(src, m, a, b), w = (V##T)blend_model(m, (VI)full, (VI)src, n);                  \
      check(it, &r, &w, 64);                                                                      \
    }                                                                                             \
    end();                                                                                        \
    begin(#mzf);                                                                                  \
    for (int it = 0; it < N; it++) {                                                              \
      V##T a = rand_##T(), b = rand_##T();                                                        \
      unsigned m = (unsigned)rnd() & ((1u << n) - 1);                                             \
      V##T full = cat_##T(f256(lo_##T(a), lo_##T(b)), f256(hi_##T(a), hi_##T(b)));                 \
      V##T r = mzf(m, a, b), w = (V##T)blend_model(m, (VI)full, _mm512_setzero_si512(), n);       \
      check(it, &r, &w, 64);                                                                      \
    }                                                                                             \
    end();                                                                                        \
  } while (0)
/* add/sub/mul/div references from two 128-bit SSE operations: gcc without -mavx splits a
   generic 256-bit vector operation itself and may swap the operands of a commutative one, so
   which NaN _mm256_add_ps returns there is not the instruction's; the SSE forms are native */
#define SSE_HALVES(op, t256, t128, s, join)                                                      \
  static t256 op##256_##s(t256 a, t256 b) {                                                     \
    t128 l = _mm_##op##_##s(_mm256_cast##s##256_##s##128(a), _mm256_cast##s##256_##s##128(b));   \
    t128 h = _mm_##op##_##s(_mm256_extractf128_##s(a, 1), _mm256_extractf128_##s(b, 1));         \
    return join(l, h);                                                                           \
  }
SSE_HALVES(add, __m256, __m128, ps, _mm256_setr_m128)
SSE_HALVES(sub, __m256, __m128, ps, _mm256_setr_m128)
SSE_HALVES(mul, __m256, __m128, ps, _mm256_setr_m128)
SSE_HALVES(div, __m256, __m128, ps, _mm256_setr_m128)
SSE_HALVES(add, __m256d, __m128d, pd, _mm256_setr_m128d)
SSE_HALVES(sub, __m256d, __m128d, pd, _mm256_setr_m128d)
SSE_HALVES(mul, __m256d, __m128d, pd, _mm256_setr_m128d)
SSE_HALVES(div, __m256d, __m128d, pd, _mm256_setr_m128d)
static __m256 abs256_ps(__m256 a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
static __m256d abs256_pd(__m256d a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
static __m256i mullo256_epi64(__m256i a, __m256i b) {
  uint64_t x[4], y[4];
  memcpy(x, &a, 32);
  memcpy(y, &b, 32);
  for (int i = 0; i < 4; i++) x[i] *= y[i];
  memcpy(&a, x, 32);
  return a;
}

/* integer compares: scalar model for every predicate */
static int pred_model(int p, int lt, int eq) {
  switch (p & 7) {
  case 0: return eq;
  case 1: return lt;
  case 2: return lt || eq;
  case 3: return 0;
  case 4: return !eq;
  case 5: return !lt;
  case 6: return !lt && !eq;
  default: return 1;
  }
}
static unsigned cmp_model(VI x, VI y, int p, int w64, int sgn) {
  U32(x, a32); U32(y, b32); U64(x, a64); U64(y, b64);
  unsigned m = 0;
  for (int i = 0; i < (w64 ? 8 : 16); i++) {
    int lt, eq;
    if (w64) {
      eq = a64[i] == b64[i];
      lt = sgn ? (int64_t)a64[i] < (int64_t)b64[i] : a64[i] < b64[i];
    } else {
      eq = a32[i] == b32[i];
      lt = sgn ? (int32_t)a32[i] < (int32_t)b32[i] : a32[i] < b32[i];
    }
    m |= (unsigned)pred_model(p, lt, eq) << i;
  }
  return m;
}
/* compares are checked on random inputs and on inputs with many equal lanes;
   MK is the write mask the mask_ form applies */
#define CMPTEST(fname, expr, W64, SGN, PRED, MK)                       \
  do {                                                                 \
    begin(fname);                                                      \
    for (int it = 0; it < N; it++) {                                   \
      VI x = rand_I(), y = it & 1 ? rand_I() : _mm512_mask_blend_epi64((__mmask8)rnd(), x, rand_I()); \
      unsigned mk = (unsigned)rnd() & 0xFFFF;                          \
      unsigned got = (expr), want = cmp_model(x, y, PRED, W64, SGN) & (MK); \
      (void)mk;                                                        \
      check(it, &got, &want, 4);                                       \
    }                                                                  \
    end();                                                             \
  } while (0)
#define CMPSET(T, W64, SGN)                                                                                   \
  do {                                                                                                        \
    CMPTEST("_mm512_cmp_" #T "_mask", _mm512_cmp_##T##_mask(x, y, it & 7), W64, SGN, it & 7, 0xFFFF);                \
    CMPTEST("_mm512_cmpeq_" #T "_mask", _mm512_cmpeq_##T##_mask(x, y), W64, SGN, 0, 0xFFFF);                          \
    CMPTEST("_mm512_cmplt_" #T "_mask", _mm512_cmplt_##T##_mask(x, y), W64, SGN, 1, 0xFFFF);                          \
    CMPTEST("_mm512_cmple_" #T "_mask", _mm512_cmple_##T##_mask(x, y), W64, SGN, 2, 0xFFFF);                          \
    CMPTEST("_mm512_cmpneq_" #T "_mask", _mm512_cmpneq_##T##_mask(x, y), W64, SGN, 4, 0xFFFF);                        \
    CMPTEST("_mm512_cmpge_" #T "_mask", _mm512_cmpge_##T##_mask(x, y), W64, SGN, 5, 0xFFFF);                          \
    CMPTEST("_mm512_cmpgt_" #T "_mask", _mm512_cmpgt_##T##_mask(x, y), W64, SGN, 6, 0xFFFF);                          \
    CMPTEST("_mm512_mask_cmpeq_" #T "_mask", _mm512_mask_cmpeq_##T##_mask(mk, x, y), W64, SGN, 0, mk);           \
    CMPTEST("_mm512_mask_cmplt_" #T "_mask", _mm512_mask_cmplt_##T##_mask(mk, x, y), W64, SGN, 1, mk);           \
    CMPTEST("_mm512_mask_cmple_" #T "_mask", _mm512_mask_cmple_##T##_mask(mk, x, y), W64, SGN, 2, mk);           \
    CMPTEST("_mm512_mask_cmpneq_" #T "_mask", _mm512_mask_cmpneq_##T##_mask(mk, x, y), W64, SGN, 4, mk);           \
    CMPTEST("_mm512_mask_cmpge_" #T "_mask", _mm512_mask_cmpge_##T##_mask(mk, x, y), W64, SGN, 5, mk);           \
    CMPTEST("_mm512_mask_cmpgt_" #T "_mask", _mm512_mask_cmpgt_##T##_mask(mk, x, y), W64, SGN, 6, mk);           \
  } while (0)

/* ternary logic: result bit j = bit (a_j << 2 | b_j << 1 | c_j) of imm, one bit at a time */
static VI ternlog_model(VI a, VI b, VI c, int imm) {
  U64(a, x); U64(b, y); U64(c, z);
  uint64_t r[8];
  for (int i = 0; i < 8; i++) {
    r[i] = 0;
    for (int j = 0; j < 64; j++) {
      int k = (int)((x[i] >> j & 1) << 2 | (y[i] >> j & 1) << 1 | (z[i] >> j & 1));
      r[i] |= (uint64_t)((imm >> k) & 1) << j;
    }
  }
  return from64(r);
}

/* 256-bit references for conversions that take a narrower source */
static VI cvt8to32_ref(__m128i x, int sgn) {
  __m128i h = _mm_srli_si128(x, 8);
  return sgn ? cat_I(_mm256_cvtepi8_epi32(x), _mm256_cvtepi8_epi32(h)) : cat_I(_mm256_cvtepu8_epi32(x), _mm256_cvtepu8_epi32(h));
}
static VI cvt8to64_ref(__m128i x, int sgn) {
  __m128i h = _mm_srli_si128(x, 4);
  return sgn ? cat_I(_mm256_cvtepi8_epi64(x), _mm256_cvtepi8_epi64(h)) : cat_I(_mm256_cvtepu8_epi64(x), _mm256_cvtepu8_epi64(h));
}
static VI cvt16to64_ref(__m128i x, int sgn) {
  __m128i h = _mm_srli_si128(x, 8);
  return sgn ? cat_I(_mm256_cvtepi16_epi64(x), _mm256_cvtepi16_epi64(h)) : cat_I(_mm256_cvtepu16_epi64(x), _mm256_cvtepu16_epi64(h));
}
static VI cvt256_ref(__m256i x, int which) {
  __m128i l = _mm256_castsi256_si128(x), h = _mm256_extracti128_si256(x, 1);
  switch (which) {
  case 0: return cat_I(_mm256_cvtepi16_epi32(l), _mm256_cvtepi16_epi32(h));
  case 1: return cat_I(_mm256_cvtepu16_epi32(l), _mm256_cvtepu16_epi32(h));
  case 2: return cat_I(_mm256_cvtepi32_epi64(l), _mm256_cvtepi32_epi64(h));
  default: return cat_I(_mm256_cvtepu32_epi64(l), _mm256_cvtepu32_epi64(h));
  }
}
#define CVT(f512, SRC, REF)                      \
  do {                                           \
    begin(#f512);                                \
    for (int it = 0; it < N; it++) {             \
      __typeof__(SRC) x = (SRC);                 \
      VI r = f512(x), w = (REF);                 \
      check(it, &r, &w, 64);                     \
    }                                            \
    end();                                       \
  } while (0)

/* a generic loop for scalar-model checks: the body computes r and w (of type RT) */
#define MODEL(name, RT, ...)           \
  do {                                 \
    begin(name);                       \
    for (int it = 0; it < N; it++) {   \
      RT r, w;                         \
      __VA_ARGS__;                     \
      check(it, &r, &w, sizeof(RT));   \
    }                                  \
    end();                             \
  } while (0)

static void test_set_load_store(void) {
  MODEL("_mm512_setzero_si512", VI, { r = _mm512_setzero_si512(); memset(&w, 0, 64); });
  MODEL("_mm512_setzero_epi32", VI, { r = _mm512_setzero_epi32(); memset(&w, 0, 64); });
  MODEL("_mm512_setzero_ps", VF, { r = _mm512_setzero_ps(); memset(&w, 0, 64); });
  MODEL("_mm512_setzero", VF, { r = _mm512_setzero(); memset(&w, 0, 64); });
  MODEL("_mm512_setzero_pd", VD, { r = _mm512_setzero_pd(); memset(&w, 0, 64); });
  /* undefined: any value is allowed; kit gives zero */
  MODEL("_mm512_undefined_epi32", VI, { r = _mm512_undefined_epi32(); memset(&w, 0, 64); });
  MODEL("_mm512_undefined_si512", VI, { r = _mm512_undefined_si512(); memset(&w, 0, 64); });
  MODEL("_mm512_undefined_ps", VF, { r = _mm512_undefined_ps(); memset(&w, 0, 64); });
  MODEL("_mm512_undefined", VF, { r = _mm512_undefined(); memset(&w, 0, 64); });
  MODEL("_mm512_undefined_pd", VD, { r = _mm512_undefined_pd(); memset(&w, 0, 64); });

  MODEL("_mm512_set1_epi8", VI, { char c = (char)rnd(); r = _mm512_set1_epi8(c); w = cat_I(_mm256_set1_epi8(c), _mm256_set1_epi8(c)); });
  MODEL("_mm512_set1_epi16", VI, { short c = (short)rnd(); r = _mm512_set1_epi16(c); w = cat_I(_mm256_set1_epi16(c), _mm256_set1_epi16(c)); });
  MODEL("_mm512_set1_epi32", VI, { int c = (int)rnd(); r = _mm512_set1_epi32(c); w = cat_I(_mm256_set1_epi32(c), _mm256_set1_epi32(c)); });
  MODEL("_mm512_set1_epi64", VI, { long long c = (long long)rnd(); r = _mm512_set1_epi64(c); w = cat_I(_mm256_set1_epi64x(c), _mm256_set1_epi64x(c)); });
  MODEL("_mm512_set1_ps", VF, { float c = rand_F()[3]; r = _mm512_set1_ps(c); w = cat_F(_mm256_set1_ps(c), _mm256_set1_ps(c)); });
  MODEL("_mm512_set1_pd", VD, { double c = rand_D()[5]; r = _mm512_set1_pd(c); w = cat_D(_mm256_set1_pd(c), _mm256_set1_pd(c)); });

#define R4(a, k) a[k + 3], a[k + 2], a[k + 1], a[k]
#define R8(a, k) R4(a, k + 4), R4(a, k)
#define R16(a, k) R8(a, k + 8), R8(a, k)
#define F4(a, k) a[k], a[k + 1], a[k + 2], a[k + 3]
#define F8(a, k) F4(a, k), F4(a, k + 4)
#define F16(a, k) F8(a, k), F8(a, k + 8)
  /* set takes the highest lane first, setr the lowest: lane i must hold element i */
  MODEL("_mm512_set_epi8", VI, { char c[64]; for (int i = 0; i < 64; i++) c[i] = (char)rnd(); r = _mm512_set_epi8(R16(c, 48), R16(c, 32), R16(c, 16), R16(c, 0)); memcpy(&w, c, 64); });
  MODEL("_mm512_set_epi16", VI, { short c[32]; for (int i = 0; i < 32; i++) c[i] = (short)rnd(); r = _mm512_set_epi16(R16(c, 16), R16(c, 0)); memcpy(&w, c, 64); });
  MODEL("_mm512_set_epi32", VI, { int c[16]; for (int i = 0; i < 16; i++) c[i] = (int)rnd(); r = _mm512_set_epi32(R16(c, 0)); memcpy(&w, c, 64); });
  MODEL("_mm512_set_epi64", VI, { long long c[8]; for (int i = 0; i < 8; i++) c[i] = (long long)rnd(); r = _mm512_set_epi64(R8(c, 0)); memcpy(&w, c, 64); });
  MODEL("_mm512_set_ps", VF, { VF v = rand_F(); float c[16]; memcpy(c, &v, 64); r = _mm512_set_ps(R16(c, 0)); w = v; });
  MODEL("_mm512_set_pd", VD, { VD v = rand_D(); double c[8]; memcpy(c, &v, 64); r = _mm512_set_pd(R8(c, 0)); w = v; });
  MODEL("_mm512_setr_epi32", VI, { int c[16]; for (int i = 0; i < 16; i++) c[i] = (int)rnd(); r = _mm512_setr_epi32(F16(c, 0)); memcpy(&w, c, 64); });
  MODEL("_mm512_setr_epi64", VI, { long long c[8]; for (int i = 0; i < 8; i++) c[i] = (long long)rnd(); r = _mm512_setr_epi64(F8(c, 0)); memcpy(&w, c, 64); });
  MODEL("_mm512_setr_ps", VF, { VF v = rand_F(); float c[16]; memcpy(c, &v, 64); r = _mm512_setr_ps(F16(c, 0)); w = v; });
  MODEL("_mm512_setr_pd", VD, { VD v = rand_D(); double c[8]; memcpy(c, &v, 64); r = _mm512_setr_pd(F8(c, 0)); w = v; });
  /* set4: the four values repeat in every 128-bit lane, __D lowest */
  MODEL("_mm512_set4_epi32", VI, { __m128i q = rand_128(); int c[4]; memcpy(c, &q, 16); r = _mm512_set4_epi32(R4(c, 0)); w = cat_I(_mm256_broadcastsi128_si256(q), _mm256_broadcastsi128_si256(q)); });
  MODEL("_mm512_setr4_epi32", VI, { __m128i q = rand_128(); int c[4]; memcpy(c, &q, 16); r = _mm512_setr4_epi32(F4(c, 0)); w = cat_I(_mm256_broadcastsi128_si256(q), _mm256_broadcastsi128_si256(q)); });
  MODEL("_mm512_set4_epi64", VI, { __m256i q = rand_256(); long long c[4]; memcpy(c, &q, 32); r = _mm512_set4_epi64(R4(c, 0)); w = cat_I(q, q); });
  MODEL("_mm512_setr4_epi64", VI, { __m256i q = rand_256(); long long c[4]; memcpy(c, &q, 32); r = _mm512_setr4_epi64(F4(c, 0)); w = cat_I(q, q); });
  MODEL("_mm512_set4_ps", VF, { VF v = rand_F(); float c[4]; memcpy(c, &v, 16); r = _mm512_set4_ps(R4(c, 0)); __m256 h = _mm256_setr_ps(F4(c, 0), F4(c, 0)); w = cat_F(h, h); });
  MODEL("_mm512_setr4_ps", VF, { VF v = rand_F(); float c[4]; memcpy(c, &v, 16); r = _mm512_setr4_ps(F4(c, 0)); __m256 h = _mm256_setr_ps(F4(c, 0), F4(c, 0)); w = cat_F(h, h); });
  MODEL("_mm512_set4_pd", VD, { VD v = rand_D(); double c[4]; memcpy(c, &v, 32); r = _mm512_set4_pd(R4(c, 0)); __m256d h = _mm256_setr_pd(F4(c, 0)); w = cat_D(h, h); });
  MODEL("_mm512_setr4_pd", VD, { VD v = rand_D(); double c[4]; memcpy(c, &v, 32); r = _mm512_setr4_pd(F4(c, 0)); __m256d h = _mm256_setr_pd(F4(c, 0)); w = cat_D(h, h); });

  /* loads read 64 bytes at any address; stores write exactly 64 */
  static unsigned char buf[256], out[256], ref[256];
#define LOADT(f, T)                                                                       \
  MODEL(#f, T, {                                                                          \
    for (int i = 0; i < 256; i++) buf[i] = (unsigned char)rnd();                           \
    int off = #f[11] == 'u' ? (int)(rnd() % 64) : 64 * (int)(rnd() % 3);                   \
    r = f(buf + off);                                                                     \
    w = (T)cat_I(_mm256_loadu_si256((__m256i_u *)(buf + off)), _mm256_loadu_si256((__m256i_u *)(buf + off + 32))); \
  })
#define STORET(f, T)                                                                      \
  MODEL(#f, VI, {                                                                         \
    VI v = rand_I();                                                                      \
    int off = #f[12] == 'u' ? (int)(rnd() % 64) : 64 * (int)(rnd() % 3);                   \
    for (int i = 0; i < 256; i++) out[i] = ref[i] = (unsigned char)rnd();                  \
    f(out + off, (T)v);                                                                   \
    _mm256_storeu_si256((__m256i_u *)(ref + off), lo_I(v));                                \
    _mm256_storeu_si256((__m256i_u *)(ref + off + 32), hi_I(v));                           \
    memcpy(&r, out + 64 * (off / 64), 64); memcpy(&w, ref + 64 * (off / 64), 64);           \
    check(it, out, ref, 256);                                                             \
  })
  LOADT(_mm512_load_si512, VI); LOADT(_mm512_loadu_si512, VI);
  LOADT(_mm512_load_epi32, VI); LOADT(_mm512_loadu_epi32, VI);
  LOADT(_mm512_load_epi64, VI); LOADT(_mm512_loadu_epi64, VI);
  LOADT(_mm512_load_ps, VF); LOADT(_mm512_loadu_ps, VF);
  LOADT(_mm512_load_pd, VD); LOADT(_mm512_loadu_pd, VD);
  STORET(_mm512_store_si512, VI); STORET(_mm512_storeu_si512, VI);
  STORET(_mm512_store_epi32, VI); STORET(_mm512_storeu_epi32, VI);
  STORET(_mm512_store_epi64, VI); STORET(_mm512_storeu_epi64, VI);
  STORET(_mm512_store_ps, VF); STORET(_mm512_storeu_ps, VF);
  STORET(_mm512_store_pd, VD); STORET(_mm512_storeu_pd, VD);

  /* masked loads/stores touch only the selected lanes */
#define MLOAD(fm, fz, S, n)                                                               \
  MODEL(#fm, VI, {                                                                        \
    VI src = rand_I(); unsigned m = (unsigned)rnd() & ((1u << n) - 1);                     \
    for (int i = 0; i < 256; i++) buf[i] = (unsigned char)rnd();                           \
    int off = (int)(rnd() % 64);                                                          \
    r = fm(src, m, buf + off);                                                            \
    VI full; memcpy(&full, buf + off, 64); w = blend_model(m, full, src, n);               \
  });                                                                                     \
  MODEL(#fz, VI, {                                                                        \
    unsigned m = (unsigned)rnd() & ((1u << n) - 1);                                        \
    for (int i = 0; i < 256; i++) buf[i] = (unsigned char)rnd();                           \
    int off = (int)(rnd() % 64);                                                          \
    r = fz(m, buf + off);                                                                 \
    VI full; memcpy(&full, buf + off, 64); w = blend_model(m, full, _mm512_setzero_si512(), n); \
  })
  MLOAD(_mm512_mask_loadu_epi32, _mm512_maskz_loadu_epi32, 4, 16);
  MLOAD(_mm512_mask_loadu_epi64, _mm512_maskz_loadu_epi64, 8, 8);
#define MSTORE(f, S, n)                                                                   \
  MODEL(#f, VI, {                                                                         \
    VI v = rand_I(); unsigned m = (unsigned)rnd() & ((1u << n) - 1);                       \
    int off = (int)(rnd() % 64);                                                          \
    for (int i = 0; i < 256; i++) out[i] = ref[i] = (unsigned char)rnd();                  \
    f(out + off, m, v);                                                                   \
    for (int i = 0; i < n; i++) if ((m >> i) & 1) memcpy(ref + off + S * i, (char *)&v + S * i, S); \
    memcpy(&r, out + off, 64); memcpy(&w, ref + off, 64);                                  \
    check(it, out, ref, 256);                                                             \
  })
  MSTORE(_mm512_mask_storeu_epi32, 4, 16);
  MSTORE(_mm512_mask_storeu_epi64, 8, 8);
}

static void test_integer(void) {
  SPLIT2(I, _mm512_add_epi32, _mm256_add_epi32);
  SPLIT2(I, _mm512_add_epi64, _mm256_add_epi64);
  SPLIT2(I, _mm512_sub_epi32, _mm256_sub_epi32);
  SPLIT2(I, _mm512_sub_epi64, _mm256_sub_epi64);
  SPLIT2(I, _mm512_mullo_epi32, _mm256_mullo_epi32);
  SPLIT2(I, _mm512_mullox_epi64, mullo256_epi64);
  SPLIT2(I, _mm512_mullo_epi64, mullo256_epi64);
  SPLIT2(I, _mm512_mul_epu32, _mm256_mul_epu32);
  SPLIT2(I, _mm512_mul_epi32, _mm256_mul_epi32);
  SPLIT2(I, _mm512_min_epi32, _mm256_min_epi32);
  SPLIT2(I, _mm512_max_epi32, _mm256_max_epi32);
  SPLIT2(I, _mm512_min_epu32, _mm256_min_epu32);
  SPLIT2(I, _mm512_max_epu32, _mm256_max_epu32);
  SPLIT1(I, _mm512_abs_epi32, _mm256_abs_epi32);
  SPLIT2(I, _mm512_and_si512, _mm256_and_si256);
  SPLIT2(I, _mm512_and_epi32, _mm256_and_si256);
  SPLIT2(I, _mm512_and_epi64, _mm256_and_si256);
  SPLIT2(I, _mm512_or_si512, _mm256_or_si256);
  SPLIT2(I, _mm512_or_epi32, _mm256_or_si256);
  SPLIT2(I, _mm512_or_epi64, _mm256_or_si256);
  SPLIT2(I, _mm512_xor_si512, _mm256_xor_si256);
  SPLIT2(I, _mm512_xor_epi32, _mm256_xor_si256);
  SPLIT2(I, _mm512_xor_epi64, _mm256_xor_si256);
  SPLIT2(I, _mm512_andnot_si512, _mm256_andnot_si256);
  SPLIT2(I, _mm512_andnot_epi32, _mm256_andnot_si256);
  SPLIT2(I, _mm512_andnot_epi64, _mm256_andnot_si256);

  /* 64-bit min/max/abs and multiplies: scalar models */
  MODEL("_mm512_min_epi64", VI, { VI a = rand_I(), b = rand_I(); U64(a, x); U64(b, y); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = (int64_t)x[i] < (int64_t)y[i] ? x[i] : y[i]; r = _mm512_min_epi64(a, b); w = from64(z); });
  MODEL("_mm512_max_epi64", VI, { VI a = rand_I(), b = rand_I(); U64(a, x); U64(b, y); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = (int64_t)x[i] > (int64_t)y[i] ? x[i] : y[i]; r = _mm512_max_epi64(a, b); w = from64(z); });
  MODEL("_mm512_min_epu64", VI, { VI a = rand_I(), b = rand_I(); U64(a, x); U64(b, y); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = x[i] < y[i] ? x[i] : y[i]; r = _mm512_min_epu64(a, b); w = from64(z); });
  MODEL("_mm512_max_epu64", VI, { VI a = rand_I(), b = rand_I(); U64(a, x); U64(b, y); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = x[i] > y[i] ? x[i] : y[i]; r = _mm512_max_epu64(a, b); w = from64(z); });
  MODEL("_mm512_abs_epi64", VI, { VI a = rand_I(); U64(a, x); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = (int64_t)x[i] < 0 ? 0 - x[i] : x[i]; r = _mm512_abs_epi64(a); w = from64(z); });

  /* masked forms */
  MASKED(I, 16, _mm512_mask_add_epi32, _mm512_maskz_add_epi32, _mm256_add_epi32);
  MASKED(I, 8, _mm512_mask_add_epi64, _mm512_maskz_add_epi64, _mm256_add_epi64);
  MASKED(I, 16, _mm512_mask_sub_epi32, _mm512_maskz_sub_epi32, _mm256_sub_epi32);
  MASKED(I, 8, _mm512_mask_sub_epi64, _mm512_maskz_sub_epi64, _mm256_sub_epi64);
  MASKED(I, 16, _mm512_mask_and_epi32, _mm512_maskz_and_epi32, _mm256_and_si256);
  MASKED(I, 8, _mm512_mask_and_epi64, _mm512_maskz_and_epi64, _mm256_and_si256);
  MASKED(I, 16, _mm512_mask_or_epi32, _mm512_maskz_or_epi32, _mm256_or_si256);
  MASKED(I, 8, _mm512_mask_or_epi64, _mm512_maskz_or_epi64, _mm256_or_si256);
  MASKED(I, 16, _mm512_mask_xor_epi32, _mm512_maskz_xor_epi32, _mm256_xor_si256);
  MASKED(I, 8, _mm512_mask_xor_epi64, _mm512_maskz_xor_epi64, _mm256_xor_si256);
  MASKED(I, 16, _mm512_mask_andnot_epi32, _mm512_maskz_andnot_epi32, _mm256_andnot_si256);
  MASKED(I, 8, _mm512_mask_andnot_epi64, _mm512_maskz_andnot_epi64, _mm256_andnot_si256);
  MASKED(F, 16, _mm512_mask_add_ps, _mm512_maskz_add_ps, add256_ps);
  MASKED(D, 8, _mm512_mask_add_pd, _mm512_maskz_add_pd, add256_pd);
  MASKED(F, 16, _mm512_mask_sub_ps, _mm512_maskz_sub_ps, sub256_ps);
  MASKED(D, 8, _mm512_mask_sub_pd, _mm512_maskz_sub_pd, sub256_pd);
  MASKED(F, 16, _mm512_mask_mul_ps, _mm512_maskz_mul_ps, mul256_ps);
  MASKED(D, 8, _mm512_mask_mul_pd, _mm512_maskz_mul_pd, mul256_pd);
#define MOVBLEND(T, n, S)                                                                                   \
  MODEL("_mm512_mask_mov_" #S, V##T, { V##T a = rand_##T(), src = rand_##T(); unsigned m = (unsigned)rnd() & ((1u << n) - 1); \
        r = _mm512_mask_mov_##S(src, m, a); w = (V##T)blend_model(m, (VI)a, (VI)src, n); });                  \
  MODEL("_mm512_maskz_mov_" #S, V##T, { V##T a = rand_##T(); unsigned m = (unsigned)rnd() & ((1u << n) - 1);  \
        r = _mm512_maskz_mov_##S(m, a); w = (V##T)blend_model(m, (VI)a, _mm512_setzero_si512(), n); });      \
  MODEL("_mm512_mask_blend_" #S, V##T, { V##T a = rand_##T(), b = rand_##T(); unsigned m = (unsigned)rnd() & ((1u << n) - 1); \
        r = _mm512_mask_blend_##S(m, a, b); w = (V##T)blend_model(m, (VI)b, (VI)a, n); })
  MOVBLEND(I, 16, epi32);
  MOVBLEND(I, 8, epi64);
  MOVBLEND(F, 16, ps);
  MOVBLEND(D, 8, pd);
}

static VI srai64_model(VI a, uint64_t n) {
  U64(a, x);
  uint64_t z[8];
  if (n > 63) n = 63;
  for (int i = 0; i < 8; i++) z[i] = (uint64_t)((int64_t)x[i] >> n);
  return from64(z);
}
static VI rot_model(VI a, VI b, int w64, int left) {
  U32(a, x32); U32(b, y32); U64(a, x64); U64(b, y64);
  if (w64) {
    for (int i = 0; i < 8; i++) {
      unsigned c = (unsigned)(y64[i] % 64);
      if (!left) c = (64 - c) % 64;
      x64[i] = c ? x64[i] << c | x64[i] >> (64 - c) : x64[i];
    }
    return from64(x64);
  }
  for (int i = 0; i < 16; i++) {
    unsigned c = y32[i] % 32;
    if (!left) c = (32 - c) % 32;
    x32[i] = c ? x32[i] << c | x32[i] >> (32 - c) : x32[i];
  }
  return from32(x32);
}
static void test_shifts(void) {
  SPLITC(_mm512_slli_epi32, _mm256_slli_epi32, rand_count());
  SPLITC(_mm512_slli_epi64, _mm256_slli_epi64, rand_count());
  SPLITC(_mm512_srli_epi32, _mm256_srli_epi32, rand_count());
  SPLITC(_mm512_srli_epi64, _mm256_srli_epi64, rand_count());
  SPLITC(_mm512_srai_epi32, _mm256_srai_epi32, rand_count());
  SPLITC(_mm512_sll_epi32, _mm256_sll_epi32, rand_count128());
  SPLITC(_mm512_sll_epi64, _mm256_sll_epi64, rand_count128());
  SPLITC(_mm512_srl_epi32, _mm256_srl_epi32, rand_count128());
  SPLITC(_mm512_srl_epi64, _mm256_srl_epi64, rand_count128());
  SPLITC(_mm512_sra_epi32, _mm256_sra_epi32, rand_count128());
  SPLIT2(I, _mm512_sllv_epi32, _mm256_sllv_epi32);
  SPLIT2(I, _mm512_sllv_epi64, _mm256_sllv_epi64);
  SPLIT2(I, _mm512_srlv_epi32, _mm256_srlv_epi32);
  SPLIT2(I, _mm512_srlv_epi64, _mm256_srlv_epi64);
  SPLIT2(I, _mm512_srav_epi32, _mm256_srav_epi32);
  MODEL("_mm512_srai_epi64", VI, { VI a = rand_I(); unsigned c = rand_count(); r = _mm512_srai_epi64(a, c); w = srai64_model(a, c); });
  MODEL("_mm512_sra_epi64", VI, { VI a = rand_I(); __m128i c = rand_count128(); r = _mm512_sra_epi64(a, c); w = srai64_model(a, (uint64_t)_mm_cvtsi128_si64(c)); });
  MODEL("_mm512_srav_epi64", VI, {
    VI a = rand_I(), b = rand_I(); U64(a, x); U64(b, y); uint64_t z[8];
    for (int i = 0; i < 8; i++) z[i] = (uint64_t)((int64_t)x[i] >> (y[i] > 63 ? 63 : y[i]));
    r = _mm512_srav_epi64(a, b); w = from64(z);
  });
  MODEL("_mm512_rolv_epi32", VI, { VI a = rand_I(), b = rand_I(); r = _mm512_rolv_epi32(a, b); w = rot_model(a, b, 0, 1); });
  MODEL("_mm512_rolv_epi64", VI, { VI a = rand_I(), b = rand_I(); r = _mm512_rolv_epi64(a, b); w = rot_model(a, b, 1, 1); });
  MODEL("_mm512_rorv_epi32", VI, { VI a = rand_I(), b = rand_I(); r = _mm512_rorv_epi32(a, b); w = rot_model(a, b, 0, 0); });
  MODEL("_mm512_rorv_epi64", VI, { VI a = rand_I(), b = rand_I(); r = _mm512_rorv_epi64(a, b); w = rot_model(a, b, 1, 0); });
  MODEL("_mm512_rol_epi32", VI, { VI a = rand_I(); int c = it & 255; r = _mm512_rol_epi32(a, c); w = rot_model(a, _mm512_set1_epi32(c), 0, 1); });
  MODEL("_mm512_rol_epi64", VI, { VI a = rand_I(); int c = it & 255; r = _mm512_rol_epi64(a, c); w = rot_model(a, _mm512_set1_epi64(c), 1, 1); });
  MODEL("_mm512_ror_epi32", VI, { VI a = rand_I(); int c = it & 255; r = _mm512_ror_epi32(a, c); w = rot_model(a, _mm512_set1_epi32(c), 0, 0); });
  MODEL("_mm512_ror_epi64", VI, { VI a = rand_I(); int c = it & 255; r = _mm512_ror_epi64(a, c); w = rot_model(a, _mm512_set1_epi64(c), 1, 0); });
}

static void test_permutes(void) {
  MODEL("_mm512_ternarylogic_epi32", VI, { VI a = rand_I(), b = rand_I(), c = rand_I(); r = _mm512_ternarylogic_epi32(a, b, c, it & 255); w = ternlog_model(a, b, c, it & 255); });
  MODEL("_mm512_ternarylogic_epi64", VI, { VI a = rand_I(), b = rand_I(), c = rand_I(); r = _mm512_ternarylogic_epi64(a, b, c, it & 255); w = ternlog_model(a, b, c, it & 255); });
  MODEL("_mm512_shuffle_epi32", VI, { VI a = rand_I(); r = _mm512_shuffle_epi32(a, (_MM_PERM_ENUM)(it & 255)); w = cat_I(_mm256_shuffle_epi32(lo_I(a), it & 255), _mm256_shuffle_epi32(hi_I(a), it & 255)); });
  MODEL("_mm512_shuffle_epi32 (_MM_PERM_*)", VI, {
    VI a = rand_I();
    r = _mm512_shuffle_epi32(a, it & 1 ? _MM_PERM_BADC : _MM_PERM_CDAB);
    int k = it & 1 ? _MM_SHUFFLE(1, 0, 3, 2) : _MM_SHUFFLE(2, 3, 0, 1);
    w = cat_I(_mm256_shuffle_epi32(lo_I(a), k), _mm256_shuffle_epi32(hi_I(a), k));
  });
  MODEL("_mm512_permutex_epi64", VI, { VI a = rand_I(); r = _mm512_permutex_epi64(a, it & 255); w = cat_I(_mm256_permute4x64_epi64(lo_I(a), it & 255), _mm256_permute4x64_epi64(hi_I(a), it & 255)); });
  MODEL("_mm512_permutex_pd", VD, { VD a = rand_D(); r = _mm512_permutex_pd(a, it & 255); w = cat_D(_mm256_permute4x64_pd(lo_D(a), it & 255), _mm256_permute4x64_pd(hi_D(a), it & 255)); });
  MODEL("_mm512_permutexvar_epi32", VI, { VI a = rand_I(), ix = rand_I(); U32(a, x); U32(ix, k); uint32_t z[16]; for (int i = 0; i < 16; i++) z[i] = x[k[i] % 16]; r = _mm512_permutexvar_epi32(ix, a); w = from32(z); });
  MODEL("_mm512_permutexvar_epi64", VI, { VI a = rand_I(), ix = rand_I(); U64(a, x); U64(ix, k); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = x[k[i] % 8]; r = _mm512_permutexvar_epi64(ix, a); w = from64(z); });
  MODEL("_mm512_permutexvar_ps", VF, { VF a = rand_F(); VI ix = rand_I(); U32(a, x); U32(ix, k); uint32_t z[16]; for (int i = 0; i < 16; i++) z[i] = x[k[i] % 16]; r = _mm512_permutexvar_ps(ix, a); w = (VF)from32(z); });
  MODEL("_mm512_permutexvar_pd", VD, { VD a = rand_D(); VI ix = rand_I(); U64(a, x); U64(ix, k); uint64_t z[8]; for (int i = 0; i < 8; i++) z[i] = x[k[i] % 8]; r = _mm512_permutexvar_pd(ix, a); w = (VD)from64(z); });
#define SHUF128(f, T)                                                                                        \
  MODEL(#f, V##T, {                                                                                          \
    V##T a = rand_##T(), b = rand_##T(); int k = it & 255; unsigned char x[64], y[64], z[64];               \
    memcpy(x, &a, 64); memcpy(y, &b, 64);                                                                    \
    for (int i = 0; i < 4; i++) memcpy(z + 16 * i, (i < 2 ? x : y) + 16 * ((k >> (2 * i)) & 3), 16);          \
    r = f(a, b, k); memcpy(&w, z, 64);                                                                       \
  })
  SHUF128(_mm512_shuffle_i32x4, I);
  SHUF128(_mm512_shuffle_i64x2, I);
  SHUF128(_mm512_shuffle_f32x4, F);
  SHUF128(_mm512_shuffle_f64x2, D);
  SPLIT2(I, _mm512_unpacklo_epi32, _mm256_unpacklo_epi32);
  SPLIT2(I, _mm512_unpackhi_epi32, _mm256_unpackhi_epi32);
  SPLIT2(I, _mm512_unpacklo_epi64, _mm256_unpacklo_epi64);
  SPLIT2(I, _mm512_unpackhi_epi64, _mm256_unpackhi_epi64);
  SPLIT2(F, _mm512_unpacklo_ps, _mm256_unpacklo_ps);
  SPLIT2(F, _mm512_unpackhi_ps, _mm256_unpackhi_ps);
  SPLIT2(D, _mm512_unpacklo_pd, _mm256_unpacklo_pd);
  SPLIT2(D, _mm512_unpackhi_pd, _mm256_unpackhi_pd);
  MODEL("_mm512_alignr_epi32", VI, {
    VI a = rand_I(), b = rand_I(); U32(a, x); U32(b, y); uint32_t cc[32], z[16]; int k = it & 255;
    for (int i = 0; i < 16; i++) { cc[i] = y[i]; cc[16 + i] = x[i]; }
    for (int i = 0; i < 16; i++) z[i] = cc[i + k % 16];
    r = _mm512_alignr_epi32(a, b, k); w = from32(z);
  });
  MODEL("_mm512_alignr_epi64", VI, {
    VI a = rand_I(), b = rand_I(); U64(a, x); U64(b, y); uint64_t cc[16], z[8]; int k = it & 255;
    for (int i = 0; i < 8; i++) { cc[i] = y[i]; cc[8 + i] = x[i]; }
    for (int i = 0; i < 8; i++) z[i] = cc[i + k % 8];
    r = _mm512_alignr_epi64(a, b, k); w = from64(z);
  });
}

static void test_compares_masks(void) {
  CMPSET(epi32, 0, 1);
  CMPSET(epu32, 0, 0);
  CMPSET(epi64, 1, 1);
  CMPSET(epu64, 1, 0);
  /* test: lane bit set when (x & y) != 0; testn: when it is zero */
#define TESTM(f, W64, PRED) \
  MODEL(#f, unsigned, { VI x = rand_I(), y = rand_I(); r = f(x, y); w = cmp_model(_mm512_and_si512(x, y), _mm512_setzero_si512(), PRED, W64, 0); })
  TESTM(_mm512_test_epi32_mask, 0, 4);
  TESTM(_mm512_testn_epi32_mask, 0, 0);
  TESTM(_mm512_test_epi64_mask, 1, 4);
  TESTM(_mm512_testn_epi64_mask, 1, 0);

  /* mask-register operations on every pair drawn at random (and all-zero/all-one masks) */
#define KOP(f, args, expr)                                                                                       \
  MODEL(#f, unsigned, {                                                                                      \
    unsigned a = it % 7 == 0 ? 0 : it % 7 == 1 ? 0xFFFF : (unsigned)rnd() & 0xFFFF;                          \
    unsigned b = it % 5 == 0 ? 0 : it % 5 == 1 ? 0xFFFF : (unsigned)rnd() & 0xFFFF;                          \
    r = (unsigned)f args; w = (expr); (void)a; (void)b;                                                           \
  })
  KOP(_mm512_kand, (a, b), a & b);
  KOP(_mm512_kandn, (a, b), ~a & b & 0xFFFF);
  KOP(_mm512_kor, (a, b), a | b);
  KOP(_mm512_kxor, (a, b), a ^ b);
  KOP(_mm512_kxnor, (a, b), ~(a ^ b) & 0xFFFF);
  KOP(_mm512_knot, (a), ~a & 0xFFFF);
  KOP(_mm512_kmov, (a), a);
  KOP(_mm512_kortestz, (a, b), (a | b) == 0);
  KOP(_mm512_kortestc, (a, b), (a | b) == 0xFFFF);
  KOP(_mm512_kunpackb, (a, b), (a & 0xFF) << 8 | (b & 0xFF));
  KOP(_kand_mask16, (a, b), a & b);
  KOP(_kandn_mask16, (a, b), ~a & b & 0xFFFF);
  KOP(_kor_mask16, (a, b), a | b);
  KOP(_kxor_mask16, (a, b), a ^ b);
  KOP(_kxnor_mask16, (a, b), ~(a ^ b) & 0xFFFF);
  KOP(_knot_mask16, (a), ~a & 0xFFFF);
  KOP(_kortestz_mask16_u8, (a, b), (a | b) == 0);
  KOP(_kortestc_mask16_u8, (a, b), (a | b) == 0xFFFF);
  KOP(_mm512_int2mask, ((int)(a | b << 16)), a);
  KOP(_mm512_mask2int, ((__mmask16)a), a);
  KOP(_cvtmask16_u32, ((__mmask16)a), a);
  KOP(_cvtu32_mask16, (a | b << 16), a);
}

static void test_float(void) {
  SPLIT2(F, _mm512_add_ps, add256_ps);
  SPLIT2(D, _mm512_add_pd, add256_pd);
  SPLIT2(F, _mm512_sub_ps, sub256_ps);
  SPLIT2(D, _mm512_sub_pd, sub256_pd);
  SPLIT2(F, _mm512_mul_ps, mul256_ps);
  SPLIT2(D, _mm512_mul_pd, mul256_pd);
  SPLIT2(F, _mm512_div_ps, div256_ps);
  SPLIT2(D, _mm512_div_pd, div256_pd);
  SPLIT1(F, _mm512_sqrt_ps, _mm256_sqrt_ps);
  SPLIT1(D, _mm512_sqrt_pd, _mm256_sqrt_pd);
  SPLIT2(F, _mm512_min_ps, _mm256_min_ps);
  SPLIT2(D, _mm512_min_pd, _mm256_min_pd);
  SPLIT2(F, _mm512_max_ps, _mm256_max_ps);
  SPLIT2(D, _mm512_max_pd, _mm256_max_pd);
  SPLIT1(F, _mm512_abs_ps, abs256_ps);
  SPLIT1(D, _mm512_abs_pd, abs256_pd);
  /* against the FMA instructions themselves (kit's fmaintrin.h runs them) */
  SPLIT3(F, _mm512_fmadd_ps, _mm256_fmadd_ps);
  SPLIT3(D, _mm512_fmadd_pd, _mm256_fmadd_pd);
  SPLIT3(F, _mm512_fmsub_ps, _mm256_fmsub_ps);
  SPLIT3(D, _mm512_fmsub_pd, _mm256_fmsub_pd);
  SPLIT3(F, _mm512_fnmadd_ps, _mm256_fnmadd_ps);
  SPLIT3(D, _mm512_fnmadd_pd, _mm256_fnmadd_pd);
  SPLIT3(F, _mm512_fnmsub_ps, _mm256_fnmsub_ps);
  SPLIT3(D, _mm512_fnmsub_pd, _mm256_fnmsub_pd);
  MODEL("_mm512_cvtepi32_ps", VF, { VI a = rand_I(); r = _mm512_cvtepi32_ps(a); w = cat_F(_mm256_cvtepi32_ps(lo_I(a)), _mm256_cvtepi32_ps(hi_I(a))); });
  MODEL("_mm512_cvtepi32_pd", VD, { __m256i a = rand_256(); r = _mm512_cvtepi32_pd(a); w = cat_D(_mm256_cvtepi32_pd(_mm256_castsi256_si128(a)), _mm256_cvtepi32_pd(_mm256_extracti128_si256(a, 1))); });
  MODEL("_mm512_cvtepu32_pd", VD, { __m256i a = rand_256(); uint32_t x[8]; double z[8]; memcpy(x, &a, 32); for (int i = 0; i < 8; i++) z[i] = (double)x[i]; r = _mm512_cvtepu32_pd(a); memcpy(&w, z, 64); });
}

static void test_casts_parts(void) {
  MODEL("_mm512_castps_pd", VD, { VF a = rand_F(); r = _mm512_castps_pd(a); memcpy(&w, &a, 64); });
  MODEL("_mm512_castps_si512", VI, { VF a = rand_F(); r = _mm512_castps_si512(a); memcpy(&w, &a, 64); });
  MODEL("_mm512_castpd_ps", VF, { VD a = rand_D(); r = _mm512_castpd_ps(a); memcpy(&w, &a, 64); });
  MODEL("_mm512_castpd_si512", VI, { VD a = rand_D(); r = _mm512_castpd_si512(a); memcpy(&w, &a, 64); });
  MODEL("_mm512_castsi512_ps", VF, { VI a = rand_I(); r = _mm512_castsi512_ps(a); memcpy(&w, &a, 64); });
  MODEL("_mm512_castsi512_pd", VD, { VI a = rand_I(); r = _mm512_castsi512_pd(a); memcpy(&w, &a, 64); });
  MODEL("_mm512_castsi512_si256", __m256i, { VI a = rand_I(); r = _mm512_castsi512_si256(a); w = lo_I(a); });
  MODEL("_mm512_castps512_ps256", __m256, { VF a = rand_F(); r = _mm512_castps512_ps256(a); w = lo_F(a); });
  MODEL("_mm512_castpd512_pd256", __m256d, { VD a = rand_D(); r = _mm512_castpd512_pd256(a); w = lo_D(a); });
  MODEL("_mm512_castsi512_si128", __m128i, { VI a = rand_I(); r = _mm512_castsi512_si128(a); w = _mm256_castsi256_si128(lo_I(a)); });
  MODEL("_mm512_castps512_ps128", __m128, { VF a = rand_F(); r = _mm512_castps512_ps128(a); w = _mm256_castps256_ps128(lo_F(a)); });
  MODEL("_mm512_castpd512_pd128", __m128d, { VD a = rand_D(); r = _mm512_castpd512_pd128(a); w = _mm256_castpd256_pd128(lo_D(a)); });
  /* widening casts: the upper part is unspecified, kit (and the zext forms) give zero */
  MODEL("_mm512_castsi256_si512", VI, { __m256i a = rand_256(); r = _mm512_castsi256_si512(a); w = cat_I(a, _mm256_setzero_si256()); });
  MODEL("_mm512_zextsi256_si512", VI, { __m256i a = rand_256(); r = _mm512_zextsi256_si512(a); w = cat_I(a, _mm256_setzero_si256()); });
  MODEL("_mm512_castps256_ps512", VF, { __m256 a = lo_F(rand_F()); r = _mm512_castps256_ps512(a); w = cat_F(a, _mm256_setzero_ps()); });
  MODEL("_mm512_zextps256_ps512", VF, { __m256 a = lo_F(rand_F()); r = _mm512_zextps256_ps512(a); w = cat_F(a, _mm256_setzero_ps()); });
  MODEL("_mm512_castpd256_pd512", VD, { __m256d a = lo_D(rand_D()); r = _mm512_castpd256_pd512(a); w = cat_D(a, _mm256_setzero_pd()); });
  MODEL("_mm512_zextpd256_pd512", VD, { __m256d a = lo_D(rand_D()); r = _mm512_zextpd256_pd512(a); w = cat_D(a, _mm256_setzero_pd()); });
  MODEL("_mm512_castsi128_si512", VI, { __m128i a = rand_128(); r = _mm512_castsi128_si512(a); w = cat_I(_mm256_zextsi128_si256(a), _mm256_setzero_si256()); });
  MODEL("_mm512_zextsi128_si512", VI, { __m128i a = rand_128(); r = _mm512_zextsi128_si512(a); w = cat_I(_mm256_zextsi128_si256(a), _mm256_setzero_si256()); });
  MODEL("_mm512_castps128_ps512", VF, { __m128 a = (__m128)rand_128(); r = _mm512_castps128_ps512(a); w = cat_F(_mm256_zextps128_ps256(a), _mm256_setzero_ps()); });
  MODEL("_mm512_zextps128_ps512", VF, { __m128 a = (__m128)rand_128(); r = _mm512_zextps128_ps512(a); w = cat_F(_mm256_zextps128_ps256(a), _mm256_setzero_ps()); });
  MODEL("_mm512_castpd128_pd512", VD, { __m128d a = (__m128d)rand_128(); r = _mm512_castpd128_pd512(a); w = cat_D(_mm256_zextpd128_pd256(a), _mm256_setzero_pd()); });
  MODEL("_mm512_zextpd128_pd512", VD, { __m128d a = (__m128d)rand_128(); r = _mm512_zextpd128_pd512(a); w = cat_D(_mm256_zextpd128_pd256(a), _mm256_setzero_pd()); });

  MODEL("_mm512_extracti64x4_epi64", __m256i, { VI a = rand_I(); r = it & 1 ? _mm512_extracti64x4_epi64(a, 1) : _mm512_extracti64x4_epi64(a, 0); w = it & 1 ? hi_I(a) : lo_I(a); });
  MODEL("_mm512_extractf64x4_pd", __m256d, { VD a = rand_D(); r = it & 1 ? _mm512_extractf64x4_pd(a, 1) : _mm512_extractf64x4_pd(a, 0); w = it & 1 ? hi_D(a) : lo_D(a); });
  MODEL("_mm512_extracti32x4_epi32", __m128i, { VI a = rand_I(); int k = it & 3; r = _mm512_extracti32x4_epi32(a, k); w = _mm256_extracti128_si256(k & 2 ? hi_I(a) : lo_I(a), k & 1); });
  MODEL("_mm512_extractf32x4_ps", __m128, { VF a = rand_F(); int k = it & 3; r = _mm512_extractf32x4_ps(a, k); w = _mm256_extractf128_ps(k & 2 ? hi_F(a) : lo_F(a), k & 1); });
  MODEL("_mm512_inserti64x4", VI, { VI a = rand_I(); __m256i b = rand_256(); int k = it & 1; r = _mm512_inserti64x4(a, b, k); w = k ? cat_I(lo_I(a), b) : cat_I(b, hi_I(a)); });
  MODEL("_mm512_insertf64x4", VD, { VD a = rand_D(); __m256d b = lo_D(rand_D()); int k = it & 1; r = _mm512_insertf64x4(a, b, k); w = k ? cat_D(lo_D(a), b) : cat_D(b, hi_D(a)); });
  MODEL("_mm512_inserti32x4", VI, {
    VI a = rand_I(); __m128i b = rand_128(); int k = it & 3; r = _mm512_inserti32x4(a, b, k);
    w = k & 2 ? cat_I(lo_I(a), _mm256_inserti128_si256(hi_I(a), b, k & 1)) : cat_I(_mm256_inserti128_si256(lo_I(a), b, k & 1), hi_I(a));
  });
  MODEL("_mm512_insertf32x4", VF, {
    VF a = rand_F(); __m128 b = (__m128)rand_128(); int k = it & 3; r = _mm512_insertf32x4(a, b, k);
    w = k & 2 ? cat_F(lo_F(a), _mm256_insertf128_ps(hi_F(a), b, k & 1)) : cat_F(_mm256_insertf128_ps(lo_F(a), b, k & 1), hi_F(a));
  });
  MODEL("_mm512_broadcastd_epi32", VI, { __m128i a = rand_128(); r = _mm512_broadcastd_epi32(a); w = cat_I(_mm256_broadcastd_epi32(a), _mm256_broadcastd_epi32(a)); });
  MODEL("_mm512_broadcastq_epi64", VI, { __m128i a = rand_128(); r = _mm512_broadcastq_epi64(a); w = cat_I(_mm256_broadcastq_epi64(a), _mm256_broadcastq_epi64(a)); });
  MODEL("_mm512_broadcastss_ps", VF, { __m128 a = (__m128)rand_128(); r = _mm512_broadcastss_ps(a); w = cat_F(_mm256_broadcastss_ps(a), _mm256_broadcastss_ps(a)); });
  MODEL("_mm512_broadcastsd_pd", VD, { __m128d a = (__m128d)rand_128(); r = _mm512_broadcastsd_pd(a); w = cat_D(_mm256_broadcastsd_pd(a), _mm256_broadcastsd_pd(a)); });
  MODEL("_mm512_broadcast_i32x4", VI, { __m128i a = rand_128(); r = _mm512_broadcast_i32x4(a); w = cat_I(_mm256_broadcastsi128_si256(a), _mm256_broadcastsi128_si256(a)); });
  MODEL("_mm512_broadcast_f32x4", VF, { __m128 a = (__m128)rand_128(); r = _mm512_broadcast_f32x4(a); w = cat_F(_mm256_broadcast_ps(&a), _mm256_broadcast_ps(&a)); });
  MODEL("_mm512_broadcast_i64x4", VI, { __m256i a = rand_256(); r = _mm512_broadcast_i64x4(a); w = cat_I(a, a); });
  MODEL("_mm512_broadcast_f64x4", VD, { __m256d a = lo_D(rand_D()); r = _mm512_broadcast_f64x4(a); w = cat_D(a, a); });

  CVT(_mm512_cvtepi8_epi32, rand_128(), cvt8to32_ref(x, 1));
  CVT(_mm512_cvtepu8_epi32, rand_128(), cvt8to32_ref(x, 0));
  CVT(_mm512_cvtepi8_epi64, rand_128(), cvt8to64_ref(x, 1));
  CVT(_mm512_cvtepu8_epi64, rand_128(), cvt8to64_ref(x, 0));
  CVT(_mm512_cvtepi16_epi64, rand_128(), cvt16to64_ref(x, 1));
  CVT(_mm512_cvtepu16_epi64, rand_128(), cvt16to64_ref(x, 0));
  CVT(_mm512_cvtepi16_epi32, rand_256(), cvt256_ref(x, 0));
  CVT(_mm512_cvtepu16_epi32, rand_256(), cvt256_ref(x, 1));
  CVT(_mm512_cvtepi32_epi64, rand_256(), cvt256_ref(x, 2));
  CVT(_mm512_cvtepu32_epi64, rand_256(), cvt256_ref(x, 3));
  MODEL("_mm512_cvtepi64_epi32", __m256i, { VI a = rand_I(); U64(a, x); uint32_t z[8]; for (int i = 0; i < 8; i++) z[i] = (uint32_t)x[i]; r = _mm512_cvtepi64_epi32(a); memcpy(&w, z, 32); });
  MODEL("_mm512_cvtepi32_epi16", __m256i, { VI a = rand_I(); U32(a, x); uint16_t z[16]; for (int i = 0; i < 16; i++) z[i] = (uint16_t)x[i]; r = _mm512_cvtepi32_epi16(a); memcpy(&w, z, 32); });
  MODEL("_mm512_cvtepi32_epi8", __m128i, { VI a = rand_I(); U32(a, x); uint8_t z[16]; for (int i = 0; i < 16; i++) z[i] = (uint8_t)x[i]; r = _mm512_cvtepi32_epi8(a); memcpy(&w, z, 16); });
}

static void test_reductions(void) {
#define RED32(f, T, init, step)                                                                      \
  MODEL(#f, T, { VI a = rand_I(); U32(a, x); T acc = (T)(init); for (int i = 0; i < 16; i++) { T v = (T)x[i]; step; } r = f(a); w = acc; })
#define RED64(f, T, init, step)                                                                      \
  MODEL(#f, T, { VI a = rand_I(); U64(a, x); T acc = (T)(init); for (int i = 0; i < 8; i++) { T v = (T)x[i]; step; } r = f(a); w = acc; })
  RED32(_mm512_reduce_add_epi32, int, 0, acc = (int)((unsigned)acc + (unsigned)v));
  RED32(_mm512_reduce_mul_epi32, int, 1, acc = (int)((unsigned)acc * (unsigned)v));
  RED32(_mm512_reduce_and_epi32, int, -1, acc &= v);
  RED32(_mm512_reduce_or_epi32, int, 0, acc |= v);
  RED32(_mm512_reduce_min_epi32, int, INT32_MAX, acc = v < acc ? v : acc);
  RED32(_mm512_reduce_max_epi32, int, INT32_MIN, acc = v > acc ? v : acc);
  RED32(_mm512_reduce_min_epu32, unsigned, UINT32_MAX, acc = v < acc ? v : acc);
  RED32(_mm512_reduce_max_epu32, unsigned, 0, acc = v > acc ? v : acc);
  RED64(_mm512_reduce_add_epi64, long long, 0, acc = (long long)((uint64_t)acc + (uint64_t)v));
  RED64(_mm512_reduce_mul_epi64, long long, 1, acc = (long long)((uint64_t)acc * (uint64_t)v));
  RED64(_mm512_reduce_and_epi64, long long, -1, acc &= v);
  RED64(_mm512_reduce_or_epi64, long long, 0, acc |= v);
  RED64(_mm512_reduce_min_epi64, long long, INT64_MAX, acc = v < acc ? v : acc);
  RED64(_mm512_reduce_max_epi64, long long, INT64_MIN, acc = v > acc ? v : acc);
  RED64(_mm512_reduce_min_epu64, unsigned long long, UINT64_MAX, acc = v < acc ? v : acc);
  RED64(_mm512_reduce_max_epu64, unsigned long long, 0, acc = v > acc ? v : acc);
}

int main(void) {
  test_set_load_store();
  test_integer();
  test_shifts();
  test_permutes();
  test_compares_masks();
  test_float();
  test_casts_parts();
  test_reductions();
  printf("%d checked, %d failed\n", tested, failures);
  return failures != 0;
}
