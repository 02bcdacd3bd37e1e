//! Expressions → KIR values. Scalars yield their value; aggregates
//! (structs, unions, complex) yield the address of their storage.

use super::*;
use kir::{BinOp as KB, CmpOp, ConvOp};

pub(super) fn is_long_double(t: &CType) -> bool {
    matches!(t.kind, Kind::Float(FloatKind::LDouble))
}

/// Storage-unit size in bytes for a bit-field at bit `bit` of `width` bits.
fn bitfield_unit(bit: u32, width: u32) -> (KT, u32) {
    let need = (bit + width).div_ceil(8);
    match need {
        0 | 1 => (KT::I8, 8),
        2 => (KT::I16, 16),
        3 | 4 => (KT::I32, 32),
        _ => (KT::I64, 64),
    }
}

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    /// Evaluates for side effects only.
    pub(super) fn effect(&mut self, e: &Expr) {
        self.rval(e);
    }

    /// The value of a scalar expression (panics on void: the parser
    /// guarantees it).
    pub(super) fn value(&mut self, e: &Expr) -> Value {
        match self.rval(e) {
            Some(v) => v,
            None => self.iconst(KT::I32, 0),
        }
    }

    pub(super) fn rval(&mut self, e: &Expr) -> Option<Value> {
        if e.loc.line != 0 {
            self.line = e.loc.line;
        }
        use ExprKind as K;
        let is_agg = !e.ty.is_void() && abi::scalar_type(&e.ty).is_none() && !e.ty.is_array() && !e.ty.is_func();
        Some(match &e.kind {
            K::Int(v) if is_long_double(&e.ty) => self.ld_const(crate::x87::from_int(*v)),
            K::Float(f) if is_long_double(&e.ty) => self.ld_const(crate::x87::from_f64(*f)),
            K::LongFloat(b) => self.ld_const(*b),
            K::Int(v) => {
                let t = kt_of(&e.ty);
                if t.is_float() { self.val(Op::Fconst(t, *v as f64)) } else { self.iconst(t, *v) }
            }
            K::Float(f) => {
                let t = kt_of(&e.ty);
                if t.is_float() { self.val(Op::Fconst(t, *f)) } else { self.iconst(t, *f as i128) }
            }
            K::Str(_) | K::Global(_) | K::Deref(_) | K::Member { .. } | K::CompoundLit(..) => {
                if let K::Member { bits: Some((bit, width)), .. } = &e.kind {
                    return Some(self.load_bitfield(e, *bit, *width));
                }
                if let K::Local(_) = e.kind {
                    unreachable!()
                }
                let addr = self.addr(e);
                if is_agg || e.ty.is_array() || e.ty.is_func() { addr } else { self.load_scalar(addr, &e.ty) }
            }
            K::Local(id) => match self.locals[*id as usize] {
                Store::Var(v) => self.val(Op::GetVar(v)),
                _ => {
                    let addr = self.local_addr(*id);
                    if is_agg || e.ty.is_array() { addr } else { self.load_scalar(addr, &e.ty) }
                }
            },
            K::Unary(op, x) if x.ty.is_vector() => {
                let v = self.value(x);
                self.vector_unary(*op, v, &x.ty)
            }
            K::Unary(op, x) if x.ty.is_complex() => {
                let v = self.value(x);
                self.complex_unary(*op, v, &x.ty)
            }
            K::Unary(op, x) => {
                let v = self.value(x);
                match op {
                    UnOp::Neg if is_long_double(&x.ty) => self.ld_neg(v),
                    UnOp::Neg => {
                        if self.ty(v).is_float() {
                            self.val(Op::Un(kir::UnOp::FNeg, v))
                        } else {
                            self.val(Op::Un(kir::UnOp::Neg, v))
                        }
                    }
                    UnOp::BitNot => self.val(Op::Un(kir::UnOp::Not, v)),
                    UnOp::LogNot => {
                        let t = self.truth_of(v, &x.ty);
                        let one = self.iconst(KT::I8, 1);
                        let n = self.bin(KB::Xor, t, one);
                        self.val(Op::Conv(ConvOp::ZExt, n, KT::I32))
                    }
                }
            }
            K::Binary(op, l, r) => {
                let a = self.value(l);
                let b = self.value(r);
                if l.ty.is_vector() || r.ty.is_vector() {
                    return Some(self.vector_binary(*op, a, b, &l.ty, &r.ty, &e.ty));
                }
                if l.ty.is_complex() {
                    return Some(self.complex_binary(*op, a, b, &l.ty, &e.ty));
                }
                self.binary(*op, a, b, &l.ty, &e.ty)
            }
            K::Complex(re, im) => self.complex_literal(re, im, &e.ty),
            K::LogAnd(..) | K::LogOr(..) => {
                let var = self.f.new_var(KT::I32);
                let t = self.new_block();
                let f = self.new_block();
                let join = self.new_block();
                self.branch(e, t, f);
                self.switch_to(t);
                let one = self.iconst(KT::I32, 1);
                self.push(Op::SetVar(var, one));
                self.jump(join);
                self.switch_to(f);
                let zero = self.iconst(KT::I32, 0);
                self.push(Op::SetVar(var, zero));
                self.jump(join);
                self.switch_to(join);
                self.val(Op::GetVar(var))
            }
            K::Assign(l, r) => return self.assign(l, r),
            K::CompoundAssign { op, lhs, rhs, op_ty } if lhs.ty.is_vector() => {
                let dst = self.addr(lhs);
                let r = self.value(rhs);
                let res = self.vector_binary(*op, dst, r, op_ty, &rhs.ty, op_ty);
                let size = self.size_of(&lhs.ty);
                self.copy(dst, res, size, 1);
                dst
            }
            K::CompoundAssign { op, lhs, rhs, op_ty } if op_ty.is_complex() || lhs.ty.is_complex() => {
                // z op= w on complex values: compute in op_ty, copy back.
                let dst = self.addr(lhs);
                let old = self.complex_cast(dst, &lhs.ty, op_ty).unwrap_or(dst);
                let r = self.value(rhs);
                let r = self.complex_cast(r, &rhs.ty, op_ty).unwrap_or(r);
                let res = if op_ty.is_complex() {
                    self.complex_binary(*op, old, r, op_ty, op_ty)
                } else {
                    self.binary(*op, old, r, op_ty, op_ty)
                };
                let back = self.complex_cast(res, op_ty, &lhs.ty).unwrap_or(res);
                if lhs.ty.is_complex() {
                    let size = self.size_of(&lhs.ty);
                    self.copy(dst, back, size, 4);
                } else {
                    self.store(dst, 0, back, false);
                }
                dst
            }
            K::CompoundAssign { op, lhs, rhs, op_ty }
                if lhs.ty.is_atomic
                    && lhs.ty.is_integer()
                    && matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) =>
            {
                let r = self.value(rhs);
                let r = self.convert_val(r, &rhs.ty, &lhs.ty);
                self.atomic_update(lhs, *op, r).map(|(_, new)| new)?
            }
            K::CompoundAssign { op, lhs, rhs, op_ty } => {
                // Like gcc: the right side is evaluated before the left
                // operand's value is read (it may modify it).
                let addr = self.lvalue_addr_once(lhs);
                let r = self.value(rhs);
                let old = self.load_lvalue(lhs, &addr);
                let oldc = self.convert_val(old, &lhs.ty, op_ty);
                let res = if lhs.ty.is_ptr() {
                    let r = self.fit_int(r, KT::I64, true);
                    let kop = if *op == BinOp::Sub { KB::Sub } else { KB::Add };
                    self.bin(kop, oldc, r)
                } else {
                    let rt = rhs.ty.clone();
                    let r = if matches!(op, BinOp::Shl | BinOp::Shr) { r } else { self.convert_val(r, &rt, op_ty) };
                    self.binary(*op, oldc, r, op_ty, op_ty)
                };
                let back = self.convert_val(res, op_ty, &lhs.ty);
                self.store_lvalue(lhs, &addr, back);
                back
            }
            K::IncDec { e: x, pre, delta } if x.ty.is_atomic && x.ty.is_integer() && !x.ty.is_bool() => {
                let t = kt_of(&x.ty);
                let d = self.iconst(t, *delta as i128);
                let (old, new) = self.atomic_update(x, BinOp::Add, d)?;
                if *pre { new } else { old }
            }
            K::IncDec { e: x, pre, delta } => {
                let addr = self.lvalue_addr_once(x);
                let old = self.load_lvalue(x, &addr);
                let t = self.ty(old);
                let new = if is_long_double(&x.ty) {
                    let d = self.ld_const(crate::x87::from_int(*delta as i128));
                    self.ld_binary(BinOp::Add, old, d, &x.ty)
                } else if t.is_float() {
                    let d = self.val(Op::Fconst(t, *delta as f64));
                    self.bin(KB::FAdd, old, d)
                } else if x.ty.is_bool() {
                    // ++ on _Bool sets it; -- toggles.
                    if *delta > 0 {
                        self.iconst(KT::I8, 1)
                    } else {
                        let one = self.iconst(KT::I8, 1);
                        self.bin(KB::Xor, old, one)
                    }
                } else {
                    let d = self.iconst(t, *delta as i128);
                    self.bin(KB::Add, old, d)
                };
                self.store_lvalue(x, &addr, new);
                if *pre { new } else { old }
            }
            K::Cond(c, a, b) => {
                let then = self.new_block();
                let els = self.new_block();
                let join = self.new_block();
                self.branch(c, then, els);
                if e.ty.is_void() {
                    self.switch_to(then);
                    self.effect(a);
                    self.jump(join);
                    self.switch_to(els);
                    self.effect(b);
                    self.jump(join);
                    self.switch_to(join);
                    return None;
                }
                let t = if is_agg { KT::I64 } else { kt_of(&e.ty) };
                let var = self.f.new_var(t);
                self.switch_to(then);
                let va = self.value(a);
                let va = self.fit_int(va, t, false);
                self.push(Op::SetVar(var, va));
                self.jump(join);
                self.switch_to(els);
                let vb = self.value(b);
                let vb = self.fit_int(vb, t, false);
                self.push(Op::SetVar(var, vb));
                self.jump(join);
                self.switch_to(join);
                self.val(Op::GetVar(var))
            }
            K::Comma(a, b) => {
                self.effect(a);
                return self.rval(b);
            }
            K::Call(f, args) => return self.call(f, args, &e.ty),
            K::Addr(x) => self.addr(x),
            K::Cast(x) => {
                let v = self.rval(x);
                if e.ty.is_void() {
                    return None;
                }
                let v = v?;
                if let Some(c) = self.vector_cast(v, &x.ty, &e.ty) {
                    return Some(c);
                }
                if let Some(c) = self.complex_cast(v, &x.ty, &e.ty) {
                    return Some(c);
                }
                if is_agg {
                    return Some(v);
                }
                self.convert_val(v, &x.ty, &e.ty)
            }
            K::StmtExpr(stmts) => {
                self.cleanups.push(Vec::new());
                let n = stmts.len();
                let mut result = None;
                for (i, s) in stmts.iter().enumerate() {
                    if i + 1 == n
                        && let Stmt::Expr(x) = s
                    {
                        result = self.rval(x);
                        // An aggregate result must outlive the block: copy it.
                        if let (Some(v), true) = (result, is_agg) {
                            let size = self.size_of(&e.ty);
                            let al = self.align_of(&e.ty);
                            let s = self.temp_slot(size, al, "<stmt-expr>");
                            let dst = self.slot_addr(s);
                            self.copy(dst, v, size, al);
                            result = Some(dst);
                        }
                        continue;
                    }
                    self.stmt(s);
                }
                let depth = self.cleanups.len() - 1;
                self.run_cleanups(depth);
                self.cleanups.pop();
                if e.ty.is_void() {
                    return None;
                }
                return result;
            }
            K::VaStart(ap) => {
                let a = self.value(ap);
                self.push(Op::VaStart(a));
                return None;
            }
            K::VaCopy(d, s) => {
                let d = self.value(d);
                let s = self.value(s);
                self.copy(d, s, 24, 8);
                return None;
            }
            K::VaArg(ap, ty) => {
                let a = self.value(ap);
                return Some(self.va_arg(a, ty));
            }
            K::LabelAddr(id) => self.iconst(KT::I64, *id as i128 + 1),
            K::VlaSize(t) => self.vla_size(t),
            K::Builtin(b, args) => return self.builtin(*b, args, &e.ty),
            K::Nop => return None,
        })
    }

    /// Loads a scalar object (`_Atomic` objects with an atomic load).
    pub(super) fn load_scalar(&mut self, addr: Value, ty: &T) -> Value {
        if ty.is_atomic {
            return self.val(Op::AtomicLoad { ty: kt_of(ty), addr });
        }
        self.load(kt_of(ty), addr, 0, ty.is_volatile)
    }

    /// Stores a scalar object (the counterpart of [`Self::load_scalar`]).
    pub(super) fn store_scalar(&mut self, addr: Value, ty: &T, v: Value) {
        if ty.is_atomic {
            self.push(Op::AtomicStore { addr, val: v });
            return;
        }
        self.store(addr, 0, v, ty.is_volatile);
    }

    /// Calls one of kit's runtime helpers.
    pub(super) fn runtime_call(&mut self, name: &str, args: Vec<Value>, ret: Option<KT>) -> Option<Value> {
        let params = args.iter().map(|a| kir::Param::Scalar(self.ty(*a))).collect();
        let rets: Vec<KT> = ret.into_iter().collect();
        let out: Vec<Value> = rets.iter().map(|&t| self.f.new_value(t)).collect();
        let sig = kir::Sig { params, rets, ..Default::default() };
        let line = self.line;
        self.f.blocks[self.cur.0 as usize].insts.push(kir::Inst {
            result: None,
            op: Op::Call { callee: kir::Callee::Direct(name.into()), sig, args, rets: out.clone() },
            line,
        });
        out.first().copied()
    }

    /// `++`, `--` and `op=` on an `_Atomic` integer as one atomic
    /// read-modify-write; None when the operation has no such form.
    fn atomic_update(&mut self, lhs: &Expr, op: BinOp, rhs: Value) -> Option<(Value, Value)> {
        if !lhs.ty.is_atomic || !lhs.ty.is_integer() || lhs.ty.is_bool() {
            return None;
        }
        let aop = match op {
            BinOp::Add => kir::AtomicOp::Add,
            BinOp::Sub => kir::AtomicOp::Sub,
            BinOp::BitAnd => kir::AtomicOp::And,
            BinOp::BitOr => kir::AtomicOp::Or,
            BinOp::BitXor => kir::AtomicOp::Xor,
            _ => return None,
        };
        let t = kt_of(&lhs.ty);
        let addr = self.addr(lhs);
        let rhs = self.fit_int(rhs, t, lhs.ty.is_signed());
        let old = self.val(Op::AtomicRmw { op: aop, ty: t, addr, val: rhs });
        let kb = match op {
            BinOp::Add => KB::Add,
            BinOp::Sub => KB::Sub,
            BinOp::BitAnd => KB::And,
            BinOp::BitOr => KB::Or,
            _ => KB::Xor,
        };
        let new = self.bin(kb, old, rhs);
        Some((old, new))
    }

    /// A value of C type `ty` as a truth value.
    pub(super) fn truth_of(&mut self, v: Value, ty: &T) -> Value {
        if is_long_double(ty) { self.ld_truth(v) } else { self.truth(v) }
    }

    /// A value as a branch condition (any int width; floats compared to 0).
    pub(super) fn truth(&mut self, v: Value) -> Value {
        let t = self.ty(v);
        if t.is_float() {
            let z = self.val(Op::Fconst(t, 0.0));
            return self.val(Op::Cmp(CmpOp::FNe, v, z));
        }
        let z = self.iconst(t, 0);
        self.val(Op::Cmp(CmpOp::Ne, v, z))
    }

    /// Branches on the truth of a condition, short-circuiting && || !.
    pub(super) fn branch(&mut self, c: &Expr, then: Block, els: Block) {
        match &c.kind {
            ExprKind::LogAnd(a, b) => {
                let mid = self.new_block();
                self.branch(a, mid, els);
                self.switch_to(mid);
                self.branch(b, then, els);
            }
            ExprKind::LogOr(a, b) => {
                let mid = self.new_block();
                self.branch(a, then, mid);
                self.switch_to(mid);
                self.branch(b, then, els);
            }
            ExprKind::Unary(UnOp::LogNot, x) => self.branch(x, els, then),
            ExprKind::Int(v) => {
                let target = if *v != 0 { then } else { els };
                self.jump(target);
            }
            _ => {
                let v = self.value(c);
                let cond = match &c.kind {
                    ExprKind::Binary(BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge, ..) => v,
                    _ => self.truth_of(v, &c.ty),
                };
                self.terminate(Term::Br { cond, then, els });
            }
        }
    }

    pub(super) fn binary(&mut self, op: BinOp, a: Value, b: Value, opnd_ty: &T, res_ty: &T) -> Value {
        if is_long_double(opnd_ty) {
            return self.ld_binary(op, a, b, res_ty);
        }
        let float = self.ty(a).is_float();
        let signed = opnd_ty.is_signed() && !opnd_ty.is_ptr();
        let kb = match op {
            BinOp::Add => {
                if float {
                    KB::FAdd
                } else {
                    KB::Add
                }
            }
            BinOp::Sub => {
                if float {
                    KB::FSub
                } else {
                    KB::Sub
                }
            }
            BinOp::Mul => {
                if float {
                    KB::FMul
                } else {
                    KB::Mul
                }
            }
            BinOp::Div => {
                if float {
                    KB::FDiv
                } else if signed {
                    KB::SDiv
                } else {
                    KB::UDiv
                }
            }
            BinOp::Rem => {
                if signed {
                    KB::SRem
                } else {
                    KB::URem
                }
            }
            BinOp::Shl => KB::Shl,
            BinOp::Shr => {
                if signed {
                    KB::SShr
                } else {
                    KB::UShr
                }
            }
            BinOp::BitAnd => KB::And,
            BinOp::BitOr => KB::Or,
            BinOp::BitXor => KB::Xor,
            _ => {
                let c = match (op, float, signed) {
                    (BinOp::Eq, true, _) => CmpOp::FEq,
                    (BinOp::Ne, true, _) => CmpOp::FNe,
                    (BinOp::Lt, true, _) => CmpOp::FLt,
                    (BinOp::Le, true, _) => CmpOp::FLe,
                    (BinOp::Gt, true, _) => CmpOp::FGt,
                    (BinOp::Ge, true, _) => CmpOp::FGe,
                    (BinOp::Eq, _, _) => CmpOp::Eq,
                    (BinOp::Ne, _, _) => CmpOp::Ne,
                    (BinOp::Lt, _, true) => CmpOp::SLt,
                    (BinOp::Le, _, true) => CmpOp::SLe,
                    (BinOp::Gt, _, true) => CmpOp::SGt,
                    (BinOp::Ge, _, true) => CmpOp::SGe,
                    (BinOp::Lt, _, false) => CmpOp::ULt,
                    (BinOp::Le, _, false) => CmpOp::ULe,
                    (BinOp::Gt, _, false) => CmpOp::UGt,
                    _ => CmpOp::UGe,
                };
                let b = self.fit_int(b, self.ty(a), signed);
                let r = self.val(Op::Cmp(c, a, b));
                return self.val(Op::Conv(ConvOp::ZExt, r, kt_of(res_ty)));
            }
        };
        if matches!(kb, KB::Shl | KB::SShr | KB::UShr) {
            // C leaves over-wide shifts undefined; mask like x86 does.
            return self.bin(kb, a, b);
        }
        let b = self.fit_int(b, self.ty(a), signed);
        self.bin(kb, a, b)
    }

    /// Widens or narrows an integer value to `t` (no-op if it already is).
    pub(super) fn fit_int(&mut self, v: Value, t: KT, signed: bool) -> Value {
        let vt = self.ty(v);
        if vt == t || vt.is_float() || t.is_float() {
            return v;
        }
        let op = if vt.bytes() > t.bytes() {
            ConvOp::Trunc
        } else if signed {
            ConvOp::SExt
        } else {
            ConvOp::ZExt
        };
        self.val(Op::Conv(op, v, t))
    }

    /// Converts a scalar value between C types.
    pub(super) fn convert_val(&mut self, v: Value, from: &T, to: &T) -> Value {
        if to.is_void() {
            return v;
        }
        let Some(tt) = abi::scalar_type(to) else { return v };
        if is_long_double(to) {
            return self.ld_from_scalar(v, from);
        }
        if is_long_double(from) {
            return self.ld_to_scalar(v, to);
        }
        let ft = self.ty(v);
        if to.is_bool() {
            return self.truth(v);
        }
        match (ft.is_float(), tt.is_float()) {
            (false, false) => {
                let signed = from.is_signed() && !from.is_ptr();
                self.fit_int(v, tt, signed)
            }
            (false, true) => {
                let op = if from.is_signed() && !from.is_ptr() { ConvOp::SToF } else { ConvOp::UToF };
                self.val(Op::Conv(op, v, tt))
            }
            (true, false) => {
                let signed = to.is_signed() && !to.is_ptr();
                // Convert through a wide enough integer, then narrow.
                let wide = if tt.bytes() < 4 { KT::I32 } else { tt };
                let op = if signed || tt.bytes() < 4 { ConvOp::FToS } else { ConvOp::FToU };
                let w = self.val(Op::Conv(op, v, wide));
                self.fit_int(w, tt, signed)
            }
            (true, true) => {
                if ft == tt {
                    v
                } else if ft == KT::F32 {
                    self.val(Op::Conv(ConvOp::FExt, v, tt))
                } else {
                    self.val(Op::Conv(ConvOp::FTrunc, v, tt))
                }
            }
        }
    }

    /// Address of an lvalue (or of an aggregate rvalue's storage).
    pub(super) fn addr(&mut self, e: &Expr) -> Value {
        use ExprKind as K;
        match &e.kind {
            K::Local(id) => {
                if let Store::Var(_) = self.locals[*id as usize] {
                    // The parser marks address-taken locals; reaching here is a
                    // frontend bug, but be safe: spill to a temporary.
                    let v = self.rval(e).unwrap();
                    let s = self.slot(8, 8, "<spill>");
                    let a = self.slot_addr(s);
                    self.store(a, 0, v, false);
                    return a;
                }
                self.local_addr(*id)
            }
            K::Global(name) => self.val(Op::SymAddr(name.to_string(), 0)),
            K::Str(bytes) => {
                let sym = self.mc.string_sym(bytes);
                self.val(Op::SymAddr(sym, 0))
            }
            K::Deref(p) => self.value(p),
            K::Member { e: inner, offset, .. } => {
                let base = self.addr(inner);
                self.add_offset(base, *offset as i64)
            }
            K::CompoundLit(id, init) => {
                let lty = self.def.locals[*id as usize].ty.clone();
                self.init_local(*id, &lty, init);
                self.local_addr(*id)
            }
            K::Cast(x) if e.ty.is_record() => self.addr(x),
            _ => {
                // An rvalue aggregate (call result, assignment, ?:): its value
                // is already an address. Scalars are spilled.
                let v = self.rval(e);
                match v {
                    Some(v) if abi::scalar_type(&e.ty).is_none() => v,
                    Some(v) => {
                        let t = self.ty(v);
                        let s = self.slot(t.bytes() as u64, t.bytes(), "<tmp>");
                        let a = self.slot_addr(s);
                        self.store(a, 0, v, false);
                        a
                    }
                    None => self.iconst(KT::I64, 0),
                }
            }
        }
    }

    fn load_bitfield(&mut self, e: &Expr, bit: u32, width: u32) -> Value {
        let addr = self.addr(e);
        self.load_bits_at(addr, bit, width, &e.ty)
    }

    fn load_bits_at(&mut self, addr: Value, bit: u32, width: u32, ty: &T) -> Value {
        let (ut, ubits) = bitfield_unit(bit, width);
        let raw = self.load(ut, addr, 0, ty.is_volatile);
        let shl = ubits - bit - width;
        let x = if shl > 0 {
            let c = self.iconst(KT::I32, shl as i128);
            self.bin(KB::Shl, raw, c)
        } else {
            raw
        };
        let shr = ubits - width;
        let signed = ty.is_signed();
        let x = if shr > 0 {
            let c = self.iconst(KT::I32, shr as i128);
            self.bin(if signed { KB::SShr } else { KB::UShr }, x, c)
        } else {
            x
        };
        let tt = kt_of(ty);
        if ty.is_bool() {
            return self.fit_int(x, KT::I8, false);
        }
        self.fit_int(x, tt, signed)
    }

    pub(super) fn store_bits_at(&mut self, addr: Value, bit: u32, width: u32, v: Value, volatile: bool) {
        let (ut, _) = bitfield_unit(bit, width);
        let old = self.load(ut, addr, 0, volatile);
        let mask: i128 = ((1i128 << width) - 1) << bit;
        let v = self.fit_int(v, ut, false);
        let sh = self.iconst(KT::I32, bit as i128);
        let v = self.bin(KB::Shl, v, sh);
        let m = self.iconst(ut, mask);
        let v = self.bin(KB::And, v, m);
        let nm = self.iconst(ut, !mask);
        let kept = self.bin(KB::And, old, nm);
        let new = self.bin(KB::Or, kept, v);
        self.store(addr, 0, new, volatile);
    }

    /// For read-modify-write: evaluates the lvalue's address once (None for
    /// register locals).
    pub(super) fn lvalue_addr_once(&mut self, e: &Expr) -> Option<Value> {
        if let ExprKind::Local(id) = e.kind
            && let Store::Var(_) = self.locals[id as usize]
        {
            return None;
        }
        Some(self.addr(e))
    }

    pub(super) fn load_lvalue(&mut self, e: &Expr, addr: &Option<Value>) -> Value {
        match addr {
            None => self.value(e),
            Some(a) => {
                if let ExprKind::Member { bits: Some((b, w)), .. } = e.kind {
                    return self.load_bits_at(*a, b, w, &e.ty);
                }
                self.load_scalar(*a, &e.ty)
            }
        }
    }

    pub(super) fn store_lvalue(&mut self, e: &Expr, addr: &Option<Value>, v: Value) {
        match addr {
            None => {
                let ExprKind::Local(id) = e.kind else { unreachable!() };
                self.store_local(id, v);
            }
            Some(a) => {
                if let ExprKind::Member { bits: Some((b, w)), .. } = e.kind {
                    self.store_bits_at(*a, b, w, v, e.ty.is_volatile);
                    return;
                }
                self.store_scalar(*a, &e.ty, v);
            }
        }
    }

    fn assign(&mut self, l: &Expr, r: &Expr) -> Option<Value> {
        if abi::scalar_type(&l.ty).is_none() {
            let size = self.size_of(&l.ty);
            if size.is_multiple_of(8)
                && compatible_unqual(&l.ty, &r.ty)
                && let Some(regs) = self.call_eightbytes(r)
            {
                let dst = self.addr(l);
                for (k, v) in regs.into_iter().enumerate() {
                    self.store(dst, 8 * k as i32, v, false);
                }
                return Some(dst);
            }
            // Aggregate assignment: evaluate the source, then copy.
            let src = self.value(r);
            let dst = self.addr(l);
            let size = self.size_of(&l.ty);
            let al = self.align_of(&l.ty);
            if src != dst {
                self.copy(dst, src, size, al);
            }
            return Some(dst);
        }
        let v = self.value(r);
        let addr = self.lvalue_addr_once(l);
        if let ExprKind::Member { bits: Some((b, w)), .. } = l.kind {
            self.store_bits_at(addr.unwrap(), b, w, v, l.ty.is_volatile);
            // The value of the assignment is the stored (truncated) value.
            return Some(self.load_bits_at(addr.unwrap(), b, w, &l.ty));
        }
        self.store_lvalue(l, &addr, v);
        Some(v)
    }

    /// Runtime size in bytes of a (possibly variably modified) type.
    pub(super) fn vla_size(&mut self, t: &T) -> Value {
        match &t.kind {
            Kind::Vla(el, len) => {
                let n = match self.locals[*len as usize] {
                    Store::Var(v) => self.val(Op::GetVar(v)),
                    _ => {
                        let a = self.local_addr(*len);
                        self.load(KT::I64, a, 0, false)
                    }
                };
                let es = self.vla_size(el);
                self.bin(KB::Mul, n, es)
            }
            Kind::Array(el, Some(n)) if el.is_vla() => {
                let es = self.vla_size(el);
                let c = self.iconst(KT::I64, *n as i128);
                self.bin(KB::Mul, es, c)
            }
            _ => {
                let s = self.size_of(t);
                self.iconst(KT::I64, s as i128)
            }
        }
    }

    /// `va_arg(ap, T)` per the SysV x86-64 algorithm. Scalars yield the
    /// value; aggregates the address of a copy.
    fn va_arg(&mut self, ap: Value, ty: &T) -> Value {
        let class = abi::classify(ty, self.recs());
        // __int128 travels in two general registers.
        let class = if class == ArgClass::Scalar(KT::I128) { ArgClass::Regs(vec![KT::I64, KT::I64]) } else { class };
        if class == ArgClass::Ignore {
            // Empty structs are not passed at all.
            let s = self.slot(1, 1, "<va-empty>");
            return self.slot_addr(s);
        }
        let (ngp, nfp) = match &class {
            ArgClass::Scalar(t) => {
                if t.is_float() {
                    (0, 1)
                } else {
                    (1, 0)
                }
            }
            ArgClass::Regs(r) => (r.iter().filter(|t| !t.is_float()).count(), r.iter().filter(|t| t.is_float()).count()),
            _ => (0, 0),
        };
        let size = self.size_of(ty);
        let addr_var = self.f.new_var(KT::I64);
        let join = self.new_block();
        let in_mem = self.new_block();
        // Aggregates in registers are reassembled into a temporary.
        let tmp = if matches!(class, ArgClass::Regs(_)) {
            let s = self.temp_slot(size.next_multiple_of(8), 8, "<va>");
            Some(s)
        } else {
            None
        };
        if ngp + nfp > 0 {
            let in_regs = self.new_block();
            let gp = self.load(KT::I32, ap, 0, false);
            let fp = self.load(KT::I32, ap, 4, false);
            let gp_lim = self.iconst(KT::I32, 48 - 8 * ngp as i128);
            let fp_lim = self.iconst(KT::I32, 176 - 16 * nfp as i128);
            let ok_gp = self.val(Op::Cmp(CmpOp::ULe, gp, gp_lim));
            let ok_fp = self.val(Op::Cmp(CmpOp::ULe, fp, fp_lim));
            let ok = self.bin(KB::And, ok_gp, ok_fp);
            self.terminate(Term::Br { cond: ok, then: in_regs, els: in_mem });
            self.switch_to(in_regs);
            let save = self.load(KT::I64, ap, 16, false);
            let types: Vec<KT> = match &class {
                ArgClass::Scalar(t) => vec![*t],
                ArgClass::Regs(r) => r.clone(),
                _ => vec![],
            };
            let mut gp_cur = gp;
            let mut fp_cur = fp;
            let dst = tmp.map(|s| self.slot_addr(s));
            for (k, t) in types.iter().enumerate() {
                let off = if t.is_float() { fp_cur } else { gp_cur };
                let off64 = self.val(Op::Conv(ConvOp::ZExt, off, KT::I64));
                let a = self.bin(KB::Add, save, off64);
                match dst {
                    Some(d) => {
                        let x = self.load(if t.is_float() { KT::F64 } else { KT::I64 }, a, 0, false);
                        self.store(d, 8 * k as i32, x, false);
                    }
                    None => {
                        self.push(Op::SetVar(addr_var, a));
                    }
                }
                if t.is_float() {
                    let c = self.iconst(KT::I32, 16);
                    fp_cur = self.bin(KB::Add, fp_cur, c);
                } else {
                    let c = self.iconst(KT::I32, 8);
                    gp_cur = self.bin(KB::Add, gp_cur, c);
                }
            }
            if let Some(d) = dst {
                self.push(Op::SetVar(addr_var, d));
            }
            self.store(ap, 0, gp_cur, false);
            self.store(ap, 4, fp_cur, false);
            self.jump(join);
        } else {
            self.jump(in_mem);
        }
        self.switch_to(in_mem);
        let over = self.load(KT::I64, ap, 8, false);
        let al = self.align_of(ty) as i128;
        let over = if al > 8 {
            let m = self.iconst(KT::I64, al - 1);
            let x = self.bin(KB::Add, over, m);
            let n = self.iconst(KT::I64, !(al - 1));
            self.bin(KB::And, x, n)
        } else {
            over
        };
        self.push(Op::SetVar(addr_var, over));
        let step = self.iconst(KT::I64, size.next_multiple_of(8).max(8) as i128);
        let next = self.bin(KB::Add, over, step);
        self.store(ap, 8, next, false);
        self.jump(join);
        self.switch_to(join);
        let a = self.val(Op::GetVar(addr_var));
        match abi::scalar_type(ty) {
            Some(_) => self.load_scalar(a, &unqual(ty)),
            None => a,
        }
    }
}
