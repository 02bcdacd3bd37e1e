//! Expressions: precedence climbing, typing, implicit conversions,
//! constant evaluation, literals and builtins.

use super::decl::Attrs;
use super::*;

pub(crate) use super::expr_eval::{Num, wrap as wrap_int};

fn binop_for(p: Punct) -> Option<(BinOp, u8)> {
    use BinOp::*;
    Some(match p {
        Punct::Star => (Mul, 10),
        Punct::Slash => (Div, 10),
        Punct::Percent => (Rem, 10),
        Punct::Plus => (Add, 9),
        Punct::Minus => (Sub, 9),
        Punct::Shl => (Shl, 8),
        Punct::Shr => (Shr, 8),
        Punct::Lt => (Lt, 7),
        Punct::Gt => (Gt, 7),
        Punct::Le => (Le, 7),
        Punct::Ge => (Ge, 7),
        Punct::EqEq => (Eq, 6),
        Punct::Ne => (Ne, 6),
        Punct::Amp => (BitAnd, 5),
        Punct::Caret => (BitXor, 4),
        Punct::Pipe => (BitOr, 3),
        _ => return None,
    })
}

fn compound_op(p: Punct) -> Option<BinOp> {
    use BinOp::*;
    Some(match p {
        Punct::AddAssign => Add,
        Punct::SubAssign => Sub,
        Punct::MulAssign => Mul,
        Punct::DivAssign => Div,
        Punct::ModAssign => Rem,
        Punct::ShlAssign => Shl,
        Punct::ShrAssign => Shr,
        Punct::AndAssign => BitAnd,
        Punct::OrAssign => BitOr,
        Punct::XorAssign => BitXor,
        _ => return None,
    })
}

pub(crate) fn is_lvalue(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_) | ExprKind::Global(_) | ExprKind::Deref(_) | ExprKind::Str(_) | ExprKind::CompoundLit(..) => true,
        ExprKind::Member { e, .. } => is_lvalue(e) || e.ty.is_record(),
        _ => false,
    }
}

/// Names of libc functions gcc treats as builtins with `__builtin_` prefix.
fn libc_builtin_type(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    // (return, params) spelled as simple type names.
    Some(match name {
        "sin" | "cos" | "tan" | "asin" | "acos" | "atan" | "sinh" | "cosh" | "tanh" | "exp" | "log" | "log10" | "log2" | "sqrt"
        | "fabs" | "floor" | "ceil" | "round" | "trunc" | "cbrt" | "exp2" | "expm1" | "log1p" | "rint" | "nearbyint" | "logb" => {
            ("double", &["double"])
        }
        "sinf" | "cosf" | "tanf" | "asinf" | "acosf" | "atanf" | "sinhf" | "coshf" | "tanhf" | "expf" | "logf" | "log10f" | "log2f"
        | "sqrtf" | "fabsf" | "floorf" | "ceilf" | "roundf" | "truncf" | "cbrtf" | "exp2f" | "expm1f" | "log1pf" | "rintf"
        | "nearbyintf" | "logbf" => ("float", &["float"]),
        "fma" => ("double", &["double", "double", "double"]),
        "fmaf" => ("float", &["float", "float", "float"]),
        "sinl" | "cosl" | "tanl" | "sqrtl" | "fabsl" | "floorl" | "ceill" | "expl" | "logl" | "log2l" | "log10l" | "truncl" | "roundl"
        | "rintl" => ("ldouble", &["ldouble"]),
        "fmaxl" | "fminl" | "hypotl" | "atan2l" | "fdiml" => ("ldouble", &["ldouble", "ldouble"]),
        "ilogb" => ("int", &["double"]),
        "ilogbl" => ("int", &["ldouble"]),
        "pow" | "atan2" | "fmod" | "fmin" | "fmax" | "copysign" | "hypot" | "nextafter" | "remainder" | "fdim" => {
            ("double", &["double", "double"])
        }
        "powf" | "fmodf" | "fminf" | "fmaxf" | "copysignf" | "atan2f" => ("float", &["float", "float"]),
        "powl" | "fmodl" | "copysignl" => ("ldouble", &["ldouble", "ldouble"]),
        "ldexp" => ("double", &["double", "int"]),
        "frexp" => ("double", &["double", "ptr"]),
        "memcpy" | "memmove" => ("ptr", &["ptr", "cptr", "size"]),
        "memset" => ("ptr", &["ptr", "int", "size"]),
        "memcmp" | "strncmp" => ("int", &["cptr", "cptr", "size"]),
        "strcmp" => ("int", &["cptr", "cptr"]),
        "strlen" => ("size", &["cptr"]),
        "strcpy" | "strcat" => ("ptr", &["ptr", "cptr"]),
        "strncpy" | "strncat" => ("ptr", &["ptr", "cptr", "size"]),
        "strchr" | "strrchr" | "memchr_" => ("ptr", &["cptr", "int"]),
        "memchr" => ("ptr", &["cptr", "int", "size"]),
        "strstr" | "strpbrk" => ("ptr", &["cptr", "cptr"]),
        "strspn" | "strcspn" => ("size", &["cptr", "cptr"]),
        "malloc" => ("ptr", &["size"]),
        "calloc" => ("ptr", &["size", "size"]),
        "realloc" => ("ptr", &["ptr", "size"]),
        "free" => ("void", &["ptr"]),
        "abort" => ("void", &[]),
        "exit" | "_exit" => ("void", &["int"]),
        "abs" => ("int", &["int"]),
        "labs" | "llabs" => ("long", &["long"]),
        "printf" | "puts" => ("int", &["ptr"]),
        "sprintf" | "fprintf" => ("int", &["ptr", "ptr"]),
        "snprintf" => ("int", &["ptr", "size", "ptr"]),
        "putchar" => ("int", &["int"]),
        "isdigit" | "isalpha" | "isspace" | "toupper" | "tolower" | "isupper" | "islower" | "isalnum" | "isprint" | "isxdigit" => {
            ("int", &["int"])
        }
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    // ---- conversions ----

    /// Lvalue conversion and array/function decay.
    pub(super) fn rvalue(&mut self, e: Expr) -> Expr {
        match &e.ty.kind {
            Kind::Array(el, _) | Kind::Vla(el, _) => {
                let ty = ptr_to(el.clone());
                self.mark_addr_taken(&e);
                Expr { ty, loc: e.loc, kind: ExprKind::Addr(Box::new(e)) }
            }
            Kind::Func(_) => {
                let ty = ptr_to(e.ty.clone());
                Expr { ty, loc: e.loc, kind: ExprKind::Addr(Box::new(e)) }
            }
            _ => e,
        }
    }

    pub(super) fn mark_addr_taken(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(id) => {
                if let Some(fs) = self.fs.as_mut() {
                    fs.locals[*id as usize].addr_taken = true;
                }
            }
            ExprKind::Member { e, .. } => self.mark_addr_taken(e),
            _ => {}
        }
    }

    /// Converts an rvalue to `ty` (unqualified), folding integer constants.
    pub(super) fn convert(&mut self, e: Expr, ty: &T) -> Expr {
        let e = self.rvalue(e);
        let to = unqual(ty);
        if to.is_void() {
            return Expr { kind: ExprKind::Cast(Box::new(e.clone())), ty: to, loc: e.loc };
        }
        let same = match (&e.ty.kind, &to.kind) {
            (Kind::Int(a), Kind::Int(b)) => a == b,
            (Kind::Float(a), Kind::Float(b)) => a == b,
            (Kind::Ptr(_), Kind::Ptr(_)) => true,
            (Kind::Record(a), Kind::Record(b)) => a == b,
            (Kind::Complex(a), Kind::Complex(b)) => a == b,
            (Kind::ComplexInt(a), Kind::ComplexInt(b)) => a == b,
            (Kind::Vector(..), Kind::Vector(..)) => compatible_unqual(&e.ty, &to),
            _ => false,
        };
        if same {
            return Expr { ty: to, ..e };
        }
        if let (ExprKind::Int(v), Kind::Int(k)) = (&e.kind, &to.kind)
            && e.ty.is_integer()
        {
            return Expr { kind: ExprKind::Int(wrap_int(*v, *k)), ty: to, loc: e.loc };
        }
        if let (ExprKind::Int(v), Kind::Float(k)) = (&e.kind, &to.kind) {
            if e.ty.is_integer() && *k == FloatKind::LDouble {
                return Expr { kind: ExprKind::LongFloat(crate::x87::from_int(*v)), ty: to, loc: e.loc };
            }
            if e.ty.is_integer() {
                let f = if e.ty.is_signed() { *v as f64 } else { *v as u128 as f64 };
                return Expr { kind: ExprKind::Float(f), ty: to, loc: e.loc };
            }
        }
        if let (ExprKind::Float(f), Kind::Float(k)) = (&e.kind, &to.kind) {
            let f = if *k == FloatKind::Float { *f as f32 as f64 } else { *f };
            return Expr { kind: ExprKind::Float(f), ty: to, loc: e.loc };
        }
        let loc = e.loc;
        Expr { kind: ExprKind::Cast(Box::new(e)), ty: to, loc }
    }

    /// Integer promotion (bit-fields narrower than int promote to int).
    pub(super) fn promote(&mut self, e: Expr) -> Expr {
        let e = self.rvalue(e);
        if let Some(k) = e.ty.int_kind() {
            if let ExprKind::Member { bits: Some((_, w)), .. } = &e.kind {
                // Bit-fields promote by width: narrower than int → int; exactly
                // 32 bits → int or unsigned int; wider keep their type.
                let t = if *w < 32 {
                    Some(IntKind::Int)
                } else if *w == 32 {
                    Some(if k.signed() { IntKind::Int } else { IntKind::UInt })
                } else {
                    None
                };
                if let Some(t) = t {
                    return self.convert(e, &int_t(t));
                }
            }
            if k.rank() < IntKind::Int.rank() {
                return self.convert(e, &int_t(IntKind::Int));
            }
        }
        e
    }

    /// The common type of the usual arithmetic conversions.
    pub(super) fn arith_type(&self, a: &T, b: &T) -> T {
        if let (Kind::Float(x), Kind::Float(y)) = (&a.kind, &b.kind) {
            let k = match (x, y) {
                (FloatKind::LDouble, _) | (_, FloatKind::LDouble) => FloatKind::LDouble,
                (FloatKind::Double, _) | (_, FloatKind::Double) => FloatKind::Double,
                _ => FloatKind::Float,
            };
            return float_t(k);
        }
        if matches!(a.kind, Kind::ComplexInt(_)) || matches!(b.kind, Kind::ComplexInt(_)) {
            // GNU complex integers: the complex type of the parts' common
            // real type.
            let part = |t: &T| t.complex_part().unwrap_or_else(|| unqual(t));
            let (pa, pb) = (part(a), part(b));
            let promote = |t: T| match t.int_kind() {
                Some(k) if k.rank() < IntKind::Int.rank() => int_t(IntKind::Int),
                _ => t,
            };
            let common = self.arith_type(&promote(pa), &promote(pb));
            return match common.kind {
                Kind::Float(k) => mk(Kind::Complex(k)),
                Kind::Int(k) => mk(Kind::ComplexInt(k)),
                _ => common,
            };
        }
        if a.is_complex() || b.is_complex() {
            // The complex type of the wider real type.
            let rank = |t: &T| match t.kind {
                Kind::Complex(k) | Kind::Float(k) => k,
                _ => FloatKind::Float,
            };
            let (x, y) = (rank(a), rank(b));
            let int_part = !matches!(a.kind, Kind::Complex(_) | Kind::Float(_)) || !matches!(b.kind, Kind::Complex(_) | Kind::Float(_));
            let order = |k: FloatKind| match k {
                FloatKind::Float => 0,
                FloatKind::Double => 1,
                FloatKind::LDouble => 2,
            };
            let mut k = if order(x) >= order(y) { x } else { y };
            if int_part
                && k == FloatKind::Float
                && !matches!((&a.kind, &b.kind), (Kind::Complex(_), Kind::Int(_)) | (Kind::Int(_), Kind::Complex(_)))
            {
                k = FloatKind::Double;
            }
            return mk(Kind::Complex(k));
        }
        if a.is_float() {
            return unqual(a);
        }
        if b.is_float() {
            return unqual(b);
        }
        let pa = a.int_kind().map(|k| if k.rank() < 3 { IntKind::Int } else { k }).unwrap_or(IntKind::Long);
        let pb = b.int_kind().map(|k| if k.rank() < 3 { IntKind::Int } else { k }).unwrap_or(IntKind::Long);
        if pa == pb {
            return int_t(pa);
        }
        if pa.signed() == pb.signed() {
            return int_t(if pa.rank() >= pb.rank() { pa } else { pb });
        }
        let (s, u) = if pa.signed() { (pa, pb) } else { (pb, pa) };
        if u.rank() >= s.rank() {
            int_t(u)
        } else if s.size() > u.size() {
            int_t(s)
        } else {
            int_t(s.to_unsigned())
        }
    }

    fn usual_arith(&mut self, a: Expr, b: Expr) -> (Expr, Expr, T) {
        let a = self.promote(a);
        let b = self.promote(b);
        let t = self.arith_type(&a.ty, &b.ty);
        (self.convert(a, &t), self.convert(b, &t), t)
    }

    fn check_scalar(&mut self, e: &Expr, what: &str) {
        if !e.ty.is_scalar() && !e.ty.is_complex() {
            let n = self.tname(&e.ty);
            self.err(e.loc, format!("used {n} where {what} is required"));
        }
    }

    /// Converts to a truth value usable as a condition.
    pub(super) fn cond_value(&mut self, e: Expr) -> Expr {
        let e = self.rvalue(e);
        if e.ty.is_complex() {
            let loc = e.loc;
            let zero = int_lit(0, int_t(IntKind::Int), loc);
            return self.make_binary(BinOp::Ne, e, zero, loc);
        }
        self.check_scalar(&e, "scalar");
        e
    }

    // ---- constant evaluation ----

    pub(crate) fn eval_int(&self, e: &Expr) -> Option<i128> {
        super::expr_eval::eval_int(e)
    }

    pub(crate) fn eval_num(&self, e: &Expr) -> Option<Num> {
        super::expr_eval::eval_num(e)
    }

    /// A constant integer expression (array sizes, case labels, enums...).
    pub(super) fn const_int_expr(&mut self) -> Option<i128> {
        let loc = self.loc();
        let e = self.cond_expr().ok()?;
        match self.eval_int(&e) {
            Some(v) => Some(v),
            None => {
                self.err(loc, "expression is not an integer constant expression");
                None
            }
        }
    }

    // ---- grammar ----

    pub(super) fn expr(&mut self) -> PResult<Expr> {
        let mut e = self.assign_expr()?;
        while self.is(Punct::Comma) {
            let loc = self.bump().loc;
            let r = self.assign_expr()?;
            let r = self.rvalue(r);
            let ty = r.ty.clone();
            e = Expr { kind: ExprKind::Comma(Box::new(e), Box::new(r)), ty, loc };
        }
        Ok(e)
    }

    pub(super) fn assign_expr(&mut self) -> PResult<Expr> {
        let lhs = self.cond_expr()?;
        let t = self.peek().clone();
        let TokKind::Punct(p) = t.kind else { return Ok(lhs) };
        if p == Punct::Assign {
            self.bump();
            let rhs = self.assign_expr()?;
            return Ok(self.make_assign(lhs, rhs, t.loc));
        }
        if let Some(op) = compound_op(p) {
            self.bump();
            let rhs = self.assign_expr()?;
            self.check_assignable(&lhs, t.loc);
            let lty = unqual(&lhs.ty);
            let (rhs, op_ty) = if let Kind::Vector(el, _) = &lty.kind {
                let r = self.rvalue(rhs);
                let r = if r.ty.is_vector() { r } else { self.convert(r, el) };
                (r, lty.clone())
            } else if lty.is_ptr() && matches!(op, BinOp::Add | BinOp::Sub) {
                let r = self.promote(rhs);
                (self.scale_index(r, &lty), lty.clone())
            } else if matches!(op, BinOp::Shl | BinOp::Shr) {
                let pt = self.promote(Expr { kind: ExprKind::Int(0), ty: lty.clone(), loc: t.loc }).ty;
                let r = self.promote(rhs);
                (r, pt)
            } else {
                let r = self.rvalue(rhs);
                let lt = if let ExprKind::Member { bits: Some(_), .. } = &lhs.kind { self.promote(lhs.clone()).ty } else { lty.clone() };
                let ot = self.arith_type(&lt, &r.ty);
                (self.convert(r, &ot), ot)
            };
            return Ok(Expr { kind: ExprKind::CompoundAssign { op, lhs: Box::new(lhs), rhs: Box::new(rhs), op_ty }, ty: lty, loc: t.loc });
        }
        Ok(lhs)
    }

    fn check_assignable(&mut self, lhs: &Expr, loc: Loc) {
        if !is_lvalue(lhs) {
            self.err(loc, "lvalue required as left operand of assignment");
        } else if lhs.ty.is_const {
            self.err(loc, "assignment of read-only location");
        } else if lhs.ty.is_array() {
            self.err(loc, "assignment to expression with array type");
        }
    }

    pub(super) fn make_assign(&mut self, lhs: Expr, rhs: Expr, loc: Loc) -> Expr {
        self.check_assignable(&lhs, loc);
        let ty = unqual(&lhs.ty);
        let rhs = self.assign_convert(rhs, &ty, loc);
        Expr { kind: ExprKind::Assign(Box::new(lhs), Box::new(rhs)), ty, loc }
    }

    /// An argument for a `transparent_union` parameter: a value of a
    /// member's type (or a null pointer constant) becomes the union, passed
    /// as its first member is (the unions are pointer-sized, INTEGER class).
    fn transparent_union_arg(&mut self, arg: Expr, param: &T) -> Expr {
        let Kind::Record(rid) = param.kind else { return arg };
        if !self.transparent_unions.contains(&rid) || self.fs.is_none() || matches!(arg.ty.kind, Kind::Record(r) if r == rid) {
            return arg;
        }
        let loc = arg.loc;
        let arg = self.rvalue(arg);
        let rec = self.tu.records.get(rid).clone();
        let fits = |f: &Field| {
            let ft = unqual(&f.ty);
            compatible_unqual(&ft, &unqual(&arg.ty))
                || (ft.is_ptr()
                    && arg.ty.is_ptr()
                    && (compatible_unqual(&unqual(ft.base().unwrap()), &unqual(arg.ty.base().unwrap()))
                        || arg.ty.base().unwrap().is_void()))
                || (ft.is_ptr() && matches!(arg.kind, ExprKind::Int(0)))
        };
        let Some(f) = rec.fields.iter().find(|f| fits(f)).cloned() else { return arg };
        let v = self.convert(arg, &f.ty);
        let id = self.new_local("<transparent-union>".into(), param.clone(), loc);
        self.fs().locals[id as usize].addr_taken = true;
        let init = Init { zero_fill: true, items: vec![InitItem { offset: f.offset, bits: None, value: InitVal::Expr(v) }] };
        Expr { kind: ExprKind::CompoundLit(id, Box::new(init)), ty: unqual(param), loc }
    }

    /// Conversion as if by assignment, with the diagnostics gcc gives.
    pub(super) fn assign_convert(&mut self, rhs: Expr, ty: &T, loc: Loc) -> Expr {
        let rhs = self.rvalue(rhs);
        if ty.is_record() || rhs.ty.is_record() {
            let ok = matches!((&ty.kind, &rhs.ty.kind), (Kind::Record(a), Kind::Record(b)) if a == b);
            if !ok {
                let (a, b) = (self.tname(&rhs.ty), self.tname(ty));
                self.err(loc, format!("incompatible types when assigning to type '{b}' from type '{a}'"));
            }
            return Expr { ty: unqual(ty), ..rhs };
        }
        if rhs.ty.is_void() {
            self.err(loc, "void value not ignored as it ought to be");
        }
        self.assign_warnings(&rhs, ty, loc);
        self.convert(rhs, ty)
    }

    /// gcc's warnings (on by default) for an implicit conversion by
    /// assignment, initialization, argument passing or return: C constraint
    /// violations, which build systems turn into errors with `-Werror`.
    fn assign_warnings(&mut self, rhs: &Expr, to: &T, loc: Loc) {
        match (&to.kind, &rhs.ty.kind) {
            (Kind::Ptr(a), Kind::Ptr(b)) => {
                if !a.is_void() && !b.is_void() && !pointees_compatible(a, b) {
                    let (t, f) = (self.tname(&unqual(to)), self.tname(&rhs.ty));
                    self.diags.warning_named(
                        loc,
                        "incompatible-pointer-types",
                        format!("conversion to '{t}' from incompatible pointer type '{f}'"),
                    );
                    return;
                }
                let dropped = [("const", b.is_const && !a.is_const), ("volatile", b.is_volatile && !a.is_volatile)];
                if let Some((q, _)) = dropped.iter().find(|d| d.1) {
                    self.diags.warning_named(
                        loc,
                        "discarded-qualifiers",
                        format!("conversion discards '{q}' qualifier from pointer target type"),
                    );
                }
            }
            (Kind::Ptr(_), Kind::Int(_)) if self.eval_int(rhs) != Some(0) => {
                let (t, f) = (self.tname(&unqual(to)), self.tname(&rhs.ty));
                self.diags.warning_named(
                    loc,
                    "int-conversion",
                    format!("conversion to '{t}' from '{f}' makes pointer from integer without a cast"),
                );
            }
            (Kind::Int(k), Kind::Ptr(_)) if *k != IntKind::Bool => {
                let (t, f) = (self.tname(&unqual(to)), self.tname(&rhs.ty));
                self.diags.warning_named(
                    loc,
                    "int-conversion",
                    format!("conversion to '{t}' from '{f}' makes integer from pointer without a cast"),
                );
            }
            _ => self.conversion_warnings(rhs, to, loc),
        }
    }

    /// `-Wconversion`'s warnings (off by default; `diag` drops them unless
    /// asked): an arithmetic conversion that may change the value, judged
    /// like gcc from the operand's possible range (its type, a constant, a
    /// promoted narrower operand, a masked value).
    fn conversion_warnings(&mut self, rhs: &Expr, to: &T, loc: Loc) {
        let names = |p: &Self| (p.tname(&unqual(to)), p.tname(&rhs.ty));
        match (&to.kind, &rhs.ty.kind) {
            (Kind::Int(IntKind::Bool), _) => {}
            (Kind::Int(k), Kind::Int(_)) => {
                let Some((lo, hi)) = int_range(rhs) else { return };
                let (min, max) = int_bounds(*k);
                if lo >= min && hi <= max {
                    return;
                }
                let (t, f) = names(self);
                // The operand's whole range of the other signedness, into a
                // type at least as wide: only the sign is at stake.
                let from = rhs.ty.int_kind().unwrap_or(*k);
                let changes_sign = k.signed() != from.signed() && (lo, hi) == int_bounds(from) && k.size() >= from.size();
                if changes_sign {
                    self.diags.warning_named(
                        loc,
                        "sign-conversion",
                        format!("conversion to '{t}' from '{f}' may change the sign of the result"),
                    );
                } else {
                    self.diags.warning_named(loc, "conversion", format!("conversion from '{f}' to '{t}' may change value"));
                }
            }
            (Kind::Int(_), Kind::Float(_)) if !matches!(self.eval_num(rhs), Some(super::expr_eval::Num::F(x)) if x.fract() == 0.0) => {
                let (t, f) = names(self);
                self.diags.warning_named(loc, "float-conversion", format!("conversion from '{f}' to '{t}' may change value"));
            }
            (Kind::Float(a), Kind::Float(b)) if a.size() < b.size() => {
                let exact = matches!(self.eval_num(rhs), Some(super::expr_eval::Num::F(x)) if (x as f32) as f64 == x);
                let promoted =
                    matches!(&rhs.kind, ExprKind::Cast(inner) if matches!(&inner.ty.kind, Kind::Float(c) if c.size() <= a.size()));
                if !exact && !promoted {
                    let (t, f) = names(self);
                    self.diags.warning_named(loc, "float-conversion", format!("conversion from '{f}' to '{t}' may change value"));
                }
            }
            (Kind::Float(a), Kind::Int(_)) => {
                let mantissa = if *a == FloatKind::Float { 24 } else { 53 };
                let Some((lo, hi)) = int_range(rhs) else { return };
                let limit = 1i128 << mantissa;
                if lo < -limit || hi > limit {
                    let (t, f) = names(self);
                    self.diags.warning_named(loc, "conversion", format!("conversion from '{f}' to '{t}' may change value"));
                }
            }
            _ => {}
        }
    }

    pub(super) fn cond_expr(&mut self) -> PResult<Expr> {
        let c = self.binary_expr(1)?;
        if !self.is(Punct::Question) {
            return Ok(c);
        }
        let loc = self.bump().loc;
        let c = self.cond_value(c);
        if self.eat(Punct::Colon) {
            // GNU `c ?: b`: c is evaluated once.
            let b = self.cond_expr()?;
            let b = self.rvalue(b);
            if self.fs.is_some() {
                let t = self.arith_or_same(&c.ty, &b.ty);
                let tmp = self.new_local("<cond>".into(), c.ty.clone(), loc);
                let tv = Expr { kind: ExprKind::Local(tmp), ty: c.ty.clone(), loc };
                let set = self.make_assign(tv.clone(), c, loc);
                let a = self.convert(tv.clone(), &t);
                let b = self.convert(b, &t);
                let cond = Expr { kind: ExprKind::Cond(Box::new(set), Box::new(a), Box::new(b)), ty: t, loc };
                return Ok(cond);
            }
            let t = self.arith_or_same(&c.ty, &b.ty);
            let a = self.convert(c.clone(), &t);
            let b = self.convert(b, &t);
            return Ok(Expr { kind: ExprKind::Cond(Box::new(c), Box::new(a), Box::new(b)), ty: t, loc });
        }
        let a = self.expr()?;
        self.expect(Punct::Colon)?;
        let b = self.cond_expr()?;
        let a = self.rvalue(a);
        let b = self.rvalue(b);
        let ty = if a.ty.is_arith() && b.ty.is_arith() {
            let a2 = self.promote(a.clone());
            let b2 = self.promote(b.clone());
            self.arith_type(&a2.ty, &b2.ty)
        } else if a.ty.is_void() || b.ty.is_void() {
            mk(Kind::Void)
        } else if a.ty.is_ptr() && b.ty.is_ptr() {
            let ab = a.ty.base().unwrap().clone();
            let bb = b.ty.base().unwrap().clone();
            if ab.is_void() {
                ptr_to(with_quals(&ab, bb.is_const, bb.is_volatile, false))
            } else if bb.is_void() {
                ptr_to(with_quals(&bb, ab.is_const, ab.is_volatile, false))
            } else {
                ptr_to(with_quals(&ab, bb.is_const, bb.is_volatile, false))
            }
        } else if a.ty.is_ptr() {
            a.ty.clone()
        } else if b.ty.is_ptr() {
            b.ty.clone()
        } else {
            unqual(&a.ty)
        };
        let (a, b) = if ty.is_void() { (a, b) } else { (self.convert(a, &ty), self.convert(b, &ty)) };
        Ok(Expr { kind: ExprKind::Cond(Box::new(c), Box::new(a), Box::new(b)), ty, loc })
    }

    fn arith_or_same(&self, a: &T, b: &T) -> T {
        if a.is_arith() && b.is_arith() {
            let pa = if a.int_kind().is_some_and(|k| k.rank() < 3) { int_t(IntKind::Int) } else { a.clone() };
            let pb = if b.int_kind().is_some_and(|k| k.rank() < 3) { int_t(IntKind::Int) } else { b.clone() };
            self.arith_type(&pa, &pb)
        } else {
            unqual(a)
        }
    }

    fn binary_expr(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut lhs = self.cast_expr()?;
        loop {
            let t = self.peek().clone();
            let TokKind::Punct(p) = t.kind else { break };
            if p == Punct::AndAnd || p == Punct::OrOr {
                let prec = if p == Punct::AndAnd { 2 } else { 1 };
                if prec < min_prec {
                    break;
                }
                self.bump();
                let rhs = self.binary_expr(prec + 1)?;
                let l = self.cond_value(lhs);
                let r = self.cond_value(rhs);
                let kind =
                    if p == Punct::AndAnd { ExprKind::LogAnd(Box::new(l), Box::new(r)) } else { ExprKind::LogOr(Box::new(l), Box::new(r)) };
                lhs = Expr { kind, ty: int_t(IntKind::Int), loc: t.loc };
                continue;
            }
            let Some((op, prec)) = binop_for(p) else { break };
            if prec < min_prec {
                break;
            }
            self.bump();
            let rhs = self.binary_expr(prec + 1)?;
            lhs = self.make_binary(op, lhs, rhs, t.loc);
        }
        Ok(lhs)
    }

    /// Multiplies an integer index by the element size of pointer type `pty`.
    pub(super) fn scale_index(&mut self, idx: Expr, pty: &T) -> Expr {
        let long = int_t(IntKind::Long);
        let idx = self.convert(idx, &long);
        let base = pty.base().cloned().unwrap_or_else(|| mk(Kind::Void));
        let loc = idx.loc;
        let size = self.elem_size_expr(&base, loc);
        if let ExprKind::Int(1) = size.kind {
            return idx;
        }
        if let (ExprKind::Int(a), ExprKind::Int(b)) = (&idx.kind, &size.kind) {
            return int_lit(wrap_int(a.wrapping_mul(*b), IntKind::Long), long, loc);
        }
        Expr { kind: ExprKind::Binary(BinOp::Mul, Box::new(idx), Box::new(size)), ty: long, loc }
    }

    /// Size of a pointed-to type as an expression (runtime for VLAs).
    fn elem_size_expr(&mut self, base: &T, loc: Loc) -> Expr {
        if base.is_vla() {
            return Expr { kind: ExprKind::VlaSize(base.clone()), ty: int_t(IntKind::Long), loc };
        }
        let s = match base.kind {
            Kind::Void | Kind::Func(_) => 1,
            _ => self.size_of(base),
        };
        int_lit(s as i128, int_t(IntKind::Long), loc)
    }

    pub(super) fn make_binary(&mut self, op: BinOp, lhs: Expr, rhs: Expr, loc: Loc) -> Expr {
        let l = self.rvalue(lhs);
        let r = self.rvalue(rhs);
        if l.ty.is_vector() || r.ty.is_vector() {
            return self.vector_binary(op, l, r, loc);
        }
        let int = int_t(IntKind::Int);
        match op {
            BinOp::Add | BinOp::Sub if l.ty.is_ptr() || r.ty.is_ptr() => {
                if l.ty.is_ptr() && r.ty.is_ptr() {
                    if op != BinOp::Sub {
                        self.err(loc, "invalid operands to binary + (two pointers)");
                        return l;
                    }
                    let long = int_t(IntKind::Long);
                    let base = l.ty.base().unwrap().clone();
                    let size = self.elem_size_expr(&base, loc);
                    let lt = l.ty.clone();
                    let diff =
                        Expr { kind: ExprKind::Binary(BinOp::Sub, Box::new(l), Box::new(self.convert(r, &lt))), ty: long.clone(), loc };
                    let diff = Expr { kind: ExprKind::Cast(Box::new(diff)), ty: long.clone(), loc };
                    if let ExprKind::Int(1) = size.kind {
                        return diff;
                    }
                    return Expr { kind: ExprKind::Binary(BinOp::Div, Box::new(diff), Box::new(size)), ty: long, loc };
                }
                let (p, i) = if l.ty.is_ptr() { (l, r) } else { (r, l) };
                if !i.ty.is_integer() {
                    self.err(loc, "invalid operands to pointer arithmetic");
                    return p;
                }
                if op == BinOp::Sub && !p.ty.is_ptr() {
                    self.err(loc, "invalid operands to binary -");
                }
                let pty = p.ty.clone();
                let off = self.scale_index(i, &pty);
                Expr { kind: ExprKind::Binary(op, Box::new(p), Box::new(off)), ty: pty, loc }
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                if l.ty.is_ptr() || r.ty.is_ptr() {
                    let pt = if l.ty.is_ptr() { l.ty.clone() } else { r.ty.clone() };
                    let l = self.convert(l, &pt);
                    let r = self.convert(r, &pt);
                    return Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), ty: int, loc };
                }
                self.check_arith(&l, loc);
                self.check_arith(&r, loc);
                let (l, r, _) = self.usual_arith(l, r);
                Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), ty: int, loc }
            }
            BinOp::Shl | BinOp::Shr => {
                let l = self.promote(l);
                let r = self.promote(r);
                if !l.ty.is_integer() || !r.ty.is_integer() {
                    self.err(loc, "invalid operands to shift");
                }
                let ty = l.ty.clone();
                let r = self.convert(r, &int);
                self.fold_binary(op, l, r, ty, loc)
            }
            _ => {
                self.check_arith(&l, loc);
                self.check_arith(&r, loc);
                let (l, r, ty) = self.usual_arith(l, r);
                if matches!(op, BinOp::Rem | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) && !ty.is_integer() {
                    self.err(loc, "invalid operands to binary operator (need integers)");
                }
                self.fold_binary(op, l, r, ty, loc)
            }
        }
    }

    /// Element-wise operations on GCC vectors; a scalar operand is converted
    /// to the element type and applies to every lane. Comparisons yield a
    /// vector of signed integers (-1 for true, 0 for false).
    fn vector_binary(&mut self, op: BinOp, l: Expr, r: Expr, loc: Loc) -> Expr {
        let vt = if l.ty.is_vector() { unqual(&l.ty) } else { unqual(&r.ty) };
        let Kind::Vector(el, n) = vt.kind.clone() else { unreachable!() };
        let fix = |p: &mut Self, e: Expr| -> Expr {
            if e.ty.is_vector() {
                if p.size_of(&e.ty) != p.size_of(&vt) {
                    p.err(loc, "invalid operands to binary operation on vectors of different sizes");
                }
                e
            } else {
                p.convert(e, &el)
            }
        };
        let l = fix(self, l);
        let r = fix(self, r);
        let ty = if matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) {
            let k = match self.size_of(&el) {
                1 => IntKind::SChar,
                2 => IntKind::Short,
                4 => IntKind::Int,
                _ => IntKind::Long,
            };
            mk(Kind::Vector(int_t(k), n))
        } else {
            vt
        };
        Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), ty, loc }
    }

    fn check_arith(&mut self, e: &Expr, loc: Loc) {
        if !e.ty.is_arith() {
            let n = self.tname(&e.ty);
            self.err(loc, format!("invalid operand of type '{n}'"));
        }
    }

    fn fold_binary(&mut self, op: BinOp, l: Expr, r: Expr, ty: T, loc: Loc) -> Expr {
        let e = Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), ty, loc };
        if let (ExprKind::Binary(_, a, b), true) = (&e.kind, true)
            && matches!(a.kind, ExprKind::Int(_))
            && matches!(b.kind, ExprKind::Int(_))
            && let Some(v) = self.eval_int(&e)
        {
            return Expr { kind: ExprKind::Int(v), ty: e.ty, loc };
        }
        e
    }

    pub(super) fn cast_expr(&mut self) -> PResult<Expr> {
        if self.lparen_then_type() {
            let loc = self.bump().loc;
            let ty = self.type_name()?;
            self.expect(Punct::RParen)?;
            if self.is(Punct::LBrace) {
                let e = self.compound_literal(ty, loc)?;
                return self.postfix_tail(e);
            }
            let e = self.cast_expr()?;
            if ty.is_void() {
                let e = self.rvalue(e);
                return Ok(Expr { kind: ExprKind::Cast(Box::new(e)), ty: mk(Kind::Void), loc });
            }
            if ty.is_complex() || e.ty.is_complex() {
                let mut r = self.convert(e, &ty);
                r.loc = loc;
                return Ok(r);
            }
            if ty.is_vector() || e.ty.is_vector() {
                let e = self.rvalue(e);
                if self.size_of(&ty) != self.size_of(&e.ty) {
                    self.err(loc, "cannot convert between vector and non-vector types of different sizes");
                }
                return Ok(Expr { kind: ExprKind::Cast(Box::new(e)), ty: unqual(&ty), loc });
            }
            if let (Kind::Record(rid), true) = (&ty.kind, self.fs.is_some()) {
                // GNU cast to union: a union whose member of the operand's
                // type holds the value.
                let rec = self.tu.records.get(*rid).clone();
                let e = self.rvalue(e);
                if rec.is_union
                    && let Some(f) = rec.fields.iter().find(|f| compatible_unqual(&unqual(&f.ty), &unqual(&e.ty)))
                {
                    let fty = f.ty.clone();
                    let off = f.offset;
                    let v = self.convert(e, &fty);
                    let id = self.new_local("<union-cast>".into(), ty.clone(), loc);
                    self.fs().locals[id as usize].addr_taken = true;
                    let init = Init { zero_fill: true, items: vec![InitItem { offset: off, bits: None, value: InitVal::Expr(v) }] };
                    return Ok(Expr { kind: ExprKind::CompoundLit(id, Box::new(init)), ty: unqual(&ty), loc });
                }
                if e.ty.is_record() {
                    return Ok(e);
                }
                let n = self.tname(&ty);
                self.err(loc, format!("conversion to non-scalar type '{n}' requested"));
                return Ok(e);
            }
            if !ty.is_scalar() {
                if ty.is_record() && e.ty.is_record() {
                    return Ok(e);
                }
                let n = self.tname(&ty);
                self.err(loc, format!("conversion to non-scalar type '{n}' requested"));
                return Ok(e);
            }
            let e = self.rvalue(e);
            if !e.ty.is_scalar() {
                let n = self.tname(&e.ty);
                self.err(loc, format!("cannot convert '{n}' to a scalar type"));
                return Ok(e);
            }
            let mut r = self.convert(e, &ty);
            r.loc = loc;
            if !matches!(r.kind, ExprKind::Cast(_) | ExprKind::Int(_) | ExprKind::Float(_)) {
                // Keep a cast node so the value is not an lvalue.
                let t = r.ty.clone();
                r = Expr { kind: ExprKind::Cast(Box::new(r)), ty: t, loc };
            }
            return Ok(r);
        }
        self.unary_expr()
    }

    /// `(` followed by a type name: a cast, compound literal or sizeof
    /// operand. `__extension__` may precede either a type or an expression
    /// (glibc's `(__extension__ ({ ... }))`), so it decides nothing.
    fn lparen_then_type(&self) -> bool {
        if !self.is(Punct::LParen) {
            return false;
        }
        let mut i = 1;
        while self.peek_at(i).kind == TokKind::Ident && &*self.peek_at(i).text == "__extension__" {
            i += 1;
        }
        self.is_type_start(self.peek_at(i))
    }

    fn is_type_start(&self, t: &Token) -> bool {
        t.kind == TokKind::Ident && (super::decl::is_type_keyword(&t.text) || self.is_typedef_name(t))
    }

    fn compound_literal(&mut self, ty: T, loc: Loc) -> PResult<Expr> {
        if self.fs.is_none() {
            // File scope: an anonymous static object.
            self.static_counter += 1;
            let name: Rc<str> = format!("__compound_literal.{}", self.static_counter).into();
            let spec = super::decl::DeclSpec {
                ty: ty.clone(),
                storage: super::decl::Storage::Static,
                thread_local: false,
                inline: false,
                attrs: Attrs::default(),
            };
            self.pos -= 0;
            // Reuse the global declaration path with an initializer.
            let (init, ty) = self.initializer(&ty, true)?;
            let _ = spec;
            let g = GlobalVar {
                name: name.clone(),
                ty: ty.clone(),
                is_static: true,
                is_extern: false,
                is_tls: false,
                is_weak: false,
                hidden: false,
                visibility_set: false,
                section: None,
                align: 0,
                init: Some(init),
                loc,
                used: true,
                c_name: None,
                static_in: None,
            };
            self.tu.globals.push(g);
            self.global_index.insert(name.clone(), self.tu.globals.len() - 1);
            return Ok(Expr { kind: ExprKind::Global(name), ty, loc });
        }
        let (init, ty) = self.initializer(&ty, false)?;
        let id = self.new_local("<compound>".into(), ty.clone(), loc);
        self.fs().locals[id as usize].addr_taken = true;
        Ok(Expr { kind: ExprKind::CompoundLit(id, Box::new(init)), ty, loc })
    }

    fn unary_expr(&mut self) -> PResult<Expr> {
        let t = self.peek().clone();
        let loc = t.loc;
        match t.kind {
            TokKind::Punct(Punct::PlusPlus) | TokKind::Punct(Punct::MinusMinus) => {
                self.bump();
                let e = self.unary_expr()?;
                let up = t.kind == TokKind::Punct(Punct::PlusPlus);
                return Ok(self.make_incdec(e, true, up, loc));
            }
            TokKind::Punct(Punct::Amp) => {
                self.bump();
                let e = self.cast_expr()?;
                return Ok(self.make_addr(e, loc));
            }
            TokKind::Punct(Punct::AndAnd) => {
                // `&&label`
                self.bump();
                let n = self.bump();
                let id = self.label_id(n.text.clone(), n.loc, false);
                if let Some(fs) = self.fs.as_mut()
                    && !fs.addr_labels.contains(&id)
                {
                    fs.addr_labels.push(id);
                }
                return Ok(Expr { kind: ExprKind::LabelAddr(id), ty: ptr_to(mk(Kind::Void)), loc });
            }
            TokKind::Punct(Punct::Star) => {
                self.bump();
                let e = self.cast_expr()?;
                return Ok(self.make_deref(e, loc));
            }
            TokKind::Punct(Punct::Plus) => {
                self.bump();
                let e = self.cast_expr()?;
                if e.ty.is_vector() {
                    return Ok(e);
                }
                self.check_arith(&e, loc);
                return Ok(self.promote(e));
            }
            TokKind::Punct(Punct::Minus) => {
                self.bump();
                let e = self.cast_expr()?;
                if e.ty.is_vector() {
                    let ty = unqual(&e.ty);
                    return Ok(Expr { kind: ExprKind::Unary(UnOp::Neg, Box::new(e)), ty, loc });
                }
                self.check_arith(&e, loc);
                let e = self.promote(e);
                let ty = e.ty.clone();
                if ty.is_complex() {
                    return Ok(Expr { kind: ExprKind::Unary(UnOp::Neg, Box::new(e)), ty, loc });
                }
                if let ExprKind::Int(v) = e.kind {
                    return Ok(int_lit(wrap_int(v.wrapping_neg(), ty.int_kind().unwrap()), ty, loc));
                }
                if let ExprKind::Float(f) = e.kind {
                    return Ok(Expr { kind: ExprKind::Float(-f), ty, loc });
                }
                return Ok(Expr { kind: ExprKind::Unary(UnOp::Neg, Box::new(e)), ty, loc });
            }
            TokKind::Punct(Punct::Tilde) => {
                self.bump();
                let e = self.cast_expr()?;
                if e.ty.is_vector() {
                    let ty = unqual(&e.ty);
                    return Ok(Expr { kind: ExprKind::Unary(UnOp::BitNot, Box::new(e)), ty, loc });
                }
                let e = self.promote(e);
                if e.ty.is_complex() {
                    // GNU: `~z` is the complex conjugate.
                    let ty = e.ty.clone();
                    return Ok(Expr { kind: ExprKind::Unary(UnOp::BitNot, Box::new(e)), ty, loc });
                }
                if !e.ty.is_integer() {
                    self.err(loc, "wrong type argument to bit-complement");
                }
                let ty = e.ty.clone();
                if let (ExprKind::Int(v), Some(k)) = (&e.kind, ty.int_kind()) {
                    return Ok(int_lit(wrap_int(!*v, k), ty, loc));
                }
                return Ok(Expr { kind: ExprKind::Unary(UnOp::BitNot, Box::new(e)), ty, loc });
            }
            TokKind::Punct(Punct::Bang) => {
                self.bump();
                let e = self.cast_expr()?;
                let e = self.cond_value(e);
                if let ExprKind::Int(v) = e.kind {
                    return Ok(int_lit((v == 0) as i128, int_t(IntKind::Int), loc));
                }
                return Ok(Expr { kind: ExprKind::Unary(UnOp::LogNot, Box::new(e)), ty: int_t(IntKind::Int), loc });
            }
            TokKind::Ident => {
                let kw: &str = &t.text;
                match kw {
                    "sizeof" => {
                        self.bump();
                        return self.sizeof_expr(loc);
                    }
                    "_Alignof" | "__alignof__" | "__alignof" | "alignof" => {
                        self.bump();
                        let a = if self.lparen_then_type() {
                            self.bump();
                            let ty = self.type_name()?;
                            self.expect(Punct::RParen)?;
                            self.align_of(&ty)
                        } else {
                            let e = self.unary_expr()?;
                            self.align_of(&e.ty)
                        };
                        return Ok(int_lit(a as i128, int_t(IntKind::ULong), loc));
                    }
                    "__extension__" => {
                        self.bump();
                        return self.cast_expr();
                    }
                    "__real__" | "__real" | "__imag__" | "__imag" => {
                        self.bump();
                        let e = self.cast_expr()?;
                        if let Some(part) = e.ty.complex_part() {
                            let off = if kw.starts_with("__imag") { self.size_of(&part) } else { 0 };
                            let ty = with_quals(&part, e.ty.is_const, e.ty.is_volatile, false);
                            return Ok(Expr { kind: ExprKind::Member { e: Box::new(e), offset: off, bits: None }, ty, loc });
                        }
                        if kw.starts_with("__imag") {
                            return Ok(int_lit(0, e.ty.clone(), loc));
                        }
                        return Ok(e);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        let e = self.primary()?;
        self.postfix_tail(e)
    }

    fn sizeof_expr(&mut self, loc: Loc) -> PResult<Expr> {
        let ulong = int_t(IntKind::ULong);
        let ty = if self.lparen_then_type() {
            self.bump();
            let ty = self.type_name()?;
            self.expect(Punct::RParen)?;
            if self.is(Punct::LBrace) {
                let e = self.compound_literal(ty, loc)?;
                let e = self.postfix_tail(e)?;
                e.ty
            } else {
                ty
            }
        } else {
            let e = self.unary_expr()?;
            if let ExprKind::Member { bits: Some(_), .. } = e.kind {
                self.err(loc, "'sizeof' applied to a bit-field");
            }
            e.ty
        };
        if ty.is_vla() {
            return Ok(Expr { kind: ExprKind::VlaSize(ty), ty: ulong, loc });
        }
        if !self.is_complete(&ty) && !ty.is_void() && !ty.is_func() {
            let n = self.tname(&ty);
            self.err(loc, format!("invalid application of 'sizeof' to incomplete type '{n}'"));
        }
        Ok(int_lit(self.size_of(&ty) as i128, ulong, loc))
    }

    pub(super) fn make_addr(&mut self, e: Expr, loc: Loc) -> Expr {
        if let ExprKind::Member { bits: Some(_), .. } = e.kind {
            self.err(loc, "cannot take address of bit-field");
        }
        if e.ty.is_func() {
            return self.rvalue(e);
        }
        if !is_lvalue(&e) {
            self.err(loc, "lvalue required as unary '&' operand");
        }
        self.mark_addr_taken(&e);
        let ty = ptr_to(e.ty.clone());
        // `&*p` is just `p`.
        if let ExprKind::Deref(p) = e.kind {
            let mut p = *p;
            p.ty = ty;
            return Expr { kind: ExprKind::Cast(Box::new(p)), ty: ptr_to(e.ty), loc };
        }
        Expr { kind: ExprKind::Addr(Box::new(e)), ty, loc }
    }

    pub(super) fn make_deref(&mut self, e: Expr, loc: Loc) -> Expr {
        let e = self.rvalue(e);
        match &e.ty.kind {
            Kind::Ptr(b) => {
                let ty = b.clone();
                if ty.is_func() {
                    return e; // `*fp` is the function again
                }
                Expr { kind: ExprKind::Deref(Box::new(e)), ty, loc }
            }
            _ => {
                let n = self.tname(&e.ty);
                self.err(loc, format!("invalid type argument of unary '*' (have '{n}')"));
                e
            }
        }
    }

    fn make_incdec(&mut self, e: Expr, pre: bool, up: bool, loc: Loc) -> Expr {
        self.check_assignable(&e, loc);
        if !e.ty.is_scalar() {
            self.err(loc, "wrong type argument to increment/decrement");
        }
        let mut delta: i64 = 1;
        if let Kind::Ptr(b) = &e.ty.kind {
            if b.is_vla() {
                // Rare: fall back to a compound assignment with a runtime size.
                let one = int_lit(if up { 1 } else { -1 }, int_t(IntKind::Long), loc);
                let pty = e.ty.clone();
                let rhs = self.scale_index(one, &pty);
                let ca = Expr {
                    kind: ExprKind::CompoundAssign { op: BinOp::Add, lhs: Box::new(e), rhs: Box::new(rhs), op_ty: pty.clone() },
                    ty: pty.clone(),
                    loc,
                };
                return ca;
            }
            delta = match b.kind {
                Kind::Void | Kind::Func(_) => 1,
                _ => self.size_of(b) as i64,
            };
        }
        if !up {
            delta = -delta;
        }
        let ty = unqual(&e.ty);
        Expr { kind: ExprKind::IncDec { e: Box::new(e), pre, delta }, ty, loc }
    }

    fn postfix_tail(&mut self, mut e: Expr) -> PResult<Expr> {
        loop {
            let t = self.peek().clone();
            let loc = t.loc;
            match t.kind {
                TokKind::Punct(Punct::LBracket) => {
                    self.bump();
                    let idx = self.expr()?;
                    self.expect(Punct::RBracket)?;
                    if let Kind::Vector(el, _) = &e.ty.kind {
                        // v[i]: a lane, through a pointer to the element type.
                        let el = with_quals(el, e.ty.is_const, e.ty.is_volatile, false);
                        self.mark_addr_taken(&e);
                        let base = Expr { kind: ExprKind::Addr(Box::new(e)), ty: ptr_to(el.clone()), loc };
                        let i = self.rvalue(idx);
                        let sum = self.make_binary(BinOp::Add, base, i, loc);
                        e = self.make_deref(sum, loc);
                        continue;
                    }
                    let (a, i) = {
                        let a = self.rvalue(e);
                        let i = self.rvalue(idx);
                        if i.ty.is_ptr() { (i, a) } else { (a, i) }
                    };
                    if !a.ty.is_ptr() {
                        self.err(loc, "subscripted value is neither array nor pointer");
                        return Err(Reported);
                    }
                    let sum = self.make_binary(BinOp::Add, a, i, loc);
                    e = self.make_deref(sum, loc);
                }
                TokKind::Punct(Punct::LParen) => {
                    self.bump();
                    e = self.call(e, loc)?;
                }
                TokKind::Punct(Punct::Dot) | TokKind::Punct(Punct::Arrow) => {
                    self.bump();
                    if t.kind == TokKind::Punct(Punct::Arrow) {
                        e = self.make_deref(e, loc);
                    }
                    let n = self.bump();
                    if n.kind != TokKind::Ident {
                        self.err(n.loc, "expected member name");
                        return Err(Reported);
                    }
                    e = self.member(e, &n.text, n.loc)?;
                }
                TokKind::Punct(Punct::PlusPlus) | TokKind::Punct(Punct::MinusMinus) => {
                    self.bump();
                    let up = t.kind == TokKind::Punct(Punct::PlusPlus);
                    e = self.make_incdec(e, false, up, loc);
                }
                _ => return Ok(e),
            }
        }
    }

    /// Finds a member (searching anonymous members) → (offset, field).
    pub(super) fn find_member(&self, rid: u32, name: &str) -> Option<(u64, Field)> {
        let r = self.tu.records.get(rid);
        for f in &r.fields {
            match &f.name {
                Some(n) if &**n == name => return Some((f.offset, f.clone())),
                None => {
                    if let Kind::Record(sub) = f.ty.kind
                        && let Some((off, fld)) = self.find_member(sub, name)
                    {
                        return Some((f.offset + off, fld));
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn member(&mut self, e: Expr, name: &str, loc: Loc) -> PResult<Expr> {
        let Kind::Record(rid) = e.ty.kind else {
            let n = self.tname(&e.ty);
            self.err(loc, format!("request for member '{name}' in something not a structure or union ('{n}')"));
            return Err(Reported);
        };
        if !self.tu.records.get(rid).complete {
            self.err(loc, "member access into incomplete type");
            return Err(Reported);
        }
        let Some((offset, f)) = self.find_member(rid, name) else {
            let n = self.tname(&e.ty);
            self.err(loc, format!("'{n}' has no member named '{name}'"));
            return Err(Reported);
        };
        let ty = with_quals(&f.ty, e.ty.is_const, e.ty.is_volatile, false);
        let bits = f.bits;
        // Fold nested member offsets: (a.b).c → a.(b+c).
        if let ExprKind::Member { e: inner, offset: o2, bits: None } = e.kind {
            return Ok(Expr { kind: ExprKind::Member { e: inner, offset: o2 + offset, bits }, ty, loc });
        }
        Ok(Expr { kind: ExprKind::Member { e: Box::new(e), offset, bits }, ty, loc })
    }

    fn call(&mut self, f: Expr, loc: Loc) -> PResult<Expr> {
        let f = self.rvalue(f);
        let Some(ft) = f.ty.func().cloned() else {
            let n = self.tname(&f.ty);
            self.err(loc, format!("called object is not a function or function pointer ('{n}')"));
            return Err(Reported);
        };
        let mut args = Vec::new();
        if !self.is(Punct::RParen) {
            loop {
                let a = self.assign_expr()?;
                args.push(a);
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
        }
        self.expect(Punct::RParen)?;
        let nparams = ft.params.len();
        if !ft.unprototyped && (args.len() < nparams || (!ft.variadic && args.len() > nparams)) {
            self.err(
                loc,
                format!(
                    "too {} arguments to function (expected {}, have {})",
                    if args.len() < nparams { "few" } else { "many" },
                    nparams,
                    args.len()
                ),
            );
        }
        let mut out = Vec::with_capacity(args.len());
        for (i, a) in args.into_iter().enumerate() {
            let aloc = a.loc;
            if i < nparams && !ft.unprototyped {
                let pt = ft.params[i].clone();
                let a = self.transparent_union_arg(a, &pt);
                out.push(self.assign_convert(a, &pt, aloc));
            } else if i < nparams && ft.unprototyped {
                // Old-style definition known: convert to the declared type
                // after promotion (what the callee expects).
                let pt = ft.params[i].clone();
                let a = self.default_promote(a);
                let pt = if pt.is_float() && matches!(pt.kind, Kind::Float(FloatKind::Float)) { float_t(FloatKind::Double) } else { pt };
                let pt = if pt.int_kind().is_some_and(|k| k.rank() < 3) { int_t(IntKind::Int) } else { pt };
                out.push(if a.ty.is_scalar() && pt.is_scalar() { self.convert(a, &pt) } else { a });
            } else {
                let a = self.default_promote(a);
                out.push(a);
            }
        }
        let ret = unqual(&ft.ret);
        if let ExprKind::Addr(inner) = &f.kind
            && let ExprKind::Global(name) = &inner.kind
            && matches!(&**name, "abs" | "labs" | "llabs" | "imaxabs")
            && out.len() == 1
            && ret.is_integer()
            && out[0].ty.is_integer()
        {
            let a = self.convert(out.pop().unwrap(), &ret);
            return Ok(Expr { kind: ExprKind::Builtin(Builtin::Abs, vec![a]), ty: ret, loc });
        }
        Ok(Expr { kind: ExprKind::Call(Box::new(f), out), ty: ret, loc })
    }

    fn default_promote(&mut self, a: Expr) -> Expr {
        let a = self.promote(a);
        if matches!(a.ty.kind, Kind::Float(FloatKind::Float)) {
            return self.convert(a, &float_t(FloatKind::Double));
        }
        a
    }

    fn primary(&mut self) -> PResult<Expr> {
        let t = self.peek().clone();
        let loc = t.loc;
        match t.kind {
            TokKind::Number => {
                self.bump();
                Ok(self.number(&t))
            }
            TokKind::Char => {
                self.bump();
                let (v, ty) = self.char_const(&t);
                Ok(int_lit(v, ty, loc))
            }
            TokKind::Str => {
                let mut bytes = Vec::new();
                let mut width = 1;
                while self.peek().kind == TokKind::Str {
                    let s = self.bump();
                    let (b, w) = self.decode_string(&s);
                    if w > width {
                        // Widen what we have so far.
                        let mut wide = Vec::new();
                        for c in bytes.chunks(width) {
                            let mut v = [0u8; 4];
                            v[..width].copy_from_slice(c);
                            wide.extend_from_slice(&v[..w]);
                        }
                        bytes = wide;
                        width = w;
                    }
                    if !bytes.is_empty() {
                        bytes.truncate(bytes.len() - width);
                    }
                    if w < width {
                        for c in b.chunks(w) {
                            let mut v = [0u8; 4];
                            v[..w].copy_from_slice(c);
                            bytes.extend_from_slice(&v[..width]);
                        }
                    } else {
                        bytes.extend_from_slice(&b);
                    }
                }
                let ek = match width {
                    1 => IntKind::Char,
                    2 => IntKind::UShort,
                    _ => IntKind::Int,
                };
                let n = bytes.len() / width;
                let ty = mk(Kind::Array(int_t(ek), Some(n as u64)));
                Ok(Expr { kind: ExprKind::Str(bytes.into()), ty, loc })
            }
            TokKind::Punct(Punct::LParen) => {
                self.bump();
                if self.is(Punct::LBrace) {
                    if self.fs.is_none() {
                        self.err(loc, "braced-group within expression allowed only inside a function");
                        return Err(Reported);
                    }
                    let stmts = self.compound_stmt_list()?;
                    self.expect(Punct::RParen)?;
                    let ty = match stmts.last() {
                        Some(Stmt::Expr(e)) => e.ty.clone(),
                        _ => mk(Kind::Void),
                    };
                    let ty = if ty.is_array() { ptr_to(ty.base().unwrap().clone()) } else { unqual(&ty) };
                    return Ok(Expr { kind: ExprKind::StmtExpr(stmts), ty, loc });
                }
                let e = self.expr()?;
                self.expect(Punct::RParen)?;
                Ok(e)
            }
            TokKind::Ident => self.identifier(),
            _ => {
                let found = if t.kind == TokKind::Eof { "end of input".to_string() } else { format!("'{}'", t.text) };
                self.err(loc, format!("expected expression before {found}"));
                Err(Reported)
            }
        }
    }

    fn identifier(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let loc = t.loc;
        let name: &str = &t.text;
        match name {
            "__func__" | "__FUNCTION__" | "__PRETTY_FUNCTION__" => {
                let b = self.func_name_bytes.clone().unwrap_or_else(|| Rc::from(&b"\0"[..]));
                let ty = mk(Kind::Array(int_t(IntKind::Char), Some(b.len() as u64)));
                return Ok(Expr { kind: ExprKind::Str(b), ty, loc });
            }
            "_Generic" => return self.generic(loc),
            _ => {}
        }
        if name == "alloca" && self.is(Punct::LParen) && self.lookup(name).is_none_or(|s| matches!(s, Sym::Global(_))) {
            let bt = Token { text: "__builtin_alloca".into(), ..t.clone() };
            if let Some(e) = self.builtin(&bt)? {
                return Ok(e);
            }
        }
        if (name.starts_with("__builtin_") || name.starts_with("__atomic_") || name.starts_with("__sync_"))
            && let Some(e) = self.builtin(&t)?
        {
            return Ok(e);
        }
        match self.lookup(name).cloned() {
            Some(Sym::Local(id)) => {
                let ty = self.fs().locals[id as usize].ty.clone();
                Ok(Expr { kind: ExprKind::Local(id), ty, loc })
            }
            Some(Sym::Global(i)) => {
                let g = &mut self.tu.globals[i];
                g.used = true;
                Ok(Expr { kind: ExprKind::Global(g.name.clone()), ty: g.ty.clone(), loc })
            }
            Some(Sym::EnumConst(v, ty)) => Ok(int_lit(v, ty, loc)),
            Some(Sym::Param(ty)) => {
                // Only array bounds in a prototype can name a parameter; the
                // declarator drops such a bound (`[*]`), so this lvalue of the
                // parameter's type (`*(T *)0`, for `n++` too) is never compiled.
                self.param_ref_seen = true;
                let null = int_lit(0, ptr_to(ty.clone()), loc);
                Ok(Expr { kind: ExprKind::Deref(Box::new(null)), ty, loc })
            }
            Some(Sym::Typedef(_)) => {
                self.err(loc, format!("unexpected type name '{name}': expected expression"));
                Err(Reported)
            }
            None => {
                if self.is(Punct::LParen) {
                    // Implicit declaration (C89): int name().
                    if !name.starts_with("__builtin_") {
                        self.warn(loc, format!("implicit declaration of function '{name}'"));
                    }
                    let real: Rc<str> = name.strip_prefix("__builtin_").unwrap_or(name).into();
                    let ty = self.implicit_func_type(&real);
                    return Ok(self.global_ref(real, ty, loc));
                }
                self.err(loc, format!("'{name}' undeclared"));
                Err(Reported)
            }
        }
    }

    fn implicit_func_type(&self, name: &str) -> T {
        if let Some((ret, params)) = libc_builtin_type(name) {
            let conv = |s: &str| match s {
                "double" => float_t(FloatKind::Double),
                "float" => float_t(FloatKind::Float),
                "ldouble" => float_t(FloatKind::LDouble),
                "ptr" => ptr_to(mk(Kind::Void)),
                "cptr" => ptr_to(with_quals(&mk(Kind::Void), true, false, false)),
                "size" => int_t(IntKind::ULong),
                "long" => int_t(IntKind::Long),
                "void" => mk(Kind::Void),
                _ => int_t(IntKind::Int),
            };
            let variadic = matches!(name, "printf" | "sprintf" | "fprintf" | "snprintf");
            return mk(Kind::Func(Rc::new(FuncType {
                ret: conv(ret),
                params: params.iter().map(|p| conv(p)).collect(),
                variadic,
                unprototyped: false,
            })));
        }
        mk(Kind::Func(Rc::new(FuncType { ret: int_t(IntKind::Int), params: vec![], variadic: false, unprototyped: true })))
    }

    /// A reference to a file-scope function by symbol, declaring it if new.
    pub(super) fn global_ref(&mut self, name: Rc<str>, ty: T, loc: Loc) -> Expr {
        let idx = match self.global_index.get(&name) {
            Some(&i) => i,
            None => {
                self.tu.globals.push(GlobalVar {
                    name: name.clone(),
                    ty: ty.clone(),
                    is_static: false,
                    is_extern: true,
                    is_tls: false,
                    is_weak: false,
                    hidden: false,
                    visibility_set: false,
                    section: None,
                    align: 0,
                    init: None,
                    loc,
                    used: true,
                    c_name: Some(name.clone()),
                    static_in: None,
                });
                let i = self.tu.globals.len() - 1;
                self.global_index.insert(name.clone(), i);
                // Visible at file scope from now on, like gcc.
                self.scopes[0].syms.insert(name.clone(), Sym::Global(i));
                i
            }
        };
        let g = &mut self.tu.globals[idx];
        g.used = true;
        Expr { kind: ExprKind::Global(g.name.clone()), ty: g.ty.clone(), loc }
    }

    fn generic(&mut self, loc: Loc) -> PResult<Expr> {
        self.expect(Punct::LParen)?;
        let ctl = self.assign_expr()?;
        let ctl_ty = unqual(&self.rvalue(ctl).ty);
        let mut chosen = None;
        let mut default = None;
        while self.eat(Punct::Comma) {
            if self.eat_kw("default") {
                self.expect(Punct::Colon)?;
                default = Some(self.assign_expr()?);
                continue;
            }
            let ty = self.type_name()?;
            self.expect(Punct::Colon)?;
            let e = self.assign_expr()?;
            if chosen.is_none() && compatible(&ctl_ty, &unqual(&ty)) {
                chosen = Some(e);
            }
        }
        self.expect(Punct::RParen)?;
        match chosen.or(default) {
            Some(e) => Ok(e),
            None => {
                let n = self.tname(&ctl_ty);
                self.err(loc, format!("_Generic selector of type '{n}' is not compatible with any association"));
                Err(Reported)
            }
        }
    }

    // ---- literals ----

    fn number(&mut self, t: &Token) -> Expr {
        let s: &str = &t.text;
        let loc = t.loc;
        let lower = s.to_ascii_lowercase();
        let is_hex = lower.starts_with("0x");
        let is_float = if is_hex { lower.contains('p') || lower.contains('.') } else { lower.contains('.') || lower.contains('e') };
        // `_FloatN` suffixes (ISO/IEC TS 18661-3, C23): f32 is float, f64
        // and f32x double, f64x long double.
        const FLOATN: &[(&str, FloatKind)] =
            &[("f32x", FloatKind::Double), ("f64x", FloatKind::LDouble), ("f32", FloatKind::Float), ("f64", FloatKind::Double)];
        let floatn = is_float
            .then(|| FLOATN.iter().find_map(|(suf, k)| lower.strip_suffix(suf).map(|b| (b.to_string(), *k))))
            .flatten()
            .filter(|(b, _)| !b.is_empty());
        if let Some((body, k)) = floatn {
            let v = if is_hex { parse_hex_float(&body[2..]) } else { body.parse::<f64>().ok() };
            let v = v.unwrap_or_else(|| {
                self.err(loc, format!("invalid floating constant '{s}'"));
                0.0
            });
            let v = if k == FloatKind::Float { v as f32 as f64 } else { v };
            if let (FloatKind::LDouble, Some(bits)) = (k, crate::x87::parse(&body)) {
                return Expr { kind: ExprKind::LongFloat(bits), ty: float_t(k), loc };
            }
            return Expr { kind: ExprKind::Float(v), ty: float_t(k), loc };
        }
        if is_float && (lower.ends_with("f128") || lower.ends_with("f16") || lower.ends_with('q') && !is_hex) {
            self.err(loc, format!("'{s}': _Float128 and _Float16 constants are not supported yet"));
            return Expr { kind: ExprKind::Float(0.0), ty: float_t(FloatKind::LDouble), loc };
        }
        if is_float {
            let (body, ty) = if let Some(b) = lower.strip_suffix('f').filter(|_| !is_hex || lower.contains('p')) {
                (b, float_t(FloatKind::Float))
            } else if let Some(b) = lower.strip_suffix('l') {
                (b, float_t(FloatKind::LDouble))
            } else {
                (lower.as_str(), float_t(FloatKind::Double))
            };
            let imaginary = body.ends_with(['i', 'j']) || lower.trim_end_matches(['f', 'l']).ends_with(['i', 'j']);
            let body = body.trim_end_matches(['i', 'j']);
            let (body, ty) = if imaginary {
                if let Some(b) = body.strip_suffix('f') {
                    (b, float_t(FloatKind::Float))
                } else if let Some(b) = body.strip_suffix('l') {
                    (b, float_t(FloatKind::LDouble))
                } else {
                    (body, ty)
                }
            } else {
                (body, ty)
            };
            let v = if is_hex { parse_hex_float(&body[2..]) } else { body.parse::<f64>().ok() };
            let Some(v) = v else {
                self.err(loc, format!("invalid floating constant '{s}'"));
                return Expr { kind: ExprKind::Float(0.0), ty, loc };
            };
            let v = if matches!(ty.kind, Kind::Float(FloatKind::Float)) { v as f32 as f64 } else { v };
            if let (Kind::Float(FloatKind::LDouble), Some(bits)) = (&ty.kind, crate::x87::parse(body)) {
                let e = Expr { kind: ExprKind::LongFloat(bits), ty, loc };
                return if imaginary { self.imaginary(e) } else { e };
            }
            if imaginary {
                return self.imaginary(Expr { kind: ExprKind::Float(v), ty, loc });
            }
            return Expr { kind: ExprKind::Float(v), ty, loc };
        }
        let digits_end = lower.find(['u', 'l', 'i', 'j']).unwrap_or(lower.len());
        let (digits, suffix) = lower.split_at(digits_end);
        let (radix, body) = crate::lex::split_radix(digits);
        let body = body.replace('\'', "");
        let v = match u128::from_str_radix(&body, radix) {
            Ok(v) => v,
            Err(_) => {
                self.err(loc, format!("invalid integer constant '{s}'"));
                0
            }
        };
        let u = suffix.contains('u');
        let l = suffix.matches('l').count();
        let candidates: &[IntKind] = match (u, l, radix == 10) {
            (false, 0, true) => &[IntKind::Int, IntKind::Long],
            (false, 0, false) => &[IntKind::Int, IntKind::UInt, IntKind::Long, IntKind::ULong],
            (true, 0, _) => &[IntKind::UInt, IntKind::ULong],
            (false, 1, true) => &[IntKind::Long],
            (false, 1, false) => &[IntKind::Long, IntKind::ULong],
            (true, 1, _) => &[IntKind::ULong],
            (false, _, true) => &[IntKind::LLong],
            (false, _, false) => &[IntKind::LLong, IntKind::ULLong],
            (true, _, _) => &[IntKind::ULLong],
        };
        let fits = |k: IntKind| {
            let bits = k.size() * 8 - k.signed() as u64;
            v < (1u128 << bits)
        };
        let k = candidates.iter().copied().find(|&k| fits(k)).unwrap_or(if u || radix != 10 { IntKind::ULong } else { IntKind::Long });
        let k = if !fits(k) && v > u64::MAX as u128 { IntKind::U128 } else { k };
        if suffix.contains(['i', 'j']) {
            // GNU imaginary integer constant: `2i` is a `_Complex int`.
            return self.imaginary(Expr { kind: ExprKind::Int(wrap_int(v as i128, k)), ty: int_t(k), loc });
        }
        Expr { kind: ExprKind::Int(wrap_int(v as i128, k)), ty: int_t(k), loc }
    }

    fn char_const(&mut self, t: &Token) -> (i128, T) {
        let s: &str = &t.text;
        let (prefix, rest) = s.split_at(s.find('\'').unwrap_or(0));
        let body = rest.trim_start_matches('\'').strip_suffix('\'').unwrap_or("");
        let (vals, _) = self.unescape(body, t.loc, !prefix.is_empty());
        let ty = match prefix {
            "L" => int_t(IntKind::Int),
            "u" => int_t(IntKind::UShort),
            "U" => int_t(IntKind::UInt),
            _ => int_t(IntKind::Int),
        };
        if prefix.is_empty() {
            if vals.is_empty() {
                self.err(t.loc, "empty character constant");
                return (0, ty);
            }
            // Multi-character constants: big-endian packing, like gcc.
            let mut v: i128 = 0;
            for &c in &vals {
                v = (v << 8) | (c as u8 as i128);
            }
            if vals.len() == 1 {
                v = vals[0] as u8 as i8 as i128;
            } else {
                v = wrap_int(v, IntKind::Int);
            }
            return (v, ty);
        }
        let v = vals.first().copied().unwrap_or(0) as i128;
        (v, ty)
    }

    /// Decodes escapes; returns code units (bytes for narrow, code points
    /// for wide) and whether all was valid.
    fn unescape(&mut self, body: &str, loc: Loc, wide: bool) -> (Vec<u32>, bool) {
        let b = body.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            // A raw byte from a non-UTF-8 source file (see pp::bytes_to_text).
            if b[i] == 0xEF && i + 2 < b.len() && (b[i + 1] == 0x9E || b[i + 1] == 0x9F) {
                out.push(0x80 + (((b[i + 1] - 0x9E) as u32) << 6) + (b[i + 2] - 0x80) as u32);
                i += 3;
                continue;
            }
            if b[i] != b'\\' {
                if wide && b[i] >= 0x80 {
                    // Decode UTF-8 into one code point.
                    let s = &body[i..];
                    let c = s.chars().next().unwrap();
                    out.push(c as u32);
                    i += c.len_utf8();
                } else {
                    out.push(b[i] as u32);
                    i += 1;
                }
                continue;
            }
            i += 1;
            if i >= b.len() {
                break;
            }
            let c = b[i];
            i += 1;
            let v = match c {
                b'n' => 10,
                b't' => 9,
                b'r' => 13,
                b'a' => 7,
                b'b' => 8,
                b'f' => 12,
                b'v' => 11,
                b'e' | b'E' => 27,
                b'0'..=b'7' => {
                    let mut v = (c - b'0') as u32;
                    let mut n = 1;
                    while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                        v = v * 8 + (b[i] - b'0') as u32;
                        i += 1;
                        n += 1;
                    }
                    v
                }
                b'x' => {
                    let mut v: u32 = 0;
                    while i < b.len() && b[i].is_ascii_hexdigit() {
                        v = v.wrapping_mul(16).wrapping_add((b[i] as char).to_digit(16).unwrap());
                        i += 1;
                    }
                    v
                }
                b'u' | b'U' => {
                    let n = if c == b'u' { 4 } else { 8 };
                    let mut v: u32 = 0;
                    for _ in 0..n {
                        if i < b.len() && b[i].is_ascii_hexdigit() {
                            v = v * 16 + (b[i] as char).to_digit(16).unwrap();
                            i += 1;
                        }
                    }
                    if !wide {
                        let ch = char::from_u32(v).unwrap_or('\u{fffd}');
                        let mut buf = [0u8; 4];
                        for &x in ch.encode_utf8(&mut buf).as_bytes() {
                            out.push(x as u32);
                        }
                        continue;
                    }
                    v
                }
                _ => c as u32,
            };
            out.push(v);
        }
        let _ = loc;
        (out, true)
    }

    /// A string literal token → bytes (NUL-terminated) and element width.
    pub(super) fn decode_string(&mut self, t: &Token) -> (Vec<u8>, usize) {
        let s: &str = &t.text;
        let q = s.find('"').unwrap_or(0);
        let prefix = &s[..q];
        let body = s[q..].trim_start_matches('"');
        let body = body.strip_suffix('"').unwrap_or(body);
        let width = match prefix {
            "L" | "U" => 4,
            "u" => 2,
            _ => 1,
        };
        let (vals, _) = self.unescape(body, t.loc, width > 1);
        let mut out = Vec::with_capacity((vals.len() + 1) * width);
        for v in vals.iter().chain(std::iter::once(&0)) {
            match width {
                1 => out.push(*v as u8),
                2 => {
                    if *v > 0xffff {
                        let c = v - 0x10000;
                        out.extend_from_slice(&((0xd800 + (c >> 10)) as u16).to_le_bytes());
                        out.extend_from_slice(&((0xdc00 + (c & 0x3ff)) as u16).to_le_bytes());
                    } else {
                        out.extend_from_slice(&(*v as u16).to_le_bytes());
                    }
                }
                _ => out.extend_from_slice(&v.to_le_bytes()),
            }
        }
        (out, width)
    }
}

impl<'a> Parser<'a> {
    /// `x i`: a complex value with zero real part.
    fn imaginary(&mut self, im: Expr) -> Expr {
        let loc = im.loc;
        let (re, ty) = match im.ty.kind {
            Kind::Float(k) => (ExprKind::Float(0.0), mk(Kind::Complex(k))),
            Kind::Int(k) => (ExprKind::Int(0), mk(Kind::ComplexInt(k))),
            _ => return im,
        };
        let re = Expr { kind: re, ty: im.ty.clone(), loc };
        Expr { kind: ExprKind::Complex(Box::new(re), Box::new(im)), ty, loc }
    }
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = match s.find('p') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let mut v: f64 = 0.0;
    for c in int.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

/// Pointer targets that convert without a diagnostic by default: compatible
/// once their own qualifiers are set aside, or differing only in the
/// signedness of an integer type (gcc's `-Wpointer-sign`, off by default).
fn pointees_compatible(a: &CType, b: &CType) -> bool {
    if compatible_unqual(a, b) {
        return true;
    }
    match (&a.kind, &b.kind) {
        (Kind::Int(x), Kind::Int(y)) => x.size() == y.size() && *x != IntKind::Bool && *y != IntKind::Bool,
        _ => false,
    }
}

/// The smallest and largest value of an integer type.
fn int_bounds(k: IntKind) -> (i128, i128) {
    let bits = k.size() as u32 * 8;
    match (k, k.signed()) {
        (IntKind::Bool, _) => (0, 1),
        (_, true) => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
        (_, false) if bits >= 128 => (0, i128::MAX),
        (_, false) => (0, (1i128 << bits) - 1),
    }
}

/// The values an integer expression can take, as far as its shape tells.
fn int_range(e: &Expr) -> Option<(i128, i128)> {
    let k = e.ty.int_kind()?;
    if let Some(v) = super::expr_eval::eval_int(e) {
        return Some((v, v));
    }
    let own = int_bounds(k);
    let narrowed = match &e.kind {
        // A widened operand keeps its own type's range.
        ExprKind::Cast(inner) if inner.ty.int_kind().is_some_and(|i| i.size() < k.size() || i.signed() == k.signed()) => {
            int_range(inner).filter(|&(lo, hi)| lo >= own.0 && hi <= own.1)
        }
        ExprKind::Comma(_, last) => int_range(last).filter(|&(lo, hi)| lo >= own.0 && hi <= own.1),
        // A bit-field holds `width` bits.
        ExprKind::Member { bits: Some((_, w)), .. } if *w < 64 => {
            Some(if k.signed() { (-(1i128 << (w - 1)), (1i128 << (w - 1)) - 1) } else { (0, (1i128 << w) - 1) })
        }
        ExprKind::Binary(BinOp::BitAnd, a, b) => {
            let mask = |x: &Expr| super::expr_eval::eval_int(x).filter(|m| *m >= 0);
            mask(a).or_else(|| mask(b)).map(|m| (0, m))
        }
        _ => None,
    };
    Some(narrowed.unwrap_or(own))
}
