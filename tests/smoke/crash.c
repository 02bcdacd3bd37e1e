#include <stdio.h>

static int deref(int *p) {
    return *p;
}

int main(void) {
    int *volatile p = 0;
    printf("about to crash\n");
    fflush(stdout);
    return deref(p);
}
