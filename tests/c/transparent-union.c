// __attribute__((transparent_union)): glibc's <sys/socket.h> declares bind,
// connect and getsockname with one under _GNU_SOURCE; kit once rejected the
// calls. An argument of any member's type converts to the union.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

typedef union { int *ip; const char *cp; } arg_t __attribute__((transparent_union));
static int first(arg_t a) { return *a.ip; }

union __attribute__((__transparent_union__)) wide { long *lp; unsigned long *ulp; };
static long plus_one(union wide w) { return *w.lp + 1; }

int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return 1;
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    socklen_t len = sizeof a;
    int r = getsockname(sv[0], (struct sockaddr *)&a, &len);
    printf("%d %d %d\n", r, a.sun_family == AF_UNIX, len > 0);
    int x = 41;
    long y = 5;
    unsigned long z = 7;
    printf("%d %ld %ld\n", first(&x) + 1, plus_one(&y), plus_one(&z));
    close(sv[0]);
    close(sv[1]);
    return 0;
}
