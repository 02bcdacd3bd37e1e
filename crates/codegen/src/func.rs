//! One KIR function → Cranelift IR → machine code, relocations, line table.

use crate::module::{count_float_args, va_thunk_name, Names, VA_INDIRECT, VA_TARGET};
use crate::Options;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, types, AbiParam, ArgumentPurpose, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, TrapCode};
use cranelift_codegen::isa::{CallConv, TargetIsa};
use cranelift_codegen::{binemit::Reloc, Context};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use kir::{BinOp, CmpOp, ConvOp, Op, Param, Term, Type as KT, UnOp};
use obj::RelocKind;
use std::collections::HashMap;

pub(crate) struct FuncEnv<'a> {
    pub isa: &'a dyn TargetIsa,
    pub names: &'a Names,
    pub opts: &'a Options,
}

pub(crate) struct FuncReloc {
    pub offset: u32,
    pub kind: RelocKind,
    pub name: u32,
    pub addend: i64,
}

pub(crate) struct CompiledFunc {
    pub code: Vec<u8>,
    pub relocs: Vec<FuncReloc>,
    /// (code offset, source line)
    pub lines: Vec<(u32, u32)>,
    /// Variadic thunks this function calls: (thunk, callee, float count).
    pub thunks: Vec<(String, String, u32)>,
    pub uses_va_indirect: bool,
    pub fde: Option<gimli::write::FrameDescriptionEntry>,
}

fn cl_type(t: KT) -> ir::Type {
    match t {
        KT::I8 => types::I8,
        KT::I16 => types::I16,
        KT::I32 => types::I32,
        KT::I64 => types::I64,
        KT::I128 => types::I128,
        KT::F32 => types::F32,
        KT::F64 => types::F64,
    }
}

fn flags() -> MemFlagsData {
    MemFlagsData::new()
}

/// Register usage of a signature's named parameters (SysV x86-64).
struct RegUse {
    gp: u32,
    fp: u32,
    stack: u32,
}

fn reg_use(sig: &kir::Sig) -> RegUse {
    let mut r = RegUse { gp: sig.sret as u32, fp: 0, stack: 0 };
    for p in &sig.params {
        match p {
            Param::Scalar(t) if t.is_float() => {
                if r.fp < 8 {
                    r.fp += 1
                } else {
                    r.stack += 8
                }
            }
            Param::Scalar(KT::I128) => {
                if r.gp + 2 <= 6 {
                    r.gp += 2
                } else {
                    r.stack += 16
                }
            }
            Param::Scalar(_) => {
                if r.gp < 6 {
                    r.gp += 1
                } else {
                    r.stack += 8
                }
            }
            Param::ByVal { size, .. } => r.stack += size.next_multiple_of(8),
        }
    }
    r
}

/// The Cranelift signature of a KIR signature (plus extra variadic argument
/// types at a call site).
pub(crate) fn cl_sig(sig: &kir::Sig, extra: &[KT]) -> ir::Signature {
    let mut s = ir::Signature::new(CallConv::SystemV);
    if sig.sret {
        s.params.push(AbiParam::special(types::I64, ArgumentPurpose::StructReturn));
    }
    for p in &sig.params {
        s.params.push(match p {
            Param::Scalar(t) => AbiParam::new(cl_type(*t)),
            Param::ByVal { size, .. } => AbiParam::special(types::I64, ArgumentPurpose::StructArgument(size.next_multiple_of(8))),
        });
    }
    for t in extra {
        s.params.push(AbiParam::new(cl_type(*t)));
    }
    for t in &sig.rets {
        s.returns.push(AbiParam::new(cl_type(*t)));
    }
    s
}

thread_local! {
    static CTX: std::cell::RefCell<(Context, FunctionBuilderContext)> = std::cell::RefCell::new((Context::new(), FunctionBuilderContext::new()));
}

pub(crate) fn compile_function(env: &FuncEnv, f: &kir::Function) -> Result<CompiledFunc, String> {
    CTX.with(|c| {
        let (ctx, fctx) = &mut *c.borrow_mut();
        ctx.clear();
        let mut t = Translator::new(env, f);
        t.build(&mut ctx.func, fctx)?;
        let mut ctrl = cranelift_codegen::control::ControlPlane::default();
        ctx.compile(env.isa, &mut ctrl).map_err(|e| format!("{}: cranelift: {:?}", f.name, e.inner))?;
        let code = ctx.compiled_code().expect("compiled");
        let user_names = ctx.func.params.user_named_funcs();
        let mut relocs = Vec::new();
        for r in code.buffer.relocs() {
            let kind = match r.kind {
                Reloc::X86CallPCRel4 | Reloc::X86CallPLTRel4 => RelocKind::Plt32,
                Reloc::X86PCRel4 => RelocKind::PcRel32,
                Reloc::X86GOTPCRel4 => RelocKind::GotPcRel32,
                Reloc::Abs8 => RelocKind::Abs64,
                Reloc::Abs4 => RelocKind::Abs32,
                Reloc::ElfX86_64TlsGd => RelocKind::TlsGd,
                other => return Err(format!("{}: unsupported relocation {other:?}", f.name)),
            };
            let name = match &r.target {
                cranelift_codegen::FinalizedRelocTarget::ExternalName(ir::ExternalName::User(u)) => user_names[*u].index,
                cranelift_codegen::FinalizedRelocTarget::ExternalName(ir::ExternalName::LibCall(lc)) => {
                    let n = match lc {
                        ir::LibCall::ElfTlsGetAddr => "__tls_get_addr",
                        ir::LibCall::Memcpy => "memcpy",
                        ir::LibCall::Memset => "memset",
                        other => return Err(format!("{}: unsupported libcall {other:?}", f.name)),
                    };
                    match env.names.index.get(n) {
                        Some(&i) => i,
                        None => return Err(format!("{}: libcall {n} not in the symbol table", f.name)),
                    }
                }
                other => return Err(format!("{}: unsupported relocation target {other:?}", f.name)),
            };
            relocs.push(FuncReloc { offset: r.offset, kind, name, addend: r.addend });
        }
        let mut lines = Vec::new();
        let mut last = 0;
        for sl in code.buffer.get_srclocs_sorted() {
            let line = sl.loc.bits();
            if line != 0 && line != u32::MAX && line != last {
                lines.push((sl.start, line));
                last = line;
            }
        }
        let code_bytes = code.code_buffer().to_vec();
        let fde = match ctx.create_unwind_info(env.isa) {
            Ok(Some(cranelift_codegen::isa::unwind::UnwindInfo::SystemV(u))) => {
                Some(u.to_fde(gimli::write::Address::Symbol { symbol: env.names.id(&f.name) as usize, addend: 0 }))
            }
            _ => None,
        };
        Ok(CompiledFunc { code: code_bytes, relocs, lines, thunks: t.thunks, uses_va_indirect: t.uses_va_indirect, fde })
    })
}

struct Translator<'a> {
    env: &'a FuncEnv<'a>,
    f: &'a kir::Function,
    vals: Vec<Option<ir::Value>>,
    blocks: Vec<ir::Block>,
    vars: Vec<Variable>,
    slots: Vec<ir::StackSlot>,
    params: Vec<ir::Value>,
    sret: Option<ir::Value>,
    funcs: HashMap<(String, ir::Signature), ir::FuncRef>,
    gvs: HashMap<String, ir::GlobalValue>,
    alloca_mark: Option<ir::Value>,
    va_save: Option<ir::StackSlot>,
    thunks: Vec<(String, String, u32)>,
    uses_va_indirect: bool,
}

impl<'a> Translator<'a> {
    fn new(env: &'a FuncEnv<'a>, f: &'a kir::Function) -> Self {
        Translator {
            env,
            f,
            vals: vec![None; f.value_types.len()],
            blocks: Vec::new(),
            vars: Vec::new(),
            slots: Vec::new(),
            params: Vec::new(),
            sret: None,
            funcs: HashMap::new(),
            gvs: HashMap::new(),
            alloca_mark: None,
            va_save: None,
            thunks: Vec::new(),
            uses_va_indirect: false,
        }
    }

    fn v(&self, x: kir::Value) -> ir::Value {
        self.vals[x.0 as usize].unwrap_or_else(|| panic!("{}: KIR value %{} used before definition", self.f.name, x.0))
    }

    fn build(&mut self, func: &mut ir::Function, fctx: &mut FunctionBuilderContext) -> Result<(), String> {
        let f = self.f;
        let mut sig = cl_sig(&f.sig, &[]);
        let ru = reg_use(&f.sig);
        // Variadic definitions receive every argument register.
        let (extra_gp, extra_fp) = if f.sig.variadic { (6u32.saturating_sub(ru.gp), 8u32.saturating_sub(ru.fp)) } else { (0, 0) };
        let int_pos = sig.params.len();
        for _ in 0..extra_gp {
            sig.params.push(AbiParam::new(types::I64));
        }
        for _ in 0..extra_fp {
            sig.params.push(AbiParam::new(types::F64));
        }
        func.signature = sig;
        func.name = ir::UserFuncName::user(0, self.env.names.id(&f.name));
        let mut b = FunctionBuilder::new(func, fctx);
        for _ in &f.blocks {
            self.blocks.push(b.create_block());
        }
        let entry = self.blocks[0];
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let all: Vec<ir::Value> = b.block_params(entry).to_vec();
        let mut pi = 0;
        if f.sig.sret {
            self.sret = Some(all[0]);
            pi = 1;
        }
        self.params = all[pi..int_pos].to_vec();
        for &t in &f.vars {
            self.vars.push(b.declare_var(cl_type(t)));
        }
        for s in &f.slots {
            let align = s.align.max(1).next_power_of_two().trailing_zeros() as u8;
            self.slots.push(b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, s.size.max(1) as u32, align)));
        }
        if f.sig.variadic {
            // Register save area: rdi..r9 at 0..48, xmm0..7 at 48..176.
            let save = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 176, 4));
            for k in 0..extra_gp {
                let v = all[int_pos + k as usize];
                b.ins().stack_store(types::I64, v, save, (8 * (ru.gp + k)) as i32);
            }
            for k in 0..extra_fp {
                let v = all[int_pos + extra_gp as usize + k as usize];
                b.ins().stack_store(types::I64, v, save, (48 + 16 * (ru.fp + k)) as i32);
            }
            self.va_save = Some(save);
        }
        if f.blocks.iter().any(|bl| bl.insts.iter().any(|i| matches!(i.op, Op::Alloca { .. }))) {
            let r = self.call_named(&mut b, "__kit_alloca_mark", &[], &[types::I64], &[]);
            self.alloca_mark = Some(r[0]);
        }
        for (bi, bl) in f.blocks.iter().enumerate() {
            if bi > 0 {
                b.switch_to_block(self.blocks[bi]);
            }
            for inst in &bl.insts {
                b.set_srcloc(ir::SourceLoc::new(inst.line));
                self.inst(&mut b, inst, &ru)?;
            }
            self.term(&mut b, &bl.term);
        }
        b.seal_all_blocks();
        b.finalize(self.env.isa.frontend_config());
        Ok(())
    }

    fn func_ref(&mut self, b: &mut FunctionBuilder, name: &str, sig: ir::Signature) -> ir::FuncRef {
        let key = (name.to_string(), sig.clone());
        if let Some(&r) = self.funcs.get(&key) {
            return r;
        }
        let id = self.env.names.id(name);
        let nref = b.func.declare_imported_user_function(ir::UserExternalName::new(0, id));
        let sigref = b.import_signature(sig);
        let colocated = self.env.names.local.contains(name);
        let r = b.import_function(ir::ExtFuncData { name: ir::ExternalName::User(nref), signature: sigref, colocated, patchable: false });
        self.funcs.insert(key, r);
        r
    }

    fn call_named(&mut self, b: &mut FunctionBuilder, name: &str, params: &[ir::Type], rets: &[ir::Type], args: &[ir::Value]) -> Vec<ir::Value> {
        let mut sig = ir::Signature::new(CallConv::SystemV);
        let ptys: Vec<ir::Type> = if params.is_empty() { args.iter().map(|a| b.func.dfg.value_type(*a)).collect() } else { params.to_vec() };
        sig.params.extend(ptys.iter().map(|t| AbiParam::new(*t)));
        sig.returns.extend(rets.iter().map(|t| AbiParam::new(*t)));
        let fr = self.func_ref(b, name, sig);
        let c = b.ins().call(fr, args);
        b.inst_results(c).to_vec()
    }

    fn gv(&mut self, b: &mut FunctionBuilder, name: &str) -> ir::GlobalValue {
        if let Some(&g) = self.gvs.get(name) {
            return g;
        }
        let id = self.env.names.id(name);
        let nref = b.func.declare_imported_user_function(ir::UserExternalName::new(0, id));
        let tls = self.env.names.tls.contains(name);
        let colocated = self.env.names.local.contains(name) && !tls;
        let g = b.create_global_value(ir::GlobalValueData::Symbol { name: ir::ExternalName::User(nref), offset: ir::immediates::Imm64::new(0), colocated, tls });
        self.gvs.insert(name.to_string(), g);
        g
    }

    fn iconst(&self, b: &mut FunctionBuilder, t: KT, v: i128) -> ir::Value {
        if t == KT::I128 {
            let lo = b.ins().iconst(types::I64, v as i64);
            let hi = b.ins().iconst(types::I64, (v >> 64) as i64);
            return b.ins().iconcat(lo, hi);
        }
        let bits = t.bytes() * 8;
        let masked = if bits >= 64 { v as i64 } else { (v as u64 & ((1u64 << bits) - 1)) as i64 };
        b.ins().iconst(cl_type(t), masked)
    }

    fn set(&mut self, inst: &kir::Inst, v: ir::Value) {
        if let Some(r) = inst.result {
            self.vals[r.0 as usize] = Some(v);
        }
    }

    fn inst(&mut self, b: &mut FunctionBuilder, inst: &kir::Inst, ru: &RegUse) -> Result<(), String> {
        let f = self.f;
        let v = match &inst.op {
            Op::Iconst(t, c) => self.iconst(b, *t, *c),
            Op::Fconst(KT::F32, c) => b.ins().f32const(*c as f32),
            Op::Fconst(_, c) => b.ins().f64const(*c),
            Op::Bin(op, x, y) => {
                let (x, y) = (self.v(*x), self.v(*y));
                let t = b.func.dfg.value_type(x);
                if t == types::I128 && matches!(op, BinOp::SDiv | BinOp::UDiv | BinOp::SRem | BinOp::URem) {
                    let name = match op {
                        BinOp::SDiv => "__divti3",
                        BinOp::UDiv => "__udivti3",
                        BinOp::SRem => "__modti3",
                        _ => "__umodti3",
                    };
                    self.call_named(b, name, &[types::I128, types::I128], &[types::I128], &[x, y])[0]
                } else {
                    let i = b.ins();
                    match op {
                        BinOp::Add => i.iadd(x, y),
                        BinOp::Sub => i.isub(x, y),
                        BinOp::Mul => i.imul(x, y),
                        BinOp::SDiv => i.sdiv(x, y),
                        BinOp::UDiv => i.udiv(x, y),
                        BinOp::SRem => i.srem(x, y),
                        BinOp::URem => i.urem(x, y),
                        BinOp::And => i.band(x, y),
                        BinOp::Or => i.bor(x, y),
                        BinOp::Xor => i.bxor(x, y),
                        BinOp::Shl => i.ishl(x, y),
                        BinOp::SShr => i.sshr(x, y),
                        BinOp::UShr => i.ushr(x, y),
                        BinOp::FAdd => i.fadd(x, y),
                        BinOp::FSub => i.fsub(x, y),
                        BinOp::FMul => i.fmul(x, y),
                        BinOp::FDiv => i.fdiv(x, y),
                    }
                }
            }
            Op::Un(op, x) => {
                let x = self.v(*x);
                let i = b.ins();
                match op {
                    UnOp::Neg => i.ineg(x),
                    UnOp::Not => i.bnot(x),
                    UnOp::FNeg => i.fneg(x),
                    UnOp::Clz => i.clz(x),
                    UnOp::Ctz => i.ctz(x),
                    UnOp::Popcnt => i.popcnt(x),
                    UnOp::Bswap => i.bswap(x),
                    UnOp::FAbs => i.fabs(x),
                    UnOp::Sqrt => i.sqrt(x),
                }
            }
            Op::Cmp(op, x, y) => {
                let (x, y) = (self.v(*x), self.v(*y));
                let int = |cc| Some(cc);
                let icc = match op {
                    CmpOp::Eq => int(IntCC::Equal),
                    CmpOp::Ne => int(IntCC::NotEqual),
                    CmpOp::SLt => int(IntCC::SignedLessThan),
                    CmpOp::SLe => int(IntCC::SignedLessThanOrEqual),
                    CmpOp::SGt => int(IntCC::SignedGreaterThan),
                    CmpOp::SGe => int(IntCC::SignedGreaterThanOrEqual),
                    CmpOp::ULt => int(IntCC::UnsignedLessThan),
                    CmpOp::ULe => int(IntCC::UnsignedLessThanOrEqual),
                    CmpOp::UGt => int(IntCC::UnsignedGreaterThan),
                    CmpOp::UGe => int(IntCC::UnsignedGreaterThanOrEqual),
                    _ => None,
                };
                match icc {
                    Some(cc) => b.ins().icmp(cc, x, y),
                    None => {
                        let cc = match op {
                            CmpOp::FEq => FloatCC::Equal,
                            CmpOp::FNe => FloatCC::NotEqual,
                            CmpOp::FLt => FloatCC::LessThan,
                            CmpOp::FLe => FloatCC::LessThanOrEqual,
                            CmpOp::FGt => FloatCC::GreaterThan,
                            CmpOp::FGe => FloatCC::GreaterThanOrEqual,
                            _ => FloatCC::Unordered,
                        };
                        b.ins().fcmp(cc, x, y)
                    }
                }
            }
            Op::Conv(op, x, to) => self.conv(b, *op, self.v(*x), *to),
            Op::Select(c, x, y) => {
                let (c, x, y) = (self.v(*c), self.v(*x), self.v(*y));
                b.ins().select(c, x, y)
            }
            Op::Load { ty, addr, offset, .. } => {
                let a = self.v(*addr);
                b.ins().load(cl_type(*ty), flags(), a, *offset)
            }
            Op::Store { addr, offset, val, .. } => {
                let (a, x) = (self.v(*addr), self.v(*val));
                b.ins().store(flags(), x, a, *offset);
                return Ok(());
            }
            Op::SlotAddr(s) => b.ins().stack_addr(types::I64, self.slots[s.0 as usize], 0),
            Op::SymAddr(name, off) => {
                let g = self.gv(b, name);
                let base = if self.env.names.tls.contains(name) { b.ins().tls_value(types::I64, g) } else { b.ins().symbol_value(types::I64, g) };
                if *off != 0 { b.ins().iadd_imm(base, *off) } else { base }
            }
            Op::GetVar(x) => b.use_var(self.vars[x.0 as usize]),
            Op::SetVar(x, y) => {
                let y = self.v(*y);
                b.def_var(self.vars[x.0 as usize], y);
                return Ok(());
            }
            Op::Param(i) => {
                if *i == u32::MAX {
                    self.sret.ok_or_else(|| format!("{}: sret parameter in a function without one", f.name))?
                } else {
                    self.params[*i as usize]
                }
            }
            Op::Call { callee, sig, args, rets } => {
                self.call(b, callee, sig, args, rets)?;
                return Ok(());
            }
            Op::Copy { dst, src, size, .. } => {
                let (d, s) = (self.v(*dst), self.v(*src));
                self.mem_op(b, d, Some(s), *size);
                return Ok(());
            }
            Op::Zero { dst, size, .. } => {
                let d = self.v(*dst);
                self.mem_op(b, d, None, *size);
                return Ok(());
            }
            Op::Alloca { size, align } => {
                let s = self.v(*size);
                let a = b.ins().iconst(types::I64, *align as i64);
                self.call_named(b, "__kit_alloca", &[types::I64, types::I64], &[types::I64], &[s, a])[0]
            }
            Op::VaStart(addr) => {
                let a = self.v(*addr);
                let save = self.va_save.ok_or_else(|| format!("{}: va_start in a function without '...'", f.name))?;
                let gp = b.ins().iconst(types::I32, 8 * ru.gp as i64);
                b.ins().store(flags(), gp, a, 0);
                let fp = b.ins().iconst(types::I32, 48 + 16 * ru.fp as i64);
                b.ins().store(flags(), fp, a, 4);
                let frame = b.ins().get_frame_pointer(types::I64);
                let over = b.ins().iadd_imm(frame, 16 + ru.stack as i64);
                b.ins().store(flags(), over, a, 8);
                let sa = b.ins().stack_addr(types::I64, save, 0);
                b.ins().store(flags(), sa, a, 16);
                return Ok(());
            }
            Op::AtomicRmw { op, ty, addr, val } => {
                let (a, x) = (self.v(*addr), self.v(*val));
                let o = match op {
                    kir::AtomicOp::Add => ir::AtomicRmwOp::Add,
                    kir::AtomicOp::Sub => ir::AtomicRmwOp::Sub,
                    kir::AtomicOp::And => ir::AtomicRmwOp::And,
                    kir::AtomicOp::Or => ir::AtomicRmwOp::Or,
                    kir::AtomicOp::Xor => ir::AtomicRmwOp::Xor,
                    kir::AtomicOp::Nand => ir::AtomicRmwOp::Nand,
                    kir::AtomicOp::Xchg => ir::AtomicRmwOp::Xchg,
                };
                b.ins().atomic_rmw(cl_type(*ty), flags(), o, a, x)
            }
            Op::AtomicCas { addr, expected, new, .. } => {
                let (a, e, n) = (self.v(*addr), self.v(*expected), self.v(*new));
                b.ins().atomic_cas(flags(), a, e, n)
            }
            Op::AtomicLoad { ty, addr } => {
                let a = self.v(*addr);
                b.ins().atomic_load(cl_type(*ty), flags(), a)
            }
            Op::AtomicStore { addr, val } => {
                let (a, x) = (self.v(*addr), self.v(*val));
                b.ins().atomic_store(flags(), x, a);
                return Ok(());
            }
            Op::Fence => {
                b.ins().fence();
                return Ok(());
            }
            Op::FrameAddr => b.ins().get_frame_pointer(types::I64),
            Op::ReturnAddr => b.ins().get_return_address(types::I64),
        };
        self.set(inst, v);
        Ok(())
    }

    fn conv(&mut self, b: &mut FunctionBuilder, op: ConvOp, x: ir::Value, to: KT) -> ir::Value {
        let from = b.func.dfg.value_type(x);
        let t = cl_type(to);
        if from == t && !matches!(op, ConvOp::Bitcast) {
            return x;
        }
        match op {
            ConvOp::SExt => b.ins().sextend(t, x),
            ConvOp::ZExt => b.ins().uextend(t, x),
            ConvOp::Trunc => b.ins().ireduce(t, x),
            ConvOp::FExt => b.ins().fpromote(t, x),
            ConvOp::FTrunc => b.ins().fdemote(t, x),
            ConvOp::SToF | ConvOp::UToF if from == types::I128 => {
                // Through 64 bits: exact for the values C code converts in practice.
                let lo = b.ins().ireduce(types::I64, x);
                if op == ConvOp::SToF { b.ins().fcvt_from_sint(t, lo) } else { b.ins().fcvt_from_uint(t, lo) }
            }
            ConvOp::SToF => b.ins().fcvt_from_sint(t, x),
            ConvOp::UToF => b.ins().fcvt_from_uint(t, x),
            ConvOp::FToS | ConvOp::FToU if t == types::I128 => {
                let v = if op == ConvOp::FToS { b.ins().fcvt_to_sint_sat(types::I64, x) } else { b.ins().fcvt_to_uint_sat(types::I64, x) };
                if op == ConvOp::FToS { b.ins().sextend(t, v) } else { b.ins().uextend(t, v) }
            }
            ConvOp::FToS => b.ins().fcvt_to_sint_sat(t, x),
            ConvOp::FToU => b.ins().fcvt_to_uint_sat(t, x),
            ConvOp::Bitcast => {
                if from == t {
                    x
                } else {
                    b.ins().bitcast(t, flags(), x)
                }
            }
        }
    }

    /// memcpy (src Some) or memset-0 (src None): inline when small.
    fn mem_op(&mut self, b: &mut FunctionBuilder, d: ir::Value, s: Option<ir::Value>, size: u64) {
        if size <= 64 {
            let mut off = 0u64;
            let zero = if s.is_none() { Some(b.ins().iconst(types::I64, 0)) } else { None };
            while off < size {
                let left = size - off;
                let (t, n) = if left >= 8 {
                    (types::I64, 8)
                } else if left >= 4 {
                    (types::I32, 4)
                } else if left >= 2 {
                    (types::I16, 2)
                } else {
                    (types::I8, 1)
                };
                let v = match s {
                    Some(s) => b.ins().load(t, flags(), s, off as i32),
                    None => {
                        let z = zero.unwrap();
                        if t == types::I64 { z } else { b.ins().ireduce(t, z) }
                    }
                };
                b.ins().store(flags(), v, d, off as i32);
                off += n;
            }
            return;
        }
        let n = b.ins().iconst(types::I64, size as i64);
        match s {
            Some(s) => {
                self.call_named(b, "memcpy", &[types::I64, types::I64, types::I64], &[types::I64], &[d, s, n]);
            }
            None => {
                let z = b.ins().iconst(types::I32, 0);
                self.call_named(b, "memset", &[types::I64, types::I32, types::I64], &[types::I64], &[d, z, n]);
            }
        }
    }

    fn call(&mut self, b: &mut FunctionBuilder, callee: &kir::Callee, sig: &kir::Sig, args: &[kir::Value], rets: &[kir::Value]) -> Result<(), String> {
        let fixed = sig.params.len() + sig.sret as usize;
        let extra: Vec<KT> = args[fixed.min(args.len())..].iter().map(|a| self.f.ty(*a)).collect();
        let csig = cl_sig(sig, &extra);
        let argv: Vec<ir::Value> = args.iter().map(|a| self.v(*a)).collect();
        let inst = match callee {
            kir::Callee::Direct(name) => {
                let target = if sig.variadic {
                    let n = count_float_args(self.f, args);
                    let t = va_thunk_name(name, n);
                    if !self.thunks.iter().any(|x| x.0 == t) {
                        self.thunks.push((t.clone(), name.clone(), n));
                    }
                    t
                } else {
                    name.clone()
                };
                let fr = self.func_ref(b, &target, csig);
                b.ins().call(fr, &argv)
            }
            kir::Callee::Indirect(p) => {
                let p = self.v(*p);
                if sig.variadic {
                    // The target goes through a slot the `%al` thunk jumps
                    // through. TODO: per-thread slot.
                    self.uses_va_indirect = true;
                    let g = self.gv(b, VA_TARGET);
                    let a = b.ins().symbol_value(types::I64, g);
                    b.ins().store(flags(), p, a, 0);
                    let fr = self.func_ref(b, VA_INDIRECT, csig);
                    b.ins().call(fr, &argv)
                } else {
                    let sr = b.import_signature(csig);
                    b.ins().call_indirect(sr, p, &argv)
                }
            }
        };
        let results = b.inst_results(inst).to_vec();
        for (r, v) in rets.iter().zip(results) {
            self.vals[r.0 as usize] = Some(v);
        }
        Ok(())
    }

    fn term(&mut self, b: &mut FunctionBuilder, t: &Term) {
        match t {
            Term::Jump(x) => {
                b.ins().jump(self.blocks[x.0 as usize], &[]);
            }
            Term::Br { cond, then, els } => {
                let c = self.v(*cond);
                b.ins().brif(c, self.blocks[then.0 as usize], &[], self.blocks[els.0 as usize], &[]);
            }
            Term::Switch { val, cases, default } => {
                let v = self.v(*val);
                let bits = b.func.dfg.value_type(v).bits();
                let mask: u128 = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
                let mut sw = Switch::new();
                for (c, blk) in cases {
                    sw.set_entry((*c as u128) & mask, self.blocks[blk.0 as usize]);
                }
                sw.emit(b, v, self.blocks[default.0 as usize]);
            }
            Term::Ret(vs) => {
                if let Some(m) = self.alloca_mark {
                    self.call_named(b, "__kit_alloca_release", &[types::I64], &[], &[m]);
                }
                let vals: Vec<ir::Value> = vs.iter().map(|x| self.v(*x)).collect();
                b.ins().return_(&vals);
            }
            Term::Unreachable | Term::Trap => {
                b.ins().trap(TrapCode::unwrap_user(1));
            }
        }
    }
}
