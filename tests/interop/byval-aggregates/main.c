/* Callers of lib.c. Aggregates whose size is not a multiple of 8 sit at
   the very end of a page followed by an unmapped one: reading a byte past
   them faults. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct b3 { char c[3]; };
struct b5 { char c[5]; };
struct b7 { unsigned char c[7]; };
struct i3 { int a, b, c; };
struct i5 { int a[5]; };
struct l3 { long a, b, c; };
struct d3 { double x, y, z; };
struct jv { unsigned char kind, pad; unsigned short offset; int size; void *ptr; };
struct big { long a[5]; };

void six_then_b3(int, int, int, int, int, int, struct b3, int);
void five_then_jv(long, long, long, long, long, struct jv, long);
void find_lib(void *, struct jv, struct jv, const char *, struct jv, struct jv);
void odd_sizes(struct b5, struct b7, struct i3, struct i5, double);
void odd_late(long, long, long, long, long, long, struct b5, struct b7, struct i3);
void i5_late(long, long, long, long, long, long, struct i5, double, long);
void longs_and_doubles(struct l3, double, double, double, double, double, double, double, double, double, struct d3, int);
struct l3 sret_and_byval(struct i5, int);
long big_sum(struct big, int);
extern void (*indirect)(int, int, int, int, int, int, struct b3, int);

static unsigned char *page_end;

/* Copies `n` bytes to the end of the guarded page and returns them there. */
static void *at_page_end(const void *src, size_t n) {
    memcpy(page_end - n, src, n);
    return page_end - n;
}

static struct jv jv_of(const char *s, int kind) {
    struct jv v = { (unsigned char)kind, 0, (unsigned short)(kind * 3), (int)strlen(s), (void *)s };
    return v;
}

int main(void) {
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(0, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + pg, pg, PROT_NONE) != 0)
        return 1;
    page_end = m + pg;

    struct b3 s3 = { { 7, -8, 9 } };
    six_then_b3(1, 2, 3, 4, 5, 6, *(struct b3 *)at_page_end(&s3, sizeof s3), 77);
    indirect(-1, -2, -3, -4, -5, -6, s3, -77);

    five_then_jv(10, 20, 30, 40, 50, jv_of("five", 4), 60);
    find_lib("jq", jv_of("rel", 1), jv_of("search", 2), ".jq", jv_of("origin", 3), jv_of("lib", 5));

    struct b5 p = { { 1, 2, 3, 4, 5 } };
    struct b7 q = { { 200, 201, 202, 203, 204, 205, 206 } };
    struct i3 r = { -1, 0x7fffffff, 42 };
    struct i5 s = { { 1, -2, 3, -4, 5 } };
    odd_sizes(*(struct b5 *)at_page_end(&p, sizeof p), q, r, s, 2.5);
    odd_sizes(p, *(struct b7 *)at_page_end(&q, sizeof q), r, s, -0.5);
    odd_sizes(p, q, *(struct i3 *)at_page_end(&r, sizeof r), s, 1e10);
    odd_sizes(p, q, r, *(struct i5 *)at_page_end(&s, sizeof s), 3);

    odd_late(1, 2, 3, 4, 5, 6, *(struct b5 *)at_page_end(&p, sizeof p), q, r);
    odd_late(1, 2, 3, 4, 5, 6, p, *(struct b7 *)at_page_end(&q, sizeof q), r);
    odd_late(1, 2, 3, 4, 5, 6, p, q, *(struct i3 *)at_page_end(&r, sizeof r));
    i5_late(-1, -2, -3, -4, -5, -6, *(struct i5 *)at_page_end(&s, sizeof s), 0.125, -7);

    struct l3 l = { 1L << 40, -3, 5 };
    struct d3 d = { 0.25, -1.5, 1e300 };
    longs_and_doubles(l, 1, 2, 3, 4, 5, 6, 7, 8, 9, d, -9);

    struct l3 t = sret_and_byval(s, 3);
    printf("sret %ld %ld %ld\n", t.a, t.b, t.c);
    struct big b = { { 1, 2, 3, 4, 5 } };
    printf("big %ld\n", big_sum(b, 2));
    return 0;
}
