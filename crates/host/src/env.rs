//! Environment, arguments, the cache directory and the build time.

pub fn var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

pub fn args() -> Vec<String> {
    std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect()
}

pub fn current_dir() -> Option<String> {
    std::env::current_dir().ok().map(|p| p.to_string_lossy().into_owned())
}

/// `$XDG_CACHE_HOME/kit`, else `%LOCALAPPDATA%\kit`, else `~/.cache/kit`.
pub fn cache_dir() -> String {
    if let Some(x) = var("XDG_CACHE_HOME").filter(|s| !s.is_empty()) {
        return format!("{x}/kit");
    }
    if cfg!(windows) {
        if let Some(l) = var("LOCALAPPDATA") {
            return format!("{l}\\kit");
        }
    }
    let home = var("HOME").or_else(|| var("USERPROFILE")).unwrap_or_else(|| ".".into());
    format!("{home}/.cache/kit")
}

/// Seconds since the epoch: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else now.
pub fn build_time() -> u64 {
    var("SOURCE_DATE_EPOCH").and_then(|s| s.trim().parse().ok()).unwrap_or_else(crate::time::now_unix)
}

/// The C `environ` array of this process (for `main`'s third argument).
pub fn environ_ptr() -> *const *const std::ffi::c_char {
    #[cfg(unix)]
    {
        unsafe extern "C" {
            static environ: *const *const std::ffi::c_char;
        }
        // SAFETY: reading the libc global.
        unsafe { environ }
    }
    #[cfg(not(unix))]
    {
        std::ptr::null()
    }
}

/// Number of hardware threads available to this process.
pub fn cpu_count() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
