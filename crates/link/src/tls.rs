//! Thread-local storage for JIT images. kit's code uses the general-dynamic
//! model (`__tls_get_addr(&{module, offset})`); the image's calls to
//! `__tls_get_addr` are bound to [`kit_tls_get_addr`], which hands each
//! thread its own copy of the image's TLS template, made on first use.

use std::cell::RefCell;
use std::sync::Mutex;

struct Template {
    data: Vec<u8>,
    size: usize,
    align: usize,
}

static TEMPLATES: Mutex<Vec<Template>> = Mutex::new(Vec::new());

thread_local! {
    static BLOCKS: RefCell<Vec<Option<Box<[u128]>>>> = const { RefCell::new(Vec::new()) };
}

/// Registers an image's TLS template (initialised data followed by zeros);
/// returns its module id (≥ 1).
pub fn register(data: Vec<u8>, size: usize, align: usize) -> usize {
    let mut t = TEMPLATES.lock().unwrap();
    t.push(Template { data, size, align });
    t.len()
}

/// `__tls_get_addr` for JIT images: `ti` points at `{module id, offset}`.
pub extern "C" fn kit_tls_get_addr(ti: *const [usize; 2]) -> *mut u8 {
    // SAFETY: the image passes a pointer to its GOT pair.
    let [module, offset] = unsafe { *ti };
    BLOCKS.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() < module {
            b.resize_with(module, || None);
        }
        let slot = &mut b[module - 1];
        if slot.is_none() {
            let t = TEMPLATES.lock().unwrap();
            let tpl = &t[module - 1];
            let _ = tpl.align; // u128 blocks are 16-byte aligned
            let mut block = vec![0u128; tpl.size.div_ceil(16).max(1)].into_boxed_slice();
            // SAFETY: the block has at least `size` bytes.
            unsafe { std::ptr::copy_nonoverlapping(tpl.data.as_ptr(), block.as_mut_ptr() as *mut u8, tpl.data.len()) };
            *slot = Some(block);
        }
        let base = slot.as_mut().unwrap().as_mut_ptr() as *mut u8;
        base.wrapping_add(offset)
    })
}
