// flags: -O2
// An `extern inline` gnu_inline body that calls its own asm-label alias (as
// glibc's btowc does) is never compiled: calls reach the real definition.
// kit once emitted the body as a local function that called itself forever.
#include <stdio.h>

extern int t_alias(int) __asm__("twice");
extern __inline __attribute__((__gnu_inline__)) int twice(int c) {
    return c ? t_alias(c) : 0;
}

int main(void) {
    printf("%d %d\n", twice(21), twice(0));
    return 0;
}
