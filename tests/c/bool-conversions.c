// A floating constant converted to _Bool is 1 unless it is zero, in constant
// expressions and static initializers alike, and so is an object's address
// (gnulib's test-stdbool.c).
#include <stdbool.h>
#include <stdio.h>
char d[(bool) 0.5 == true ? 1 : -1];
static char s;
bool e = &s;
static const bool g[] = {(bool)0.25, (bool)-0.0, (bool)2, (_Bool)1e-300};
int main(void) { volatile double h = 0.5; printf("%d %zu %d %d %d %d %d\n", e, sizeof d, g[0], g[1], g[2], g[3], (bool)h); return 0; }
