//! `addr2line`: addresses to `file:line` through the DWARF line table
//! (DWARF 4 and 5, via gimli), with GNU addr2line's `-f` function names
//! (from DWARF, else the symbol table), `-i` inline chains, `-a`, `-p` and
//! `-s` output forms.

use crate::Error;
use crate::dwarf::{self, DebugData, Row, Scope};
use crate::elf::{Elf, STT_FUNC, STT_GNU_IFUNC, Symbol};

#[derive(Default, Clone)]
pub struct Options {
    pub functions: bool,
    pub inlines: bool,
    pub addresses: bool,
    pub pretty: bool,
    pub basenames: bool,
}

/// A file's line table and scopes, read once for many lookups.
pub struct Index {
    /// Rows sorted by address; `end_sequence` rows close a range.
    rows: Vec<Row>,
    scopes: Vec<Scope>,
    symbols: Vec<Symbol>,
}

impl Index {
    pub fn new(elf: &Elf) -> Result<Index, Error> {
        let data = DebugData::new(elf)?;
        let d = data.dwarf();
        let mut rows = dwarf::line_rows(&elf.name, &d)?;
        // Sequences sort by start; rows within one keep their order, so
        // sorting stably by address keeps each sequence's end after its rows.
        rows.sort_by_key(|r| r.addr);
        let scopes = dwarf::scopes(&elf.name, &d)?;
        let mut symbols: Vec<Symbol> = elf.symbols()?.into_iter().filter(|s| (s.kind == STT_FUNC || s.kind == STT_GNU_IFUNC) && s.shndx != 0).collect();
        symbols.sort_by_key(|s| s.value);
        Ok(Index { rows, scopes, symbols })
    }

    /// The row covering `addr`: the last row at or below it, unless that
    /// row ends its sequence.
    fn row(&self, addr: u64) -> Option<&Row> {
        let n = self.rows.partition_point(|r| r.addr <= addr);
        // Several rows may share an address (an end_sequence and the next
        // sequence's start): the last non-end one at the greatest address wins.
        let mut i = n;
        while i > 0 {
            let r = &self.rows[i - 1];
            if !r.end_sequence {
                return Some(r);
            }
            if r.addr < addr {
                return None;
            }
            i -= 1;
            if self.rows[i.saturating_sub(1)].addr != r.addr {
                return None;
            }
        }
        None
    }

    /// The scopes covering `addr`, innermost first.
    fn chain(&self, addr: u64) -> Vec<&Scope> {
        let mut v: Vec<&Scope> = self.scopes.iter().filter(|s| s.low <= addr && addr < s.high).collect();
        v.sort_by(|a, b| b.depth.cmp(&a.depth));
        v
    }

    fn symbol_name(&self, addr: u64) -> Option<&str> {
        let n = self.symbols.partition_point(|s| s.value <= addr);
        let s = self.symbols.get(n.checked_sub(1)?)?;
        (addr < s.value.saturating_add(s.size.max(1))).then_some(s.name.as_str())
    }

    /// The answer for one address, formatted as GNU addr2line prints it.
    pub fn lookup(&self, addr: u64, o: &Options) -> String {
        let shorten = |f: &str| -> String { if o.basenames { f.rsplit('/').next().unwrap_or(f).to_string() } else { f.to_string() } };
        let location = match self.row(addr) {
            Some(r) if !r.file.is_empty() => {
                let mut s = format!("{}:{}", shorten(&r.file), if r.line == 0 { "?".to_string() } else { r.line.to_string() });
                if r.discriminator != 0 {
                    s.push_str(&format!(" (discriminator {})", r.discriminator));
                }
                s
            }
            _ => "??:0".to_string(),
        };
        let chain = self.chain(addr);
        let func = match chain.first() {
            Some(s) if !s.name.is_empty() => s.name.clone(),
            _ => self.symbol_name(addr).unwrap_or("??").to_string(),
        };
        let mut out = String::new();
        if o.addresses {
            out.push_str(&format!("0x{addr:016x}"));
            out.push(if o.pretty { ':' } else { '\n' });
            if o.pretty {
                out.push(' ');
            }
        }
        let entry = |func: &str, loc: &str, out: &mut String, first: bool| {
            if o.pretty {
                if !first {
                    out.push_str(" (inlined by) ");
                }
                if o.functions {
                    out.push_str(&format!("{func} at {loc}\n"));
                } else {
                    out.push_str(&format!("{loc}\n"));
                }
            } else {
                if o.functions {
                    out.push_str(func);
                    out.push('\n');
                }
                out.push_str(loc);
                out.push('\n');
            }
        };
        entry(&func, &location, &mut out, true);
        if o.inlines {
            // Each inlined scope's call site is a line in the scope around it.
            for w in chain.windows(2) {
                let (inner, outer) = (w[0], w[1]);
                if inner.call_file.is_empty() {
                    break;
                }
                let loc = format!("{}:{}", shorten(&inner.call_file), inner.call_line);
                entry(&outer.name, &loc, &mut out, false);
            }
        }
        out
    }
}

/// Parses an address as addr2line does: hex, with or without `0x`.
pub fn parse_address(s: &str) -> Option<u64> {
    let t = s.trim();
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(t);
    u64::from_str_radix(t, 16).ok()
}
