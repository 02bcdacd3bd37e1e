//! The C11 preprocessor: directives, macro expansion with hidesets
//! (Prosser's algorithm), `#include` search, `#if` arithmetic.
//!
//! `#pragma pack(...)` (and `_Pragma("pack(...)")`) reach the parser as the
//! token sequence `__kit_pragma ( pack ( ... ) ) ;`; other pragmas are
//! consumed here (`once`) or dropped.

mod builtin_headers;
mod directive;
mod expr;
mod predef;

use crate::diag::Diags;
use crate::source::{FileId, FileLoader, Loc, SourceMap};
use crate::token::{Punct, TokKind, Token, BOL, SPACE};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum MacroDef {
    /// `-D NAME[=VALUE]` (no value means `1`).
    Define(String, Option<String>),
    /// `-U NAME`
    Undef(String),
}

#[derive(Clone, Debug, Default)]
pub struct PpOptions {
    /// `-I` directories (searched for "..." after the includer's directory, and for <...>).
    pub include_dirs: Vec<String>,
    /// System directories, searched after `-I` and kit's own headers.
    pub system_dirs: Vec<String>,
    /// `-D`/`-U` in command-line order.
    pub defines: Vec<MacroDef>,
    /// `-include FILE`
    pub includes: Vec<String>,
    /// `-O1` and up: defines `__OPTIMIZE__`.
    pub optimize: bool,
    /// Seconds since the epoch for `__DATE__`/`__TIME__` (None: fixed).
    pub build_time: Option<u64>,
}

pub struct PpOutput {
    pub tokens: Vec<Token>,
    /// Every file read, in order (for `-M`).
    pub deps: Vec<String>,
}

/// The virtual directory holding kit's own headers.
pub const KIT_INCLUDE_DIR: &str = "<kit>";

#[derive(Clone)]
struct Macro {
    /// None: object-like.
    params: Option<Vec<Rc<str>>>,
    variadic: bool,
    body: Rc<[Token]>,
    /// Built-in dynamic macro (`__LINE__` ...).
    dynamic: bool,
}

struct FileCtx {
    toks: Vec<Token>,
    pos: usize,
    id: FileId,
    /// Directory of the file, for "..." includes.
    dir: String,
    /// Index in the search path where this file was found (for #include_next).
    dir_index: Option<usize>,
    /// `#line` adjustments: physical line → presumed line delta, and name.
    line_delta: i64,
    name_override: Option<Rc<str>>,
    /// Conditional stack depth at entry (to diagnose unterminated #if).
    cond_base: usize,
}

#[derive(Clone, Copy)]
struct Cond {
    /// This group is being emitted.
    active: bool,
    /// Some earlier group of this #if chain was taken.
    taken: bool,
    seen_else: bool,
    loc: Loc,
}

pub struct Preprocessor<'a> {
    opts: &'a PpOptions,
    loader: &'a dyn FileLoader,
    sm: &'a mut SourceMap,
    diags: &'a mut Diags,
    macros: HashMap<Rc<str>, Macro>,
    files: Vec<FileCtx>,
    /// Tokens to read before the current file (macro expansions), reversed.
    pushback: Vec<Token>,
    /// Reading is confined to `pushback` (argument pre-expansion).
    isolated: u32,
    conds: Vec<Cond>,
    hidesets: Vec<Rc<[u32]>>,
    hideset_ids: HashMap<Rc<[u32]>, u32>,
    name_ids: HashMap<Rc<str>, u32>,
    once: HashSet<String>,
    /// Include-guard macro of files whose whole body is `#ifndef G ... #endif`.
    guards: HashMap<String, Rc<str>>,
    deps: Vec<String>,
    /// `#pragma push_macro` stacks (None: the macro was undefined).
    pushed_macros: HashMap<Rc<str>, Vec<Option<Macro>>>,
    counter: u32,
    search: Vec<String>,
    date: Rc<str>,
    time: Rc<str>,
}

/// Preprocesses `main_path`; returns the expanded tokens (ending with Eof).
pub fn preprocess(main_path: &str, opts: &PpOptions, loader: &dyn FileLoader, sm: &mut SourceMap, diags: &mut Diags) -> PpOutput {
    let mut search = opts.include_dirs.clone();
    search.push(KIT_INCLUDE_DIR.to_string());
    search.extend(opts.system_dirs.iter().cloned());
    let (date, time) = predef::date_time(opts.build_time);
    let mut pp = Preprocessor {
        opts,
        loader,
        sm,
        diags,
        macros: HashMap::new(),
        files: Vec::new(),
        pushback: Vec::new(),
        isolated: 0,
        conds: Vec::new(),
        hidesets: vec![Rc::from(&[][..])],
        hideset_ids: HashMap::new(),
        name_ids: HashMap::new(),
        once: HashSet::new(),
        guards: HashMap::new(),
        deps: Vec::new(),
        pushed_macros: HashMap::new(),
        counter: 0,
        search,
        date: format!("\"{date}\"").into(),
        time: format!("\"{time}\"").into(),
    };
    pp.hideset_ids.insert(pp.hidesets[0].clone(), 0);
    pp.define_builtins();
    let mut out = Vec::new();
    // The main file is read last: -include files are pushed after it, so
    // they are read first.
    if !pp.push_file_path(main_path, None, Loc::default(), true) {
        out.push(Token { kind: TokKind::Eof, text: "".into(), loc: Loc::default(), flags: BOL, hideset: 0 });
        return PpOutput { tokens: out, deps: pp.deps };
    }
    for inc in opts.includes.iter().rev() {
        let loc = Loc::default();
        if let Some((path, idx)) = pp.find_include(inc, true, None, None) {
            pp.push_file_path(&path, idx, loc, false);
        } else {
            pp.diags.error(loc, format!("{inc}: No such file or directory"));
        }
    }
    pp.run(&mut out);
    PpOutput { tokens: out, deps: pp.deps }
}

impl<'a> Preprocessor<'a> {
    // ---- hidesets ----
    fn name_id(&mut self, name: &Rc<str>) -> u32 {
        let n = self.name_ids.len() as u32;
        *self.name_ids.entry(name.clone()).or_insert(n)
    }
    fn intern_hs(&mut self, v: Vec<u32>) -> u32 {
        let rc: Rc<[u32]> = v.into();
        if let Some(&id) = self.hideset_ids.get(&rc) {
            return id;
        }
        self.hidesets.push(rc.clone());
        let id = (self.hidesets.len() - 1) as u32;
        self.hideset_ids.insert(rc, id);
        id
    }
    fn hs_contains(&self, hs: u32, name: u32) -> bool {
        self.hidesets[hs as usize].binary_search(&name).is_ok()
    }
    fn hs_add(&mut self, hs: u32, name: u32) -> u32 {
        let s = &self.hidesets[hs as usize];
        match s.binary_search(&name) {
            Ok(_) => hs,
            Err(i) => {
                let mut v = s.to_vec();
                v.insert(i, name);
                self.intern_hs(v)
            }
        }
    }
    fn hs_union(&mut self, a: u32, b: u32) -> u32 {
        if a == b || b == 0 {
            return a;
        }
        if a == 0 {
            return b;
        }
        let mut v: Vec<u32> = self.hidesets[a as usize].to_vec();
        v.extend_from_slice(&self.hidesets[b as usize]);
        v.sort_unstable();
        v.dedup();
        self.intern_hs(v)
    }
    fn hs_intersect(&mut self, a: u32, b: u32) -> u32 {
        if a == b {
            return a;
        }
        if a == 0 || b == 0 {
            return 0;
        }
        let bs = self.hidesets[b as usize].clone();
        let v: Vec<u32> = self.hidesets[a as usize].iter().copied().filter(|x| bs.binary_search(x).is_ok()).collect();
        self.intern_hs(v)
    }

    // ---- files ----
    fn push_file_path(&mut self, path: &str, dir_index: Option<usize>, loc: Loc, main: bool) -> bool {
        if self.once.contains(path) {
            return true;
        }
        if let Some(g) = self.guards.get(path) {
            if self.macros.contains_key(g) {
                return true;
            }
        }
        if self.files.len() >= 200 {
            self.diags.error(loc, "#include nested depth 200 exceeds maximum (recursive include?)");
            return false;
        }
        let bytes = if let Some(name) = path.strip_prefix("<kit>/") {
            match builtin_headers::get(name) {
                Some(t) => t.as_bytes().to_vec(),
                None => return false,
            }
        } else {
            match self.loader.load(path) {
                Ok(b) => b,
                Err(e) => {
                    let what = if main { format!("{path}: {e}") } else { format!("{path}: {e}") };
                    self.diags.error(loc, what);
                    return false;
                }
            }
        };
        let mut text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => bytes_to_text(e.as_bytes()),
        };
        // A `#!` first line (scripts run by `kit run --script`) is not C.
        if main && text.starts_with("#!") {
            let end = text.find('\n').unwrap_or(text.len());
            text.replace_range(..end, &" ".repeat(0));
        }
        self.deps.push(path.to_string());
        let id = self.sm.add(path, text.into());
        let toks = crate::lex::tokenize(id, &self.sm.file(id).text.clone(), self.diags);
        let dir = match path.rfind('/') {
            Some(i) => path[..i].to_string(),
            None => ".".to_string(),
        };
        if let Some(g) = detect_guard(&toks) {
            self.guards.insert(path.to_string(), g);
        }
        self.files.push(FileCtx { toks, pos: 0, id, dir, dir_index, line_delta: 0, name_override: None, cond_base: self.conds.len() });
        true
    }

    fn find_include(&self, name: &str, quoted: bool, cur_dir: Option<&str>, start: Option<usize>) -> Option<(String, Option<usize>)> {
        if name.starts_with('/') {
            return self.loader.exists(name).then(|| (name.to_string(), None));
        }
        if quoted && start.is_none() {
            if let Some(d) = cur_dir {
                let p = if d == "." { name.to_string() } else { format!("{d}/{name}") };
                if self.loader.exists(&p) {
                    return Some((p, None));
                }
            }
        }
        let from = start.unwrap_or(0);
        for (i, d) in self.search.iter().enumerate().skip(from) {
            if d == KIT_INCLUDE_DIR {
                if builtin_headers::get(name).is_some() {
                    return Some((format!("<kit>/{name}"), Some(i)));
                }
                continue;
            }
            let p = format!("{d}/{name}");
            if self.loader.exists(&p) {
                return Some((p, Some(i)));
            }
        }
        None
    }

    // ---- token reading ----

    /// The next token from pushback or the current file (None at the end
    /// of an isolated stream). File ends pop the include stack.
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
            if t.kind == TokKind::Eof {
                let f = self.files.pop().unwrap();
                if self.conds.len() > f.cond_base {
                    let loc = self.conds[f.cond_base].loc;
                    self.diags.error(loc, "unterminated conditional directive");
                    self.conds.truncate(f.cond_base);
                }
                if self.files.is_empty() {
                    return Some(Token { kind: TokKind::Eof, text: "".into(), loc: t_loc_end(&f), flags: BOL, hideset: 0 });
                }
                continue;
            }
            f.pos += 1;
            return Some(t.clone());
        }
    }

    fn peek_raw_is_lparen(&mut self) -> bool {
        // Skips nothing: newlines are not tokens, so `f\n(` still matches.
        if let Some(t) = self.pushback.last() {
            return t.is_punct(Punct::LParen);
        }
        if self.isolated > 0 {
            return false;
        }
        match self.files.last() {
            Some(f) => {
                let t = &f.toks[f.pos];
                // Directives end the search for `(`.
                t.is_punct(Punct::LParen) && !(t.at_bol() && t.is_punct(Punct::Hash))
            }
            None => false,
        }
    }

    fn active(&self) -> bool {
        self.conds.last().is_none_or(|c| c.active)
    }

    /// Reads the rest of the current directive line from the file.
    fn line_tokens(&mut self) -> Vec<Token> {
        let mut v = Vec::new();
        if let Some(f) = self.files.last_mut() {
            while f.toks[f.pos].kind != TokKind::Eof && !f.toks[f.pos].at_bol() {
                v.push(f.toks[f.pos].clone());
                f.pos += 1;
            }
        }
        v
    }

    fn run(&mut self, out: &mut Vec<Token>) {
        while let Some(t) = self.next_raw() {
            if t.kind == TokKind::Eof {
                out.push(t);
                return;
            }
            if t.at_bol() && t.is_punct(Punct::Hash) && t.hideset == 0 && self.pushback.is_empty() {
                self.directive(t, out);
                continue;
            }
            if !self.active() {
                continue;
            }
            self.expand_token(t, out);
        }
        out.push(Token { kind: TokKind::Eof, text: "".into(), loc: Loc::default(), flags: BOL, hideset: 0 });
    }

    /// Expands `t` if it names a macro, else emits it.
    fn expand_token(&mut self, t: Token, out: &mut Vec<Token>) {
        if t.kind != TokKind::Ident {
            out.push(t);
            return;
        }
        if &*t.text == "_Pragma" && self.peek_raw_is_lparen() {
            self.pragma_operator(t, out);
            return;
        }
        let Some(m) = self.macros.get(&t.text).cloned() else {
            out.push(t);
            return;
        };
        let nid = self.name_id(&t.text);
        if self.hs_contains(t.hideset, nid) {
            out.push(t);
            return;
        }
        if m.dynamic {
            out.push(self.dynamic_macro(&t));
            return;
        }
        match &m.params {
            None => {
                let hs = self.hs_add(t.hideset, nid);
                let body = self.subst(&m, &t, &[], hs);
                self.push_expansion(body, &t);
            }
            Some(_) => {
                if !self.peek_raw_is_lparen() {
                    out.push(t);
                    return;
                }
                let Some((args, rparen_hs)) = self.read_args(&m, &t) else { return };
                let hs = self.hs_intersect(t.hideset, rparen_hs);
                let hs = self.hs_add(hs, nid);
                let body = self.subst(&m, &t, &args, hs);
                self.push_expansion(body, &t);
            }
        }
    }

    fn push_expansion(&mut self, mut body: Vec<Token>, site: &Token) {
        if let Some(first) = body.first_mut() {
            first.flags = (first.flags & !SPACE) | (site.flags & SPACE);
        }
        body.reverse();
        for mut t in body {
            t.flags &= !BOL;
            self.pushback.push(t);
        }
    }

    /// Reads macro arguments after the name; returns them (raw) and the
    /// hideset of the closing parenthesis.
    fn read_args(&mut self, m: &Macro, name: &Token) -> Option<(Vec<Vec<Token>>, u32)> {
        self.next_raw(); // (
        let nparams = m.params.as_ref().map_or(0, |p| p.len());
        let mut args: Vec<Vec<Token>> = vec![Vec::new()];
        let mut depth = 0;
        loop {
            let Some(t) = self.next_raw() else {
                self.diags.error(name.loc, format!("unterminated argument list invoking macro \"{}\"", name.text));
                return None;
            };
            if t.kind == TokKind::Eof {
                self.diags.error(name.loc, format!("unterminated argument list invoking macro \"{}\"", name.text));
                self.pushback.push(t);
                return None;
            }
            if t.at_bol() && t.is_punct(Punct::Hash) && self.pushback.is_empty() && self.isolated == 0 {
                // A directive inside macro arguments (gcc allows it).
                let mut sink = Vec::new();
                self.directive(t, &mut sink);
                continue;
            }
            match t.kind {
                TokKind::Punct(Punct::LParen) | TokKind::Punct(Punct::LBracket) if t.kind == TokKind::Punct(Punct::LParen) => depth += 1,
                TokKind::Punct(Punct::RParen) => {
                    if depth == 0 {
                        let hs = t.hideset;
                        let got = args.len();
                        let empty_call = nparams == 0 && got == 1 && args[0].is_empty();
                        if !empty_call && got != nparams && !(m.variadic && got + 1 >= nparams) && !(nparams == 1 && got == 1) {
                            self.diags.error(name.loc, format!("macro \"{}\" passed {} arguments, but takes {}", name.text, got, nparams));
                            return None;
                        }
                        if empty_call {
                            args.clear();
                        }
                        while args.len() < nparams {
                            args.push(Vec::new());
                        }
                        return Some((args, hs));
                    }
                    depth -= 1;
                }
                TokKind::Punct(Punct::Comma) if depth == 0 => {
                    // The variadic parameter swallows the remaining commas.
                    if !(m.variadic && args.len() >= nparams) {
                        args.push(Vec::new());
                        continue;
                    }
                }
                _ => {}
            }
            args.last_mut().unwrap().push(t);
        }
    }

    /// Fully macro-expands a token list in isolation (argument pre-expansion).
    fn expand_list(&mut self, toks: &[Token]) -> Vec<Token> {
        let saved = std::mem::take(&mut self.pushback);
        self.pushback = toks.iter().rev().cloned().collect();
        self.isolated += 1;
        let mut out = Vec::new();
        while let Some(t) = self.next_raw() {
            self.expand_token(t, &mut out);
        }
        self.isolated -= 1;
        self.pushback = saved;
        out
    }

    /// Substitutes arguments into a macro body (Prosser's subst).
    fn subst(&mut self, m: &Macro, site: &Token, args: &[Vec<Token>], hs: u32) -> Vec<Token> {
        let params: &[Rc<str>] = m.params.as_deref().unwrap_or(&[]);
        let param_index = |t: &Token| -> Option<usize> {
            if t.kind != TokKind::Ident {
                return None;
            }
            if &*t.text == "__VA_ARGS__" && m.variadic {
                return Some(params.len() - 1);
            }
            params.iter().position(|p| **p == *t.text)
        };
        let body = m.body.clone();
        let mut expanded: Vec<Option<Vec<Token>>> = vec![None; args.len()];
        let mut out: Vec<Token> = Vec::new();
        let mut i = 0;
        // Marks positions in `out` produced by an empty argument next to ##.
        while i < body.len() {
            let t = &body[i];
            // # param
            if t.is_punct(Punct::Hash) && m.params.is_some() {
                if let Some(p) = body.get(i + 1).and_then(param_index) {
                    let s = stringize(&args[p]);
                    out.push(Token { kind: TokKind::Str, text: s.into(), loc: site.loc, flags: t.flags, hideset: 0 });
                    i += 2;
                    continue;
                }
            }
            // __VA_OPT__( ... )
            if m.variadic && t.is_ident("__VA_OPT__") && body.get(i + 1).is_some_and(|x| x.is_punct(Punct::LParen)) {
                let mut depth = 0;
                let mut j = i + 1;
                let start = i + 2;
                while j < body.len() {
                    if body[j].is_punct(Punct::LParen) {
                        depth += 1;
                    } else if body[j].is_punct(Punct::RParen) {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    j += 1;
                }
                let va = args.last().map(|a| !a.is_empty()).unwrap_or(false);
                if va {
                    let inner = Macro { params: m.params.clone(), variadic: true, body: body[start..j.min(body.len())].to_vec().into(), dynamic: false };
                    let part = self.subst(&inner, site, args, 0);
                    out.extend(part);
                }
                i = j + 1;
                continue;
            }
            // ## handling: paste the previous output token with the next.
            if t.is_punct(Punct::HashHash) {
                i += 1;
                let Some(rhs) = body.get(i) else { break };
                let rhs_toks: Vec<Token> = match param_index(rhs) {
                    Some(p) => args[p].clone(),
                    None => vec![rhs.clone()],
                };
                i += 1;
                // GNU: `, ## __VA_ARGS__` with empty args drops the comma.
                if rhs_toks.is_empty() {
                    if m.variadic && param_index(rhs) == Some(params.len() - 1) && out.last().is_some_and(|t| t.is_punct(Punct::Comma)) {
                        out.pop();
                    }
                    continue;
                }
                let gnu_comma = m.variadic && param_index(rhs) == Some(params.len() - 1) && out.last().is_some_and(|t| t.is_punct(Punct::Comma));
                match out.pop() {
                    Some(lhs) if gnu_comma => {
                        out.push(lhs);
                        out.extend(rhs_toks);
                    }
                    Some(lhs) => {
                        let pasted = self.paste(&lhs, &rhs_toks[0], site);
                        out.push(pasted);
                        out.extend(rhs_toks[1..].iter().cloned());
                    }
                    None => out.extend(rhs_toks),
                }
                continue;
            }
            if let Some(p) = param_index(t) {
                let next_is_paste = body.get(i + 1).is_some_and(|x| x.is_punct(Punct::HashHash));
                let mut toks = if next_is_paste {
                    args[p].clone()
                } else {
                    if expanded[p].is_none() {
                        let e = self.expand_list(&args[p]);
                        expanded[p] = Some(e);
                    }
                    expanded[p].clone().unwrap()
                };
                if let Some(f) = toks.first_mut() {
                    f.flags = (f.flags & !SPACE) | (t.flags & SPACE);
                }
                out.extend(toks);
                i += 1;
                continue;
            }
            out.push(t.clone());
            i += 1;
        }
        for t in &mut out {
            t.hideset = self.hs_union(t.hideset, hs);
            t.loc = site.loc;
        }
        out
    }

    fn paste(&mut self, a: &Token, b: &Token, site: &Token) -> Token {
        let text = format!("{}{}", a.text, b.text);
        let mut d = Diags::default();
        let toks = crate::lex::tokenize(site.loc.file, &text, &mut d);
        if toks.len() != 2 || d.has_errors() {
            self.diags.error(site.loc, format!("pasting \"{}\" and \"{}\" does not give a valid preprocessing token", a.text, b.text));
            return a.clone();
        }
        let mut t = toks.into_iter().next().unwrap();
        t.loc = site.loc;
        t.flags = a.flags;
        t.hideset = 0;
        t
    }

    fn dynamic_macro(&mut self, t: &Token) -> Token {
        let (kind, text): (TokKind, Rc<str>) = match &*t.text {
            "__LINE__" => (TokKind::Number, self.presumed_line(t.loc).to_string().into()),
            "__FILE__" => (TokKind::Str, quote(&self.presumed_file(t.loc)).into()),
            "__BASE_FILE__" => (TokKind::Str, quote(self.sm.name(0)).into()),
            "__COUNTER__" => {
                self.counter += 1;
                (TokKind::Number, (self.counter - 1).to_string().into())
            }
            "__INCLUDE_LEVEL__" => (TokKind::Number, self.files.len().saturating_sub(1).to_string().into()),
            "__DATE__" => (TokKind::Str, self.date.clone()),
            "__TIME__" => (TokKind::Str, self.time.clone()),
            "__TIMESTAMP__" => (TokKind::Str, format!("\"{} {}\"", self.date.trim_matches('"'), self.time.trim_matches('"')).into()),
            _ => (TokKind::Number, "0".into()),
        };
        Token { kind, text, loc: t.loc, flags: t.flags, hideset: 0 }
    }

    fn presumed_line(&self, loc: Loc) -> i64 {
        let delta = self.files.iter().rev().find(|f| f.id == loc.file).map_or(0, |f| f.line_delta);
        loc.line as i64 + delta
    }
    fn presumed_file(&self, loc: Loc) -> String {
        self.files
            .iter()
            .rev()
            .find(|f| f.id == loc.file)
            .and_then(|f| f.name_override.as_deref().map(String::from))
            .unwrap_or_else(|| self.sm.name(loc.file).to_string())
    }

    fn pragma_operator(&mut self, t: Token, out: &mut Vec<Token>) {
        self.next_raw(); // (
        let s = self.next_raw();
        let close = self.next_raw();
        let (Some(s), Some(close)) = (s, close) else { return };
        if s.kind != TokKind::Str || !close.is_punct(Punct::RParen) {
            self.diags.error(t.loc, "_Pragma takes a parenthesized string literal");
            return;
        }
        let body = s.text.trim_start_matches('L');
        let body = body[1..body.len() - 1].replace("\\\"", "\"").replace("\\\\", "\\");
        let mut d = Diags::default();
        let mut toks = crate::lex::tokenize(t.loc.file, &body, &mut d);
        toks.pop();
        for x in &mut toks {
            x.loc = t.loc;
        }
        self.pragma(toks, t.loc, out);
    }

    fn pragma(&mut self, toks: Vec<Token>, loc: Loc, out: &mut Vec<Token>) {
        let Some(first) = toks.first() else { return };
        match &*first.text {
            "once" => {
                if let Some(f) = self.files.last() {
                    let name = self.sm.name(f.id).to_string();
                    self.once.insert(name);
                }
            }
            "push_macro" | "pop_macro" => {
                // #pragma push_macro("NAME") / pop_macro("NAME")
                let Some(name) = toks.iter().find(|t| t.kind == TokKind::Str) else { return };
                let name: Rc<str> = name.text.trim_matches('"').into();
                if &*first.text == "push_macro" {
                    let m = self.macros.get(&name).cloned();
                    self.pushed_macros.entry(name).or_default().push(m);
                } else if let Some(m) = self.pushed_macros.get_mut(&name).and_then(|v| v.pop()) {
                    match m {
                        Some(m) => {
                            self.macros.insert(name, m);
                        }
                        None => {
                            self.macros.remove(&name);
                        }
                    }
                }
            }
            "pack" => {
                let mk = |kind, text: &str| Token { kind, text: text.into(), loc, flags: 0, hideset: 0 };
                out.push(mk(TokKind::Ident, "__kit_pragma"));
                out.push(mk(TokKind::Punct(Punct::LParen), "("));
                out.extend(toks);
                out.push(mk(TokKind::Punct(Punct::RParen), ")"));
                out.push(mk(TokKind::Punct(Punct::Semi), ";"));
            }
            _ => {}
        }
    }

    fn define_builtins(&mut self) {
        let text = predef::predefined_macros(self.opts.optimize);
        self.define_from_text("<built-in>", &text);
        for name in ["__LINE__", "__FILE__", "__BASE_FILE__", "__COUNTER__", "__INCLUDE_LEVEL__", "__DATE__", "__TIME__", "__TIMESTAMP__"] {
            self.macros.insert(name.into(), Macro { params: None, variadic: false, body: Rc::from(&[][..]), dynamic: true });
        }
        let mut cmd = String::new();
        for d in &self.opts.defines {
            match d {
                MacroDef::Define(n, v) => {
                    let (name, val) = (n.as_str(), v.as_deref().unwrap_or("1"));
                    cmd.push_str(&format!("#define {} {}\n", name.replacen('(', "(", 1), val));
                }
                MacroDef::Undef(n) => cmd.push_str(&format!("#undef {n}\n")),
            }
        }
        self.define_from_text("<command-line>", &cmd);
    }

    /// Runs a text made of #define/#undef lines.
    fn define_from_text(&mut self, name: &str, text: &str) {
        let id = self.sm.add(name, text.into());
        let toks = crate::lex::tokenize(id, text, self.diags);
        self.files.push(FileCtx { toks, pos: 0, id, dir: ".".into(), dir_index: None, line_delta: 0, name_override: None, cond_base: self.conds.len() });
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

fn t_loc_end(f: &FileCtx) -> Loc {
    f.toks.last().map(|t| t.loc).unwrap_or_default()
}

fn quote(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        if c == '"' || c == '\\' {
            o.push('\\');
        }
        o.push(c);
    }
    o.push('"');
    o
}

/// `#arg`: the argument's spelling as a string literal.
fn stringize(toks: &[Token]) -> String {
    let mut s = String::from("\"");
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && t.has_space() {
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

/// Recognises `#ifndef G / #define G ... #endif` covering a whole file.
fn detect_guard(toks: &[Token]) -> Option<Rc<str>> {
    let n = toks.len();
    if n < 6 {
        return None;
    }
    let is_dir = |i: usize, name: &str| toks[i].is_punct(Punct::Hash) && toks[i].at_bol() && toks.get(i + 1).is_some_and(|t| t.is_ident(name));
    if !is_dir(0, "ifndef") || toks[2].kind != TokKind::Ident {
        return None;
    }
    let guard = toks[2].text.clone();
    // The matching #endif must be the last directive of the file.
    let mut depth = 0;
    let mut i = 0;
    while i < n {
        if toks[i].is_punct(Punct::Hash) && toks[i].at_bol() {
            if let Some(d) = toks.get(i + 1) {
                match &*d.text {
                    "if" | "ifdef" | "ifndef" => depth += 1,
                    "endif" => {
                        depth -= 1;
                        if depth == 0 {
                            // Only the Eof may follow (after this line).
                            let mut j = i + 2;
                            while j < n && !toks[j].at_bol() {
                                j += 1;
                            }
                            return (toks[j].kind == TokKind::Eof).then_some(guard);
                        }
                    }
                    "else" | "elif" if depth == 1 => return None,
                    _ => {}
                }
            }
        }
        i += 1;
    }
    None
}

/// `-E` output: tokens with `# line "file"` markers where the position jumps.
pub fn write_preprocessed(tokens: &[Token], sm: &SourceMap, out: &mut String) {
    let mut cur_file = u32::MAX;
    let mut cur_line = 0u32;
    let mut first = true;
    for t in tokens {
        if t.kind == TokKind::Eof {
            break;
        }
        let loc = t.loc;
        if loc.file != cur_file || loc.line < cur_line || loc.line > cur_line + 8 {
            if !first {
                out.push('\n');
            }
            out.push_str(&format!("# {} {}\n", loc.line, quote(sm.name(loc.file))));
            cur_file = loc.file;
            cur_line = loc.line;
            first = true;
        } else if loc.line > cur_line {
            while cur_line < loc.line {
                out.push('\n');
                cur_line += 1;
            }
            first = true;
        }
        if first {
            let col = loc.col.saturating_sub(1) as usize;
            out.push_str(&" ".repeat(col.min(40)));
        } else if t.has_space() {
            out.push(' ');
        }
        out.push_str(&t.text);
        first = false;
    }
    out.push('\n');
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
