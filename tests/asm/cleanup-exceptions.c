// gcc -fexceptions -S of a cleanup: .cfi_personality and .cfi_lsda, which
// kit as writes into .eh_frame as GNU as does (crates/kit/tests/asm.rs).
#include <stdio.h>
static void done(int *p) { printf("cleanup %d\n", *p); }
void may_throw(void (*f)(void)) { f(); }
static void nothing(void) {}
int main(void) {
  int x __attribute__((cleanup(done))) = 5;
  may_throw(nothing);
  printf("body %d\n", x);
  return 0;
}
