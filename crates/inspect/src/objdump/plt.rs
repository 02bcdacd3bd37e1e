//! The names GNU objdump invents for linked files: `name@plt` for PLT
//! entries (found by decoding each entry's indirect jump to its GOT slot)
//! and `name@VERSION` for GOT slots that dynamic relocations fill.

use super::symbols::Label;
use crate::Error;
use crate::elf::*;
use iced_x86::{Decoder, DecoderOptions, Mnemonic};
use std::collections::HashMap;

const SHT_GNU_VERSYM: u32 = 0x6fff_ffff;
const SHT_GNU_VERNEED: u32 = 0x6fff_fffe;
const SHT_GNU_VERDEF: u32 = 0x6fff_fffd;
const R_X86_64_JUMP_SLOT: u32 = 7;
const R_X86_64_IRELATIVE: u32 = 37;

/// A GOT slot that a dynamic relocation fills.
pub struct Slot {
    pub name: String,
    /// The named symbol's address; `None` (undefined) shows no offset.
    pub value: Option<u64>,
    /// In a file without a static symbol table, GNU names this slot only
    /// from code outside any dynamic symbol (`.init`, the PLTs). Observed
    /// on Debian's binaries: slots of undefined functions, untyped symbols
    /// and TLS, of undefined variables in programs (files without a
    /// DT_SONAME), and of defined variables not at their default version.
    pub quiet_in_functions: bool,
}

pub struct Synthetic {
    /// (section index, label) for each PLT entry.
    pub labels: Vec<(usize, Label)>,
    /// GOT slot address → the name GNU objdump gives it, and the address
    /// that name has (`None` for an undefined symbol: no offset is shown).
    pub slots: HashMap<u64, Slot>,
}

/// Version names by version index, from `.gnu.version_r` and
/// `.gnu.version_d` (the flag is set for a defined version).
fn version_names(elf: &Elf) -> HashMap<u16, (String, bool)> {
    let mut names = HashMap::new();
    let strtab = |s: &Section| elf.sections.get(s.link as usize).and_then(|t| elf.section_data(t).ok()).unwrap_or(&[]);
    if let Some(s) = elf.section_of_type(SHT_GNU_VERNEED) {
        let (d, strs) = (elf.section_data(s).unwrap_or(&[]), strtab(s));
        let mut off = 0u64;
        for _ in 0..s.info.min(1000) {
            let (Some(cnt), Some(aux), Some(next)) = (u16_at(d, off + 2), u32_at(d, off + 8), u32_at(d, off + 12)) else { break };
            let mut a = off + u64::from(aux);
            for _ in 0..cnt {
                let (Some(other), Some(name), Some(anext)) = (u16_at(d, a + 6), u32_at(d, a + 8), u32_at(d, a + 12)) else { break };
                names.insert(other & 0x7fff, (cstr(strs, u64::from(name)).unwrap_or_default(), false));
                if anext == 0 {
                    break;
                }
                a += u64::from(anext);
            }
            if next == 0 {
                break;
            }
            off += u64::from(next);
        }
    }
    if let Some(s) = elf.section_of_type(SHT_GNU_VERDEF) {
        let (d, strs) = (elf.section_data(s).unwrap_or(&[]), strtab(s));
        let mut off = 0u64;
        for _ in 0..s.info.min(1000) {
            let (Some(ndx), Some(aux), Some(next)) = (u16_at(d, off + 4), u32_at(d, off + 12), u32_at(d, off + 16)) else { break };
            if let Some(name) = u32_at(d, off + u64::from(aux)) {
                names.insert(ndx, (cstr(strs, u64::from(name)).unwrap_or_default(), true));
            }
            if next == 0 {
                break;
            }
            off += u64::from(next);
        }
    }
    names
}

/// The `@VERSION` suffix GNU objdump gives dynamic symbol `index`.
fn versioned(elf: &Elf, names: &HashMap<u16, (String, bool)>, dynsym: &[Symbol], index: usize) -> String {
    let base = dynsym.get(index).map(|s| s.name.clone()).unwrap_or_default();
    let ver =
        elf.section_of_type(SHT_GNU_VERSYM).and_then(|s| elf.section_data(s).ok()).and_then(|d| u16_at(d, index as u64 * 2)).unwrap_or(1);
    match names.get(&(ver & 0x7fff)) {
        Some((n, _)) if ver & 0x7fff > 1 => format!("{base}@{n}"),
        _ => format!("{base}@Base"),
    }
}

/// A defined dynamic symbol's name as GNU objdump shows it when the
/// dynamic table stands in for a missing static one: `name@@VERSION` for a
/// default version, `name@VERSION` for a hidden one.
pub fn dynamic_names(elf: &Elf, dynsym: &[Symbol]) -> Vec<String> {
    let names = version_names(elf);
    let versym = elf.section_of_type(SHT_GNU_VERSYM).and_then(|s| elf.section_data(s).ok()).unwrap_or(&[]);
    dynsym
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let ver = u16_at(versym, i as u64 * 2).unwrap_or(1);
            match names.get(&(ver & 0x7fff)) {
                Some((n, def)) if ver & 0x7fff > 1 && s.shndx != SHN_UNDEF => {
                    format!("{}{}{n}", s.name, if ver & 0x8000 != 0 || !def { "@" } else { "@@" })
                }
                _ if ver == 1 && !versym.is_empty() && s.shndx != SHN_UNDEF => format!("{}@@Base", s.name),
                _ => s.name.clone(),
            }
        })
        .collect()
}

/// Each dynamic symbol's version: its name, and whether GNU shows it in
/// parentheses (a needed version, or a hidden one). `None`: unversioned.
pub fn versions(elf: &Elf, count: usize) -> Vec<Option<(String, bool)>> {
    let names = version_names(elf);
    let versym = elf.section_of_type(SHT_GNU_VERSYM).and_then(|s| elf.section_data(s).ok()).unwrap_or(&[]);
    (0..count)
        .map(|i| {
            let v = u16_at(versym, i as u64 * 2)?;
            let (name, def) = names.get(&(v & 0x7fff)).filter(|_| v & 0x7fff > 1)?;
            Some((name.clone(), v & 0x8000 != 0 || !def))
        })
        .collect()
}

/// Whether the dynamic section names the file (DT_SONAME): a library.
fn has_soname(elf: &Elf) -> bool {
    let Some(d) = elf.section_of_type(SHT_DYNAMIC) else { return false };
    elf.section_data(d).unwrap_or(&[]).chunks_exact(16).any(|e| u64_at(e, 0) == Some(14))
}

/// The PLT labels and GOT slot names of a linked file; nothing for objects.
pub fn synthetic(elf: &Elf) -> Result<Synthetic, Error> {
    let mut out = Synthetic { labels: Vec::new(), slots: HashMap::new() };
    if elf.is_relocatable() {
        return Ok(out);
    }
    let Some(dynsym_sec) = elf.section_of_type(SHT_DYNSYM) else { return Ok(out) };
    let dynsym = elf.symbols_in(dynsym_sec)?;
    let names = version_names(elf);
    let dynamic = dynamic_names(elf, &dynsym);
    let library = has_soname(elf);
    // GOT slot → the name of what fills it, from the dynamic relocations.
    // Slots of undefined symbols are named after them in disassembly.
    let mut slot_sym: HashMap<u64, String> = HashMap::new();
    for rel in elf.sections.iter().filter(|s| s.kind == SHT_RELA && s.is_alloc()) {
        for r in elf.relocs_in(rel)? {
            let sym = dynsym.get(r.sym as usize);
            if r.sym != 0 {
                slot_sym.insert(r.offset, sym.map(|s| s.name.clone()).unwrap_or_default());
                match sym {
                    Some(s) if s.shndx == SHN_UNDEF => {
                        out.slots.insert(
                            r.offset,
                            Slot {
                                name: versioned(elf, &names, &dynsym, r.sym as usize),
                                value: None,
                                quiet_in_functions: s.kind != STT_OBJECT || !library,
                            },
                        );
                    }
                    Some(s) => {
                        let shown = dynamic.get(r.sym as usize).cloned().unwrap_or_default();
                        let quiet = s.kind == STT_OBJECT && !shown.contains("@@");
                        out.slots.insert(r.offset, Slot { name: shown, value: Some(s.value), quiet_in_functions: quiet });
                    }
                    None => {}
                }
            } else if r.sym == 0 && (r.kind == R_X86_64_JUMP_SLOT || r.kind == R_X86_64_IRELATIVE) {
                slot_sym.insert(r.offset, format!("*ABS*+0x{:x}", r.addend));
            }
        }
    }
    for sec in elf.sections.iter().filter(|s| s.is_exec() && s.name.starts_with(".plt")) {
        let entry = if sec.entsize >= 8 { sec.entsize } else { 16 };
        let data = elf.section_data(sec)?;
        let mut dec = Decoder::with_ip(64, data, sec.addr, DecoderOptions::NONE);
        let mut seen = std::collections::HashSet::new();
        while dec.can_decode() {
            let insn = dec.decode();
            if insn.mnemonic() != Mnemonic::Jmp || !insn.is_ip_rel_memory_operand() {
                continue;
            }
            let Some(name) = slot_sym.get(&insn.ip_rel_memory_address()) else { continue };
            let start = sec.addr + (insn.ip() - sec.addr) / entry * entry;
            if seen.insert(start) {
                out.labels.push((sec.index, Label { addr: start, name: format!("{name}@plt"), rank: 31, size: 0, index: usize::MAX }));
            }
        }
    }
    Ok(out)
}
