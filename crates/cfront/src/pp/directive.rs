//! Preprocessing directives.

use super::*;

impl<'a> Preprocessor<'a> {
    pub(super) fn directive(&mut self, hash: Token, out: &mut Vec<Token>) {
        let line = self.line_tokens();
        let Some(name) = line.first() else { return }; // null directive
        let args = &line[1..];
        let d: &str = &name.text;
        // Conditionals are processed even in skipped groups.
        match d {
            "if" | "ifdef" | "ifndef" => {
                if !self.active() {
                    self.conds.push(Cond { active: false, taken: true, seen_else: false, loc: hash.loc });
                    return;
                }
                let v = match d {
                    "if" => self.eval_if(args, hash.loc),
                    _ => {
                        let Some(n) = args.first().filter(|t| t.kind == TokKind::Ident) else {
                            self.diags.error(name.loc, format!("no macro name given in #{d} directive"));
                            self.conds.push(Cond { active: false, taken: true, seen_else: false, loc: hash.loc });
                            return;
                        };
                        self.macros.contains_key(&n.text) == (d == "ifdef")
                    }
                };
                self.conds.push(Cond { active: v, taken: v, seen_else: false, loc: hash.loc });
                return;
            }
            "elif" | "elifdef" | "elifndef" => {
                let base = self.files.last().map_or(0, |f| f.cond_base);
                if self.conds.len() <= base {
                    self.diags.error(name.loc, format!("#{d} without #if"));
                    return;
                }
                let c = *self.conds.last().unwrap();
                if c.seen_else {
                    self.diags.error(name.loc, format!("#{d} after #else"));
                }
                let parent_active = self.conds.len() < 2 || self.conds[self.conds.len() - 2].active;
                let v = if c.taken || !parent_active {
                    false
                } else if d == "elif" {
                    self.eval_if(args, hash.loc)
                } else {
                    let def = args.first().is_some_and(|n| self.macros.contains_key(&n.text));
                    def == (d == "elifdef")
                };
                let last = self.conds.last_mut().unwrap();
                last.active = v;
                last.taken |= v;
                return;
            }
            "else" => {
                let base = self.files.last().map_or(0, |f| f.cond_base);
                if self.conds.len() <= base {
                    self.diags.error(name.loc, "#else without #if");
                    return;
                }
                let parent_active = self.conds.len() < 2 || self.conds[self.conds.len() - 2].active;
                let c = self.conds.last_mut().unwrap();
                if c.seen_else {
                    let loc = name.loc;
                    self.diags.error(loc, "#else after #else");
                    return;
                }
                c.seen_else = true;
                c.active = !c.taken && parent_active;
                c.taken = true;
                return;
            }
            "endif" => {
                let base = self.files.last().map_or(0, |f| f.cond_base);
                if self.conds.len() <= base {
                    self.diags.error(name.loc, "#endif without #if");
                    return;
                }
                self.conds.pop();
                return;
            }
            _ => {}
        }
        if !self.active() {
            return;
        }
        match d {
            "define" => self.define(args, name.loc),
            "undef" => {
                if let Some(n) = args.first() {
                    self.macros.remove(&n.text);
                }
            }
            "include" | "include_next" | "import" => self.include(args, name.loc, d == "include_next"),
            "line" => self.line_directive(args, name.loc),
            "error" => {
                let msg: Vec<&str> = args.iter().map(|t| &*t.text).collect();
                self.diags.error(name.loc, format!("#error {}", msg.join(" ")));
            }
            "warning" => {
                let msg: Vec<&str> = args.iter().map(|t| &*t.text).collect();
                self.diags.warning(name.loc, format!("#warning {}", msg.join(" ")));
            }
            "pragma" => self.pragma(args.to_vec(), name.loc, out),
            "ident" | "sccs" | "assert" | "unassert" => {}
            _ => {
                if name.kind == TokKind::Number {
                    // GNU line marker: `# 12 "file"`.
                    self.line_directive(&line, name.loc);
                } else {
                    self.diags.error(name.loc, format!("invalid preprocessing directive #{}", name.text));
                }
            }
        }
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
        let mut i = 1;
        let mut params = None;
        let mut variadic = false;
        // Function-like only if `(` follows the name with no space.
        if args.get(1).is_some_and(|t| t.is_punct(Punct::LParen) && !t.has_space()) {
            i = 2;
            let mut ps: Vec<Rc<str>> = Vec::new();
            loop {
                let Some(t) = args.get(i) else {
                    self.diags.error(loc, "missing ')' in macro parameter list");
                    return;
                };
                i += 1;
                match t.kind {
                    TokKind::Punct(Punct::RParen) if ps.is_empty() => break,
                    TokKind::Ident => {
                        ps.push(t.text.clone());
                        if args.get(i).is_some_and(|t| t.is_punct(Punct::Ellipsis)) {
                            // GNU named variadic `args...`.
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
                        return;
                    }
                }
                match args.get(i) {
                    Some(t) if t.is_punct(Punct::Comma) && !variadic => i += 1,
                    Some(t) if t.is_punct(Punct::RParen) => {
                        i += 1;
                        break;
                    }
                    _ => {
                        self.diags.error(loc, "expected ',' or ')' in macro parameter list");
                        return;
                    }
                }
            }
            params = Some(ps);
        }
        let body: Vec<Token> = args[i..].to_vec();
        if body.first().is_some_and(|t| t.is_punct(Punct::HashHash)) || (body.len() > 1 && body.last().is_some_and(|t| t.is_punct(Punct::HashHash))) {
            self.diags.error(loc, "'##' cannot appear at either end of a macro expansion");
            return;
        }
        let mut body = body;
        if let Some(f) = body.first_mut() {
            f.flags &= !SPACE;
        }
        self.macros.insert(n.text.clone(), Macro { params, variadic, body: body.into(), dynamic: false });
    }

    /// The file named by `#include`'s operand (macro-expanded if needed):
    /// (name, quoted). Errors are reported when `loc` is given.
    fn include_name(&mut self, args: &[Token], loc: Option<Loc>) -> Option<(String, bool)> {
        let toks = if args.first().is_some_and(|t| t.kind == TokKind::Ident) { self.expand_list(args) } else { args.to_vec() };
        match toks.first() {
            Some(t) if t.kind == TokKind::Str => Some((t.text[1..t.text.len() - 1].to_string(), true)),
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
                if let Some(l) = loc {
                    self.diags.error(l, "missing terminating > character");
                }
                None
            }
            _ => {
                if let Some(l) = loc {
                    self.diags.error(l, "#include expects \"FILENAME\" or <FILENAME>");
                }
                None
            }
        }
    }

    /// Searches for an include from the current file (`next`: after the
    /// directory the current file was found in).
    fn search_include(&self, name: &str, quoted: bool, next: bool) -> Option<(String, Option<usize>)> {
        let (cur_dir, cur_idx) = match self.files.last() {
            Some(f) => (Some(f.dir.clone()), f.dir_index),
            None => (None, None),
        };
        let start = if next { Some(cur_idx.map_or(0, |i| i + 1)) } else { None };
        self.find_include(name, quoted, cur_dir.as_deref(), start)
    }

    fn include(&mut self, args: &[Token], loc: Loc, next: bool) {
        let Some((name, quoted)) = self.include_name(args, Some(loc)) else { return };
        match self.search_include(&name, quoted, next) {
            Some((path, idx)) => {
                self.push_file_path(&path, idx, loc, false);
            }
            None => self.diags.error(loc, format!("{name}: No such file or directory")),
        }
    }

    fn line_directive(&mut self, args: &[Token], loc: Loc) {
        let toks = self.expand_list(args);
        let Some(n) = toks.first().and_then(|t| t.text.parse::<i64>().ok()) else {
            self.diags.error(loc, "#line directive requires a positive integer argument");
            return;
        };
        let name = toks.get(1).filter(|t| t.kind == TokKind::Str).map(|t| Rc::from(&t.text[1..t.text.len() - 1]));
        if let Some(f) = self.files.last_mut() {
            // The line after the directive has number n.
            f.line_delta = n - (loc.line as i64 + 1);
            if name.is_some() {
                f.name_override = name;
            }
        }
    }

    /// Evaluates an `#if` expression.
    fn eval_if(&mut self, args: &[Token], loc: Loc) -> bool {
        // `defined X` and __has_* are resolved before macro expansion.
        let mut pre = Vec::with_capacity(args.len());
        let mut i = 0;
        let one = |t: &Token, v: bool| Token { kind: TokKind::Number, text: if v { "1".into() } else { "0".into() }, loc: t.loc, flags: t.flags, hideset: 0 };
        while i < args.len() {
            let t = &args[i];
            if t.kind == TokKind::Ident {
                match &*t.text {
                    "defined" => {
                        let (name, skip) = if args.get(i + 1).is_some_and(|x| x.is_punct(Punct::LParen)) {
                            (args.get(i + 2), 4)
                        } else {
                            (args.get(i + 1), 2)
                        };
                        let v = name.is_some_and(|n| self.macros.contains_key(&n.text));
                        pre.push(one(t, v));
                        i += skip;
                        continue;
                    }
                    "__has_include" | "__has_include_next" => {
                        let next = &*t.text == "__has_include_next";
                        let close = matching_paren(args, i + 1);
                        let inner = args.get(i + 2..close).unwrap_or(&[]).to_vec();
                        let v = self.has_include(&inner, next);
                        pre.push(one(t, v));
                        i = close + 1;
                        continue;
                    }
                    "__has_attribute" | "__has_builtin" | "__has_feature" | "__has_extension" | "__has_c_attribute" | "__has_cpp_attribute" | "__has_declspec_attribute" => {
                        let arg = args.get(i + 2).map(|a| a.text.trim_matches('_').to_string()).unwrap_or_default();
                        let v = match &*t.text {
                            "__has_attribute" => matches!(
                                arg.as_str(),
                                "packed" | "aligned" | "noreturn" | "unused" | "used" | "section" | "weak" | "alias" | "visibility"
                                    | "constructor" | "destructor" | "cleanup" | "format" | "always_inline" | "noinline" | "const"
                                    | "pure" | "nonnull" | "malloc" | "warn_unused_result" | "deprecated" | "mode" | "may_alias"
                                    | "fallthrough" | "nothrow" | "cold" | "hot" | "sentinel" | "format_arg" | "returns_nonnull"
                            ),
                            "__has_builtin" => {
                                let full = args.get(i + 2).map(|a| a.text.to_string()).unwrap_or_default();
                                full.starts_with("__builtin_") && !full.contains("shuffle") && !full.contains("convertvector")
                                    || full.starts_with("__atomic_")
                                    || full.starts_with("__sync_")
                            }
                            _ => false,
                        };
                        pre.push(one(t, v));
                        i = matching_paren(args, i + 1) + 1;
                        continue;
                    }
                    _ => {}
                }
            }
            pre.push(t.clone());
            i += 1;
        }
        let expanded = self.expand_list(&pre);
        match expr::eval(&expanded) {
            Ok(v) => v != 0,
            Err(msg) => {
                self.diags.error(loc, msg);
                false
            }
        }
    }

    fn has_include(&mut self, inner: &[Token], next: bool) -> bool {
        match self.include_name(inner, None) {
            Some((name, quoted)) => self.search_include(&name, quoted, next).is_some(),
            None => false,
        }
    }
}

/// Index of the `)` closing the `(` at `open` (or the end of `toks`).
fn matching_paren(toks: &[Token], open: usize) -> usize {
    let mut depth = 0;
    for (j, t) in toks.iter().enumerate().skip(open) {
        if t.is_punct(Punct::LParen) {
            depth += 1;
        } else if t.is_punct(Punct::RParen) {
            depth -= 1;
            if depth == 0 {
                return j;
            }
        }
    }
    toks.len()
}
