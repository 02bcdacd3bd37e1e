//! `strip`: remove debugging sections and symbols from objects and linked
//! files, as GNU strip does for `-s` (the default), `-g`
//! (`--strip-debug`) and `--strip-unneeded`, with `-R` (remove a section),
//! `-K` (keep a symbol) and `-N` (strip a symbol). The rewriting itself is
//! `rewrite.rs`'s; this module decides what goes.

use crate::Error;
use crate::elf::*;
use crate::rewrite::{Plan, Symbols, rewrite};
use std::collections::HashSet;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Every symbol and debugging section (`-s`, the default).
    #[default]
    All,
    /// Debugging sections and symbols (`-g`, `-S`, `-d`).
    Debug,
    /// Debugging sections and the symbols relocations do not need.
    Unneeded,
    /// Sections only (objcopy without a strip option).
    Nothing,
    /// `-x`: local symbols relocations do not need.
    DiscardLocals,
    /// `-X`: compiler-generated local labels (`.L...`) relocations do not need.
    DiscardLabels,
}

#[derive(Default, Clone)]
pub struct Options {
    pub mode: Mode,
    pub remove_sections: Vec<String>,
    pub keep_symbols: Vec<String>,
    pub strip_symbols: Vec<String>,
}

/// Symbols that a kept relocation section refers to.
pub(crate) fn reloc_needed(elf: &Elf, remove: &[bool]) -> Result<HashSet<u32>, Error> {
    let mut needed = HashSet::new();
    for s in elf.sections.iter().filter(|s| (s.kind == SHT_REL || s.kind == SHT_RELA) && !s.is_alloc() && !remove[s.index]) {
        if remove.get(s.info as usize).copied().unwrap_or(false) || elf.sections.get(s.link as usize).is_none_or(|t| t.kind != SHT_SYMTAB) {
            continue;
        }
        for r in elf.relocs_in(s)? {
            needed.insert(r.sym);
        }
    }
    // A group's signature symbol is needed as long as the group is.
    for s in elf.sections.iter().filter(|s| s.kind == SHT_GROUP && !remove[s.index]) {
        needed.insert(s.info);
    }
    Ok(needed)
}

/// The rewrite plan for `o` (objcopy builds on it).
pub fn plan(elf: &Elf, o: &Options) -> Result<Plan, Error> {
    let mut p = Plan::new(elf);
    for s in &elf.sections {
        let debug = s.is_debug() && matches!(o.mode, Mode::All | Mode::Debug | Mode::Unneeded | Mode::DiscardLocals);
        if debug || o.remove_sections.contains(&s.name) {
            p.remove[s.index] = true;
        }
    }
    // GNU strip leaves an object without a symbol table without its
    // relocations and groups too.
    if o.mode == Mode::All && elf.is_relocatable() {
        for s in &elf.sections {
            if (s.kind == SHT_REL || s.kind == SHT_RELA || s.kind == SHT_GROUP) && !s.is_alloc() {
                p.remove[s.index] = true;
            }
        }
    }
    let syms = elf.symbols()?;
    let named = |s: &Symbol, list: &[String]| !s.name.is_empty() && list.contains(&s.name);
    let needed = reloc_needed(elf, &p.remove)?;
    let keep: Vec<bool> = match o.mode {
        Mode::Nothing | Mode::DiscardLocals | Mode::DiscardLabels => vec![true; syms.len()],
        Mode::All => syms.iter().map(|s| named(s, &o.keep_symbols)).collect(),
        // Section symbols survive only where relocations use them.
        Mode::Debug => {
            syms.iter().enumerate().map(|(i, s)| s.kind != STT_FILE && (s.kind != STT_SECTION || needed.contains(&(i as u32)))).collect()
        }
        Mode::Unneeded => syms
            .iter()
            .enumerate()
            .map(|(i, s)| {
                named(s, &o.keep_symbols)
                    || needed.contains(&(i as u32))
                    || elf.is_relocatable() && s.bind != STB_LOCAL && s.shndx != SHN_UNDEF
            })
            .collect(),
    };
    let keep: Vec<bool> = match o.mode {
        // GNU keeps file and section symbols (those of removed debugging
        // sections go with them) and what relocations use.
        Mode::DiscardLocals => syms
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.bind != STB_LOCAL || matches!(s.kind, STT_FILE | STT_SECTION) || needed.contains(&(i as u32)) || named(s, &o.keep_symbols)
            })
            .collect(),
        Mode::DiscardLabels => syms
            .iter()
            .enumerate()
            .map(|(i, s)| !(s.bind == STB_LOCAL && s.name.starts_with(".L") && !needed.contains(&(i as u32))))
            .collect(),
        _ => keep,
    };
    let keep: Vec<bool> = syms.iter().zip(keep).map(|(s, k)| k && !named(s, &o.strip_symbols)).collect();
    p.symbols = if keep.iter().skip(1).any(|&k| k) || o.mode != Mode::All && o.mode != Mode::Unneeded {
        if keep.iter().all(|&k| k) { Symbols::All } else { Symbols::Keep(keep) }
    } else {
        Symbols::Drop
    };
    Ok(p)
}

/// The stripped file.
pub fn strip(elf: &Elf, o: &Options) -> Result<Vec<u8>, Error> {
    rewrite(elf, &plan(elf, o)?)
}
