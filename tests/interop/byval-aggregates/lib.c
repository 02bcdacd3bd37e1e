/* Callees taking aggregates by value where SysV passes them in memory:
   after the integer registers run out, or larger than 16 bytes. Each
   prints what arrived, so a shifted or over-read argument shows. */
#include <stdio.h>

struct b3 { char c[3]; };
struct b5 { char c[5]; };
struct b7 { unsigned char c[7]; };
struct i3 { int a, b, c; };
struct i5 { int a[5]; };
struct l3 { long a, b, c; };
struct d3 { double x, y, z; };
struct jv { unsigned char kind, pad; unsigned short offset; int size; void *ptr; };
struct big { long a[5]; };

static void bytes(const char *what, const unsigned char *p, int n) {
    printf("%s", what);
    for (int i = 0; i < n; i++)
        printf(" %d", p[i]);
    printf("\n");
}

void six_then_b3(int a, int b, int c, int d, int e, int f, struct b3 s, int g) {
    printf("six %d %d %d %d %d %d g %d\n", a, b, c, d, e, f, g);
    bytes("b3", (const unsigned char *)s.c, 3);
}

void five_then_jv(long a, long b, long c, long d, long e, struct jv v, long f) {
    printf("five %ld %ld %ld %ld %ld f %ld\n", a, b, c, d, e, f);
    printf("jv %d %d %d %s\n", v.kind, v.offset, v.size, (const char *)v.ptr);
}

void find_lib(void *jq, struct jv rel, struct jv search, const char *ext, struct jv origin, struct jv lib) {
    printf("find_lib %s %s %s %s %s %s\n", (char *)jq, (char *)rel.ptr, (char *)search.ptr, ext, (char *)origin.ptr, (char *)lib.ptr);
    printf("sizes %d %d %d %d\n", rel.size, search.size, origin.size, lib.size);
}

void odd_sizes(struct b5 p, struct b7 q, struct i3 r, struct i5 s, double x) {
    bytes("b5", (const unsigned char *)p.c, 5);
    bytes("b7", q.c, 7);
    printf("i3 %d %d %d i5 %d %d %d %d %d x %g\n", r.a, r.b, r.c, s.a[0], s.a[1], s.a[2], s.a[3], s.a[4], x);
}

/* The integer registers are taken: every aggregate goes to memory. */
void odd_late(long a, long b, long c, long d, long e, long f, struct b5 p, struct b7 q, struct i3 r) {
    printf("late %ld %ld %ld %ld %ld %ld\n", a, b, c, d, e, f);
    bytes("b5", (const unsigned char *)p.c, 5);
    bytes("b7", q.c, 7);
    printf("i3 %d %d %d\n", r.a, r.b, r.c);
}

void i5_late(long a, long b, long c, long d, long e, long f, struct i5 s, double x, long g) {
    printf("late %ld %ld %ld %ld %ld %ld g %ld\n", a, b, c, d, e, f, g);
    printf("i5 %d %d %d %d %d x %g\n", s.a[0], s.a[1], s.a[2], s.a[3], s.a[4], x);
}

void longs_and_doubles(struct l3 l, double a, double b, double c, double d, double e, double f, double g, double h,
                       double i, struct d3 m, int n) {
    printf("l3 %ld %ld %ld\n", l.a, l.b, l.c);
    printf("doubles %g %g %g %g %g %g %g %g %g\n", a, b, c, d, e, f, g, h, i);
    printf("d3 %g %g %g n %d\n", m.x, m.y, m.z, n);
}

struct l3 sret_and_byval(struct i5 s, int k) {
    struct l3 r = { s.a[0] * k, s.a[2] * k, s.a[4] * k };
    return r;
}

long big_sum(struct big b, int k) {
    return (b.a[0] + b.a[1] + b.a[2] + b.a[3] + b.a[4]) * k;
}

void (*indirect)(int, int, int, int, int, int, struct b3, int) = six_then_b3;
