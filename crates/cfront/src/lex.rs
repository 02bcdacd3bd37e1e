//! The lexer: source text → tokens (with line splices and comments removed).

use crate::diag::Diags;
use crate::source::{FileId, Loc};
use crate::token::{Punct, TokKind, Token, BOL, SPACE};
use std::rc::Rc;

/// Splits `text` into preprocessing tokens, ending with `Eof`.
pub fn tokenize(file: FileId, text: &str, diags: &mut Diags) -> Vec<Token> {
    let mut lx = Lexer { b: text.as_bytes(), text, i: 0, line: 1, col: 1, file, out: Vec::new() };
    lx.run(diags);
    lx.out
}

struct Lexer<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
    line: u32,
    col: u32,
    file: FileId,
    out: Vec<Token>,
}

impl<'a> Lexer<'a> {
    /// Skips backslash-newline splices at the cursor.
    fn splice(&mut self) {
        while self.i + 1 < self.b.len() && self.b[self.i] == b'\\' {
            let mut j = self.i + 1;
            if self.b[j] == b'\r' && j + 1 < self.b.len() && self.b[j + 1] == b'\n' {
                j += 1;
            }
            if self.b[j] != b'\n' {
                return;
            }
            self.i = j + 1;
            self.line += 1;
            self.col = 1;
        }
    }
    fn peek(&mut self) -> u8 {
        self.splice();
        *self.b.get(self.i).unwrap_or(&0)
    }
    /// The byte after the current one (splices inside are rare; handled by
    /// peek-after-bump in the callers that care).
    fn peek2(&self) -> u8 {
        let mut j = self.i + 1;
        while j + 1 < self.b.len() && self.b[j] == b'\\' && self.b[j + 1] == b'\n' {
            j += 2;
        }
        *self.b.get(j).unwrap_or(&0)
    }
    fn bump(&mut self) -> u8 {
        self.splice();
        let c = *self.b.get(self.i).unwrap_or(&0);
        self.i += 1;
        if c == b'\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        c
    }

    fn run(&mut self, diags: &mut Diags) {
        let mut flags = BOL;
        loop {
            let c = self.peek();
            if self.i >= self.b.len() {
                break;
            }
            match c {
                b'\n' => {
                    self.bump();
                    flags = BOL;
                    continue;
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
                    self.bump();
                    flags |= SPACE;
                    continue;
                }
                b'/' if self.peek2() == b'/' => {
                    while self.i < self.b.len() && self.peek() != b'\n' {
                        self.bump();
                    }
                    flags |= SPACE;
                    continue;
                }
                b'/' if self.peek2() == b'*' => {
                    let loc = self.loc();
                    self.bump();
                    self.bump();
                    let mut closed = false;
                    while self.i < self.b.len() {
                        let c = self.bump();
                        if c == b'*' && self.peek() == b'/' {
                            self.bump();
                            closed = true;
                            break;
                        }
                    }
                    if !closed {
                        diags.error(loc, "unterminated comment");
                    }
                    flags |= SPACE;
                    continue;
                }
                _ => {}
            }
            let loc = self.loc();
            let start = self.i;
            let kind = self.token(c, diags, loc);
            let text = self.spelling(start);
            self.out.push(Token { kind, text, loc, flags, hideset: 0 });
            flags = 0;
        }
        let loc = self.loc();
        self.out.push(Token { kind: TokKind::Eof, text: "".into(), loc, flags: BOL, hideset: 0 });
    }

    fn loc(&self) -> Loc {
        Loc { file: self.file, line: self.line, col: self.col }
    }

    /// The token's text with any line splices removed.
    fn spelling(&self, start: usize) -> Rc<str> {
        let raw = &self.text[start..self.i];
        if raw.contains('\\') && (raw.contains("\\\n") || raw.contains("\\\r\n")) {
            raw.replace("\\\r\n", "").replace("\\\n", "").into()
        } else {
            raw.into()
        }
    }

    fn token(&mut self, c: u8, diags: &mut Diags, loc: Loc) -> TokKind {
        // Literal prefixes: L, u, U, u8.
        if matches!(c, b'L' | b'u' | b'U') {
            let save = (self.i, self.line, self.col);
            self.bump();
            if c == b'u' && self.peek() == b'8' {
                self.bump();
            }
            let q = self.peek();
            if q == b'"' || q == b'\'' {
                return self.quoted(q, diags, loc);
            }
            (self.i, self.line, self.col) = save;
        }
        if c == b'_' || c.is_ascii_alphabetic() || c == b'$' || c >= 0x80 {
            while {
                let c = self.peek();
                c == b'_' || c.is_ascii_alphanumeric() || c == b'$' || c >= 0x80
            } {
                self.bump();
            }
            return TokKind::Ident;
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek2().is_ascii_digit()) {
            self.bump();
            loop {
                let c = self.peek();
                if matches!(c, b'e' | b'E' | b'p' | b'P') && matches!(self.peek2(), b'+' | b'-') {
                    self.bump();
                    self.bump();
                } else if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || (c == b'\'' && self.peek2().is_ascii_alphanumeric()) {
                    self.bump();
                } else {
                    break;
                }
            }
            return TokKind::Number;
        }
        if c == b'"' || c == b'\'' {
            return self.quoted(c, diags, loc);
        }
        self.punct(c)
    }

    fn quoted(&mut self, q: u8, diags: &mut Diags, loc: Loc) -> TokKind {
        self.bump();
        loop {
            let c = self.peek();
            if self.i >= self.b.len() || c == b'\n' {
                let what = if q == b'"' { "string literal" } else { "character constant" };
                diags.error(loc, format!("missing terminating {} character", if q == b'"' { '"' } else { '\'' }));
                let _ = what;
                break;
            }
            self.bump();
            if c == b'\\' {
                if self.i < self.b.len() && self.peek() != b'\n' {
                    self.bump();
                }
            } else if c == q {
                break;
            }
        }
        if q == b'"' { TokKind::Str } else { TokKind::Char }
    }

    fn punct(&mut self, c: u8) -> TokKind {
        use Punct::*;
        self.bump();
        let n = self.peek();
        let two = |s: &mut Self, p: Punct| {
            s.bump();
            TokKind::Punct(p)
        };
        let p = match (c, n) {
            (b'[', _) => LBracket,
            (b']', _) => RBracket,
            (b'(', _) => LParen,
            (b')', _) => RParen,
            (b'{', _) => LBrace,
            (b'}', _) => RBrace,
            (b'.', b'.') if self.peek2() == b'.' => {
                self.bump();
                self.bump();
                Ellipsis
            }
            (b'.', _) => Dot,
            (b'-', b'>') => return two(self, Arrow),
            (b'-', b'-') => return two(self, MinusMinus),
            (b'-', b'=') => return two(self, SubAssign),
            (b'-', _) => Minus,
            (b'+', b'+') => return two(self, PlusPlus),
            (b'+', b'=') => return two(self, AddAssign),
            (b'+', _) => Plus,
            (b'&', b'&') => return two(self, AndAnd),
            (b'&', b'=') => return two(self, AndAssign),
            (b'&', _) => Amp,
            (b'*', b'=') => return two(self, MulAssign),
            (b'*', _) => Star,
            (b'~', _) => Tilde,
            (b'!', b'=') => return two(self, Ne),
            (b'!', _) => Bang,
            (b'/', b'=') => return two(self, DivAssign),
            (b'/', _) => Slash,
            (b'%', b'=') => return two(self, ModAssign),
            (b'%', b'>') => return two(self, RBrace),
            (b'%', b':') => {
                self.bump();
                if self.peek() == b'%' && self.peek2() == b':' {
                    self.bump();
                    self.bump();
                    HashHash
                } else {
                    Hash
                }
            }
            (b'%', _) => Percent,
            (b'<', b'<') => {
                self.bump();
                if self.peek() == b'=' {
                    self.bump();
                    ShlAssign
                } else {
                    Shl
                }
            }
            (b'<', b'=') => return two(self, Le),
            (b'<', b':') => return two(self, LBracket),
            (b'<', b'%') => return two(self, LBrace),
            (b'<', _) => Lt,
            (b'>', b'>') => {
                self.bump();
                if self.peek() == b'=' {
                    self.bump();
                    ShrAssign
                } else {
                    Shr
                }
            }
            (b'>', b'=') => return two(self, Ge),
            (b'>', _) => Gt,
            (b':', b'>') => return two(self, RBracket),
            (b':', _) => Colon,
            (b'=', b'=') => return two(self, EqEq),
            (b'=', _) => Assign,
            (b'^', b'=') => return two(self, XorAssign),
            (b'^', _) => Caret,
            (b'|', b'|') => return two(self, OrOr),
            (b'|', b'=') => return two(self, OrAssign),
            (b'|', _) => Pipe,
            (b'?', _) => Question,
            (b';', _) => Semi,
            (b',', _) => Comma,
            (b'#', b'#') => return two(self, HashHash),
            (b'#', _) => Hash,
            _ => {
                // Consume the rest of a multi-byte UTF-8 character.
                return TokKind::Other;
            }
        };
        TokKind::Punct(p)
    }
}
