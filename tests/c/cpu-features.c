// flags: -mavx2 -mfma -mbmi2
// __builtin_cpu_supports/__builtin_cpu_is read the CPU model that kit's
// runtime fills in (libgcc's layout), cpuid.h's helpers, and the -m flags'
// macros: all as gcc's build sees them on the same machine.
#include <cpuid.h>
#include <stdio.h>


int main(void) {
    __builtin_cpu_init();
    const struct { const char *name; int on; } features[] = {
        {"cmov", __builtin_cpu_supports("cmov") != 0},
        {"mmx", __builtin_cpu_supports("mmx") != 0},
        {"popcnt", __builtin_cpu_supports("popcnt") != 0},
        {"sse", __builtin_cpu_supports("sse") != 0},
        {"sse2", __builtin_cpu_supports("sse2") != 0},
        {"sse3", __builtin_cpu_supports("sse3") != 0},
        {"ssse3", __builtin_cpu_supports("ssse3") != 0},
        {"sse4.1", __builtin_cpu_supports("sse4.1") != 0},
        {"sse4.2", __builtin_cpu_supports("sse4.2") != 0},
        {"avx", __builtin_cpu_supports("avx") != 0},
        {"avx2", __builtin_cpu_supports("avx2") != 0},
        {"sse4a", __builtin_cpu_supports("sse4a") != 0},
        {"fma4", __builtin_cpu_supports("fma4") != 0},
        {"xop", __builtin_cpu_supports("xop") != 0},
        {"fma", __builtin_cpu_supports("fma") != 0},
        {"avx512f", __builtin_cpu_supports("avx512f") != 0},
        {"bmi", __builtin_cpu_supports("bmi") != 0},
        {"bmi2", __builtin_cpu_supports("bmi2") != 0},
        {"aes", __builtin_cpu_supports("aes") != 0},
        {"pclmul", __builtin_cpu_supports("pclmul") != 0},
        {"avx512vl", __builtin_cpu_supports("avx512vl") != 0},
        {"avx512bw", __builtin_cpu_supports("avx512bw") != 0},
        {"avx512dq", __builtin_cpu_supports("avx512dq") != 0},
        {"avx512cd", __builtin_cpu_supports("avx512cd") != 0},
        {"gfni", __builtin_cpu_supports("gfni") != 0},
        {"vpclmulqdq", __builtin_cpu_supports("vpclmulqdq") != 0},
        {"adx", __builtin_cpu_supports("adx") != 0},
        {"abm", __builtin_cpu_supports("abm") != 0},
        {"cmpxchg16b", __builtin_cpu_supports("cmpxchg16b") != 0},
        {"f16c", __builtin_cpu_supports("f16c") != 0},
        {"fxsave", __builtin_cpu_supports("fxsave") != 0},
        {"lahf_lm", __builtin_cpu_supports("lahf_lm") != 0},
        {"lzcnt", __builtin_cpu_supports("lzcnt") != 0},
        {"movbe", __builtin_cpu_supports("movbe") != 0},
        {"osxsave", __builtin_cpu_supports("osxsave") != 0},
        {"rdrnd", __builtin_cpu_supports("rdrnd") != 0},
        {"rdseed", __builtin_cpu_supports("rdseed") != 0},
        {"sha", __builtin_cpu_supports("sha") != 0},
        {"vaes", __builtin_cpu_supports("vaes") != 0},
        {"xsave", __builtin_cpu_supports("xsave") != 0},
        {"x86-64", __builtin_cpu_supports("x86-64") != 0},
        {"x86-64-v2", __builtin_cpu_supports("x86-64-v2") != 0},
        {"x86-64-v3", __builtin_cpu_supports("x86-64-v3") != 0},
        {"x86-64-v4", __builtin_cpu_supports("x86-64-v4") != 0},
    };
    for (unsigned i = 0; i < sizeof features / sizeof features[0]; i++)
        printf("%s %d\n", features[i].name, features[i].on);
    printf("intel %d amd %d\n", __builtin_cpu_is("intel") != 0, __builtin_cpu_is("amd") != 0);
    unsigned a, b, c, d, sig;
    unsigned max = __get_cpuid_max(0, &sig);
    printf("max %d sig %x\n", max >= 1, sig);
    if (__get_cpuid(1, &a, &b, &c, &d))
        printf("sse4.2 %d avx %d aes %d\n", !!(c & bit_SSE4_2), !!(c & bit_AVX), !!(c & bit_AES));
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d))
        printf("avx2 %d bmi2 %d sha %d\n", !!(b & bit_AVX2), !!(b & bit_BMI2), !!(b & bit_SHA));
    printf("leaf 0x90000000: %d\n", __get_cpuid(0x90000000u, &a, &b, &c, &d));
#if defined(__AVX2__) && defined(__FMA__) && defined(__BMI2__) && defined(__SSE4_2__) && !defined(__AVX512F__)
    puts("macros as gcc");
#endif
    return 0;
}
