//! One KIR function → machine code, relocations, line rows and an FDE.

use crate::abi::{VaThunk, incoming_offset};
use crate::lower::Lower;
use crate::names::Names;
use crate::relocs::{FuncReloc, convert};
use cranelift_codegen::Context;
use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_frontend::FunctionBuilderContext;
use std::cell::RefCell;

pub(crate) struct CompiledFunc {
    pub code: Vec<u8>,
    pub relocs: Vec<FuncReloc>,
    /// (code offset, source line), one row per change of line.
    pub lines: Vec<(u32, u32)>,
    pub thunks: Vec<VaThunk>,
    pub fde: Option<gimli::write::FrameDescriptionEntry>,
    /// Offsets from the frame pointer of `debug_locals` that live in slots
    /// (empty without debug info).
    pub locals: Vec<Option<i64>>,
}

thread_local! {
    /// Reused across functions: Cranelift's contexts keep their allocations.
    /// The second holds the vars-in-memory variant while the two compete.
    static CTX: RefCell<[(Context, FunctionBuilderContext); 2]> =
        RefCell::new([(Context::new(), FunctionBuilderContext::new()), (Context::new(), FunctionBuilderContext::new())]);
}

/// Lowers and compiles `f` into `ctx`.
fn compile_into<'a>(
    isa: &'a dyn TargetIsa,
    names: &'a Names,
    f: &'a kir::Function,
    optimize: bool,
    vars_in_memory: bool,
    (ctx, fctx): &mut (Context, FunctionBuilderContext),
) -> Result<Lower<'a>, String> {
    ctx.clear();
    let mut lower = Lower::new(isa, names, f, vars_in_memory);
    lower.build(&mut ctx.func, fctx)?;
    let mut ctrl = cranelift_codegen::control::ControlPlane::default();
    if optimize {
        // The ISA's own level is `none`, so `compile` below only lowers.
        let run = |ctx: &mut Context, ctrl: &mut _| {
            ctx.optimize(isa, ctrl)?;
            ctx.egraph_pass(isa, ctrl)
        };
        run(ctx, &mut ctrl).map_err(|e| format!("{}: cranelift: {e:?}", f.name))?;
        crate::remat::addresses(&mut ctx.func);
    }
    if let Err(e) = ctx.compile(isa, &mut ctrl) {
        return Err(format!("{}: cranelift: {:?}", f.name, e.inner));
    }
    Ok(lower)
}

/// Bytes of frame below the frame pointer.
fn frame_bytes(ctx: &Context) -> u32 {
    ctx.compiled_code().and_then(|c| c.buffer.frame_layout()).map_or(0, |l| l.frame_to_fp_offset)
}

/// Whether the frame may be larger than gcc -O0's, which gives every var
/// its own bytes (as kit -O0 does; kit's vars also hold some temporaries,
/// hence the margin). regalloc2's spill slots are a word (floats two)
/// whatever the value's size, and each callee-saved register it uses costs
/// a save slot, so a long function with many values live across calls can
/// need a frame above gcc -O0's: deep recursion that works with gcc would
/// overflow the stack. Such a function is compiled again with its vars in
/// memory ([`crate::var_homes`]), which is smaller where vars are
/// short-lived.
fn spills_beyond_vars(ctx: &Context, f: &kir::Function) -> bool {
    const WORTH_A_SECOND_COMPILE: u32 = 128;
    let frame = frame_bytes(ctx);
    let explicit: u32 = ctx.func.sized_stack_slots.values().map(|s| s.size).sum();
    let vars: u32 = f.vars.iter().map(|&t| crate::abi::cl_type(t).bytes()).sum();
    frame > WORTH_A_SECOND_COMPILE && frame * 8 > (explicit + vars) * 7
}

pub(crate) fn compile_function(
    isa: &dyn TargetIsa,
    names: &Names,
    f: &kir::Function,
    optimize: bool,
    debug_info: bool,
) -> Result<CompiledFunc, String> {
    if f.blocks.is_empty() {
        return Err(format!("{}: function has no blocks", f.name));
    }
    CTX.with(|c| {
        let [ssa, in_memory] = &mut *c.borrow_mut();
        let mut lower = compile_into(isa, names, f, optimize, false, ssa)?;
        let mut ctx = &ssa.0;
        // The variant with vars in memory is kept only where its frame is
        // smaller.
        if optimize && spills_beyond_vars(&ssa.0, f) {
            let alt = compile_into(isa, names, f, optimize, true, in_memory)?;
            if frame_bytes(&in_memory.0) < frame_bytes(&ssa.0) {
                lower = alt;
                ctx = &in_memory.0;
            }
        }
        let code = ctx.compiled_code().expect("compiled");
        let mut relocs = Vec::new();
        convert(&f.name, code.buffer.relocs(), ctx.func.params.user_named_funcs(), names, &mut relocs)?;
        let mut lines: Vec<(u32, u32)> = Vec::new();
        for sl in code.buffer.get_srclocs_sorted() {
            let line = sl.loc.bits();
            if line != 0 && !sl.loc.is_default() && lines.last().is_none_or(|l| l.1 != line) {
                lines.push((sl.start, line));
            }
        }
        let fde = match code.create_unwind_info(isa) {
            Ok(Some(UnwindInfo::SystemV(u))) => {
                Some(u.to_fde(gimli::write::Address::Symbol { symbol: names.id(&f.name) as usize, addend: 0 }))
            }
            Ok(_) => None,
            Err(e) => return Err(format!("{}: unwind info: {e:?}", f.name)),
        };
        let mut locals = Vec::new();
        if debug_info && let Some(layout) = code.buffer.frame_layout() {
            for l in &f.debug_locals {
                let off = match l.loc {
                    kir::DebugLoc::Slot(slot) => lower
                        .slots()
                        .get(slot.0 as usize)
                        .and_then(|&(ss, within)| layout.stackslots.get(ss).map(|s| s.offset as i64 + within as i64))
                        .map(|off| off - layout.frame_to_fp_offset as i64),
                    kir::DebugLoc::Incoming(p) => Some(incoming_offset(&f.sig, p)),
                    kir::DebugLoc::Symbol(_) | kir::DebugLoc::None => None,
                };
                locals.push(off);
            }
        }
        Ok(CompiledFunc { code: code.code_buffer().to_vec(), relocs, lines, thunks: std::mem::take(&mut lower.thunks), fde, locals })
    })
}
