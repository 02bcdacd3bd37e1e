// flags: -funsigned-char
// -funsigned-char makes plain char unsigned (bc builds with it); kit once
// rejected it, and before that ignored it.
#include <limits.h>
#include <stdio.h>

int main(void) {
    char c = (char)200;
    signed char s = (signed char)200;
    int promoted = c;
    printf("%d %d %d %d %d\n", promoted, s, c > 0, CHAR_MIN, CHAR_MAX);
#ifdef __CHAR_UNSIGNED__
    puts("__CHAR_UNSIGNED__");
#endif
    return 0;
}
