//! Address → symbol lookup for objdump's disassembly (`<sym+0xoff>`
//! annotations and per-symbol headers), and the `-t` symbol table and `-r`
//! relocation listings.

use crate::Error;
use crate::elf::*;
use std::collections::HashMap;
use std::fmt::Write;

/// One symbol a disassembly may name.
#[derive(Clone, Debug)]
pub struct Label {
    pub addr: u64,
    pub name: String,
    /// Higher wins among labels at one address.
    pub rank: u8,
    /// Larger wins after rank.
    pub size: u64,
    /// Symbol-table order decides the last ties.
    pub index: usize,
}

/// Labels per section, sorted by address, best label first among equals.
pub struct SymbolMap {
    by_section: HashMap<usize, Vec<Label>>,
    /// Whether addresses are section-relative (a relocatable object), so a
    /// lookup stays in the section being disassembled.
    relocatable: bool,
    /// Every label by address, for lookups that cross
    /// section boundaries as GNU objdump's do.
    all: Vec<Label>,
    /// Whether the file has a static symbol table.
    has_symtab: bool,
    /// Section addresses, names and sizes, for addresses no symbol covers.
    section_names: HashMap<usize, (u64, String, u64)>,
    /// Dynamic relocation targets (GOT slots) with their symbol names, which
    /// GNU objdump prefers for addresses in executables.
    pub slots: HashMap<u64, super::plt::Slot>,
}

/// GNU objdump's preference among symbols at one address (its
/// `compare_symbols`): functions, then objects, then non-local, then
/// global; the name breaks ties (see [`order`]). An IFUNC symbol counts as
/// neither function nor object, as in BFD.
fn rank(s: &Symbol) -> u8 {
    let func = u8::from(s.kind == STT_FUNC);
    let object = u8::from(s.kind == STT_OBJECT);
    let nonlocal = u8::from(s.bind != STB_LOCAL);
    let global = u8::from(s.bind == STB_GLOBAL || s.bind == STB_GNU_UNIQUE);
    func * 8 + object * 4 + nonlocal * 2 + global
}

/// Address, then rank, then names starting with '.' last, then larger
/// first, then by name
/// (without any version suffix), then table order.
fn order(a: &Label, b: &Label) -> std::cmp::Ordering {
    let bare = |l: &Label| l.name.split('@').next().unwrap_or("").to_string();
    a.addr
        .cmp(&b.addr)
        .then(b.rank.cmp(&a.rank))
        .then(a.name.starts_with('.').cmp(&b.name.starts_with('.')))
        .then(b.size.cmp(&a.size))
        .then_with(|| bare(a).cmp(&bare(b)))
        .then(a.index.cmp(&b.index))
}

impl SymbolMap {
    pub fn new(elf: &Elf) -> Result<SymbolMap, Error> {
        let mut syms = elf.symbols()?;
        // Without a static table (a stripped program), the dynamic one names
        // what it can, with version suffixes.
        let mut versioned = Vec::new();
        if syms.is_empty()
            && let Some(d) = elf.section_of_type(SHT_DYNSYM)
        {
            syms = elf.symbols_in(d)?;
            versioned = super::plt::dynamic_names(elf, &syms);
        }
        let mut by_section: HashMap<usize, Vec<Label>> = HashMap::new();
        for (i, s) in syms.iter().enumerate().skip(1) {
            // Section and file symbols never name an address: GNU objdump
            // falls back to the section's own name instead.
            if s.kind == STT_FILE || s.kind == STT_SECTION || s.shndx == SHN_UNDEF || s.shndx >= 0xff00 && s.shndx != SHN_ABS {
                continue;
            }
            let name = versioned.get(i).cloned().unwrap_or_else(|| elf.symbol_name(s));
            by_section.entry(s.shndx as usize).or_default().push(Label { addr: s.value, name, rank: rank(s), size: s.size, index: i });
        }
        let plt = super::plt::synthetic(elf)?;
        for (sec, label) in plt.labels {
            by_section.entry(sec).or_default().push(label);
        }
        for v in by_section.values_mut() {
            // Stable: among equal rank the symbol-table order decides.
            v.sort_by(order);
        }
        // Absolute symbols name addresses too in a linked file; an object's
        // symbols of every section serve addresses outside the current one.
        let relocatable = elf.is_relocatable();
        let mut all: Vec<Label> = by_section
            .iter()
            .filter(|(k, _)| relocatable || **k == SHN_ABS as usize || elf.sections.get(**k).is_some_and(|s| s.is_alloc()))
            .flat_map(|(_, v)| v.iter().cloned())
            .collect();
        all.sort_by(order);
        let section_names = elf.sections.iter().map(|s| (s.index, (s.addr, s.name.clone(), s.size))).collect();
        let has_symtab = elf.section_of_type(SHT_SYMTAB).is_some();
        Ok(SymbolMap { by_section, relocatable: elf.is_relocatable(), all, has_symtab, section_names, slots: plt.slots })
    }

    pub fn labels(&self, section: usize) -> &[Label] {
        self.by_section.get(&section).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The best label at or before `addr` in `section`.
    fn in_section(&self, section: usize, addr: u64) -> Option<&Label> {
        best_at_or_before(self.labels(section), addr)
    }

    /// The header GNU objdump prints where disassembly starts at `addr`:
    /// the label there or before it, else the next one (a negative offset),
    /// else the section's name.
    pub fn header(&self, section: usize, addr: u64) -> String {
        if let Some(l) = self.in_section(section, addr) {
            return with_offset(&l.name, addr.wrapping_sub(l.addr) as i64);
        }
        if let Some(l) = self.labels(section).iter().find(|l| l.addr > addr) {
            return with_offset(&l.name, addr.wrapping_sub(l.addr) as i64);
        }
        self.section_fallback(section, addr)
    }

    fn section_fallback(&self, section: usize, addr: u64) -> String {
        match self.section_names.get(&section) {
            Some((base, name, _)) => with_offset(name, addr.wrapping_sub(*base) as i64),
            None => String::new(),
        }
    }

    /// `<sym+0xoff>` for an address, looked up as GNU objdump does: in the
    /// current section for objects, in the section containing it otherwise.
    pub fn describe(&self, section: usize, addr: u64) -> Option<String> {
        if !self.relocatable {
            match self.slots.get(&addr) {
                // PLT labels (index usize::MAX) are not symbols of the file.
                Some(s) if s.quiet_in_functions && !self.has_symtab && self.labels(section).iter().any(|l| l.index != usize::MAX) => {}
                Some(s) => match s.value {
                    None => return Some(format!("<{}>", s.name)),
                    Some(v) => return Some(with_offset(&s.name, addr.wrapping_sub(v) as i64)),
                },
                None => {}
            }
        }
        // In an object, an address inside the current section is named
        // from its symbols (or the section); one outside it from any.
        let inside = self.section_names.get(&section).is_some_and(|(base, _, size)| addr >= *base && addr - base < *size);
        let found = if self.relocatable && inside { self.in_section(section, addr) } else { best_at_or_before(&self.all, addr) };
        match found {
            Some(l) => Some(with_offset(&l.name, addr.wrapping_sub(l.addr) as i64)),
            None if self.relocatable => Some(self.section_fallback(section, addr)),
            // Below every symbol: the first one above, at a negative offset.
            None => self.all.first().map(|l| with_offset(&l.name, addr.wrapping_sub(l.addr) as i64)),
        }
    }
}

fn best_at_or_before(v: &[Label], addr: u64) -> Option<&Label> {
    let n = v.partition_point(|l| l.addr <= addr);
    if n == 0 {
        return None;
    }
    let at = v[n - 1].addr;
    let first = v.partition_point(|l| l.addr < at);
    Some(&v[first])
}

/// `<name>`, `<name+0x10>` or `<name-0x10>`.
pub fn with_offset(name: &str, off: i64) -> String {
    match off {
        0 => format!("<{name}>"),
        o if o < 0 => format!("<{name}-0x{:x}>", o.unsigned_abs()),
        o => format!("<{name}+0x{o:x}>"),
    }
}

/// The seven flag characters of `objdump -t` (`dynamic` 'D' for `-T`,
/// where every symbol is marked dynamic).
pub fn symbol_flags(s: &Symbol, dynamic: char) -> String {
    let bind = match (s.bind, s.shndx) {
        (STB_GNU_UNIQUE, _) => 'u',
        (_, SHN_UNDEF) | (_, SHN_COMMON) => ' ',
        (STB_LOCAL, _) => 'l',
        (STB_GLOBAL, _) => 'g',
        (STB_WEAK, _) => ' ',
        _ => '!',
    };
    let weak = if s.bind == STB_WEAK { 'w' } else { ' ' };
    let indirect = if s.kind == STT_GNU_IFUNC { 'i' } else { ' ' };
    let debug = match s.kind {
        _ if dynamic == 'D' => 'D',
        STT_SECTION | STT_FILE => 'd',
        _ => ' ',
    };
    let kind = match s.kind {
        STT_FUNC => 'F',
        STT_OBJECT => 'O',
        STT_FILE => 'f',
        _ => ' ',
    };
    format!("{bind}{weak}  {indirect}{debug}{kind}")
}

/// `objdump -t`: every symbol in table order (the null entry left out).
pub fn symbol_table(elf: &Elf, out: &mut String) -> Result<(), Error> {
    let Some(table) = elf.section_of_type(SHT_SYMTAB) else {
        out.push_str("SYMBOL TABLE:\nno symbols\n\n\n");
        return Ok(());
    };
    out.push_str("SYMBOL TABLE:\n");
    // A file with symbol versions gets an (empty) version column.
    let version_column = if elf.section_of_type(0x6fff_ffff).is_some() { format!("{:12} ", "") } else { String::new() };
    for s in elf.symbols_in(table)?.iter().skip(1) {
        let value = s.value;
        // A common symbol's value is its alignment, shown as its size too.
        let size = if s.shndx == SHN_COMMON { s.value } else { s.size };
        let vis = match s.other & 3 {
            1 => ".internal ",
            2 => ".hidden ",
            3 => ".protected ",
            _ => "",
        };
        let _ = writeln!(
            out,
            "{value:016x} {} {}\t{size:016x} {version_column}{vis}{}",
            symbol_flags(s, ' '),
            elf.shndx_name(s.shndx),
            elf.symbol_name(s)
        );
    }
    out.push_str("\n\n");
    Ok(())
}

/// The VALUE column of a relocation: symbol (or section) name and addend.
pub fn reloc_target(elf: &Elf, syms: &[Symbol], r: &Reloc, wide_addend: bool) -> String {
    let mut s = match syms.get(r.sym as usize) {
        Some(sym) if r.sym != 0 => elf.symbol_name(sym),
        _ => "*ABS*".to_string(),
    };
    if r.addend != 0 || r.sym == 0 {
        let (sign, mag) = if r.addend < 0 { ('-', r.addend.unsigned_abs()) } else { ('+', r.addend as u64) };
        if wide_addend {
            let _ = write!(s, "{sign}0x{mag:016x}");
        } else {
            let _ = write!(s, "{sign}0x{mag:x}");
        }
    }
    s
}

/// The symbols a relocation section refers to.
pub fn reloc_symbols(elf: &Elf, rel: &Section) -> Result<Vec<Symbol>, Error> {
    match elf.sections.get(rel.link as usize) {
        Some(t) if t.kind == SHT_SYMTAB || t.kind == SHT_DYNSYM => elf.symbols_in(t),
        _ => Ok(Vec::new()),
    }
}

/// `objdump -r`: the relocations of each section of an object.
pub fn relocations(elf: &Elf, only: &[String], out: &mut String) -> Result<(), Error> {
    if !elf.is_relocatable() {
        return Ok(());
    }
    for target in elf.bfd_sections() {
        if !only.is_empty() && !only.contains(&target.name) {
            continue;
        }
        for rel in elf.reloc_sections_for(target.index) {
            let syms = reloc_symbols(elf, rel)?;
            let _ = writeln!(out, "RELOCATION RECORDS FOR [{}]:", target.name);
            out.push_str("OFFSET           TYPE              VALUE\n");
            for r in elf.relocs_in(rel)? {
                let _ = writeln!(out, "{:016x} {:<16}  {}", r.offset, reloc_name(r.kind), reloc_target(elf, &syms, &r, true));
            }
            out.push_str("\n\n");
        }
    }
    Ok(())
}
