//! Symbols of the running process and loading shared libraries into it, so
//! JIT-compiled code can call the host's C library.

/// The address of `name` in the running process (and libraries loaded
/// with [`open_library`]).
pub fn lookup(name: &str) -> Option<usize> {
    #[cfg(unix)]
    {
        let c = std::ffi::CString::new(name).ok()?;
        // SAFETY: dlsym with a valid C string.
        let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c.as_ptr()) };
        (!p.is_null()).then_some(p as usize)
    }
    #[cfg(windows)]
    {
        win::lookup(name)
    }
}

/// Loads a shared library by path or soname, making its symbols visible to
/// [`lookup`].
pub fn open_library(path: &str) -> Result<(), String> {
    #[cfg(unix)]
    {
        let c = std::ffi::CString::new(path).map_err(|e| e.to_string())?;
        // SAFETY: dlopen with a valid C string.
        let h = unsafe { libc::dlopen(c.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL) };
        if h.is_null() {
            // SAFETY: dlerror returns a C string or null.
            let e = unsafe { libc::dlerror() };
            let msg = if e.is_null() { "unknown error".into() } else { unsafe { std::ffi::CStr::from_ptr(e) }.to_string_lossy().into_owned() };
            return Err(msg);
        }
        Ok(())
    }
    #[cfg(windows)]
    {
        win::load(path)
    }
}

fn is_elf(path: &str) -> bool {
    std::fs::read(path).map(|b| b.starts_with(b"\x7fELF")).unwrap_or(false)
}

/// Finds `lib<name>.so` for `-l<name>` in `dirs` and the system dirs. A
/// `.so` that is a linker script (glibc's libm.so) is skipped in favour of
/// the versioned file beside it.
pub fn find_library(name: &str, dirs: &[String]) -> Option<String> {
    let mut all: Vec<String> = dirs.to_vec();
    all.extend(crate::probe::probe_libc(crate::target::host_target().arch, None).lib_dirs);
    for d in &all {
        let p = format!("{d}/lib{name}.so");
        if crate::fs::is_file(&p) && is_elf(&p) {
            return Some(p);
        }
        let prefix = format!("lib{name}.so.");
        if let Ok(rd) = std::fs::read_dir(d) {
            let mut found: Vec<String> = rd
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| f.starts_with(&prefix))
                .collect();
            found.sort_by_key(|f| f.len());
            if let Some(f) = found.first() {
                return Some(format!("{d}/{f}"));
            }
        }
    }
    None
}

/// `-l<name>`: find and load the library.
pub fn open_library_in(name: &str, dirs: &[String]) -> Result<(), String> {
    match find_library(name, dirs) {
        Some(p) => open_library(&p),
        None => {
            // The soname may still be loadable from the loader's path.
            open_library(&format!("lib{name}.so")).map_err(|_| format!("lib{name}.so not found"))
        }
    }
}

#[cfg(windows)]
mod win {
    use windows_sys::Win32::System::LibraryLoader::{GetProcAddress, LoadLibraryW};
    use windows_sys::Win32::System::ProcessStatus::EnumProcessModules;
    use windows_sys::Win32::System::Threading::GetCurrentProcess;

    pub fn lookup(name: &str) -> Option<usize> {
        let c = std::ffi::CString::new(name).ok()?;
        let mut mods = vec![std::ptr::null_mut(); 1024];
        let mut needed = 0u32;
        // SAFETY: a buffer of module handles of the stated size.
        let ok = unsafe {
            EnumProcessModules(GetCurrentProcess(), mods.as_mut_ptr(), (mods.len() * std::mem::size_of::<usize>()) as u32, &mut needed)
        };
        if ok == 0 {
            return None;
        }
        let n = (needed as usize / std::mem::size_of::<usize>()).min(mods.len());
        for m in &mods[..n] {
            // SAFETY: a module handle from the snapshot.
            if let Some(p) = unsafe { GetProcAddress(*m, c.as_ptr() as *const u8) } {
                return Some(p as usize);
            }
        }
        None
    }

    pub fn load(path: &str) -> Result<(), String> {
        let w: Vec<u16> = path.encode_utf16().chain(std::iter::once(0)).collect();
        // SAFETY: a NUL-terminated wide string.
        let h = unsafe { LoadLibraryW(w.as_ptr()) };
        if h.is_null() { Err(format!("cannot load {path}")) } else { Ok(()) }
    }
}

#[cfg(all(test, unix))]
mod tests {
    #[test]
    fn finds_libc_and_libm() {
        assert!(super::lookup("printf").is_some());
        super::open_library_in("m", &[]).unwrap();
        assert!(super::lookup("cos").is_some());
    }
}
