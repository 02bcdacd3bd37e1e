//! `.intel_syntax` operands (GNU as's Intel dialect, as `gcc -masm=intel`
//! writes it): registers without `%` (with `%` unless `noprefix`),
//! `QWORD PTR sym[rip]`, `[rbp-8]`, `[rax+rcx*4+16]`, `fs:[0]`,
//! `OFFSET FLAT:sym`, immediates without `$`. Operands come in Intel
//! order already. A bare symbol is a memory operand (except as a branch
//! target), a bare number an immediate, as in GNU as.

use super::Asm;
use crate::expr::Expr;
use crate::lex::Tok;
use crate::x86::{self, Mem, Operand};
use iced_x86::Register;

/// An Intel operand and the size its `PTR` keyword gives (bytes).
pub(super) struct IntelOperand {
    pub operand: Operand,
    pub size: Option<u32>,
}

fn ptr_size(word: &str) -> Option<u32> {
    Some(match word {
        "byte" => 1,
        "word" => 2,
        "dword" => 4,
        "fword" => 6,
        "qword" => 8,
        "tbyte" | "xword" => 10,
        "oword" | "xmmword" => 16,
        "ymmword" => 32,
        "zmmword" => 64,
        _ => return None,
    })
}

impl Asm {
    fn intel_register(&self, toks: &[Tok], at: &mut usize) -> Option<Register> {
        let name = match toks.get(*at)? {
            Tok::Reg(r) => r.clone(),
            Tok::Ident(n) if self.intel_noprefix => n.to_ascii_lowercase(),
            _ => return None,
        };
        if name == "st" {
            *at += 1;
            if let (Some(Tok::Punct('(')), Some(Tok::Int(n)), Some(Tok::Punct(')'))) = (toks.get(*at), toks.get(*at + 1), toks.get(*at + 2))
                && (0..8).contains(n)
            {
                *at += 3;
                return x86::register(&format!("st{n}"));
            }
            return x86::register("st0");
        }
        let r = x86::register(&name)?;
        *at += 1;
        Some(r)
    }

    /// One operand in Intel syntax.
    pub(super) fn intel_operand(&mut self, toks: &[Tok], at: &mut usize) -> Result<IntelOperand, String> {
        let word = |t: Option<&Tok>| match t {
            Some(Tok::Ident(w)) => Some(w.to_ascii_lowercase()),
            _ => None,
        };
        // `[QWORD PTR 16[rbx]]` (gcc writes indirect calls so): the
        // brackets around the whole operand add nothing.
        if toks.get(*at) == Some(&Tok::Punct('[')) && word(toks.get(*at + 1)).as_deref().and_then(ptr_size).is_some() {
            *at += 1;
            let inner = self.intel_operand(toks, at)?;
            if toks.get(*at) != Some(&Tok::Punct(']')) {
                return Err("expected ']' after the operand".into());
            }
            *at += 1;
            return Ok(inner);
        }
        // `QWORD PTR ...`
        let mut size = None;
        if let Some(s) = word(toks.get(*at)).as_deref().and_then(ptr_size) {
            size = Some(s);
            *at += 1;
            if word(toks.get(*at)).as_deref() == Some("ptr") {
                *at += 1;
            }
        }
        // `OFFSET FLAT:sym`: the address as an immediate.
        if word(toks.get(*at)).as_deref() == Some("offset") {
            *at += 1;
            if word(toks.get(*at)).as_deref() == Some("flat") && toks.get(*at + 1) == Some(&Tok::Punct(':')) {
                *at += 2;
            }
            let e = self.parse_expr(toks, at)?;
            return Ok(IntelOperand { operand: Operand::Imm(e), size });
        }
        if word(toks.get(*at)).as_deref() == Some("flat") && toks.get(*at + 1) == Some(&Tok::Punct(':')) {
            *at += 2;
        }
        let start = *at;
        if let Some(r) = self.intel_register(toks, at) {
            if toks.get(*at) == Some(&Tok::Punct(':')) {
                // `fs:[...]` or `fs:0x28`.
                *at += 1;
                let mut m = self.intel_memory(toks, at)?;
                // `ds:` is the default: GNU as writes no prefix for it.
                m.segment = if r == Register::DS { Register::None } else { r };
                return Ok(IntelOperand { operand: Operand::Mem(m), size });
            }
            return Ok(IntelOperand { operand: Operand::Reg(r), size });
        }
        *at = start;
        let m = self.intel_memory(toks, at)?;
        let bracketed = toks[start..*at].contains(&Tok::Punct('['));
        if !bracketed && size.is_none() {
            // A bare expression: an immediate when it is a number, else a
            // symbol (memory, or a branch target).
            let e = m.disp.unwrap_or(Expr::Num(0));
            let constant = crate::expr::eval(&e, &|n| self.place_now(n)).ok().and_then(|v| v.constant());
            return Ok(IntelOperand { operand: if constant.is_some() { Operand::Imm(e) } else { Operand::Target(e) }, size });
        }
        Ok(IntelOperand { operand: Operand::Mem(m), size })
    }

    /// `disp[base+index*scale+disp]` with any part optional, or a bare
    /// displacement.
    fn intel_memory(&mut self, toks: &[Tok], at: &mut usize) -> Result<Mem, String> {
        let mut m = Mem { segment: Register::None, base: Register::None, index: Register::None, scale: 1, disp: None };
        let mut disp: Vec<Expr> = Vec::new();
        if toks.get(*at) != Some(&Tok::Punct('[')) {
            disp.push(self.parse_expr(toks, at)?);
        }
        while toks.get(*at) == Some(&Tok::Punct('[')) {
            *at += 1;
            let mut negative = false;
            loop {
                match toks.get(*at) {
                    Some(Tok::Punct(']')) => {
                        *at += 1;
                        break;
                    }
                    Some(Tok::Punct('+')) => {
                        *at += 1;
                        negative = false;
                        continue;
                    }
                    Some(Tok::Punct('-')) => {
                        *at += 1;
                        negative = true;
                        continue;
                    }
                    None => return Err("expected ']' in memory operand".into()),
                    _ => {}
                }
                let before = *at;
                if let Some(r) = self.intel_register(toks, at) {
                    // `rcx*4`
                    if toks.get(*at) == Some(&Tok::Punct('*')) {
                        *at += 1;
                        let e = self.parse_term(toks, at)?;
                        m.index = r;
                        m.scale = self.constant(&e)? as u32;
                    } else if m.base == Register::None && r != Register::None {
                        m.base = r;
                    } else {
                        m.index = r;
                    }
                    continue;
                }
                *at = before;
                // `4*rcx`, or a displacement term.
                let e = self.parse_term(toks, at)?;
                if toks.get(*at) == Some(&Tok::Punct('*')) {
                    *at += 1;
                    let r = self.intel_register(toks, at).ok_or("expected an index register after '*'")?;
                    m.index = r;
                    m.scale = self.constant(&e)? as u32;
                    continue;
                }
                disp.push(if negative { Expr::Neg(Box::new(e)) } else { e });
            }
        }
        if ![1, 2, 4, 8].contains(&m.scale) {
            return Err(format!("scale factor {} is not 1, 2, 4 or 8", m.scale));
        }
        m.disp = disp.into_iter().reduce(|a, b| Expr::Bin('+', Box::new(a), Box::new(b)));
        Ok(m)
    }

    /// One additive term inside brackets: an expression that stops at `+`,
    /// `-`, `*` and `]` (so `rbp-8` splits into `rbp` and `8`).
    fn parse_term(&mut self, toks: &[Tok], at: &mut usize) -> Result<Expr, String> {
        let end = toks[*at..]
            .iter()
            .enumerate()
            .position(|(k, t)| k > 0 && matches!(t, Tok::Punct('+' | '-' | '*' | ']')))
            .map_or(toks.len(), |k| *at + k);
        let mut sub = *at;
        let e = self.parse_expr(&toks[..end], &mut sub)?;
        *at = sub;
        Ok(e)
    }
}
