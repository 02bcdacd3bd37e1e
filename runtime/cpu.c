/* The CPU model that __builtin_cpu_supports and __builtin_cpu_is read
 * (libgcc's __cpu_model, __cpu_features2 and __cpu_indicator_init, same
 * layout and feature numbering, so gcc's objects can use kit's too).
 *
 * Filled in by a constructor that runs before the program's own (priority
 * 101, as libgcc's), and again by __builtin_cpu_init for code that runs
 * earlier still. Only the vendor and feature bits are set: kit does not
 * name CPU models, so __cpu_type and __cpu_subtype stay 0. */

struct cpu_model {
    unsigned vendor;
    unsigned type;
    unsigned subtype;
    unsigned features[1];
};

struct cpu_model __cpu_model;
unsigned __cpu_features2[3];

enum { VENDOR_INTEL = 1, VENDOR_AMD = 2, VENDOR_OTHER = 3 };

static void cpuid(unsigned leaf, unsigned sub, unsigned r[4]) {
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "0"(leaf), "2"(sub));
    r[0] = a;
    r[1] = b;
    r[2] = c;
    r[3] = d;
}

/* Whether the OS saves the register state masked by `mask` (XCR0). */
static int os_saves(unsigned mask) {
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & mask) == mask;
}

static void set(unsigned feature) {
    if (feature < 32)
        __cpu_model.features[0] |= 1u << feature;
    else
        __cpu_features2[(feature - 32) / 32] |= 1u << (feature % 32);
}

static int has(unsigned feature) {
    if (feature < 32)
        return (__cpu_model.features[0] >> feature) & 1;
    return (__cpu_features2[(feature - 32) / 32] >> (feature % 32)) & 1;
}

/* libgcc's feature numbers. */
enum {
    F_CMOV = 0, F_MMX = 1, F_POPCNT = 2, F_SSE = 3, F_SSE2 = 4, F_SSE3 = 5, F_SSSE3 = 6,
    F_SSE4_1 = 7, F_SSE4_2 = 8, F_AVX = 9, F_AVX2 = 10, F_SSE4A = 11, F_FMA4 = 12, F_XOP = 13,
    F_FMA = 14, F_AVX512F = 15, F_BMI = 16, F_BMI2 = 17, F_AES = 18, F_PCLMUL = 19,
    F_AVX512VL = 20, F_AVX512BW = 21, F_AVX512DQ = 22, F_AVX512CD = 23, F_GFNI = 32,
    F_VPCLMULQDQ = 33, F_ADX = 40, F_ABM = 41, F_CMPXCHG16B = 46, F_F16C = 49, F_FXSAVE = 51,
    F_LAHF_LM = 54, F_LZCNT = 57, F_MOVBE = 58, F_OSXSAVE = 62, F_RDRND = 69, F_RDSEED = 70,
    F_SHA = 74, F_VAES = 78, F_XSAVE = 81, F_X86_64 = 95, F_X86_64_V2 = 96, F_X86_64_V3 = 97,
    F_X86_64_V4 = 98,
};

#define BIT(reg, n) (((reg) >> (n)) & 1)

int __cpu_indicator_init(void) {
    if (__cpu_model.vendor)
        return 0;
    unsigned r[4], max;
    cpuid(0, 0, r);
    max = r[0];
    unsigned vendor = r[1] == 0x756e6547 ? VENDOR_INTEL : r[1] == 0x68747541 ? VENDOR_AMD : VENDOR_OTHER;

    cpuid(1, 0, r);
    unsigned ecx = r[2], edx = r[3];
    if (BIT(edx, 15)) set(F_CMOV);
    if (BIT(edx, 23)) set(F_MMX);
    if (BIT(edx, 24)) set(F_FXSAVE);
    if (BIT(edx, 25)) set(F_SSE);
    if (BIT(edx, 26)) set(F_SSE2);
    if (BIT(ecx, 0)) set(F_SSE3);
    if (BIT(ecx, 1)) set(F_PCLMUL);
    if (BIT(ecx, 9)) set(F_SSSE3);
    if (BIT(ecx, 13)) set(F_CMPXCHG16B);
    if (BIT(ecx, 19)) set(F_SSE4_1);
    if (BIT(ecx, 20)) set(F_SSE4_2);
    if (BIT(ecx, 22)) set(F_MOVBE);
    if (BIT(ecx, 23)) set(F_POPCNT);
    if (BIT(ecx, 25)) set(F_AES);
    if (BIT(ecx, 26)) set(F_XSAVE);
    if (BIT(ecx, 30)) set(F_RDRND);
    /* AVX and its family need the OS to save the ymm (and, for AVX-512,
       zmm and mask) state. */
    int ymm = 0, zmm = 0;
    if (BIT(ecx, 27)) {
        set(F_OSXSAVE);
        ymm = os_saves(0x6);
        zmm = ymm && os_saves(0xe6);
    }
    if (ymm) {
        if (BIT(ecx, 28)) set(F_AVX);
        if (BIT(ecx, 12)) set(F_FMA);
        if (BIT(ecx, 29)) set(F_F16C);
    }

    if (max >= 7) {
        cpuid(7, 0, r);
        unsigned ebx = r[1], ecx7 = r[2];
        if (BIT(ebx, 3)) set(F_BMI);
        if (BIT(ebx, 8)) set(F_BMI2);
        if (BIT(ebx, 18)) set(F_RDSEED);
        if (BIT(ebx, 19)) set(F_ADX);
        if (BIT(ebx, 29)) set(F_SHA);
        if (ymm) {
            if (BIT(ebx, 5)) set(F_AVX2);
            if (BIT(ecx7, 8)) set(F_GFNI);
            if (BIT(ecx7, 9)) set(F_VAES);
            if (BIT(ecx7, 10)) set(F_VPCLMULQDQ);
        }
        if (zmm) {
            if (BIT(ebx, 16)) set(F_AVX512F);
            if (BIT(ebx, 17)) set(F_AVX512DQ);
            if (BIT(ebx, 28)) set(F_AVX512CD);
            if (BIT(ebx, 30)) set(F_AVX512BW);
            if (BIT(ebx, 31)) set(F_AVX512VL);
        }
    }

    cpuid(0x80000000u, 0, r);
    if (r[0] >= 0x80000001u) {
        cpuid(0x80000001u, 0, r);
        if (BIT(r[2], 0)) set(F_LAHF_LM);
        if (BIT(r[2], 5)) {
            set(F_ABM);
            set(F_LZCNT);
        }
        if (BIT(r[2], 6)) set(F_SSE4A);
        if (ymm && BIT(r[2], 16)) set(F_FMA4);
        if (ymm && BIT(r[2], 11)) set(F_XOP);
    }

    /* The x86-64 micro-architecture levels. */
    set(F_X86_64);
    if (has(F_CMPXCHG16B) && has(F_LAHF_LM) && has(F_POPCNT) && has(F_SSE3) && has(F_SSE4_1) && has(F_SSE4_2) && has(F_SSSE3)) {
        set(F_X86_64_V2);
        if (has(F_AVX) && has(F_AVX2) && has(F_BMI) && has(F_BMI2) && has(F_F16C) && has(F_FMA) && has(F_LZCNT) && has(F_MOVBE)) {
            set(F_X86_64_V3);
            if (has(F_AVX512F) && has(F_AVX512BW) && has(F_AVX512CD) && has(F_AVX512DQ) && has(F_AVX512VL))
                set(F_X86_64_V4);
        }
    }
    __cpu_model.vendor = vendor;
    return 0;
}

__attribute__((constructor(101))) static void cpu_init_at_start(void) { __cpu_indicator_init(); }
