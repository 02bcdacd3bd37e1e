//! `objdump -T` (the dynamic symbol table, with each symbol's version)
//! and `objdump -R` (the dynamic relocations) of programs and shared
//! libraries.

use super::plt::{dynamic_names, versions};
use super::symbols::symbol_flags;
use crate::Error;
use crate::elf::*;
use std::fmt::Write;

/// `-T`. A file without one gets GNU's "no symbols" and the error that it
/// is not dynamic.
pub fn symbol_table(elf: &Elf, out: &mut String, warnings: &mut Vec<Error>) -> Result<(), Error> {
    out.push_str("DYNAMIC SYMBOL TABLE:\n");
    let Some(table) = elf.section_of_type(SHT_DYNSYM) else {
        out.push_str("no symbols\n\n\n");
        warnings.push(Error::new(&elf.name, "not a dynamic object"));
        return Ok(());
    };
    let syms = elf.symbols_in(table)?;
    let vers = versions(elf, syms.len());
    for (i, s) in syms.iter().enumerate().skip(1) {
        // The version column: `(VER)` for a needed or hidden version,
        // ` VER` for a default one, ` Base` for an unversioned symbol.
        let version = match &vers[i] {
            Some((name, true)) => format!("({name})"),
            Some((name, false)) => format!(" {name}"),
            None => " Base".to_string(),
        };
        let flags = symbol_flags(s, 'D');
        let _ = writeln!(out, "{:016x} {flags} {}\t{:016x} {version:<12} {}", s.value, elf.shndx_name(s.shndx), s.size, s.name);
    }
    out.push_str("\n\n");
    Ok(())
}

/// `-R`: every allocated relocation section's entries in file order.
pub fn relocations(elf: &Elf, out: &mut String, warnings: &mut Vec<Error>) -> Result<(), Error> {
    let Some(table) = elf.section_of_type(SHT_DYNSYM) else {
        warnings.push(Error::new(&elf.name, "not a dynamic object"));
        return Ok(());
    };
    let syms = elf.symbols_in(table)?;
    let names = dynamic_names(elf, &syms);
    let vers = versions(elf, syms.len());
    out.push_str("DYNAMIC RELOCATION RECORDS\nOFFSET           TYPE              VALUE\n");
    for rel in elf.sections.iter().filter(|s| (s.kind == SHT_RELA || s.kind == SHT_REL) && s.is_alloc()) {
        for r in elf.relocs_in(rel)? {
            let _ = writeln!(out, "{:016x} {:<16}  {}", r.offset, reloc_name(r.kind), value(&syms, &names, &vers, &r));
        }
    }
    out.push_str("\n\n");
    Ok(())
}

/// A dynamic relocation's VALUE: `*ABS*+addend`, or the symbol with its
/// version (`printf@GLIBC_2.2.5`, `g@@Base`) and any addend.
fn value(syms: &[Symbol], names: &[String], vers: &[Option<(String, bool)>], r: &Reloc) -> String {
    let mut v = match syms.get(r.sym as usize) {
        Some(s) if r.sym != 0 && s.shndx == SHN_UNDEF => match vers.get(r.sym as usize) {
            Some(Some((ver, _))) => format!("{}@{ver}", s.name),
            _ => format!("{}@Base", s.name),
        },
        Some(s) if r.sym != 0 => match names.get(r.sym as usize) {
            Some(n) if n.contains('@') => n.clone(),
            _ => format!("{}@@Base", s.name),
        },
        _ => "*ABS*".to_string(),
    };
    if r.addend != 0 {
        let (sign, mag) = if r.addend < 0 { ('-', r.addend.unsigned_abs()) } else { ('+', r.addend as u64) };
        let _ = write!(v, "{sign}0x{mag:016x}");
    }
    v
}
