// flags: -O2 -D_FORTIFY_SOURCE=2
// Debian's, Ubuntu's and Fedora's default CFLAGS: glibc's fortify wrappers
// are gnu_inline always_inline functions using __builtin_va_arg_pack. kit
// once emitted them as local functions (undefined reference to va_arg_pack).
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

int main(void) {
    char buf[32];
    char dst[32];
    int n = snprintf(buf, sizeof buf, "%s-%d-%.2f", "kit", 42, 2.5);
    memcpy(dst, buf, sizeof buf);
    strcpy(dst + 3, "!");
    sprintf(buf, "%d", n);
    printf("%s %s %d\n", buf, dst, (int)btowc('A'));
    fprintf(stdout, "%s\n", "fprintf");
    fflush(stdout);
    return write(1, "write\n", 6) == 6 ? 0 : 1;
}
