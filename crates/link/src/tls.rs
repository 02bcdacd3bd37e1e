//! Thread-local storage for JIT images.
//!
//! Code reaches thread-locals through the general-dynamic model:
//! `lea x@tlsgd(%rip), %rdi; call __tls_get_addr` with `%rdi` pointing at a
//! GOT pair `{module, offset}` (local dynamic passes `{module, 0}` and adds
//! the variable's DTPOFF itself). The image's calls to `__tls_get_addr` are
//! bound to [`kit_tls_get_addr`]: each image registers its TLS template (the
//! `.tdata` bytes followed by zeros for `.tbss`) as a module, and every
//! thread gets its own block for each module, made from the template on the
//! thread's first access and freed when the thread exits. So a variable has
//! one instance per thread, exactly as under the dynamic loader.

use std::alloc::Layout;
use std::cell::RefCell;
use std::sync::{Arc, Mutex};

struct Template {
    init: Vec<u8>,
    layout: Layout,
}

/// Module `n` is `TEMPLATES[n - 1]`; unregistered modules leave `None`.
static TEMPLATES: Mutex<Vec<Option<Arc<Template>>>> = Mutex::new(Vec::new());

/// One thread's copy of one module's template.
struct Block {
    ptr: *mut u8,
    layout: Layout,
}

impl Drop for Block {
    fn drop(&mut self) {
        // SAFETY: allocated in `kit_tls_get_addr` with this layout.
        unsafe { std::alloc::dealloc(self.ptr, self.layout) }
    }
}

thread_local! {
    static BLOCKS: RefCell<Vec<Option<Block>>> = const { RefCell::new(Vec::new()) };
}

fn templates() -> std::sync::MutexGuard<'static, Vec<Option<Arc<Template>>>> {
    TEMPLATES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Registers a TLS template: `init` is the initialised prefix of a block of
/// `size` bytes aligned to `align`. Returns the module id (≥ 1).
pub(crate) fn register(init: Vec<u8>, size: usize, align: usize) -> Result<usize, String> {
    let layout = Layout::from_size_align(size.max(init.len()).max(1), align.max(1).next_power_of_two())
        .map_err(|e| format!("thread-local block of {size} bytes aligned to {align}: {e}"))?;
    let mut t = templates();
    t.push(Some(Arc::new(Template { init, layout })));
    Ok(t.len())
}

/// Forgets a module's template (its image is gone). Blocks already made
/// stay with their threads until those exit.
pub(crate) fn unregister(module: usize) {
    if let Some(slot) = templates().get_mut(module.wrapping_sub(1)) {
        *slot = None;
    }
}

fn new_block(module: usize) -> Option<Block> {
    let tpl = templates().get(module.checked_sub(1)?)?.clone()?;
    // SAFETY: the layout has a non-zero size.
    let ptr = unsafe { std::alloc::alloc_zeroed(tpl.layout) };
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the block holds at least `init.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(tpl.init.as_ptr(), ptr, tpl.init.len()) };
    Some(Block { ptr, layout: tpl.layout })
}

/// `__tls_get_addr` for JIT images: `ti` points at `{module id, offset}`;
/// returns the address of that offset in the calling thread's block.
/// Returns null for an unknown module (the image then faults, as a bad TLS
/// access would natively) instead of unwinding into C code.
///
/// # Safety
/// `ti` must be null or point at two readable words.
pub unsafe extern "C" fn kit_tls_get_addr(ti: *const [usize; 2]) -> *mut u8 {
    if ti.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: the caller (the image) passes a pointer to one of its GOT pairs.
    let [module, offset] = unsafe { ti.read_unaligned() };
    BLOCKS
        .try_with(|blocks| {
            let mut blocks = blocks.borrow_mut();
            let i = module.checked_sub(1)?;
            if blocks.len() <= i {
                blocks.resize_with(i + 1, || None);
            }
            if blocks[i].is_none() {
                blocks[i] = Some(new_block(module)?);
            }
            blocks[i].as_ref().map(|b| b.ptr.wrapping_add(offset))
        })
        .ok()
        .flatten()
        .unwrap_or(std::ptr::null_mut())
}
