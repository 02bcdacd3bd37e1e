// kit once rejected __attribute__((symver)), and before that ignored it:
// xz's liblzma.so then lacked its versioned names, and its plain reference
// to lzma_block_uncomp_encode (defined only as
// lzma_block_uncomp_encode@@XZ_5.2) was left undefined. A plain reference
// binds to the default version, as with GNU ld.
#include <stdio.h>

// xz's pattern: the old version names an alias, the default one the definition.
extern __attribute__((__symver__("api@V_5.1"))) int impl_51(int x) __attribute__((alias("impl_52")));
int impl_52(int x) __attribute__((__symver__("api@@V_5.2")));
int impl_52(int x) { return x * 2; }
int api(int);

int table_52[3] __attribute__((symver("table@@V_5.2"))) = { 1, 2, 3 };
extern int table[3];

// The attribute on a declaration nothing defines or uses is harmless.
int never(void) __attribute__((symver("never@V_5.2")));

int main(void) {
    printf("%d %d %d\n", api(21), impl_51(4), table[2]);
    int (*p)(int) = api;
    table_52[1] = 7;
    printf("%d %d\n", p == impl_52, table[1]);
    return 0;
}
