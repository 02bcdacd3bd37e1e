// clang's rotate builtins and __builtin_assume (xxhash uses them when
// __has_builtin says so); under gcc, which lacks them, the same values come
// from plain C, so both builds print the same.
#include <stdio.h>

#if __has_builtin(__builtin_rotateleft32)
#define ROTL32(x, n) __builtin_rotateleft32(x, n)
#define ROTR64(x, n) __builtin_rotateright64(x, n)
#define ROTL8(x, n) __builtin_rotateleft8(x, n)
#define ROTL16(x, n) __builtin_rotateleft16(x, n)
#define ASSUME(c) __builtin_assume(c)
#else
#define ROTL32(x, n) ((unsigned)(((x) << ((n) & 31)) | ((x) >> ((32 - (n)) & 31))))
#define ROTR64(x, n) ((unsigned long long)(((x) >> ((n) & 63)) | ((x) << ((64 - (n)) & 63))))
#define ROTL8(x, n) ((unsigned char)(((x) << ((n) & 7)) | ((x) >> ((8 - (n)) & 7))))
#define ROTL16(x, n) ((unsigned short)(((x) << ((n) & 15)) | ((x) >> ((16 - (n)) & 15))))
#define ASSUME(c) ((void)0)
#endif

int main(void) {
    unsigned x = 0x12345678;
    unsigned long long y = 0x0123456789abcdefull;
    for (int n = 0; n < 70; n += 7)
        printf("%08x %016llx\n", ROTL32(x, n), ROTR64(y, n));
    printf("%x %x\n", ROTL8((unsigned char)0x81, 1), ROTL16((unsigned short)0x8001, 17));
    ASSUME(x > 0);
#if __has_builtin(__builtin_bitreverse32) && !defined(__clang__)
    puts("__has_builtin claims a builtin kit lacks");
#endif
    return 0;
}
