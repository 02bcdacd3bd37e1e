//! The lexer: source text → preprocessing tokens (line splices and comments
//! removed, `BOL`/`SPACE` flags set, `Eof` last).
//!
//! Speed matters (a 9 MB amalgamation is lexed on every compile), so the
//! lexer works on bytes with tight loops, computes columns from the offset
//! of the line start instead of counting per byte, and interns the spelling
//! of identifiers, numbers and punctuators so repeated names share one
//! allocation.
//!
//! Unterminated character constants and string literals are not diagnosed
//! here: like gcc, they become an [`TokKind::Other`] token holding the rest
//! of the line, and the preprocessor reports them only if they reach the
//! parser (an apostrophe in `#if 0` text or in `#error don't` is fine).
//! [`is_unterminated_literal`] recognises such tokens.

use crate::diag::Diags;
use crate::source::{FileId, Loc};
use crate::token::{BOL, Punct, SPACE, TokKind, Token};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

thread_local! {
    /// Whether `$` may appear in identifiers (GNU C), which it may not in
    /// assembly (`movl $SYS_exit, %eax` must expand `SYS_exit`). Set per
    /// preprocessing run on this thread (`set_dollar_identifiers`).
    static DOLLAR_IDENTIFIERS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Sets whether `$` continues identifiers for later `tokenize` calls on
/// this thread; returns the previous setting.
pub fn set_dollar_identifiers(on: bool) -> bool {
    DOLLAR_IDENTIFIERS.with(|d| d.replace(on))
}

/// Splits `text` into preprocessing tokens, ending with `Eof`.
pub fn tokenize(file: FileId, text: &str, diags: &mut Diags) -> Vec<Token> {
    let mut lx = Lexer {
        dollar: DOLLAR_IDENTIFIERS.with(|d| d.get()),
        b: text.as_bytes(),
        text,
        i: 0,
        line: 1,
        line_start: 0,
        splices: 0,
        file,
        out: Vec::with_capacity(text.len() / 6),
        names: HashMap::default(),
    };
    // A UTF-8 byte order mark is not part of the program.
    if text.starts_with('\u{feff}') {
        lx.i = 3;
        lx.line_start = 3;
    }
    lx.run(diags);
    lx.out
}

/// Whether `t` is an unterminated character constant or string literal
/// (see the module comment), and which quote it misses.
pub fn is_unterminated_literal(t: &Token) -> Option<char> {
    if t.kind != TokKind::Other {
        return None;
    }
    let s = t.text.trim_start_matches(['L', 'U', 'u', '8']);
    match s.as_bytes().first() {
        Some(b'"') => Some('"'),
        Some(b'\'') => Some('\''),
        _ => None,
    }
}

/// A fast, non-cryptographic hasher (multiply-rotate over 8-byte words)
/// for the lexer's and the preprocessor's string-keyed tables.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn mix(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.mix(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.mix(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

struct Lexer<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
    line: u32,
    /// Offset where the current physical line starts (columns derive from it).
    line_start: usize,
    /// Number of line splices skipped so far (a token whose lexing skipped
    /// one needs its spelling rebuilt).
    splices: u32,
    file: FileId,
    out: Vec<Token>,
    /// Interned spellings, so `int` or `0` share one allocation.
    names: FastMap<&'a str, Rc<str>>,
    /// `$` continues identifiers (not in assembly).
    dollar: bool,
}

impl Lexer<'_> {
    fn is_ident_byte(&self, c: u8) -> bool {
        c.is_ascii_alphanumeric() || c == b'_' || (c == b'$' && self.dollar) || c >= 0x80
    }
}

impl<'a> Lexer<'a> {
    /// Length of a backslash-newline splice at `j` (0 if none).
    #[inline]
    fn splice_len(&self, j: usize) -> usize {
        let b = self.b;
        if b.get(j) != Some(&b'\\') {
            return 0;
        }
        match b.get(j + 1) {
            Some(b'\n') => 2,
            Some(b'\r') if b.get(j + 2) == Some(&b'\n') => 3,
            _ => 0,
        }
    }

    /// The byte at the cursor after skipping line splices (0 at the end).
    #[inline]
    fn cur(&mut self) -> u8 {
        loop {
            match self.b.get(self.i) {
                Some(b'\\') => {
                    let n = self.splice_len(self.i);
                    if n == 0 {
                        return b'\\';
                    }
                    self.i += n;
                    self.line += 1;
                    self.line_start = self.i;
                    self.splices += 1;
                }
                Some(&c) => return c,
                None => return 0,
            }
        }
    }

    /// The byte after the one at the cursor (splices skipped, nothing consumed).
    fn peek_after(&self) -> u8 {
        let mut j = self.i + 1;
        loop {
            let n = self.splice_len(j);
            if n == 0 {
                return *self.b.get(j).unwrap_or(&0);
            }
            j += n;
        }
    }

    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    fn loc(&self) -> Loc {
        Loc { file: self.file, line: self.line, col: (self.i - self.line_start + 1) as u32 }
    }

    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
        self.line_start = self.i;
    }

    fn run(&mut self, diags: &mut Diags) {
        let mut flags = BOL;
        loop {
            let c = self.cur();
            if self.at_end() {
                break;
            }
            match c {
                b'\n' => {
                    self.newline();
                    flags = BOL;
                    continue;
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
                    self.i += 1;
                    flags |= SPACE;
                    continue;
                }
                b'/' => match self.peek_after() {
                    b'/' => {
                        self.line_comment();
                        flags |= SPACE;
                        continue;
                    }
                    b'*' => {
                        self.block_comment(diags);
                        flags |= SPACE;
                        continue;
                    }
                    _ => {}
                },
                _ => {}
            }
            let loc = self.loc();
            let start = self.i;
            let splices = self.splices;
            let kind = self.token(c);
            let text = self.spelling(start, splices != self.splices, kind);
            self.out.push(Token { kind, text, loc, flags, hideset: 0 });
            flags = 0;
        }
        let loc = self.loc();
        self.out.push(Token { kind: TokKind::Eof, text: "".into(), loc, flags: BOL, hideset: 0 });
    }

    /// Skips `// ...` up to (not including) the newline; a splice continues it.
    fn line_comment(&mut self) {
        while !self.at_end() {
            match self.b[self.i] {
                b'\n' => return,
                b'\\' if self.splice_len(self.i) > 0 => {
                    self.cur();
                }
                _ => self.i += 1,
            }
        }
    }

    fn block_comment(&mut self, diags: &mut Diags) {
        let loc = self.loc();
        self.cur(); // `/`
        self.i += 1;
        self.cur(); // `*`
        self.i += 1;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\n' => self.newline(),
                b'*' => {
                    self.i += 1;
                    if self.cur() == b'/' {
                        self.i += 1;
                        return;
                    }
                }
                _ => self.i += 1,
            }
        }
        diags.error(loc, "unterminated comment");
    }

    /// The token's text: interned when short and splice-free.
    fn spelling(&mut self, start: usize, spliced: bool, kind: TokKind) -> Rc<str> {
        let raw = &self.text[start..self.i];
        if spliced {
            return raw.replace("\\\r\n", "").replace("\\\n", "").into();
        }
        if kind == TokKind::Str || raw.len() > 32 {
            return raw.into();
        }
        if let Some(s) = self.names.get(raw) {
            return s.clone();
        }
        let s: Rc<str> = raw.into();
        self.names.insert(raw, s.clone());
        s
    }

    fn token(&mut self, c: u8) -> TokKind {
        match c {
            b'L' | b'U' | b'u' => {
                if let Some(k) = self.prefixed_literal(c) {
                    return k;
                }
                self.ident()
            }
            b'"' | b'\'' => self.quoted(c),
            b'0'..=b'9' => self.number(),
            b'.' if self.peek_after().is_ascii_digit() => self.number(),
            c if self.is_ident_byte(c) => self.ident(),
            _ => self.punct(c),
        }
    }

    fn ident(&mut self) -> TokKind {
        self.i += 1;
        loop {
            // Tight loop over plain identifier bytes; `cur` handles splices.
            while self.i < self.b.len() && self.is_ident_byte(self.b[self.i]) {
                self.i += 1;
            }
            let c = self.cur();
            if !self.is_ident_byte(c) {
                return TokKind::Ident;
            }
        }
    }

    /// `L'x'`, `u"..."`, `U'x'`, `u8"..."`; None when the prefix is just
    /// the start of an identifier.
    fn prefixed_literal(&mut self, c: u8) -> Option<TokKind> {
        let save = (self.i, self.line, self.line_start, self.splices);
        self.i += 1;
        if c == b'u' && self.cur() == b'8' {
            self.i += 1;
        }
        let q = self.cur();
        if q == b'"' || q == b'\'' {
            return Some(self.quoted(q));
        }
        (self.i, self.line, self.line_start, self.splices) = save;
        None
    }

    /// A pp-number: digit or `.digit`, then identifier bytes, dots, and
    /// signs right after `e E p P`.
    fn number(&mut self) -> TokKind {
        self.i += 1;
        loop {
            let c = self.cur();
            if matches!(c, b'e' | b'E' | b'p' | b'P') {
                self.i += 1;
                if matches!(self.cur(), b'+' | b'-') {
                    self.i += 1;
                }
            } else if self.is_ident_byte(c) || c == b'.' {
                self.i += 1;
            } else {
                return TokKind::Number;
            }
        }
    }

    /// A literal from its opening quote. Without a closing quote on the
    /// line, the rest of the line becomes an `Other` token.
    fn quoted(&mut self, q: u8) -> TokKind {
        self.i += 1;
        loop {
            while self.i < self.b.len() && !matches!(self.b[self.i], b'\\' | b'\n' | b'"' | b'\'') {
                self.i += 1;
            }
            let c = self.cur();
            if self.at_end() || c == b'\n' {
                return TokKind::Other;
            }
            self.i += 1;
            if c == b'\\' {
                // The escaped character (a splice in between is skipped).
                let e = self.cur();
                if !self.at_end() && e != b'\n' {
                    self.i += if e.is_ascii() { 1 } else { utf8_len(e) };
                }
            } else if c == q {
                return if q == b'"' { TokKind::Str } else { TokKind::Char };
            }
        }
    }

    fn punct(&mut self, c: u8) -> TokKind {
        use Punct::*;
        self.i += 1;
        let n = self.cur();
        let p = match (c, n) {
            (b'[', _) => LBracket,
            (b']', _) => RBracket,
            (b'(', _) => LParen,
            (b')', _) => RParen,
            (b'{', _) => LBrace,
            (b'}', _) => RBrace,
            (b'.', b'.') if self.peek_after() == b'.' => {
                self.i += 1;
                self.cur();
                self.i += 1;
                Ellipsis
            }
            (b'.', _) => Dot,
            (b'-', b'>') => {
                self.i += 1;
                Arrow
            }
            (b'-', b'-') => {
                self.i += 1;
                MinusMinus
            }
            (b'-', b'=') => {
                self.i += 1;
                SubAssign
            }
            (b'-', _) => Minus,
            (b'+', b'+') => {
                self.i += 1;
                PlusPlus
            }
            (b'+', b'=') => {
                self.i += 1;
                AddAssign
            }
            (b'+', _) => Plus,
            (b'&', b'&') => {
                self.i += 1;
                AndAnd
            }
            (b'&', b'=') => {
                self.i += 1;
                AndAssign
            }
            (b'&', _) => Amp,
            (b'*', b'=') => {
                self.i += 1;
                MulAssign
            }
            (b'*', _) => Star,
            (b'~', _) => Tilde,
            (b'!', b'=') => {
                self.i += 1;
                Ne
            }
            (b'!', _) => Bang,
            (b'/', b'=') => {
                self.i += 1;
                DivAssign
            }
            (b'/', _) => Slash,
            (b'%', b'=') => {
                self.i += 1;
                ModAssign
            }
            (b'%', b'>') => {
                self.i += 1;
                RBrace
            }
            (b'%', b':') => {
                self.i += 1;
                if self.cur() == b'%' && self.peek_after() == b':' {
                    self.i += 1;
                    self.cur();
                    self.i += 1;
                    HashHash
                } else {
                    Hash
                }
            }
            (b'%', _) => Percent,
            (b'<', b'<') => {
                self.i += 1;
                if self.cur() == b'=' {
                    self.i += 1;
                    ShlAssign
                } else {
                    Shl
                }
            }
            (b'<', b'=') => {
                self.i += 1;
                Le
            }
            (b'<', b':') => {
                self.i += 1;
                LBracket
            }
            (b'<', b'%') => {
                self.i += 1;
                LBrace
            }
            (b'<', _) => Lt,
            (b'>', b'>') => {
                self.i += 1;
                if self.cur() == b'=' {
                    self.i += 1;
                    ShrAssign
                } else {
                    Shr
                }
            }
            (b'>', b'=') => {
                self.i += 1;
                Ge
            }
            (b'>', _) => Gt,
            (b':', b'>') => {
                self.i += 1;
                RBracket
            }
            (b':', _) => Colon,
            (b'=', b'=') => {
                self.i += 1;
                EqEq
            }
            (b'=', _) => Assign,
            (b'^', b'=') => {
                self.i += 1;
                XorAssign
            }
            (b'^', _) => Caret,
            (b'|', b'|') => {
                self.i += 1;
                OrOr
            }
            (b'|', b'=') => {
                self.i += 1;
                OrAssign
            }
            (b'|', _) => Pipe,
            (b'?', _) => Question,
            (b';', _) => Semi,
            (b',', _) => Comma,
            (b'#', b'#') => {
                self.i += 1;
                HashHash
            }
            (b'#', _) => Hash,
            // A stray byte (`@`, a backquote, a lone backslash, NUL...).
            _ => return TokKind::Other,
        };
        TokKind::Punct(p)
    }
}

/// Length of the UTF-8 sequence starting with byte `c` (1 for stray bytes).
fn utf8_len(c: u8) -> usize {
    match c {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

/// Splits an integer literal's digits (lower-case, no suffix) into its radix
/// and the digits proper: `0x1f` → (16, "1f"), `0b101`, `017` (octal), `42`.
pub fn split_radix(digits: &str) -> (u32, &str) {
    if let Some(h) = digits.strip_prefix("0x") {
        (16, h)
    } else if let Some(b) = digits.strip_prefix("0b") {
        (2, b)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    }
}
