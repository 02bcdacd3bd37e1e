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

/// One archive member with the header fields `ar` keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub data: Vec<u8>,
    pub mtime: u64,
    pub uid: u64,
    pub gid: u64,
    pub mode: u64,
}

impl Member {
    /// A member with deterministic header fields, as `ar D` writes them.
    pub fn new(name: &str, data: Vec<u8>) -> Member {
        Member { name: name.to_string(), data, mtime: 0, uid: 0, gid: 0, mode: 0o644 }
    }
}

/// Every member in order with its header fields (missing numbers read as 0).
pub fn read_members(name: &str, bytes: &[u8]) -> Result<Vec<Member>, String> {
    let a = parse(name, bytes)?;
    let mut out = Vec::new();
    for m in a.members() {
        let m = m.map_err(|e| format!("{name}: malformed archive: {e}"))?;
        let mname = String::from_utf8_lossy(m.name()).into_owned();
        let data = m.data(bytes).map_err(|e| format!("{name}({mname}): {e}"))?.to_vec();
        let (mtime, uid, gid, mode) = (m.date(), m.uid(), m.gid(), m.mode());
        let num = |v: Option<u64>| v.unwrap_or(0);
        out.push(Member { name: mname, data, mtime: num(mtime), uid: num(uid), gid: num(gid), mode: num(mode) });
    }
    Ok(out)
}

/// A GNU archive of `members` with deterministic headers (like `ar rcsD`).
pub fn write_archive(members: &[(String, Vec<u8>)], with_index: bool) -> Result<Vec<u8>, String> {
    let members: Vec<Member> = members.iter().map(|(n, d)| Member::new(n, d.clone())).collect();
    write_members(&members, with_index)
}

/// One 60-byte member header. Fields are left-aligned and space-padded;
/// the special `//` table leaves all but its size blank, as GNU ar does.
fn header(out: &mut Vec<u8>, name: &str, fields: Option<(u64, u64, u64, u64)>, size: u64) {
    let start = out.len();
    let pad = |out: &mut Vec<u8>, s: String, width: usize| {
        out.extend_from_slice(s.as_bytes());
        out.resize(out.len() + width.saturating_sub(s.len()), b' ');
    };
    pad(out, name.to_string(), 16);
    match fields {
        Some((mtime, uid, gid, mode)) => {
            pad(out, mtime.to_string(), 12);
            pad(out, uid.to_string(), 6);
            pad(out, gid.to_string(), 6);
            pad(out, format!("{mode:o}"), 8);
        }
        None => pad(out, String::new(), 32),
    }
    pad(out, size.to_string(), 10);
    out.extend_from_slice(b"`\n");
    debug_assert_eq!(out.len() - start, 60);
}

/// A GNU archive: the `/` symbol index (when asked and some member defines
/// a symbol), the `//` table of names over 15 bytes, then the members,
/// each padded to an even offset with `\n`.
pub fn write_members(members: &[Member], with_index: bool) -> Result<Vec<u8>, String> {
    // Header name fields and the long-name table.
    let mut long_names = Vec::new();
    let mut names = Vec::with_capacity(members.len());
    for m in members {
        if m.name.is_empty() || m.name.contains('/') {
            return Err(format!("'{}': not a valid archive member name", m.name));
        }
        if m.name.len() > 15 {
            names.push(format!("/{}", long_names.len()));
            long_names.extend_from_slice(m.name.as_bytes());
            long_names.extend_from_slice(b"/\n");
        } else {
            names.push(format!("{}/", m.name));
        }
    }
    if long_names.len() % 2 == 1 {
        long_names.push(b'\n');
    }

    // The index: (member number, symbol) pairs in member order.
    let mut symbols: Vec<(usize, String)> = Vec::new();
    if with_index {
        for (i, m) in members.iter().enumerate() {
            for s in crate::symtab::archive_index_names(&m.name, &m.data)? {
                symbols.push((i, s));
            }
        }
    }
    let mut index_size = 4 + 4 * symbols.len() + symbols.iter().map(|s| s.1.len() + 1).sum::<usize>();
    index_size += index_size % 2;
    if symbols.len() > u32::MAX as usize {
        return Err("too many symbols for an archive index".to_string());
    }

    // Member offsets, now that the tables' sizes are known.
    let mut offset = 8;
    if !symbols.is_empty() {
        offset += 60 + index_size;
    }
    if !long_names.is_empty() {
        offset += 60 + long_names.len();
    }
    let mut starts = Vec::with_capacity(members.len());
    for m in members {
        starts.push(offset);
        offset += 60 + m.data.len() + m.data.len() % 2;
    }
    if !symbols.is_empty() && offset > u32::MAX as usize {
        return Err("archive too large for a 32-bit symbol index".to_string());
    }

    let mut out = Vec::with_capacity(offset);
    out.extend_from_slice(b"!<arch>\n");
    if !symbols.is_empty() {
        header(&mut out, "/", Some((0, 0, 0, 0)), index_size as u64);
        let table_start = out.len();
        out.extend_from_slice(&(symbols.len() as u32).to_be_bytes());
        for (i, _) in &symbols {
            out.extend_from_slice(&(starts[*i] as u32).to_be_bytes());
        }
        for (_, s) in &symbols {
            out.extend_from_slice(s.as_bytes());
            out.push(0);
        }
        out.resize(table_start + index_size, 0);
    }
    if !long_names.is_empty() {
        header(&mut out, "//", None, long_names.len() as u64);
        out.extend_from_slice(&long_names);
    }
    for (m, hname) in members.iter().zip(&names) {
        header(&mut out, hname, Some((m.mtime, m.uid, m.gid, m.mode)), m.data.len() as u64);
        out.extend_from_slice(&m.data);
        if m.data.len() % 2 == 1 {
            out.push(b'\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_long_names() {
        let members = vec![("short.txt".to_string(), b"abc".to_vec()), ("a-rather-long-member-name.txt".to_string(), b"hello\n".to_vec())];
        let bytes = write_archive(&members, true).unwrap();
        assert!(bytes.starts_with(b"!<arch>\n//  "), "no index for non-ELF members, then the name table");
        assert_eq!(read_archive("t.a", &bytes).unwrap(), members);
        let m = read_members("t.a", &bytes).unwrap();
        assert_eq!((m[0].mtime, m[0].uid, m[0].mode), (0, 0, 0o644));
    }

    #[test]
    fn empty_archive_is_the_magic_only() {
        assert_eq!(write_archive(&[], true).unwrap(), b"!<arch>\n");
        assert!(read_archive("e.a", b"!<arch>\n").unwrap().is_empty());
    }
}
