//! `ar` archives (GNU and BSD formats): members, the symbol index for lazy
//! extraction, and members parsed as objects.

use object::read::archive::ArchiveFile;
use std::collections::HashMap;

fn parse<'a>(name: &str, bytes: &'a [u8]) -> Result<ArchiveFile<'a>, String> {
    let a = ArchiveFile::parse(bytes).map_err(|e| format!("{name}: not a valid archive: {e}"))?;
    if a.is_thin() {
        return Err(format!("{name}: thin archives are not supported"));
    }
    Ok(a)
}

/// Every member in order, as (member name, bytes). The symbol table and
/// long-name table are not members.
pub fn read_archive(name: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let a = parse(name, bytes)?;
    let mut out = Vec::new();
    for m in a.members() {
        let m = m.map_err(|e| format!("{name}: malformed archive: {e}"))?;
        let mname = String::from_utf8_lossy(m.name()).into_owned();
        let data = m.data(bytes).map_err(|e| format!("{name}({mname}): {e}"))?;
        out.push((mname, data.to_vec()));
    }
    Ok(out)
}

/// The archive's symbol index: defined symbol name → index of the member
/// (in [`read_archive`]'s order) that defines it. The first definition wins,
/// as with `ld`. Archives without an index (`ar q` without `s`) get one
/// built from the ELF members' global definitions.
pub fn symbol_index(name: &str, bytes: &[u8]) -> Result<HashMap<String, usize>, String> {
    let a = parse(name, bytes)?;
    let mut starts: HashMap<u64, usize> = HashMap::new();
    let mut members = Vec::new();
    for (i, m) in a.members().enumerate() {
        let m = m.map_err(|e| format!("{name}: malformed archive: {e}"))?;
        starts.insert(m.file_range().0, i);
        members.push(m);
    }
    let mut index = HashMap::new();
    match a.symbols().map_err(|e| format!("{name}: malformed archive symbol table: {e}"))? {
        Some(syms) => {
            for s in syms {
                let s = s.map_err(|e| format!("{name}: malformed archive symbol table: {e}"))?;
                let m = a.member(s.offset()).map_err(|e| format!("{name}: archive symbol table points outside the file: {e}"))?;
                if let Some(&i) = starts.get(&m.file_range().0) {
                    index.entry(String::from_utf8_lossy(s.name()).into_owned()).or_insert(i);
                }
            }
        }
        None => {
            for (i, m) in members.iter().enumerate() {
                let data = m.data(bytes).map_err(|e| format!("{name}: {e}"))?;
                if !data.starts_with(b"\x7fELF") {
                    continue;
                }
                let mname = format!("{name}({})", String::from_utf8_lossy(m.name()));
                let o = super::elf_read::read_elf(&mname, data)?;
                for s in &o.symbols {
                    if s.binding != super::Binding::Local && s.def != super::SymbolDef::Undefined {
                        index.entry(s.name.clone()).or_insert(i);
                    }
                }
            }
        }
    }
    Ok(index)
}

/// Every member that is an ELF object, parsed (named `archive(member)`).
pub fn read_archive_objects(name: &str, bytes: &[u8]) -> Result<Vec<super::Object>, String> {
    let mut out = Vec::new();
    for (mname, data) in read_archive(name, bytes)? {
        if data.starts_with(b"\x7fELF") {
            out.push(super::elf_read::read_elf(&format!("{name}({mname})"), &data)?);
        }
    }
    Ok(out)
}
