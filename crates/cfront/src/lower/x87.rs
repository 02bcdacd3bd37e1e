//! `long double` in x87 extended precision. A value is an `i128` holding
//! its 80-bit image (the upper bytes are don't-care, as in memory, so
//! loads and stores are plain 16-byte moves). Arithmetic, comparisons and
//! conversions to and from floating types call codegen's `__kit_x87_*`
//! stubs; sign operations and the 128-bit integer conversions work on the
//! bits here.

use super::expr::is_long_double;
use super::*;
use kir::{BinOp as KB, CmpOp, ConvOp};

const SIGN: i128 = 1 << 79;
const TWO64: u128 = (16383 + 64) << 64 | 1 << 63;

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    pub(super) fn ld_const(&mut self, bits: u128) -> Value {
        self.iconst(KT::I128, bits as i128)
    }

    fn x87(&mut self, stub: &str, args: Vec<Value>, ret: KT) -> Value {
        self.runtime_call(&format!("__kit_x87_{stub}"), args, Some(ret)).expect("stub result")
    }

    pub(super) fn ld_neg(&mut self, v: Value) -> Value {
        let s = self.iconst(KT::I128, SIGN);
        self.bin(KB::Xor, v, s)
    }

    /// |v| (`and` of the sign off), or v with the sign of `sign_of`.
    pub(super) fn ld_copysign(&mut self, v: Value, sign_of: Option<Value>) -> Value {
        let m = self.iconst(KT::I128, !SIGN);
        let mag = self.bin(KB::And, v, m);
        let Some(s) = sign_of else { return mag };
        let sm = self.iconst(KT::I128, SIGN);
        let sign = self.bin(KB::And, s, sm);
        self.bin(KB::Or, mag, sign)
    }

    pub(super) fn ld_signbit(&mut self, v: Value) -> Value {
        let s = self.iconst(KT::I128, SIGN);
        let b = self.bin(KB::And, v, s);
        let z = self.iconst(KT::I128, 0);
        self.val(Op::Cmp(CmpOp::Ne, b, z))
    }

    /// v != 0 (true for NaN; both zeros are false).
    pub(super) fn ld_truth(&mut self, v: Value) -> Value {
        let m = self.iconst(KT::I128, SIGN - 1);
        let bits = self.bin(KB::And, v, m);
        let z = self.iconst(KT::I128, 0);
        self.val(Op::Cmp(CmpOp::Ne, bits, z))
    }

    pub(super) fn ld_sqrt(&mut self, v: Value) -> Value {
        self.x87("sqrt", vec![v], KT::I128)
    }

    /// Arithmetic or a comparison on two long doubles; comparisons give
    /// an `I8` truth value before widening to `res_ty`.
    pub(super) fn ld_binary(&mut self, op: BinOp, a: Value, b: Value, res_ty: &T) -> Value {
        let stub = match op {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::Div => "div",
            _ => {
                let r = self.ld_compare(op, a, b);
                return self.val(Op::Conv(ConvOp::ZExt, r, super::kt_of(res_ty)));
            }
        };
        self.x87(stub, vec![a, b], KT::I128)
    }

    /// The `cmp` stub answers -1, 0, 1, or 2 when unordered; every C
    /// comparison but `!=` is false for 2.
    pub(super) fn ld_compare(&mut self, op: BinOp, a: Value, b: Value) -> Value {
        let r = self.x87("cmp", vec![a, b], KT::I32);
        let (c, k) = match op {
            BinOp::Eq => (CmpOp::Eq, 0),
            BinOp::Ne => (CmpOp::Ne, 0),
            BinOp::Lt => (CmpOp::SLt, 0),
            BinOp::Le => (CmpOp::SLe, 0),
            BinOp::Gt => (CmpOp::Eq, 1),
            _ => (CmpOp::ULe, 1), // Ge: 0 or 1
        };
        let k = self.iconst(KT::I32, k);
        self.val(Op::Cmp(c, r, k))
    }

    pub(super) fn ld_isnan(&mut self, v: Value) -> Value {
        self.ld_compare(BinOp::Ne, v, v)
    }

    /// A scalar of C type `from` as a long double.
    pub(super) fn ld_from_scalar(&mut self, v: Value, from: &T) -> Value {
        if is_long_double(from) {
            return v;
        }
        let signed = from.is_signed() && !from.is_ptr();
        match self.ty(v) {
            KT::F64 => self.x87("from_f64", vec![v], KT::I128),
            KT::F32 => self.x87("from_f32", vec![v], KT::I128),
            KT::I128 => {
                // hi × 2^64 + lo: both parts exact, one rounding.
                let sh = self.iconst(KT::I128, 64);
                let hi = self.bin(if signed { KB::SShr } else { KB::UShr }, v, sh);
                let hi = self.val(Op::Conv(ConvOp::Trunc, hi, KT::I64));
                let lo = self.val(Op::Conv(ConvOp::Trunc, v, KT::I64));
                let hi = self.x87(if signed { "from_i64" } else { "from_u64" }, vec![hi], KT::I128);
                let scale = self.ld_const(TWO64);
                let hi = self.x87("mul", vec![hi, scale], KT::I128);
                let lo = self.x87("from_u64", vec![lo], KT::I128);
                self.x87("add", vec![hi, lo], KT::I128)
            }
            t => {
                let wide = self.fit_int(v, KT::I64, signed);
                let stub = if signed || t.bytes() < 8 { "from_i64" } else { "from_u64" };
                self.x87(stub, vec![wide], KT::I128)
            }
        }
    }

    /// A long double converted to scalar C type `to`.
    pub(super) fn ld_to_scalar(&mut self, v: Value, to: &T) -> Value {
        if is_long_double(to) {
            return v;
        }
        if to.is_bool() {
            return self.ld_truth(v);
        }
        let signed = to.is_signed() && !to.is_ptr();
        match super::kt_of(to) {
            KT::F64 => self.x87("to_f64", vec![v], KT::F64),
            KT::F32 => self.x87("to_f32", vec![v], KT::F32),
            KT::I128 => self.ld_to_i128(v),
            t => {
                let w = if !signed && t == KT::I64 { self.x87("to_u64", vec![v], KT::I64) } else { self.x87("to_i64", vec![v], KT::I64) };
                self.fit_int(w, t, signed)
            }
        }
    }

    /// Truncation to a 128-bit integer from the bits: mantissa × 2^(e-63),
    /// shifted toward zero, then the sign applied (out-of-range values are
    /// undefined in C).
    fn ld_to_i128(&mut self, v: Value) -> Value {
        let c = |cx: &mut Self, n: i128| cx.iconst(KT::I128, n);
        let sh64 = c(self, 64);
        let se = self.bin(KB::UShr, v, sh64);
        let m15 = c(self, 0x7fff);
        let biased = self.bin(KB::And, se, m15);
        let bias = c(self, 16383 + 63);
        let e = self.bin(KB::Sub, biased, bias); // shift left by e (right by -e)
        let mmask = c(self, u64::MAX as i128);
        let m = self.bin(KB::And, v, mmask);
        let zero = c(self, 0);
        let left_ok = self.val(Op::Cmp(CmpOp::SGe, e, zero));
        let ne = self.bin(KB::Sub, zero, e);
        let lim = c(self, 127);
        let e_c = self.clamp(e, zero, lim);
        let ne_c = self.clamp(ne, zero, lim);
        let l = self.bin(KB::Shl, m, e_c);
        let r = self.bin(KB::UShr, m, ne_c);
        // Below 1 the (clamped) right shift leaves 0.
        let mag = self.val(Op::Select(left_ok, l, r));
        let s15 = c(self, 0x8000);
        let sbit = self.bin(KB::And, se, s15);
        let neg = self.val(Op::Cmp(CmpOp::Ne, sbit, zero));
        let negated = self.val(Op::Un(kir::UnOp::Neg, mag));
        self.val(Op::Select(neg, negated, mag))
    }

    fn clamp(&mut self, v: Value, lo: Value, hi: Value) -> Value {
        let below = self.val(Op::Cmp(CmpOp::SLt, v, lo));
        let v = self.val(Op::Select(below, lo, v));
        let above = self.val(Op::Cmp(CmpOp::SGt, v, hi));
        self.val(Op::Select(above, hi, v))
    }

    /// Loads `%st0` (and `%st1` for a complex value at `addr`) as the
    /// function's return value: the last thing before `ret`.
    pub(super) fn x87_return(&mut self, class_count: u8, v: Value, is_record: bool) {
        if class_count == 2 {
            let re = self.load(KT::I128, v, 0, false);
            let im = self.load(KT::I128, v, 16, false);
            self.runtime_call("__kit_x87_ret2", vec![re, im], None);
        } else {
            let v = if is_record { self.load(KT::I128, v, 0, false) } else { v };
            self.runtime_call("__kit_x87_ret", vec![v], None);
        }
    }

    /// A function that returns on the x87 stack and ends without a value
    /// still leaves one there, so its caller's pop stays balanced.
    pub(super) fn x87_return_zero(&mut self, ret: &T) {
        let ArgClass::X87(n) = abi::classify_ret(ret, self.recs()) else {
            return;
        };
        let z = self.ld_const(0);
        if n == 2 {
            self.runtime_call("__kit_x87_ret2", vec![z, z], None);
        } else {
            self.runtime_call("__kit_x87_ret", vec![z], None);
        }
    }

    /// Takes a call's x87 return value: a long double, or the address of a
    /// temporary holding the struct or complex value.
    pub(super) fn x87_result(&mut self, class_count: u8, ret_ty: &T) -> Value {
        if class_count == 2 {
            let s = self.temp_slot(32, 16, "<ret>");
            let a = self.slot_addr(s);
            self.runtime_call("__kit_x87_pop2", vec![a], None);
            return a;
        }
        let v = self.x87("pop", vec![], KT::I128);
        if !ret_ty.is_record() {
            return v;
        }
        let s = self.temp_slot(16, 16, "<ret>");
        let a = self.slot_addr(s);
        self.store(a, 0, v, false);
        a
    }
}
