//! Shared libraries as link inputs: the dynamic symbols they export (each
//! with its default version), what they import, and their soname.

use object::elf;
use object::read::elf::{Dyn as _, FileHeader, Sym as _};
use object::LittleEndian as LE;
use std::collections::HashMap;

type Elf = elf::FileHeader64<LE>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum DyKind {
    Func,
    Data,
    Tls,
}

#[derive(Clone, Debug)]
pub(crate) struct DySym {
    pub kind: DyKind,
    pub size: u64,
    /// Address in the library: aliases of one variable share it, and its
    /// alignment bounds the alignment of a copy.
    pub value: u64,
    /// The default version (`name@@VERSION`) and its ELF hash, if versioned.
    pub version: Option<(String, u32)>,
}

pub(crate) struct Dylib {
    /// What `DT_NEEDED` records: `DT_SONAME`, else the file name.
    pub soname: String,
    pub exports: HashMap<String, DySym>,
    /// Names the library leaves undefined (the executable may define them).
    pub imports: Vec<String>,
    /// From `--as-needed` / `AS_NEEDED(...)`: recorded only if used.
    pub as_needed: bool,
}

pub(crate) fn is_dylib(bytes: &[u8]) -> bool {
    bytes.len() > 18 && bytes.starts_with(b"\x7fELF") && u16::from_le_bytes([bytes[16], bytes[17]]) == elf::ET_DYN
}

pub(crate) fn read_dylib(path: &str, bytes: &[u8], as_needed: bool) -> Result<Dylib, String> {
    let bad = |e: &dyn std::fmt::Display| format!("{path}: malformed shared library: {e}");
    if bytes.len() < 16 || bytes[4] != elf::ELFCLASS64 || bytes[5] != elf::ELFDATA2LSB {
        return Err(format!("{path}: only 64-bit little-endian shared libraries are supported"));
    }
    let header = Elf::parse(bytes).map_err(|e| bad(&e))?;
    let endian = header.endian().map_err(|e| bad(&e))?;
    if header.e_machine(endian) != elf::EM_X86_64 {
        return Err(format!("{path}: shared library is not for x86-64"));
    }
    let sections = header.sections(endian, bytes).map_err(|e| bad(&e))?;
    let dynsym = sections.symbols(endian, bytes, elf::SHT_DYNSYM).map_err(|e| bad(&e))?;
    let strings = dynsym.strings();
    let versions = sections.versions(endian, bytes).map_err(|e| bad(&e))?;

    let file_name = path.rsplit('/').next().unwrap_or(path).to_string();
    let mut soname = file_name;
    if let Some((dyns, link)) = sections.dynamic(endian, bytes).map_err(|e| bad(&e))? {
        let dynstr = sections.strings(endian, bytes, link).map_err(|e| bad(&e))?;
        for d in dyns {
            if d.tag32(endian) == Some(elf::DT_SONAME) {
                let off = d.d_val(endian) as u32;
                soname = String::from_utf8_lossy(dynstr.get(off).map_err(|_| bad(&"DT_SONAME outside .dynstr"))?).into_owned();
            }
        }
    }

    let mut exports: HashMap<String, DySym> = HashMap::new();
    let mut imports = Vec::new();
    for (i, s) in dynsym.enumerate() {
        if i.0 == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(s.name(endian, strings).map_err(|e| bad(&e))?).into_owned();
        if s.st_shndx(endian) == elf::SHN_UNDEF {
            if s.st_bind() != elf::STB_LOCAL {
                imports.push(name);
            }
            continue;
        }
        if s.st_bind() == elf::STB_LOCAL || matches!(s.st_visibility(), elf::STV_HIDDEN | elf::STV_INTERNAL) {
            continue;
        }
        let kind = match s.st_type() {
            elf::STT_FUNC | elf::STT_GNU_IFUNC => DyKind::Func,
            elf::STT_TLS => DyKind::Tls,
            _ => DyKind::Data,
        };
        let mut version = None;
        if let Some(v) = &versions {
            let vi = v.version_index(endian, i);
            // `name@VERSION` (hidden) only serves old binaries.
            if vi.is_hidden() {
                continue;
            }
            if let Some(ver) = v.version(vi).map_err(|e| bad(&e))? {
                version = Some((String::from_utf8_lossy(ver.name()).into_owned(), ver.hash()));
            }
        }
        exports.insert(name, DySym { kind, size: s.st_size(endian), value: s.st_value(endian), version });
    }
    Ok(Dylib { soname, exports, imports, as_needed })
}
