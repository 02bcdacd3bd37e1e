//! Finding the hosted C library: headers, crt objects, libraries. Probes
//! the file system only (kit never runs another compiler to ask).

use crate::fs::{is_dir, is_file};
use crate::target::Arch;

#[derive(Clone, Debug, Default)]
pub struct LibcProbe {
    /// System include directories in search order.
    pub include_dirs: Vec<String>,
    /// Directory holding crt1.o, crti.o, crtn.o.
    pub crt_dir: Option<String>,
    pub lib_dirs: Vec<String>,
    pub libc_so: Option<String>,
    /// gcc's private directory (crtbegin.o, libgcc.a), if installed.
    pub gcc_lib_dir: Option<String>,
}

fn triple(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "x86_64-linux-gnu",
        Arch::Aarch64 => "aarch64-linux-gnu",
        Arch::Riscv64 => "riscv64-linux-gnu",
    }
}

pub fn probe_libc(arch: Arch, sysroot: Option<&str>) -> LibcProbe {
    let root = sysroot.map(|s| s.trim_end_matches('/').to_string()).or_else(|| crate::env::var("KIT_SYSROOT")).unwrap_or_default();
    let t = triple(arch);
    let mut p = LibcProbe::default();
    for d in [format!("{root}/usr/local/include"), format!("{root}/usr/include/{t}"), format!("{root}/usr/include")] {
        if is_dir(&d) {
            p.include_dirs.push(d);
        }
    }
    for d in [format!("{root}/usr/lib/{t}"), format!("{root}/lib/{t}"), format!("{root}/usr/lib"), format!("{root}/lib")] {
        if is_dir(&d) {
            if p.crt_dir.is_none() && is_file(&format!("{d}/crt1.o")) {
                p.crt_dir = Some(d.clone());
            }
            if p.libc_so.is_none() && is_file(&format!("{d}/libc.so.6")) {
                p.libc_so = Some(format!("{d}/libc.so.6"));
            }
            p.lib_dirs.push(d);
        }
    }
    let gcc = format!("{root}/usr/lib/gcc/{t}");
    if let Ok(rd) = std::fs::read_dir(&gcc) {
        let mut vers: Vec<String> = rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        vers.sort_by_key(|v| v.split('.').map(|x| x.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>());
        if let Some(v) = vers.last() {
            p.gcc_lib_dir = Some(format!("{gcc}/{v}"));
        }
    }
    p
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_headers_here() {
        if !std::path::Path::new("/usr/include/stdio.h").exists() {
            eprintln!("skipped: no /usr/include/stdio.h on this machine");
            return;
        }
        let p = super::probe_libc(crate::target::Arch::X86_64, None);
        assert!(p.include_dirs.iter().any(|d| d == "/usr/include"));
    }
}
