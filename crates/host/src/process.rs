//! Leaving the process.

/// Exits through the C library's `exit`: C stdio buffers are flushed and
/// `atexit` handlers run, as when a native C program returns from `main`.
/// Used after running JIT-compiled C code that shares the host's libc.
pub fn c_exit(status: i32) -> ! {
    #[cfg(any(unix, windows))]
    {
        unsafe extern "C" {
            fn exit(status: std::ffi::c_int) -> !;
        }
        // SAFETY: the C library's exit takes any status and never returns.
        unsafe { exit(status) }
    }
    #[cfg(not(any(unix, windows)))]
    std::process::exit(status)
}

/// Exits immediately: no atexit handlers, no stdio flushing, no
/// destructors. Safe to call from a fault handler.
pub fn exit_now(status: i32) -> ! {
    #[cfg(unix)]
    {
        // SAFETY: _exit is async-signal-safe and never returns.
        unsafe { libc::_exit(status) }
    }
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Threading::{GetCurrentProcess, TerminateProcess};
        // SAFETY: terminating our own process through its pseudo-handle.
        unsafe {
            TerminateProcess(GetCurrentProcess(), status as u32);
        }
        // TerminateProcess does not return for the current process; this is
        // only reached if it somehow failed.
        std::process::abort()
    }
    #[cfg(not(any(unix, windows)))]
    std::process::exit(status)
}
