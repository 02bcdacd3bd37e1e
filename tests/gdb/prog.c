/* gdb test program for kit cc -g; tests/gdb.sh refers to its line numbers. */
#include <stddef.h>

typedef unsigned long ulong_t;
enum color { RED, GREEN = 5, BLUE };
struct point {
    int x;
    int y;
};
struct flags {
    unsigned a : 3;
    unsigned b : 5;
    int c;
};
union num {
    int i;
    float f;
};

int counter = 7;
static double ratio = 2.5;
const char *greeting = "hi";
struct point origin = {3, 4};
int table[4] = {10, 20, 30, 40};
int (*op)(int, int);

static int add(int a, int b)
{
    int sum = a + b;
    return sum;
}

static int scale(struct point *p, int k)
{
    static int calls;
    calls++;
    p->x *= k;
    p->y = add(p->y, k);
    return p->x + p->y;
}

int main(void)
{
    struct point p = {1, 2};
    struct point *ptr = &p;
    int arr[3] = {5, 6, 7};
    enum color c = BLUE;
    struct flags fl = {5, 17, -3};
    union num u;
    ulong_t big = 123456789;
    const volatile short cv = -2;
    long double ld = 1.5;
    _Bool flag = 1;
    char ch = 'k';
    u.i = 0x3f800000;
    op = add;
    int r = scale(ptr, 3);
    r += arr[2] + table[1];
    counter += r;
    return counter > 0 ? 0 : 1;
}

/* Passed in memory: gdb finds it where the caller put it. */
struct triple {
    long a, b, c;
};

static long sum3(struct triple t, int k)
{
    t.b *= k;
    return t.a + t.b + t.c;
}

__attribute__((destructor)) static void at_exit_sum(void)
{
    struct triple t = {1, 2, 3};
    counter = (int)sum3(t, 10);
}
