// Arguments are evaluated in an unspecified order; kit evaluates those with
// the most calls first and otherwise last to first, as gcc does, so programs
// that print from argument expressions match their gcc builds. Scalars
// passed on the stack are reloaded where they are used (-O2).
// flags: -O2
#include <stdio.h>

struct pair { long a, b; };
static int n;

static int t(int x) {
    printf("t%d ", x);
    return x * 10 + n++;
}

static struct pair g(int x) {
    printf("g%d ", x);
    struct pair r = { x, n++ };
    return r;
}

static long join(struct pair a, struct pair b, struct pair c) {
    return a.a * 100 + b.a * 10 + c.a + a.b + b.b + c.b;
}

static long many(int a, int b, int c, int d, int e, int f, int g2, int h, struct pair s, long i, double x) {
    printf("[%d] ", t(a));
    return a + b + c + d + e + f + g2 + h + s.a + s.b + i + (long)x;
}

int main(void) {
    printf("%d %d %d\n", t(1), t(2), t(3));
    printf("%ld\n", join(g(1), g(2), g(3)));
    printf("%ld\n", many(t(1), t(2), t(3), t(4), t(5), t(6), t(7), t(8), g(9), 100, 2.5));
    return 0;
}
