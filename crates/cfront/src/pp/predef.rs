//! Predefined macros and the build date/time.

use super::PpTarget;
use crate::lang::LangOptions;

/// gcc 12's set for x86_64-linux-gnu in gnu11 mode (minus decimal and
/// `_FloatN` types kit does not implement).
const X86_64_LINUX: &str = include_str!("predef_x86_64_linux.h");

/// Macros that only describe x86-64.
const X86_ONLY: &[&str] = &[
    "__x86_64",
    "__x86_64__",
    "__amd64",
    "__amd64__",
    "__MMX__",
    "__SSE__",
    "__SSE2__",
    "__SSE_MATH__",
    "__SSE2_MATH__",
    "__MMX_WITH_SSE__",
    "__FXSR__",
    "__k8",
    "__k8__",
    "__code_model_small__",
    "__ATOMIC_HLE_ACQUIRE",
    "__ATOMIC_HLE_RELEASE",
    "__SIZEOF_FLOAT80__",
];

/// Long double as IEEE binary128 (aarch64 and riscv64 Linux).
const LDBL_QUAD: &str = "\
#define __LDBL_MANT_DIG__ 113
#define __LDBL_DIG__ 33
#define __LDBL_MIN_EXP__ (-16381)
#define __LDBL_MIN_10_EXP__ (-4931)
#define __LDBL_MAX_EXP__ 16384
#define __LDBL_MAX_10_EXP__ 4932
#define __LDBL_DECIMAL_DIG__ 36
#define __DECIMAL_DIG__ 36
#define __LDBL_MAX__ 1.18973149535723176508575932662800702e+4932L
#define __LDBL_NORM_MAX__ 1.18973149535723176508575932662800702e+4932L
#define __LDBL_MIN__ 3.36210314311209350626267781732175260e-4932L
#define __LDBL_EPSILON__ 1.92592994438723585305597794258492732e-34L
#define __LDBL_DENORM_MIN__ 6.47517511943802511092443895822764655e-4966L
#define __CHAR_UNSIGNED__ 1
#define __GCC_ATOMIC_CHAR_LOCK_FREE 2
";

const AARCH64: &str = "\
#define __aarch64__ 1
#define __ARM_64BIT_STATE 1
#define __ARM_ARCH 8
#define __ARM_ARCH_8A 1
#define __ARM_ARCH_PROFILE 65
#define __ARM_ARCH_ISA_A64 1
#define __ARM_PCS_AAPCS64 1
#define __ARM_FP 14
#define __ARM_NEON 1
#define __ARM_ALIGN_MAX_STACK_PWR 16
#define __ARM_SIZEOF_MINIMAL_ENUM 4
#define __ARM_SIZEOF_WCHAR_T 4
#define __AARCH64EL__ 1
#define __AARCH64_CMODEL_SMALL__ 1
#define __WCHAR_TYPE__ unsigned int
#define __WCHAR_MAX__ 0xffffffffU
#define __WCHAR_MIN__ 0U
#define __WCHAR_UNSIGNED__ 1
";

const RISCV64: &str = "\
#define __riscv 1
#define __riscv_xlen 64
#define __riscv_flen 64
#define __riscv_float_abi_double 1
#define __riscv_mul 1
#define __riscv_div 1
#define __riscv_muldiv 1
#define __riscv_atomic 1
#define __riscv_compressed 1
#define __riscv_fdiv 1
#define __riscv_fsqrt 1
#define __riscv_cmodel_medlow 1
";

/// Extra gcc definitions not in the x86-64 table file.
const X86_64_EXTRA: &str = "\
#define __SSE_MATH__ 1
#define __SSE2_MATH__ 1
#define __MMX_WITH_SSE__ 1
#define __FXSR__ 1
#define __k8 1
#define __k8__ 1
#define __code_model_small__ 1
#define __ATOMIC_HLE_ACQUIRE 65536
#define __ATOMIC_HLE_RELEASE 131072
#define __DECIMAL_DIG__ 21
";

/// Target-independent gcc definitions not in the table file.
const COMMON_EXTRA: &str = "\
#define __GCC_IEC_559 2
#define __GCC_IEC_559_COMPLEX 2
#define __FINITE_MATH_ONLY__ 0
#define __FLT_EVAL_METHOD_TS_18661_3__ 0
#define __GNUC_EXECUTION_CHARSET_NAME \"UTF-8\"
#define __GCC_CONSTRUCTIVE_SIZE 64
#define __GCC_DESTRUCTIVE_SIZE 64
#define __STDC_IEC_60559_BFP__ 201404L
#define __STDC_IEC_60559_COMPLEX__ 201404L
";

/// The predefined macros for `target` as `#define` lines. Later lines
/// override earlier ones of the same name.
pub fn predefined_macros(target: &PpTarget, lang: &LangOptions, optimize: bool) -> String {
    let mut s = String::with_capacity(X86_64_LINUX.len() + 2048);
    let x86 = target.arch == "x86_64";
    for line in X86_64_LINUX.lines() {
        let name = line.strip_prefix("#define ").and_then(|r| r.split([' ', '(']).next());
        if !x86 && name.is_some_and(|n| X86_ONLY.contains(&n)) {
            continue;
        }
        s.push_str(line);
        s.push('\n');
    }
    s.push_str(COMMON_EXTRA);
    match target.arch.as_str() {
        "aarch64" => {
            s.push_str(LDBL_QUAD);
            s.push_str(AARCH64);
        }
        "riscv64" => {
            s.push_str(LDBL_QUAD);
            s.push_str(RISCV64);
        }
        _ => s.push_str(X86_64_EXTRA),
    }
    if target.os != "linux" {
        for m in ["__linux", "__linux__", "__gnu_linux__", "linux"] {
            s.push_str(&format!("#undef {m}\n"));
        }
    }
    s.push_str(if optimize { "#define __OPTIMIZE__ 1\n" } else { "#define __NO_INLINE__ 1\n" });
    dialect_macros(&mut s, lang);
    s
}

/// What `-std=` and `-fgnu89-inline` change, as gcc does it.
fn dialect_macros(s: &mut String, lang: &LangOptions) {
    match lang.std.version {
        Some(v) => s.push_str(&format!("#define __STDC_VERSION__ {v}L\n")),
        None => s.push_str("#undef __STDC_VERSION__\n"),
    }
    if !lang.std.gnu {
        s.push_str("#define __STRICT_ANSI__ 1\n#undef linux\n#undef unix\n");
    }
    if lang.unsigned_char {
        s.push_str("#define __CHAR_UNSIGNED__ 1\n");
    }
    if !lang.hosted {
        s.push_str("#undef __STDC_HOSTED__\n#define __STDC_HOSTED__ 0\n");
    }
    if lang.gnu89_inline {
        s.push_str("#undef __GNUC_STDC_INLINE__\n#define __GNUC_GNU_INLINE__ 1\n");
    }
}

pub struct DateTime {
    pub date: String,
    pub time: String,
    pub timestamp: String,
}

/// `__DATE__` ("Mmm dd yyyy"), `__TIME__` ("hh:mm:ss") and `__TIMESTAMP__`
/// in UTC; with no time given, the epoch (reproducible output).
pub fn date_time(epoch: Option<u64>) -> DateTime {
    let t = epoch.unwrap_or(0);
    let days = (t / 86400) as i64;
    let secs = t % 86400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    let date = format!("{} {:>2} {}", MONTHS[(m - 1) as usize], d, y);
    let time = format!("{:02}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60);
    // `__TIMESTAMP__` in asctime form: "Thu Jan  1 00:00:00 1970".
    let timestamp = format!("{} {} {:>2} {} {}", DAYS[days.rem_euclid(7) as usize], MONTHS[(m - 1) as usize], d, time, y);
    DateTime { date, time, timestamp }
}

/// gcc's `__builtin_ia32_*` functions that programs call directly (CRC-32C,
/// fences, the time-stamp counter), as macros over inline asm: the only
/// machine builtins kit has. Hidden from `-dM`, as gcc's builtins are.
const X86_BUILTIN_FUNCTIONS: &str = "\
#define __builtin_ia32_crc32qi(c, v) __extension__ ({ unsigned int __kit_c = (c); unsigned char __kit_v = (v); \
__asm__(\"crc32b %1, %0\" : \"+r\"(__kit_c) : \"rm\"(__kit_v)); __kit_c; })
#define __builtin_ia32_crc32hi(c, v) __extension__ ({ unsigned int __kit_c = (c); unsigned short __kit_v = (v); \
__asm__(\"crc32w %1, %0\" : \"+r\"(__kit_c) : \"rm\"(__kit_v)); __kit_c; })
#define __builtin_ia32_crc32si(c, v) __extension__ ({ unsigned int __kit_c = (c); unsigned int __kit_v = (v); \
__asm__(\"crc32l %1, %0\" : \"+r\"(__kit_c) : \"rm\"(__kit_v)); __kit_c; })
#define __builtin_ia32_crc32di(c, v) __extension__ ({ unsigned long long __kit_c = (c); unsigned long long __kit_v = (v); \
__asm__(\"crc32q %1, %0\" : \"+r\"(__kit_c) : \"rm\"(__kit_v)); __kit_c; })
#define __builtin_ia32_pause() __asm__ __volatile__(\"pause\" ::: \"memory\")
#define __builtin_ia32_lfence() __asm__ __volatile__(\"lfence\" ::: \"memory\")
#define __builtin_ia32_mfence() __asm__ __volatile__(\"mfence\" ::: \"memory\")
#define __builtin_ia32_sfence() __asm__ __volatile__(\"sfence\" ::: \"memory\")
#define __builtin_ia32_rdtsc() __extension__ ({ unsigned int __kit_lo, __kit_hi; \
__asm__ __volatile__(\"rdtsc\" : \"=a\"(__kit_lo), \"=d\"(__kit_hi)); ((unsigned long long)__kit_hi << 32) | __kit_lo; })
";

/// The `__builtin_ia32_*` names `X86_BUILTIN_FUNCTIONS` defines.
pub const X86_BUILTIN_NAMES: &[&str] = &[
    "__builtin_ia32_crc32qi",
    "__builtin_ia32_crc32hi",
    "__builtin_ia32_crc32si",
    "__builtin_ia32_crc32di",
    "__builtin_ia32_pause",
    "__builtin_ia32_lfence",
    "__builtin_ia32_mfence",
    "__builtin_ia32_sfence",
    "__builtin_ia32_rdtsc",
];

/// Builtin functions the target implements as macros (see above).
pub fn builtin_function_macros(target: &PpTarget) -> &'static str {
    if target.arch == "x86_64" { X86_BUILTIN_FUNCTIONS } else { "" }
}
