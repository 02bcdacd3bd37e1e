//! Declarations: specifiers, declarators, struct/union/enum, attributes,
//! external definitions.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Storage {
    None,
    Typedef,
    Extern,
    Static,
    Auto,
    Register,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Attrs {
    pub aligned: u32,
    pub packed: bool,
    pub weak: bool,
    pub alias: Option<Rc<str>>,
    pub section: Option<Rc<str>>,
    pub hidden: bool,
    /// A `visibility` attribute was given (so `-fvisibility=` does not apply).
    pub visibility_set: bool,
    pub constructor: Option<u32>,
    pub destructor: Option<u32>,
    pub cleanup: Option<Rc<str>>,
    pub asm_name: Option<Rc<str>>,
    /// `mode(QI/HI/SI/DI/TI)`: integer width in bytes.
    pub mode: Option<u32>,
    pub vector_size: Option<u64>,
    pub gnu_inline: bool,
    pub always_inline: bool,
    pub transparent_union: bool,
    pub no_instrument: bool,
    /// `symver("name@VERSION")`: versioned names for the symbol, with the
    /// location of each string.
    pub symver: Vec<(Rc<str>, Loc)>,
}

#[derive(Clone, Debug)]
pub(super) struct DeclSpec {
    pub ty: T,
    pub storage: Storage,
    pub thread_local: bool,
    pub inline: bool,
    pub attrs: Attrs,
}

const TYPE_KEYWORDS: &[&str] = &[
    "void",
    "char",
    "short",
    "int",
    "long",
    "float",
    "double",
    "signed",
    "unsigned",
    "_Bool",
    "_Complex",
    "__complex",
    "__complex__",
    "struct",
    "union",
    "enum",
    "const",
    "volatile",
    "restrict",
    "__restrict",
    "__restrict__",
    "__const",
    "__const__",
    "__volatile",
    "__volatile__",
    "__signed",
    "__signed__",
    "_Atomic",
    "_Alignas",
    "typedef",
    "extern",
    "static",
    "auto",
    "register",
    "inline",
    "__inline",
    "__inline__",
    "_Noreturn",
    "_Thread_local",
    "__thread",
    "__attribute__",
    "__attribute",
    "__extension__",
    "typeof",
    "__typeof__",
    "__typeof",
    "__int128",
    "__int128_t",
    "__uint128_t",
    "__auto_type",
    "_Float32",
    "_Float64",
    "_Float128",
    "__float128",
    "_Float32x",
    "_Float64x",
    "__declspec",
];

impl<'a> Parser<'a> {
    /// Whether the current token starts a declaration (or a type name).
    pub(super) fn starts_decl(&self) -> bool {
        let t = self.peek();
        if t.kind != TokKind::Ident {
            return false;
        }
        TYPE_KEYWORDS.contains(&&*t.text) || self.is_typedef_name(t)
    }

    /// `__attribute__((...))` lists, any number; also `__asm__("name")`.
    pub(super) fn attributes(&mut self, a: &mut Attrs) {
        loop {
            if self.is_kw("__attribute__") || self.is_kw("__attribute") {
                self.bump();
                if self.expect(Punct::LParen).is_err() || self.expect(Punct::LParen).is_err() {
                    return;
                }
                while !self.is(Punct::RParen) && !self.at_eof() {
                    if self.eat(Punct::Comma) {
                        continue;
                    }
                    self.attribute(a);
                }
                let _ = self.expect(Punct::RParen);
                let _ = self.expect(Punct::RParen);
            } else if self.is_kw("__asm__") || self.is_kw("__asm") || self.is_kw("asm") {
                self.bump();
                if self.expect(Punct::LParen).is_err() {
                    return;
                }
                let mut name = String::new();
                while self.peek().kind == TokKind::Str {
                    let t = self.bump();
                    let (b, _) = self.decode_string(&t);
                    name.push_str(&String::from_utf8_lossy(&b[..b.len().saturating_sub(1)]));
                }
                let _ = self.expect(Punct::RParen);
                a.asm_name = Some(name.into());
            } else if self.is_kw("__declspec") {
                self.bump();
                self.skip_parens();
            } else {
                return;
            }
        }
    }

    fn skip_parens(&mut self) {
        self.skip_balanced(Punct::LParen, Punct::RParen);
    }

    /// Skips a `{ ... }` group (a body kit rejects).
    pub(super) fn skip_braces(&mut self) {
        self.skip_balanced(Punct::LBrace, Punct::RBrace);
    }

    fn skip_balanced(&mut self, open: Punct, close: Punct) {
        if !self.eat(open) {
            return;
        }
        let mut depth = 1;
        while depth > 0 && !self.at_eof() {
            let t = self.bump();
            if t.is_punct(open) {
                depth += 1;
            } else if t.is_punct(close) {
                depth -= 1;
            }
        }
    }

    fn attribute(&mut self, a: &mut Attrs) {
        let t = self.bump();
        if t.kind != TokKind::Ident {
            self.err(t.loc, "expected attribute name");
            return;
        }
        let name = t.text.trim_start_matches("__").trim_end_matches("__").to_string();
        let has_args = self.is(Punct::LParen);
        let str_arg = |p: &mut Self| -> Option<Rc<str>> {
            if p.eat(Punct::LParen) {
                let s = p.string_literals();
                while !p.is(Punct::RParen) && !p.at_eof() {
                    p.bump();
                }
                p.bump();
                Some(s.into())
            } else {
                None
            }
        };
        match name.as_str() {
            "aligned" => {
                if has_args {
                    self.bump();
                    let v = self.const_int_expr().unwrap_or(16);
                    a.aligned = a.aligned.max(v as u32);
                    let _ = self.expect(Punct::RParen);
                } else {
                    a.aligned = a.aligned.max(16);
                }
            }
            "packed" => a.packed = true,
            "weak" => a.weak = true,
            "alias" => a.alias = str_arg(self),
            "section" => a.section = str_arg(self),
            "visibility" => {
                let v = str_arg(self);
                a.hidden = matches!(v.as_deref(), Some("hidden" | "internal"));
                a.visibility_set = true;
            }
            "cleanup" => {
                if self.eat(Punct::LParen) {
                    if self.peek().kind == TokKind::Ident {
                        a.cleanup = Some(self.bump().text);
                    }
                    let _ = self.expect(Punct::RParen);
                }
            }
            "constructor" | "destructor" => {
                let mut prio = 65535;
                if self.eat(Punct::LParen) {
                    prio = self.const_int_expr().unwrap_or(65535) as u32;
                    let _ = self.expect(Punct::RParen);
                }
                if name == "constructor" {
                    a.constructor = Some(prio);
                } else {
                    a.destructor = Some(prio);
                }
            }
            "mode" => {
                if self.eat(Punct::LParen) {
                    let m = self.bump();
                    let m = m.text.trim_start_matches("__").trim_end_matches("__").to_string();
                    a.mode = match m.as_str() {
                        "QI" => Some(1),
                        "HI" => Some(2),
                        "SI" => Some(4),
                        "DI" | "word" | "pointer" => Some(8),
                        "TI" => Some(16),
                        _ => None,
                    };
                    let _ = self.expect(Punct::RParen);
                }
            }
            "vector_size" => {
                if self.eat(Punct::LParen) {
                    a.vector_size = self.const_int_expr().map(|v| v as u64);
                    let _ = self.expect(Punct::RParen);
                }
            }
            "gnu_inline" => a.gnu_inline = true,
            "transparent_union" => a.transparent_union = true,
            // Another name for the symbol, versioned for the linker (gas's
            // `.symver`); `parse::symver` checks the symbol at the end.
            "symver" => {
                let loc = if has_args { self.peek_at(1).loc } else { t.loc };
                match str_arg(self) {
                    Some(s) => match super::symver::check_name(&s) {
                        Ok(()) => a.symver.push((s, loc)),
                        Err(why) => self.err(loc, format!("symver attribute argument '{s}' {why}")),
                    },
                    None => self.err(t.loc, "symver attribute needs a \"name@VERSION\" string"),
                }
            }
            "always_inline" => a.always_inline = true,
            "no_instrument_function" => a.no_instrument = true,
            _ => {
                if has_args {
                    self.skip_parens();
                }
            }
        }
    }

    /// Declaration specifiers. `None` if there are none (implicit int is
    /// the caller's choice).
    pub(super) fn decl_specs(&mut self, allow_storage: bool) -> PResult<DeclSpec> {
        let loc = self.loc();
        let mut storage = Storage::None;
        let mut thread_local = false;
        let mut inline = false;
        let mut attrs = Attrs::default();
        let (mut is_const, mut is_volatile, mut is_atomic) = (false, false, false);
        let mut base: Option<T> = None;
        let (mut n_void, mut n_char, mut n_short, mut n_int, mut n_long) = (0, 0, 0, 0, 0);
        let (mut n_float, mut n_double, mut n_signed, mut n_unsigned, mut n_bool, mut n_complex, mut n_i128) = (0, 0, 0, 0, 0, 0, 0);
        let mut any = false;
        loop {
            let t = self.peek().clone();
            if t.kind != TokKind::Ident {
                break;
            }
            let kw: &str = &t.text;
            match kw {
                "typedef" | "extern" | "static" | "auto" | "register" => {
                    self.bump();
                    if !allow_storage {
                        self.err(t.loc, format!("storage class '{kw}' not allowed here"));
                    }
                    storage = match kw {
                        "typedef" => Storage::Typedef,
                        "extern" => Storage::Extern,
                        "static" => Storage::Static,
                        "auto" => Storage::Auto,
                        _ => Storage::Register,
                    };
                }
                "_Thread_local" | "__thread" => {
                    self.bump();
                    thread_local = true;
                }
                "inline" | "__inline" | "__inline__" | "_Noreturn" => {
                    self.bump();
                    inline |= kw != "_Noreturn";
                }
                "const" | "__const" | "__const__" => {
                    self.bump();
                    is_const = true;
                }
                "volatile" | "__volatile" | "__volatile__" => {
                    self.bump();
                    is_volatile = true;
                }
                "restrict" | "__restrict" | "__restrict__" | "__extension__" => {
                    self.bump();
                }
                "_Atomic" => {
                    self.bump();
                    if self.is(Punct::LParen) {
                        self.bump();
                        let ty = self.type_name()?;
                        self.expect(Punct::RParen)?;
                        base = Some(ty);
                    }
                    is_atomic = true;
                }
                "_Alignas" => {
                    self.bump();
                    self.expect(Punct::LParen)?;
                    let v = if self.starts_decl() {
                        let ty = self.type_name()?;
                        self.align_of(&ty) as i128
                    } else {
                        self.const_int_expr().unwrap_or(1)
                    };
                    self.expect(Punct::RParen)?;
                    attrs.aligned = attrs.aligned.max(v as u32);
                }
                "__attribute__" | "__attribute" | "__declspec" => self.attributes(&mut attrs),
                "void" => {
                    self.bump();
                    n_void += 1;
                }
                "char" => {
                    self.bump();
                    n_char += 1;
                }
                "short" => {
                    self.bump();
                    n_short += 1;
                }
                "int" => {
                    self.bump();
                    n_int += 1;
                }
                "long" => {
                    self.bump();
                    n_long += 1;
                }
                "float" | "_Float32" => {
                    self.bump();
                    n_float += 1;
                }
                "double" | "_Float64" | "_Float32x" => {
                    self.bump();
                    n_double += 1;
                }
                "_Float128" | "__float128" | "_Float64x" => {
                    self.bump();
                    n_double += 1;
                    n_long += 1;
                }
                "signed" | "__signed" | "__signed__" => {
                    self.bump();
                    n_signed += 1;
                }
                "unsigned" => {
                    self.bump();
                    n_unsigned += 1;
                }
                "_Bool" => {
                    self.bump();
                    n_bool += 1;
                }
                "_Complex" | "__complex__" | "__complex" => {
                    self.bump();
                    n_complex += 1;
                }
                "__int128" => {
                    self.bump();
                    n_i128 += 1;
                }
                "struct" | "union" => {
                    if base.is_some() {
                        break;
                    }
                    self.bump();
                    base = Some(self.record_spec(kw == "union")?);
                }
                "enum" => {
                    if base.is_some() {
                        break;
                    }
                    self.bump();
                    base = Some(self.enum_spec()?);
                }
                "typeof" | "__typeof__" | "__typeof" => {
                    self.bump();
                    self.expect(Punct::LParen)?;
                    let ty = if self.starts_decl() {
                        self.type_name()?
                    } else {
                        let e = self.expr()?;
                        e.ty.clone()
                    };
                    self.expect(Punct::RParen)?;
                    base = Some(ty);
                }
                "__auto_type" => {
                    self.bump();
                    base = Some(mk(Kind::Void)); // resolved from the initializer
                    attrs.mode = Some(0);
                }
                _ => {
                    let counted = n_void
                        + n_char
                        + n_short
                        + n_int
                        + n_long
                        + n_float
                        + n_double
                        + n_signed
                        + n_unsigned
                        + n_bool
                        + n_complex
                        + n_i128;
                    if base.is_none()
                        && counted == 0
                        && let Some(Sym::Typedef(ty)) = self.lookup(kw).cloned()
                    {
                        // `typedef int T; { T T; }` – a typedef name followed by a
                        // declarator that redeclares it is still the type here.
                        let name = self.bump().text;
                        let named = CType { typedef: Some(Rc::new((name, ty.clone()))), ..(*ty).clone() };
                        base = Some(Rc::new(named));
                        any = true;
                        continue;
                    }
                    break;
                }
            }
            any = true;
        }
        let _ = any;
        let counted = n_void + n_char + n_short + n_int + n_long + n_float + n_double + n_signed + n_unsigned + n_bool + n_complex + n_i128;
        let ty = if let Some(b) = base {
            if counted > 0 {
                self.err(loc, "two or more data types in declaration specifiers");
            }
            b
        } else {
            if n_void > 0 {
                mk(Kind::Void)
            } else if n_bool > 0 {
                int_t(IntKind::Bool)
            } else if n_float > 0 || n_double > 0 {
                let fk = if n_float > 0 {
                    FloatKind::Float
                } else if n_long > 0 {
                    FloatKind::LDouble
                } else {
                    FloatKind::Double
                };
                if n_complex > 0 { mk(Kind::Complex(fk)) } else { float_t(fk) }
            } else if n_complex > 0 && n_char + n_short + n_int + n_long + n_i128 + n_unsigned + n_signed == 0 {
                mk(Kind::Complex(FloatKind::Double))
            } else {
                let u = n_unsigned > 0;
                let ik = if n_char > 0 {
                    if u {
                        IntKind::UChar
                    } else if n_signed > 0 {
                        IntKind::SChar
                    } else {
                        IntKind::Char
                    }
                } else if n_short > 0 {
                    if u { IntKind::UShort } else { IntKind::Short }
                } else if n_i128 > 0 {
                    if u { IntKind::U128 } else { IntKind::I128 }
                } else if n_long >= 2 {
                    if u { IntKind::ULLong } else { IntKind::LLong }
                } else if n_long == 1 {
                    if u { IntKind::ULong } else { IntKind::Long }
                } else if u {
                    IntKind::UInt
                } else {
                    IntKind::Int
                };
                // With no specifier at all this is implicit int (old code).
                if n_complex > 0 { mk(Kind::ComplexInt(ik)) } else { int_t(ik) }
            }
        };
        let mut ty = with_quals(&ty, is_const, is_volatile, is_atomic);
        if let Some(m) = attrs.mode.filter(|&m| m > 0)
            && let Some(k) = ty.int_kind()
        {
            let s = k.signed();
            let nk = match m {
                1 => {
                    if s {
                        IntKind::SChar
                    } else {
                        IntKind::UChar
                    }
                }
                2 => {
                    if s {
                        IntKind::Short
                    } else {
                        IntKind::UShort
                    }
                }
                4 => {
                    if s {
                        IntKind::Int
                    } else {
                        IntKind::UInt
                    }
                }
                8 => {
                    if s {
                        IntKind::Long
                    } else {
                        IntKind::ULong
                    }
                }
                _ => {
                    if s {
                        IntKind::I128
                    } else {
                        IntKind::U128
                    }
                }
            };
            ty = with_quals(&int_t(nk), ty.is_const, ty.is_volatile, false);
        }
        if attrs.vector_size.is_some() {
            ty = self.vectorize(ty, &attrs);
            attrs.vector_size = None;
        }
        if attrs.aligned > 0 && storage == Storage::Typedef {
            let mut c = (*ty).clone();
            c.align = attrs.aligned.max(self.align_of(&ty));
            ty = Rc::new(c);
        }
        Ok(DeclSpec { ty, storage, thread_local, inline, attrs })
    }

    /// The type a typedef names: its `aligned` and `vector_size` attributes applied.
    pub(super) fn typedef_type(&mut self, ty: T, attrs: &Attrs) -> T {
        if let (true, Kind::Record(id)) = (attrs.transparent_union, &ty.kind) {
            self.transparent_unions.insert(*id);
        }
        let ty = if attrs.aligned > 0 {
            let mut c = (*ty).clone();
            c.align = attrs.aligned;
            Rc::new(c)
        } else {
            ty
        };
        self.vectorize(ty, attrs)
    }

    /// Applies `vector_size(N)` to an element type.
    pub(super) fn vectorize(&self, ty: T, attrs: &Attrs) -> T {
        let Some(vs) = attrs.vector_size else { return ty };
        if ty.is_vector() || !(ty.is_integer() || ty.is_float()) {
            return ty;
        }
        let n = vs / self.size_of(&ty).max(1);
        with_quals(&mk(Kind::Vector(unqual(&ty), n.max(1))), ty.is_const, ty.is_volatile, false)
    }

    /// A type name, as in casts and sizeof: specifiers + abstract declarator.
    pub(super) fn type_name(&mut self) -> PResult<T> {
        let spec = self.decl_specs(false)?;
        let mut attrs = spec.attrs.clone();
        let (_, ty) = self.declarator(spec.ty, true, &mut attrs)?;
        Ok(self.vectorize(ty, &attrs))
    }

    /// A declarator: returns the declared name (None for abstract ones) and type.
    pub(super) fn declarator(&mut self, base: T, allow_abstract: bool, attrs: &mut Attrs) -> PResult<(Option<Name>, T)> {
        let mut ty = base;
        loop {
            self.attributes(attrs);
            if !self.eat(Punct::Star) {
                break;
            }
            ty = ptr_to(ty);
            let (mut c, mut v) = (false, false);
            loop {
                if self.eat_kw("const") || self.eat_kw("__const") || self.eat_kw("__const__") {
                    c = true;
                } else if self.eat_kw("volatile") || self.eat_kw("__volatile") || self.eat_kw("__volatile__") {
                    v = true;
                } else if self.eat_kw("restrict") || self.eat_kw("__restrict") || self.eat_kw("__restrict__") || self.eat_kw("_Atomic") {
                } else if self.is_kw("__attribute__") || self.is_kw("__attribute") {
                    self.attributes(attrs);
                } else {
                    break;
                }
            }
            ty = with_quals(&ty, c, v, false);
        }
        // A parenthesised declarator, e.g. `(*fp)(int)`: parse the suffix
        // first, then the inner declarator applied to the suffixed type.
        if self.is(Punct::LParen) && self.paren_is_declarator(allow_abstract) {
            self.bump();
            let inner_start = self.pos;
            self.skip_balanced_to_rparen();
            self.expect(Punct::RParen)?;
            let ty = self.type_suffix(ty, attrs)?;
            let end = self.pos;
            self.pos = inner_start;
            let r = self.declarator(ty, allow_abstract, attrs)?;
            self.expect(Punct::RParen)?;
            self.pos = end;
            return Ok(r);
        }
        let name = if self.peek().kind == TokKind::Ident && !self.starts_decl_keyword_only() {
            let t = self.bump();
            Some((t.text.clone(), t.loc))
        } else {
            if !allow_abstract {
                let t = self.peek().clone();
                self.err(t.loc, format!("expected identifier or '(' before '{}'", t.text));
                return Err(Reported);
            }
            None
        };
        let ty = self.type_suffix(ty, attrs)?;
        self.attributes(attrs);
        Ok((name, ty))
    }

    /// Identifiers that can never be declarator names (keywords).
    fn starts_decl_keyword_only(&self) -> bool {
        let t = self.peek();
        t.kind == TokKind::Ident && TYPE_KEYWORDS.contains(&&*t.text) && !t.text.starts_with("__attribute")
    }

    /// After `(` in a declarator: is this a nested declarator rather than a
    /// parameter list?
    fn paren_is_declarator(&self, allow_abstract: bool) -> bool {
        let n = self.peek_at(1);
        match n.kind {
            TokKind::Punct(Punct::Star) | TokKind::Punct(Punct::LParen) | TokKind::Punct(Punct::LBracket) => true,
            TokKind::Punct(Punct::Caret) => true,
            TokKind::Ident => {
                if n.text.starts_with("__attribute") {
                    return true;
                }
                !allow_abstract || !(TYPE_KEYWORDS.contains(&&*n.text) || self.is_typedef_name(n))
            }
            _ => false,
        }
    }

    fn skip_balanced_to_rparen(&mut self) {
        let mut depth = 0;
        while !self.at_eof() {
            match self.peek().kind {
                TokKind::Punct(Punct::LParen) | TokKind::Punct(Punct::LBracket) => depth += 1,
                TokKind::Punct(Punct::RParen) | TokKind::Punct(Punct::RBracket) => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Array and function suffixes.
    fn type_suffix(&mut self, ty: T, attrs: &mut Attrs) -> PResult<T> {
        if self.eat(Punct::LBracket) {
            let mut is_static = false;
            loop {
                if self.eat_kw("static") {
                    is_static = true;
                } else if self.eat_kw("const") || self.eat_kw("volatile") || self.eat_kw("restrict") || self.eat_kw("__restrict") {
                } else {
                    break;
                }
            }
            let _ = is_static;
            let len: Option<Result<u64, Expr>> = if self.eat(Punct::RBracket) {
                None
            } else if self.is(Punct::Star) && self.peek_at(1).is_punct(Punct::RBracket) {
                self.bump();
                self.bump();
                Some(Ok(0)).filter(|_| false)
            } else {
                let loc = self.loc();
                self.param_ref_seen = false;
                let e = self.assign_expr()?;
                self.expect(Punct::RBracket)?;
                let names_param = std::mem::take(&mut self.param_ref_seen);
                let in_prototype = self.fs.is_none() && self.in_prototype > 0;
                match self.eval_int(&e).filter(|_| !names_param) {
                    // A bound only known at run time in a prototype is `[*]`
                    // here; a definition parses its parameters again in the
                    // function, where the bound is evaluated on entry.
                    None if names_param || in_prototype => {
                        self.params_variably_modified = true;
                        None
                    }
                    Some(v) => {
                        if v < 0 {
                            self.err(loc, "size of array is negative");
                        }
                        Some(Ok(v.max(0) as u64))
                    }
                    None => {
                        if self.fs.is_none() {
                            self.err(loc, "variably modified array at file scope");
                            Some(Ok(1))
                        } else {
                            Some(Err(e))
                        }
                    }
                }
            };
            let elem = self.type_suffix(ty, attrs)?;
            if elem.is_func() {
                self.err(self.loc(), "declaration of array of functions");
            }
            return Ok(match len {
                None => mk(Kind::Array(elem, None)),
                Some(Ok(n)) => mk(Kind::Array(elem, Some(n))),
                Some(Err(e)) => {
                    let loc = e.loc;
                    let id = self.new_local("<vla-len>".into(), int_t(IntKind::ULong), loc);
                    let e = self.convert(e, &int_t(IntKind::ULong));
                    self.pending_vla.push((id, e));
                    mk(Kind::Vla(elem, id))
                }
            });
        }
        if self.is(Punct::LParen) {
            self.bump();
            let ft = self.param_list(ty)?;
            self.attributes(attrs);
            return Ok(ft);
        }
        Ok(ty)
    }

    /// Parameter list after `(`; consumes the `)`.
    fn param_list(&mut self, ret: T) -> PResult<T> {
        let mut params = Vec::new();
        let mut names = Vec::new();
        let mut variadic = false;
        let mut unprototyped = false;
        if self.is(Punct::RParen) {
            self.bump();
            unprototyped = true;
        } else if self.is_kw("void") && self.peek_at(1).is_punct(Punct::RParen) {
            self.bump();
            self.bump();
        } else if self.peek().kind == TokKind::Ident && !self.starts_decl() {
            // K&R identifier list; types come from the declarations before the body.
            unprototyped = true;
            loop {
                let t = self.bump();
                if t.kind != TokKind::Ident {
                    self.err(t.loc, "expected identifier in parameter list");
                    return Err(Reported);
                }
                names.push((t.text.clone(), t.loc));
                params.push(int_t(IntKind::Int));
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
            self.expect(Punct::RParen)?;
            self.kr_names = Some(names.clone());
        } else {
            // The prototype's own scope: a later parameter's array bound
            // may name an earlier parameter.
            let start = self.pos;
            let outer_vm = std::mem::take(&mut self.params_variably_modified);
            self.push_scope();
            self.in_prototype += 1;
            let r = self.prototype_params(&mut params, &mut names, &mut variadic);
            self.in_prototype -= 1;
            self.pop_scope();
            r?;
            self.expect(Punct::RParen)?;
            self.last_params = Some((start, self.params_variably_modified));
            self.params_variably_modified = outer_vm;
        }
        self.last_param_names = names;
        Ok(mk(Kind::Func(Rc::new(FuncType { ret, params, variadic, unprototyped }))))
    }

    /// One parameter declaration of a definition, parsed again inside the
    /// function (see `function_def`); None if it does not parse.
    fn reparse_param(&mut self, after_comma: bool) -> Option<T> {
        if after_comma && !self.eat(Punct::Comma) {
            return None;
        }
        let spec = self.decl_specs(true).ok()?;
        let mut attrs = spec.attrs.clone();
        let (_, ty) = self.declarator(spec.ty, true, &mut attrs).ok()?;
        Some(self.adjust_param(ty))
    }

    /// The parameter declarations of a prototype, up to the `)`.
    fn prototype_params(&mut self, params: &mut Vec<T>, names: &mut Vec<(Rc<str>, Loc)>, variadic: &mut bool) -> PResult<()> {
        loop {
            if self.eat(Punct::Ellipsis) {
                *variadic = true;
                return Ok(());
            }
            let loc = self.loc();
            if !self.starts_decl() {
                let t = self.peek().clone();
                self.err(loc, format!("unknown type name '{}'", t.text));
            }
            let spec = self.decl_specs(true)?;
            let mut attrs = spec.attrs.clone();
            let (name, ty) = self.declarator(spec.ty, true, &mut attrs)?;
            let ty = self.adjust_param(ty);
            if let Some((n, _)) = &name {
                self.bind(n.clone(), Sym::Param(ty.clone()));
            }
            params.push(ty);
            names.push(name.unwrap_or_else(|| ("".into(), loc)));
            if !self.eat(Punct::Comma) {
                return Ok(());
            }
        }
    }

    /// Array and function parameters become pointers.
    pub(super) fn adjust_param(&self, ty: T) -> T {
        match &ty.kind {
            Kind::Array(e, _) | Kind::Vla(e, _) => with_quals(&ptr_to(e.clone()), ty.is_const, ty.is_volatile, false),
            Kind::Func(_) => ptr_to(ty.clone()),
            _ => ty,
        }
    }

    /// `struct`/`union` specifier after the keyword.
    fn record_spec(&mut self, is_union: bool) -> PResult<T> {
        let mut attrs = Attrs::default();
        self.attributes(&mut attrs);
        let loc = self.loc();
        let tag = if self.peek().kind == TokKind::Ident { Some(self.bump().text) } else { None };
        let has_body = self.is(Punct::LBrace);
        let id = match &tag {
            Some(name) => {
                let existing = self.lookup_tag(name).map(|(t, cur)| (t.clone(), cur));
                match existing {
                    Some((Tag::Record(id), cur)) if cur || !has_body && !self.is(Punct::Semi) => {
                        if self.tu.records.get(id).is_union != is_union {
                            self.err(loc, format!("'{name}' defined as wrong kind of tag"));
                        }
                        id
                    }
                    Some((Tag::Record(id), _)) if !has_body => id,
                    _ => self.new_record(Some(name.clone()), is_union),
                }
            }
            None => self.new_record(None, is_union),
        };
        if !has_body {
            return Ok(mk(Kind::Record(id)));
        }
        if self.tu.records.get(id).complete {
            let fresh = self.new_record(tag.clone(), is_union);
            return self.record_body(fresh, attrs);
        }
        self.record_body(id, attrs)
    }

    fn new_record(&mut self, name: Option<Rc<str>>, is_union: bool) -> u32 {
        self.tu.records.list.push(Record { name: name.clone(), is_union, ..Default::default() });
        let id = (self.tu.records.list.len() - 1) as u32;
        if let Some(n) = name {
            self.scopes.last_mut().unwrap().tags.insert(n, Tag::Record(id));
        }
        id
    }

    fn record_body(&mut self, id: u32, mut attrs: Attrs) -> PResult<T> {
        self.expect(Punct::LBrace)?;
        let mut members: Vec<MemberDecl> = Vec::new();
        while !self.is(Punct::RBrace) && !self.at_eof() {
            if self.is_kw("_Static_assert") {
                self.static_assert()?;
                continue;
            }
            if self.eat(Punct::Semi) {
                continue;
            }
            let spec = self.decl_specs(false)?;
            if self.eat(Punct::Semi) {
                // Anonymous struct/union member.
                members.push((None, spec.ty.clone(), None, self.loc(), spec.attrs.aligned));
                continue;
            }
            loop {
                let mut fattrs = spec.attrs.clone();
                let loc = self.loc();
                let (name, ty) =
                    if self.is(Punct::Colon) { (None, spec.ty.clone()) } else { self.declarator(spec.ty.clone(), false, &mut fattrs)? };
                let width = if self.eat(Punct::Colon) {
                    let w = self.const_int_expr().unwrap_or(0);
                    if w < 0 || w as u64 > self.size_of(&ty) * 8 {
                        self.err(loc, "invalid width of bit-field");
                    }
                    Some(w.max(0) as u32)
                } else {
                    None
                };
                self.attributes(&mut fattrs);
                let mut ty = ty;
                if matches!(ty.kind, Kind::Vla(..)) || matches!(&ty.kind, Kind::Array(e, _) if matches!(e.kind, Kind::Vla(..))) {
                    // Until it works it is an error, never a wrong layout.
                    self.err(loc, "a variable-length array in a structure is not supported yet");
                    self.pending_vla.clear();
                }
                if fattrs.packed && width.is_none() {
                    let mut c = (*ty).clone();
                    c.align = 1;
                    ty = Rc::new(c);
                }
                members.push((name.map(|n| n.0), ty, width, loc, fattrs.aligned));
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
            self.expect(Punct::Semi)?;
        }
        self.expect(Punct::RBrace)?;
        self.attributes(&mut attrs);
        if attrs.transparent_union {
            self.transparent_unions.insert(id);
        }
        let pack = if attrs.packed { 1 } else { self.pack };
        self.layout_record(id, members, pack, attrs.aligned);
        Ok(mk(Kind::Record(id)))
    }

    /// Computes field offsets, size and alignment (SysV rules, bit-fields
    /// included; `pack` caps member alignment).
    fn layout_record(&mut self, id: u32, members: Vec<MemberDecl>, pack: u32, aligned: u32) {
        let is_union = self.tu.records.get(id).is_union;
        let mut fields = Vec::new();
        // Bit positions in u128: objects may be close to 2^64 bytes.
        let mut bitpos: u128 = 0;
        let mut size: u128 = 0;
        let mut align: u32 = 1;
        let mut has_flex = false;
        let n = members.len();
        for (i, (name, ty, width, loc, falign)) in members.into_iter().enumerate() {
            let mut a = self.align_of(&ty).max(falign).max(1);
            if pack > 0 {
                a = a.min(pack).max(1);
            }
            let sz = self.size_of(&ty);
            if let Kind::Array(_, None) = ty.kind {
                if i + 1 != n && !is_union {
                    self.err(loc, "flexible array member not at end of struct");
                }
                has_flex = true;
            } else if !self.is_complete(&ty) {
                self.err(loc, format!("field has incomplete type '{}'", self.tname(&ty)));
            }
            if is_union {
                bitpos = 0;
            }
            match width {
                Some(w) => {
                    let unit = sz as u128 * 8;
                    if w == 0 {
                        // Pads to the next unit, even at the end (`struct {
                        // char c; int :0; }` is 4 bytes), without raising the
                        // struct's alignment.
                        bitpos = bitpos.next_multiple_of(unit.max(8));
                        size = size.max(bitpos.div_ceil(8));
                        continue;
                    }
                    if pack == 0 && unit > 0 && bitpos / unit != (bitpos + w as u128 - 1) / unit {
                        bitpos = bitpos.next_multiple_of(unit);
                    }
                    if name.is_some() {
                        align = align.max(a);
                    }
                    fields.push(Field { name, ty, offset: (bitpos / 8) as u64, bits: Some(((bitpos % 8) as u32, w)) });
                    bitpos += w as u128;
                }
                None => {
                    bitpos = bitpos.next_multiple_of(8 * a as u128);
                    align = align.max(a);
                    fields.push(Field { name, ty, offset: (bitpos / 8) as u64, bits: None });
                    bitpos += sz as u128 * 8;
                }
            }
            size = size.max(bitpos.div_ceil(8));
        }
        if aligned > 0 {
            align = align.max(aligned);
        }
        let size = size.next_multiple_of(align as u128).min(u64::MAX as u128) as u64;
        let r = &mut self.tu.records.list[id as usize];
        r.fields = fields;
        r.size = size;
        r.align = align;
        r.complete = true;
        r.has_flex = has_flex;
    }

    fn enum_spec(&mut self) -> PResult<T> {
        let mut attrs = Attrs::default();
        self.attributes(&mut attrs);
        let tag = if self.peek().kind == TokKind::Ident { Some(self.bump().text) } else { None };
        if !self.is(Punct::LBrace) {
            if let Some(name) = &tag
                && let Some((Tag::Enum(t), _)) = self.lookup_tag(name)
            {
                return Ok(t.clone());
            }
            return Ok(int_t(IntKind::UInt));
        }
        self.bump();
        let mut next: i128 = 0;
        let mut consts = Vec::new();
        while !self.is(Punct::RBrace) && !self.at_eof() {
            let t = self.bump();
            if t.kind != TokKind::Ident {
                self.err(t.loc, "expected identifier in enumerator list");
                return Err(Reported);
            }
            let mut a = Attrs::default();
            self.attributes(&mut a);
            if self.eat(Punct::Assign) {
                next = self.const_int_expr().unwrap_or(0);
            }
            consts.push((t.text.clone(), next));
            self.bind(t.text.clone(), Sym::EnumConst(next, int_t(IntKind::Int)));
            next += 1;
            if !self.eat(Punct::Comma) {
                break;
            }
        }
        self.expect(Punct::RBrace)?;
        self.attributes(&mut attrs);
        let min = consts.iter().map(|c| c.1).min().unwrap_or(0);
        let max = consts.iter().map(|c| c.1).max().unwrap_or(0);
        let k = if attrs.packed {
            if min >= 0 && max <= 255 {
                IntKind::UChar
            } else if min >= -128 && max <= 127 {
                IntKind::SChar
            } else if min >= 0 && max <= 65535 {
                IntKind::UShort
            } else {
                IntKind::Int
            }
        } else if min >= 0 && max <= u32::MAX as i128 {
            IntKind::UInt
        } else if min >= i32::MIN as i128 && max <= i32::MAX as i128 {
            IntKind::Int
        } else if min >= 0 {
            IntKind::ULong
        } else {
            IntKind::Long
        };
        // Enumerators keep type int when they fit (C11 6.7.2.2).
        for (name, v) in &consts {
            let ct = if *v >= i32::MIN as i128 && *v <= i32::MAX as i128 { int_t(IntKind::Int) } else { int_t(k) };
            self.bind(name.clone(), Sym::EnumConst(*v, ct));
        }
        self.static_counter += 1;
        let ty = Rc::new(CType { enum_tag: self.static_counter, ..(*int_t(k)).clone() });
        self.tu.enums.insert(self.static_counter, (tag.clone(), consts));
        if let Some(name) = tag {
            self.scopes.last_mut().unwrap().tags.insert(name, Tag::Enum(ty.clone()));
        }
        Ok(ty)
    }

    pub(super) fn static_assert(&mut self) -> PResult<()> {
        let loc = self.loc();
        self.bump();
        self.expect(Punct::LParen)?;
        let v = self.const_int_expr();
        let mut msg = String::new();
        if self.eat(Punct::Comma) {
            msg = self.string_literals();
        }
        self.expect(Punct::RParen)?;
        self.expect(Punct::Semi)?;
        if v == Some(0) {
            self.err(loc, format!("static assertion failed: \"{msg}\""));
        }
        Ok(())
    }

    /// Adjacent string literals as one text (attribute, assertion and asm
    /// arguments); empty when none follows.
    pub(super) fn string_literals(&mut self) -> String {
        let mut out = String::new();
        while self.peek().kind == TokKind::Str {
            let t = self.bump();
            let (b, _) = self.decode_string(&t);
            out.push_str(&String::from_utf8_lossy(&b[..b.len().saturating_sub(1)]));
        }
        out
    }

    /// File-scope `asm("...")`. gas's `.symver NAME, ALIAS@VERSION`
    /// directives (how libraries versioned symbols before the attribute) are
    /// honoured like `__attribute__((symver))`; anything else goes to the
    /// assembler with the module.
    fn top_level_asm(&mut self) {
        let loc = self.loc();
        self.bump();
        let mut text = String::new();
        if self.eat(Punct::LParen) {
            text = self.string_literals();
            if !self.is(Punct::RParen) {
                // Not a plain string: not something kit can honour.
                while !self.is(Punct::RParen) && !self.at_eof() {
                    self.bump();
                }
                text = "<operands>".into();
            }
            let _ = self.expect(Punct::RParen);
        }
        self.eat(Punct::Semi);
        let directives: Vec<&str> = text.split(['\n', ';']).map(str::trim).filter(|d| !d.is_empty()).collect();
        let mut symvers = Vec::new();
        for d in &directives {
            let Some(args) = d.strip_prefix(".symver").filter(|a| a.starts_with(char::is_whitespace)) else {
                if text == "<operands>" {
                    self.err(loc, "file-scope asm takes a string only");
                } else {
                    self.tu.asm.push(text);
                }
                return;
            };
            let parts: Vec<&str> = args.split(',').map(str::trim).collect();
            let [name, alias] = parts[..] else {
                self.err(loc, format!("'.symver{args}' needs a symbol and a versioned name ('.symver NAME, NAME@VERSION')"));
                return;
            };
            // `@@@` (define the default version, or reference it) acts as `@@` here.
            let alias = alias.replacen("@@@", "@@", 1);
            if let Err(why) = super::symver::check_name(&alias) {
                self.err(loc, format!("'.symver' name '{alias}' {why}"));
                return;
            }
            symvers.push((Rc::<str>::from(name), Rc::<str>::from(alias.as_str())));
        }
        for (name, alias) in symvers {
            self.symvers.push((name, alias, loc));
        }
    }

    /// One file-scope declaration or function definition.
    pub(super) fn external_decl(&mut self) {
        if self.eat(Punct::Semi) {
            return;
        }
        if self.is_kw("_Static_assert") {
            if self.static_assert().is_err() {
                self.recover();
            }
            return;
        }
        if self.is_kw("__kit_pragma") {
            self.pragma();
            return;
        }
        if self.is_kw("__asm__") || self.is_kw("asm") || self.is_kw("__asm") {
            self.top_level_asm();
            return;
        }
        let loc = self.loc();
        let implicit = !self.starts_decl();
        let spec = match self.decl_specs(true) {
            Ok(s) => s,
            Err(_) => {
                self.recover();
                return;
            }
        };
        if implicit && self.peek().kind != TokKind::Ident && !self.is(Punct::Star) && !self.is(Punct::LParen) {
            let t = self.peek().clone();
            self.err(t.loc, format!("expected declaration before '{}'", t.text));
            self.recover();
            return;
        }
        if self.eat(Punct::Semi) {
            return;
        }
        let mut first = true;
        loop {
            let mut attrs = spec.attrs.clone();
            self.kr_names = None;
            let r = self.declarator(spec.ty.clone(), false, &mut attrs);
            let (name, ty) = match r {
                Ok((Some(n), t)) => (n, t),
                Ok((None, _)) | Err(_) => {
                    self.recover();
                    return;
                }
            };
            self.pending_vla.clear();
            if first && ty.is_func() && (self.is(Punct::LBrace) || (self.kr_names.is_some() && self.starts_decl())) {
                self.function_def(name, ty, &spec, attrs, loc);
                return;
            }
            first = false;
            if self.declare_global(name, ty, &spec, attrs).is_err() {
                self.recover();
                return;
            }
            if self.eat(Punct::Comma) {
                continue;
            }
            if self.expect(Punct::Semi).is_err() {
                self.recover();
            }
            return;
        }
    }

    /// Registers (or merges) a file-scope or block-scope `extern` name;
    /// parses its initializer if any.
    pub(super) fn declare_global(&mut self, (name, nloc): (Rc<str>, Loc), ty: T, spec: &DeclSpec, attrs: Attrs) -> PResult<()> {
        if spec.storage == Storage::Typedef {
            let ty = self.typedef_type(ty, &attrs);
            self.bind(name, Sym::Typedef(ty));
            return Ok(());
        }
        let ty = self.vectorize(ty, &attrs);
        let is_func = ty.is_func();
        if is_func && self.fs.is_none() && (spec.storage == Storage::Extern || !spec.inline) {
            self.external_fn_decls.insert(name.clone());
        }
        if is_func && attrs.no_instrument {
            self.no_instrument_fns.insert(name.clone());
        }
        let sym_name: Rc<str> = attrs.asm_name.clone().unwrap_or_else(|| name.clone());
        let has_init = self.is(Punct::Assign);
        let idx = match self.global_index.get(&sym_name).copied() {
            Some(i) => {
                let old_ty = self.tu.globals[i].ty.clone();
                let same_kind = (old_ty.is_func() && ty.is_func()) || (old_ty.is_array() && ty.is_array());
                if !compatible_unqual(&old_ty, &ty) && !same_kind {
                    self.err(nloc, format!("conflicting types for '{}'", name));
                }
                let g = &mut self.tu.globals[i];
                // Complete an incomplete array type or an unprototyped function.
                let better = match (&g.ty.kind, &ty.kind) {
                    (Kind::Array(_, None), Kind::Array(_, Some(_))) => true,
                    (Kind::Func(a), Kind::Func(b)) => a.unprototyped && !b.unprototyped,
                    _ => false,
                };
                if better {
                    g.ty = ty.clone();
                }
                if spec.storage != Storage::Extern && !is_func {
                    g.is_extern = false;
                }
                if spec.storage == Storage::Static && self.fs.is_none() {
                    g.is_static = true;
                }
                g.is_weak |= attrs.weak;
                g.hidden |= attrs.hidden;
                g.visibility_set |= attrs.visibility_set;
                g.is_tls |= spec.thread_local;
                if attrs.section.is_some() {
                    g.section = attrs.section.clone();
                }
                g.align = g.align.max(attrs.aligned);
                i
            }
            None => {
                let g = GlobalVar {
                    name: sym_name.clone(),
                    ty: ty.clone(),
                    is_static: spec.storage == Storage::Static,
                    is_extern: spec.storage == Storage::Extern || is_func,
                    is_tls: spec.thread_local,
                    is_weak: attrs.weak,
                    hidden: attrs.hidden,
                    visibility_set: attrs.visibility_set,
                    section: attrs.section.clone(),
                    align: attrs.aligned,
                    init: None,
                    loc: nloc,
                    used: false,
                    c_name: Some(name.clone()),
                    static_in: None,
                };
                self.tu.globals.push(g);
                let i = self.tu.globals.len() - 1;
                self.global_index.insert(sym_name.clone(), i);
                i
            }
        };
        for (v, vloc) in &attrs.symver {
            self.symvers.push((sym_name.clone(), v.clone(), *vloc));
        }
        if let Some(target) = &attrs.alias {
            self.tu.aliases.push((sym_name.clone(), target.clone(), attrs.weak));
            self.tu.globals[idx].is_extern = true;
        }
        if let Some(p) = attrs.constructor {
            self.tu.ctors.push((sym_name.clone(), p));
        }
        if let Some(p) = attrs.destructor {
            self.tu.dtors.push((sym_name.clone(), p));
        }
        // Block-scope extern declarations bind in the current scope.
        self.bind(name.clone(), Sym::Global(idx));
        if has_init {
            self.bump();
            let gty = self.tu.globals[idx].ty.clone();
            let (init, ty) = self.initializer(&gty, true)?;
            let g = &mut self.tu.globals[idx];
            g.ty = ty;
            g.init = Some(init);
            g.is_extern = false;
        }
        Ok(())
    }

    fn function_def(&mut self, (name, nloc): (Rc<str>, Loc), ty: T, spec: &DeclSpec, attrs: Attrs, loc: Loc) {
        let param_names = std::mem::take(&mut self.last_param_names);
        let last_params = self.last_params.take();
        let kr = self.kr_names.take();
        let mut ty = ty;
        let sym_name: Rc<str> = attrs.asm_name.clone().unwrap_or_else(|| name.clone());
        // Register the function before the body so recursion resolves.
        let mut gspec = spec.clone();
        if gspec.storage == Storage::Extern {
            gspec.storage = Storage::None;
        }
        let _ = self.declare_global((name.clone(), nloc), ty.clone(), &gspec, attrs.clone());
        let gidx = self.global_index[&sym_name];
        // An inline-only definition provides no external symbol: GNU89's
        // `extern inline` (also C99's with `gnu_inline`), and C99's plain
        // `inline` unless a declaration elsewhere in the file makes it
        // external (settled at the end of the file).
        let gnu_inline = attrs.gnu_inline || self.lang.gnu89_inline;
        let inline_only = spec.inline
            && spec.storage != Storage::Static
            && !self.tu.globals[gidx].is_static
            && (spec.storage == Storage::Extern) == gnu_inline;
        self.fs = Some(FnState { name: name.clone(), never_emitted: inline_only && gnu_inline, ..Default::default() });
        self.push_scope();
        let ft = ty.func().unwrap().clone();
        // K&R parameter declarations.
        let mut kr_types: HashMap<Rc<str>, T> = HashMap::new();
        if kr.is_some() {
            while self.starts_decl() {
                let Ok(pspec) = self.decl_specs(true) else {
                    self.recover();
                    continue;
                };
                loop {
                    let mut a = pspec.attrs.clone();
                    if let Ok((Some((n, _)), t)) = self.declarator(pspec.ty.clone(), false, &mut a) {
                        let t = self.adjust_param(t);
                        kr_types.insert(n, t);
                    }
                    if !self.eat(Punct::Comma) {
                        break;
                    }
                }
                let _ = self.expect(Punct::Semi);
            }
        }
        let mut params = Vec::new();
        let mut ptys = Vec::new();
        let names = kr.clone().unwrap_or(param_names);
        // Variably modified parameters (`int a[n++]`, `char m[2][N]`) are
        // parsed again here, each after the ones before it are bound, so
        // their bounds become run-time lengths evaluated on entry.
        let reparse_from = last_params.filter(|&(_, vm)| vm && kr.is_none()).map(|(pos, _)| pos);
        let resume = self.pos;
        if let Some(start) = reparse_from {
            self.pos = start;
        }
        for (i, (pname, ploc)) in names.iter().enumerate() {
            let reparsed = if reparse_from.is_some() { self.reparse_param(i > 0) } else { None };
            let pty = if kr.is_some() {
                kr_types.get(pname).cloned().unwrap_or_else(|| int_t(IntKind::Int))
            } else if let Some(t) = reparsed {
                t
            } else {
                ft.params.get(i).cloned().unwrap_or_else(|| int_t(IntKind::Int))
            };
            ptys.push(pty.clone());
            let id = self.new_local(pname.clone(), pty, *ploc);
            self.fs().locals[id as usize].is_param = true;
            params.push(id);
            if !pname.is_empty() {
                self.bind(pname.clone(), Sym::Local(id));
            }
        }
        if kr.is_some() {
            // Old-style definition: callers promote arguments; the function
            // itself sees the declared types.
            ty = mk(Kind::Func(Rc::new(FuncType { ret: ft.ret.clone(), params: ptys, variadic: false, unprototyped: true })));
            self.tu.globals[gidx].ty = ty.clone();
        }
        self.pos = resume;
        let entry_vla = std::mem::take(&mut self.pending_vla);
        self.fs().ret = Some(ft.ret.clone());
        // `__func__`
        let fname_bytes: Rc<[u8]> = name.bytes().chain(std::iter::once(0)).collect::<Vec<u8>>().into();
        let mut body = Vec::new();
        if !entry_vla.is_empty() {
            body.push(Stmt::Decl(
                entry_vla.into_iter().map(|(id, e)| LocalDecl { local: id, init: None, vla_dims: vec![(id, e)] }).collect(),
            ));
        }
        self.func_name_bytes = Some(fname_bytes);
        let r = self.compound_body();
        self.pop_scope();
        let mut fs = self.fs.take().unwrap();
        for l in &mut fs.locals {
            // Scope ids become spans; a scope still open (after an error) ends with the function.
            let (open, close) = fs.scope_spans.get(l.scope_span.0 as usize).copied().unwrap_or((0, u32::MAX));
            l.scope_span = (open, close.min(fs.scope_clock));
        }
        let stmts = match r {
            Ok(s) => s,
            Err(_) => return,
        };
        body.extend(stmts);
        for (l, lloc) in &fs.used_labels {
            if !fs.defined_labels.iter().any(|(d, _)| d == l) {
                self.err(*lloc, format!("label '{l}' used but not defined"));
            }
        }
        let g = self.tu.globals[gidx].clone();
        let is_static = g.is_static;
        if inline_only && !gnu_inline {
            self.c99_inline_defs.push((self.tu.funcs.len(), name.clone(), attrs.always_inline));
        }
        if spec.storage == Storage::Extern {
            self.external_fn_decls.insert(name.clone());
        }
        self.tu.globals[gidx].is_extern = false;
        self.tu.funcs.push(FuncDef {
            name: sym_name,
            ty,
            is_static,
            is_weak: attrs.weak || g.is_weak,
            is_inline_only: inline_only,
            is_inline: spec.inline,
            visibility_hidden: attrs.hidden || g.hidden,
            instrument: self.lang.instrument_functions && !attrs.no_instrument && !self.no_instrument_fns.contains(&name),
            section: attrs.section.clone(),
            locals: fs.locals,
            params,
            body,
            loc,
            nlabels: fs.nlabels,
            addr_labels: fs.addr_labels,
        });
    }

    /// Removes the inline-only definitions at the end of the translation
    /// unit: calls to them reach the external definition elsewhere, as with
    /// gcc (never a local copy, which would shadow the real function).
    pub(super) fn drop_inline_only_defs(&mut self) {
        for (i, name, always_inline) in std::mem::take(&mut self.c99_inline_defs) {
            if self.external_fn_decls.contains(&name) {
                self.tu.funcs[i].is_inline_only = false;
            } else if always_inline {
                // gcc inlines every call and needs no external definition;
                // kit does not inline yet, so a local copy stands in.
                self.tu.funcs[i].is_inline_only = false;
                self.tu.funcs[i].is_static = true;
            }
        }
        let (kept, dropped): (Vec<FuncDef>, Vec<FuncDef>) = std::mem::take(&mut self.tu.funcs).into_iter().partition(|f| !f.is_inline_only);
        self.tu.funcs = kept;
        let defined: HashSet<&str> = self.tu.funcs.iter().map(|f| &*f.name).collect();
        for f in dropped {
            if !defined.contains(&*f.name) {
                let gidx = self.global_index[&f.name];
                self.tu.globals[gidx].is_extern = true;
            }
        }
    }

    /// `-fvisibility=hidden`: definitions whose declarations carry no
    /// visibility attribute become hidden.
    pub(super) fn apply_default_visibility(&mut self) {
        for g in &mut self.tu.globals {
            if !g.is_static && !g.is_extern && !g.visibility_set {
                g.hidden = true;
            }
        }
        for f in &mut self.tu.funcs {
            if let Some(&i) = self.global_index.get(&f.name) {
                f.visibility_hidden |= self.tu.globals[i].hidden;
            }
        }
    }

    /// `#pragma` forwarded by the preprocessor as `__kit_pragma ( tokens ) ;`.
    pub(super) fn pragma(&mut self) {
        self.bump();
        let mut toks = Vec::new();
        if self.eat(Punct::LParen) {
            let mut depth = 1;
            while !self.at_eof() {
                let t = self.bump();
                match t.kind {
                    TokKind::Punct(Punct::LParen) => depth += 1,
                    TokKind::Punct(Punct::RParen) => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                toks.push(t);
            }
        }
        self.eat(Punct::Semi);
        if toks.first().is_some_and(|t| t.is_ident("pack")) {
            let args: Vec<&Token> = toks.iter().skip(2).filter(|t| !t.is_punct(Punct::RParen)).collect();
            let num = |t: &Token| t.text.parse::<u32>().ok();
            match args.first() {
                None => self.pack = 0,
                Some(t) if t.is_ident("push") => {
                    self.pack_stack.push(self.pack);
                    if let Some(n) = args.iter().filter_map(|t| num(t)).next() {
                        self.pack = n;
                    }
                }
                Some(t) if t.is_ident("pop") => self.pack = self.pack_stack.pop().unwrap_or(0),
                Some(t) => {
                    if let Some(n) = num(t) {
                        self.pack = n;
                    }
                }
            }
        }
    }
}

pub(super) fn is_type_keyword(s: &str) -> bool {
    TYPE_KEYWORDS.contains(&s)
}

/// A declared name and where it is.
type Name = (Rc<str>, Loc);

/// A struct or union member as declared: name (None for an anonymous
/// member), type, bit-field width, location, and `aligned` attribute.
type MemberDecl = (Option<Rc<str>>, T, Option<u32>, Loc, u32);
