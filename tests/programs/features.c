/* Runtime features through kit: TLS across threads, setjmp/longjmp,
   constructors/destructors, atexit, atomics, argv, exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <pthread.h>
#include <stdatomic.h>
_Thread_local int tls = 5;
static jmp_buf jb;
atomic_int counter;
extern int gcc_func(int);
__attribute__((constructor)) static void ctor(void) { printf("ctor\n"); }
__attribute__((destructor)) static void dtor(void) { printf("dtor\n"); }
static void bye(void) { printf("atexit\n"); }
static void *worker(void *p) { tls += (int)(long)p; atomic_fetch_add(&counter, tls); return 0; }
static void jump(int n) { if (n > 3) longjmp(jb, n); jump(n + 1); }
int main(int argc, char **argv) {
    atexit(bye);
    int r = setjmp(jb);
    if (r == 0) jump(0);
    printf("setjmp returned %d\n", r);
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], 0, worker, (void *)i);
    for (int i = 0; i < 4; i++) pthread_join(t[i], 0);
    printf("tls=%d counter=%d gcc=%d argc=%d arg1=%s\n", tls, atomic_load(&counter), gcc_func(20), argc, argc > 1 ? argv[1] : "-");
    return 3;
}
