//! `_Complex` arithmetic. Complex values live in memory (two consecutive
//! floats); expressions yield their address like other aggregates.
//! Multiplication and division call libgcc's `__mul?c3`/`__div?c3`, as gcc
//! does, for the C11 Annex G infinities and NaNs.

use super::*;
use kir::{BinOp as KB, CmpOp, ConvOp};

fn elem(t: &CType) -> Option<FloatKind> {
    match t.kind {
        Kind::Complex(k) => Some(k),
        _ => None,
    }
}

fn kt(k: FloatKind) -> KT {
    match k {
        FloatKind::Float => KT::F32,
        FloatKind::Double => KT::F64,
        FloatKind::LDouble => KT::I128,
    }
}

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    fn cx_parts(&mut self, addr: Value, k: FloatKind) -> (Value, Value) {
        let t = kt(k);
        let re = self.load(t, addr, 0, false);
        let im = self.load(t, addr, k.size() as i32, false);
        (re, im)
    }

    fn cx_make(&mut self, re: Value, im: Value, k: FloatKind) -> Value {
        let s = self.temp_slot(2 * k.size(), k.size() as u32, "<complex>");
        let a = self.slot_addr(s);
        self.store(a, 0, re, false);
        self.store(a, k.size() as i32, im, false);
        a
    }

    fn part_neg(&mut self, v: Value, k: FloatKind) -> Value {
        if k == FloatKind::LDouble { self.ld_neg(v) } else { self.val(Op::Un(kir::UnOp::FNeg, v)) }
    }

    fn part_zero(&mut self, k: FloatKind) -> Value {
        if k == FloatKind::LDouble { self.ld_const(0) } else { self.val(Op::Fconst(kt(k), 0.0)) }
    }

    /// Conversion involving a complex type (either side); None if neither is.
    pub(super) fn complex_cast(&mut self, v: Value, from: &T, to: &T) -> Option<Value> {
        match (elem(from), elem(to)) {
            (Some(fk), Some(tk)) => {
                if fk == tk {
                    return Some(v);
                }
                let (re, im) = self.cx_parts(v, fk);
                let re = self.convert_val(re, &float_t(fk), &float_t(tk));
                let im = self.convert_val(im, &float_t(fk), &float_t(tk));
                Some(self.cx_make(re, im, tk))
            }
            (None, Some(tk)) => {
                let real = float_t(tk);
                let re = self.convert_val(v, from, &real);
                let im = self.part_zero(tk);
                Some(self.cx_make(re, im, tk))
            }
            (Some(fk), None) => {
                let (re, im) = self.cx_parts(v, fk);
                if to.is_bool() {
                    let a = self.truth_of(re, &float_t(fk));
                    let b = self.truth_of(im, &float_t(fk));
                    return Some(self.bin(KB::Or, a, b));
                }
                Some(self.convert_val(re, &float_t(fk), to))
            }
            (None, None) => None,
        }
    }

    pub(super) fn complex_literal(&mut self, re: &Expr, im: &Expr, ty: &T) -> Value {
        let k = elem(ty).unwrap_or(FloatKind::Double);
        let r = self.value(re);
        let i = self.value(im);
        let r = self.convert_val(r, &re.ty, &float_t(k));
        let i = self.convert_val(i, &im.ty, &float_t(k));
        self.cx_make(r, i, k)
    }

    pub(super) fn complex_unary(&mut self, op: UnOp, v: Value, ty: &T) -> Value {
        let k = elem(ty).unwrap_or(FloatKind::Double);
        let (re, im) = self.cx_parts(v, k);
        let nim = self.part_neg(im, k);
        match op {
            UnOp::BitNot => self.cx_make(re, nim, k),
            _ => {
                let nre = self.part_neg(re, k);
                self.cx_make(nre, nim, k)
            }
        }
    }

    /// `a op b` on complex operands (already of the same complex type).
    pub(super) fn complex_binary(&mut self, op: BinOp, a: Value, b: Value, opnd: &T, res: &T) -> Value {
        let k = elem(opnd).unwrap_or(FloatKind::Double);
        let (ar, ai) = self.cx_parts(a, k);
        let (br, bi) = self.cx_parts(b, k);
        match op {
            BinOp::Add | BinOp::Sub if k == FloatKind::LDouble => {
                let lt = float_t(k);
                let r = self.ld_binary(op, ar, br, &lt);
                let i = self.ld_binary(op, ai, bi, &lt);
                self.cx_make(r, i, k)
            }
            BinOp::Mul | BinOp::Div if k == FloatKind::LDouble => {
                // __mulxc3/__divxc3 take four long doubles in memory and
                // answer in %st0/%st1.
                let name = if op == BinOp::Mul { "__mulxc3" } else { "__divxc3" };
                let mut args = Vec::new();
                for v in [ar, ai, br, bi] {
                    let s = self.temp_slot(16, 16, "<arg>");
                    let a = self.slot_addr(s);
                    self.store(a, 0, v, false);
                    args.push(a);
                }
                let sig = kir::Sig { params: vec![kir::Param::ByVal { size: 16, align: 16 }; 4], ..Default::default() };
                let line = self.line;
                self.f.blocks[self.cur.0 as usize].insts.push(kir::Inst {
                    result: None,
                    op: Op::Call { callee: kir::Callee::Direct(name.into()), sig, args, rets: vec![] },
                    line,
                });
                self.x87_result(2, res)
            }
            BinOp::Add | BinOp::Sub => {
                let o = if op == BinOp::Add { KB::FAdd } else { KB::FSub };
                let r = self.bin(o, ar, br);
                let i = self.bin(o, ai, bi);
                self.cx_make(r, i, k)
            }
            BinOp::Mul | BinOp::Div => {
                let name = match (op, k) {
                    (BinOp::Mul, FloatKind::Float) => "__mulsc3",
                    (BinOp::Mul, _) => "__muldc3",
                    (_, FloatKind::Float) => "__divsc3",
                    _ => "__divdc3",
                };
                let t = kt(k);
                let rets = if k == FloatKind::Float { vec![KT::F64] } else { vec![t, t] };
                let sig = kir::Sig { params: vec![kir::Param::Scalar(t); 4], rets: rets.clone(), ..Default::default() };
                let out: Vec<Value> = rets.iter().map(|&r| self.f.new_value(r)).collect();
                let line = self.line;
                self.f.blocks[self.cur.0 as usize].insts.push(kir::Inst {
                    result: None,
                    op: Op::Call { callee: kir::Callee::Direct(name.into()), sig, args: vec![ar, ai, br, bi], rets: out.clone() },
                    line,
                });
                let s = self.temp_slot(2 * k.size().max(4), 8, "<complex>");
                let addr = self.slot_addr(s);
                // complex float comes back packed in one register.
                for (n, v) in out.iter().enumerate() {
                    self.store(addr, 8 * n as i32, *v, false);
                }
                addr
            }
            _ => {
                // == and != compare both parts.
                let (c1, c2) = if k == FloatKind::LDouble {
                    (self.ld_compare(BinOp::Eq, ar, br), self.ld_compare(BinOp::Eq, ai, bi))
                } else {
                    (self.val(Op::Cmp(CmpOp::FEq, ar, br)), self.val(Op::Cmp(CmpOp::FEq, ai, bi)))
                };
                let both = self.bin(KB::And, c1, c2);
                let r = if op == BinOp::Ne {
                    let one = self.iconst(KT::I8, 1);
                    self.bin(KB::Xor, both, one)
                } else {
                    both
                };
                self.val(Op::Conv(ConvOp::ZExt, r, kt_of(res)))
            }
        }
    }
}
