// GNU range designators set every element of the range (gnulib's regcomp.c
// builds its UTF-8 table this way); kit once set only the first.
#include <stdio.h>

static const unsigned long m[4] = {[0 ... 1] = ~0UL};
struct pt { int x, y; };
static struct pt pts[6] = { [1 ... 3] = { 7, 8 }, [5] = { 1, 2 } };

int main(void) {
    int local[8] = { [2 ... 5] = 9, [7] = 1 };
    char s[5] = { [0 ... 3] = 'a' };
    printf("%lx %lx %lx %lx\n", m[0], m[1], m[2], m[3]);
    for (int i = 0; i < 6; i++)
        printf("%d/%d ", pts[i].x, pts[i].y);
    for (int i = 0; i < 8; i++)
        printf("%d ", local[i]);
    printf("%s\n", s);
    return 0;
}
