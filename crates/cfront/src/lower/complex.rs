//! `_Complex` arithmetic, on floating and (GNU) integer parts. Complex values
//! live in memory (two consecutive parts); expressions yield their address
//! like other aggregates.
//! Multiplication and division call libgcc's `__mul?c3`/`__div?c3`, as gcc
//! does, for the C11 Annex G infinities and NaNs.

use super::expr::is_long_double;
use super::*;
use kir::BinOp as KB;

fn float_part(t: &CType) -> Option<FloatKind> {
    match t.kind {
        Kind::Complex(k) => Some(k),
        _ => None,
    }
}

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    fn cx_parts(&mut self, addr: Value, part: &T) -> (Value, Value) {
        let t = kt_of(part);
        let re = self.load(t, addr, 0, false);
        let im = self.load(t, addr, self.size_of(part) as i32, false);
        (re, im)
    }

    fn cx_make(&mut self, re: Value, im: Value, part: &T) -> Value {
        let n = self.size_of(part);
        let s = self.temp_slot(2 * n, n as u32, "<complex>");
        let a = self.slot_addr(s);
        self.store(a, 0, re, false);
        self.store(a, n as i32, im, false);
        a
    }

    fn part_neg(&mut self, v: Value, part: &T) -> Value {
        if is_long_double(part) {
            self.ld_neg(v)
        } else if part.is_float() {
            self.val(Op::Un(kir::UnOp::FNeg, v))
        } else {
            self.val(Op::Un(kir::UnOp::Neg, v))
        }
    }

    fn part_zero(&mut self, part: &T) -> Value {
        if is_long_double(part) {
            self.ld_const(0)
        } else if part.is_float() {
            self.val(Op::Fconst(kt_of(part), 0.0))
        } else {
            self.iconst(kt_of(part), 0)
        }
    }

    /// Conversion involving a complex type (either side); None if neither is.
    pub(super) fn complex_cast(&mut self, v: Value, from: &T, to: &T) -> Option<Value> {
        match (from.complex_part(), to.complex_part()) {
            (Some(fp), Some(tp)) => {
                if compatible_unqual(&fp, &tp) {
                    return Some(v);
                }
                let (re, im) = self.cx_parts(v, &fp);
                let re = self.convert_val(re, &fp, &tp);
                let im = self.convert_val(im, &fp, &tp);
                Some(self.cx_make(re, im, &tp))
            }
            (None, Some(tp)) => {
                let re = self.convert_val(v, from, &tp);
                let im = self.part_zero(&tp);
                Some(self.cx_make(re, im, &tp))
            }
            (Some(fp), None) => {
                let (re, im) = self.cx_parts(v, &fp);
                if to.is_bool() {
                    let a = self.truth_of(re, &fp);
                    let b = self.truth_of(im, &fp);
                    return Some(self.bin(KB::Or, a, b));
                }
                Some(self.convert_val(re, &fp, to))
            }
            (None, None) => None,
        }
    }

    pub(super) fn complex_literal(&mut self, re: &Expr, im: &Expr, ty: &T) -> Value {
        let part = ty.complex_part().unwrap_or_else(|| float_t(FloatKind::Double));
        let r = self.value(re);
        let i = self.value(im);
        let r = self.convert_val(r, &re.ty, &part);
        let i = self.convert_val(i, &im.ty, &part);
        self.cx_make(r, i, &part)
    }

    pub(super) fn complex_unary(&mut self, op: UnOp, v: Value, ty: &T) -> Value {
        let part = ty.complex_part().unwrap_or_else(|| float_t(FloatKind::Double));
        let (re, im) = self.cx_parts(v, &part);
        let nim = self.part_neg(im, &part);
        match op {
            UnOp::BitNot => self.cx_make(re, nim, &part),
            _ => {
                let nre = self.part_neg(re, &part);
                self.cx_make(nre, nim, &part)
            }
        }
    }

    /// Integer complex `*` by the textbook formula and `/` by Smith's
    /// method, as gcc does (its rounding differs from the textbook one).
    fn complex_int_mul_div(&mut self, op: BinOp, (a, b): (Value, Value), (c, d): (Value, Value), part: &T) -> Value {
        let ar = |cx: &mut Self, op, x, y| cx.binary(op, x, y, part, part);
        if op == BinOp::Mul {
            let (ac, bd, ad, bc) =
                (ar(self, BinOp::Mul, a, c), ar(self, BinOp::Mul, b, d), ar(self, BinOp::Mul, a, d), ar(self, BinOp::Mul, b, c));
            let re = ar(self, BinOp::Sub, ac, bd);
            let im = ar(self, BinOp::Add, ad, bc);
            return self.cx_make(re, im, part);
        }
        // Divide by the larger of |c| and |d| first; only the branch taken
        // divides (the other could divide by zero).
        let t = kt_of(part);
        let abs = |cx: &mut Self, x: Value| {
            if !part.is_signed() {
                return x;
            }
            let z = cx.iconst(t, 0);
            let neg = cx.val(Op::Un(kir::UnOp::Neg, x));
            let lt = cx.val(Op::Cmp(kir::CmpOp::SLt, x, z));
            cx.val(Op::Select(lt, neg, x))
        };
        let (abs_c, abs_d) = (abs(self, c), abs(self, d));
        let int = int_t(IntKind::Int);
        let c_smaller = self.binary(BinOp::Lt, abs_c, abs_d, part, &int);
        let (re_var, im_var) = (self.f.new_var(t), self.f.new_var(t));
        let (by_d, by_c, join) = (self.new_block(), self.new_block(), self.new_block());
        let cond = self.truth(c_smaller);
        self.terminate(Term::Br { cond, then: by_d, els: by_c });
        for (block, (x, y, first, second)) in [(by_d, (c, d, b, a)), (by_c, (d, c, a, b))] {
            // ratio = x/y; den = x*ratio + y; re/im from the numerators.
            self.switch_to(block);
            let ratio = ar(self, BinOp::Div, x, y);
            let xr = ar(self, BinOp::Mul, x, ratio);
            let den = ar(self, BinOp::Add, xr, y);
            let (re_num, im_num) = if block == by_d {
                let ar_ = ar(self, BinOp::Mul, a, ratio);
                let br_ = ar(self, BinOp::Mul, b, ratio);
                (ar(self, BinOp::Add, ar_, first), ar(self, BinOp::Sub, br_, second))
            } else {
                let br_ = ar(self, BinOp::Mul, b, ratio);
                let ar_ = ar(self, BinOp::Mul, a, ratio);
                (ar(self, BinOp::Add, br_, first), ar(self, BinOp::Sub, second, ar_))
            };
            let re = ar(self, BinOp::Div, re_num, den);
            let im = ar(self, BinOp::Div, im_num, den);
            self.push(Op::SetVar(re_var, re));
            self.push(Op::SetVar(im_var, im));
            self.jump(join);
        }
        self.switch_to(join);
        let re = self.val(Op::GetVar(re_var));
        let im = self.val(Op::GetVar(im_var));
        self.cx_make(re, im, part)
    }

    /// `a op b` on complex operands (already of the same complex type).
    pub(super) fn complex_binary(&mut self, op: BinOp, a: Value, b: Value, opnd: &T, res: &T) -> Value {
        let part = opnd.complex_part().unwrap_or_else(|| float_t(FloatKind::Double));
        let (ar, ai) = self.cx_parts(a, &part);
        let (br, bi) = self.cx_parts(b, &part);
        match (op, float_part(opnd)) {
            (BinOp::Add | BinOp::Sub, _) => {
                let r = self.binary(op, ar, br, &part, &part);
                let i = self.binary(op, ai, bi, &part, &part);
                self.cx_make(r, i, &part)
            }
            (BinOp::Mul | BinOp::Div, None) => self.complex_int_mul_div(op, (ar, ai), (br, bi), &part),
            (BinOp::Mul | BinOp::Div, Some(FloatKind::LDouble)) => {
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
            (BinOp::Mul | BinOp::Div, Some(k)) => {
                let name = match (op, k) {
                    (BinOp::Mul, FloatKind::Float) => "__mulsc3",
                    (BinOp::Mul, _) => "__muldc3",
                    (_, FloatKind::Float) => "__divsc3",
                    _ => "__divdc3",
                };
                let t = kt_of(&part);
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
                let int = int_t(IntKind::Int);
                let c1 = self.binary(BinOp::Eq, ar, br, &part, &int);
                let c2 = self.binary(BinOp::Eq, ai, bi, &part, &int);
                let both = self.bin(KB::And, c1, c2);
                let r = if op == BinOp::Ne {
                    let one = self.iconst(KT::I32, 1);
                    self.bin(KB::Xor, both, one)
                } else {
                    both
                };
                self.fit_int(r, kt_of(res), false)
            }
        }
    }
}
