//! `objcopy`: copy an ELF file with sections selected (`-j`), removed
//! (`-R`), added (`--add-section`), debugging stripped, or only the
//! debugging kept (`--only-keep-debug`); or write the raw memory image
//! (`-O binary`). Built on `strip`'s plans and `rewrite.rs`.

use crate::Error;
use crate::elf::*;
use crate::rewrite::{Symbols, rewrite};
use crate::strip::{self, Mode};

#[derive(Default, Clone)]
pub struct Options {
    pub strip: strip::Options,
    /// `-j`: keep only these sections (with the tables they need).
    pub only: Vec<String>,
    pub add: Vec<(String, Vec<u8>)>,
    pub only_keep_debug: bool,
}

/// An ELF-to-ELF copy.
pub fn copy(elf: &Elf, o: &Options) -> Result<Vec<u8>, Error> {
    let mut p = strip::plan(elf, &o.strip)?;
    if !o.only.is_empty() {
        for s in &elf.sections {
            let table = matches!(s.kind, SHT_SYMTAB | SHT_STRTAB | SHT_SYMTAB_SHNDX) && !s.is_alloc();
            let reloc_of_kept = matches!(s.kind, SHT_REL | SHT_RELA)
                && !s.is_alloc()
                && elf.sections.get(s.info as usize).is_some_and(|t| o.only.contains(&t.name));
            if s.index != 0 && !table && !reloc_of_kept && !o.only.contains(&s.name) {
                p.remove[s.index] = true;
            }
        }
    }
    if o.only_keep_debug {
        // GNU keeps every header and the non-allocated sections; loaded
        // sections other than notes lose their bytes.
        for s in &elf.sections {
            if s.is_alloc() && s.kind != SHT_NOTE && s.has_contents() {
                p.nobits[s.index] = true;
            }
        }
        p.fresh_layout = true;
    }
    if !o.only.is_empty() {
        // Only symbols of kept sections survive, and what kept relocations use.
        let needed = strip::reloc_needed(elf, &p.remove)?;
        let syms = elf.symbols()?;
        let keep = syms
            .iter()
            .enumerate()
            .map(|(i, s)| {
                needed.contains(&(i as u32)) || s.shndx != SHN_UNDEF && (s.shndx as usize) < p.remove.len() && !p.remove[s.shndx as usize]
            })
            .collect();
        p.symbols = Symbols::Keep(keep);
    }
    for (name, _) in &o.add {
        if elf.section_by_name(name).is_some_and(|s| !p.remove[s.index]) {
            return Err(Error::new(&elf.name, format!("can't add section '{name}': a section of that name already exists")));
        }
    }
    p.add = o.add.clone();
    rewrite(elf, &p)
}

/// `-O binary`: the bytes of the loaded sections at their load addresses,
/// from the lowest to the end of the highest, gaps zero-filled.
pub fn to_binary(elf: &Elf, o: &Options) -> Result<Vec<u8>, Error> {
    if o.only_keep_debug || !o.add.is_empty() || o.strip.mode != Mode::Nothing && o.strip.mode != Mode::Debug {
        return Err(Error::new(&elf.name, "-O binary takes only -j and -R among the section options"));
    }
    let secs: Vec<&Section> = elf
        .sections
        .iter()
        .filter(|s| s.is_alloc() && s.has_contents() && s.size > 0)
        .filter(|s| o.only.is_empty() || o.only.contains(&s.name))
        .filter(|s| !o.strip.remove_sections.contains(&s.name))
        .collect();
    let lma = |s: &Section| -> u64 {
        elf.segments
            .iter()
            .find(|p| p.kind == PT_LOAD && p.vaddr <= s.addr && s.addr < p.vaddr.wrapping_add(p.memsz))
            .map_or(s.addr, |p| s.addr.wrapping_add(p.paddr.wrapping_sub(p.vaddr)))
    };
    let Some(base) = secs.iter().map(|s| lma(s)).min() else { return Ok(Vec::new()) };
    let end = secs.iter().map(|s| lma(s).saturating_add(s.size)).max().unwrap_or(base);
    let len = end - base;
    if len > 1 << 32 {
        return Err(Error::new(&elf.name, format!("-O binary would write {len} bytes (sections span 0x{base:x}..0x{end:x})")));
    }
    let mut out = vec![0u8; len as usize];
    for s in secs {
        let data = elf.section_data(s)?;
        let at = (lma(s) - base) as usize;
        out[at..at + data.len()].copy_from_slice(data);
    }
    Ok(out)
}
