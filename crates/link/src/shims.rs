//! Symbols a JIT image needs that the process does not export: glibc keeps
//! `atexit` and `pthread_atfork` in libc_nonshared.a (linked statically into
//! programs), and `__tls_get_addr` must reach kit's TLS for the image.

use std::sync::OnceLock;

static CXA_ATEXIT: OnceLock<usize> = OnceLock::new();
static REGISTER_ATFORK: OnceLock<usize> = OnceLock::new();

extern "C" fn kit_atexit(f: usize) -> i32 {
    match CXA_ATEXIT.get() {
        Some(&a) if a != 0 => {
            // SAFETY: __cxa_atexit(void (*)(void *), void *, void *); a
            // `void (*)(void)` ignores the extra argument under SysV.
            let cxa: extern "C" fn(usize, usize, usize) -> i32 = unsafe { std::mem::transmute(a) };
            cxa(f, 0, 0)
        }
        _ => -1,
    }
}

extern "C" fn kit_pthread_atfork(prepare: usize, parent: usize, child: usize) -> i32 {
    match REGISTER_ATFORK.get() {
        Some(&a) if a != 0 => {
            // SAFETY: __register_atfork(prepare, parent, child, dso_handle).
            let reg: extern "C" fn(usize, usize, usize, usize) -> i32 = unsafe { std::mem::transmute(a) };
            reg(prepare, parent, child, 0)
        }
        _ => 0,
    }
}

pub(crate) fn lookup(name: &str, resolver: &dyn Fn(&str) -> Option<usize>) -> Option<usize> {
    match name {
        "__tls_get_addr" => Some(crate::tls::kit_tls_get_addr as *const () as usize),
        "atexit" => {
            let _ = CXA_ATEXIT.set(resolver("__cxa_atexit").unwrap_or(0));
            Some(kit_atexit as *const () as usize)
        }
        "pthread_atfork" => {
            let _ = REGISTER_ATFORK.set(resolver("__register_atfork").unwrap_or(0));
            Some(kit_pthread_atfork as *const () as usize)
        }
        _ => None,
    }
}
