#include <stdio.h>
#include <string.h>

struct one { long double x; };
struct two { long double x, y; };
long double ld_scale(long double, int, long double);
long double ld_third(void);
struct one ld_one(long double);
struct two ld_two(struct one, struct two);
long double _Complex ld_cmul(long double _Complex, long double _Complex);
long double ld_sum(int, ...);
long double ld_apply(long double (*)(long double, double), long double);
double ld_mix(double, long double, int, long double, float);

/* The bytes, so a value rounded to double precision cannot pass. */
static void show(const char *what, long double v) {
    unsigned char b[10];
    memcpy(b, &v, 10);
    printf("%s %.21Lg ", what, v);
    for (int i = 9; i >= 0; i--)
        printf("%02x", b[i]);
    printf("\n");
}

static long double twice(long double x, double w) { return x * 2 * w + 0.1L; }

int main(void) {
    show("scale", ld_scale(0.1L, 3, 1e-30L));
    show("third", ld_third());
    show("one", ld_one(1.0L).x);
    struct one a = { 0.1L };
    struct two b = { 1.0L / 3, 2.0L / 3 };
    struct two r = ld_two(a, b);
    show("two.x", r.x);
    show("two.y", r.y);
    long double _Complex z = ld_cmul(1.5L + 0.1Li, -0.3L + 2.0Li);
    show("cmul.re", __real__ z);
    show("cmul.im", __imag__ z);
    show("sum", ld_sum(4, 0.1L, 0.2L, 0.3L, 1e-25L));
    show("apply", ld_apply(twice, 0.7L));
    printf("mix %.17g\n", ld_mix(1.5, 0.1L, 7, 1e-3L, 0.25f));
    /* The x87 stack must be balanced after all of that. */
    volatile long double x = 1;
    for (int i = 0; i < 20; i++)
        x = ld_third() + x / 3;
    show("loop", x);
    return 0;
}
