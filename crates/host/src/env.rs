//! The process environment: variables, arguments, the working directory,
//! the cache directory and the build time.

/// The value of an environment variable, if set and valid UTF-8.
pub fn var(name: &str) -> Option<String> {
    if name.is_empty() || name.contains(['=', '\0']) {
        return None;
    }
    std::env::var(name).ok()
}

/// The command line, program name first. Arguments that are not valid
/// UTF-8 are converted lossily.
pub fn args() -> Vec<String> {
    std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect()
}

/// The current working directory.
pub fn current_dir() -> Option<String> {
    std::env::current_dir().ok().map(|p| p.to_string_lossy().into_owned())
}

fn non_empty(name: &str) -> Option<String> {
    var(name).filter(|v| !v.is_empty())
}

/// Where kit keeps its cache: `$XDG_CACHE_HOME/kit`, else
/// `%LOCALAPPDATA%\kit` on Windows, else `~/.cache/kit`. With no usable
/// variable at all, a `kit-cache` directory in the system temp directory.
pub fn cache_dir() -> String {
    if let Some(x) = non_empty("XDG_CACHE_HOME") {
        return format!("{x}/kit");
    }
    if cfg!(windows)
        && let Some(l) = non_empty("LOCALAPPDATA")
    {
        return format!("{l}\\kit");
    }
    if let Some(h) = non_empty("HOME") {
        return format!("{h}/.cache/kit");
    }
    if cfg!(windows)
        && let Some(h) = non_empty("USERPROFILE")
    {
        return format!("{h}\\.cache\\kit");
    }
    std::env::temp_dir().join("kit-cache").to_string_lossy().into_owned()
}

/// The build time in seconds since the epoch: `SOURCE_DATE_EPOCH` when it
/// holds a valid non-negative integer (reproducible builds), else now.
pub fn build_time() -> u64 {
    parse_epoch(var("SOURCE_DATE_EPOCH").as_deref()).unwrap_or_else(crate::time::now_unix)
}

fn parse_epoch(v: Option<&str>) -> Option<u64> {
    v?.trim().parse().ok()
}

/// The C library's `environ` array of this process, for a C `main`'s third
/// argument. Null if unavailable.
pub fn environ_ptr() -> *const *const std::ffi::c_char {
    #[cfg(unix)]
    {
        unsafe extern "C" {
            static environ: *const *const std::ffi::c_char;
        }
        // SAFETY: `environ` is a libc global initialised before main; we
        // only read the pointer value.
        unsafe { environ }
    }
    #[cfg(windows)]
    {
        // The C runtime's `_environ`, a data export of msvcrt.dll (reached
        // through its `__imp__environ` import slot).
        #[link(name = "msvcrt")]
        unsafe extern "C" {
            static _environ: *const *const std::ffi::c_char;
        }
        // SAFETY: reading the pointer value of a CRT global that the MinGW
        // startup code initialised before main.
        unsafe { _environ }
    }
    #[cfg(not(any(unix, windows)))]
    {
        std::ptr::null()
    }
}

/// The number of hardware threads this process may use (at least 1).
pub fn cpu_count() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_parsing() {
        assert_eq!(parse_epoch(Some("1700000000")), Some(1_700_000_000));
        assert_eq!(parse_epoch(Some(" 42\n")), Some(42));
        assert_eq!(parse_epoch(Some("-1")), None);
        assert_eq!(parse_epoch(Some("soon")), None);
        assert_eq!(parse_epoch(None), None);
        assert!(build_time() > 0);
    }

    #[test]
    fn basics() {
        assert!(var("").is_none());
        assert!(var("A=B").is_none());
        assert!(!args().is_empty());
        assert!(cache_dir().ends_with("kit") || cache_dir().ends_with("kit-cache"));
        assert!(!environ_ptr().is_null());
        assert!(cpu_count() >= 1);
    }
}
