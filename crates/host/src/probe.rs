//! Finding the hosted C library: system headers, crt start files, library
//! directories, the libc itself and gcc's runtime directory. Only the file
//! system is consulted; kit never runs another compiler to ask.
//!
//! Layouts understood:
//! - Debian/Ubuntu multiarch (`/usr/include/<triple>`, `/usr/lib/<triple>`),
//!   Fedora-style `lib64`, musl (Alpine), all optionally under a sysroot;
//! - Debian cross packages (`/usr/<triple>/{include,lib}`,
//!   `/usr/lib/gcc-cross/<triple>/<ver>`) when probing another architecture
//!   without a sysroot;
//! - a MinGW-w64 sysroot (`<root>/include`, `<root>/lib/crt2.o`). On
//!   Windows hosts that is the only layout, and the sysroot must be given
//!   (`--sysroot` or `KIT_SYSROOT`): nothing is auto-discovered.
//!
//! gcc's own `include` directory is deliberately not reported: kit ships
//! its own freestanding headers (stddef.h, stdarg.h, ...).

use crate::fs::{canonicalize, is_dir, is_file};
use crate::target::{Arch, host_target};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibcProbe {
    /// System include directories in search order (like gcc's, minus gcc's
    /// private include directory).
    pub include_dirs: Vec<String>,
    /// The directory holding the start files (crt1.o, crti.o, crtn.o; for
    /// MinGW crt2.o).
    pub crt_dir: Option<String>,
    /// Library search directories in order.
    pub lib_dirs: Vec<String>,
    /// The C library's shared object (for MinGW: the CRT import library).
    pub libc_so: Option<String>,
    /// gcc's runtime directory (crtbegin.o, libgcc.a), if gcc is installed.
    pub gcc_lib_dir: Option<String>,
}

/// Probes for `arch`'s C library under `sysroot`, else under `KIT_SYSROOT`,
/// else in the host's root file system.
pub fn probe_libc(arch: Arch, sysroot: Option<&str>) -> LibcProbe {
    let root = sysroot
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .or_else(|| crate::env::var("KIT_SYSROOT").filter(|s| !s.is_empty()))
        .map(|r| r.trim_end_matches(['/', '\\']).to_string());
    if cfg!(windows) {
        return root.map(|r| probe_mingw(arch, &r)).unwrap_or_default();
    }
    match root {
        Some(r) if is_mingw_sysroot(&r) => probe_mingw(arch, &r),
        Some(r) => probe_unix(arch, &r),
        None => probe_unix(arch, ""),
    }
}

fn linux_triple(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "x86_64-linux-gnu",
        Arch::Aarch64 => "aarch64-linux-gnu",
        Arch::Riscv64 => "riscv64-linux-gnu",
    }
}

fn mingw_triple(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "x86_64-w64-mingw32",
        Arch::Aarch64 => "aarch64-w64-mingw32",
        // No such toolchain exists; the name keeps the probe total.
        Arch::Riscv64 => "riscv64-w64-mingw32",
    }
}

fn arch_name(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "x86_64",
        Arch::Aarch64 => "aarch64",
        Arch::Riscv64 => "riscv64",
    }
}

fn is_mingw_sysroot(root: &str) -> bool {
    !is_dir(&format!("{root}/usr/include")) && (is_file(&format!("{root}/lib/crt2.o")) || is_file(&format!("{root}/include/windows.h")))
}

fn is_elf(path: &str) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut magic)).is_ok() && magic == *b"\x7fELF"
}

/// Keeps the existing directories of `cands`, dropping later spellings of
/// a directory already listed (e.g. `/lib` when it links to `/usr/lib`).
fn existing_dirs(cands: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for d in cands {
        if !is_dir(&d) {
            continue;
        }
        let key = canonicalize(&d).unwrap_or_else(|| d.clone());
        if !seen.contains(&key) {
            seen.push(key);
            out.push(d);
        }
    }
    out
}

fn probe_unix(arch: Arch, root: &str) -> LibcProbe {
    let t = linux_triple(arch);
    let native = !root.is_empty() || arch == host_target().arch;
    let mut p = LibcProbe::default();
    if native {
        p.include_dirs =
            existing_dirs(vec![format!("{root}/usr/local/include"), format!("{root}/usr/include/{t}"), format!("{root}/usr/include")]);
        p.lib_dirs = existing_dirs(vec![
            format!("{root}/usr/lib/{t}"),
            format!("{root}/lib/{t}"),
            format!("{root}/usr/lib64"),
            format!("{root}/lib64"),
            format!("{root}/usr/lib"),
            format!("{root}/lib"),
        ]);
    } else {
        // Another architecture with no sysroot: only its own directories,
        // never the host's generic ones (they hold host binaries).
        let cross_inc = format!("/usr/{t}/include");
        p.include_dirs = if is_dir(&cross_inc) {
            vec![cross_inc]
        } else if is_dir(&format!("/usr/include/{t}")) {
            existing_dirs(vec![format!("/usr/include/{t}"), "/usr/include".to_string()])
        } else {
            Vec::new()
        };
        p.lib_dirs = existing_dirs(vec![format!("/usr/{t}/lib"), format!("/usr/lib/{t}"), format!("/lib/{t}")]);
    }
    p.crt_dir = p.lib_dirs.iter().find(|d| is_file(&format!("{d}/crt1.o"))).cloned();
    p.libc_so = p
        .lib_dirs
        .iter()
        .map(|d| format!("{d}/libc.so.6"))
        .find(|f| is_elf(f))
        .or_else(|| p.lib_dirs.iter().map(|d| format!("{d}/libc.so")).find(|f| is_elf(f)))
        .or_else(|| {
            let musl = format!("{root}/lib/ld-musl-{}.so.1", arch_name(arch));
            is_elf(&musl).then_some(musl)
        });
    let gcc_bases =
        if native { vec![format!("{root}/usr/lib/gcc"), format!("{root}/usr/lib64/gcc")] } else { vec!["/usr/lib/gcc-cross".to_string()] };
    p.gcc_lib_dir = gcc_bases.iter().find_map(|b| gcc_dir_under(b, t, arch_name(arch), "linux"));
    p
}

/// Probes a MinGW-w64 sysroot: `<root>/include`, `<root>/lib` (or the
/// same under `<root>/<triple>`), gcc's runtime in `<root>/lib/gcc` or the
/// Debian cross location `<root>/../lib/gcc`.
pub fn probe_mingw(arch: Arch, root: &str) -> LibcProbe {
    let root = root.trim_end_matches(['/', '\\']);
    let t = mingw_triple(arch);
    let mut p = LibcProbe {
        include_dirs: existing_dirs(vec![format!("{root}/include"), format!("{root}/{t}/include")]),
        lib_dirs: existing_dirs(vec![format!("{root}/lib"), format!("{root}/{t}/lib")]),
        ..LibcProbe::default()
    };
    p.crt_dir = p.lib_dirs.iter().find(|d| is_file(&format!("{d}/crt2.o"))).cloned();
    p.libc_so = p.lib_dirs.iter().flat_map(|d| [format!("{d}/libmsvcrt.a"), format!("{d}/libucrt.a")]).find(|f| is_file(f));
    let parent = std::path::Path::new(root).parent().map(|x| x.to_string_lossy().into_owned()).unwrap_or_default();
    p.gcc_lib_dir =
        [format!("{root}/lib/gcc"), format!("{parent}/lib/gcc")].iter().find_map(|b| gcc_dir_under(b, t, arch_name(arch), "mingw"));
    p
}

/// In `base` (e.g. /usr/lib/gcc), the newest `<triple>/<version>` holding
/// crtbegin.o (else libgcc.a). `triple` is preferred; otherwise any
/// directory named `<arch>-...` mentioning `flavour` (x86_64-redhat-linux,
/// x86_64-alpine-linux-musl, ...).
fn gcc_dir_under(base: &str, triple: &str, arch: &str, flavour: &str) -> Option<String> {
    let mut triples = vec![triple.to_string()];
    if let Ok(rd) = std::fs::read_dir(base) {
        let mut others: Vec<String> = rd
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != triple && n.starts_with(&format!("{arch}-")) && n.contains(flavour))
            .collect();
        others.sort();
        triples.extend(others);
    }
    for marker in ["crtbegin.o", "libgcc.a"] {
        for tr in &triples {
            let dir = format!("{base}/{tr}");
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            let mut versions: Vec<String> = rd
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|v| is_file(&format!("{dir}/{v}/{marker}")))
                .collect();
            versions.sort_by(|a, b| version_key(a).cmp(&version_key(b)).then(a.cmp(b)));
            if let Some(v) = versions.last() {
                return Some(format!("{dir}/{v}"));
            }
        }
    }
    None
}

/// "12.2.0" -> [12, 2, 0]; "13-win32" -> [13].
fn version_key(v: &str) -> Vec<u32> {
    let head: &str = v.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("");
    head.split('.').map(|x| x.parse().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_order() {
        assert!(version_key("12.2.0") < version_key("13"));
        assert!(version_key("9") < version_key("10"));
        assert_eq!(version_key("12-posix"), vec![12]);
    }

    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    #[test]
    fn finds_this_machines_libc() {
        if !is_file("/usr/include/stdio.h") {
            eprintln!("skipped: no C library headers installed");
            return;
        }
        let p = probe_libc(Arch::X86_64, None);
        assert!(p.include_dirs.iter().any(|d| d == "/usr/include"), "{p:?}");
        assert_eq!(p.include_dirs.last().map(String::as_str), Some("/usr/include"));
        assert!(!p.include_dirs.iter().any(|d| d.contains("/gcc/")), "{p:?}");
        let crt = p.crt_dir.clone().expect("crt dir");
        assert!(is_file(&format!("{crt}/crt1.o")) && is_file(&format!("{crt}/crti.o")));
        assert!(p.libc_so.as_deref().is_some_and(is_elf), "{p:?}");
        if is_dir("/usr/lib/gcc/x86_64-linux-gnu") {
            let g = p.gcc_lib_dir.clone().expect("gcc dir");
            assert!(is_file(&format!("{g}/crtbegin.o")));
        }
        // Another architecture never borrows the host's directories.
        let other = probe_libc(Arch::Aarch64, None);
        assert!(other.lib_dirs.iter().chain(&other.include_dirs).all(|d| d.contains("aarch64")), "{other:?}");
        // An explicit sysroot that does not exist finds nothing.
        assert_eq!(probe_libc(Arch::X86_64, Some("/nonexistent-root")), LibcProbe::default());
    }

    #[test]
    fn mingw_sysroot_when_installed() {
        let root = "/usr/x86_64-w64-mingw32";
        if !is_file(&format!("{root}/lib/crt2.o")) {
            eprintln!("skipped: no MinGW-w64 sysroot");
            return;
        }
        let p = probe_libc(Arch::X86_64, Some(root));
        assert_eq!(p.include_dirs, [format!("{root}/include")]);
        assert_eq!(p.crt_dir.as_deref(), Some(&*format!("{root}/lib")));
        assert!(p.libc_so.is_some());
        assert!(p.gcc_lib_dir.as_deref().is_some_and(|g| is_file(&format!("{g}/crtbegin.o"))), "{p:?}");
    }
}
