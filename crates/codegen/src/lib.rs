//! Code generation: KIR → machine code through Cranelift → [`obj::Object`].
//!
//! Cranelift lowers each function; kit does the C ABI work Cranelift leaves
//! to frontends and builds what it does not emit:
//! - `%al` for variadic calls (tiny thunks, [`abi`]), variadic definitions
//!   (a widened signature spilling the argument registers into a save area);
//! - dynamic stack allocation (runtime helpers in [`RUNTIME_C`]), 128-bit
//!   division and int↔float conversion (libgcc's helpers), `long double`
//!   arithmetic on the x87 unit (stubs in [`x87`]);
//! - `.eh_frame` from Cranelift's unwind info, DWARF from its source
//!   locations, and the object's line table for JIT backtraces.
//!
//! Module map: `isa` (Cranelift flags), `names` (symbol table shared by the
//! worker threads), `abi` (signatures, register use, variadic thunks),
//! `lower` (KIR → CLIF), `func` (one function → code + relocations + lines +
//! FDE), `remat` (addresses recomputed where used), `relocs` (Cranelift → kit relocation kinds), `object` (assembling
//! text and symbols), `data` (globals, aliases, init/fini arrays), `unwind`
//! (`.eh_frame`), `dwarf` (`.debug_*`), `relwriter` (gimli output with
//! relocations), `x87` (`long double` stubs).

mod abi;
mod data;
mod dwarf;
mod func;
mod isa;
mod lower;
mod names;
mod object;
mod relocs;
mod relwriter;
mod remat;
mod unwind;
mod var_homes;
mod x87;

pub use object::compile_module;

/// The machine code is generated for. Only x86-64 SysV (Linux) today; the
/// ABI-specific parts (`abi`, thunks, `.eh_frame` CIE) are keyed on it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    X86_64,
}

#[derive(Clone, Debug)]
pub struct Options {
    /// 0: Cranelift `opt_level=none` (fast compiles); 1 and 2: `speed`.
    pub opt_level: u8,
    /// Emit DWARF (`.debug_info`, `.debug_line`, ...).
    pub debug_info: bool,
    /// Position-independent code (Debian's gcc builds PIE by default).
    pub pic: bool,
    pub target: Target,
    /// The object is for the in-process JIT (no difference yet).
    pub jit: bool,
    /// Worker threads for compiling functions (the driver asks the host;
    /// 0 = ask the standard library).
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { opt_level: 0, debug_info: false, pic: true, target: Target::X86_64, jit: false, threads: 0 }
    }
}

/// Runtime support that generated code calls, in plain C; the driver compiles
/// it (with kit) into any module that uses it, as weak hidden functions.
///
/// `alloca` and VLAs: Cranelift has no dynamic stack allocation, so a function
/// containing `Alloca` calls `__kit_alloca_mark()` on entry, `__kit_alloca`
/// per allocation and `__kit_alloca_release(mark)` before each return. The
/// blocks live on a per-thread list of `malloc`ed chunks tagged with the
/// frame depth. A `longjmp` out of such a frame skips its release: the blocks
/// leak until an enclosing frame returns (its release frees every deeper
/// block), which is acceptable.
pub const RUNTIME_C: &str = r#"
void *malloc(unsigned long);
void free(void *);
struct __kit_blk { struct __kit_blk *prev; unsigned long depth; };
static _Thread_local struct __kit_blk *__kit_top;
static _Thread_local unsigned long __kit_depth;
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
