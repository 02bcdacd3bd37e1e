//! KIR → CLIF for one function. KIR values map to CLIF values directly (KIR
//! guarantees dominance), vars to `Variable`s (SSA built by
//! cranelift-frontend), slots to explicit stack slots.

use crate::abi::{ArgPiece, FP_ARGS, GP_ARGS, RegUse, VA_SLOT, VaThunk, cl_sig, cl_type, incoming_offset, spread_byval};
use crate::names::Names;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, AbiParam, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, TrapCode, types};
use cranelift_codegen::isa::{CallConv, TargetIsa};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use kir::{BinOp, CmpOp, ConvOp, Op, Term, Type as KT, UnOp};
use std::collections::HashMap;

/// Plain memory access: volatile accesses too (Cranelift neither merges nor
/// removes loads and stores it cannot prove redundant), and never `notrap`,
/// so faults in C code are real faults.
fn mem() -> MemFlagsData {
    MemFlagsData::new()
}

/// Bytes `offset..offset + len` (`len` ≤ 8) at `addr`, zero-extended to
/// an `i64`, read without touching memory past them.
fn load_bytes(b: &mut FunctionBuilder, addr: ir::Value, offset: u32, len: u32) -> ir::Value {
    if len == 8 {
        return b.ins().load(types::I64, mem(), addr, offset as i32);
    }
    let mut value = b.ins().iconst(types::I64, 0);
    let mut done = 0;
    for piece in [4, 2, 1] {
        if len - done >= piece {
            let ty = ir::Type::int_with_byte_size(piece as u16).expect("integer type");
            let part = b.ins().load(ty, mem(), addr, (offset + done) as i32);
            let part = b.ins().uextend(types::I64, part);
            let part = b.ins().ishl_imm_u(part, i64::from(done * 8));
            value = b.ins().bor(value, part);
            done += piece;
        }
    }
    value
}

/// Loads of scalar parameters from the caller's argument area, which the
/// callee never writes: `remat` recognizes them by these flags.
pub(crate) fn incoming_scalar() -> MemFlagsData {
    let mut f = MemFlagsData::trusted();
    f.set_readonly();
    f
}

/// Whether parameter `i` (a scalar) is passed on the stack.
fn on_stack(sig: &kir::Sig, i: u32) -> bool {
    let before = RegUse::of(sig.sret, sig.params[..i as usize].iter().copied());
    let through = RegUse::of(sig.sret, sig.params[..=i as usize].iter().copied());
    through.stack > before.stack
}

/// Variadic definitions: the extra argument registers spill here, in the
/// SysV register save area layout (rdi..r9 at 0..48, xmm0..7 at 48..176).
struct VaSave {
    slot: ir::StackSlot,
    named: RegUse,
}

/// Where a KIR var lives.
#[derive(Clone, Copy)]
enum VarHome {
    Ssa(Variable),
    /// A place in the frame: (slot, offset).
    Frame(ir::StackSlot, i32),
}

pub(crate) struct Lower<'a> {
    isa: &'a dyn TargetIsa,
    names: &'a Names,
    f: &'a kir::Function,
    vals: Vec<Option<ir::Value>>,
    blocks: Vec<ir::Block>,
    vars: Vec<VarHome>,
    vars_in_memory: bool,
    /// Each KIR slot: a Cranelift slot and the offset in it.
    slots: Vec<(ir::StackSlot, u32)>,
    params: Vec<ir::Value>,
    sret: Option<ir::Value>,
    funcs: HashMap<(u32, ir::Signature), ir::FuncRef>,
    gvs: HashMap<(u32, i64), ir::GlobalValue>,
    alloca_mark: Option<ir::Value>,
    va: Option<VaSave>,
    /// Variadic-call thunks this function calls.
    pub thunks: Vec<VaThunk>,
}

impl<'a> Lower<'a> {
    /// `vars_in_memory` gives every KIR var a home in the frame instead of
    /// an SSA value: see `func::compile_function`.
    pub fn new(isa: &'a dyn TargetIsa, names: &'a Names, f: &'a kir::Function, vars_in_memory: bool) -> Self {
        Lower {
            isa,
            names,
            f,
            vals: vec![None; f.value_types.len()],
            blocks: Vec::new(),
            vars: Vec::new(),
            vars_in_memory,
            slots: Vec::new(),
            params: Vec::new(),
            sret: None,
            funcs: HashMap::new(),
            gvs: HashMap::new(),
            alloca_mark: None,
            va: None,
            thunks: Vec::new(),
        }
    }

    /// Parameter `i`. An object passed in memory is addressed off the frame
    /// pointer rather than through Cranelift's parameter value: `remat` can
    /// then recompute the address where it is used instead of keeping it
    /// in a register for the whole function.
    ///
    /// A scalar that arrived on the stack is loaded from there: the load is
    /// read-only (nothing else knows that address), so `remat` reloads it
    /// where it is used instead of keeping it in a register or a spill
    /// slot across calls, as gcc uses its incoming slot.
    fn param(&self, b: &mut FunctionBuilder, i: u32) -> Result<ir::Value, String> {
        let v = *self.params.get(i as usize).ok_or_else(|| format!("{}: no parameter {i}", self.f.name))?;
        let sig = &self.f.sig;
        let in_frame = |b: &mut FunctionBuilder| {
            let fp = b.ins().get_frame_pointer(types::I64);
            let offset = b.ins().iconst(types::I64, incoming_offset(sig, i));
            b.ins().iadd(fp, offset)
        };
        match sig.params.get(i as usize) {
            Some(kir::Param::ByVal { .. }) => Ok(in_frame(b)),
            Some(&kir::Param::Scalar(t)) if t != KT::I128 && on_stack(sig, i) => {
                let addr = in_frame(b);
                Ok(b.ins().load(cl_type(t), incoming_scalar(), addr, 0))
            }
            _ => Ok(v),
        }
    }

    /// Vars become Cranelift variables, or with `vars_in_memory`, places in
    /// one frame slot (see [`crate::var_homes`]).
    fn declare_vars(&mut self, b: &mut FunctionBuilder) {
        let f = self.f;
        if !self.vars_in_memory {
            self.vars.extend(f.vars.iter().map(|t| VarHome::Ssa(b.declare_var(cl_type(*t)))));
            return;
        }
        let homes = crate::var_homes::pack(f);
        let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, homes.size.max(1), 4));
        self.vars.extend(homes.offsets.into_iter().map(|off| VarHome::Frame(slot, off as i32)));
    }

    fn v(&self, x: kir::Value) -> Result<ir::Value, String> {
        self.vals[x.0 as usize].ok_or_else(|| format!("{}: KIR value %{} used before its definition", self.f.name, x.0))
    }

    /// The slots, in KIR order (their frame offsets are debug info).
    pub fn slots(&self) -> &[(ir::StackSlot, u32)] {
        &self.slots
    }

    pub fn build(&mut self, func: &mut ir::Function, fctx: &mut FunctionBuilderContext) -> Result<(), String> {
        let f = self.f;
        let named = RegUse::of_sig(&f.sig);
        // A variadic definition takes every argument register as a parameter
        // (after the named ones, which occupy the first of each class).
        let (extra_gp, extra_fp) = if f.sig.variadic { (named.free_gp(), named.free_fp()) } else { (0, 0) };
        let extra = std::iter::repeat_n(types::I64, extra_gp as usize).chain(std::iter::repeat_n(types::F64, extra_fp as usize));
        func.signature = cl_sig(&f.sig, extra);
        func.name = ir::UserFuncName::user(0, self.names.id(&f.name));
        let mut b = FunctionBuilder::new(func, fctx);
        self.blocks.extend(f.blocks.iter().map(|_| b.create_block()));
        let entry = self.blocks[0];
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let all: Vec<ir::Value> = b.block_params(entry).to_vec();
        let first = f.sig.sret as usize;
        self.sret = f.sig.sret.then(|| all[0]);
        let nnamed = first + f.sig.params.len();
        self.params = all[first..nnamed].to_vec();
        self.declare_vars(&mut b);
        // Cranelift word-aligns every slot; objects smaller than a word
        // (most `int`, `short` and `char` locals) share one slot instead,
        // each at its own alignment, as in gcc's frames.
        let small = |s: &kir::SlotData| s.size < 8;
        let mut packed = 0u32;
        let offsets: Vec<u32> = f
            .slots
            .iter()
            .map(|s| {
                if !small(s) {
                    return 0;
                }
                let off = packed.next_multiple_of(s.align.max(1));
                packed = off + s.size.max(1) as u32;
                off
            })
            .collect();
        let pack = (packed > 0).then(|| b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, packed, 3)));
        for (s, off) in f.slots.iter().zip(offsets) {
            if let (true, Some(p)) = (small(s), pack) {
                self.slots.push((p, off));
                continue;
            }
            let align_shift = s.align.max(1).next_power_of_two().trailing_zeros() as u8;
            let size = u32::try_from(s.size.max(1)).map_err(|_| format!("{}: stack object '{}' is too large", f.name, s.name))?;
            self.slots.push((b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, align_shift)), 0));
        }
        if f.sig.variadic {
            let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 176, 4));
            for k in 0..extra_gp {
                let v = all[nnamed + k as usize];
                b.ins().stack_store(types::I64, v, slot, (8 * (named.gp + k)) as i32);
            }
            for k in 0..extra_fp {
                let v = all[nnamed + (extra_gp + k) as usize];
                b.ins().stack_store(types::I64, v, slot, (48 + 16 * (named.fp + k)) as i32);
            }
            self.va = Some(VaSave { slot, named });
        }
        if f.blocks.iter().any(|bl| bl.insts.iter().any(|i| matches!(i.op, Op::Alloca { .. }))) {
            self.alloca_mark = Some(self.call_named(&mut b, "__kit_alloca_mark", &[], &[types::I64], &[])[0]);
        }
        for (bi, bl) in f.blocks.iter().enumerate() {
            if bi > 0 {
                b.switch_to_block(self.blocks[bi]);
            }
            for inst in &bl.insts {
                b.set_srcloc(ir::SourceLoc::new(inst.line));
                self.inst(&mut b, inst)?;
            }
            self.term(&mut b, &bl.term)?;
        }
        b.seal_all_blocks();
        b.finalize(self.isa.frontend_config());
        Ok(())
    }

    fn func_ref(&mut self, b: &mut FunctionBuilder, name: &str, sig: ir::Signature) -> ir::FuncRef {
        let id = self.names.id(name);
        let key = (id, sig);
        if let Some(&r) = self.funcs.get(&key) {
            return r;
        }
        let nref = b.func.declare_imported_user_function(ir::UserExternalName::new(0, id));
        let signature = b.import_signature(key.1.clone());
        // Module-local: a direct `call rel32`; otherwise through the PLT.
        let colocated = self.names.is_local(name);
        let r = b.import_function(ir::ExtFuncData { name: ir::ExternalName::User(nref), signature, colocated, patchable: false });
        self.funcs.insert(key, r);
        r
    }

    /// Calls a helper by name; `params` empty means "the arguments' types".
    fn call_named(
        &mut self,
        b: &mut FunctionBuilder,
        name: &str,
        params: &[ir::Type],
        rets: &[ir::Type],
        args: &[ir::Value],
    ) -> Vec<ir::Value> {
        let mut sig = ir::Signature::new(CallConv::SystemV);
        if params.is_empty() {
            sig.params.extend(args.iter().map(|a| AbiParam::new(b.func.dfg.value_type(*a))));
        } else {
            sig.params.extend(params.iter().map(|t| AbiParam::new(*t)));
        }
        sig.returns.extend(rets.iter().map(|t| AbiParam::new(*t)));
        let fr = self.func_ref(b, name, sig);
        let c = b.ins().call(fr, args);
        b.inst_results(c).to_vec()
    }

    /// The address of `name + off`; module-local symbols fold the offset
    /// into one `lea sym+off(%rip)`.
    fn symbol_addr(&mut self, b: &mut FunctionBuilder, name: &str, off: i64) -> ir::Value {
        let id = self.names.id(name);
        let tls = self.names.is_tls(name);
        // Module-local: `lea sym(%rip)`; otherwise a GOT load (PIC).
        // Thread-locals always take Cranelift's general-dynamic path.
        let colocated = self.names.is_local(name) && !tls;
        let folded = if colocated { off } else { 0 };
        let g = match self.gvs.get(&(id, folded)) {
            Some(&g) => g,
            None => {
                let nref = b.func.declare_imported_user_function(ir::UserExternalName::new(0, id));
                let offset = ir::immediates::Imm64::new(folded);
                let g = b.create_global_value(ir::GlobalValueData::Symbol { name: ir::ExternalName::User(nref), offset, colocated, tls });
                self.gvs.insert((id, folded), g);
                g
            }
        };
        let base = if tls { b.ins().tls_value(types::I64, g) } else { b.ins().symbol_value(types::I64, g) };
        if off != folded { b.ins().iadd_imm_s(base, off) } else { base }
    }

    fn iconst(b: &mut FunctionBuilder, t: KT, v: i128) -> ir::Value {
        if t == KT::I128 {
            let lo = b.ins().iconst(types::I64, v as i64);
            let hi = b.ins().iconst(types::I64, (v >> 64) as i64);
            return b.ins().iconcat(lo, hi);
        }
        let bits = t.bytes() * 8;
        let masked = if bits >= 64 { v as i64 } else { (v as u64 & ((1u64 << bits) - 1)) as i64 };
        b.ins().iconst(cl_type(t), masked)
    }

    fn inst(&mut self, b: &mut FunctionBuilder, inst: &kir::Inst) -> Result<(), String> {
        let f = self.f;
        let v = match &inst.op {
            Op::Iconst(t, c) => Self::iconst(b, *t, *c),
            Op::Fconst(KT::F32, c) => b.ins().f32const(*c as f32),
            Op::Fconst(_, c) => b.ins().f64const(*c),
            Op::Bin(op, x, y) => self.bin(b, *op, self.v(*x)?, self.v(*y)?),
            Op::Un(op, x) => {
                let x = self.v(*x)?;
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
            Op::Cmp(op, x, y) => Self::cmp(b, *op, self.v(*x)?, self.v(*y)?),
            Op::Conv(op, x, to) => self.conv(b, *op, self.v(*x)?, *to),
            Op::Select(c, x, y) => {
                let (c, x, y) = (self.v(*c)?, self.v(*x)?, self.v(*y)?);
                b.ins().select(c, x, y)
            }
            Op::Load { ty, addr, offset, .. } => {
                let a = self.v(*addr)?;
                b.ins().load(cl_type(*ty), mem(), a, *offset)
            }
            Op::Store { addr, offset, val, .. } => {
                let (a, x) = (self.v(*addr)?, self.v(*val)?);
                b.ins().store(mem(), x, a, *offset);
                return Ok(());
            }
            Op::SlotAddr(s) => {
                let (slot, off) = self.slots[s.0 as usize];
                b.ins().stack_addr(types::I64, slot, off as i32)
            }
            Op::SymAddr(name, off) => self.symbol_addr(b, name, *off),
            Op::GetVar(x) => match self.vars[x.0 as usize] {
                VarHome::Ssa(var) => b.use_var(var),
                VarHome::Frame(slot, off) => b.ins().stack_load(types::I64, cl_type(f.vars[x.0 as usize]), slot, off),
            },
            Op::SetVar(x, y) => {
                let y = self.v(*y)?;
                match self.vars[x.0 as usize] {
                    VarHome::Ssa(var) => b.def_var(var, y),
                    VarHome::Frame(slot, off) => {
                        b.ins().stack_store(types::I64, y, slot, off);
                    }
                }
                return Ok(());
            }
            Op::Param(u32::MAX) => self.sret.ok_or_else(|| format!("{}: sret parameter in a function without one", f.name))?,
            Op::Param(i) => self.param(b, *i)?,
            Op::Call { callee, sig, args, rets } => return self.call(b, callee, sig, args, rets),
            Op::Copy { dst, src, size, .. } => {
                let (d, s) = (self.v(*dst)?, self.v(*src)?);
                self.mem_op(b, d, Some(s), *size);
                return Ok(());
            }
            Op::Zero { dst, size, .. } => {
                let d = self.v(*dst)?;
                self.mem_op(b, d, None, *size);
                return Ok(());
            }
            Op::Alloca { size, align } => {
                let s = self.v(*size)?;
                let a = b.ins().iconst(types::I64, *align as i64);
                self.call_named(b, "__kit_alloca", &[types::I64, types::I64], &[types::I64], &[s, a])[0]
            }
            Op::VaStart(addr) => {
                let a = self.v(*addr)?;
                let va = self.va.as_ref().ok_or_else(|| format!("{}: va_start in a function without '...'", f.name))?;
                let (slot, named) = (va.slot, va.named);
                // SysV va_list: gp_offset, fp_offset, overflow_arg_area, reg_save_area.
                let gp = b.ins().iconst(types::I32, 8 * named.gp.min(GP_ARGS) as i64);
                b.ins().store(mem(), gp, a, 0);
                let fp = b.ins().iconst(types::I32, 48 + 16 * named.fp.min(FP_ARGS) as i64);
                b.ins().store(mem(), fp, a, 4);
                // Stack arguments start above the saved rbp and return address.
                let frame = b.ins().get_frame_pointer(types::I64);
                let over = b.ins().iadd_imm_s(frame, 16 + named.stack as i64);
                b.ins().store(mem(), over, a, 8);
                let sa = b.ins().stack_addr(types::I64, slot, 0);
                b.ins().store(mem(), sa, a, 16);
                return Ok(());
            }
            Op::AtomicRmw { op, ty, addr, val } => {
                let (a, x) = (self.v(*addr)?, self.v(*val)?);
                let o = match op {
                    kir::AtomicOp::Add => ir::AtomicRmwOp::Add,
                    kir::AtomicOp::Sub => ir::AtomicRmwOp::Sub,
                    kir::AtomicOp::And => ir::AtomicRmwOp::And,
                    kir::AtomicOp::Or => ir::AtomicRmwOp::Or,
                    kir::AtomicOp::Xor => ir::AtomicRmwOp::Xor,
                    kir::AtomicOp::Nand => ir::AtomicRmwOp::Nand,
                    kir::AtomicOp::Xchg => ir::AtomicRmwOp::Xchg,
                };
                b.ins().atomic_rmw(cl_type(*ty), mem(), o, a, x)
            }
            Op::AtomicCas { addr, expected, new, .. } => {
                let (a, e, n) = (self.v(*addr)?, self.v(*expected)?, self.v(*new)?);
                b.ins().atomic_cas(mem(), a, e, n)
            }
            Op::AtomicLoad { ty, addr } => {
                let a = self.v(*addr)?;
                b.ins().atomic_load(cl_type(*ty), mem(), a)
            }
            Op::AtomicStore { addr, val } => {
                let (a, x) = (self.v(*addr)?, self.v(*val)?);
                b.ins().atomic_store(mem(), x, a);
                return Ok(());
            }
            Op::Fence => {
                b.ins().fence();
                return Ok(());
            }
            Op::FrameAddr => b.ins().get_frame_pointer(types::I64),
            Op::ReturnAddr => b.ins().get_return_address(types::I64),
        };
        if let Some(r) = inst.result {
            self.vals[r.0 as usize] = Some(v);
        }
        Ok(())
    }

    fn bin(&mut self, b: &mut FunctionBuilder, op: BinOp, x: ir::Value, y: ir::Value) -> ir::Value {
        if b.func.dfg.value_type(x) == types::I128 {
            // Cranelift has no 128-bit division on x86-64: libgcc's helpers.
            let helper = match op {
                BinOp::SDiv => Some("__divti3"),
                BinOp::UDiv => Some("__udivti3"),
                BinOp::SRem => Some("__modti3"),
                BinOp::URem => Some("__umodti3"),
                _ => None,
            };
            if let Some(h) = helper {
                return self.call_named(b, h, &[], &[types::I128], &[x, y])[0];
            }
        }
        let i = b.ins();
        match op {
            BinOp::Add => i.iadd(x, y),
            BinOp::Sub => i.isub(x, y),
            BinOp::Mul => i.imul(x, y),
            // Division by zero (and INT_MIN / -1) faults in `idiv`, as with gcc.
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

    fn cmp(b: &mut FunctionBuilder, op: CmpOp, x: ir::Value, y: ir::Value) -> ir::Value {
        let icc = match op {
            CmpOp::Eq => IntCC::Equal,
            CmpOp::Ne => IntCC::NotEqual,
            CmpOp::SLt => IntCC::SignedLessThan,
            CmpOp::SLe => IntCC::SignedLessThanOrEqual,
            CmpOp::SGt => IntCC::SignedGreaterThan,
            CmpOp::SGe => IntCC::SignedGreaterThanOrEqual,
            CmpOp::ULt => IntCC::UnsignedLessThan,
            CmpOp::ULe => IntCC::UnsignedLessThanOrEqual,
            CmpOp::UGt => IntCC::UnsignedGreaterThan,
            CmpOp::UGe => IntCC::UnsignedGreaterThanOrEqual,
            _ => {
                let fcc = match op {
                    CmpOp::FEq => FloatCC::Equal,
                    // Unordered or unequal: true for NaN, like C's `!=`.
                    CmpOp::FNe => FloatCC::NotEqual,
                    CmpOp::FLt => FloatCC::LessThan,
                    CmpOp::FLe => FloatCC::LessThanOrEqual,
                    CmpOp::FGt => FloatCC::GreaterThan,
                    CmpOp::FGe => FloatCC::GreaterThanOrEqual,
                    _ => FloatCC::Unordered,
                };
                return b.ins().fcmp(fcc, x, y);
            }
        };
        b.ins().icmp(icc, x, y)
    }

    fn conv(&mut self, b: &mut FunctionBuilder, op: ConvOp, x: ir::Value, to: KT) -> ir::Value {
        let from = b.func.dfg.value_type(x);
        let t = cl_type(to);
        if from == t && op != ConvOp::Bitcast {
            return x;
        }
        let float_name = |t: ir::Type| if t == types::F32 { "sf" } else { "df" };
        match op {
            ConvOp::SExt => b.ins().sextend(t, x),
            ConvOp::ZExt => b.ins().uextend(t, x),
            ConvOp::Trunc => b.ins().ireduce(t, x),
            ConvOp::FExt => b.ins().fpromote(t, x),
            ConvOp::FTrunc => b.ins().fdemote(t, x),
            // 128-bit ↔ float: libgcc (`__floattidf`, `__fixunssfti`, ...).
            ConvOp::SToF | ConvOp::UToF if from == types::I128 => {
                let u = if op == ConvOp::UToF { "un" } else { "" };
                let name = format!("__float{u}ti{}", float_name(t));
                self.call_named(b, &name, &[], &[t], &[x])[0]
            }
            ConvOp::FToS | ConvOp::FToU if t == types::I128 => {
                let u = if op == ConvOp::FToU { "uns" } else { "" };
                let name = format!("__fix{u}{}ti", float_name(from));
                self.call_named(b, &name, &[], &[t], &[x])[0]
            }
            ConvOp::SToF => b.ins().fcvt_from_sint(t, x),
            ConvOp::UToF => b.ins().fcvt_from_uint(t, x),
            // Out-of-range conversions are undefined in C; kit reproduces
            // what gcc's x86-64 code computes where programs commonly rely
            // on it (a negative double to an unsigned type wraps), and never
            // traps.
            ConvOp::FToS if t.bits() < 32 => {
                let v = b.ins().fcvt_to_sint_sat(types::I32, x);
                b.ins().ireduce(t, v)
            }
            ConvOp::FToS => b.ins().fcvt_to_sint_sat(t, x),
            ConvOp::FToU if t.bits() < 32 => {
                let v = b.ins().fcvt_to_sint_sat(types::I32, x);
                b.ins().ireduce(t, v)
            }
            ConvOp::FToU if t == types::I32 => {
                let v = b.ins().fcvt_to_sint_sat(types::I64, x);
                b.ins().ireduce(t, v)
            }
            ConvOp::FToU => {
                let s = b.ins().fcvt_to_sint_sat(types::I64, x);
                let u = b.ins().fcvt_to_uint_sat(types::I64, x);
                let two63 = if from == types::F32 { b.ins().f32const(2f32.powi(63)) } else { b.ins().f64const(2f64.powi(63)) };
                let small = b.ins().fcmp(FloatCC::LessThan, x, two63);
                b.ins().select(small, s, u)
            }
            ConvOp::Bitcast if from == t => x,
            ConvOp::Bitcast => b.ins().bitcast(t, mem(), x),
        }
    }

    /// memcpy (`src` given) or memset to zero: inline up to 64 bytes.
    fn mem_op(&mut self, b: &mut FunctionBuilder, d: ir::Value, s: Option<ir::Value>, size: u64) {
        if size > 64 {
            let n = b.ins().iconst(types::I64, size as i64);
            let i64s = [types::I64; 3];
            match s {
                Some(s) => self.call_named(b, "memcpy", &i64s, &[types::I64], &[d, s, n]),
                None => {
                    let z = b.ins().iconst(types::I32, 0);
                    self.call_named(b, "memset", &[types::I64, types::I32, types::I64], &[types::I64], &[d, z, n])
                }
            };
            return;
        }
        let zero = if s.is_none() { Some(b.ins().iconst(types::I64, 0)) } else { None };
        let mut off = 0u64;
        while off < size {
            let n = match size - off {
                8.. => 8,
                4..=7 => 4,
                2..=3 => 2,
                _ => 1,
            };
            let t = ir::Type::int(8 * n as u16).expect("integer type");
            let v = match (s, zero) {
                (Some(s), _) => b.ins().load(t, mem(), s, off as i32),
                (None, Some(z)) if n == 8 => z,
                (None, _) => b.ins().iconst(t, 0),
            };
            b.ins().store(mem(), v, d, off as i32);
            off += n;
        }
    }

    fn call(
        &mut self,
        b: &mut FunctionBuilder,
        callee: &kir::Callee,
        sig: &kir::Sig,
        args: &[kir::Value],
        rets: &[kir::Value],
    ) -> Result<(), String> {
        let f = self.f;
        let fixed = sig.params.len() + sig.sret as usize;
        let extra: Vec<ir::Type> = args.iter().skip(fixed).map(|a| cl_type(f.ty(*a))).collect();
        let mut csig = cl_sig(sig, extra);
        let mut argv = args.iter().map(|a| self.v(*a)).collect::<Result<Vec<_>, _>>()?;
        let inst = if sig.variadic {
            let thunk = VaThunk::for_call(callee, sig, args.iter().map(|a| f.ty(*a)));
            if let kir::Callee::Indirect(p) = callee {
                let p = self.v(*p)?;
                match thunk.target_arg() {
                    Some(types::F64) => argv.push(b.ins().bitcast(types::F64, mem(), p)),
                    Some(_) => argv.push(p),
                    None => {
                        let slot = self.symbol_addr(b, VA_SLOT, 0);
                        b.ins().store(mem(), p, slot, 0);
                    }
                }
                csig.params.extend(thunk.target_arg().map(AbiParam::new));
            }
            let fr = self.func_ref(b, &thunk.name(), csig);
            if !self.thunks.contains(&thunk) {
                self.thunks.push(thunk);
            }
            b.ins().call(fr, &argv)
        } else {
            if let Some(pieces) = spread_byval(sig) {
                (csig, argv) = self.spread_args(b, &csig, &argv, &pieces);
            }
            match callee {
                kir::Callee::Direct(name) => {
                    let fr = self.func_ref(b, name, csig);
                    b.ins().call(fr, &argv)
                }
                kir::Callee::Indirect(p) => {
                    let p = self.v(*p)?;
                    let sr = b.import_signature(csig);
                    b.ins().call_indirect(sr, p, &argv)
                }
            }
        };
        let results = b.inst_results(inst);
        if results.len() != rets.len() {
            return Err(format!("{}: call returns {} values, KIR expects {}", f.name, results.len(), rets.len()));
        }
        for (r, v) in rets.iter().zip(results) {
            self.vals[r.0 as usize] = Some(*v);
        }
        Ok(())
    }

    /// The signature and arguments of a call passed as `pieces`.
    fn spread_args(
        &mut self,
        b: &mut FunctionBuilder,
        csig: &ir::Signature,
        argv: &[ir::Value],
        pieces: &[ArgPiece],
    ) -> (ir::Signature, Vec<ir::Value>) {
        let mut sig = ir::Signature::new(csig.call_conv);
        sig.returns = csig.returns.clone();
        let mut args = Vec::with_capacity(pieces.len());
        for &piece in pieces {
            let (param, value) = match piece {
                ArgPiece::Arg(i) => (csig.params[i], argv[i]),
                ArgPiece::Filler => (AbiParam::new(types::I64), b.ins().iconst(types::I64, 0)),
                ArgPiece::Eightbyte { arg, offset, len } => (AbiParam::new(types::I64), load_bytes(b, argv[arg], offset, len)),
            };
            sig.params.push(param);
            args.push(value);
        }
        (sig, args)
    }

    fn term(&mut self, b: &mut FunctionBuilder, t: &Term) -> Result<(), String> {
        match t {
            Term::Jump(x) => {
                b.ins().jump(self.blocks[x.0 as usize], &[]);
            }
            Term::Br { cond, then, els } => {
                let c = self.v(*cond)?;
                b.ins().brif(c, self.blocks[then.0 as usize], &[], self.blocks[els.0 as usize], &[]);
            }
            Term::Switch { val, cases, default } => {
                let v = self.v(*val)?;
                let bits = b.func.dfg.value_type(v).bits();
                let mask = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
                let mut sw = Switch::new();
                for (c, blk) in cases {
                    sw.set_entry((*c as u128) & mask, self.blocks[blk.0 as usize]);
                }
                sw.emit(b, v, self.blocks[default.0 as usize]);
            }
            Term::Ret(vs) => {
                let vals = vs.iter().map(|x| self.v(*x)).collect::<Result<Vec<_>, _>>()?;
                if let Some(m) = self.alloca_mark {
                    self.call_named(b, "__kit_alloca_release", &[types::I64], &[], &[m]);
                }
                b.ins().return_(&vals);
            }
            Term::Unreachable | Term::Trap => {
                b.ins().trap(TrapCode::unwrap_user(1));
            }
        }
        Ok(())
    }
}
