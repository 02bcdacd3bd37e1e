//! `#if` constant expressions in intmax_t / uintmax_t arithmetic.

use crate::token::{Punct, TokKind, Token};

#[derive(Clone, Copy)]
struct V {
    v: u64,
    unsigned: bool,
}

impl V {
    fn s(v: i64) -> V {
        V { v: v as u64, unsigned: false }
    }
    fn truth(self) -> bool {
        self.v != 0
    }
}

struct P<'t> {
    t: &'t [Token],
    i: usize,
}

pub fn eval(toks: &[Token]) -> Result<i64, String> {
    if toks.is_empty() {
        return Err("#if with no expression".into());
    }
    let mut p = P { t: toks, i: 0 };
    let v = p.cond(true)?;
    if p.i < toks.len() {
        return Err(format!("missing binary operator before token \"{}\"", toks[p.i].text));
    }
    Ok(v.v as i64)
}

fn prec(p: Punct) -> Option<u8> {
    use Punct::*;
    Some(match p {
        Star | Slash | Percent => 10,
        Plus | Minus => 9,
        Shl | Shr => 8,
        Lt | Gt | Le | Ge => 7,
        EqEq | Ne => 6,
        Amp => 5,
        Caret => 4,
        Pipe => 3,
        AndAnd => 2,
        OrOr => 1,
        _ => return None,
    })
}

impl<'t> P<'t> {
    fn peek(&self) -> Option<&'t Token> {
        self.t.get(self.i)
    }
    fn eat(&mut self, p: Punct) -> bool {
        if self.peek().is_some_and(|t| t.is_punct(p)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// `eval`: false inside the unevaluated arm of && || ?: (no errors for
    /// division by zero there).
    fn cond(&mut self, eval: bool) -> Result<V, String> {
        let c = self.binary(1, eval)?;
        if !self.eat(Punct::Question) {
            return Ok(c);
        }
        let a = self.cond(eval && c.truth())?;
        if !self.eat(Punct::Colon) {
            return Err("expected ':' in #if conditional".into());
        }
        let b = self.cond(eval && !c.truth())?;
        let unsigned = a.unsigned || b.unsigned;
        let r = if c.truth() { a } else { b };
        Ok(V { v: r.v, unsigned })
    }

    fn binary(&mut self, min: u8, eval: bool) -> Result<V, String> {
        let mut l = self.unary(eval)?;
        while let Some(t) = self.peek() {
            let TokKind::Punct(p) = t.kind else { break };
            let Some(pr) = prec(p) else { break };
            if pr < min {
                break;
            }
            self.i += 1;
            if p == Punct::AndAnd || p == Punct::OrOr {
                let short = if p == Punct::AndAnd { !l.truth() } else { l.truth() };
                let r = self.binary(pr + 1, eval && !short)?;
                let v = if p == Punct::AndAnd { l.truth() && r.truth() } else { l.truth() || r.truth() };
                l = V::s(v as i64);
                continue;
            }
            let r = self.binary(pr + 1, eval)?;
            l = apply(p, l, r, eval)?;
        }
        Ok(l)
    }

    fn unary(&mut self, eval: bool) -> Result<V, String> {
        let Some(t) = self.peek() else { return Err("#if expression ends early".into()) };
        self.i += 1;
        match t.kind {
            TokKind::Punct(Punct::Minus) => {
                let v = self.unary(eval)?;
                Ok(V { v: v.v.wrapping_neg(), unsigned: v.unsigned })
            }
            TokKind::Punct(Punct::Plus) => self.unary(eval),
            TokKind::Punct(Punct::Tilde) => {
                let v = self.unary(eval)?;
                Ok(V { v: !v.v, unsigned: v.unsigned })
            }
            TokKind::Punct(Punct::Bang) => {
                let v = self.unary(eval)?;
                Ok(V::s(!v.truth() as i64))
            }
            TokKind::Punct(Punct::LParen) => {
                let v = self.cond(eval)?;
                if !self.eat(Punct::RParen) {
                    return Err("missing ')' in #if expression".into());
                }
                Ok(v)
            }
            TokKind::Number => number(&t.text),
            TokKind::Char => Ok(V::s(char_value(&t.text))),
            // Identifiers left after expansion are 0 (`true`/`false` too in C).
            TokKind::Ident => Ok(V::s(0)),
            _ => Err(format!("token \"{}\" is not valid in preprocessor expressions", t.text)),
        }
    }
}

fn apply(p: Punct, l: V, r: V, eval: bool) -> Result<V, String> {
    use Punct::*;
    let unsigned = l.unsigned || r.unsigned;
    let (a, b) = (l.v, r.v);
    let cmp = |x: bool| Ok(V::s(x as i64));
    match p {
        Star => Ok(V { v: a.wrapping_mul(b), unsigned }),
        Slash | Percent => {
            if b == 0 {
                if eval {
                    return Err("division by zero in #if".into());
                }
                return Ok(V { v: 0, unsigned });
            }
            let v = if unsigned {
                if p == Slash { a / b } else { a % b }
            } else {
                let (x, y) = (a as i64, b as i64);
                (if p == Slash { x.wrapping_div(y) } else { x.wrapping_rem(y) }) as u64
            };
            Ok(V { v, unsigned })
        }
        Plus => Ok(V { v: a.wrapping_add(b), unsigned }),
        Minus => Ok(V { v: a.wrapping_sub(b), unsigned }),
        Shl => Ok(V { v: a.wrapping_shl(b as u32), unsigned: l.unsigned }),
        Shr => Ok(V { v: if l.unsigned { a.wrapping_shr(b as u32) } else { ((a as i64).wrapping_shr(b as u32)) as u64 }, unsigned: l.unsigned }),
        Lt => cmp(if unsigned { a < b } else { (a as i64) < (b as i64) }),
        Gt => cmp(if unsigned { a > b } else { (a as i64) > (b as i64) }),
        Le => cmp(if unsigned { a <= b } else { (a as i64) <= (b as i64) }),
        Ge => cmp(if unsigned { a >= b } else { (a as i64) >= (b as i64) }),
        EqEq => cmp(a == b),
        Ne => cmp(a != b),
        Amp => Ok(V { v: a & b, unsigned }),
        Caret => Ok(V { v: a ^ b, unsigned }),
        Pipe => Ok(V { v: a | b, unsigned }),
        _ => Err("bad operator in #if".into()),
    }
}

fn number(s: &str) -> Result<V, String> {
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.contains('u');
    let digits = lower.trim_end_matches(['u', 'l']);
    let (radix, body) = if let Some(h) = digits.strip_prefix("0x") {
        (16, h)
    } else if let Some(b) = digits.strip_prefix("0b") {
        (2, b)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    let v = u64::from_str_radix(body, radix).map_err(|_| format!("invalid integer \"{s}\" in #if"))?;
    Ok(V { v, unsigned: unsigned || (radix != 10 && v > i64::MAX as u64) || v > i64::MAX as u64 })
}

fn char_value(s: &str) -> i64 {
    let body = s.trim_start_matches(['L', 'u', 'U', '8']).trim_matches('\'');
    let b = body.as_bytes();
    if b.first() == Some(&b'\\') && b.len() > 1 {
        return match b[1] {
            b'n' => 10,
            b't' => 9,
            b'r' => 13,
            b'0'..=b'7' => i64::from_str_radix(&body[1..], 8).unwrap_or(0),
            b'x' => i64::from_str_radix(&body[2..], 16).unwrap_or(0),
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            c => c as i64,
        };
    }
    b.first().map(|&c| c as i8 as i64).unwrap_or(0)
}
