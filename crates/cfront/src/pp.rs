//! The C11 preprocessor: directives, macro expansion with hidesets
//! (Prosser's algorithm), `#include` search, `#if` arithmetic.
//!
//! # Pragmas reaching the parser
//!
//! `#pragma pack(...)` and `_Pragma("pack(...)")` are forwarded to the
//! parser as the token sequence
//!
//! ```text
//! __kit_pragma ( pack ( ... ) ) ;
//! ```
//!
//! i.e. the identifier `__kit_pragma`, a parenthesised copy of the pragma's
//! tokens and a semicolon, all located at the pragma. `#pragma once`,
//! `push_macro`/`pop_macro`, `GCC system_header`, `GCC warning`/`GCC error`
//! are handled here; every other pragma (`GCC visibility`, `GCC diagnostic`,
//! `omp`, ...) is dropped. [`write_preprocessed`] turns the forwarded form
//! back into a `#pragma` line.
//!
//! # Diagnostics
//!
//! A missing `#include` file stops preprocessing (gcc's fatal error):
//! the output then ends early with `Eof`.

mod builtin_headers;
mod directive;
mod expr;
mod hideset;
mod output;
mod predef;

pub use output::write_preprocessed;

use crate::diag::Diags;
use crate::lex::FastMap;
use crate::source::{FileId, FileLoader, Loc, SourceMap};
use crate::token::{BOL, Punct, SPACE, TokKind, Token};
use hideset::HideSets;
use std::collections::HashSet;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MacroDef {
    /// `-D NAME[=VALUE]` (no value means `1`); NAME may be `f(a,b)`.
    Define(String, Option<String>),
    /// `-U NAME`
    Undef(String),
}

/// The target, for the predefined macro set. Linux LP64 targets are
/// described: `x86_64` (complete, as gcc 12 defines it), `aarch64`, `riscv64`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PpTarget {
    pub arch: String,
    pub os: String,
    pub pointer_size: u32,
}

impl Default for PpTarget {
    fn default() -> Self {
        PpTarget { arch: "x86_64".into(), os: "linux".into(), pointer_size: 8 }
    }
}

#[derive(Clone, Debug, Default)]
pub struct PpOptions {
    /// `-I` directories (searched for "..." after the includer's directory, and for <...>).
    pub include_dirs: Vec<String>,
    /// System directories, searched after `-I` and kit's own headers.
    pub system_dirs: Vec<String>,
    /// `-iquote`: searched for "..." only, before `-I`.
    pub quote_dirs: Vec<String>,
    /// `-idirafter`: searched after the system directories.
    pub after_dirs: Vec<String>,
    /// `-imacros FILE`: read for their macros (output dropped) before the source.
    pub macro_includes: Vec<String>,
    /// Forward every pragma kit does not act on (for `-E` output).
    pub keep_pragmas: bool,
    /// Collect the macro definitions in force at the end (`-dM`).
    pub dump_macros: bool,
    /// `-D`/`-U` in command-line order.
    pub defines: Vec<MacroDef>,
    /// `-include FILE`, in order.
    pub includes: Vec<String>,
    /// `-O1` and up: defines `__OPTIMIZE__` (else `__NO_INLINE__`).
    pub optimize: bool,
    /// Seconds since the epoch for `__DATE__`/`__TIME__`/`__TIMESTAMP__`
    /// (the driver passes `SOURCE_DATE_EPOCH` or the clock; None: a fixed date).
    pub build_time: Option<u64>,
    pub target: PpTarget,
    pub lang: crate::lang::LangOptions,
    /// Preprocessing assembly (`.S`, gcc's assembler-with-cpp): defines
    /// `__ASSEMBLER__`, `$` ends identifiers, and a `#` line that is not a
    /// directive is a comment, dropped.
    pub assembler: bool,
}

pub struct PpOutput {
    /// The expanded tokens, ending with `Eof`.
    pub tokens: Vec<Token>,
    /// Every file read from disk, in order of first inclusion (for `-M`);
    /// kit's built-in headers are not listed.
    pub deps: Vec<String>,
    /// With `dump_macros`: `#define` lines for every macro in force at the
    /// end, sorted by name (`-dM`).
    pub macro_defs: String,
}

/// The virtual directory holding kit's own headers.
pub const KIT_INCLUDE_DIR: &str = "<kit>";

/// `#include` nesting limit (catches recursive includes).
const MAX_INCLUDE_DEPTH: usize = 200;

struct Macro {
    /// None: object-like.
    params: Option<Vec<Rc<str>>>,
    variadic: bool,
    body: Vec<Token>,
    /// Built-in dynamic macro (`__LINE__` ...).
    dynamic: bool,
    /// The name's hideset element.
    name_id: u32,
    loc: Loc,
}

impl Macro {
    /// Index of the parameter `t` names, if any.
    fn param(&self, t: &Token) -> Option<usize> {
        let ps = self.params.as_ref()?;
        if t.kind != TokKind::Ident {
            return None;
        }
        if self.variadic && &*t.text == "__VA_ARGS__" {
            return Some(ps.len() - 1);
        }
        ps.iter().position(|p| **p == *t.text)
    }

    /// Same definition in the sense of C11 6.10.3p2 (redefinition is fine).
    fn same_as(&self, o: &Macro) -> bool {
        self.params == o.params
            && self.variadic == o.variadic
            && self.body.len() == o.body.len()
            && self.body.iter().zip(&o.body).enumerate().all(|(i, (a, b))| a.text == b.text && (i == 0 || a.has_space() == b.has_space()))
    }
}

struct FileCtx {
    toks: Vec<Token>,
    pos: usize,
    id: FileId,
    /// Normalised path: the key for `#pragma once` and include guards.
    key: String,
    /// Directory of the file, for "..." includes.
    dir: String,
    /// Index in the search path where this file was found (for #include_next).
    dir_index: Option<usize>,
    /// A system header: some warnings are not given for it.
    system: bool,
    /// `#line` adjustments: presumed line = physical line + delta; name.
    line_delta: i64,
    name_override: Option<Rc<str>>,
    /// Conditional stack depth at entry (to diagnose unterminated #if).
    cond_base: usize,
}

#[derive(Clone, Copy)]
struct Cond {
    /// This group is being emitted.
    active: bool,
    /// Some group of this #if chain was taken (or the parent is skipped).
    taken: bool,
    seen_else: bool,
    loc: Loc,
}

pub struct Preprocessor<'a> {
    opts: &'a PpOptions,
    loader: &'a dyn FileLoader,
    sm: &'a mut SourceMap,
    diags: &'a mut Diags,
    macros: FastMap<Rc<str>, Rc<Macro>>,
    files: Vec<FileCtx>,
    /// Tokens to read before the current file (macro expansions), reversed.
    pushback: Vec<Token>,
    /// Reading is confined to `pushback` (argument pre-expansion, #if).
    isolated: u32,
    /// Expanding an `#if` line: `defined` and `__has_*` are operators.
    in_if: bool,
    conds: Vec<Cond>,
    hs: HideSets,
    once: HashSet<String>,
    /// Include-guard macro of files whose whole body is `#ifndef G ... #endif`.
    guards: FastMap<String, Rc<str>>,
    deps: Vec<String>,
    seen_deps: HashSet<String>,
    /// `#pragma push_macro` stacks (None: the macro was undefined).
    pushed_macros: FastMap<Rc<str>, Vec<Option<Rc<Macro>>>>,
    counter: u32,
    /// -I dirs, `<kit>`, system dirs.
    search: Vec<String>,
    /// Index of the first system directory in `search`.
    system_start: usize,
    main_name: String,
    date: Rc<str>,
    time: Rc<str>,
    timestamp: Rc<str>,
    /// A fatal error happened: stop reading.
    fatal: bool,
}

/// Preprocesses `main_path`; returns the expanded tokens (ending with Eof).
pub fn preprocess(main_path: &str, opts: &PpOptions, loader: &dyn FileLoader, sm: &mut SourceMap, diags: &mut Diags) -> PpOutput {
    let mut search = opts.include_dirs.clone();
    let system_start = search.len();
    search.push(KIT_INCLUDE_DIR.to_string());
    search.extend(opts.system_dirs.iter().cloned());
    search.extend(opts.after_dirs.iter().cloned());
    let dt = predef::date_time(opts.build_time);
    let dollars = crate::lex::set_dollar_identifiers(!opts.assembler);
    let mut pp = Preprocessor {
        opts,
        loader,
        sm,
        diags,
        macros: FastMap::default(),
        files: Vec::new(),
        pushback: Vec::new(),
        isolated: 0,
        in_if: false,
        conds: Vec::new(),
        hs: HideSets::new(),
        once: HashSet::new(),
        guards: FastMap::default(),
        deps: Vec::new(),
        seen_deps: HashSet::new(),
        pushed_macros: FastMap::default(),
        counter: 0,
        search,
        system_start,
        main_name: main_path.to_string(),
        date: quote(&dt.date).into(),
        time: quote(&dt.time).into(),
        timestamp: quote(&dt.timestamp).into(),
        fatal: false,
    };
    pp.define_builtins();
    for m in &opts.macro_includes {
        match pp.find_include(m, true, Some("."), None) {
            Some((path, idx)) => {
                if pp.push_file_path(&path, idx, Loc::default(), false) {
                    pp.run(&mut Vec::new());
                }
            }
            None => {
                pp.diags.error(Loc::default(), format!("{m}: No such file or directory"));
                pp.fatal = true;
            }
        }
    }
    let mut out = Vec::new();
    // Files are a stack: the main file is pushed first, then the -include
    // files and the C library's stdc-predef.h (like gcc) so they are read first.
    if pp.push_file_path(main_path, None, Loc::default(), false) {
        for inc in opts.includes.iter().rev() {
            match pp.find_include(inc, true, Some("."), None) {
                Some((path, idx)) => {
                    pp.push_file_path(&path, idx, Loc::default(), false);
                }
                None => {
                    pp.diags.error(Loc::default(), format!("{inc}: No such file or directory"));
                    pp.fatal = true;
                }
            }
        }
        if let Some((path, idx)) = pp.find_include("stdc-predef.h", false, None, Some(pp.system_start + 1)) {
            pp.push_file_path(&path, idx, Loc::default(), true);
        }
        if !pp.fatal {
            pp.run(&mut out);
        }
    }
    if out.last().is_none_or(|t| t.kind != TokKind::Eof) {
        out.push(eof(Loc::default()));
    }
    let macro_defs = if opts.dump_macros { pp.macro_definitions() } else { String::new() };
    crate::lex::set_dollar_identifiers(dollars);
    PpOutput { tokens: out, deps: pp.deps, macro_defs }
}

fn eof(loc: Loc) -> Token {
    Token { kind: TokKind::Eof, text: "".into(), loc, flags: BOL, hideset: 0 }
}

/// A token made by the preprocessor.
fn synth(kind: TokKind, text: &str, loc: Loc) -> Token {
    Token { kind, text: text.into(), loc, flags: 0, hideset: 0 }
}

/// An empty argument next to `##` (C11 6.10.3.3p2); removed after pasting.
fn placemarker() -> Token {
    synth(TokKind::Other, "", Loc::default())
}

fn is_placemarker(t: &Token) -> bool {
    t.kind == TokKind::Other && t.text.is_empty()
}

impl<'a> Preprocessor<'a> {
    // ---- files ----

    /// Opens `path` and makes it the current file. Returns false (after a
    /// diagnostic) when it cannot be read.
    fn push_file_path(&mut self, path: &str, dir_index: Option<usize>, loc: Loc, system: bool) -> bool {
        let key = normalize_path(path);
        if self.once.contains(&key) {
            return true;
        }
        if let Some(g) = self.guards.get(&key)
            && self.macros.contains_key(g)
        {
            return true;
        }
        if self.files.len() >= MAX_INCLUDE_DEPTH {
            self.diags.error(loc, format!("#include nested depth {MAX_INCLUDE_DEPTH} exceeds maximum (recursive include?)"));
            self.fatal = true;
            return false;
        }
        let bytes = match path.strip_prefix("<kit>/") {
            Some(name) => match builtin_headers::get(name) {
                Some(t) => t.as_bytes().to_vec(),
                None => return false,
            },
            None => match self.loader.load(path) {
                Ok(b) => b,
                Err(e) => {
                    self.diags.error(loc, format!("{path}: {e}"));
                    self.fatal = true;
                    return false;
                }
            },
        };
        let mut text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => bytes_to_text(e.as_bytes()),
        };
        // A `#!` first line (scripts run by `kit run --script`) is not C.
        if self.files.is_empty() && text.starts_with("#!") {
            let end = text.find('\n').unwrap_or(text.len());
            text.replace_range(..end, "");
        }
        if !path.starts_with("<kit>/") && self.seen_deps.insert(path.to_string()) {
            self.deps.push(path.to_string());
        }
        let text: Rc<str> = text.into();
        let id = self.sm.add(path, text.clone());
        if loc.line > 0 {
            self.sm.set_included_from(id, loc);
        }
        let toks = crate::lex::tokenize(id, &text, self.diags);
        let dir = match path.rfind('/') {
            Some(0) => "/".to_string(),
            Some(i) => path[..i].to_string(),
            None => ".".to_string(),
        };
        if let Some(g) = detect_guard(&toks) {
            self.guards.insert(key.clone(), g);
        }
        let system = system || path.starts_with("<kit>/") || dir_index.is_some_and(|i| i >= self.system_start);
        if system {
            self.sm.set_system(id);
        }
        let cond_base = self.conds.len();
        self.files.push(FileCtx { toks, pos: 0, id, key, dir, dir_index, system, line_delta: 0, name_override: None, cond_base });
        true
    }

    /// Finds an include file: the includer's directory for "..." (unless
    /// `start` says this is `#include_next`), then the search path.
    fn find_include(&self, name: &str, quoted: bool, cur_dir: Option<&str>, start: Option<usize>) -> Option<(String, Option<usize>)> {
        if name.is_empty() {
            return None;
        }
        if name.starts_with('/') {
            return self.loader.exists(name).then(|| (name.to_string(), None));
        }
        if quoted && start.is_none() {
            if let Some(d) = cur_dir {
                let p = join_path(d, name);
                if self.loader.exists(&p) {
                    return Some((p, None));
                }
            }
            for d in &self.opts.quote_dirs {
                let p = join_path(d, name);
                if self.loader.exists(&p) {
                    return Some((p, None));
                }
            }
        }
        for (i, d) in self.search.iter().enumerate().skip(start.unwrap_or(0)) {
            if d == KIT_INCLUDE_DIR {
                if builtin_headers::get(name).is_some() {
                    return Some((format!("<kit>/{name}"), Some(i)));
                }
                continue;
            }
            let p = join_path(d, name);
            if self.loader.exists(&p) {
                return Some((p, Some(i)));
            }
        }
        None
    }

    fn in_system_header(&self) -> bool {
        self.files.last().is_some_and(|f| f.system)
    }

    // ---- token reading ----

    /// The next token from pushback or the current file (None at the end
    /// of an isolated stream or of the input). File ends pop the include stack.
    fn next_raw(&mut self) -> Option<Token> {
        if let Some(t) = self.pushback.pop() {
            return Some(t);
        }
        if self.isolated > 0 {
            return None;
        }
        loop {
            let f = self.files.last_mut()?;
            let t = &f.toks[f.pos];
            if t.kind != TokKind::Eof {
                f.pos += 1;
                return Some(t.clone());
            }
            let end = t.loc;
            let f = self.files.pop().unwrap();
            if self.conds.len() > f.cond_base {
                let loc = self.conds[f.cond_base].loc;
                self.diags.error(loc, "unterminated conditional directive");
                self.conds.truncate(f.cond_base);
            }
            if self.files.is_empty() {
                return Some(eof(end));
            }
        }
    }

    /// Whether the next token is `(` (for function-like macro invocations).
    /// Newlines are not tokens, so `f\n(` matches; a directive does not.
    fn peek_is_lparen(&self) -> bool {
        if let Some(t) = self.pushback.last() {
            return t.is_punct(Punct::LParen);
        }
        if self.isolated > 0 {
            return false;
        }
        self.files.last().is_some_and(|f| f.toks[f.pos].is_punct(Punct::LParen))
    }

    fn active(&self) -> bool {
        self.conds.last().is_none_or(|c| c.active)
    }

    /// Reads the rest of the current directive line from the file.
    fn line_tokens(&mut self) -> Vec<Token> {
        let Some(f) = self.files.last_mut() else { return Vec::new() };
        let start = f.pos;
        while f.toks[f.pos].kind != TokKind::Eof && !f.toks[f.pos].at_bol() {
            f.pos += 1;
        }
        f.toks[start..f.pos].to_vec()
    }

    /// Skips the tokens of a skipped group up to the next directive.
    fn skip_group(&mut self) {
        if let Some(f) = self.files.last_mut() {
            while !(f.toks[f.pos].kind == TokKind::Eof || f.toks[f.pos].at_bol() && f.toks[f.pos].is_punct(Punct::Hash)) {
                f.pos += 1;
            }
        }
    }

    fn run(&mut self, out: &mut Vec<Token>) {
        while !self.fatal {
            if !self.active() && self.pushback.is_empty() {
                self.skip_group();
            }
            let Some(t) = self.next_raw() else { break };
            if t.kind == TokKind::Eof {
                out.push(t);
                return;
            }
            if t.at_bol() && t.is_punct(Punct::Hash) && self.pushback.is_empty() && t.hideset == 0 {
                self.directive(t, out);
                continue;
            }
            if self.active() {
                self.expand_token(t, out);
            }
        }
        let loc = out.last().map(|t| t.loc).unwrap_or_default();
        out.push(eof(loc));
    }

    /// Emits a token that is not a macro invocation.
    fn emit(&mut self, t: Token, out: &mut Vec<Token>) {
        // (Assembly has apostrophes in comments, as gcc's cpp allows.)
        if self.isolated == 0
            && !self.opts.assembler
            && let Some(q) = crate::lex::is_unterminated_literal(&t)
        {
            self.diags.error(t.loc, format!("missing terminating {q} character"));
        }
        out.push(t);
    }

    // ---- macro expansion ----

    /// Expands `t` if it names a macro, else emits it.
    fn expand_token(&mut self, t: Token, out: &mut Vec<Token>) {
        if t.kind != TokKind::Ident {
            return self.emit(t, out);
        }
        if self.in_if && directive::is_if_operator(&t.text) {
            return self.if_operator(t, out);
        }
        if &*t.text == "_Pragma" && self.peek_is_lparen() {
            return self.pragma_operator(t, out);
        }
        let Some(m) = self.macros.get(&t.text) else {
            return self.emit(t, out);
        };
        if self.hs.contains(t.hideset, m.name_id) {
            return self.emit(t, out);
        }
        let m = m.clone();
        if m.dynamic {
            let v = self.dynamic_macro(&t);
            return out.push(v);
        }
        let body = if m.params.is_none() {
            let hs = self.hs.add(t.hideset, m.name_id);
            self.subst(&m, &t, &[], hs)
        } else {
            if !self.peek_is_lparen() {
                return self.emit(t, out);
            }
            let Some((args, rparen_hs)) = self.read_args(&m, &t) else { return };
            let hs = self.hs.intersect(t.hideset, rparen_hs);
            let hs = self.hs.add(hs, m.name_id);
            self.subst(&m, &t, &args, hs)
        };
        self.push_expansion(body, &t);
    }

    /// Queues an expansion for rescanning; its first token takes the
    /// invocation's leading whitespace.
    fn push_expansion(&mut self, mut body: Vec<Token>, site: &Token) {
        if let Some(first) = body.first_mut() {
            first.flags = (first.flags & !SPACE) | (site.flags & SPACE);
        }
        self.pushback.extend(body.into_iter().rev());
    }

    /// Reads the arguments of a function-like macro invocation (the next
    /// token is its `(`); returns them unexpanded, and the hideset of `)`.
    fn read_args(&mut self, m: &Macro, name: &Token) -> Option<(Vec<Vec<Token>>, u32)> {
        self.next_raw(); // (
        let nparams = m.params.as_ref().map_or(0, |p| p.len());
        let mut args: Vec<Vec<Token>> = vec![Vec::new()];
        let mut depth = 0;
        loop {
            let t = match self.next_raw() {
                Some(t) if t.kind != TokKind::Eof => t,
                other => {
                    self.diags.error(name.loc, format!("unterminated argument list invoking macro \"{}\"", name.text));
                    if let Some(e) = other {
                        self.pushback.push(e);
                    }
                    return None;
                }
            };
            if t.at_bol() && t.is_punct(Punct::Hash) && self.pushback.is_empty() && self.isolated == 0 && t.hideset == 0 {
                // A directive inside macro arguments (gcc processes it).
                let mut sink = Vec::new();
                self.directive(t, &mut sink);
                continue;
            }
            // Skipped by a conditional directive inside the arguments.
            if self.isolated == 0 && !self.active() {
                continue;
            }
            match t.kind {
                TokKind::Punct(Punct::LParen) => depth += 1,
                TokKind::Punct(Punct::RParen) if depth == 0 => {
                    return self.check_arg_count(args, nparams, m.variadic, name).map(|a| (a, t.hideset));
                }
                TokKind::Punct(Punct::RParen) => depth -= 1,
                // The variadic parameter takes the remaining commas.
                TokKind::Punct(Punct::Comma) if depth == 0 && !(m.variadic && args.len() >= nparams) => {
                    args.push(Vec::new());
                    continue;
                }
                _ => {}
            }
            let mut t = t;
            if t.at_bol() {
                // The newline inside the invocation is whitespace.
                t.flags = (t.flags & !BOL) | SPACE;
            }
            args.last_mut().unwrap().push(t);
        }
    }

    fn check_arg_count(&mut self, mut args: Vec<Vec<Token>>, nparams: usize, variadic: bool, name: &Token) -> Option<Vec<Vec<Token>>> {
        let got = args.len();
        // `f()` passes one empty argument, which is none for `#define f()`.
        if nparams == 0 && got == 1 && args[0].is_empty() {
            args.clear();
            return Some(args);
        }
        if got > nparams {
            self.diags.error(name.loc, format!("macro \"{}\" passed {} arguments, but takes just {}", name.text, got, nparams));
            return None;
        }
        // The variadic part may be left out entirely.
        if got < nparams && !(variadic && got + 1 == nparams) {
            self.diags.error(name.loc, format!("macro \"{}\" requires {} arguments, but only {} given", name.text, nparams, got));
            return None;
        }
        args.resize(nparams, Vec::new());
        Some(args)
    }

    /// Fully macro-expands a token list in isolation (argument pre-expansion,
    /// `#if`, computed `#include`).
    fn expand_list(&mut self, toks: &[Token]) -> Vec<Token> {
        let saved = std::mem::replace(&mut self.pushback, toks.iter().rev().cloned().collect());
        self.isolated += 1;
        let mut out = Vec::with_capacity(toks.len());
        while let Some(t) = self.next_raw() {
            self.expand_token(t, &mut out);
        }
        self.isolated -= 1;
        self.pushback = saved;
        out
    }

    /// Substitutes arguments into a macro body (Prosser's subst): `#`
    /// stringizes, `##` pastes (with placemarkers for empty arguments),
    /// other parameters take their fully expanded argument. Every result
    /// token gets hideset `hs` added and the invocation's location.
    fn subst(&mut self, m: &Macro, site: &Token, args: &[Vec<Token>], hs: u32) -> Vec<Token> {
        let body = &m.body;
        let va = m.variadic.then(|| args.len().saturating_sub(1));
        let va_present = va.is_some_and(|v| args.get(v).is_some_and(|a| !a.is_empty()));
        let mut expanded: Vec<Option<Vec<Token>>> = vec![None; args.len()];
        let mut out: Vec<Token> = Vec::with_capacity(body.len());
        // The previous body token was `##`: the next item is pasted on.
        let mut paste = false;
        // Indices of the `)` closing a `__VA_OPT__(` whose content is kept.
        let mut va_opt_close: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < body.len() {
            let t = &body[i];
            if va_opt_close.last() == Some(&i) {
                va_opt_close.pop();
                i += 1;
                continue;
            }
            if t.is_punct(Punct::HashHash) {
                // GNU `, ## __VA_ARGS__`: the comma goes when there are no
                // variadic arguments; otherwise nothing is pasted.
                let next_va = body.get(i + 1).and_then(|n| m.param(n)).is_some_and(|p| Some(p) == va);
                if next_va && out.last().is_some_and(|c| c.is_punct(Punct::Comma)) && !paste {
                    if !va_present {
                        out.pop();
                    } else {
                        out.extend(args[va.unwrap()].iter().cloned());
                    }
                    i += 2;
                    continue;
                }
                paste = true;
                i += 1;
                continue;
            }
            let next_paste = body.get(i + 1).is_some_and(|n| n.is_punct(Punct::HashHash));
            let (item, used): (Vec<Token>, usize) =
                if m.params.is_some() && t.is_punct(Punct::Hash) && body.get(i + 1).and_then(|n| m.param(n)).is_some() {
                    let p = m.param(&body[i + 1]).unwrap();
                    let mut s = synth(TokKind::Str, &stringize(&args[p]), site.loc);
                    s.flags = t.flags;
                    (vec![s], 2)
                } else if va.is_some() && t.is_ident("__VA_OPT__") && body.get(i + 1).is_some_and(|n| n.is_punct(Punct::LParen)) {
                    let close = matching_paren(body, i + 1);
                    if va_present {
                        va_opt_close.push(close);
                        i += 2;
                        continue;
                    }
                    (Vec::new(), close + 1 - i)
                } else if let Some(p) = m.param(t) {
                    let mut toks = if paste || next_paste {
                        args[p].clone()
                    } else {
                        if expanded[p].is_none() {
                            expanded[p] = Some(self.expand_list(&args[p]));
                        }
                        expanded[p].clone().unwrap()
                    };
                    if let Some(f) = toks.first_mut() {
                        f.flags = (f.flags & !SPACE) | (t.flags & SPACE);
                    }
                    (toks, 1)
                } else {
                    (vec![t.clone()], 1)
                };
            i += used;
            let ends_at_paste = body.get(i).is_some_and(|n| n.is_punct(Punct::HashHash));
            self.append_item(&mut out, item, paste, ends_at_paste, site);
            paste = false;
        }
        out.retain(|t| !is_placemarker(t));
        for t in &mut out {
            t.hideset = self.hs.union(t.hideset, hs);
            t.loc = site.loc;
            t.flags &= !BOL;
        }
        out
    }

    /// Appends one substituted item, pasting its first token onto the last
    /// output token when `paste`. An empty item next to `##` becomes a
    /// placemarker.
    fn append_item(&mut self, out: &mut Vec<Token>, item: Vec<Token>, paste: bool, before_paste: bool, site: &Token) {
        let mut item = item.into_iter();
        if paste {
            match (out.pop(), item.next()) {
                (Some(l), Some(r)) if is_placemarker(&l) => out.push(r),
                (Some(l), Some(r)) => {
                    let pasted = self.paste(&l, &r, site);
                    out.extend(pasted);
                }
                (Some(l), None) => out.push(l),
                (None, Some(r)) => out.push(r),
                (None, None) => out.push(placemarker()),
            }
        } else if item.len() == 0 && before_paste {
            out.push(placemarker());
        }
        out.extend(item);
    }

    /// `a ## b`: the concatenated spelling must form one token; if not, an
    /// error and both tokens are kept.
    fn paste(&mut self, a: &Token, b: &Token, site: &Token) -> Vec<Token> {
        let text = format!("{}{}", a.text, b.text);
        let mut d = Diags::default();
        let toks = crate::lex::tokenize(site.loc.file, &text, &mut d);
        if toks.len() != 2 || d.has_errors() || crate::lex::is_unterminated_literal(&toks[0]).is_some() {
            self.diags.error(site.loc, format!("pasting \"{}\" and \"{}\" does not give a valid preprocessing token", a.text, b.text));
            return vec![a.clone(), b.clone()];
        }
        let mut t = toks.into_iter().next().unwrap();
        t.loc = site.loc;
        t.flags = a.flags;
        t.hideset = self.hs.intersect(a.hideset, b.hideset);
        vec![t]
    }

    fn dynamic_macro(&mut self, t: &Token) -> Token {
        let (kind, text): (TokKind, Rc<str>) = match &*t.text {
            "__LINE__" => (TokKind::Number, self.presumed_line(t.loc).to_string().into()),
            "__FILE__" => (TokKind::Str, quote(&self.presumed_file(t.loc)).into()),
            "__BASE_FILE__" => (TokKind::Str, quote(&self.main_name).into()),
            "__COUNTER__" => {
                self.counter += 1;
                (TokKind::Number, (self.counter - 1).to_string().into())
            }
            "__INCLUDE_LEVEL__" => (TokKind::Number, self.files.len().saturating_sub(1).to_string().into()),
            "__DATE__" => (TokKind::Str, self.date.clone()),
            "__TIME__" => (TokKind::Str, self.time.clone()),
            "__TIMESTAMP__" => (TokKind::Str, self.timestamp.clone()),
            _ => (TokKind::Number, "0".into()),
        };
        Token { kind, text, loc: t.loc, flags: t.flags, hideset: 0 }
    }

    fn file_of(&self, loc: Loc) -> Option<&FileCtx> {
        self.files.iter().rev().find(|f| f.id == loc.file)
    }
    fn presumed_line(&self, loc: Loc) -> i64 {
        loc.line as i64 + self.file_of(loc).map_or(0, |f| f.line_delta)
    }
    fn presumed_file(&self, loc: Loc) -> String {
        match self.file_of(loc).and_then(|f| f.name_override.clone()) {
            Some(n) => n.to_string(),
            None => self.sm.name(loc.file).to_string(),
        }
    }

    // ---- pragmas ----

    /// `_Pragma ( string-literal )`: destringized and run as `#pragma`.
    fn pragma_operator(&mut self, t: Token, out: &mut Vec<Token>) {
        self.next_raw(); // (
        let s = self.next_raw();
        let close = self.next_raw();
        let s = match (s, close) {
            (Some(s), Some(c)) if s.kind == TokKind::Str && c.is_punct(Punct::RParen) => s,
            (s, c) => {
                // Put back what is not ours, so the stream stays intact.
                for x in [c, s].into_iter().flatten() {
                    if x.kind == TokKind::Eof {
                        self.pushback.push(x);
                    }
                }
                self.diags.error(t.loc, "_Pragma takes a parenthesized string literal");
                return;
            }
        };
        let lit = s.text.trim_start_matches(['L', 'u', 'U', '8']);
        let inner = &lit[1..lit.len() - 1];
        let body = inner.replace("\\\"", "\"").replace("\\\\", "\\");
        let mut d = Diags::default();
        let mut toks = crate::lex::tokenize(t.loc.file, &body, &mut d);
        toks.pop();
        for x in &mut toks {
            x.loc = t.loc;
            x.flags &= !BOL;
        }
        self.pragma(toks, t.loc, out);
    }

    fn pragma(&mut self, toks: Vec<Token>, loc: Loc, out: &mut Vec<Token>) {
        let Some(first) = toks.first() else { return };
        let second = toks.get(1).map(|t| &*t.text).unwrap_or("");
        match (&*first.text, second) {
            ("once", _) => {
                if let Some(f) = self.files.last() {
                    self.once.insert(f.key.clone());
                }
            }
            ("push_macro" | "pop_macro", _) => self.push_pop_macro(&toks),
            ("GCC", "system_header") => {
                if let Some(f) = self.files.last_mut() {
                    f.system = true;
                    self.sm.set_system(f.id);
                }
            }
            ("GCC", "warning" | "error") => {
                let msg = toks.get(2).map(|t| t.text.trim_matches('"').to_string()).unwrap_or_default();
                if second == "error" {
                    self.diags.error(loc, msg);
                } else {
                    self.diags.warning(loc, msg);
                }
            }
            ("pack", _) => self.forward_pragma(toks, loc, out),
            // `-E` keeps every other pragma, as gcc does (`#pragma message`
            // is how Rust's `cc` crate tells compilers apart); the parser
            // has no use for them.
            _ if self.opts.keep_pragmas => self.forward_pragma(toks, loc, out),
            _ => {}
        }
    }

    /// Passes a pragma to the parser (or `-E` output) as `__kit_pragma ( tokens ) ;`.
    fn forward_pragma(&mut self, toks: Vec<Token>, loc: Loc, out: &mut Vec<Token>) {
        out.push(synth(TokKind::Ident, "__kit_pragma", loc));
        out.push(synth(TokKind::Punct(Punct::LParen), "(", loc));
        out.extend(toks);
        out.push(synth(TokKind::Punct(Punct::RParen), ")", loc));
        out.push(synth(TokKind::Punct(Punct::Semi), ";", loc));
    }

    /// `#define` lines for the macros in force (`-dM`), sorted by name.
    fn macro_definitions(&self) -> String {
        let builtin = |n: &str| predef::X86_BUILTIN_NAMES.contains(&n);
        let mut names: Vec<&Rc<str>> = self.macros.iter().filter(|(n, m)| !m.dynamic && !builtin(n)).map(|(n, _)| n).collect();
        names.sort();
        let mut s = String::new();
        for name in names {
            let m = &self.macros[name];
            s.push_str("#define ");
            s.push_str(name);
            if let Some(ps) = &m.params {
                let mut list: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
                if m.variadic
                    && let Some(last) = list.last_mut()
                {
                    *last = if last == "__VA_ARGS__" { "...".into() } else { format!("{last}...") };
                }
                s.push('(');
                s.push_str(&list.join(","));
                s.push(')');
            }
            for (i, t) in m.body.iter().enumerate() {
                if i == 0 || t.has_space() {
                    s.push(' ');
                }
                s.push_str(&t.text);
            }
            s.push('\n');
        }
        s
    }

    /// `#pragma push_macro("NAME")` / `pop_macro("NAME")`.
    fn push_pop_macro(&mut self, toks: &[Token]) {
        let Some(name) = toks.iter().find(|t| t.kind == TokKind::Str) else { return };
        let name: Rc<str> = name.text.trim_matches('"').into();
        if &*toks[0].text == "push_macro" {
            let m = self.macros.get(&name).cloned();
            self.pushed_macros.entry(name).or_default().push(m);
        } else if let Some(m) = self.pushed_macros.get_mut(&name).and_then(|v| v.pop()) {
            match m {
                Some(m) => self.macros.insert(name, m),
                None => self.macros.remove(&name),
            };
        }
    }

    // ---- predefined macros ----

    fn define_builtins(&mut self) {
        let text = predef::predefined_macros(&self.opts.target, &self.opts.lang, self.opts.optimize);
        self.define_from_text("<built-in>", &text);
        self.define_from_text("<built-in>", predef::builtin_function_macros(&self.opts.target));
        if self.opts.assembler {
            self.define_from_text("<built-in>", "#define __ASSEMBLER__ 1\n");
        }
        for name in ["__LINE__", "__FILE__", "__BASE_FILE__", "__COUNTER__", "__INCLUDE_LEVEL__", "__DATE__", "__TIME__", "__TIMESTAMP__"] {
            let name: Rc<str> = name.into();
            let name_id = self.hs.name_id(&name);
            let m = Macro { params: None, variadic: false, body: Vec::new(), dynamic: true, name_id, loc: Loc::default() };
            self.macros.insert(name, Rc::new(m));
        }
        let mut cmd = String::new();
        for d in &self.opts.defines {
            match d {
                MacroDef::Define(n, v) => {
                    // `-DNAME(args)=body` defines a function-like macro.
                    cmd.push_str(&format!("#define {} {}\n", n, v.as_deref().unwrap_or("1")));
                }
                MacroDef::Undef(n) => cmd.push_str(&format!("#undef {n}\n")),
            }
        }
        self.define_from_text("<command-line>", &cmd);
    }

    /// Runs a text made of directives (built-in and command-line macros).
    fn define_from_text(&mut self, name: &str, text: &str) {
        let text: Rc<str> = text.into();
        let id = self.sm.add(name, text.clone());
        let toks = crate::lex::tokenize(id, &text, self.diags);
        let cond_base = self.conds.len();
        self.files.push(FileCtx {
            toks,
            pos: 0,
            id,
            key: name.into(),
            dir: ".".into(),
            dir_index: None,
            system: true,
            line_delta: 0,
            name_override: None,
            cond_base,
        });
        let depth = self.files.len();
        let mut sink = Vec::new();
        while self.files.len() >= depth {
            let f = self.files.last_mut().unwrap();
            let t = f.toks[f.pos].clone();
            if t.kind == TokKind::Eof {
                self.files.pop();
                break;
            }
            f.pos += 1;
            if t.is_punct(Punct::Hash) && t.at_bol() {
                self.directive(t, &mut sink);
            }
        }
    }
}

/// Index of the `)` matching the `(` at `open` (or the body's end).
fn matching_paren(body: &[Token], open: usize) -> usize {
    let mut depth = 0;
    for (j, t) in body.iter().enumerate().skip(open) {
        if t.is_punct(Punct::LParen) {
            depth += 1;
        } else if t.is_punct(Punct::RParen) {
            depth -= 1;
            if depth == 0 {
                return j;
            }
        }
    }
    body.len()
}

fn join_path(dir: &str, name: &str) -> String {
    match dir {
        "." => name.to_string(),
        d if d.ends_with('/') => format!("{d}{name}"),
        d => format!("{d}/{name}"),
    }
}

/// Lexically normalised path (`a/./b/../c` → `a/c`), so one file reached
/// by two spellings is still recognised by `#pragma once` and guards.
fn normalize_path(p: &str) -> String {
    let abs = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let s = parts.join("/");
    if abs { format!("/{s}") } else { s }
}

/// A C string literal holding `s`.
fn quote(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            o.push('\\');
        }
        o.push(c);
    }
    o.push('"');
    o
}

/// `#arg`: the argument's spelling as a string literal; whitespace between
/// tokens becomes one space, and `"`/`\` inside literals are escaped.
fn stringize(toks: &[Token]) -> String {
    let mut s = String::from("\"");
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && (t.has_space() || t.at_bol()) {
            s.push(' ');
        }
        if matches!(t.kind, TokKind::Str | TokKind::Char) {
            for c in t.text.chars() {
                if c == '"' || c == '\\' {
                    s.push('\\');
                }
                s.push(c);
            }
        } else {
            s.push_str(&t.text);
        }
    }
    s.push('"');
    s
}

/// Recognises `#ifndef G / #define G ... #endif` covering a whole file
/// (only comments and whitespace outside), so a second `#include` of it is
/// skipped without reading it when G is defined.
fn detect_guard(toks: &[Token]) -> Option<Rc<str>> {
    let is_dir =
        |i: usize, name: &str| toks[i].is_punct(Punct::Hash) && toks[i].at_bol() && toks.get(i + 1).is_some_and(|t| t.is_ident(name));
    if toks.len() < 6 || !is_dir(0, "ifndef") || toks[2].kind != TokKind::Ident || !toks[3].at_bol() {
        return None;
    }
    let mut depth = 0;
    for i in 0..toks.len() {
        if !(toks[i].is_punct(Punct::Hash) && toks[i].at_bol()) {
            continue;
        }
        match toks.get(i + 1).map(|t| &*t.text) {
            Some("if" | "ifdef" | "ifndef") => depth += 1,
            Some("else" | "elif" | "elifdef" | "elifndef") if depth == 1 => return None,
            Some("endif") => {
                depth -= 1;
                if depth == 0 {
                    // Nothing but the end of the file may follow this line.
                    let j = (i + 2..toks.len()).find(|&j| toks[j].at_bol()).unwrap_or(toks.len() - 1);
                    return (toks[j].kind == TokKind::Eof).then(|| toks[2].text.clone());
                }
            }
            _ => {}
        }
    }
    None
}

/// Source that is not UTF-8: bytes that do not decode are kept as private-use
/// characters U+F780..U+F7FF, which string literals turn back into the byte.
fn bytes_to_text(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap());
                let bad = e.error_len().unwrap_or(rest.len() - good);
                for &x in &rest[good..good + bad] {
                    out.push(char::from_u32(0xF700 + x as u32).unwrap());
                }
                rest = &rest[good + bad..];
            }
        }
    }
    out
}
