//! Symbols of the running process, and loading shared libraries into it,
//! so JIT-compiled C code can call the host's C library (and `-l` libs).
//!
//! POSIX: `dlsym(RTLD_DEFAULT)`; libraries are opened `RTLD_NOW |
//! RTLD_GLOBAL` so later lookups see their symbols. Windows: `GetProcAddress`
//! over a snapshot of the loaded modules (`EnumProcessModules`), refreshed
//! whenever [`open_library`] loads something.

use crate::fs::is_file;

/// The address of `name` in the running process or any library loaded
/// with [`open_library`].
pub fn lookup(name: &str) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    sys::lookup(name)
}

/// Loads a shared library, given as a path or file name
/// (`/x/libfoo.so`, `libm.so.6`, `foo.dll`) or as a bare `-l` name (`m`),
/// which is resolved with [`find_library`] and the usual fallbacks.
pub fn open_library(path_or_name: &str) -> Result<(), String> {
    if path_or_name.is_empty() {
        return Err("empty library name".to_string());
    }
    if looks_like_file(path_or_name) { sys::open(path_or_name) } else { open_library_in(path_or_name, &[]) }
}

/// `-l<name>`: finds the library in `dirs` and then the system library
/// directories, and loads it.
pub fn open_library_in(name: &str, dirs: &[String]) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty library name".to_string());
    }
    if sys::PROVIDED_BY_LIBC.contains(&name) {
        return Ok(());
    }
    let mut first_err = None;
    if let Some(path) = find_library(name, dirs) {
        match sys::open(&path) {
            Ok(()) => return Ok(()),
            Err(e) => first_err = Some(e),
        }
    }
    for cand in sys::fallback_names(name) {
        if sys::open(&cand).is_ok() {
            return Ok(());
        }
    }
    Err(first_err.unwrap_or_else(|| format!("library '{name}' not found")))
}

fn looks_like_file(s: &str) -> bool {
    s.contains(['/', '\\']) || s.contains(".so") || s.ends_with(".dylib") || s.to_ascii_lowercase().ends_with(".dll")
}

/// Finds the loadable file for `-l<name>` in `dirs`, then in the system
/// library directories. On ELF systems `lib<name>.so` is taken when it is
/// an ELF file; when it is a linker script (glibc's libm.so), the ELF
/// object the script names; else a versioned `lib<name>.so.<N>` beside it.
/// On Windows: `lib<name>.dll`, `<name>.dll` or `lib<name>-1.dll`.
pub fn find_library(name: &str, dirs: &[String]) -> Option<String> {
    if name.is_empty() || name.contains(['/', '\\', '\0']) {
        return None;
    }
    let mut all: Vec<String> = dirs.to_vec();
    if !cfg!(windows) {
        let probe = crate::probe::probe_libc(crate::target::host_target().arch, None);
        all.extend(probe.lib_dirs);
    }
    all.iter().find_map(|d| sys::find_in_dir(name, d))
}

#[cfg(unix)]
fn is_elf(path: &str) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut magic)).is_ok() && magic == *b"\x7fELF"
}

/// The files a GNU ld script names (`GROUP ( /lib/libm.so.6 AS_NEEDED (...) )`),
/// relative names resolved against `dir`.
#[cfg(unix)]
fn linker_script_inputs(text: &str, dir: &str) -> Vec<String> {
    let mut clean = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        clean.push_str(&rest[..i]);
        clean.push(' ');
        rest = match rest[i + 2..].find("*/") {
            Some(j) => &rest[i + 2 + j + 2..],
            None => "",
        };
    }
    clean.push_str(rest);
    clean
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|tok| tok.contains(".so") || tok.ends_with(".a"))
        .map(|tok| if tok.starts_with('/') { tok.to_string() } else { format!("{dir}/{tok}") })
        .collect()
}

#[cfg(unix)]
mod sys {
    use super::*;
    use std::ffi::{CStr, CString};

    /// `-l` names whose symbols the C library itself provides.
    #[cfg(target_env = "musl")]
    pub const PROVIDED_BY_LIBC: &[&str] = &["c", "m", "pthread", "dl", "rt", "util", "crypt", "xnet", "resolv"];
    #[cfg(target_vendor = "apple")]
    pub const PROVIDED_BY_LIBC: &[&str] = &["c", "m", "pthread", "dl"];
    #[cfg(not(any(target_env = "musl", target_vendor = "apple")))]
    pub const PROVIDED_BY_LIBC: &[&str] = &["c"];

    const SO: &str = if cfg!(target_vendor = "apple") { "dylib" } else { "so" };

    pub fn fallback_names(name: &str) -> Vec<String> {
        let mut v = vec![format!("lib{name}.{SO}")];
        // glibc's sonames, for systems without the -dev symlinks.
        let soname = match name {
            "m" => Some("libm.so.6"),
            "pthread" => Some("libpthread.so.0"),
            "dl" => Some("libdl.so.2"),
            "rt" => Some("librt.so.1"),
            "util" => Some("libutil.so.1"),
            "crypt" => Some("libcrypt.so.1"),
            "resolv" => Some("libresolv.so.2"),
            _ => None,
        };
        v.extend(soname.map(str::to_string));
        v
    }

    pub fn find_in_dir(name: &str, dir: &str) -> Option<String> {
        let plain = format!("{dir}/lib{name}.{SO}");
        if is_elf(&plain) || (cfg!(target_vendor = "apple") && is_file(&plain)) {
            return Some(plain);
        }
        if is_file(&plain) {
            // A linker script: prefer the ELF file named after the library.
            if let Ok(text) = std::fs::read_to_string(&plain) {
                let inputs: Vec<String> = linker_script_inputs(&text, dir).into_iter().filter(|f| is_elf(f)).collect();
                let own = format!("lib{name}.so");
                let base = |f: &String| f.rsplit('/').next().unwrap_or("").to_string();
                if let Some(f) = inputs.iter().find(|f| base(f).starts_with(&own)).or(inputs.first()) {
                    return Some(f.clone());
                }
            }
        }
        // A versioned file beside it: libm.so.6 before libm.so.6.0.1.
        let prefix = format!("lib{name}.{SO}.");
        let mut found: Vec<String> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| f.starts_with(&prefix) && is_elf(&format!("{dir}/{f}")))
            .collect();
        found.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
        found.first().map(|f| format!("{dir}/{f}"))
    }

    pub fn lookup(name: &str) -> Option<usize> {
        let c = CString::new(name).ok()?;
        // SAFETY: dlsym with RTLD_DEFAULT and a NUL-terminated name only
        // reads the loader's tables.
        let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c.as_ptr()) };
        (!p.is_null()).then_some(p as usize)
    }

    pub fn open(path: &str) -> Result<(), String> {
        let c = CString::new(path).map_err(|_| format!("{path}: name contains NUL"))?;
        // SAFETY: dlopen with a NUL-terminated name. The handle is never
        // closed: the library stays loaded for the life of the process.
        let h = unsafe { libc::dlopen(c.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL) };
        if !h.is_null() {
            return Ok(());
        }
        // SAFETY: dlerror returns null or a NUL-terminated string valid
        // until the next dl* call on this thread; we copy it at once.
        let msg = unsafe {
            let e = libc::dlerror();
            if e.is_null() { format!("cannot load {path}") } else { CStr::from_ptr(e).to_string_lossy().into_owned() }
        };
        Err(msg)
    }
}

#[cfg(windows)]
mod sys {
    use super::*;
    use std::sync::Mutex;
    use windows_sys::Win32::Foundation::HMODULE;
    use windows_sys::Win32::System::LibraryLoader::{GetProcAddress, LoadLibraryW};
    use windows_sys::Win32::System::ProcessStatus::EnumProcessModules;
    use windows_sys::Win32::System::Threading::GetCurrentProcess;

    /// The MinGW CRT (msvcrt/ucrt) provides libc and libm.
    pub const PROVIDED_BY_LIBC: &[&str] = &["c", "m"];

    /// Loaded modules as of the last snapshot (handles stored as integers).
    static MODULES: Mutex<Option<Vec<usize>>> = Mutex::new(None);

    pub fn fallback_names(name: &str) -> Vec<String> {
        vec![format!("lib{name}.dll"), format!("{name}.dll"), format!("lib{name}-1.dll")]
    }

    pub fn find_in_dir(name: &str, dir: &str) -> Option<String> {
        fallback_names(name).into_iter().map(|f| format!("{dir}\\{f}")).find(|p| is_file(p))
    }

    fn snapshot() -> Vec<usize> {
        let mut mods: Vec<HMODULE> = vec![std::ptr::null_mut(); 256];
        loop {
            let bytes = (mods.len() * std::mem::size_of::<HMODULE>()) as u32;
            let mut needed = 0u32;
            // SAFETY: `mods` holds `bytes` bytes of handle slots; the call
            // writes at most that many and reports the size it needed.
            let ok = unsafe { EnumProcessModules(GetCurrentProcess(), mods.as_mut_ptr(), bytes, &mut needed) };
            if ok == 0 {
                return Vec::new();
            }
            let n = needed as usize / std::mem::size_of::<HMODULE>();
            if n <= mods.len() {
                return mods[..n].iter().map(|&m| m as usize).collect();
            }
            mods.resize(n + 16, std::ptr::null_mut());
        }
    }

    pub fn lookup(name: &str) -> Option<usize> {
        let c = std::ffi::CString::new(name).ok()?;
        let mut guard = MODULES.lock().unwrap_or_else(|e| e.into_inner());
        let mods = guard.get_or_insert_with(snapshot);
        mods.iter().find_map(|&m| {
            // SAFETY: `m` is a module handle from the snapshot (modules
            // loaded by kit are never unloaded) and `c` is NUL-terminated.
            let p = unsafe { GetProcAddress(m as HMODULE, c.as_ptr().cast()) };
            p.map(|f| f as usize)
        })
    }

    pub fn open(path: &str) -> Result<(), String> {
        let wide: Vec<u16> = path.encode_utf16().chain(std::iter::once(0)).collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 string. The module is
        // never freed.
        let h = unsafe { LoadLibraryW(wide.as_ptr()) };
        if h.is_null() {
            return Err(format!("cannot load {path}: {}", std::io::Error::last_os_error()));
        }
        // The next lookup takes a fresh snapshot that includes it.
        *MODULES.lock().unwrap_or_else(|e| e.into_inner()) = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_names_are_errors() {
        assert!(lookup("").is_none());
        assert!(lookup("no_such_symbol_kit_xyz").is_none());
        assert!(lookup("nul\0inside").is_none());
        assert!(open_library("").is_err());
        assert!(open_library("kit-no-such-library-xyz").is_err());
        assert!(open_library("/nonexistent/libx.so").is_err());
        assert!(find_library("", &[]).is_none());
        assert!(find_library("../x", &[]).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn finds_libc_and_libm() {
        assert!(lookup("printf").is_some());
        assert!(lookup("malloc").is_some());
        open_library("m").unwrap();
        assert!(lookup("cos").is_some());
        open_library_in("m", &[]).unwrap();
        if cfg!(all(target_os = "linux", target_env = "gnu")) {
            let f = find_library("m", &[]).expect("libm");
            assert!(is_elf(&f), "{f}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn reads_linker_scripts() {
        let text = "/* GNU ld script */\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( /lib/x86_64-linux-gnu/libm.so.6  AS_NEEDED ( /lib/x86_64-linux-gnu/libmvec.so.1 ) )\n";
        assert_eq!(linker_script_inputs(text, "/d"), ["/lib/x86_64-linux-gnu/libm.so.6", "/lib/x86_64-linux-gnu/libmvec.so.1"]);
        assert_eq!(linker_script_inputs("INPUT(libfoo.so.1)", "/d"), ["/d/libfoo.so.1"]);
        assert!(linker_script_inputs("/* unterminated", "/d").is_empty());
    }
}
