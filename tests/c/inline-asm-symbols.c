// Link-time constant addresses in "i" operands (&global, arrays, functions,
// with offsets; a static too) and the %a, %c and %P modifiers, as gcc prints
// them for position-independent code.
#include <stdio.h>
int table[4] = {10, 20, 30, 40};
static int hidden_val = 77;
int twice(int x) { return 2 * x; }
int main(void) {
  long a, b; int r;
  /* %a: an operand as an address; "i" with a symbol. */
  __asm__("leaq %a1, %0" : "=r"(a) : "i"(&table[2]));
  printf("%d\n", *(int *)a);
  __asm__("movl %c1+4(%%rip), %0" : "=r"(r) : "i"(table));
  printf("%d\n", r);
  __asm__("leaq %a1, %0" : "=r"(b) : "i"(&hidden_val));
  printf("%d\n", *(int *)b);
  long p = (long)&table[1];
  __asm__("movl %a1, %0" : "=r"(r) : "r"(p));
  printf("%d\n", r);
  __asm__("movl $21, %%edi\n\tcall %P1\n\tmovl %%eax, %0" : "=r"(r) : "i"(twice) : "rdi", "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory");
  printf("%d\n", r);
}
