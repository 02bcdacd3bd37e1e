//! Expressions: parsing from tokens and evaluation to a constant or a
//! symbol plus addend (what a relocation can express).

use crate::lex::Tok;

/// A relocation operator written after a symbol: `foo@PLT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    Plt,
    GotPcRel,
    TpOff,
    GotTpOff,
    TlsGd,
    TlsLd,
    DtpOff,
}

impl Modifier {
    fn parse(s: &str) -> Option<Modifier> {
        Some(match s.to_ascii_lowercase().as_str() {
            "plt" => Modifier::Plt,
            "gotpcrel" => Modifier::GotPcRel,
            "tpoff" => Modifier::TpOff,
            "gottpoff" => Modifier::GotTpOff,
            "tlsgd" => Modifier::TlsGd,
            "tlsld" => Modifier::TlsLd,
            "dtpoff" => Modifier::DtpOff,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Num(i64),
    Sym(String, Option<Modifier>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Bin(char, Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Whether the expression names no symbol (so it is a constant now).
    pub fn is_constant(&self) -> bool {
        match self {
            Expr::Num(_) => true,
            Expr::Sym(..) => false,
            Expr::Neg(e) | Expr::Not(e) => e.is_constant(),
            Expr::Bin(_, a, b) => a.is_constant() && b.is_constant(),
        }
    }
}

/// Parses an expression from `toks[*at..]`, advancing `at`. `here` names
/// the current location (for `.`); `numeric` resolves `1b`/`1f`.
pub struct Parser<'a> {
    pub toks: &'a [Tok],
    pub at: usize,
    pub here: &'a dyn Fn() -> String,
    pub numeric: &'a dyn Fn(u32, bool) -> String,
}

impl Parser<'_> {
    pub fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }
    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    pub fn expr(&mut self) -> Result<Expr, String> {
        self.binary(0)
    }

    /// The binary operator at the cursor: its code in `Expr::Bin`, its
    /// precedence, and how many tokens it takes. Comparisons (`==`, `<>`,
    /// `<=`...) and `&&`/`||` bind loosest, as in GNU as.
    fn operator(&self) -> Option<(char, u8, usize)> {
        let next = self.toks.get(self.at + 1);
        let two = |c: char| next == Some(&Tok::Punct(c));
        Some(match self.peek()? {
            Tok::Punct('|') if two('|') => ('O', 1, 2),
            Tok::Punct('&') if two('&') => ('A', 1, 2),
            Tok::Punct('=') if two('=') => ('E', 2, 2),
            Tok::Punct('!') if two('=') => ('N', 2, 2),
            Tok::Punct('<') if two('>') => ('N', 2, 2),
            Tok::Punct('<') if two('=') => ('L', 2, 2),
            Tok::Punct('>') if two('=') => ('G', 2, 2),
            Tok::Punct('<') => ('l', 2, 1),
            Tok::Punct('>') => ('g', 2, 1),
            Tok::Punct('|') => ('|', 3, 1),
            Tok::Punct('^') => ('^', 4, 1),
            Tok::Punct('&') => ('&', 5, 1),
            Tok::Punct('+') => ('+', 6, 1),
            Tok::Punct('-') => ('-', 6, 1),
            Tok::Punct('*') => ('*', 7, 1),
            Tok::Punct('/') => ('/', 7, 1),
            Tok::Punct('%') => ('%', 7, 1),
            Tok::Shl => ('<', 7, 1),
            Tok::Shr => ('>', 7, 1),
            _ => return None,
        })
    }

    fn binary(&mut self, min_prec: u8) -> Result<Expr, String> {
        let mut lhs = self.unary()?;
        loop {
            let Some((op, prec, len)) = self.operator() else { return Ok(lhs) };
            if prec < min_prec {
                return Ok(lhs);
            }
            self.at += len;
            let rhs = self.binary(prec + 1)?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        let tok = self.peek().cloned().ok_or("expected an expression")?;
        self.at += 1;
        Ok(match tok {
            Tok::Int(v) => Expr::Num(v),
            Tok::Punct('-') => Expr::Neg(Box::new(self.unary()?)),
            Tok::Punct('+') => self.unary()?,
            Tok::Punct('~') => Expr::Not(Box::new(self.unary()?)),
            // Logical not: 1 for zero, else 0.
            Tok::Punct('!') => Expr::Bin('Z', Box::new(self.unary()?), Box::new(Expr::Num(0))),
            Tok::Punct('(') => {
                let e = self.expr()?;
                if !self.eat(')') {
                    return Err("expected ')'".into());
                }
                e
            }
            Tok::NumLabel(n, forward) => Expr::Sym((self.numeric)(n, forward), None),
            Tok::Ident(name) if name == "." => Expr::Sym((self.here)(), None),
            Tok::Ident(name) => {
                let mut modifier = None;
                if self.peek() == Some(&Tok::Punct('@'))
                    && let Some(Tok::Ident(m)) = self.toks.get(self.at + 1)
                {
                    modifier = Some(Modifier::parse(m).ok_or_else(|| format!("unknown relocation operator '@{m}'"))?);
                    self.at += 2;
                }
                Expr::Sym(name, modifier)
            }
            other => return Err(format!("expected an expression, found {}", describe(&other))),
        })
    }
}

pub fn describe(t: &Tok) -> String {
    match t {
        Tok::Ident(s) => format!("'{s}'"),
        Tok::Int(v) => format!("'{v}'"),
        Tok::Str(_) => "a string".into(),
        Tok::Reg(r) => format!("'%{r}'"),
        Tok::NumLabel(n, f) => format!("'{n}{}'", if *f { 'f' } else { 'b' }),
        Tok::Punct(c) => format!("'{c}'"),
        Tok::Shl => "'<<'".into(),
        Tok::Shr => "'>>'".into(),
    }
}

/// Where a symbol is, as far as evaluation is concerned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// In a section of this file, at an offset.
    At(usize, i64),
    Absolute(i64),
    /// Undefined here, or global (references go through a relocation).
    External,
}

/// A symbol reference left in a value.
#[derive(Clone, Debug, PartialEq)]
pub struct SymRef {
    pub name: String,
    pub modifier: Option<Modifier>,
}

/// `plus - minus + addend`, with symbols that did not cancel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Value {
    pub plus: Option<SymRef>,
    pub minus: Option<SymRef>,
    pub addend: i64,
}

impl Value {
    pub fn constant(&self) -> Option<i64> {
        (self.plus.is_none() && self.minus.is_none()).then_some(self.addend)
    }
}

/// Evaluates `e`. `place` says where each symbol is; symbols at known
/// places in the same section cancel, absolute ones fold. A symbol at a
/// known place that does not cancel stays as a reference (its place is the
/// caller's to use).
pub fn eval(e: &Expr, place: &dyn Fn(&str) -> Place) -> Result<Value, String> {
    Ok(match e {
        Expr::Num(v) => Value { addend: *v, ..Default::default() },
        Expr::Sym(name, modifier) => match place(name) {
            Place::Absolute(v) if modifier.is_none() => Value { addend: v, ..Default::default() },
            _ => Value { plus: Some(SymRef { name: name.clone(), modifier: *modifier }), ..Default::default() },
        },
        Expr::Neg(x) => {
            let v = eval(x, place)?;
            match (v.plus, v.minus) {
                (None, None) => Value { addend: v.addend.wrapping_neg(), ..Default::default() },
                (Some(p), None) => Value { plus: None, minus: Some(p), addend: v.addend.wrapping_neg() },
                (None, Some(m)) => Value { plus: Some(m), minus: None, addend: v.addend.wrapping_neg() },
                _ => return Err("expression too complex for a relocation".into()),
            }
        }
        Expr::Not(x) => Value { addend: !constant(&eval(x, place)?)?, ..Default::default() },
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, place)?, eval(b, place)?);
            match op {
                '+' => add(a, b, place)?,
                '-' => {
                    let neg = Value { plus: b.minus, minus: b.plus, addend: b.addend.wrapping_neg() };
                    add(a, neg, place)?
                }
                _ => {
                    let (x, y) = (constant(&a)?, constant(&b)?);
                    let v = match op {
                        '*' => x.wrapping_mul(y),
                        '/' if y == 0 => return Err("division by zero".into()),
                        '/' => x.wrapping_div(y),
                        '%' if y == 0 => return Err("division by zero".into()),
                        '%' => x.wrapping_rem(y),
                        '<' => x.wrapping_shl(y as u32),
                        '>' => x.wrapping_shr(y as u32),
                        '&' => x & y,
                        '|' => x | y,
                        '^' => x ^ y,
                        // Comparisons give -1 for true, logical operators 1.
                        'E' => -((x == y) as i64),
                        'N' => -((x != y) as i64),
                        'l' => -((x < y) as i64),
                        'g' => -((x > y) as i64),
                        'L' => -((x <= y) as i64),
                        'G' => -((x >= y) as i64),
                        'Z' => (x == 0) as i64,
                        'A' => (x != 0 && y != 0) as i64,
                        'O' => (x != 0 || y != 0) as i64,
                        _ => unreachable!("operator {op}"),
                    };
                    Value { addend: v, ..Default::default() }
                }
            }
        }
    })
}

fn constant(v: &Value) -> Result<i64, String> {
    v.constant().ok_or_else(|| "expression is not a constant".into())
}

fn add(a: Value, b: Value, place: &dyn Fn(&str) -> Place) -> Result<Value, String> {
    let take = |x: Option<SymRef>, y: Option<SymRef>| match (x, y) {
        (Some(_), Some(_)) => Err("expression too complex for a relocation".to_string()),
        (x, y) => Ok(x.or(y)),
    };
    let mut v = Value { plus: take(a.plus, b.plus)?, minus: take(a.minus, b.minus)?, addend: a.addend.wrapping_add(b.addend) };
    // Two places in one section cancel.
    if let (Some(p), Some(m)) = (&v.plus, &v.minus)
        && p.modifier.is_none()
        && m.modifier.is_none()
        && let (Place::At(ps, po), Place::At(ms, mo)) = (place(&p.name), place(&m.name))
        && ps == ms
    {
        v.addend = v.addend.wrapping_add(po - mo);
        v.plus = None;
        v.minus = None;
    }
    Ok(v)
}
