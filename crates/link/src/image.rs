//! A linked JIT image: its memory, symbols, constructors and symbolizer.

use crate::ehframe::EhFrameRegistration;
use crate::symbolize::{Symbolized, Symbolizer};
use host::exec_mem::ExecRegion;
use std::collections::HashMap;

/// A linked image living in executable memory of this process. The memory
/// is unmapped when the value is dropped (`kit run` leaks it while the
/// program runs).
pub struct JitImage {
    pub(crate) symbols: HashMap<String, usize>,
    /// Thread-local globals: offset in the image's TLS block.
    pub(crate) tls_symbols: HashMap<String, usize>,
    pub(crate) tls_module: usize,
    pub(crate) symbolizer: Symbolizer,
    /// `.init_array` entries in the order they run.
    pub(crate) init: Vec<usize>,
    /// `.fini_array` entries in array order (they run last to first).
    pub(crate) fini: Vec<usize>,
    pub(crate) atexit: Option<usize>,
    pub(crate) code: (usize, usize),
    // Dropped before the memory it points into.
    pub(crate) _eh_frame: Option<EhFrameRegistration>,
    pub(crate) region: ExecRegion,
}

impl JitImage {
    /// The runtime address of a global symbol defined in the image.
    pub fn symbol(&self, name: &str) -> Option<usize> {
        self.symbols.get(name).copied()
    }

    /// Every global symbol defined in the image with its address.
    pub fn symbols(&self) -> impl Iterator<Item = (&str, usize)> {
        self.symbols.iter().map(|(k, &v)| (k.as_str(), v))
    }

    /// The calling thread's instance of a thread-local global of the image.
    pub fn thread_local_address(&self, name: &str) -> Option<usize> {
        let off = *self.tls_symbols.get(name)?;
        // SAFETY: a pointer to a live pair.
        let p = unsafe { crate::tls::kit_tls_get_addr(&[self.tls_module, off]) };
        (!p.is_null()).then_some(p as usize)
    }

    /// Runs the `.init_array` entries (priority order, then object order),
    /// then registers the `.fini_array` entries with the C library's
    /// `atexit`, so they run at `exit` after the program's own handlers —
    /// the order a native program sees. Use [`JitImage::run_init_array`] and
    /// [`JitImage::run_destructors`] instead to drive both by hand.
    pub fn run_constructors(&self) {
        self.run_init_array();
        if let Some(atexit) = self.atexit {
            // SAFETY: `int atexit(void (*)(void))` (kit's shim over __cxa_atexit).
            let reg: extern "C" fn(usize) -> i32 = unsafe { std::mem::transmute(atexit) };
            // atexit runs last-registered first: register in array order so
            // the array runs last to first.
            for &f in &self.fini {
                reg(f);
            }
        }
    }

    /// Runs the `.init_array` entries only.
    pub fn run_init_array(&self) {
        for &f in &self.init {
            // SAFETY: constructors are `void (*)(void)` in the image.
            let func: extern "C" fn() = unsafe { std::mem::transmute(f) };
            func();
        }
    }

    /// Runs the `.fini_array` entries now (last to first). Not for images
    /// whose destructors [`JitImage::run_constructors`] registered with atexit.
    pub fn run_destructors(&self) {
        for f in self.destructors() {
            // SAFETY: destructors are `void (*)(void)` in the image.
            let func: extern "C" fn() = unsafe { std::mem::transmute(f) };
            func();
        }
    }

    /// Constructor addresses in the order they run.
    pub fn constructors(&self) -> &[usize] {
        &self.init
    }

    /// Destructor addresses in the order they run.
    pub fn destructors(&self) -> Vec<usize> {
        self.fini.iter().rev().copied().collect()
    }

    /// The function containing `addr`, the offset into it, and the source
    /// location (file, line) if the line table covers it. For a return
    /// address, ask for `addr - 1` to get the call's line.
    pub fn symbolize(&self, addr: usize) -> Option<Symbolized> {
        self.symbolizer.symbolize(addr)
    }

    /// Functions of the image as (start, end, name), sorted by address.
    pub fn functions(&self) -> &[(usize, usize, String)] {
        self.symbolizer.functions()
    }

    /// Whether `addr` lies in the image's memory.
    pub fn contains(&self, addr: usize) -> bool {
        let base = self.region.runtime_addr();
        addr >= base && addr - base < self.region.len()
    }

    /// The runtime address range of the image's code (including stubs).
    pub fn code_range(&self) -> (usize, usize) {
        self.code
    }

    /// Base address and length of the image's memory.
    pub fn memory(&self) -> (usize, usize) {
        (self.region.runtime_addr(), self.region.len())
    }
}

impl Drop for JitImage {
    fn drop(&mut self) {
        if self.tls_module != 0 {
            crate::tls::unregister(self.tls_module);
        }
    }
}
