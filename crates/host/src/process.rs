//! Leaving the process.

/// Exits through the C library's `exit`: flushes C stdio and runs
/// `atexit` handlers, as a native C program's exit would.
pub fn c_exit(status: i32) -> ! {
    #[cfg(unix)]
    // SAFETY: libc exit never returns.
    unsafe {
        libc::exit(status)
    }
    #[cfg(not(unix))]
    std::process::exit(status)
}

/// Exits immediately without running handlers (from a fault handler).
pub fn exit_now(status: i32) -> ! {
    #[cfg(unix)]
    // SAFETY: _exit is async-signal-safe and never returns.
    unsafe {
        libc::_exit(status)
    }
    #[cfg(not(unix))]
    std::process::exit(status)
}
