//! Code generation: KIR → machine code through Cranelift → [`obj::Object`].
//!
//! kit does the C ABI work Cranelift leaves to frontends: `%al` for
//! variadic calls (small thunks), variadic definitions (a widened signature
//! spilling argument registers into a save area), dynamic stack allocation
//! (runtime helpers), 128-bit division (libgcc-compatible helpers).

mod debug;
mod func;
mod module;

pub use module::compile_module;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    X86_64,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub opt_level: u8,
    pub debug_info: bool,
    pub pic: bool,
    pub target: Target,
    /// The object is for the in-process JIT (no difference yet).
    pub jit: bool,
    /// Worker threads for compiling functions (the driver asks the host).
    pub threads: usize,
}

/// Runtime support kit's generated code calls, in C (compiled by kit).
/// `alloca` and VLAs: a per-thread stack of heap blocks released when the
/// allocating function returns (a `longjmp` past such a frame releases its
/// blocks at the next release of an outer frame).
pub const RUNTIME_C: &str = r#"
void *malloc(unsigned long);
void free(void *);
struct __kit_blk { struct __kit_blk *prev; unsigned long depth; };
static struct __kit_blk *__kit_top; /* TODO: per thread once the JIT has TLS */
static unsigned long __kit_depth;
__attribute__((weak, visibility("hidden"))) unsigned long __kit_alloca_mark(void) { return ++__kit_depth; }
__attribute__((weak, visibility("hidden"))) void *__kit_alloca(unsigned long size, unsigned long align) {
    unsigned long hdr = (sizeof(struct __kit_blk) + 15) & ~15UL;
    if (align < 16) align = 16;
    char *p = malloc(hdr + size + align);
    if (!p) return 0;
    struct __kit_blk *b = (struct __kit_blk *)p;
    b->prev = __kit_top;
    b->depth = __kit_depth;
    __kit_top = b;
    unsigned long a = ((unsigned long)p + hdr + align - 1) & ~(align - 1);
    return (void *)a;
}
__attribute__((weak, visibility("hidden"))) void __kit_alloca_release(unsigned long mark) {
    while (__kit_top && __kit_top->depth >= mark) {
        struct __kit_blk *b = __kit_top;
        __kit_top = b->prev;
        free(b);
    }
    __kit_depth = mark - 1;
}
"#;
