//! `__builtin_*`, `__atomic_*` and `__sync_*` forms.

use super::*;

impl<'a> Parser<'a> {
    fn args(&mut self) -> PResult<Vec<Expr>> {
        self.expect(Punct::LParen)?;
        let mut v = Vec::new();
        if !self.is(Punct::RParen) {
            loop {
                v.push(self.assign_expr()?);
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
        }
        self.expect(Punct::RParen)?;
        Ok(v)
    }

    fn nargs(&mut self, loc: Loc, name: &str, n: usize) -> PResult<Vec<Expr>> {
        let a = self.args()?;
        if a.len() < n {
            self.err(loc, format!("too few arguments to function '{name}'"));
            return Err(Reported);
        }
        Ok(a)
    }

    /// Parses a builtin call if `t` names one kit implements; `None` lets
    /// the caller treat the name as an ordinary (libc) function.
    pub(super) fn builtin(&mut self, t: &Token) -> PResult<Option<Expr>> {
        let loc = t.loc;
        let floatn = floatn_builtin(&t.text);
        let name: &str = floatn.as_deref().unwrap_or(&t.text);
        if name == "<float128>" {
            self.err(loc, format!("'{}': _Float128 and _Float16 are not supported yet", t.text));
            return Err(Reported);
        }
        let int = int_t(IntKind::Int);
        let long = int_t(IntKind::Long);
        let dbl = float_t(FloatKind::Double);
        let void = mk(Kind::Void);
        let b = |k: ExprKind, ty: T| Ok(Some(Expr { kind: k, ty, loc }));
        if let Some(op) = name.strip_prefix("__atomic_").or_else(|| name.strip_prefix("__sync_")) {
            return self.atomic(name, op, loc);
        }
        match name {
            "__builtin_va_start" => {
                let a = self.nargs(loc, name, 1)?;
                let ap = self.rvalue(a.into_iter().next().unwrap());
                b(ExprKind::VaStart(Box::new(ap)), void)
            }
            "__builtin_va_end" => {
                let a = self.nargs(loc, name, 1)?;
                let ap = self.rvalue(a.into_iter().next().unwrap());
                b(ExprKind::Cast(Box::new(ap)), void)
            }
            "__builtin_va_copy" => {
                let a = self.nargs(loc, name, 2)?;
                let mut it = a.into_iter();
                let d = self.rvalue(it.next().unwrap());
                let s = self.rvalue(it.next().unwrap());
                b(ExprKind::VaCopy(Box::new(d), Box::new(s)), void)
            }
            "__builtin_va_arg" => {
                self.expect(Punct::LParen)?;
                let ap = self.assign_expr()?;
                let ap = self.rvalue(ap);
                self.expect(Punct::Comma)?;
                let ty = self.type_name()?;
                self.expect(Punct::RParen)?;
                b(ExprKind::VaArg(Box::new(ap), ty.clone()), unqual(&ty))
            }
            "__builtin_offsetof" => {
                self.expect(Punct::LParen)?;
                let ty = self.type_name()?;
                self.expect(Punct::Comma)?;
                let mut off: i128 = 0;
                let mut cur = ty;
                loop {
                    let n = self.bump();
                    let Kind::Record(rid) = cur.kind else {
                        self.err(n.loc, "offsetof on a non-record type");
                        return Err(Reported);
                    };
                    let Some((o, f)) = self.find_member(rid, &n.text) else {
                        self.err(n.loc, format!("no member named '{}'", n.text));
                        return Err(Reported);
                    };
                    off += o as i128;
                    cur = f.ty.clone();
                    loop {
                        if self.eat(Punct::LBracket) {
                            let i = self.const_int_expr().unwrap_or(0);
                            self.expect(Punct::RBracket)?;
                            let el = cur.base().cloned().unwrap_or_else(|| int_t(IntKind::Char));
                            off += i * self.size_of(&el) as i128;
                            cur = el;
                        } else {
                            break;
                        }
                    }
                    if !self.eat(Punct::Dot) {
                        break;
                    }
                }
                self.expect(Punct::RParen)?;
                Ok(Some(int_lit(off, int_t(IntKind::ULong), loc)))
            }
            "__builtin_types_compatible_p" => {
                self.expect(Punct::LParen)?;
                let a = self.type_name()?;
                self.expect(Punct::Comma)?;
                let c = self.type_name()?;
                self.expect(Punct::RParen)?;
                Ok(Some(int_lit(compatible_unqual(&unqual(&a), &unqual(&c)) as i128, int, loc)))
            }
            "__builtin_choose_expr" => {
                self.expect(Punct::LParen)?;
                let c = self.const_int_expr().unwrap_or(0);
                self.expect(Punct::Comma)?;
                let x = self.assign_expr()?;
                self.expect(Punct::Comma)?;
                let y = self.assign_expr()?;
                self.expect(Punct::RParen)?;
                Ok(Some(if c != 0 { x } else { y }))
            }
            "__builtin_classify_type" => {
                let a = self.nargs(loc, name, 1)?;
                let t = &a[0].ty;
                // gcc's type classes: void 0, int 1, char 2, enum 3, bool 4,
                // pointer 5, real 8, complex 9, record 12, union 13, array 14.
                let c = match &t.kind {
                    Kind::Void => 0,
                    Kind::Int(IntKind::Bool) => 4,
                    Kind::Int(IntKind::Char | IntKind::SChar | IntKind::UChar) => 2,
                    Kind::Int(_) => 1,
                    Kind::Ptr(_) | Kind::Array(..) | Kind::Vla(..) | Kind::Func(_) => 5,
                    Kind::Vector(..) => 14,
                    Kind::Float(_) => 8,
                    Kind::Complex(_) | Kind::ComplexInt(_) => 9,
                    Kind::Record(id) => {
                        if self.tu.records.get(*id).is_union {
                            13
                        } else {
                            12
                        }
                    }
                };
                Ok(Some(int_lit(c, int, loc)))
            }
            "__builtin_creal" | "__builtin_crealf" | "__builtin_creall" | "__builtin_cimag" | "__builtin_cimagf" | "__builtin_cimagl"
            | "__builtin_conj" | "__builtin_conjf" | "__builtin_conjl" => {
                let a = self.nargs(loc, name, 1)?;
                let k = if name.ends_with('f') {
                    FloatKind::Float
                } else if name.ends_with('l') {
                    FloatKind::LDouble
                } else {
                    FloatKind::Double
                };
                let ct = mk(Kind::Complex(k));
                let z = self.convert(a.into_iter().next().unwrap(), &ct);
                if name.contains("conj") {
                    return b(ExprKind::Unary(UnOp::BitNot, Box::new(z)), ct);
                }
                let off = if name.contains("cimag") { k.size() } else { 0 };
                // The operand is an rvalue: take its part through a member access.
                b(ExprKind::Member { e: Box::new(z), offset: off, bits: None }, float_t(k))
            }
            "__builtin_constant_p" => {
                let a = self.nargs(loc, name, 1)?;
                let c = self.eval_num(&a[0]).is_some();
                Ok(Some(int_lit(c as i128, int, loc)))
            }
            "__builtin_expect" | "__builtin_expect_with_probability" => {
                // Every argument is evaluated (for side effects); the first is the value.
                let a = self.nargs(loc, name, 2)?;
                let mut it = a.into_iter();
                let e = self.convert(it.next().unwrap(), &long);
                let mut args = vec![e];
                args.extend(it.map(|x| self.rvalue(x)));
                b(ExprKind::Builtin(Builtin::Expect, args), long)
            }
            "__builtin_assume_aligned" => {
                let a = self.nargs(loc, name, 2)?;
                let e = self.rvalue(a.into_iter().next().unwrap());
                Ok(Some(e))
            }
            "__builtin_unreachable" | "__builtin_trap" => {
                self.nargs(loc, name, 0)?;
                let k = if name.ends_with("trap") { Builtin::Trap } else { Builtin::Unreachable };
                b(ExprKind::Builtin(k, vec![]), void)
            }
            "__builtin_cpu_init" | "__builtin_cpu_supports" | "__builtin_cpu_is" => Ok(Some(self.cpu_builtin(name, loc)?)),
            // clang's: an assumption kit does not use (nor evaluates, as clang).
            "__builtin_assume" => {
                self.nargs(loc, name, 1)?;
                b(ExprKind::Int(0), void)
            }
            "__builtin_rotateleft8"
            | "__builtin_rotateleft16"
            | "__builtin_rotateleft32"
            | "__builtin_rotateleft64"
            | "__builtin_rotateright8"
            | "__builtin_rotateright16"
            | "__builtin_rotateright32"
            | "__builtin_rotateright64" => Ok(Some(self.rotate(name, loc)?)),
            "__builtin_prefetch" => {
                let a = self.args()?;
                let e = a.into_iter().next().map(|e| self.rvalue(e));
                let e = e.unwrap_or_else(|| int_lit(0, int.clone(), loc));
                b(ExprKind::Cast(Box::new(e)), void)
            }
            "__builtin_object_size" | "__builtin_dynamic_object_size" => {
                let a = self.nargs(loc, name, 2)?;
                let t = self.eval_int(&a[1]).unwrap_or(0);
                Ok(Some(int_lit(if t < 2 { -1i128 as u64 as i128 } else { 0 }, int_t(IntKind::ULong), loc)))
            }
            "__builtin_inf" | "__builtin_huge_val" => {
                Ok(self.nargs(loc, name, 0).map(|_| Some(Expr { kind: ExprKind::Float(f64::INFINITY), ty: dbl, loc }))?)
            }
            "__builtin_inff" | "__builtin_huge_valf" => {
                self.nargs(loc, name, 0)?;
                b(ExprKind::Float(f64::INFINITY), float_t(FloatKind::Float))
            }
            "__builtin_infl" | "__builtin_huge_vall" => {
                self.nargs(loc, name, 0)?;
                b(ExprKind::Float(f64::INFINITY), float_t(FloatKind::LDouble))
            }
            "__builtin_nan" | "__builtin_nans" => {
                self.nargs(loc, name, 1)?;
                b(ExprKind::Float(f64::NAN), dbl)
            }
            "__builtin_nanf" | "__builtin_nansf" => {
                self.nargs(loc, name, 1)?;
                b(ExprKind::Float(f64::NAN), float_t(FloatKind::Float))
            }
            "__builtin_nanl" | "__builtin_nansl" => {
                self.nargs(loc, name, 1)?;
                b(ExprKind::Float(f64::NAN), float_t(FloatKind::LDouble))
            }
            "__builtin_isnan" | "__builtin_isinf" | "__builtin_isfinite" | "__builtin_signbit" => {
                let a = self.nargs(loc, name, 1)?;
                let x = self.rvalue(a.into_iter().next().unwrap());
                let x = if x.ty.is_float() { x } else { self.convert(x, &dbl) };
                let k = match name {
                    "__builtin_isnan" => Builtin::IsNan,
                    "__builtin_isinf" => Builtin::IsInf,
                    "__builtin_isfinite" => Builtin::IsFinite,
                    _ => Builtin::SignBit,
                };
                b(ExprKind::Builtin(k, vec![x]), int)
            }
            // The type-specific classifications: the argument converts to
            // the named type (`__builtin_isinff(x)` tests x as a float).
            "__builtin_isnanf" | "__builtin_isnanl" | "__builtin_isinff" | "__builtin_isinfl" | "__builtin_finite"
            | "__builtin_finitef" | "__builtin_finitel" | "__builtin_signbitf" | "__builtin_signbitl" => {
                let a = self.nargs(loc, name, 1)?;
                let ty = match name.as_bytes()[name.len() - 1] {
                    b'f' => float_t(FloatKind::Float),
                    b'l' => float_t(FloatKind::LDouble),
                    _ => dbl,
                };
                let x = self.convert(a.into_iter().next().unwrap(), &ty);
                let k = if name.contains("isnan") {
                    Builtin::IsNan
                } else if name.contains("isinf") {
                    Builtin::IsInf
                } else if name.contains("finite") {
                    Builtin::IsFinite
                } else {
                    Builtin::SignBit
                };
                b(ExprKind::Builtin(k, vec![x]), int)
            }
            "__builtin_va_arg_pack" | "__builtin_va_arg_pack_len" => {
                self.nargs(loc, name, 0)?;
                // Only meaningful when the caller inlines the function; kit
                // compiles calls to gnu_inline functions as calls to the
                // library's definition, so such a body is never emitted.
                if !self.fs.as_ref().is_some_and(|f| f.never_emitted) {
                    self.err(loc, format!("'{name}' is only supported in 'extern inline' gnu_inline functions"));
                    return Err(Reported);
                }
                b(ExprKind::Int(0), int)
            }
            "__builtin_add_overflow_p" | "__builtin_sub_overflow_p" | "__builtin_mul_overflow_p" => {
                let a = self.nargs(loc, name, 3)?;
                let mut v: Vec<Expr> = a.into_iter().map(|e| self.rvalue(e)).collect();
                let result_ty = unqual(&v[2].ty);
                let Some(kind) = result_ty.int_kind().filter(|_| result_ty.is_integer()) else {
                    self.err(loc, format!("argument 3 of '{name}' must have an integer type"));
                    return Err(Reported);
                };
                // Constant operands fold, as in gcc, so the builtin works in
                // constant expressions (gnulib's `verify (INT_ADD_OVERFLOW
                // (a, b))`). The operation is exact: only the result must fit.
                if let (Some(x), Some(y)) = (self.eval_int(&v[0]), self.eval_int(&v[1])) {
                    let exact = match name {
                        "__builtin_add_overflow_p" => x.checked_add(y),
                        "__builtin_sub_overflow_p" => x.checked_sub(y),
                        _ => x.checked_mul(y),
                    };
                    let overflows = exact.is_none_or(|r| super::expr_eval::wrap(r, kind) != r);
                    return b(ExprKind::Int(overflows as i128), int_t(IntKind::Bool));
                }
                if self.fs.is_none() {
                    self.err(loc, format!("'{name}' outside a function needs constant operands"));
                    return Err(Reported);
                }
                // Only the type of the third argument matters: the result
                // goes to a temporary of that type.
                let tmp = self.new_local("<overflow>".into(), result_ty.clone(), loc);
                let tv = Expr { kind: ExprKind::Local(tmp), ty: result_ty, loc };
                v[2] = self.make_addr(tv, loc);
                let k = match name {
                    "__builtin_add_overflow_p" => Builtin::AddOverflow,
                    "__builtin_sub_overflow_p" => Builtin::SubOverflow,
                    _ => Builtin::MulOverflow,
                };
                b(ExprKind::Builtin(k, v), int_t(IntKind::Bool))
            }
            "__builtin_isinf_sign" | "__builtin_isnormal" | "__builtin_fpclassify" => {
                let a = self.nargs(loc, name, if name.ends_with("fpclassify") { 6 } else { 1 })?;
                Ok(Some(self.classify(name, a, loc)))
            }
            "__builtin_isgreater"
            | "__builtin_isgreaterequal"
            | "__builtin_isless"
            | "__builtin_islessequal"
            | "__builtin_islessgreater"
            | "__builtin_isunordered" => {
                let a = self.nargs(loc, name, 2)?;
                let mut it = a.into_iter();
                let (x, y) = (it.next().unwrap(), it.next().unwrap());
                let op = match name {
                    "__builtin_isgreater" => BinOp::Gt,
                    "__builtin_isgreaterequal" => BinOp::Ge,
                    "__builtin_isless" => BinOp::Lt,
                    "__builtin_islessequal" => BinOp::Le,
                    _ => BinOp::Ne,
                };
                if name == "__builtin_isunordered" || name == "__builtin_islessgreater" {
                    let xx = self.make_binary(BinOp::Ne, x.clone(), x.clone(), loc);
                    let yy = self.make_binary(BinOp::Ne, y.clone(), y.clone(), loc);
                    let un = Expr { kind: ExprKind::LogOr(Box::new(xx), Box::new(yy)), ty: int.clone(), loc };
                    if name == "__builtin_isunordered" {
                        return Ok(Some(un));
                    }
                    let lt = self.make_binary(BinOp::Lt, x.clone(), y.clone(), loc);
                    let gt = self.make_binary(BinOp::Gt, x, y, loc);
                    return b(ExprKind::LogOr(Box::new(lt), Box::new(gt)), int);
                }
                Ok(Some(self.make_binary(op, x, y, loc)))
            }
            "__builtin_fabs" | "__builtin_fabsf" | "__builtin_fabsl" | "__builtin_sqrt" | "__builtin_sqrtf" => {
                let a = self.nargs(loc, name, 1)?;
                let ty = if name.ends_with('f') {
                    float_t(FloatKind::Float)
                } else if name.ends_with('l') {
                    float_t(FloatKind::LDouble)
                } else {
                    dbl
                };
                let x = self.convert(a.into_iter().next().unwrap(), &ty);
                let k = if name.contains("fabs") { Builtin::Fabs } else { Builtin::Sqrt };
                b(ExprKind::Builtin(k, vec![x]), ty)
            }
            "__builtin_complex" => {
                // C11's CMPLX: both parts of one real floating type, no
                // conversions (so an infinity or NaN part stays as given).
                let a = self.nargs(loc, name, 2)?;
                let mut it = a.into_iter().map(|e| self.rvalue(e));
                let (re, im) = (it.next().unwrap(), it.next().unwrap());
                let Kind::Float(k) = re.ty.kind else {
                    self.err(loc, "'__builtin_complex' needs real floating arguments");
                    return Err(Reported);
                };
                if !compatible_unqual(&re.ty, &im.ty) {
                    self.err(loc, "'__builtin_complex' needs arguments of the same type");
                    return Err(Reported);
                }
                b(ExprKind::Complex(Box::new(re), Box::new(im)), mk(Kind::Complex(k)))
            }
            "__builtin_copysign" | "__builtin_copysignf" | "__builtin_copysignl" => {
                let a = self.nargs(loc, name, 2)?;
                let ty = if name.ends_with('f') {
                    float_t(FloatKind::Float)
                } else if name.ends_with('l') {
                    float_t(FloatKind::LDouble)
                } else {
                    dbl
                };
                let mut it = a.into_iter();
                let x = self.convert(it.next().unwrap(), &ty);
                let y = self.convert(it.next().unwrap(), &ty);
                b(ExprKind::Builtin(Builtin::CopySign, vec![x, y]), ty)
            }
            "__builtin_shuffle" => {
                let a = self.args()?;
                let v: Vec<Expr> = a.into_iter().map(|e| self.rvalue(e)).collect();
                if !(v.len() == 2 || v.len() == 3) || !v.iter().all(|e| e.ty.is_vector()) {
                    self.err(loc, "__builtin_shuffle takes two or three vectors");
                    return Err(Reported);
                }
                let (Kind::Vector(el, _), Kind::Vector(_, m)) = (&v[0].ty.kind, &v[v.len() - 1].ty.kind) else { unreachable!() };
                let ty = mk(Kind::Vector(el.clone(), *m));
                b(ExprKind::Builtin(Builtin::Shuffle, v), ty)
            }
            "__builtin_setjmp" | "__builtin_longjmp" => {
                let n = if name.ends_with("setjmp") { 1 } else { 2 };
                let a = self.nargs(loc, name, n)?;
                let v: Vec<Expr> = a.into_iter().map(|e| self.rvalue(e)).collect();
                if name.ends_with("setjmp") {
                    b(ExprKind::Builtin(Builtin::SetJmp, v), int)
                } else {
                    b(ExprKind::Builtin(Builtin::LongJmp, v), void)
                }
            }
            "__builtin_alloca" | "__builtin_alloca_with_align" => {
                let a = self.nargs(loc, name, 1)?;
                let n = self.convert(a.into_iter().next().unwrap(), &int_t(IntKind::ULong));
                b(ExprKind::Builtin(Builtin::Alloca, vec![n]), ptr_to(void))
            }
            "__builtin_frame_address" | "__builtin_return_address" => {
                let a = self.nargs(loc, name, 1)?;
                let level = self.eval_int(&a[0]).unwrap_or(0).clamp(0, 64);
                let k = if name.contains("frame") { Builtin::FrameAddress } else { Builtin::ReturnAddress };
                b(ExprKind::Builtin(k, vec![int_lit(level, int.clone(), loc)]), ptr_to(void))
            }
            "__builtin_add_overflow" | "__builtin_sub_overflow" | "__builtin_mul_overflow" => {
                let a = self.nargs(loc, name, 3)?;
                let v: Vec<Expr> = a.into_iter().map(|e| self.rvalue(e)).collect();
                if !v[2].ty.is_ptr() || !v[2].ty.base().unwrap().is_integer() {
                    self.err(loc, "argument 3 must be a pointer to integer");
                    return Err(Reported);
                }
                let k = match name {
                    "__builtin_add_overflow" => Builtin::AddOverflow,
                    "__builtin_sub_overflow" => Builtin::SubOverflow,
                    _ => Builtin::MulOverflow,
                };
                b(ExprKind::Builtin(k, v), int_t(IntKind::Bool))
            }
            _ => {
                // Bit builtins with l/ll suffixes.
                let stem = name.trim_start_matches("__builtin_");
                let (base, argk) = if let Some(s) = stem.strip_suffix("ll") {
                    (s, IntKind::ULLong)
                } else if let Some(s) = stem.strip_suffix('l') {
                    (s, IntKind::ULong)
                } else {
                    (stem, IntKind::UInt)
                };
                let kind = match base {
                    "clz" => Some(Builtin::Clz),
                    "ctz" => Some(Builtin::Ctz),
                    "popcount" => Some(Builtin::Popcount),
                    "parity" => Some(Builtin::Parity),
                    "ffs" => Some(Builtin::Ffs),
                    "clrsb" => Some(Builtin::Clrsb),
                    _ => None,
                };
                if let Some(k) = kind {
                    let a = self.nargs(loc, name, 1)?;
                    let ak = if matches!(k, Builtin::Ffs | Builtin::Clrsb) {
                        match argk {
                            IntKind::UInt => IntKind::Int,
                            IntKind::ULong => IntKind::Long,
                            _ => IntKind::LLong,
                        }
                    } else {
                        argk
                    };
                    let x = self.convert(a.into_iter().next().unwrap(), &int_t(ak));
                    return b(ExprKind::Builtin(k, vec![x]), int);
                }
                if let Some(bits) = stem.strip_prefix("bswap") {
                    let k = match bits {
                        "16" => IntKind::UShort,
                        "32" => IntKind::UInt,
                        "64" => IntKind::ULong,
                        "128" => IntKind::U128,
                        _ => return Ok(None),
                    };
                    let a = self.nargs(loc, name, 1)?;
                    let x = self.convert(a.into_iter().next().unwrap(), &int_t(k));
                    return b(ExprKind::Builtin(Builtin::Bswap, vec![x]), int_t(k));
                }
                if is_library_builtin(stem) || !name.starts_with("__builtin_") {
                    return Ok(None);
                }
                // gcc knows it, kit does not: a call to a libc function of
                // that name would compute something else, silently.
                self.err(loc, format!("'{name}' is not supported by kit"));
                Err(Reported)
            }
        }
    }

    /// clang's `__builtin_rotateleft32(x, n)` and family: `x` rotated by
    /// `n` modulo its width.
    fn rotate(&mut self, name: &str, loc: Loc) -> PResult<Expr> {
        let left = name.contains("left");
        let bits: u32 = name.trim_start_matches("__builtin_rotateleft").trim_start_matches("__builtin_rotateright").parse().unwrap_or(32);
        let kind = match bits {
            8 => IntKind::UChar,
            16 => IntKind::UShort,
            32 => IntKind::UInt,
            _ => IntKind::ULong,
        };
        let ty = int_t(kind);
        let a = self.nargs(loc, name, 2)?;
        let mut it = a.into_iter();
        let x = self.convert(it.next().unwrap(), &ty);
        let n = self.convert(it.next().unwrap(), &ty);
        let (x_setup, x) = self.evaluate_once(x, loc);
        let (n_setup, n) = self.evaluate_once(n, loc);
        let mask = |p: &mut Self, e: Expr| p.make_binary(BinOp::BitAnd, e, int_lit(bits as i128 - 1, ty.clone(), loc), loc);
        let by = mask(self, n.clone());
        let width = int_lit(bits as i128, ty.clone(), loc);
        let back_by = self.make_binary(BinOp::Sub, width, n, loc);
        let back_by = mask(self, back_by);
        let (first, second) = if left { (BinOp::Shl, BinOp::Shr) } else { (BinOp::Shr, BinOp::Shl) };
        let a = self.make_binary(first, x.clone(), by, loc);
        let b = self.make_binary(second, x, back_by, loc);
        let r = self.make_binary(BinOp::BitOr, a, b, loc);
        let mut r = Expr { kind: ExprKind::Cast(Box::new(r)), ty: ty.clone(), loc };
        for setup in [n_setup, x_setup].into_iter().flatten() {
            r = Expr { kind: ExprKind::Comma(Box::new(setup), Box::new(r)), ty: ty.clone(), loc };
        }
        Ok(r)
    }

    /// `x` for use more than once: a temporary when evaluating it twice
    /// could repeat a side effect. Returns (setup, use).
    fn evaluate_once(&mut self, x: Expr, loc: Loc) -> (Option<Expr>, Expr) {
        if matches!(x.kind, ExprKind::Local(_) | ExprKind::Global(_) | ExprKind::Int(_) | ExprKind::Float(_)) || self.fs.is_none() {
            return (None, x);
        }
        let tmp = self.new_local("<once>".into(), x.ty.clone(), loc);
        let tv = Expr { kind: ExprKind::Local(tmp), ty: x.ty.clone(), loc };
        let set = self.make_assign(tv.clone(), x, loc);
        (Some(set), tv)
    }

    /// `__builtin_isinf_sign`, `__builtin_isnormal` and `__builtin_fpclassify`
    /// built from the simpler classifications.
    fn classify(&mut self, name: &str, args: Vec<Expr>, loc: Loc) -> Expr {
        let int = int_t(IntKind::Int);
        let mut args: Vec<Expr> = args.into_iter().map(|e| self.rvalue(e)).collect();
        let x = args.pop().expect("nargs checked the count");
        let x = if x.ty.is_float() { x } else { self.convert(x, &float_t(FloatKind::Double)) };
        let (setup, x) = self.evaluate_once(x, loc);
        let test = |k: Builtin, x: &Expr| Expr { kind: ExprKind::Builtin(k, vec![x.clone()]), ty: int_t(IntKind::Int), loc };
        let cond =
            |c: Expr, a: Expr, b: Expr| Expr { kind: ExprKind::Cond(Box::new(c), Box::new(a), Box::new(b)), ty: int_t(IntKind::Int), loc };
        let lit = |v: i128| int_lit(v, int_t(IntKind::Int), loc);
        // |x| >= the smallest normal number of x's type.
        let min_normal = match &x.ty.kind {
            Kind::Float(FloatKind::Float) => f32::MIN_POSITIVE as f64,
            _ => f64::MIN_POSITIVE,
        };
        let fabs = Expr { kind: ExprKind::Builtin(Builtin::Fabs, vec![x.clone()]), ty: x.ty.clone(), loc };
        let min = Expr { kind: ExprKind::Float(min_normal), ty: x.ty.clone(), loc };
        let big_enough = self.make_binary(BinOp::Ge, fabs, min, loc);
        let normal = Expr { kind: ExprKind::LogAnd(Box::new(test(Builtin::IsFinite, &x)), Box::new(big_enough)), ty: int.clone(), loc };
        let result = match name {
            "__builtin_isinf_sign" => cond(test(Builtin::IsInf, &x), cond(test(Builtin::SignBit, &x), lit(-1), lit(1)), lit(0)),
            "__builtin_isnormal" => normal,
            _ => {
                // fpclassify(nan, inf, normal, subnormal, zero, x)
                let v: Vec<Expr> = args.into_iter().map(|e| self.convert(e, &int)).collect();
                let zero = Expr { kind: ExprKind::Float(0.0), ty: x.ty.clone(), loc };
                let is_zero = self.make_binary(BinOp::Eq, x.clone(), zero, loc);
                let tail = cond(is_zero, v[4].clone(), v[3].clone());
                let tail = cond(normal, v[2].clone(), tail);
                let tail = cond(test(Builtin::IsInf, &x), v[1].clone(), tail);
                cond(test(Builtin::IsNan, &x), v[0].clone(), tail)
            }
        };
        match setup {
            Some(set) => Expr { kind: ExprKind::Comma(Box::new(set), Box::new(result)), ty: int, loc },
            None => result,
        }
    }
    fn atomic(&mut self, name: &str, op: &str, loc: Loc) -> PResult<Option<Expr>> {
        let int = int_t(IntKind::Int);
        let kind_of = |s: &str| match s {
            "add" => Some(AtomicKind::Add),
            "sub" => Some(AtomicKind::Sub),
            "and" => Some(AtomicKind::And),
            "or" => Some(AtomicKind::Or),
            "xor" => Some(AtomicKind::Xor),
            "nand" => Some(AtomicKind::Nand),
            _ => None,
        };
        let sync = name.starts_with("__sync_");
        let (bk, nargs) = if let Some(k) = op.strip_prefix("fetch_and_").and_then(kind_of) {
            (Builtin::AtomicFetch(k, false), 2)
        } else if let Some(k) = op.strip_suffix("_and_fetch").and_then(kind_of) {
            (Builtin::AtomicFetch(k, true), 2)
        } else if let Some(k) = op.strip_prefix("fetch_").and_then(kind_of) {
            (Builtin::AtomicFetch(k, false), 2)
        } else {
            match op {
                "exchange_n" | "lock_test_and_set" => (Builtin::AtomicExchange, 2),
                "bool_compare_and_swap" => (Builtin::AtomicCas(true), 3),
                "val_compare_and_swap" => (Builtin::AtomicCasVal, 3),
                "compare_exchange_n" => (Builtin::AtomicCompareExchange, 3),
                "load_n" => (Builtin::AtomicLoad, 1),
                "store_n" => (Builtin::AtomicStore, 2),
                "lock_release" => (Builtin::AtomicStore, 1),
                "thread_fence" | "signal_fence" | "synchronize" => (Builtin::Fence, 0),
                "always_lock_free" | "is_lock_free" => {
                    let _ = self.args()?;
                    return Ok(Some(int_lit(1, int_t(IntKind::Bool), loc)));
                }
                "load" | "store" | "exchange" | "compare_exchange" => {
                    // Generic forms taking pointers to values.
                    return self.atomic_generic(op, loc).map(Some);
                }
                _ => return Ok(None),
            }
        };
        let a = self.nargs(loc, name, nargs)?;
        let mut v: Vec<Expr> = a.into_iter().map(|e| self.rvalue(e)).collect();
        if nargs == 0 {
            return Ok(Some(Expr { kind: ExprKind::Builtin(Builtin::Fence, vec![]), ty: mk(Kind::Void), loc }));
        }
        let Some(vt) = v[0].ty.base().cloned() else {
            self.err(loc, format!("argument 1 of '{name}' must be a pointer"));
            return Err(Reported);
        };
        let vt = unqual(&vt);
        if op == "lock_release" {
            v.push(int_lit(0, vt.clone(), loc));
        }
        if !sync && bk != Builtin::AtomicLoad {
            v.truncate(match bk {
                Builtin::AtomicCompareExchange => 3,
                _ => 2,
            });
        }
        v.truncate(3);
        // Convert value operands to the pointee type.
        for (i, e) in v.iter_mut().enumerate().skip(1) {
            if bk == Builtin::AtomicCompareExchange && i == 1 {
                continue;
            }
            *e = self.convert(e.clone(), &vt);
        }
        let ty = match bk {
            Builtin::AtomicCas(_) | Builtin::AtomicCompareExchange => int_t(IntKind::Bool),
            Builtin::AtomicStore => mk(Kind::Void),
            _ => vt,
        };
        let _ = int;
        Ok(Some(Expr { kind: ExprKind::Builtin(bk, v), ty, loc }))
    }

    /// `__atomic_load(p, ret, mo)` etc.: rewritten over the `_n` forms.
    fn atomic_generic(&mut self, op: &str, loc: Loc) -> PResult<Expr> {
        let a = self.args()?;
        let v: Vec<Expr> = a.into_iter().map(|e| self.rvalue(e)).collect();
        if v.len() < 2 || !v[0].ty.is_ptr() {
            self.err(loc, format!("invalid arguments to '__atomic_{op}'"));
            return Err(Reported);
        }
        let vt = unqual(v[0].ty.base().unwrap());
        let p = v[0].clone();
        let deref = |s: &mut Self, e: Expr| s.make_deref(e, loc);
        match op {
            "load" => {
                let val = Expr { kind: ExprKind::Builtin(Builtin::AtomicLoad, vec![p]), ty: vt.clone(), loc };
                let dst = deref(self, v[1].clone());
                Ok(self.make_assign(dst, val, loc))
            }
            "store" => {
                let src = deref(self, v[1].clone());
                let src = self.convert(src, &vt);
                Ok(Expr { kind: ExprKind::Builtin(Builtin::AtomicStore, vec![p, src]), ty: mk(Kind::Void), loc })
            }
            "exchange" => {
                let src = deref(self, v[1].clone());
                let src = self.convert(src, &vt);
                let val = Expr { kind: ExprKind::Builtin(Builtin::AtomicExchange, vec![p, src]), ty: vt.clone(), loc };
                let dst = deref(self, v[2].clone());
                Ok(self.make_assign(dst, val, loc))
            }
            _ => {
                let desired = deref(self, v[2].clone());
                let desired = self.convert(desired, &vt);
                Ok(Expr {
                    kind: ExprKind::Builtin(Builtin::AtomicCompareExchange, vec![p, v[1].clone(), desired]),
                    ty: int_t(IntKind::Bool),
                    loc,
                })
            }
        }
    }
}

/// `__builtin_NAME` forms that are the C library function NAME (gcc may
/// expand them inline; calling the library computes the same).
fn is_library_builtin(name: &str) -> bool {
    const LIBC: &[&str] = &[
        "memcpy",
        "memmove",
        "memset",
        "memcmp",
        "memchr",
        "mempcpy",
        "strlen",
        "strnlen",
        "strcmp",
        "strncmp",
        "strcpy",
        "strncpy",
        "stpcpy",
        "stpncpy",
        "strcat",
        "strncat",
        "strchr",
        "strrchr",
        "strstr",
        "strspn",
        "strcspn",
        "strpbrk",
        "strdup",
        "strndup",
        "strcasecmp",
        "strncasecmp",
        "bzero",
        "bcmp",
        "bcopy",
        "index",
        "rindex",
        "printf",
        "fprintf",
        "sprintf",
        "snprintf",
        "vprintf",
        "vfprintf",
        "vsprintf",
        "vsnprintf",
        "scanf",
        "fscanf",
        "sscanf",
        "puts",
        "fputs",
        "putchar",
        "fputc",
        "putc",
        "fwrite",
        "abort",
        "exit",
        "_exit",
        "_Exit",
        "malloc",
        "calloc",
        "realloc",
        "free",
        "aligned_alloc",
        "posix_memalign",
        "abs",
        "labs",
        "llabs",
        "imaxabs",
        "isalnum",
        "isalpha",
        "isascii",
        "isblank",
        "iscntrl",
        "isdigit",
        "isgraph",
        "islower",
        "isprint",
        "ispunct",
        "isspace",
        "isupper",
        "isxdigit",
        "tolower",
        "toupper",
        "toascii",
        "__memcpy_chk",
        "__memmove_chk",
        "__memset_chk",
        "__strcpy_chk",
        "__strncpy_chk",
        "__strcat_chk",
        "__strncat_chk",
        "__sprintf_chk",
        "__snprintf_chk",
        "__vsprintf_chk",
        "__vsnprintf_chk",
        "__printf_chk",
        "__fprintf_chk",
        "__vprintf_chk",
        "__vfprintf_chk",
        "__stpcpy_chk",
        "__mempcpy_chk",
        "__stpncpy_chk",
        "execl",
        "execle",
        "execlp",
        "execv",
        "execvp",
        "execve",
        "fork",
        "strftime",
        "wmemcpy",
        "wmemset",
        "wcslen",
        "qsort",
        "bsearch",
        "signal",
        "raise",
        "longjmp",
        "setjmp",
        "fabsd32",
        "ffsimax",
        "clzimax",
    ];
    const MATH: &[&str] = &[
        "acos",
        "acosh",
        "asin",
        "asinh",
        "atan",
        "atan2",
        "atanh",
        "cbrt",
        "ceil",
        "cos",
        "cosh",
        "erf",
        "erfc",
        "exp",
        "exp2",
        "expm1",
        "fdim",
        "floor",
        "fma",
        "fmax",
        "fmin",
        "fmod",
        "frexp",
        "hypot",
        "ilogb",
        "ldexp",
        "lgamma",
        "llrint",
        "llround",
        "log",
        "log10",
        "log1p",
        "log2",
        "logb",
        "lrint",
        "lround",
        "modf",
        "nearbyint",
        "nextafter",
        "nexttoward",
        "pow",
        "remainder",
        "remquo",
        "rint",
        "round",
        "scalbln",
        "scalbn",
        "sin",
        "sinh",
        "sqrt",
        "tan",
        "tanh",
        "tgamma",
        "trunc",
        "sincos",
        "exp10",
        "pow10",
        "significand",
        "gamma",
        "drem",
        "j0",
        "j1",
        "jn",
        "y0",
        "y1",
        "yn",
        "cabs",
        "carg",
        "cexp",
        "clog",
        "cpow",
        "csqrt",
        "csin",
        "ccos",
        "ctan",
        "casin",
        "cacos",
        "catan",
        "csinh",
        "ccosh",
        "ctanh",
        "casinh",
        "cacosh",
        "catanh",
        "cproj",
        "roundeven",
        "nan",
    ];
    if LIBC.contains(&name) || MATH.contains(&name) {
        return true;
    }
    // float and long double variants of the math functions.
    name.strip_suffix('f').or_else(|| name.strip_suffix('l')).is_some_and(|b| MATH.contains(&b))
}

/// `__builtin_inff32`, `__builtin_huge_valf64x`...: the `_FloatN` forms of
/// the float builtins, spelled as the float/double/long double ones
/// (`_Float32` is float, `_Float64` and `_Float32x` double, `_Float64x`
/// long double). `<float128>` for the `f16`/`f128` forms kit lacks.
fn floatn_builtin(name: &str) -> Option<String> {
    const STEMS: &[&str] = &["huge_val", "inf", "nan", "nans", "fabs", "copysign"];
    let rest = name.strip_prefix("__builtin_")?;
    for stem in STEMS {
        let Some(suffix) = rest.strip_prefix(stem) else { continue };
        let plain = match suffix {
            "f32" => "f",
            "f64" | "f32x" => "",
            "f64x" => "l",
            "f16" | "f128" | "f128x" => return Some("<float128>".into()),
            _ => continue,
        };
        return Some(format!("__builtin_{stem}{plain}"));
    }
    None
}
