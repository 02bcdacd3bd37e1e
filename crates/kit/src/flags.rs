//! gcc's `-f` and `-m` flags: which ones kit honours, which ones cannot change
//! what a correct program does (accepted), and which ones kit cannot honour
//! (an error that names the flag, never silently ignored).

use crate::args::CcArgs;
use crate::isa::IsaSet;

/// `-f` flags that only tune optimization, diagnostics, debug info or
/// hardening: a program means the same with or without them.
const HARMLESS_F: &[&str] = &[
    "PIC",
    "pic",
    "PIE",
    "pie",
    "plt",
    "common",
    "strict-aliasing",
    "strict-overflow",
    "wrapv",
    "wrapv-pointer",
    "omit-frame-pointer",
    "stack-protector",
    "stack-protector-strong",
    "stack-protector-all",
    "stack-protector-explicit",
    "stack-clash-protection",
    "asynchronous-unwind-tables",
    "unwind-tables",
    "exceptions",
    "non-call-exceptions",
    "math-errno",
    "fast-math",
    "finite-math-only",
    "trapping-math",
    "rounding-math",
    "signaling-nans",
    "signed-zeros",
    "associative-math",
    "reciprocal-math",
    "unsafe-math-optimizations",
    "fp-contract=fast",
    "fp-contract=off",
    "fp-contract=on",
    "excess-precision=standard",
    "excess-precision=fast",
    "data-sections",
    "function-sections",
    "inline",
    "inline-functions",
    "inline-small-functions",
    "inline-functions-called-once",
    "early-inlining",
    "builtin",
    "lto",
    "fat-lto-objects",
    "use-linker-plugin",
    "semantic-interposition",
    "delete-null-pointer-checks",
    "ident",
    "verbose-asm",
    "merge-constants",
    "merge-all-constants",
    "zero-initialized-in-bss",
    "jump-tables",
    "dollars-in-identifiers",
    "signed-char",
    "openmp-simd",
    "stack-check",
    "cf-protection",
    "cf-protection=full",
    "cf-protection=none",
    "cf-protection=branch",
    "cf-protection=return",
    "record-gcc-switches",
    "show-column",
    "diagnostics-show-caret",
    "diagnostics-show-option",
    "color-diagnostics",
    "caret-diagnostics",
    "unroll-loops",
    "unroll-all-loops",
    "peel-loops",
    "gcse",
    "gcse-after-reload",
    "expensive-optimizations",
    "schedule-insns",
    "schedule-insns2",
    "strength-reduce",
    "rerun-cse-after-loop",
    "optimize-sibling-calls",
    "keep-static-consts",
    "keep-inline-functions",
    "guess-branch-probability",
    "reorder-blocks",
    "reorder-functions",
    "crossjumping",
    "prefetch-loop-arrays",
    "var-tracking",
    "var-tracking-assignments",
    "eliminate-unused-debug-types",
    "eliminate-unused-debug-symbols",
    "debug-types-section",
    "split-dwarf-inlining",
    "working-directory",
    "strict-volatile-bitfields",
    "isolate-erroneous-paths-dereference",
    "lifetime-dse",
    "move-loop-invariants",
    "stack-usage",
    "permissive",
    "pch-preprocess",
    "preprocessed",
    "directives-only",
    "allow-parameterless-variadic-functions",
    "cprop-registers",
    "defer-pop",
    "dce",
    "dse",
    "peephole",
    "peephole2",
    "ipa-ra",
    "code-hoisting",
    "split-stack-none",
    "sanitize-recover",
    "trampolines",
    "align-functions",
    "align-jumps",
    "align-labels",
    "align-loops",
    "asan-shadow-offset-none",
    "split-paths",
    "predictive-commoning",
    "store-merging",
    "partial-inlining",
    "thread-jumps",
    "printf-return-value",
    "optimize-strlen",
    "profile-reorder-functions",
    "whole-program",
    "toplevel-reorder",
    "common-none",
];

/// Prefixes of `-f` flags in the same harmless families (`-ftree-vectorize`,
/// `-falign-functions=32`, `-fdiagnostics-color=always`, ...).
const HARMLESS_F_PREFIXES: &[&str] = &[
    "tree-",
    "ipa-",
    "sched-",
    "sched2-",
    "align-",
    "diagnostics-",
    "message-length=",
    "max-errors=",
    "debug-prefix-map=",
    "macro-prefix-map=",
    "file-prefix-map=",
    "profile-",
    "inline-limit=",
    "visibility-inlines-hidden",
    "stack-limit",
    "optimize-",
    "sanitize-address-",
    "tabstop=",
    "template-",
    "track-macro-expansion",
    "loop-",
    "lto-",
    "ipa",
    "var-tracking",
    "stack-reuse=",
    "abi-version=",
    "ira-",
    "vect-cost-model",
    "simd-cost-model",
    "live-range-",
    "opt-info",
    "dump-",
    "constant-string-class",
    "char8_t",
    "extended-identifiers",
    "large-file",
    "stack-protector",
    "compare-debug",
    "callgraph-info",
    "pcc-struct-return-none",
    "auto-inc-dec",
    "branch-",
    "caller-saves",
    "combine-stack-adjustments",
    "cse-",
    "if-conversion",
    "shrink-wrap",
    "split-wide-types",
    "ssa-",
    "tracer",
    "version-loops-for-strides",
    "web",
    "rename-registers",
    "modulo-sched",
    "selective-scheduling",
    "reorder-blocks-",
    "hoist-adjacent-loads",
    "devirtualize",
    "indirect-inlining",
    "partial-inlining",
    "ree",
    "unswitch-loops",
    "bit-tests",
    "vect-",
];

/// `-f` flags that change what code means and that kit does not implement.
const UNSUPPORTED_F: &[(&str, &str)] = &[
    ("short-enums", "enums are always int-sized in kit"),
    ("short-wchar", "wchar_t is always 4 bytes in kit"),
    ("pack-struct", "structure packing by flag is not supported"),
    ("openmp", "OpenMP is not supported"),
    ("openacc", "OpenACC is not supported"),
    ("sanitize=", "sanitizers are not supported"),
    ("profile-arcs", "coverage instrumentation is not supported"),
    ("profile-generate", "profile instrumentation is not supported"),
    ("test-coverage", "coverage instrumentation is not supported"),
    ("split-stack", "split stacks are not supported"),
    ("pcc-struct-return", "only the SysV structure-return convention is supported"),
    ("reg-struct-return", "only the SysV structure-return convention is supported"),
    ("plan9-extensions", "Plan 9 extensions are not supported"),
    ("gnu-tm", "transactional memory is not supported"),
    ("trapv", "trapping arithmetic is not supported"),
    ("leading-underscore", "symbol names never get a leading underscore on this target"),
    ("fixed-", "fixing registers is not supported"),
    ("call-used-", "changing register conventions is not supported"),
    ("call-saved-", "changing register conventions is not supported"),
    ("exec-charset=", "only the UTF-8 execution character set is supported"),
    ("input-charset=", "source files are read as UTF-8"),
    ("wide-exec-charset=", "only the UTF-32 wide character set is supported"),
    ("strub", "stack scrubbing is not supported"),
    ("patchable-function-entry", "patchable function entries are not supported"),
];

/// Applies one `-f...` flag (without the `-f`) to `a`.
pub fn apply_f(flag: &str, a: &mut CcArgs) -> Result<(), String> {
    let (negated, name) = match flag.strip_prefix("no-") {
        Some(n) => (true, n),
        None => (false, flag),
    };
    match name {
        "gnu89-inline" => {
            a.lang.gnu89_inline = !negated;
            return Ok(());
        }
        "visibility=hidden" | "visibility=internal" | "visibility=protected" if !negated => {
            a.lang.default_hidden = name != "visibility=protected";
            return Ok(());
        }
        "visibility=default" if !negated => {
            a.lang.default_hidden = false;
            return Ok(());
        }
        "freestanding" | "hosted" => {
            a.lang.hosted = (name == "hosted") != negated;
            return Ok(());
        }
        "instrument-functions" => {
            a.lang.instrument_functions = !negated;
            return Ok(());
        }
        "unsigned-char" | "signed-char" => {
            a.lang.unsigned_char = (name == "unsigned-char") != negated;
            return Ok(());
        }
        // kit reads UTF-8 and writes UTF-8 strings, which these name.
        "input-charset=utf-8" | "input-charset=UTF-8" | "exec-charset=utf-8" | "exec-charset=UTF-8" if !negated => return Ok(()),
        "use-ld=bfd" | "use-ld=gold" | "use-ld=lld" | "use-ld=mold" | "use-ld=kit" if !negated => {
            // kit always links with its own linker, which stands in for any of these.
            return Ok(());
        }
        _ => {}
    }
    if negated {
        // Turning off something kit does not do (OpenMP, sanitizers, ...)
        // changes nothing either; turning off a harmless one is harmless.
        if UNSUPPORTED_F.iter().any(|(p, _)| name.starts_with(p)) || is_harmless_f(name) || is_builtin_flag(name) {
            return Ok(());
        }
    } else {
        if let Some((_, why)) = UNSUPPORTED_F.iter().find(|(p, _)| name.starts_with(p)) {
            return Err(unsupported(flag, why));
        }
        if is_harmless_f(name) {
            return Ok(());
        }
    }
    Err(format!("unrecognized command-line option '-f{flag}'"))
}

fn is_harmless_f(name: &str) -> bool {
    HARMLESS_F.contains(&name) || HARMLESS_F_PREFIXES.iter().any(|p| name.starts_with(p)) || name.starts_with("stack-protector")
}

/// `-fno-builtin-memcpy`: kit expands no library call inline except `abs`'s
/// family, so declining one is always honoured.
fn is_builtin_flag(name: &str) -> bool {
    name.starts_with("builtin-")
}

fn unsupported(flag: &str, why: &str) -> String {
    format!("'-f{flag}' is not supported: {why}")
}

/// x86-64 instruction-set extensions gcc's `-march=x86-64` (kit's only
/// level) enables, whose `-m` flags are therefore already in force.
const BASELINE_ISA: &[&str] = &["sse", "sse2", "fxsr", "80387", "fpmath=sse", "fp-ret-in-387", "ieee-fp"];

/// Applies one `-m...` flag (without the `-m`).
pub fn apply_m(flag: &str, a: &mut CcArgs) -> Result<(), String> {
    match flag {
        // kit's code never uses MMX registers, so MMX can be on or off.
        "mmx" => return Ok(()),
        "no-mmx" => {
            a.defines.push(crate::args::Define::Unset("__MMX__".into()));
            a.defines.push(crate::args::Define::Unset("__MMX_WITH_SSE__".into()));
            return Ok(());
        }
        _ => {}
    }
    if let Some(arch) = flag.strip_prefix("arch=") {
        return a.isa.set_arch(arch);
    }
    if flag.starts_with("tune=") {
        return Ok(());
    }
    match flag {
        "64"
        | "red-zone"
        | "no-red-zone"
        | "cmodel=small"
        | "tls-dialect=gnu"
        | "tls-dialect=gnu2"
        | "stackrealign"
        | "no-omit-leaf-frame-pointer"
        | "omit-leaf-frame-pointer"
        | "shstk"
        | "no-shstk"
        | "sahf"
        | "cx16"
        // gcc's scalar-to-vector pass: tuning only.
        | "stv"
        | "no-stv"
        | "no-sahf" => {
            return Ok(());
        }
        "pc80" => return Ok(()),
        "pc32" | "pc64" => return Err(format!("'-m{flag}' is not supported: kit does not change the x87 precision control")),
        "32" | "x32" | "16" => return Err(format!("'-m{flag}' is not supported: kit targets the 64-bit x86-64 ABI only")),
        _ => {}
    }
    if BASELINE_ISA.contains(&flag) {
        return Ok(());
    }
    if let Some(isa) = flag.strip_prefix("no-") {
        if BASELINE_ISA.contains(&isa) {
            return Err(format!("'-m{flag}' is not supported: SSE2 is part of kit's x86-64 code generation"));
        }
        if IsaSet::knows(isa) {
            a.isa.disable(isa);
            return Ok(());
        }
        // Declining an extension kit never uses is honoured as it is.
        if is_isa_extension(isa) {
            return Ok(());
        }
    } else if IsaSet::knows(flag) {
        // The intrinsics headers declare every extension's intrinsics; the
        // flag tells the program (through `__AVX2__` etc.) it may use them.
        a.isa.enable(flag);
        return Ok(());
    } else if is_isa_extension(flag) {
        return Err(format!("'-m{flag}' is not supported yet: kit has no intrinsics for it"));
    }
    Err(format!("unrecognized command-line option '-m{flag}'"))
}

fn is_isa_extension(name: &str) -> bool {
    const ISA: &[&str] = &[
        "sse3",
        "ssse3",
        "sse4",
        "sse4.1",
        "sse4.2",
        "sse4a",
        "avx",
        "avx2",
        "avx512f",
        "avx512bw",
        "avx512cd",
        "avx512dq",
        "avx512vl",
        "avxvnni",
        "fma",
        "fma4",
        "bmi",
        "bmi2",
        "lzcnt",
        "popcnt",
        "f16c",
        "aes",
        "pclmul",
        "sha",
        "rdrnd",
        "rdseed",
        "movbe",
        "xsave",
        "xsaveopt",
        "adx",
        "prfchw",
        "3dnow",
        "abm",
        "tbm",
        "vpclmulqdq",
        "vaes",
        "gfni",
        "crc32",
        "clflushopt",
        "clwb",
        "rtm",
        "hle",
        "mwaitx",
        "clzero",
        "pku",
        "fsgsbase",
        "xop",
        "lwp",
    ];
    ISA.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(flag: &str) -> Result<CcArgs, String> {
        let mut a = CcArgs::default();
        apply_f(flag, &mut a).map(|_| a)
    }
    fn m(flag: &str) -> Result<(), String> {
        apply_m(flag, &mut CcArgs::default())
    }

    #[test]
    fn f_flags() {
        assert!(f("PIC").is_ok());
        assert!(f("no-strict-aliasing").is_ok());
        assert!(f("tree-vectorize").is_ok());
        assert!(f("no-builtin-memcpy").is_ok());
        assert!(f("visibility=hidden").unwrap().lang.default_hidden);
        assert!(f("gnu89-inline").unwrap().lang.gnu89_inline);
        assert!(f("unsigned-char").unwrap().lang.unsigned_char);
        assert!(!f("no-unsigned-char").unwrap().lang.unsigned_char);
        assert!(f("no-signed-char").unwrap().lang.unsigned_char);
        assert!(f("sanitize=address").unwrap_err().contains("sanitize"));
        assert!(f("no-sanitize=address").is_ok());
        assert!(f("bogus-flag").unwrap_err().contains("unrecognized command-line option '-fbogus-flag'"));
    }

    #[test]
    fn m_flags() {
        assert!(m("64").is_ok());
        assert!(m("tune=generic").is_ok());
        assert!(m("arch=x86-64").is_ok());
        assert!(m("32").unwrap_err().contains("-m32"));
        assert!(m("avx512f").unwrap_err().contains("-mavx512f"));
        assert!(m("avx2").is_ok() && m("no-sse4.2").is_ok() && m("arch=x86-64-v3").is_ok());
        assert!(m("no-avx2").is_ok());
        assert!(m("no-sse2").is_err());
        assert!(m("arch=native").is_ok());
        assert!(m("arch=pentium4").unwrap_err().contains("-march=pentium4"));
        assert!(m("frobnicate").unwrap_err().contains("unrecognized"));
    }
}
