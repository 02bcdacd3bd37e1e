//! A description of the machine kit itself runs on, fixed at build time.

/// Instruction set architectures kit generates code for.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Arch {
    X86_64,
    Aarch64,
    Riscv64,
}

/// Operating systems kit knows how to target.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Os {
    Linux,
    Windows,
    MacOs,
}

/// Object file formats.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ObjFormat {
    Elf,
    Coff,
    MachO,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct HostTarget {
    pub arch: Arch,
    pub os: Os,
    pub obj_format: ObjFormat,
    /// Bytes in a pointer.
    pub pointer_size: u8,
    /// Whether the system compiler produces position-independent code by
    /// default (Linux distributions build PIE; macOS requires it; Windows
    /// images are relocated through base relocations instead).
    pub pic_default: bool,
}

/// The target kit was compiled for, which is the machine it runs on.
pub fn host_target() -> HostTarget {
    // Anything that is not aarch64 or riscv64 is treated as x86-64: kit
    // has no other backend, so other hosts describe themselves as the
    // closest supported one rather than failing.
    let arch = if cfg!(target_arch = "aarch64") {
        Arch::Aarch64
    } else if cfg!(target_arch = "riscv64") {
        Arch::Riscv64
    } else {
        Arch::X86_64
    };
    let (os, obj_format) = if cfg!(windows) {
        (Os::Windows, ObjFormat::Coff)
    } else if cfg!(target_vendor = "apple") {
        (Os::MacOs, ObjFormat::MachO)
    } else {
        (Os::Linux, ObjFormat::Elf)
    };
    HostTarget { arch, os, obj_format, pointer_size: std::mem::size_of::<usize>() as u8, pic_default: os != Os::Windows }
}

/// The x86-64 extensions the host CPU (and its OS, for AVX's register
/// state) supports, by their `-m` names: what `-march=native` enables.
pub fn cpu_extensions() -> Vec<&'static str> {
    #[cfg(target_arch = "x86_64")]
    {
        let mut out = Vec::new();
        macro_rules! probe {
            ($($feature:tt => $flag:literal),* $(,)?) => {
                $(if std::arch::is_x86_feature_detected!($feature) { out.push($flag); })*
            };
        }
        probe!(
            "sse3" => "sse3", "ssse3" => "ssse3", "sse4.1" => "sse4.1", "sse4.2" => "sse4.2",
            "popcnt" => "popcnt", "avx" => "avx", "avx2" => "avx2", "fma" => "fma", "f16c" => "f16c",
            "bmi1" => "bmi", "bmi2" => "bmi2", "lzcnt" => "lzcnt", "aes" => "aes", "pclmulqdq" => "pclmul",
            "sha" => "sha", "rdrand" => "rdrnd", "rdseed" => "rdseed", "adx" => "adx", "xsave" => "xsave",
        );
        out
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_this_machine() {
        let t = host_target();
        assert_eq!(t.pointer_size as usize, std::mem::size_of::<*const u8>());
        if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
            assert_eq!((t.arch, t.os, t.obj_format, t.pic_default), (Arch::X86_64, Os::Linux, ObjFormat::Elf, true));
        }
    }
}
