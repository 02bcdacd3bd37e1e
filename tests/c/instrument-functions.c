// flags: -finstrument-functions
// -finstrument-functions: every definition calls __cyg_profile_func_enter
// and _exit with its own address and its call site, except functions
// declared no_instrument_function (on any declaration). Exits come after
// the return value is computed, including early returns.
#include <stdio.h>

#define NOCHK __attribute__((no_instrument_function))
static int depth;
void (*table[8])(void);
const char *names[8] = {"main", "leaf", "early", "twice", "struct_ret"};

static const char *name_of(void *fn) NOCHK;
static const char *name_of(void *fn) {
    for (int i = 0; i < 5; i++)
        if ((void *)table[i] == fn)
            return names[i];
    return "?";
}
void __cyg_profile_func_enter(void *fn, void *site) NOCHK;
void __cyg_profile_func_exit(void *fn, void *site) NOCHK;
void __cyg_profile_func_enter(void *fn, void *site) {
    printf("%*senter %s %d\n", 2 * depth++, "", name_of(fn), site != 0);
}
void __cyg_profile_func_exit(void *fn, void *site) {
    printf("%*sexit %s\n", 2 * --depth, "", name_of(fn));
}

int leaf(int x) { return x * 2; }
int early(int x) {
    if (x > 3)
        return leaf(x);
    return -1;
}
int twice(int x) { return early(x) + early(x + 4); }
struct big { long a, b, c; };
struct big struct_ret(long v) { struct big b = { v, leaf(v), 3 }; return b; }
int quiet(int x) NOCHK;
int quiet(int x) { return leaf(x) + 1; }

int main(void) {
    table[0] = (void (*)(void))main;
    table[1] = (void (*)(void))leaf;
    table[2] = (void (*)(void))early;
    table[3] = (void (*)(void))twice;
    table[4] = (void (*)(void))struct_ret;
    printf("%d\n", twice(1));
    printf("%ld\n", struct_ret(5).b);
    printf("%d\n", quiet(2));
    return 0;
}
