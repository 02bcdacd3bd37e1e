// __builtin_{add,sub,mul}_overflow_p: only the third argument's type matters.
#include <limits.h>
#include <stdio.h>

int main(void) {
    printf("%d %d %d %d %d\n", __builtin_add_overflow_p(INT_MAX, 1, (int)0), __builtin_add_overflow_p(1, 1, (int)0),
           __builtin_mul_overflow_p(1000, 1000, (short)0), __builtin_sub_overflow_p(0, 1, (unsigned)0),
           __builtin_mul_overflow_p(1000, 1000, (long)0));
    return 0;
}
