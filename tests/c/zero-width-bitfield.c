// Zero-width bit-fields align the next member to their unit and pad the
// struct even at its end, without raising its alignment (cffi checks
// these layouts against the compiler).
#include <stdio.h>
#include <stddef.h>
struct a { char y; int :0; };
struct b { char x; int :0; char y; };
struct c { char x; int :0; int :0; char y; };
struct d { char x; long long :0; char y; };
struct e { short x, y; int :0; int :0; };
struct f { char x; int :0; short b:1; char y; };
struct g { int a:1; int :0; int b:1; char y; };
#define P(n) printf(#n " %zu %zu %zu\n", offsetof(struct n, y), _Alignof(struct n), sizeof(struct n));
int main(void) { P(a) P(b) P(c) P(d) P(e) P(f) P(g) return 0; }
