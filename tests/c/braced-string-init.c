// C11 6.7.9p14: a string literal in braces initializes a character array.
// kit once gave `char l[] = {"xy"}` size 1 and left `m[0]` garbage.
#include <stdio.h>
#include <string.h>

static const char D[] = { "ab" "cd" };
static const char *const msgs[] = { "ok", "bad" };
static char pad[8] = { "hi" };

int main(void) {
    char l[] = {"xy"};
    char m[4] = {"ab"};
    char z[6] = {"abc"};
    printf("%zu %s %d %d %d\n", sizeof l, l, m[0], m[2], m[3]);
    printf("%s %zu %s %zu %d\n", D, sizeof D, msgs[0], sizeof pad, pad[7]);
    printf("%d %d %d %zu\n", z[3], z[4], z[5], strlen(z));
    return 0;
}
