//! Static initializers: constant expressions → bytes and relocations.

use super::*;
use crate::parse::expr_eval::{float_to_int, wrap};

/// A constant value: a number, or an address (symbol + offset).
#[derive(Clone, Debug)]
enum CVal {
    Int(i128),
    Float(f64),
    Addr(String, i64),
}

impl<'t, 'd> ModCx<'t, 'd> {
    pub(super) fn const_init(&mut self, ty: &T, size: u64, init: &Init) -> kir::Init {
        let mut out = kir::Init { bytes: vec![0; size as usize], relocs: Vec::new() };
        for item in &init.items {
            match &item.value {
                InitVal::Bytes(b) => {
                    let start = item.offset as usize;
                    // A flexible array member's initializer extends the object.
                    if start + b.len() > out.bytes.len() {
                        out.bytes.resize(start + b.len(), 0);
                    }
                    let end = (start + b.len()).min(out.bytes.len());
                    if start < end {
                        out.bytes[start..end].copy_from_slice(&b[..end - start]);
                    }
                }
                InitVal::Expr(e) => self.const_item(&mut out, item.offset, item.bits, e),
            }
        }
        let _ = ty;
        out
    }

    /// A constant complex value: (real, imaginary).
    fn eval_complex(&mut self, e: &Expr) -> Option<(f64, f64)> {
        let num = |c: CVal| match c {
            CVal::Int(i) => Some(i as f64),
            CVal::Float(f) => Some(f),
            _ => None,
        };
        match &e.kind {
            ExprKind::Complex(re, im) => Some((num(self.eval(re)?)?, num(self.eval(im)?)?)),
            ExprKind::Cast(x) if x.ty.is_complex() => self.eval_complex(x),
            ExprKind::Cast(x) => Some((num(self.eval(x)?)?, 0.0)),
            ExprKind::Unary(UnOp::Neg, x) => self.eval_complex(x).map(|(a, b)| (-a, -b)),
            ExprKind::Unary(UnOp::BitNot, x) => self.eval_complex(x).map(|(a, b)| (a, -b)),
            ExprKind::Binary(op, a, b) => {
                let (ar, ai) = self.eval_complex(a)?;
                let (br, bi) = self.eval_complex(b)?;
                match op {
                    BinOp::Add => Some((ar + br, ai + bi)),
                    BinOp::Sub => Some((ar - br, ai - bi)),
                    BinOp::Mul => Some((ar * br - ai * bi, ar * bi + ai * br)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn const_item(&mut self, out: &mut kir::Init, off: u64, bits: Option<(u32, u32)>, e: &Expr) {
        if let Kind::ComplexInt(k) = e.ty.kind {
            let Some((re, im)) = self.eval_complex(e) else {
                self.diags.error(e.loc, "initializer element is not constant");
                return;
            };
            let (o, n) = (off as usize, k.size() as usize);
            if o + 2 * n > out.bytes.len() {
                out.bytes.resize(o + 2 * n, 0);
            }
            out.bytes[o..o + n].copy_from_slice(&(re as i128).to_le_bytes()[..n]);
            out.bytes[o + n..o + 2 * n].copy_from_slice(&(im as i128).to_le_bytes()[..n]);
            return;
        }
        if let Kind::Complex(k) = e.ty.kind {
            let Some((re, im)) = self.eval_complex(e) else {
                self.diags.error(e.loc, "initializer element is not constant");
                return;
            };
            let o = off as usize;
            let n = k.size() as usize;
            if o + 2 * n > out.bytes.len() {
                out.bytes.resize(o + 2 * n, 0);
            }
            let ft = float_t(k);
            self.write_float(out, o, &ft, re);
            self.write_float(out, o + n, &ft, im);
            return;
        }
        if matches!(e.ty.kind, Kind::Record(_) | Kind::Vector(..)) {
            // A struct or vector initialised from another constant object: copy its
            // initializer if it is a known global, else from a compound literal.
            if let Some(src) = self.const_record_source(e) {
                let n = src.bytes.len().min(out.bytes.len().saturating_sub(off as usize));
                out.bytes[off as usize..off as usize + n].copy_from_slice(&src.bytes[..n]);
                for (o, s, a) in src.relocs {
                    out.relocs.push((off + o, s, a));
                }
                return;
            }
            self.diags.error(e.loc, "initializer element is not constant");
            return;
        }
        if let (Kind::Float(FloatKind::LDouble), Some(b)) = (&e.ty.kind, fold_long_double(e)) {
            let o = off as usize;
            if out.bytes.len() < o + 16 {
                out.bytes.resize(o + 16, 0);
            }
            out.bytes[o..o + 10].copy_from_slice(&b.to_le_bytes()[..10]);
            return;
        }
        let Some(v) = self.eval(e) else {
            self.diags.error(e.loc, "initializer element is not constant");
            return;
        };
        let size = size_of(&e.ty, self.recs()) as usize;
        let o = off as usize;
        if o + size > out.bytes.len() {
            out.bytes.resize(o + size, 0);
        }
        match v {
            CVal::Int(i) => {
                if let Some((b, w)) = bits {
                    let mut unit = [0u8; 16];
                    let n = ((b + w) as usize).div_ceil(8).min(out.bytes.len() - o);
                    unit[..n].copy_from_slice(&out.bytes[o..o + n]);
                    let mut x = u128::from_le_bytes(unit);
                    let mask = ((1u128 << w) - 1) << b;
                    x = (x & !mask) | (((i as u128) << b) & mask);
                    out.bytes[o..o + n].copy_from_slice(&x.to_le_bytes()[..n]);
                } else if let Kind::Float(FloatKind::LDouble) = e.ty.kind {
                    out.bytes[o..o + 10].copy_from_slice(&crate::x87::from_int(i).to_le_bytes()[..10]);
                } else if e.ty.is_float() {
                    self.write_float(out, o, &e.ty, i as f64);
                } else {
                    let b = i.to_le_bytes();
                    out.bytes[o..o + size].copy_from_slice(&b[..size]);
                }
            }
            CVal::Float(f) => {
                if e.ty.is_float() {
                    self.write_float(out, o, &e.ty, f);
                } else {
                    let b = (f as i128).to_le_bytes();
                    out.bytes[o..o + size].copy_from_slice(&b[..size]);
                }
            }
            CVal::Addr(sym, a) => {
                if size != 8 {
                    self.diags.error(e.loc, "initializer element is not computable at load time");
                    return;
                }
                out.relocs.push((off, sym, a));
            }
        }
    }

    fn write_float(&self, out: &mut kir::Init, o: usize, ty: &T, f: f64) {
        match ty.kind {
            Kind::Float(FloatKind::Float) => out.bytes[o..o + 4].copy_from_slice(&(f as f32).to_le_bytes()),
            Kind::Float(FloatKind::LDouble) => {
                if out.bytes.len() < o + 16 {
                    out.bytes.resize(o + 16, 0);
                }
                out.bytes[o..o + 10].copy_from_slice(&crate::x87::from_f64(f).to_le_bytes()[..10]);
            }
            _ => out.bytes[o..o + 8].copy_from_slice(&f.to_le_bytes()),
        }
    }

    fn const_record_source(&mut self, e: &Expr) -> Option<kir::Init> {
        match &e.kind {
            ExprKind::Global(name) => {
                let g = self.tu.globals.iter().find(|g| &g.name == name)?;
                let init = g.init.clone()?;
                let size = size_of(&g.ty, self.recs());
                Some(self.const_init(&g.ty, size, &init))
            }
            ExprKind::CompoundLit(_, init) => {
                let size = size_of(&e.ty, self.recs());
                Some(self.const_init(&e.ty, size, init))
            }
            ExprKind::Cast(x) => self.const_record_source(x),
            _ => None,
        }
    }

    fn eval(&mut self, e: &Expr) -> Option<CVal> {
        use ExprKind as K;
        Some(match &e.kind {
            K::Int(v) => CVal::Int(*v),
            K::Float(f) => CVal::Float(*f),
            K::LongFloat(b) => CVal::Float(crate::x87::to_f64(*b)),
            K::Addr(x) => self.eval_addr(x)?,
            K::Cast(x) => {
                let v = match &x.ty.kind {
                    Kind::Complex(_) => CVal::Float(self.eval_complex(x)?.0),
                    Kind::Float(FloatKind::LDouble) => match fold_long_double(x) {
                        Some(b) => CVal::Float(crate::x87::to_f64(b)),
                        None => self.eval(x)?,
                    },
                    _ => self.eval(x)?,
                };
                match (v, &e.ty.kind) {
                    (CVal::Int(i), Kind::Int(k)) => CVal::Int(wrap(i, *k)),
                    (CVal::Int(i), Kind::Ptr(_)) => CVal::Int(wrap(i, IntKind::ULong)),
                    (CVal::Int(i), Kind::Float(k)) => {
                        let f = if x.ty.is_signed() { i as f64 } else { i as u128 as f64 };
                        CVal::Float(if *k == FloatKind::Float { f as f32 as f64 } else { f })
                    }
                    (CVal::Float(f), Kind::Int(k)) => CVal::Int(float_to_int(f, *k)),
                    (CVal::Float(f), Kind::Float(k)) => CVal::Float(if *k == FloatKind::Float { f as f32 as f64 } else { f }),
                    (a @ CVal::Addr(..), Kind::Ptr(_)) => a,
                    // An object's address is never null.
                    (CVal::Addr(..), Kind::Int(IntKind::Bool)) => CVal::Int(1),
                    (a @ CVal::Addr(..), Kind::Int(k)) if k.size() == 8 => a,
                    _ => return None,
                }
            }
            K::Binary(op, a, b) => {
                let x = self.eval(a)?;
                let y = self.eval(b)?;
                match (x, y) {
                    (CVal::Addr(s, o), CVal::Int(i)) if matches!(op, BinOp::Add | BinOp::Sub) => {
                        CVal::Addr(s, if *op == BinOp::Add { o + i as i64 } else { o - i as i64 })
                    }
                    (CVal::Int(i), CVal::Addr(s, o)) if *op == BinOp::Add => CVal::Addr(s, o + i as i64),
                    (CVal::Addr(s1, o1), CVal::Addr(s2, o2)) if *op == BinOp::Sub && s1 == s2 => CVal::Int((o1 - o2) as i128),
                    (x, y) => {
                        // Fold numerically by rebuilding the node over literals.
                        let lit = |v: CVal, t: &T| match v {
                            CVal::Int(i) => Some(Expr { kind: K::Int(i), ty: t.clone(), loc: e.loc }),
                            CVal::Float(f) => Some(Expr { kind: K::Float(f), ty: t.clone(), loc: e.loc }),
                            _ => None,
                        };
                        let ne =
                            Expr { kind: K::Binary(*op, Box::new(lit(x, &a.ty)?), Box::new(lit(y, &b.ty)?)), ty: e.ty.clone(), loc: e.loc };
                        match crate::parse::expr_eval::eval_num(&ne)? {
                            crate::parse::expr_eval::Num::I(i) => CVal::Int(i),
                            crate::parse::expr_eval::Num::F(f) => CVal::Float(f),
                        }
                    }
                }
            }
            K::Unary(..) | K::LogAnd(..) | K::LogOr(..) => match crate::parse::expr_eval::eval_num(e)? {
                crate::parse::expr_eval::Num::I(i) => CVal::Int(i),
                crate::parse::expr_eval::Num::F(f) => CVal::Float(f),
            },
            K::Cond(c, a, b) => match self.eval(c)? {
                CVal::Int(0) => self.eval(b)?,
                CVal::Float(0.0) => self.eval(b)?,
                _ => self.eval(a)?,
            },
            K::Comma(_, b) => self.eval(b)?,
            // `&&label` in a static table: the same opaque number the
            // function's computed goto dispatches on.
            K::LabelAddr(id) => CVal::Int(*id as i128 + 1),
            _ => return None,
        })
    }

    fn eval_addr(&mut self, e: &Expr) -> Option<CVal> {
        use ExprKind as K;
        Some(match &e.kind {
            K::Global(n) => CVal::Addr(n.to_string(), 0),
            K::Str(b) => CVal::Addr(self.string_sym(b), 0),
            K::Member { e: x, offset, bits: None } => match self.eval_addr(x)? {
                CVal::Addr(s, o) => CVal::Addr(s, o + *offset as i64),
                CVal::Int(i) => CVal::Int(i + *offset as i128),
                _ => return None,
            },
            K::Deref(p) => self.eval(p)?,
            K::CompoundLit(..) => return None,
            K::Cast(x) => self.eval_addr(x)?,
            _ => return None,
        })
    }
}

/// A constant long double expression folded at x87 precision (literals,
/// conversions, negation and + - * /); None for anything else, which then
/// folds in double precision.
fn fold_long_double(e: &Expr) -> Option<u128> {
    use crate::x87;
    let is_ld = |t: &T| matches!(t.kind, Kind::Float(FloatKind::LDouble));
    match &e.kind {
        ExprKind::LongFloat(b) => Some(*b),
        ExprKind::Float(f) => Some(x87::from_f64(*f)),
        ExprKind::Int(v) => Some(x87::from_int(*v)),
        ExprKind::Unary(UnOp::Neg, x) if is_ld(&x.ty) => fold_long_double(x).map(|b| b ^ 1 << 79),
        ExprKind::Cast(x) if is_ld(&x.ty) => fold_long_double(x),
        ExprKind::Cast(x) => match (&x.ty.kind, crate::parse::expr_eval::eval_num(x)?) {
            (Kind::Int(_), crate::parse::expr_eval::Num::I(v)) if x.ty.is_signed() || v >= 0 => Some(x87::from_int(v)),
            (Kind::Float(_), crate::parse::expr_eval::Num::F(f)) => Some(x87::from_f64(f)),
            _ => None,
        },
        ExprKind::Binary(op, a, b) if is_ld(&a.ty) && is_ld(&b.ty) && is_ld(&e.ty) => {
            let (a, b) = (fold_long_double(a)?, fold_long_double(b)?);
            match op {
                BinOp::Add => x87::add(a, b),
                BinOp::Sub => x87::add(a, b ^ 1 << 79),
                BinOp::Mul => x87::mul(a, b),
                BinOp::Div => x87::div(a, b),
                _ => None,
            }
        }
        _ => None,
    }
}
