//! GCC vector extensions, lowered lane by lane. Vector values live in
//! memory; expressions yield their address like other aggregates.

use super::*;

fn lanes(t: &CType) -> Option<(T, u64)> {
    match &t.kind {
        Kind::Vector(e, n) => Some((e.clone(), *n)),
        _ => None,
    }
}

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    fn vec_tmp(&mut self, ty: &T) -> Value {
        let size = self.size_of(ty);
        let al = self.align_of(ty);
        let s = self.temp_slot(size, al, "<vector>");
        self.slot_addr(s)
    }

    /// Lane `i` of operand `v` (a vector address, or a scalar broadcast).
    fn lane(&mut self, v: Value, ty: &T, i: u64) -> Value {
        match lanes(ty) {
            Some((el, _)) => {
                let es = self.size_of(&el);
                self.load(kt_of(&el), v, (i * es) as i32, false)
            }
            None => v,
        }
    }

    pub(super) fn vector_binary(&mut self, op: BinOp, a: Value, b: Value, lt: &T, rt: &T, res: &T) -> Value {
        let (el, n) = lanes(lt).or_else(|| lanes(rt)).expect("vector operand");
        let (rel, _) = lanes(res).expect("vector result");
        let out = self.vec_tmp(res);
        let rs = self.size_of(&rel);
        let cmp = matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
        for i in 0..n {
            let x = self.lane(a, lt, i);
            let y = self.lane(b, rt, i);
            let mut r = self.binary(op, x, y, &el, &rel);
            if cmp {
                // 0/1 → 0/-1
                r = self.val(Op::Un(kir::UnOp::Neg, r));
            }
            self.store(out, (i * rs) as i32, r, false);
        }
        out
    }

    pub(super) fn vector_unary(&mut self, op: UnOp, v: Value, ty: &T) -> Value {
        let (el, n) = lanes(ty).expect("vector operand");
        let out = self.vec_tmp(ty);
        let es = self.size_of(&el);
        for i in 0..n {
            let x = self.lane(v, ty, i);
            let r = match op {
                UnOp::Neg if self.ty(x).is_float() => self.val(Op::Un(kir::UnOp::FNeg, x)),
                UnOp::Neg => self.val(Op::Un(kir::UnOp::Neg, x)),
                _ => self.val(Op::Un(kir::UnOp::Not, x)),
            };
            self.store(out, (i * es) as i32, r, false);
        }
        out
    }

    /// Casts to or from a vector type reinterpret the bytes.
    pub(super) fn vector_cast(&mut self, v: Value, from: &T, to: &T) -> Option<Value> {
        if !from.is_vector() && !to.is_vector() {
            return None;
        }
        if to.is_vector() {
            let out = self.vec_tmp(to);
            let size = self.size_of(to);
            if from.is_vector() {
                self.copy(out, v, size, 1);
            } else {
                self.store(out, 0, v, false);
            }
            return Some(out);
        }
        // Vector to scalar of the same size.
        Some(self.load(kt_of(to), v, 0, false))
    }
}
