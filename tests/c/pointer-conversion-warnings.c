// flags: -Werror
// expect-error: conversion to 'long *' from incompatible pointer type 'int *' [-Werror=incompatible-pointer-types]
// gcc's default-on warnings for C constraint violations in conversions
// (incompatible pointer types, discarded qualifiers, pointer/integer
// mixes) exist, and -Werror makes them errors: cffi and configure scripts
// rely on that to detect mismatched declarations.
int *ip;
long *lp;
void f(void) { lp = ip; }
