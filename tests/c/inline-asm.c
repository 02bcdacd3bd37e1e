// GNU extended asm: kit outlines each statement into a function of its own
// (constraints r m i n g a b c d S D q Q x, matching "0", + = &, named
// operands, modifiers k q w b h c P, asm goto, register and memory
// clobbers, register variables). Output must equal gcc's; inline-asm-O2.c runs this at -O2.
#include <stdio.h>
#include <string.h>

static int add(int a, int b) {
    int r;
    __asm__("leal (%1,%2), %0" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static long fixed_regs(long a, long b, long c, long d, long s, long di) {
    long out;
    __asm__("movq %%rax, %0\n\taddq %%rbx, %0\n\taddq %%rcx, %0\n\taddq %%rdx, %0\n\taddq %%rsi, %0\n\taddq %%rdi, %0"
            : "=&r"(out)
            : "a"(a), "b"(b), "c"(c), "d"(d), "S"(s), "D"(di));
    return out;
}

static unsigned long long wide_mul(unsigned long a, unsigned long b) {
    unsigned long lo, hi;
    __asm__("mulq %3" : "=a"(lo), "=d"(hi) : "a"(a), "rm"(b) : "cc");
    return lo ^ (hi << 7);
}

static int inc(int x) {
    __asm__("incl %0" : "+r"(x) : : "cc");
    return x;
}

static long from_memory(const long *p) {
    long v;
    __asm__ volatile("movq %1, %0" : "=r"(v) : "m"(*p));
    return v;
}

static void to_memory(int *p, int v) {
    __asm__ volatile("movl %1, %0" : "=m"(*p) : "r"(v) : "memory");
}

static int tied(int x) {
    int y;
    __asm__("addl $10, %0" : "=r"(y) : "0"(x));
    return y;
}

static int named(int a) {
    int out;
    __asm__("imull %[k], %[in], %[o]" : [o] "=r"(out) : [in] "r"(a), [k] "i"(3));
    return out;
}

static int general(int a) {
    int out = a;
    __asm__("addl %1, %0" : "+r"(out) : "g"(100));
    __asm__("addl %1, %0" : "+r"(out) : "n"(-7));
    return out;
}

static int is_zero(int x) {
    __asm__ goto("testl %0, %0\n\tjz %l1" : : "r"(x) : "cc" : zero);
    return 0;
zero:
    return 1;
}

static int sign_of(int x) {
    __asm__ goto("cmpl $0, %0\n\tjl %l[neg]\n\tjg %l[pos]" : : "r"(x) : "cc" : neg, pos);
    return 0;
neg:
    return -1;
pos:
    return 1;
}

static double fadd(double a, double b) {
    __asm__("addsd %1, %0" : "+x"(a) : "x"(b));
    return a;
}

static float fmul(float a, float b) {
    __asm__("mulss %1, %0" : "+x"(a) : "x"(b));
    return a;
}

static int bsr(unsigned v) {
    int r;
    __asm__("bsrl %1, %0" : "=r"(r) : "rm"(v));
    return r;
}

static unsigned modifiers(unsigned long x) {
    unsigned char lo, hi;
    unsigned short w;
    unsigned k;
    __asm__("movb %b4, %0\n\tmovb %h4, %1\n\tmovw %w4, %2\n\tmovl %k4, %3" : "=q"(lo), "=Q"(hi), "=r"(w), "=r"(k) : "Q"(x));
    return (unsigned)lo + ((unsigned)hi << 8) + ((unsigned)w << 16) + k;
}

static long quad(int x) {
    long r;
    __asm__("movslq %k1, %q0" : "=r"(r) : "r"(x));
    return r;
}

static int constant_forms(void) {
    int r;
    __asm__("movl $%c1, %0\n\taddl $%P2, %0" : "=r"(r) : "i"(40), "i"(2));
    return r;
}

static int clobbers(int x) {
    __asm__ volatile("movl $5, %%ebx\n\tmovl $6, %%r12d\n\taddl %%ebx, %0\n\taddl %%r12d, %0" : "+r"(x) : : "rbx", "r12", "cc");
    return x;
}

static unsigned bswap(unsigned x) {
    __asm__("bswap %0" : "+r"(x));
    return x;
}

static int unique_labels(int x) {
    int r = 0;
    for (int i = 0; i < 2; i++)
        __asm__("testl %1, %1\n\tjz 1f\n\taddl $1, %0\n1:" : "+r"(r) : "r"(x + i));
    return r;
}

static long register_variables(long a) {
    register long r10 __asm__("r10") = a;
    register long r8 __asm__("r8") = 5;
    long out;
    __asm__ volatile("leaq (%%r10,%%r8,2), %0" : "=r"(out) : "r"(r10), "r"(r8));
    return out;
}

static long double x87_atan2(long double y, long double x) {
    long double r;
    __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
    return r;
}

static double x87_sqrt(double x) {
    double r;
    __asm__("fsqrt" : "=t"(r) : "0"(x));
    return r;
}

static void copy_string(char *dst, const char *src, unsigned long n) {
    __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

int main(void) {
    long m = 0x123456789abcL;
    int slot = 0;
    char buf[16];
    to_memory(&slot, 77);
    copy_string(buf, "inline asm", 11);
    printf("add %d\n", add(3, 4));
    printf("fixed %ld\n", fixed_regs(1, 20, 300, 4000, 50000, 600000));
    printf("mul %llu\n", wide_mul(0xfedcba9876543210UL, 0x1000000001UL));
    printf("inc %d tied %d named %d general %d\n", inc(41), tied(5), named(14), general(1));
    printf("memory %lx %d\n", from_memory(&m), slot);
    printf("goto %d %d %d %d %d\n", is_zero(0), is_zero(3), sign_of(-5), sign_of(0), sign_of(9));
    printf("float %g %g\n", fadd(1.5, 2.25), fmul(1.5f, -4.0f));
    printf("bsr %d modifiers %u quad %ld consts %d\n", bsr(1000), modifiers(0x1234567890abcdefUL), quad(-3), constant_forms());
    printf("clobbers %d bswap %x labels %d string %s\n", clobbers(9), bswap(0x11223344), unique_labels(0), buf);
    printf("register variables %ld\n", register_variables(100));
    printf("x87 %.18Lg %.17g\n", x87_atan2(1.0L, 3.0L), x87_sqrt(2.0));
    return 0;
}
