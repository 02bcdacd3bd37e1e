#include "inline.h"
extern inline int thrice(int x);
int other(void) { return thrice(5); }
