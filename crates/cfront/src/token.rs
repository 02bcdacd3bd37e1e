//! Tokens shared by the lexer, the preprocessor and the parser.

use crate::source::Loc;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Punct {
    LBracket,
    RBracket,
    LParen,
    RParen,
    LBrace,
    RBrace,
    Dot,
    Arrow,
    PlusPlus,
    MinusMinus,
    Amp,
    Star,
    Plus,
    Minus,
    Tilde,
    Bang,
    Slash,
    Percent,
    Shl,
    Shr,
    Lt,
    Gt,
    Le,
    Ge,
    EqEq,
    Ne,
    Caret,
    Pipe,
    AndAnd,
    OrOr,
    Question,
    Colon,
    Semi,
    Ellipsis,
    Assign,
    MulAssign,
    DivAssign,
    ModAssign,
    AddAssign,
    SubAssign,
    ShlAssign,
    ShrAssign,
    AndAssign,
    XorAssign,
    OrAssign,
    Comma,
    Hash,
    HashHash,
}

impl Punct {
    pub fn spelling(self) -> &'static str {
        use Punct::*;
        match self {
            LBracket => "[",
            RBracket => "]",
            LParen => "(",
            RParen => ")",
            LBrace => "{",
            RBrace => "}",
            Dot => ".",
            Arrow => "->",
            PlusPlus => "++",
            MinusMinus => "--",
            Amp => "&",
            Star => "*",
            Plus => "+",
            Minus => "-",
            Tilde => "~",
            Bang => "!",
            Slash => "/",
            Percent => "%",
            Shl => "<<",
            Shr => ">>",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            EqEq => "==",
            Ne => "!=",
            Caret => "^",
            Pipe => "|",
            AndAnd => "&&",
            OrOr => "||",
            Question => "?",
            Colon => ":",
            Semi => ";",
            Ellipsis => "...",
            Assign => "=",
            MulAssign => "*=",
            DivAssign => "/=",
            ModAssign => "%=",
            AddAssign => "+=",
            SubAssign => "-=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndAssign => "&=",
            XorAssign => "^=",
            OrAssign => "|=",
            Comma => ",",
            Hash => "#",
            HashHash => "##",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TokKind {
    /// Identifier or keyword (the parser tells them apart).
    Ident,
    /// A preprocessing number, spelled as written (`0x1fULL`, `1.5e+3f`).
    Number,
    /// A character constant with its prefix and quotes (`'a'`, `L'\n'`).
    Char,
    /// A string literal with its prefix and quotes (`"a\n"`, `u8"x"`).
    Str,
    Punct(Punct),
    /// A byte that forms no other token (e.g. a stray `@` or `$`...).
    Other,
    Eof,
}

/// Token flag: first token on its line (directives start with these).
pub const BOL: u8 = 1;
/// Token flag: preceded by whitespace (for `-E` output and stringizing).
pub const SPACE: u8 = 2;

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: TokKind,
    /// The spelling of the token.
    pub text: Rc<str>,
    /// Where the token was written (for macro expansions: where the macro
    /// was invoked, so diagnostics point at user code).
    pub loc: Loc,
    pub flags: u8,
    /// Preprocessor hideset id (0 = empty); meaningless after preprocessing.
    pub hideset: u32,
}

impl Token {
    pub fn is_punct(&self, p: Punct) -> bool {
        self.kind == TokKind::Punct(p)
    }
    pub fn is_ident(&self, s: &str) -> bool {
        self.kind == TokKind::Ident && &*self.text == s
    }
    pub fn has_space(&self) -> bool {
        self.flags & SPACE != 0
    }
    pub fn at_bol(&self) -> bool {
        self.flags & BOL != 0
    }
}
