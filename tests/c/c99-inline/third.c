#include "inline.h"
int use_thrice_again(void) { return thrice(1); }
