// _Float32, _Float64, _Float32x and _Float64x with their constant suffixes,
// <float.h>'s FLTn_ macros and the _FloatN builtins glibc's <math.h> uses.
#define __STDC_WANT_IEC_60559_TYPES_EXT__ 1
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
    _Float32 a = 1.5f32;
    _Float64 b = 2.25f64;
    _Float32x c = 0x1.8p1f32x;
    _Float64x d = 3.0f64x;
    printf("%zu %zu %zu %g %g %g %g\n", sizeof a, sizeof b, sizeof c, (double)a, b, c, (double)d);
    printf("%d %d %d %d %g\n", FLT32_MANT_DIG, FLT64_MANT_DIG, FLT32X_DIG, FLT64_MAX_EXP, (double)FLT32_EPSILON);
    printf("%d %d %g\n", isinf(__builtin_inff32()), isnan(__builtin_nanf64("")), (double)__builtin_huge_valf32x());
    return 0;
}
