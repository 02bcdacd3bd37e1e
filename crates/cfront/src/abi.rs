//! The x86-64 System V calling convention, as far as the frontend decides
//! it: how a C type is passed or returned (in registers as up to two
//! eightbytes, or in memory).

use crate::types::*;

#[derive(Clone, Debug, PartialEq)]
pub enum ArgClass {
    /// A scalar in one register.
    Scalar(kir::Type),
    /// An aggregate in one or two registers: one KIR type per eightbyte.
    Regs(Vec<kir::Type>),
    /// An aggregate in memory (stack argument / hidden return pointer).
    Memory,
    /// Empty struct: passed as nothing.
    Ignore,
    /// Returned on the x87 stack: `long double` or a struct of one in
    /// `%st0` (1), `_Complex long double` in `%st0`/`%st1` (2). The KIR
    /// signature returns nothing; the value moves through the `__kit_x87_ret`
    /// and `__kit_x87_pop` stubs.
    X87(u8),
}

/// The KIR type holding a value of scalar C type `t`.
pub fn scalar_type(t: &CType) -> Option<kir::Type> {
    Some(match &t.kind {
        Kind::Int(k) => match k.size() {
            1 => kir::Type::I8,
            2 => kir::Type::I16,
            4 => kir::Type::I32,
            8 => kir::Type::I64,
            _ => kir::Type::I128,
        },
        Kind::Float(FloatKind::Float) => kir::Type::F32,
        // long double: its 80-bit image in an i128, computed by x87 stubs.
        Kind::Float(FloatKind::LDouble) => kir::Type::I128,
        Kind::Float(_) => kir::Type::F64,
        Kind::Ptr(_) => kir::Type::I64,
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Leaf {
    Int,
    Float,
    X87,
}

fn leaves(t: &CType, off: u64, recs: &Records, out: &mut Vec<(u64, u64, Leaf)>, unaligned: &mut bool) {
    match &t.kind {
        Kind::Int(k) => out.push((off, k.size(), Leaf::Int)),
        Kind::Ptr(_) => out.push((off, 8, Leaf::Int)),
        Kind::Float(FloatKind::LDouble) => out.push((off, 16, Leaf::X87)),
        Kind::Float(k) => out.push((off, k.size(), Leaf::Float)),
        Kind::Complex(FloatKind::LDouble) => out.push((off, 32, Leaf::X87)),
        Kind::ComplexInt(k) => {
            out.push((off, k.size(), Leaf::Int));
            out.push((off + k.size(), k.size(), Leaf::Int));
        }
        Kind::Complex(k) => {
            out.push((off, k.size(), Leaf::Float));
            out.push((off + k.size(), k.size(), Leaf::Float));
        }
        Kind::Array(e, Some(n)) | Kind::Vector(e, n) => {
            let s = size_of(e, recs);
            for i in 0..*n {
                leaves(e, off + i * s, recs, out, unaligned);
            }
        }
        Kind::Record(id) => {
            for f in &recs.get(*id).fields {
                let a = align_of(&f.ty, recs) as u64;
                if f.bits.is_none() && !(off + f.offset).is_multiple_of(a) {
                    *unaligned = true;
                }
                match f.bits {
                    Some((b, w)) => {
                        if w > 0 {
                            let start = off + f.offset + b as u64 / 8;
                            out.push((start, (b as u64 % 8 + w as u64).div_ceil(8), Leaf::Int));
                        }
                    }
                    None => leaves(&f.ty, off + f.offset, recs, out, unaligned),
                }
            }
        }
        _ => {}
    }
}

/// Classifies how `t` is passed (C11 aggregates per SysV §3.2.3).
pub fn classify(t: &CType, recs: &Records) -> ArgClass {
    // long double (class X87) is passed in memory.
    if let Kind::Float(FloatKind::LDouble) = t.kind {
        return ArgClass::Memory;
    }
    if let Some(s) = scalar_type(t) {
        return ArgClass::Scalar(s);
    }
    let size = size_of(t, recs);
    if size == 0 {
        return ArgClass::Ignore;
    }
    if size > 16 {
        return ArgClass::Memory;
    }
    let mut ls = Vec::new();
    let mut unaligned = false;
    leaves(t, 0, recs, &mut ls, &mut unaligned);
    if unaligned || ls.iter().any(|l| l.2 == Leaf::X87) {
        return ArgClass::Memory;
    }
    let n = size.div_ceil(8);
    let mut regs = Vec::new();
    for i in 0..n {
        let (lo, hi) = (i * 8, i * 8 + 8);
        let overlapping: Vec<_> = ls.iter().filter(|l| l.0 < hi && l.0 + l.1 > lo).collect();
        let int = overlapping.iter().any(|l| l.2 == Leaf::Int) || overlapping.is_empty();
        regs.push(if int { kir::Type::I64 } else { kir::Type::F64 });
    }
    ArgClass::Regs(regs)
}

/// How a value of type `t` is returned.
pub fn classify_ret(t: &CType, recs: &Records) -> ArgClass {
    match t.kind {
        Kind::Float(FloatKind::LDouble) => return ArgClass::X87(1),
        Kind::Complex(FloatKind::LDouble) => return ArgClass::X87(2),
        Kind::Record(_) if size_of(t, recs) == 16 => {
            let mut ls = Vec::new();
            leaves(t, 0, recs, &mut ls, &mut false);
            if let [(0, 16, Leaf::X87)] = ls[..] {
                return ArgClass::X87(1);
            }
        }
        _ => {}
    }
    classify(t, recs)
}

/// Assigns argument registers left to right: an aggregate that does not fit
/// entirely in the remaining registers goes to memory (SysV §3.2.3).
pub struct Placer {
    gp: u32,
    fp: u32,
}

impl Placer {
    pub fn new(sret: bool) -> Placer {
        Placer { gp: sret as u32, fp: 0 }
    }
    pub fn place(&mut self, t: &CType, recs: &Records) -> ArgClass {
        let c = classify(t, recs);
        let (ngp, nfp) = match &c {
            ArgClass::Scalar(kir::Type::I128) => (2, 0),
            ArgClass::Scalar(x) if x.is_float() => (0, 1),
            ArgClass::Scalar(_) => (1, 0),
            ArgClass::Regs(r) => (r.iter().filter(|x| !x.is_float()).count() as u32, r.iter().filter(|x| x.is_float()).count() as u32),
            _ => (0, 0),
        };
        if self.gp + ngp > 6 || self.fp + nfp > 8 {
            if matches!(c, ArgClass::Regs(_) | ArgClass::Scalar(kir::Type::I128)) {
                return ArgClass::Memory;
            }
            return c;
        }
        self.gp += ngp;
        self.fp += nfp;
        c
    }
}

/// The lowered KIR signature of a C function type; `nargs_variadic` lists
/// the types of extra arguments at a call site (for `...`).
///
/// Calls through an unprototyped type pass every argument as a variadic one
/// (which also sets `%al`, as gcc does); an unprototyped (K&R) definition
/// receives its parameters promoted.
pub fn lower_sig(ft: &FuncType, recs: &Records, for_call: bool) -> kir::Sig {
    let mut sig = kir::Sig { variadic: ft.variadic || (for_call && ft.unprototyped), ..Default::default() };
    match classify_ret(&ft.ret, recs) {
        ArgClass::Scalar(t) => sig.rets.push(t),
        ArgClass::Regs(r) => sig.rets = r,
        ArgClass::Memory => sig.sret = true,
        ArgClass::Ignore | ArgClass::X87(_) => {}
    }
    if ft.ret.is_void() {
        sig.rets.clear();
        sig.sret = false;
    }
    if for_call && ft.unprototyped {
        return sig;
    }
    let mut placer = Placer::new(sig.sret);
    for p in &ft.params {
        let p = if ft.unprototyped { promoted(p) } else { p.clone() };
        let c = placer.place(&p, recs);
        push_class(&mut sig.params, c, &p, recs);
    }
    sig
}

pub fn push_class(params: &mut Vec<kir::Param>, c: ArgClass, p: &CType, recs: &Records) {
    match c {
        ArgClass::Scalar(t) => params.push(kir::Param::Scalar(t)),
        ArgClass::Regs(r) => params.extend(r.into_iter().map(kir::Param::Scalar)),
        ArgClass::Memory => params.push(kir::Param::ByVal { size: size_of(p, recs) as u32, align: align_of(p, recs).max(8) }),
        ArgClass::Ignore | ArgClass::X87(_) => {}
    }
}

/// The default argument promotion of a parameter type.
pub fn promoted(t: &T) -> T {
    match t.kind {
        Kind::Int(k) if k.rank() < IntKind::Int.rank() => int_t(IntKind::Int),
        Kind::Float(FloatKind::Float) => float_t(FloatKind::Double),
        _ => t.clone(),
    }
}
