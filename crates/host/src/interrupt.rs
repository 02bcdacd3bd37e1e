//! Ctrl-C delivery: a handler that records the interrupt in a flag the
//! debugger and REPL poll, instead of killing the process.

use std::sync::atomic::{AtomicBool, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_sigint(_: i32) {
    PENDING.store(true, Ordering::SeqCst);
}

#[cfg(windows)]
unsafe extern "system" fn on_ctrl(_: u32) -> i32 {
    PENDING.store(true, Ordering::SeqCst);
    1
}

/// Routes Ctrl-C to the flag read by [`take_ctrl_c`].
pub fn install_ctrl_c() {
    #[cfg(unix)]
    // SAFETY: installing a handler that only stores to an atomic.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
    #[cfg(windows)]
    // SAFETY: registering a console control handler.
    unsafe {
        windows_sys::Win32::System::Console::SetConsoleCtrlHandler(Some(on_ctrl), 1);
    }
}

/// Whether Ctrl-C was pressed since the last call (and clears it).
pub fn take_ctrl_c() -> bool {
    PENDING.swap(false, Ordering::SeqCst)
}

/// Restores the default Ctrl-C behaviour (terminate).
pub fn restore_default_ctrl_c() {
    #[cfg(unix)]
    // SAFETY: resetting SIGINT to its default disposition.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
    #[cfg(windows)]
    // SAFETY: removing our console control handler.
    unsafe {
        windows_sys::Win32::System::Console::SetConsoleCtrlHandler(Some(on_ctrl), 0);
    }
}

#[cfg(all(test, unix))]
mod tests {
    #[test]
    fn sigint_sets_the_flag() {
        super::install_ctrl_c();
        // SAFETY: raising SIGINT in this process, handled above.
        unsafe { libc::raise(libc::SIGINT) };
        assert!(super::take_ctrl_c());
        assert!(!super::take_ctrl_c());
        super::restore_default_ctrl_c();
    }
}
