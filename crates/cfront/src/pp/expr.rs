//! `#if` constant expressions in intmax_t / uintmax_t arithmetic.

use crate::source::Loc;
use crate::token::{Punct, TokKind, Token};

/// An error message and, when known, the token it is about.
pub type Error = (String, Option<Loc>);

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

/// Evaluates a macro-expanded `#if` expression (`defined` already resolved;
/// identifiers left are 0).
pub fn eval(toks: &[Token]) -> Result<i64, Error> {
    if toks.is_empty() {
        return Err(("#if with no expression".into(), None));
    }
    let mut p = P { t: toks, i: 0 };
    let v = p.comma(true).map_err(|m| (m, p.t.get(p.i.saturating_sub(1)).map(|t| t.loc)))?;
    if p.i < toks.len() {
        let t = &toks[p.i];
        return Err((format!("missing binary operator before token \"{}\"", t.text), Some(t.loc)));
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

    /// `a, b` (gcc accepts the comma operator in #if).
    fn comma(&mut self, eval: bool) -> Result<V, String> {
        let mut v = self.cond(eval)?;
        while self.eat(Punct::Comma) {
            v = self.cond(eval)?;
        }
        Ok(v)
    }

    /// `eval`: false inside the unevaluated arm of && || ?: (no errors for
    /// division by zero there).
    fn cond(&mut self, eval: bool) -> Result<V, String> {
        let c = self.binary(1, eval)?;
        if !self.eat(Punct::Question) {
            return Ok(c);
        }
        let a = self.comma(eval && c.truth())?;
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
                let v = self.comma(eval)?;
                if !self.eat(Punct::RParen) {
                    return Err("missing ')' in #if expression".into());
                }
                Ok(v)
            }
            TokKind::Number => number(&t.text),
            TokKind::Char => char_value(&t.text).map(V::s),
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
        Shr => Ok(V {
            v: if l.unsigned { a.wrapping_shr(b as u32) } else { ((a as i64).wrapping_shr(b as u32)) as u64 },
            unsigned: l.unsigned,
        }),
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
    if lower.contains('.') || (!lower.starts_with("0x") && lower.contains('e')) || lower.contains('p') {
        return Err("floating constant in preprocessor expression".into());
    }
    let digits = lower.trim_end_matches(['u', 'l']);
    let suffix = &lower[digits.len()..];
    if !matches!(suffix, "" | "u" | "l" | "ul" | "lu" | "ll" | "ull" | "llu") {
        return Err(format!("invalid suffix \"{}\" on integer constant", &s[digits.len()..]));
    }
    let (radix, body) = crate::lex::split_radix(digits);
    let v = u64::from_str_radix(body, radix).map_err(|e| match e.kind() {
        std::num::IntErrorKind::PosOverflow => "integer constant is too large for its type".to_string(),
        _ => format!("invalid integer constant \"{s}\" in #if"),
    })?;
    // Too big for intmax_t: the constant is unsigned (as gcc does).
    Ok(V { v, unsigned: suffix.contains('u') || v > i64::MAX as u64 })
}

/// The value of a character constant: plain ones are `char` (signed),
/// multi-character ones pack bytes big-endian into an `int`; `L`/`u`/`U`
/// ones are the code point of their (last) character.
fn char_value(s: &str) -> Result<i64, String> {
    let prefix = s.find('\'').unwrap_or(0);
    let wide = prefix > 0 && !s.starts_with("u8");
    let body = &s[prefix + 1..s.len().saturating_sub(1).max(prefix + 1)];
    let units = decode_chars(body, wide);
    if units.is_empty() {
        return Err("empty character constant".into());
    }
    if wide {
        let v = *units.last().unwrap();
        // wchar_t (L) is a signed 32-bit int; char16_t/char32_t are unsigned.
        return Ok(if s.starts_with('L') { v as i32 as i64 } else { v as i64 });
    }
    if units.len() == 1 {
        return Ok(units[0] as u8 as i8 as i64);
    }
    let packed = units.iter().fold(0u32, |acc, &b| (acc << 8) | (b & 0xff));
    Ok(packed as i32 as i64)
}

/// The values of the characters (escapes decoded) in a literal's body:
/// UTF-8 bytes for narrow literals, code points for wide ones.
fn decode_chars(body: &str, wide: bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut it = body.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            if wide || c.is_ascii() {
                out.push(c as u32);
            } else {
                let mut buf = [0u8; 4];
                out.extend(c.encode_utf8(&mut buf).bytes().map(u32::from));
            }
            continue;
        }
        let Some(e) = it.next() else { break };
        let v = match e {
            'n' => 10,
            't' => 9,
            'r' => 13,
            'a' => 7,
            'b' => 8,
            'f' => 12,
            'v' => 11,
            'e' | 'E' => 27,
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap();
                for _ in 0..2 {
                    match it.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                v
            }
            'x' | 'u' | 'U' => {
                let mut v: u32 = 0;
                while let Some(d) = it.peek().and_then(|d| d.to_digit(16)) {
                    v = v.wrapping_mul(16).wrapping_add(d);
                    it.next();
                }
                v
            }
            c => c as u32,
        };
        out.push(v);
    }
    out
}
