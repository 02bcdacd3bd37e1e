//! Assembly-time control: macros (`.macro`/`.endm`, `.exitm`, `.purgem`),
//! repetition (`.rept`, `.irp`, `.irpc` ... `.endr`), conditionals (`.if`
//! and its family, `.else`, `.elseif`, `.endif`), `.error`/`.err`, and the
//! file directives `.include`/`.incbin`. As in GNU as they work on
//! statement text before it is lexed: a macro body is text, and arguments
//! are substituted into it (`\name`, `\()`, `\@`).

use super::Asm;
use crate::lex;
use std::collections::HashMap;

/// Expansions nested deeper than this are taken for runaway recursion.
const MAX_DEPTH: usize = 100;

#[derive(Default)]
pub(super) struct Control {
    macros: HashMap<String, Macro>,
    conds: Vec<Cond>,
    collecting: Option<Collect>,
    /// Macro invocations so far (`\@`).
    invocations: u64,
    depth: usize,
    /// `.exitm` seen: the rest of the current macro body is dropped.
    exiting: bool,
}

#[derive(Clone)]
struct Macro {
    params: Vec<Param>,
    body: Vec<String>,
}

#[derive(Clone)]
struct Param {
    name: String,
    default: Option<String>,
    required: bool,
    vararg: bool,
}

struct Cond {
    /// Statements in this branch are assembled.
    active: bool,
    /// Some branch of this `.if` was (or, when the enclosing one is
    /// inactive, counts as) taken: later `.else`/`.elseif` stay off.
    taken: bool,
}

enum Body {
    Macro(String, Vec<Param>),
    Rept(i64),
    Irp(String, Vec<String>),
    Irpc(String, String),
}

struct Collect {
    what: Body,
    lines: Vec<String>,
    /// Nested `.macro`/`.rept`/`.irp` blocks inside the body.
    nesting: usize,
}

/// The statement's first word (directive, mnemonic or macro name) and the
/// rest.
fn split_word(stmt: &str) -> (&str, &str) {
    let s = stmt.trim_start();
    let end = s.find(|c: char| c.is_whitespace()).unwrap_or(s.len());
    (&s[..end], s[end..].trim())
}

/// Comma-separated operands, commas inside quotes or parentheses kept.
fn split_args(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut cur, mut depth, mut in_str) = (String::new(), 0i32, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_str => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                continue;
            }
            '"' => in_str = !in_str,
            '(' if !in_str => depth += 1,
            ')' if !in_str => depth -= 1,
            ',' if !in_str && depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() || !out.is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// A string operand with its quotes (and escapes) removed.
fn unquote(s: &str) -> String {
    let s = s.trim();
    match s.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => s.to_string(),
    }
}

/// `.macro name a, b=1, c:req, d:vararg` (commas or spaces between).
fn macro_header(text: &str) -> Result<(String, Vec<Param>), String> {
    let text = text.trim();
    let name_end = text.find(|c: char| c.is_whitespace() || c == ',').unwrap_or(text.len());
    let name = text[..name_end].to_string();
    if name.is_empty() {
        return Err("'.macro' needs a name".into());
    }
    let rest = text[name_end..].trim().trim_start_matches(',');
    let mut params = Vec::new();
    for p in rest.split(|c: char| c == ',' || c.is_whitespace()).filter(|p| !p.is_empty()) {
        let (p, default) = match p.split_once('=') {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (p, None),
        };
        let (p, qualifier) = p.split_once(':').unwrap_or((p, ""));
        params.push(Param { name: p.to_string(), default, required: qualifier == "req", vararg: qualifier == "vararg" });
    }
    Ok((name, params))
}

/// Replaces `\param` (longest name first), `\()` and `\@` in `line`.
fn substitute(line: &str, names: &[(String, String)], counter: Option<u64>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix("()") {
            rest = r;
            continue;
        }
        if let (Some(r), Some(n)) = (after.strip_prefix('@'), counter) {
            out.push_str(&n.to_string());
            rest = r;
            continue;
        }
        let best = names.iter().filter(|(n, _)| after.starts_with(n.as_str())).max_by_key(|(n, _)| n.len());
        match best {
            Some((n, v)) => {
                out.push_str(v);
                rest = &after[n.len()..];
            }
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Asm {
    /// Whether statements are assembled here (every enclosing `.if` on).
    fn active(&self) -> bool {
        self.control.conds.last().is_none_or(|c| c.active)
    }

    /// One statement, through macros, repetitions and conditionals.
    pub(super) fn process(&mut self, stmt: &str) -> Result<(), String> {
        let (word, rest) = split_word(stmt);
        let lower = word.to_ascii_lowercase();
        if let Some(c) = &mut self.control.collecting {
            match lower.as_str() {
                ".macro" | ".rept" | ".irp" | ".irpc" => c.nesting += 1,
                ".endm" | ".endr" if c.nesting > 0 => c.nesting -= 1,
                ".endm" | ".endr" => return self.finish_body(&lower),
                _ => {}
            }
            c.lines.push(stmt.to_string());
            return Ok(());
        }
        if lower.starts_with(".if") || matches!(lower.as_str(), ".else" | ".elseif" | ".endif") {
            return self.conditional(&lower, rest);
        }
        if !self.active() || self.control.exiting {
            return Ok(());
        }
        // A label in front of a directive or macro call.
        if let Some(label) = word.strip_suffix(':')
            && !label.is_empty()
            && !rest.is_empty()
        {
            self.statement(word)?;
            return self.process(rest);
        }
        let start = |what| Some(Collect { what, lines: Vec::new(), nesting: 0 });
        match lower.as_str() {
            ".macro" => {
                let (name, params) = macro_header(rest)?;
                self.control.collecting = start(Body::Macro(name, params));
            }
            ".rept" => {
                let n = self.constant_text(rest)?;
                self.control.collecting = start(Body::Rept(n));
            }
            ".irp" | ".irpc" => {
                let (param, values) = rest.split_once(',').map(|(p, v)| (p.trim(), v.trim())).unwrap_or((rest.trim(), ""));
                let body = if lower == ".irp" {
                    Body::Irp(param.to_string(), split_args(values))
                } else {
                    Body::Irpc(param.to_string(), values.to_string())
                };
                self.control.collecting = start(body);
            }
            ".endm" | ".endr" => return Err(format!("'{lower}' without a block to end")),
            ".exitm" => {
                if self.control.depth == 0 {
                    return Err("'.exitm' outside a macro".into());
                }
                self.control.exiting = true;
            }
            ".purgem" => {
                if self.control.macros.remove(rest.trim()).is_none() {
                    return Err(format!("macro '{}' is not defined", rest.trim()));
                }
            }
            ".error" | ".err" => {
                let msg = if rest.is_empty() { ".err encountered".to_string() } else { unquote(rest) };
                return Err(msg);
            }
            ".warning" | ".print" => {}
            ".include" => {
                let path = self.resolve_include(&unquote(rest));
                let bytes = self.load_file(&path)?;
                let text = lex::strip_block_comments(&String::from_utf8_lossy(&bytes));
                for line in text.lines() {
                    for s in lex::statements(line) {
                        self.process(s)?;
                    }
                }
            }
            ".incbin" => self.incbin(rest)?,
            _ => match self.control.macros.get(word).cloned() {
                Some(m) => self.expand_macro(word, &m, rest)?,
                None => self.statement(stmt)?,
            },
        }
        Ok(())
    }

    fn conditional(&mut self, d: &str, rest: &str) -> Result<(), String> {
        let outer = self.active();
        match d {
            ".else" | ".elseif" => {
                let enclosing =
                    self.control.conds.len() > 1 && !self.control.conds[..self.control.conds.len() - 1].iter().all(|c| c.active);
                let Some(c) = self.control.conds.last() else { return Err(format!("'{d}' without '.if'")) };
                let taken = c.taken;
                let on = !taken && !enclosing && (d == ".else" || self.condition(".if", rest)?);
                let c = self.control.conds.last_mut().expect("open .if");
                c.active = on;
                c.taken = taken || on;
            }
            ".endif" => {
                if self.control.conds.pop().is_none() {
                    return Err("'.endif' without '.if'".into());
                }
            }
            _ => {
                let on = outer && self.condition(d, rest)?;
                self.control.conds.push(Cond { active: on, taken: on || !outer });
            }
        }
        Ok(())
    }

    /// Evaluates the condition of `.if`-family directive `d`.
    fn condition(&mut self, d: &str, rest: &str) -> Result<bool, String> {
        let defined = |a: &Asm, name: &str| a.syms.get(name).is_some_and(|s| s.at.is_some() || s.set.is_some() || s.common.is_some());
        // `.ifc` strings may be in single quotes, `.ifeqs` ones are in
        // double quotes.
        let strings = || {
            let args = split_args(rest);
            let strip = |s: &str| -> String {
                let s = s.trim();
                if d == ".ifc" || d == ".ifnc" {
                    s.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')).unwrap_or(s).to_string()
                } else {
                    unquote(s)
                }
            };
            match &args[..] {
                [a, b] => Ok((strip(a), strip(b))),
                _ => Err(format!("'{d}' needs two comma-separated strings")),
            }
        };
        Ok(match d {
            ".if" | ".ifne" => self.constant_text(rest)? != 0,
            ".ifeq" => self.constant_text(rest)? == 0,
            ".ifgt" => self.constant_text(rest)? > 0,
            ".ifge" => self.constant_text(rest)? >= 0,
            ".iflt" => self.constant_text(rest)? < 0,
            ".ifle" => self.constant_text(rest)? <= 0,
            ".ifdef" => defined(self, rest.trim()),
            ".ifndef" | ".ifnotdef" => !defined(self, rest.trim()),
            ".ifb" => rest.trim().is_empty(),
            ".ifnb" => !rest.trim().is_empty(),
            ".ifc" | ".ifeqs" => {
                let (a, b) = strings()?;
                a == b
            }
            ".ifnc" | ".ifnes" => {
                let (a, b) = strings()?;
                a != b
            }
            _ => return Err(format!("unknown directive '{d}'")),
        })
    }

    /// The value of an absolute expression written as text.
    fn constant_text(&mut self, text: &str) -> Result<i64, String> {
        let toks = lex::lex(text)?;
        let e = self.parse_all(&toks)?;
        self.constant(&e)
    }

    fn finish_body(&mut self, end: &str) -> Result<(), String> {
        let c = self.control.collecting.take().expect("collecting a body");
        match (c.what, end) {
            (Body::Macro(name, params), ".endm") => {
                self.control.macros.insert(name, Macro { params, body: c.lines });
            }
            (Body::Rept(n), ".endr") => {
                for _ in 0..n.max(0) {
                    self.expand(&c.lines, &[], None)?;
                }
            }
            (Body::Irp(param, values), ".endr") => {
                let values = if values.is_empty() { vec![String::new()] } else { values };
                for v in values {
                    self.expand(&c.lines, &[(param.clone(), v)], None)?;
                }
            }
            (Body::Irpc(param, chars), ".endr") => {
                for ch in chars.chars() {
                    self.expand(&c.lines, &[(param.clone(), ch.to_string())], None)?;
                }
            }
            (_, end) => return Err(format!("'{end}' ends the wrong kind of block")),
        }
        Ok(())
    }

    /// Assembles `lines` with `names` substituted.
    fn expand(&mut self, lines: &[String], names: &[(String, String)], counter: Option<u64>) -> Result<(), String> {
        if self.control.depth >= MAX_DEPTH {
            return Err("macros nested too deeply (recursive macro?)".into());
        }
        self.control.depth += 1;
        // Conditionals opened in the body close with it (`.exitm` may
        // leave them open), as GNU as restores its stack.
        let conds = self.control.conds.len();
        let mut result = Ok(());
        for line in lines {
            if self.control.exiting {
                break;
            }
            let text = substitute(line, names, counter);
            if let Err(e) = self.process(&text) {
                result = Err(e);
                break;
            }
        }
        self.control.depth -= 1;
        if self.control.conds.len() > conds && result.is_ok() && !self.control.exiting {
            result = Err("'.if' without '.endif' in a macro or repetition body".into());
        }
        self.control.conds.truncate(conds);
        result
    }

    fn expand_macro(&mut self, name: &str, m: &Macro, args: &str) -> Result<(), String> {
        let mut given = split_args(args);
        // `name a b`: without commas, spaces separate the arguments.
        if given.len() == 1 && m.params.len() > 1 && !args.contains('"') {
            given = args.split_whitespace().map(String::from).collect();
        }
        let mut values: Vec<Option<String>> = vec![None; m.params.len()];
        let mut position = 0;
        for (k, a) in given.iter().enumerate() {
            if let Some((key, v)) = a.split_once('=')
                && let Some(i) = m.params.iter().position(|p| p.name == key.trim())
            {
                values[i] = Some(v.trim().to_string());
                continue;
            }
            let Some(p) = m.params.get(position) else {
                return Err(format!("too many arguments to macro '{name}'"));
            };
            if p.vararg {
                values[position] = Some(given[k..].join(", "));
                break;
            }
            values[position] = Some(a.clone());
            position += 1;
        }
        let mut names = Vec::with_capacity(m.params.len());
        for (p, v) in m.params.iter().zip(values) {
            let v = v.filter(|v| !v.is_empty()).or_else(|| p.default.clone());
            if p.required && v.is_none() {
                return Err(format!("missing value for required parameter '{}' of macro '{name}'", p.name));
            }
            names.push((p.name.clone(), v.unwrap_or_default()));
        }
        let counter = self.control.invocations;
        self.control.invocations += 1;
        let r = self.expand(&m.body, &names, Some(counter));
        self.control.exiting = false;
        r
    }

    /// `.incbin "file"[, skip[, count]]`: the file's bytes as data.
    fn incbin(&mut self, rest: &str) -> Result<(), String> {
        let args = split_args(rest);
        let Some(file) = args.first() else { return Err("'.incbin' needs a file name".into()) };
        let path = self.resolve_include(&unquote(file));
        let bytes = self.load_file(&path)?;
        let skip = match args.get(1) {
            Some(s) => self.constant_text(s)?,
            None => 0,
        };
        let count = match args.get(2) {
            Some(s) => Some(self.constant_text(s)?),
            None => None,
        };
        if skip < 0 || skip as usize > bytes.len() {
            return Err(format!("'.incbin': skip {skip} is outside {path} ({} bytes)", bytes.len()));
        }
        let end = match count {
            Some(c) if c < 0 || skip as usize + c as usize > bytes.len() => {
                return Err(format!("'.incbin': {c} bytes from {skip} are outside {path} ({} bytes)", bytes.len()));
            }
            Some(c) => skip as usize + c as usize,
            None => bytes.len(),
        };
        self.data().0.extend_from_slice(&bytes[skip as usize..end]);
        Ok(())
    }

    /// A path as GNU as finds it: as given, else in the `-I` directories,
    /// else beside the source file.
    fn resolve_include(&self, name: &str) -> String {
        if name.starts_with('/') || (self.files.exists)(name) {
            return name.to_string();
        }
        if let Some(p) = self.files.include_dirs.iter().map(|d| format!("{d}/{name}")).find(|p| (self.files.exists)(p)) {
            return p;
        }
        match self.file.rfind('/') {
            Some(i) => format!("{}/{name}", &self.file[..i]),
            None => name.to_string(),
        }
    }

    fn load_file(&self, path: &str) -> Result<Vec<u8>, String> {
        (self.files.read)(path).map_err(|e| format!("{path}: {e}"))
    }

    /// Blocks still open at the end of the input.
    pub(super) fn unclosed(&self) -> Option<&'static str> {
        if self.control.collecting.is_some() {
            Some("'.macro', '.rept' or '.irp' without '.endm'/'.endr'")
        } else if !self.control.conds.is_empty() {
            Some("'.if' without '.endif'")
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_takes_the_longest_name() {
        let names = [("a".to_string(), "1".to_string()), ("ab".to_string(), "2".to_string())];
        assert_eq!(substitute("mov $\\ab, %eax; x\\()\\a\\@", &names, Some(7)), "mov $2, %eax; x17");
    }

    #[test]
    fn headers_and_arguments() {
        let (name, params) = macro_header("m a, b=4 c:req, d:vararg").unwrap();
        assert_eq!(name, "m");
        assert_eq!(params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(params[1].default.as_deref(), Some("4"));
        assert!(params[2].required && params[3].vararg);
        assert_eq!(split_args("1, (2,3), \"a,b\""), ["1", "(2,3)", "\"a,b\""]);
    }
}
