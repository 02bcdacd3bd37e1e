// A parameter's array bound may name an earlier parameter (glibc's
// <regex.h> declares regexec that way); kit once said "'n' undeclared".
#include <regex.h>
#include <stdio.h>

int sum(int n, int a[n]);
int sum(int n, int a[n]) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

static int first_of(int rows, int m[static rows]) { return m[0]; }

int main(void) {
    int a[4] = {1, 2, 3, 4};
    regex_t re;
    regmatch_t match[2];
    if (regcomp(&re, "b(c+)d", REG_EXTENDED) != 0)
        return 1;
    int rc = regexec(&re, "abcccde", 2, match, 0);
    printf("%d %d %d %d %d\n", sum(4, a), first_of(4, a), rc, (int)match[1].rm_so, (int)match[1].rm_eo);
    regfree(&re);
    return 0;
}
