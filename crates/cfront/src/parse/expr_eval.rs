//! Constant folding of typed expressions (integer constant expressions,
//! and the arithmetic part of static initializers).

use crate::ast::*;
use crate::types::*;

#[derive(Clone, Copy, Debug)]
pub enum Num {
    I(i128),
    F(f64),
}

/// Truncates `v` to the width of integer type `k`, sign-extending if signed.
pub fn wrap(v: i128, k: IntKind) -> i128 {
    if k == IntKind::Bool {
        return (v != 0) as i128;
    }
    let bits = k.size() * 8;
    if bits >= 128 {
        return v;
    }
    let m = v & ((1i128 << bits) - 1);
    if k.signed() && m & (1i128 << (bits - 1)) != 0 { m - (1i128 << bits) } else { m }
}

/// A floating value converted to integer type `k` (truncation; any
/// nonzero value, NaN included, is true as a `_Bool`).
pub fn float_to_int(f: f64, k: IntKind) -> i128 {
    match k {
        IntKind::Bool => (f != 0.0) as i128,
        _ if k.signed() => wrap(f as i128, k),
        _ => wrap(f as u128 as i128, k),
    }
}

pub fn eval_int(e: &Expr) -> Option<i128> {
    match eval_num(e)? {
        Num::I(v) => Some(v),
        Num::F(_) => None,
    }
}

pub fn eval_num(e: &Expr) -> Option<Num> {
    use ExprKind as K;
    Some(match &e.kind {
        K::Int(v) => Num::I(*v),
        K::Float(f) => Num::F(*f),
        K::LongFloat(b) => Num::F(crate::x87::to_f64(*b)),
        K::Cast(x) => {
            let v = eval_num(x)?;
            match (&e.ty.kind, v) {
                (Kind::Int(k), Num::I(v)) => Num::I(wrap(v, *k)),
                (Kind::Int(k), Num::F(f)) => Num::I(float_to_int(f, *k)),
                (Kind::Ptr(_), Num::I(v)) => Num::I(wrap(v, IntKind::ULong)),
                (Kind::Float(_), Num::I(v)) => Num::F(if x.ty.is_signed() { v as f64 } else { v as u128 as f64 }),
                (Kind::Float(k), Num::F(f)) => Num::F(if *k == FloatKind::Float { f as f32 as f64 } else { f }),
                _ => return None,
            }
        }
        K::Unary(op, x) => match (op, eval_num(x)?) {
            (UnOp::Neg, Num::I(v)) => Num::I(wrap(v.wrapping_neg(), e.ty.int_kind()?)),
            (UnOp::Neg, Num::F(f)) => Num::F(-f),
            (UnOp::BitNot, Num::I(v)) => Num::I(wrap(!v, e.ty.int_kind()?)),
            (UnOp::LogNot, Num::I(v)) => Num::I((v == 0) as i128),
            (UnOp::LogNot, Num::F(f)) => Num::I((f == 0.0) as i128),
            _ => return None,
        },
        K::Binary(op, a, b) => {
            let x = eval_num(a)?;
            let y = eval_num(b)?;
            match (x, y) {
                (Num::I(x), Num::I(y)) => {
                    let k = a.ty.int_kind().unwrap_or(IntKind::Long);
                    let signed = k.signed();
                    let rk = e.ty.int_kind().unwrap_or(IntKind::Long);
                    let v = match op {
                        BinOp::Add => x.wrapping_add(y),
                        BinOp::Sub => x.wrapping_sub(y),
                        BinOp::Mul => x.wrapping_mul(y),
                        BinOp::Div => {
                            if y == 0 {
                                return None;
                            }
                            if signed { x.wrapping_div(y) } else { ((x as u128) / (y as u128)) as i128 }
                        }
                        BinOp::Rem => {
                            if y == 0 {
                                return None;
                            }
                            if signed { x.wrapping_rem(y) } else { ((x as u128) % (y as u128)) as i128 }
                        }
                        BinOp::Shl => x.wrapping_shl(y as u32),
                        BinOp::Shr => {
                            if signed {
                                x >> (y as u32).min(127)
                            } else {
                                let bits = k.size() * 8;
                                let ux = if bits >= 128 { x as u128 } else { (x as u128) & ((1u128 << bits) - 1) };
                                (ux >> (y as u32).min(127)) as i128
                            }
                        }
                        BinOp::BitAnd => x & y,
                        BinOp::BitOr => x | y,
                        BinOp::BitXor => x ^ y,
                        BinOp::Eq => (x == y) as i128,
                        BinOp::Ne => (x != y) as i128,
                        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                            let ord = if signed || !a.ty.is_integer() && !a.ty.is_ptr() {
                                x.cmp(&y)
                            } else {
                                let bits = a.ty.int_kind().map(|k| k.size() * 8).unwrap_or(64);
                                let m = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
                                ((x as u128) & m).cmp(&((y as u128) & m))
                            };
                            use std::cmp::Ordering::*;
                            (match op {
                                BinOp::Lt => ord == Less,
                                BinOp::Le => ord != Greater,
                                BinOp::Gt => ord == Greater,
                                _ => ord != Less,
                            }) as i128
                        }
                    };
                    if matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) {
                        Num::I(v)
                    } else {
                        Num::I(wrap(v, rk))
                    }
                }
                (Num::F(x), Num::F(y)) => match op {
                    BinOp::Add => Num::F(x + y),
                    BinOp::Sub => Num::F(x - y),
                    BinOp::Mul => Num::F(x * y),
                    BinOp::Div => Num::F(x / y),
                    BinOp::Eq => Num::I((x == y) as i128),
                    BinOp::Ne => Num::I((x != y) as i128),
                    BinOp::Lt => Num::I((x < y) as i128),
                    BinOp::Le => Num::I((x <= y) as i128),
                    BinOp::Gt => Num::I((x > y) as i128),
                    BinOp::Ge => Num::I((x >= y) as i128),
                    _ => return None,
                },
                _ => return None,
            }
        }
        K::LogAnd(a, b) => {
            let x = eval_truth(a)?;
            if !x {
                return Some(Num::I(0));
            }
            Num::I(eval_truth(b)? as i128)
        }
        K::LogOr(a, b) => {
            let x = eval_truth(a)?;
            if x {
                return Some(Num::I(1));
            }
            Num::I(eval_truth(b)? as i128)
        }
        K::Cond(c, a, b) => {
            if eval_truth(c)? {
                eval_num(a)?
            } else {
                eval_num(b)?
            }
        }
        K::Comma(_, b) => eval_num(b)?,
        K::Addr(x) => Num::I(eval_const_addr(x)?),
        _ => return None,
    })
}

fn eval_truth(e: &Expr) -> Option<bool> {
    Some(match eval_num(e)? {
        Num::I(v) => v != 0,
        Num::F(f) => f != 0.0,
    })
}

/// `&((T *)0)->member` and friends: addresses that are plain numbers.
fn eval_const_addr(e: &Expr) -> Option<i128> {
    match &e.kind {
        ExprKind::Member { e, offset, bits: None } => Some(eval_const_addr(e)? + *offset as i128),
        ExprKind::Deref(p) => eval_int(p),
        _ => None,
    }
}
