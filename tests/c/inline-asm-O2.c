// flags: -O2
// inline-asm.c at -O2: operands come from registers and folded constants.
#include "inline-asm.c"
