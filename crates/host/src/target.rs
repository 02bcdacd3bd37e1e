//! The host target description.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Arch {
    X86_64,
    Aarch64,
    Riscv64,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Os {
    Linux,
    Windows,
    MacOs,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ObjFormat {
    Elf,
    Coff,
    MachO,
}

#[derive(Clone, Copy, Debug)]
pub struct HostTarget {
    pub arch: Arch,
    pub os: Os,
    pub obj_format: ObjFormat,
    pub pointer_size: u8,
    pub pic_default: bool,
}

pub fn host_target() -> HostTarget {
    let arch = if cfg!(target_arch = "aarch64") {
        Arch::Aarch64
    } else if cfg!(target_arch = "riscv64") {
        Arch::Riscv64
    } else {
        Arch::X86_64
    };
    let (os, obj_format) = if cfg!(windows) {
        (Os::Windows, ObjFormat::Coff)
    } else if cfg!(target_os = "macos") {
        (Os::MacOs, ObjFormat::MachO)
    } else {
        (Os::Linux, ObjFormat::Elf)
    };
    HostTarget { arch, os, obj_format, pointer_size: 8, pic_default: os == Os::Linux }
}
