//! `-E` output: the token stream as text that a C compiler accepts again,
//! with gcc-style `# line "file" flags` markers.

use crate::source::SourceMap;
use crate::token::{Punct, TokKind, Token};

/// Writes `tokens` as preprocessed source. Line structure follows the
/// tokens' locations: small forward jumps become blank lines, other jumps a
/// line marker (flag 1: entering an include, 2: returning to the includer).
/// Forwarded pragmas (`__kit_pragma ( ... ) ;`) become `#pragma` lines, and
/// a space is inserted wherever two adjacent tokens would lex as one.
pub fn write_preprocessed(tokens: &[Token], sm: &SourceMap, out: &mut String) {
    let mut w = Writer { sm, out, file: u32::MAX, line: 0, at_line_start: true, stack: Vec::new(), prev: None };
    // The main file comes first, right after the built-in pseudo-files.
    if let Some(main) = sm.files.iter().position(|f| !f.name.starts_with('<')) {
        let first = Token {
            kind: TokKind::Eof,
            text: "".into(),
            loc: crate::source::Loc { file: main as u32, line: 1, col: 1 },
            flags: 0,
            hideset: 0,
        };
        w.goto(&first);
    }
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == TokKind::Eof {
            break;
        }
        if t.is_ident("__kit_pragma") && tokens.get(i + 1).is_some_and(|x| x.is_punct(Punct::LParen)) {
            i = w.pragma(tokens, i);
            continue;
        }
        w.token(t);
        i += 1;
    }
    if !w.at_line_start {
        w.out.push('\n');
    }
}

struct Writer<'a> {
    sm: &'a SourceMap,
    out: &'a mut String,
    file: u32,
    line: u32,
    at_line_start: bool,
    /// Files entered and not yet left, for the marker flags.
    stack: Vec<u32>,
    prev: Option<&'a Token>,
}

impl<'a> Writer<'a> {
    fn newline(&mut self) {
        if !self.at_line_start {
            self.out.push('\n');
            self.at_line_start = true;
        }
    }

    /// Moves the output to the line of `t`.
    fn goto(&mut self, t: &Token) {
        let loc = t.loc;
        if loc.file == self.file && loc.line >= self.line && loc.line <= self.line + 8 {
            while self.line < loc.line {
                self.out.push('\n');
                self.line += 1;
                self.at_line_start = true;
            }
            return;
        }
        self.newline();
        if loc.file == self.file {
            self.marker(loc.line, loc.file, "");
        } else {
            self.switch_file(loc.file, loc.line);
        }
        self.file = loc.file;
        self.line = loc.line;
        self.prev = None;
    }

    fn marker(&mut self, line: u32, file: u32, flag: &str) {
        let name = quote_name(self.sm.name(file));
        self.out.push_str(&format!("# {line} {name}{flag}\n"));
    }

    /// Markers for moving from the current file to `file`: a return (flag 2)
    /// to the nearest common includer, then entries (flag 1) down to `file`.
    fn switch_file(&mut self, file: u32, line: u32) {
        let mut chain = vec![file];
        while let Some(l) = self.sm.included_from(*chain.last().unwrap()) {
            if chain.len() > 256 || chain.contains(&l.file) {
                break;
            }
            chain.push(l.file);
        }
        chain.reverse();
        let common = self.stack.iter().zip(&chain).take_while(|(a, b)| a == b).count();
        let line_in = |k: usize| if k + 1 < chain.len() { self.sm.included_from(chain[k + 1]).map_or(1, |l| l.line) } else { line };
        if common == 0 {
            // A new root (the main file, an -include file).
            self.marker(line_in(0), chain[0], "");
        } else {
            // gcc pops one level per return marker.
            for j in (common - 1..self.stack.len().saturating_sub(1)).rev() {
                let back_to = self.stack[j];
                let l = if j + 1 == common { line_in(j) } else { self.sm.included_from(self.stack[j + 1]).map_or(1, |l| l.line + 1) };
                self.marker(l, back_to, " 2");
            }
        }
        for k in common.max(1)..chain.len() {
            let l = line_in(k);
            self.marker(if k + 1 < chain.len() { l } else { line }, chain[k], " 1");
        }
        self.stack = chain;
    }

    fn token(&mut self, t: &'a Token) {
        self.goto(t);
        if self.at_line_start {
            let col = t.loc.col.saturating_sub(1) as usize;
            self.out.extend(std::iter::repeat_n(' ', col.min(40)));
        } else if t.has_space() || self.prev.is_some_and(|p| would_merge(p, t)) {
            self.out.push(' ');
        }
        self.out.push_str(&t.text);
        self.at_line_start = false;
        self.prev = Some(t);
    }

    /// `__kit_pragma ( toks ) ;` → `#pragma toks` on its own line.
    /// Returns the index after the sequence.
    fn pragma(&mut self, tokens: &'a [Token], start: usize) -> usize {
        let mut depth = 0;
        let mut end = start + 1;
        while end < tokens.len() && tokens[end].kind != TokKind::Eof {
            if tokens[end].is_punct(Punct::LParen) {
                depth += 1;
            } else if tokens[end].is_punct(Punct::RParen) {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            end += 1;
        }
        self.goto(&tokens[start]);
        self.newline();
        self.out.push_str("#pragma");
        for t in &tokens[start + 2..end.min(tokens.len())] {
            self.out.push(' ');
            self.out.push_str(&t.text);
        }
        self.out.push('\n');
        self.line += 1;
        self.prev = None;
        let after = end + 1;
        if tokens.get(after).is_some_and(|t| t.is_punct(Punct::Semi)) { after + 1 } else { after }
    }
}

fn quote_name(s: &str) -> String {
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

/// Whether `a` immediately followed by `b` would lex differently
/// (macro expansion can put such tokens side by side, e.g. `-` `-1`).
fn would_merge(a: &Token, b: &Token) -> bool {
    let (Some(x), Some(y)) = (a.text.chars().last(), b.text.chars().next()) else { return false };
    let wordy = |c: char| c.is_alphanumeric() || c == '_' || c == '$' || !c.is_ascii();
    match a.kind {
        TokKind::Ident => wordy(y) || ((y == '"' || y == '\'') && matches!(&*a.text, "L" | "u" | "U" | "u8")),
        TokKind::Number => wordy(y) || y == '.' || (matches!(y, '+' | '-') && matches!(x, 'e' | 'E' | 'p' | 'P')),
        TokKind::Punct(_) | TokKind::Other => {
            let pair = [x, y];
            let s: String = pair.iter().collect();
            (x == '.' && y.is_ascii_digit())
                || matches!(
                    s.as_str(),
                    "->" | "++"
                        | "--"
                        | "<<"
                        | ">>"
                        | "<="
                        | ">="
                        | "=="
                        | "!="
                        | "&&"
                        | "||"
                        | "*="
                        | "/="
                        | "%="
                        | "+="
                        | "-="
                        | "&="
                        | "^="
                        | "|="
                        | "##"
                        | "<:"
                        | ":>"
                        | "<%"
                        | "%>"
                        | "%:"
                        | ".."
                        | "//"
                        | "/*"
                )
        }
        _ => false,
    }
}
