// GNU complex integer types: literals (`2i` is a _Complex int), arithmetic
// in the parts' type, conjugate, comparisons, conversions with complex
// floats and scalars, static initializers, by-value passing and returning
// (INTEGER class, like a struct of two), va_arg and __real__/__imag__.
#include <stdarg.h>
#include <stdio.h>

typedef struct { _Complex char a; _Complex char b; } Pair;
Pair gp = { 1 + 2i, 3 - 4i };
static _Complex short gs = 300 + 7i;
_Complex long long gl[3] = { 1, 2i, -5 + 9i };

_Complex int twice(_Complex int z) { return z * 2; }
Pair swap(Pair p) { Pair r = { p.b, p.a }; return r; }
_Complex long sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    _Complex long s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, _Complex long);
    va_end(ap);
    return s;
}
static void show(const char *what, _Complex long long z) { printf("%s %lld %lld\n", what, __real__ z, __imag__ z); }

int main(void) {
    _Complex int a = 3 + 4i, b = -2 + 1i;
    show("add", a + b);
    show("sub", a - b);
    show("mul", a * b);
    show("div", (a * 7) / b);
    show("div2", (a * 7) / (1 - 3i));
    _Complex unsigned u = 100 + 50i, v = 3 + 7i;
    show("udiv", u / v);
    show("neg", -a);
    show("conj", ~a);
    show("scalar", a * 3 + 1);
    printf("eq %d %d %d\n", a == 3 + 4i, a != b, a == 3);
    _Complex unsigned char c = 250 + 10i;
    c += 10;
    show("wrap", c);
    _Complex double d = a;
    d /= 2;
    printf("to double %g %g\n", __real__ d, __imag__ d);
    _Complex int back = 7.9 - 2.5i;
    show("from double", back);
    int r = a;
    show("to int", r);
    __real__ a = 11;
    __imag__ a *= 5;
    show("parts", a);
    show("twice", twice(a));
    Pair p = swap(gp);
    show("swap.a", p.a);
    show("swap.b", p.b);
    show("gs", gs);
    show("gl", gl[0] + gl[1] + gl[2]);
    show("va", sum(3, (_Complex long)1 + 1i, (_Complex long)2i, (_Complex long)40));
    printf("sizes %zu %zu %zu\n", sizeof(_Complex char), sizeof(gs), sizeof(Pair));
    return a != 11 + 20i;
}
