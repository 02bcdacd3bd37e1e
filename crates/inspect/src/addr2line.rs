//! `addr2line`: addresses to `file:line` through the DWARF line table
//! (DWARF 4 and 5, via gimli), with GNU addr2line's `-f` function names
//! (from DWARF, else the symbol table), `-i` inline chains, `-a`, `-p` and
//! `-s` output forms.

use crate::Error;
use crate::dwarf::{self, DebugData, Row, Scope};
use crate::elf::{Elf, STB_LOCAL, STT_FILE, STT_FUNC, STT_GNU_IFUNC, Symbol};

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
    /// Function symbols by address, each with the source file its local
    /// symbols sit under (the last `STT_FILE` before it), for addresses
    /// without DWARF.
    symbols: Vec<(Symbol, Option<String>)>,
    /// (start, end) of each section, by index, at the addresses the DWARF
    /// was read with (see [`dwarf::section_bases`]).
    sections: Vec<(u64, u64)>,
    /// An object's allocated sections in order: (base, size). An address is
    /// looked up in the first that holds it, as GNU addr2line does.
    object_sections: Vec<(u64, u64)>,
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
        let bases = dwarf::section_bases(elf);
        let mut symbols = Vec::new();
        let mut file = None;
        let all = elf.symbols()?;
        // With one source file (a file symbol before every other symbol)
        // the file covers the globals too; with several it cannot, since
        // the globals follow all the locals.
        let first_other = all.iter().skip(1).position(|s| s.kind != STT_FILE).unwrap_or(usize::MAX);
        let single_file = !all.iter().skip(1).skip(first_other).any(|s| s.kind == STT_FILE);
        for mut s in all {
            s.value = s.value.wrapping_add(bases.get(s.shndx as usize).copied().unwrap_or(0));
            if s.kind == STT_FILE {
                file = Some(s.name.clone());
            } else if (s.kind == STT_FUNC || s.kind == STT_GNU_IFUNC) && s.shndx != 0 {
                let f = if s.bind == STB_LOCAL || single_file { file.clone() } else { None };
                symbols.push((s, f));
            }
        }
        // Stable: among symbols at one address the first in the table
        // is the one GNU addr2line names.
        symbols.sort_by_key(|s| s.0.value);
        let sections = elf.sections.iter().map(|s| (s.addr + bases[s.index], (s.addr + bases[s.index]).saturating_add(s.size))).collect();
        let object_sections = if elf.is_relocatable() {
            elf.sections.iter().filter(|s| s.is_alloc() && s.size > 0).map(|s| (bases[s.index], s.size)).collect()
        } else {
            Vec::new()
        };
        Ok(Index { rows, scopes, symbols, sections, object_sections })
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
        v.sort_by_key(|s| std::cmp::Reverse(s.depth));
        v
    }

    /// The function symbol before `addr` in the section holding both; as
    /// with GNU addr2line, its size does not limit it.
    fn symbol(&self, addr: u64) -> Option<&(Symbol, Option<String>)> {
        let n = self.symbols.partition_point(|s| s.0.value <= addr);
        let value = self.symbols.get(n.checked_sub(1)?)?.0.value;
        let s = &self.symbols[self.symbols.partition_point(|s| s.0.value < value)];
        let (start, end) = *self.sections.get(s.0.shndx as usize)?;
        (start <= addr && addr < end).then_some(s)
    }

    /// The answer for one address, formatted as GNU addr2line prints it.
    pub fn lookup(&self, shown: u64, o: &Options) -> String {
        // In an object every section starts at 0: the first that holds the
        // address is the one meant.
        let addr = match self.object_sections.iter().find(|(_, size)| shown < *size) {
            Some((base, _)) => base + shown,
            // In no section of an object: nothing is there.
            None if !self.object_sections.is_empty() => u64::MAX,
            None => shown,
        };
        let shorten = |f: &str| -> String { if o.basenames { f.rsplit('/').next().unwrap_or(f).to_string() } else { f.to_string() } };
        let location = match self.row(addr) {
            Some(r) if !r.file.is_empty() => {
                let mut s = format!("{}:{}", shorten(&r.file), if r.line == 0 { "?".to_string() } else { r.line.to_string() });
                if r.discriminator != 0 {
                    s.push_str(&format!(" (discriminator {})", r.discriminator));
                }
                s
            }
            // Without a line, GNU names the symbol's file (or `??`) and `?`.
            _ => match self.symbol(addr) {
                Some((_, file)) => format!("{}:?", file.as_deref().map_or("??".to_string(), shorten)),
                None => "??:0".to_string(),
            },
        };
        let chain = self.chain(addr);
        let func = match chain.first() {
            Some(s) if !s.name.is_empty() => s.name.clone(),
            _ => self.symbol(addr).map_or("??".to_string(), |s| s.0.name.clone()),
        };
        let mut out = String::new();
        if o.addresses {
            out.push_str(&format!("0x{shown:016x}"));
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
                if o.functions && func == "??" {
                    out.push_str(&format!("?? {loc}\n"));
                } else if o.functions {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_hex_with_or_without_prefix() {
        assert_eq!(parse_address("0x1139"), Some(0x1139));
        assert_eq!(parse_address("1139"), Some(0x1139));
        assert_eq!(parse_address(" 0XfF\n"), Some(0xff));
        assert_eq!(parse_address("main"), None);
    }
}
