//! Registering the image's `.eh_frame` with the process's unwinder
//! (libgcc's `__register_frame`), so `backtrace()`, `_Unwind_Backtrace` and
//! unwinding through JIT frames find their CFI. The image's `.eh_frame`
//! sections are laid out back to back and end with a zero terminator, which
//! is the list format `__register_frame` takes.

/// A registration, undone when the image goes away.
pub(crate) struct EhFrameRegistration {
    start: usize,
    deregister: usize,
}

impl EhFrameRegistration {
    /// Registers the list at `start` if the process has libgcc's unwinder.
    pub(crate) fn register(start: usize, resolver: &dyn Fn(&str) -> Option<usize>) -> Option<EhFrameRegistration> {
        let register = resolver("__register_frame")?;
        let deregister = resolver("__deregister_frame")?;
        // SAFETY: libgcc's `void __register_frame(void *)`; `start` holds a
        // terminated CIE/FDE list that lives as long as the registration.
        let f: extern "C" fn(usize) = unsafe { std::mem::transmute(register) };
        f(start);
        Some(EhFrameRegistration { start, deregister })
    }
}

impl Drop for EhFrameRegistration {
    fn drop(&mut self) {
        // SAFETY: libgcc's `void *__deregister_frame(void *)` for a list we registered.
        let f: extern "C" fn(usize) -> usize = unsafe { std::mem::transmute(self.deregister) };
        f(self.start);
    }
}
