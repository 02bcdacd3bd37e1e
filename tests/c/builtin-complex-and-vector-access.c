// __builtin_complex (C11's CMPLX: parts kept as given, infinities and NaNs
// included, also in static initializers), subscripting GNU vectors as
// values and lvalues, and casts between vector types of the same size.
#include <stdio.h>

typedef int v4si __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef long long v2di __attribute__((vector_size(16)));
typedef unsigned char v16qi __attribute__((vector_size(16)));

static _Complex double gz = __builtin_complex(0.0, __builtin_inf());
static _Complex float gf = __builtin_complex(-1.5f, 2.25f);

int main(void) {
    _Complex double z = __builtin_complex(1.5, -2.0);
    _Complex long double lz = __builtin_complex(0.1L, -0.0L);
    printf("%g %g | %g %g | %g %g | %.21Lg %d\n", __real__ z, __imag__ z, __real__ gz, __imag__ gz,
           __real__ gf, __imag__ gf, __real__ lz, __builtin_signbit(__imag__ lz) != 0);
    v4si a = {1, 2, 3, 4};
    a[2] = 30;
    int i = 3;
    a[i] += 100;
    v4si *pa = &a;
    (*pa)[1] = 7;
    printf("%d %d %d %d\n", a[0], a[1], a[2], a[3]);
    v2di d = (v2di)a;
    v16qi q = (v16qi)a;
    v4sf f = (v4sf)(v4si){0x3f800000, 0x40000000, 0, -1};
    printf("%llx %llx %d %d %g %g\n", (unsigned long long)d[0], (unsigned long long)d[1], q[8], q[12], f[0], f[1]);
    return 0;
}
