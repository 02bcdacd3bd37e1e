//! Preprocessing directives, and the `#if` operators (`defined`, `__has_*`).

use super::*;

/// Identifiers that are operators inside `#if` (and count as defined for
/// `#ifdef`, as in gcc).
pub(super) fn is_if_operator(name: &str) -> bool {
    matches!(
        name,
        "defined"
            | "__has_include"
            | "__has_include_next"
            | "__has_attribute"
            | "__has_builtin"
            | "__has_feature"
            | "__has_extension"
            | "__has_c_attribute"
            | "__has_cpp_attribute"
            | "__has_declspec_attribute"
    )
}

/// GNU attributes kit's parser understands (`__has_attribute`).
const ATTRIBUTES: &[&str] = &[
    "packed",
    "aligned",
    "noreturn",
    "unused",
    "used",
    "section",
    "weak",
    "alias",
    "visibility",
    "constructor",
    "destructor",
    "cleanup",
    "format",
    "always_inline",
    "noinline",
    "const",
    "pure",
    "nonnull",
    "malloc",
    "warn_unused_result",
    "deprecated",
    "mode",
    "may_alias",
    "fallthrough",
    "nothrow",
    "cold",
    "hot",
    "sentinel",
    "format_arg",
    "returns_nonnull",
    "symver",
];

impl<'a> Preprocessor<'a> {
    pub(super) fn directive(&mut self, hash: Token, out: &mut Vec<Token>) {
        let line = self.line_tokens();
        let Some(name) = line.first() else { return }; // the null directive
        let args = &line[1..];
        let d: &str = &name.text;
        match d {
            // Conditionals are tracked even inside skipped groups.
            "if" | "ifdef" | "ifndef" => return self.open_cond(d, args, name.loc),
            "elif" | "elifdef" | "elifndef" => return self.elif(d, args, name.loc),
            "else" => return self.else_(name.loc),
            "endif" => {
                if self.conds.len() <= self.cond_base() {
                    self.diags.error(name.loc, "#endif without #if");
                } else {
                    self.conds.pop();
                }
                return;
            }
            _ => {}
        }
        if !self.active() {
            return;
        }
        match d {
            "define" => self.define(args, name.loc),
            "undef" => match args.first() {
                Some(n) if n.kind == TokKind::Ident => {
                    self.macros.remove(&n.text);
                }
                _ => self.diags.error(name.loc, "macro names must be identifiers"),
            },
            "include" | "include_next" | "import" => {
                // `#include_next` in the main file is a plain `#include`.
                let next = d == "include_next" && self.files.len() > 1;
                self.include(args, name.loc, next)
            }
            "line" => self.line_directive(args, name.loc),
            "error" => {
                let msg = spell(args);
                self.diags.error(name.loc, format!("#error {msg}"));
            }
            "warning" => {
                let msg = spell(args);
                self.diags.warning(name.loc, format!("#warning {msg}"));
            }
            "pragma" => self.pragma(args.to_vec(), name.loc, out),
            "ident" | "sccs" | "assert" | "unassert" => {}
            // GNU line marker: `# 12 "file" flags`.
            _ if name.kind == TokKind::Number => self.line_directive(&line, name.loc),
            _ if self.opts.assembler => {}
            _ => self.diags.error(name.loc, format!("invalid preprocessing directive #{}", name.text)),
        }
        let _ = hash;
    }

    /// Conditional depth at the start of the current file (a file cannot
    /// close a conditional opened by its includer).
    fn cond_base(&self) -> usize {
        self.files.last().map_or(0, |f| f.cond_base)
    }

    fn is_defined(&self, name: &Token) -> bool {
        self.macros.contains_key(&name.text) || is_if_operator(&name.text)
    }

    fn open_cond(&mut self, d: &str, args: &[Token], loc: Loc) {
        if !self.active() {
            self.conds.push(Cond { active: false, taken: true, seen_else: false, loc });
            return;
        }
        let v = if d == "if" {
            self.eval_if(args, loc)
        } else {
            match args.first().filter(|t| t.kind == TokKind::Ident) {
                Some(n) => self.is_defined(n) == (d == "ifdef"),
                None => {
                    self.diags.error(loc, format!("no macro name given in #{d} directive"));
                    false
                }
            }
        };
        self.conds.push(Cond { active: v, taken: v, seen_else: false, loc });
    }

    fn elif(&mut self, d: &str, args: &[Token], loc: Loc) {
        if self.conds.len() <= self.cond_base() {
            self.diags.error(loc, format!("#{d} without #if"));
            return;
        }
        let c = *self.conds.last().unwrap();
        if c.seen_else {
            self.diags.error(loc, format!("#{d} after #else"));
        }
        // Once a group was taken (or the whole chain is skipped) later
        // conditions are not evaluated, so they cannot produce errors.
        let v = if c.taken {
            false
        } else if d == "elif" {
            self.eval_if(args, loc)
        } else {
            let def = args.first().is_some_and(|n| self.is_defined(n));
            def == (d == "elifdef")
        };
        let last = self.conds.last_mut().unwrap();
        last.active = v;
        last.taken |= v;
    }

    fn else_(&mut self, loc: Loc) {
        if self.conds.len() <= self.cond_base() {
            self.diags.error(loc, "#else without #if");
            return;
        }
        let c = self.conds.last_mut().unwrap();
        if c.seen_else {
            self.diags.error(loc, "#else after #else");
            c.active = false;
            return;
        }
        c.seen_else = true;
        c.active = !c.taken;
        c.taken = true;
    }

    fn define(&mut self, args: &[Token], loc: Loc) {
        let Some(n) = args.first().filter(|t| t.kind == TokKind::Ident) else {
            self.diags.error(loc, "macro names must be identifiers");
            return;
        };
        if &*n.text == "defined" {
            self.diags.error(n.loc, "\"defined\" cannot be used as a macro name");
            return;
        }
        // Function-like only if `(` follows the name with no space.
        let (params, variadic, start) = if args.get(1).is_some_and(|t| t.is_punct(Punct::LParen) && !t.has_space()) {
            match self.macro_params(args, loc) {
                Some(p) => p,
                None => return,
            }
        } else {
            (None, false, 1)
        };
        let mut body: Vec<Token> = args[start..].to_vec();
        if let Some(f) = body.first_mut() {
            f.flags &= !SPACE;
        }
        if !self.check_body(&body, params.as_deref(), variadic, loc) {
            return;
        }
        let name_id = self.hs.name_id(&n.text);
        let m = Macro { params, variadic, body, dynamic: false, name_id, loc: n.loc };
        if let Some(old) = self.macros.get(&n.text)
            && !old.same_as(&m)
            && !self.in_system_header()
            && !old.dynamic
        {
            let old_loc = old.loc;
            self.diags.warning(n.loc, format!("\"{}\" redefined", n.text));
            if old_loc.line > 0 {
                self.diags.note(old_loc, "this is the location of the previous definition");
            }
        }
        self.macros.insert(n.text.clone(), Rc::new(m));
    }

    /// Parses `( a, b, ... )` after a macro name: the parameters, whether
    /// the macro is variadic, and where the body starts.
    fn macro_params(&mut self, args: &[Token], loc: Loc) -> Option<MacroParams> {
        let mut i = 2;
        let mut ps: Vec<Rc<str>> = Vec::new();
        let mut variadic = false;
        if args.get(i).is_some_and(|t| t.is_punct(Punct::RParen)) {
            return Some((Some(ps), false, i + 1));
        }
        loop {
            let Some(t) = args.get(i) else {
                self.diags.error(loc, "missing ')' in macro parameter list");
                return None;
            };
            i += 1;
            match t.kind {
                TokKind::Ident if &*t.text != "__VA_ARGS__" => {
                    if ps.contains(&t.text) {
                        self.diags.error(t.loc, format!("duplicate macro parameter \"{}\"", t.text));
                        return None;
                    }
                    ps.push(t.text.clone());
                    // GNU named variadic `args...`.
                    if args.get(i).is_some_and(|t| t.is_punct(Punct::Ellipsis)) {
                        variadic = true;
                        i += 1;
                    }
                }
                TokKind::Punct(Punct::Ellipsis) => {
                    variadic = true;
                    ps.push("__VA_ARGS__".into());
                }
                _ => {
                    self.diags.error(t.loc, format!("expected parameter name, found \"{}\"", t.text));
                    return None;
                }
            }
            match args.get(i) {
                Some(t) if t.is_punct(Punct::Comma) && !variadic => i += 1,
                Some(t) if t.is_punct(Punct::RParen) => return Some((Some(ps), variadic, i + 1)),
                Some(t) if variadic => {
                    self.diags.error(t.loc, "expected ')' after \"...\"");
                    return None;
                }
                Some(t) => {
                    self.diags.error(t.loc, "expected ',' or ')' in macro parameter list");
                    return None;
                }
                None => {
                    self.diags.error(loc, "missing ')' in macro parameter list");
                    return None;
                }
            }
        }
    }

    /// The constraints of C11 6.10.3.2p1 and 6.10.3.3p1 on a macro body.
    fn check_body(&mut self, body: &[Token], params: Option<&[Rc<str>]>, variadic: bool, loc: Loc) -> bool {
        if body.first().is_some_and(|t| t.is_punct(Punct::HashHash))
            || (body.len() > 1 && body.last().is_some_and(|t| t.is_punct(Punct::HashHash)))
        {
            self.diags.error(loc, "'##' cannot appear at either end of a macro expansion");
            return false;
        }
        let Some(params) = params else { return true };
        for (i, t) in body.iter().enumerate() {
            if !t.is_punct(Punct::Hash) {
                continue;
            }
            let ok = body.get(i + 1).is_some_and(|n| {
                n.kind == TokKind::Ident
                    && (params.iter().any(|p| **p == *n.text) || (variadic && matches!(&*n.text, "__VA_ARGS__" | "__VA_OPT__")))
            });
            if !ok {
                self.diags.error(t.loc, "'#' is not followed by a macro parameter");
                return false;
            }
        }
        true
    }

    fn include(&mut self, args: &[Token], loc: Loc, next: bool) {
        let Some((name, quoted)) = self.header_name(args, loc) else { return };
        let (cur_dir, cur_idx) = match self.files.last() {
            Some(f) => (Some(f.dir.clone()), f.dir_index),
            None => (None, None),
        };
        let start = next.then(|| cur_idx.map_or(0, |i| i + 1));
        match self.find_include(&name, quoted, cur_dir.as_deref(), start) {
            Some((path, idx)) => {
                let system = self.in_system_header() && idx.is_none();
                self.push_file_path(&path, idx, loc, system);
            }
            None => {
                self.diags.error(loc, format!("{name}: No such file or directory"));
                self.fatal = true;
            }
        }
    }

    /// The file name of `#include` / `__has_include`: `"name"` or `<name>`,
    /// written directly or produced by macro expansion.
    fn header_name(&mut self, args: &[Token], loc: Loc) -> Option<(String, bool)> {
        let toks = if args.first().is_some_and(|t| t.kind == TokKind::Ident) { self.expand_list(args) } else { args.to_vec() };
        match toks.first() {
            Some(t) if t.kind == TokKind::Str && t.text.starts_with('"') => Some((t.text[1..t.text.len() - 1].to_string(), true)),
            Some(t) if t.is_punct(Punct::Lt) => {
                let mut s = String::new();
                for (k, x) in toks[1..].iter().enumerate() {
                    if x.is_punct(Punct::Gt) {
                        return Some((s, false));
                    }
                    if k > 0 && x.has_space() {
                        s.push(' ');
                    }
                    s.push_str(&x.text);
                }
                self.diags.error(loc, "missing terminating > character");
                None
            }
            _ => {
                self.diags.error(loc, "#include expects \"FILENAME\" or <FILENAME>");
                None
            }
        }
    }

    fn line_directive(&mut self, args: &[Token], loc: Loc) {
        let toks = self.expand_list(args);
        let Some(n) = toks.first().filter(|t| t.kind == TokKind::Number).and_then(|t| t.text.parse::<i64>().ok()) else {
            self.diags.error(loc, "#line directive requires a positive integer argument");
            return;
        };
        let name = match toks.get(1) {
            Some(t) if t.kind == TokKind::Str => Some(Rc::from(&t.text[1..t.text.len() - 1])),
            Some(t) => {
                self.diags.error(t.loc, format!("invalid filename \"{}\" in #line", t.text));
                return;
            }
            None => None,
        };
        // GNU line marker flag 3: a system header.
        let system = toks.iter().skip(2).any(|t| &*t.text == "3");
        if let Some(f) = self.files.last_mut() {
            // The line after the directive has number n.
            f.line_delta = n - (loc.line as i64 + 1);
            if name.is_some() {
                f.name_override = name;
            }
            f.system |= system;
        }
    }

    /// Evaluates an `#if` / `#elif` expression.
    fn eval_if(&mut self, args: &[Token], loc: Loc) -> bool {
        self.in_if = true;
        let expanded = self.expand_list(args);
        self.in_if = false;
        match expr::eval(&expanded) {
            Ok(v) => v != 0,
            Err((msg, at)) => {
                self.diags.error(at.unwrap_or(loc), msg);
                false
            }
        }
    }

    /// `defined X`, `defined(X)`, `__has_include(...)` and friends inside
    /// `#if`: replaced by `1` or `0`. Their operands are read unexpanded.
    pub(super) fn if_operator(&mut self, t: Token, out: &mut Vec<Token>) {
        let v = if &*t.text == "defined" {
            self.defined_operator(&t)
        } else {
            let Some(inner) = self.paren_operand(&t) else {
                out.push(synth(TokKind::Number, "0", t.loc));
                return;
            };
            match &*t.text {
                "__has_include" | "__has_include_next" => self.has_include(&inner, t.loc, &*t.text == "__has_include_next"),
                "__has_attribute" => {
                    let name = inner.first().map(|a| a.text.trim_matches('_').to_string()).unwrap_or_default();
                    ATTRIBUTES.contains(&name.as_str())
                }
                "__has_builtin" => inner.first().is_some_and(|a| has_builtin(&a.text)),
                _ => false,
            }
        };
        out.push(synth(TokKind::Number, if v { "1" } else { "0" }, t.loc));
    }

    fn defined_operator(&mut self, t: &Token) -> bool {
        let mut n = self.next_raw();
        let paren = n.as_ref().is_some_and(|x| x.is_punct(Punct::LParen));
        if paren {
            n = self.next_raw();
        }
        let Some(name) = n.filter(|x| x.kind == TokKind::Ident) else {
            self.diags.error(t.loc, "operator \"defined\" requires an identifier");
            return false;
        };
        if paren && !self.next_raw().is_some_and(|x| x.is_punct(Punct::RParen)) {
            self.diags.error(t.loc, "missing ')' after \"defined\"");
        }
        self.is_defined(&name)
    }

    /// The tokens of `( ... )` after an operator name (unexpanded).
    fn paren_operand(&mut self, t: &Token) -> Option<Vec<Token>> {
        if !self.next_raw().is_some_and(|x| x.is_punct(Punct::LParen)) {
            self.diags.error(t.loc, format!("missing '(' after \"{}\"", t.text));
            return None;
        }
        let mut inner = Vec::new();
        let mut depth = 0;
        loop {
            let Some(x) = self.next_raw() else {
                self.diags.error(t.loc, format!("missing ')' after \"{}\" operand", t.text));
                return None;
            };
            if x.is_punct(Punct::LParen) {
                depth += 1;
            } else if x.is_punct(Punct::RParen) {
                if depth == 0 {
                    return Some(inner);
                }
                depth -= 1;
            }
            inner.push(x);
        }
    }

    fn has_include(&mut self, inner: &[Token], loc: Loc, next: bool) -> bool {
        // The operand is expanded with `defined` & co. as plain names.
        let in_if = std::mem::replace(&mut self.in_if, false);
        let hn = self.header_name(inner, loc);
        self.in_if = in_if;
        let Some((name, quoted)) = hn else { return false };
        let (cur_dir, cur_idx) = match self.files.last() {
            Some(f) => (Some(f.dir.clone()), f.dir_index),
            None => (None, None),
        };
        let start = (next && self.files.len() > 1).then(|| cur_idx.map_or(0, |i| i + 1));
        self.find_include(&name, quoted, cur_dir.as_deref(), start).is_some()
    }
}

/// `__has_builtin`: the builtin families kit's parser implements.
fn has_builtin(name: &str) -> bool {
    if name.starts_with("__builtin_ia32_") {
        return super::predef::X86_BUILTIN_NAMES.contains(&name);
    }
    // Families of gcc's and clang's that kit's parser does not implement.
    const MISSING: &[&str] = &[
        "__builtin_bitreverse",
        "__builtin_elementwise_",
        "__builtin_reduce_",
        "__builtin_nondeterministic",
        "__builtin_shufflevector",
        "__builtin_arm_",
        "__builtin_ms_",
    ];
    if MISSING.iter().any(|p| name.starts_with(p)) {
        return false;
    }
    (name.starts_with("__builtin_") && !name.contains("shuffle") && !name.contains("convertvector"))
        || name.starts_with("__atomic_")
        || name.starts_with("__sync_")
}

/// A directive's tokens as written (for `#error` / `#warning`).
fn spell(toks: &[Token]) -> String {
    let mut s = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && t.has_space() {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// A function-like macro's parameters (None: object-like), whether it is
/// variadic, and the index of the first body token.
type MacroParams = (Option<Vec<Rc<str>>>, bool, usize);
