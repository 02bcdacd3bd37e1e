//! One KIR function → machine code, relocations, line rows and an FDE.

use crate::abi::{incoming_offset, VaThunk};
use crate::lower::Lower;
use crate::names::Names;
use crate::relocs::{convert, FuncReloc};
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::Context;
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
    static CTX: RefCell<(Context, FunctionBuilderContext)> = RefCell::new((Context::new(), FunctionBuilderContext::new()));
}

pub(crate) fn compile_function(isa: &dyn TargetIsa, names: &Names, f: &kir::Function, optimize: bool, debug_info: bool) -> Result<CompiledFunc, String> {
    if f.blocks.is_empty() {
        return Err(format!("{}: function has no blocks", f.name));
    }
    CTX.with(|c| {
        let (ctx, fctx) = &mut *c.borrow_mut();
        ctx.clear();
        let mut lower = Lower::new(isa, names, f);
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
