//! Parser and semantic analysis: preprocessed tokens → typed AST ([`Tu`]).
//!
//! Declarations are resolved while parsing (C needs it: typedef names change
//! the grammar), expressions are typed as they are built, and implicit
//! conversions become explicit casts, in the manner of a one-pass compiler.

mod builtins;
mod cpu;
mod decl;
pub(crate) mod expr;
pub mod expr_eval;
mod init;
mod stmt;
mod symver;

use crate::ast::*;
use crate::diag::Diags;
use crate::lang::LangOptions;
use crate::source::Loc;
use crate::token::{Punct, TokKind, Token};
use crate::types::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A file-scope object or function the translation unit declares or defines.
#[derive(Clone, Debug)]
pub struct GlobalVar {
    /// The symbol name (the identifier, or its asm label).
    pub name: Rc<str>,
    pub ty: T,
    pub is_static: bool,
    /// Only declared here (`extern`, or a function prototype).
    pub is_extern: bool,
    pub is_tls: bool,
    pub is_weak: bool,
    pub hidden: bool,
    /// Its visibility was given by an attribute.
    pub visibility_set: bool,
    pub section: Option<Rc<str>>,
    pub align: u32,
    pub init: Option<Init>,
    pub loc: Loc,
    pub used: bool,
    /// The identifier (None for compiler-made objects), for debug info.
    pub c_name: Option<Rc<str>>,
    /// For a static local: the function (symbol) it belongs to.
    pub static_in: Option<Rc<str>>,
}

/// The result of parsing one translation unit.
#[derive(Default)]
pub struct Tu {
    pub records: Records,
    /// Globals in declaration order; a symbol appears once (merged).
    pub globals: Vec<GlobalVar>,
    pub funcs: Vec<FuncDef>,
    /// (alias symbol, target symbol, is_weak)
    pub aliases: Vec<(Rc<str>, Rc<str>, bool)>,
    pub ctors: Vec<(Rc<str>, u32)>,
    pub dtors: Vec<(Rc<str>, u32)>,
    /// Versioned names (`symver` attributes) of symbols defined here.
    pub symvers: Vec<Symver>,
    /// Enumerated types by `CType::enum_tag`: tag name and enumerators.
    pub enums: HashMap<u32, EnumDef>,
    /// File-scope `asm("...")` text, in order.
    pub asm: Vec<String>,
}

/// `__attribute__((symver("name@VERSION")))`: `name` (with its `@VERSION`
/// or `@@VERSION`) is another name for the defined `symbol`, as gas's
/// `.symver` makes it; the linker reads the version from the name.
#[derive(Clone, Debug)]
pub struct Symver {
    pub symbol: Rc<str>,
    pub name: Rc<str>,
    /// The symbol is weak, so is its versioned name.
    pub weak: bool,
}

#[derive(Clone, Debug)]
enum Sym {
    Local(u32),
    /// Index into `Tu::globals`.
    Global(usize),
    Typedef(T),
    EnumConst(i128, T),
    /// A parameter seen earlier in the same prototype (`int f(int n, int a[n])`).
    Param(T),
}

#[derive(Clone, Debug)]
enum Tag {
    Record(u32),
    Enum(T),
}

#[derive(Default)]
struct Scope {
    syms: HashMap<Rc<str>, Sym>,
    tags: HashMap<Rc<str>, Tag>,
}

/// An enumerated type: its tag name and its enumerators with their values.
pub type EnumDef = (Option<Rc<str>>, Vec<(Rc<str>, i128)>);

/// A switch being parsed: its cases (low, high, label), its default label,
/// and the controlling expression's type.
type Switch = (Vec<(i128, i128, u32)>, Option<u32>, T);

/// Per-function parsing state.
#[derive(Default)]
struct FnState {
    locals: Vec<Local>,
    ret: Option<T>,
    labels: HashMap<Rc<str>, u32>,
    defined_labels: Vec<(Rc<str>, Loc)>,
    used_labels: Vec<(Rc<str>, Loc)>,
    addr_labels: Vec<u32>,
    nlabels: u32,
    /// Innermost switch: its cases and default.
    switches: Vec<Switch>,
    ncases: u32,
    name: Rc<str>,
    breakable: u32,
    continuable: u32,
    /// A GNU inline-only body: parsed and checked, never compiled.
    never_emitted: bool,
    /// Open block scopes (ids into `scope_spans`), innermost last.
    scope_stack: Vec<u32>,
    /// Each block scope's (open, close) times on a clock that ticks at
    /// every open and close, so nested scopes nest and siblings are disjoint.
    scope_spans: Vec<(u32, u32)>,
    scope_clock: u32,
}

pub struct Parser<'a> {
    toks: Vec<Token>,
    pos: usize,
    pub diags: &'a mut Diags,
    tu: Tu,
    scopes: Vec<Scope>,
    global_index: HashMap<Rc<str>, usize>,
    fs: Option<FnState>,
    static_counter: u32,
    /// `#pragma pack` value currently in force (0 = none).
    pack: u32,
    pack_stack: Vec<u32>,
    /// VLA lengths met while parsing a declarator, to evaluate at the declaration.
    pending_vla: Vec<(u32, Expr)>,
    /// Names of the parameters of the last function declarator parsed.
    last_param_names: Vec<(Rc<str>, Loc)>,
    /// The identifier list of a K&R declarator.
    kr_names: Option<Vec<(Rc<str>, Loc)>>,
    /// `__func__` of the function being parsed.
    func_name_bytes: Option<Rc<[u8]>>,
    /// An expression just parsed named an earlier parameter (`[n]` in a
    /// parameter declaration).
    param_ref_seen: bool,
    /// Unions declared `transparent_union`: an argument of any member's
    /// type converts to them (glibc's `__SOCKADDR_ARG`).
    transparent_unions: HashSet<u32>,
    /// Parsing a prototype's parameters outside a function (depth).
    in_prototype: u32,
    /// The parameter list being parsed has a bound known only at run time.
    params_variably_modified: bool,
    /// The last parameter list parsed: where it starts, and whether it is
    /// variably modified (a definition then parses it again).
    last_params: Option<(usize, bool)>,
    lang: LangOptions,
    /// Functions with a file-scope declaration that says `extern` or omits
    /// `inline`: their C99 inline definitions are external ones.
    external_fn_decls: HashSet<Rc<str>>,
    /// Functions declared `no_instrument_function`.
    no_instrument_fns: HashSet<Rc<str>>,
    /// C99 inline definitions (index into `tu.funcs`, identifier), settled
    /// at the end of the translation unit.
    c99_inline_defs: Vec<(usize, Rc<str>, bool /* always_inline */)>,
    /// `symver` attributes met: (symbol, versioned name, where), checked
    /// at the end of the translation unit.
    symvers: Vec<(Rc<str>, Rc<str>, Loc)>,
}

/// Parses a preprocessed token stream into a typed translation unit.
pub fn parse(toks: Vec<Token>, lang: &LangOptions, diags: &mut Diags) -> Tu {
    crate::types::set_plain_char_signed(!lang.unsigned_char);
    let mut p = Parser {
        toks,
        pos: 0,
        diags,
        tu: Tu::default(),
        scopes: vec![Scope::default()],
        global_index: HashMap::new(),
        fs: None,
        static_counter: 0,
        pack: 0,
        pack_stack: Vec::new(),
        pending_vla: Vec::new(),
        last_param_names: Vec::new(),
        kr_names: None,
        func_name_bytes: None,
        param_ref_seen: false,
        transparent_unions: HashSet::new(),
        in_prototype: 0,
        params_variably_modified: false,
        last_params: None,
        lang: *lang,
        external_fn_decls: HashSet::new(),
        no_instrument_fns: HashSet::new(),
        c99_inline_defs: Vec::new(),
        symvers: Vec::new(),
    };
    p.declare_builtin_typedefs();
    while !p.at_eof() {
        if p.diags.too_many() {
            break;
        }
        let before = p.pos;
        p.external_decl();
        if p.pos == before {
            p.bump();
        }
    }
    p.drop_inline_only_defs();
    if p.lang.default_hidden {
        p.apply_default_visibility();
    }
    p.resolve_symvers();
    p.tu
}

/// An error already reported; the parser recovers at the caller.
pub(crate) struct Reported;
type PResult<X> = Result<X, Reported>;

impl<'a> Parser<'a> {
    // ---- token access ----
    fn peek(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }
    fn peek_at(&self, n: usize) -> &Token {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)]
    }
    fn at_eof(&self) -> bool {
        self.peek().kind == TokKind::Eof
    }
    fn loc(&self) -> Loc {
        self.peek().loc
    }
    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn is(&self, p: Punct) -> bool {
        self.peek().is_punct(p)
    }
    fn is_kw(&self, s: &str) -> bool {
        self.peek().is_ident(s)
    }
    fn eat(&mut self, p: Punct) -> bool {
        if self.is(p) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn eat_kw(&mut self, s: &str) -> bool {
        if self.is_kw(s) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn expect(&mut self, p: Punct) -> PResult<()> {
        if self.eat(p) {
            Ok(())
        } else {
            let t = self.peek().clone();
            let found = if t.kind == TokKind::Eof { "end of input".to_string() } else { format!("'{}'", t.text) };
            self.err(t.loc, format!("expected '{}' before {}", p.spelling(), found));
            Err(Reported)
        }
    }
    fn err(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.error(loc, msg);
    }
    fn warn(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.warning(loc, msg);
    }

    /// Skips to just past the next `;` (or before a `}`) at this nesting level.
    fn recover(&mut self) {
        let mut depth = 0i32;
        loop {
            let t = self.peek();
            match t.kind {
                TokKind::Eof => return,
                TokKind::Punct(Punct::LBrace) | TokKind::Punct(Punct::LParen) | TokKind::Punct(Punct::LBracket) => depth += 1,
                TokKind::Punct(Punct::RParen) | TokKind::Punct(Punct::RBracket) => depth -= 1,
                TokKind::Punct(Punct::RBrace) => {
                    if depth <= 0 {
                        return;
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        if self.is(Punct::Semi) {
                            self.bump();
                        }
                        return;
                    }
                }
                TokKind::Punct(Punct::Semi) if depth <= 0 => {
                    self.bump();
                    return;
                }
                _ => {}
            }
            self.bump();
        }
    }

    // ---- scopes ----
    fn push_scope(&mut self) {
        self.scopes.push(Scope::default());
        if let Some(fs) = self.fs.as_mut() {
            fs.scope_stack.push(fs.scope_spans.len() as u32);
            fs.scope_spans.push((fs.scope_clock, u32::MAX));
            fs.scope_clock += 1;
        }
    }
    fn pop_scope(&mut self) {
        self.scopes.pop();
        if let Some(fs) = self.fs.as_mut()
            && let Some(id) = fs.scope_stack.pop()
        {
            fs.scope_spans[id as usize].1 = fs.scope_clock;
            fs.scope_clock += 1;
        }
    }
    fn lookup(&self, name: &str) -> Option<&Sym> {
        self.scopes.iter().rev().find_map(|s| s.syms.get(name))
    }
    fn lookup_tag(&self, name: &str) -> Option<(&Tag, bool)> {
        let n = self.scopes.len();
        self.scopes.iter().enumerate().rev().find_map(|(i, s)| s.tags.get(name).map(|t| (t, i + 1 == n)))
    }
    fn bind(&mut self, name: Rc<str>, sym: Sym) {
        self.scopes.last_mut().unwrap().syms.insert(name, sym);
    }
    fn is_typedef_name(&self, t: &Token) -> bool {
        t.kind == TokKind::Ident && matches!(self.lookup(&t.text), Some(Sym::Typedef(_)))
    }

    fn declare_builtin_typedefs(&mut self) {
        // __builtin_va_list: the SysV x86-64 va_list, an array of one
        // 24-byte record {gp_offset, fp_offset, overflow_arg_area, reg_save_area}.
        let u32t = int_t(IntKind::UInt);
        let vp = ptr_to(mk(Kind::Void));
        let rec = Record {
            name: Some("__va_list_tag".into()),
            is_union: false,
            complete: true,
            fields: vec![
                Field { name: Some("gp_offset".into()), ty: u32t.clone(), offset: 0, bits: None },
                Field { name: Some("fp_offset".into()), ty: u32t, offset: 4, bits: None },
                Field { name: Some("overflow_arg_area".into()), ty: vp.clone(), offset: 8, bits: None },
                Field { name: Some("reg_save_area".into()), ty: vp, offset: 16, bits: None },
            ],
            size: 24,
            align: 8,
            has_flex: false,
        };
        self.tu.records.list.push(rec);
        let tag = mk(Kind::Record(0));
        let va = mk(Kind::Array(tag, Some(1)));
        self.bind("__builtin_va_list".into(), Sym::Typedef(va));
        self.bind("__int128_t".into(), Sym::Typedef(int_t(IntKind::I128)));
        self.bind("__uint128_t".into(), Sym::Typedef(int_t(IntKind::U128)));
    }

    fn fs(&mut self) -> &mut FnState {
        self.fs.as_mut().expect("inside a function")
    }

    fn new_local(&mut self, name: Rc<str>, ty: T, loc: Loc) -> u32 {
        let fs = self.fs();
        let scope = fs.scope_stack.last().copied().unwrap_or(0);
        fs.locals.push(Local {
            name,
            ty,
            addr_taken: false,
            is_param: false,
            loc,
            cleanup: None,
            align: 0,
            scope_span: (scope, 0),
            asm_reg: None,
        });
        (fs.locals.len() - 1) as u32
    }

    fn size_of(&self, t: &CType) -> u64 {
        size_of(t, &self.tu.records)
    }
    fn align_of(&self, t: &CType) -> u32 {
        align_of(t, &self.tu.records)
    }
    fn tname(&self, t: &CType) -> String {
        type_name(t, &self.tu.records)
    }
    fn is_complete(&self, t: &CType) -> bool {
        match &t.kind {
            Kind::Void => false,
            Kind::Array(_, None) => false,
            Kind::Record(id) => self.tu.records.get(*id).complete,
            _ => true,
        }
    }
}

/// Expression constructors shared by the submodules.
pub(crate) fn int_lit(v: i128, ty: T, loc: Loc) -> Expr {
    Expr { kind: ExprKind::Int(v), ty, loc }
}
