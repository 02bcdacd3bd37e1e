//! x86-64 instruction-set extensions asked for with `-m<ext>`, `-mno-<ext>`
//! and `-march=`: the set in force and the macros that announce it
//! (`__AVX2__`, `__SSE4_2__`, ...), as gcc defines them.
//!
//! kit's code generation keeps to the x86-64 baseline whatever the set
//! says; the set only tells the program which intrinsics it may call.
//! Every intrinsic is declared in kit's headers anyway (as in gcc's), so
//! `__attribute__((target("avx2")))` functions can use them too.

/// One extension: its `-m` name, the macros it defines, and the
/// extensions it brings along (gcc's implications).
struct Ext {
    flag: &'static str,
    macros: &'static [&'static str],
    implies: &'static [&'static str],
}

const EXTS: &[Ext] = &[
    Ext { flag: "sse3", macros: &["__SSE3__"], implies: &[] },
    Ext { flag: "ssse3", macros: &["__SSSE3__"], implies: &["sse3"] },
    Ext { flag: "sse4.1", macros: &["__SSE4_1__"], implies: &["ssse3"] },
    Ext { flag: "sse4.2", macros: &["__SSE4_2__"], implies: &["sse4.1", "popcnt", "crc32"] },
    Ext { flag: "popcnt", macros: &["__POPCNT__"], implies: &[] },
    Ext { flag: "crc32", macros: &["__CRC32__"], implies: &[] },
    Ext { flag: "avx", macros: &["__AVX__"], implies: &["sse4.2", "xsave"] },
    Ext { flag: "avx2", macros: &["__AVX2__"], implies: &["avx"] },
    Ext { flag: "fma", macros: &["__FMA__"], implies: &["avx"] },
    Ext { flag: "f16c", macros: &["__F16C__"], implies: &["avx"] },
    Ext { flag: "bmi", macros: &["__BMI__"], implies: &[] },
    Ext { flag: "bmi2", macros: &["__BMI2__"], implies: &[] },
    Ext { flag: "lzcnt", macros: &["__LZCNT__"], implies: &[] },
    Ext { flag: "abm", macros: &["__ABM__"], implies: &["lzcnt", "popcnt"] },
    Ext { flag: "aes", macros: &["__AES__"], implies: &[] },
    Ext { flag: "pclmul", macros: &["__PCLMUL__"], implies: &[] },
    Ext { flag: "sha", macros: &["__SHA__"], implies: &[] },
    Ext { flag: "rdrnd", macros: &["__RDRND__"], implies: &[] },
    Ext { flag: "rdseed", macros: &["__RDSEED__"], implies: &[] },
    Ext { flag: "adx", macros: &["__ADX__"], implies: &[] },
    Ext { flag: "xsave", macros: &["__XSAVE__"], implies: &[] },
];

/// `-march=` levels and CPUs kit knows, as the extensions they add to the
/// baseline. `native` asks the host CPU instead.
const ARCHES: &[(&str, &[&str])] = &[
    ("x86-64-v2", &["sse4.2"]),
    ("nehalem", &["sse4.2"]),
    ("corei7", &["sse4.2"]),
    ("westmere", &["sse4.2", "aes", "pclmul"]),
    ("sandybridge", &["avx", "aes", "pclmul"]),
    ("corei7-avx", &["avx", "aes", "pclmul"]),
    ("ivybridge", &["avx", "aes", "pclmul", "f16c", "rdrnd"]),
    ("x86-64-v3", &["avx2", "fma", "f16c", "bmi", "bmi2", "lzcnt"]),
    ("haswell", &["avx2", "fma", "f16c", "bmi", "bmi2", "lzcnt", "aes", "pclmul", "rdrnd"]),
    ("broadwell", &["avx2", "fma", "f16c", "bmi", "bmi2", "lzcnt", "aes", "pclmul", "rdrnd", "rdseed", "adx"]),
    ("skylake", &["avx2", "fma", "f16c", "bmi", "bmi2", "lzcnt", "aes", "pclmul", "rdrnd", "rdseed", "adx"]),
    ("znver1", &["avx2", "fma", "f16c", "bmi", "bmi2", "abm", "aes", "pclmul", "rdrnd", "rdseed", "adx", "sha"]),
    ("znver2", &["avx2", "fma", "f16c", "bmi", "bmi2", "abm", "aes", "pclmul", "rdrnd", "rdseed", "adx", "sha"]),
    ("znver3", &["avx2", "fma", "f16c", "bmi", "bmi2", "abm", "aes", "pclmul", "rdrnd", "rdseed", "adx", "sha"]),
];

/// The extensions in force, as bits indexed like `EXTS`.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub struct IsaSet(u32);

fn index(flag: &str) -> Option<usize> {
    let flag = if flag == "sse4" { "sse4.2" } else { flag };
    EXTS.iter().position(|e| e.flag == flag)
}

impl IsaSet {
    /// Whether `-m<flag>` / `-mno-<flag>` names an extension kit tracks.
    pub fn knows(flag: &str) -> bool {
        index(flag).is_some()
    }

    /// `-m<flag>`: the extension and everything it implies.
    pub fn enable(&mut self, flag: &str) {
        let Some(i) = index(flag) else { return };
        if self.0 & (1 << i) != 0 {
            return;
        }
        self.0 |= 1 << i;
        for dep in EXTS[i].implies {
            self.enable(dep);
        }
    }

    /// `-mno-<flag>`: the extension and every extension that implies it.
    pub fn disable(&mut self, flag: &str) {
        let Some(i) = index(flag) else { return };
        self.0 &= !(1 << i);
        for (j, e) in EXTS.iter().enumerate() {
            if self.0 & (1 << j) != 0 && e.implies.iter().any(|d| index(d) == Some(i)) {
                self.disable(e.flag);
            }
        }
    }

    /// `-march=<arch>`: replaces the set. `native` reads the host CPU.
    pub fn set_arch(&mut self, arch: &str) -> Result<(), String> {
        *self = IsaSet::default();
        match arch {
            "x86-64" | "x86_64" | "k8" | "opteron" | "athlon64" | "nocona" => {}
            "native" => {
                for flag in host::target::cpu_extensions() {
                    self.enable(flag);
                }
            }
            _ => match ARCHES.iter().find(|(name, _)| *name == arch) {
                Some((_, exts)) => exts.iter().for_each(|e| self.enable(e)),
                None => {
                    return Err(format!(
                        "'-march={arch}' is not supported: kit knows x86-64, x86-64-v2, x86-64-v3, native and these CPUs: {}",
                        cpu_names()
                    ));
                }
            },
        }
        Ok(())
    }

    /// The macros the set defines, in `EXTS` order.
    pub fn macros(self) -> impl Iterator<Item = &'static str> {
        EXTS.iter().enumerate().filter(move |(i, _)| self.0 & (1 << i) != 0).flat_map(|(_, e)| e.macros.iter().copied())
    }
}

fn cpu_names() -> String {
    ARCHES.iter().map(|(n, _)| *n).filter(|n| !n.starts_with("x86-64")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn macros(s: IsaSet) -> Vec<&'static str> {
        s.macros().collect()
    }

    #[test]
    fn implications_follow_gcc() {
        let mut s = IsaSet::default();
        s.enable("avx2");
        assert_eq!(
            macros(s),
            ["__SSE3__", "__SSSE3__", "__SSE4_1__", "__SSE4_2__", "__POPCNT__", "__CRC32__", "__AVX__", "__AVX2__", "__XSAVE__"]
        );
        s.disable("sse4.1");
        assert_eq!(macros(s), ["__SSE3__", "__SSSE3__", "__POPCNT__", "__CRC32__", "__XSAVE__"]);
    }

    #[test]
    fn arch_levels() {
        let mut s = IsaSet::default();
        s.set_arch("x86-64-v3").unwrap();
        let m = macros(s);
        for want in ["__AVX2__", "__FMA__", "__BMI2__", "__LZCNT__", "__F16C__", "__SSE4_2__"] {
            assert!(m.contains(&want), "{want} missing from {m:?}");
        }
        assert!(s.set_arch("x86-64-v4").unwrap_err().contains("x86-64-v4"));
        s.set_arch("x86-64").unwrap();
        assert!(macros(s).is_empty());
    }
}
