// __builtin_{add,sub,mul}_overflow_p: only the third argument's type matters.
#include <limits.h>
#include <stdio.h>

// Constant operands fold, so the builtins work in constant expressions, as
// gnulib's intprops tests use them (`verify (INT_ADD_OVERFLOW (a, b))`).
_Static_assert(__builtin_add_overflow_p(1L, INT_MAX, (__typeof__(1L + INT_MAX))0) == 0, "fits in long");
_Static_assert(__builtin_add_overflow_p(1u, INT_MAX, (__typeof__(1u + INT_MAX))0) == 0, "fits in unsigned");
_Static_assert(__builtin_sub_overflow_p(0u, 1, (unsigned)0), "below zero");
_Static_assert(__builtin_mul_overflow_p(LONG_MIN / INT_MAX, (long)INT_MAX, (long)0) == 0, "exact");
_Static_assert(__builtin_mul_overflow_p(ULONG_MAX, ULONG_MAX, (unsigned long)0), "wide");
static const int folded[] = {__builtin_add_overflow_p(-1, LONG_MIN, (long)0), __builtin_add_overflow_p(-1, UINT_MAX, (unsigned)0)};

int main(void) {
    printf("%d %d %d %d %d\n", __builtin_add_overflow_p(INT_MAX, 1, (int)0), __builtin_add_overflow_p(1, 1, (int)0),
           __builtin_mul_overflow_p(1000, 1000, (short)0), __builtin_sub_overflow_p(0, 1, (unsigned)0),
           __builtin_mul_overflow_p(1000, 1000, (long)0));
    printf("%d %d\n", folded[0], folded[1]);
    _Static_assert(__builtin_add_overflow_p(INT_MAX, 1, (int)0), "in a function too");
    return 0;
}
