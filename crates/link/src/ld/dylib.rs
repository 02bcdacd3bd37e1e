//! Shared libraries as link inputs: the dynamic symbols they export (each
//! with its default version), what they import, and their soname.

use object::LittleEndian as LE;
use object::elf;
use object::read::elf::{Dyn as _, FileHeader, Sym as _};
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
    /// Names the library leaves undefined (the executable may define
    /// them), each with whether the reference is weak.
    pub imports: Vec<(String, bool)>,
    /// Its `DT_NEEDED` entries.
    pub needed: Vec<String>,
    /// From `--as-needed` / `AS_NEEDED(...)`: recorded only if used.
    pub as_needed: bool,
}

pub(crate) fn is_dylib(bytes: &[u8]) -> bool {
    bytes.len() > 18 && bytes.starts_with(b"\x7fELF") && u16::from_le_bytes([bytes[16], bytes[17]]) == elf::ET_DYN
}

/// `named_here`: the library was named by its path on the command line;
/// without a soname, that path (as given) is what the output needs, as GNU
/// ld records it (a library found by `-l` is needed by its file name).
pub(crate) fn read_dylib(path: &str, bytes: &[u8], as_needed: bool, named_here: bool) -> Result<Dylib, String> {
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

    let mut soname = if named_here { path.to_string() } else { path.rsplit('/').next().unwrap_or(path).to_string() };
    let mut needed = Vec::new();
    if let Some((dyns, link)) = sections.dynamic(endian, bytes).map_err(|e| bad(&e))? {
        let dynstr = sections.strings(endian, bytes, link).map_err(|e| bad(&e))?;
        for d in dyns {
            let tag = d.tag32(endian);
            if tag == Some(elf::DT_SONAME) || tag == Some(elf::DT_NEEDED) {
                let off = d.d_val(endian) as u32;
                let name =
                    String::from_utf8_lossy(dynstr.get(off).map_err(|_| bad(&"DT_SONAME or DT_NEEDED outside .dynstr"))?).into_owned();
                if tag == Some(elf::DT_SONAME) { soname = name } else { needed.push(name) }
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
                imports.push((name, s.st_bind() == elf::STB_WEAK));
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
    Ok(Dylib { soname, exports, imports, needed, as_needed })
}

/// `--no-allow-shlib-undefined`: the strong references of the input
/// shared libraries that neither the output (`defined`) nor any input
/// shared library defines, as error messages naming the symbol and the
/// library. kit ld does not load a library's own dependencies, so a
/// library with dependencies missing from the inputs is skipped unless
/// `strict` (the option was given), when the error names them.
pub(crate) fn unresolved_imports(dylibs: &[Dylib], defined: &dyn Fn(&str) -> bool, strict: bool) -> Vec<String> {
    let loaded: std::collections::HashSet<&str> = dylibs.iter().map(|d| d.soname.as_str()).collect();
    let mut errors = Vec::new();
    for d in dylibs {
        let mut missing: Vec<&str> = d
            .imports
            .iter()
            .filter(|(n, weak)| !weak && !defined(n) && !dylibs.iter().any(|o| o.exports.contains_key(n)))
            .map(|(n, _)| n.as_str())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let absent: Vec<&str> = d.needed.iter().map(String::as_str).filter(|n| !loaded.contains(n)).collect();
        if !strict && !absent.is_empty() {
            continue;
        }
        for n in missing {
            let why = if absent.is_empty() {
                String::new()
            } else {
                format!(" (it may come from {}, which kit ld does not load: name it on the command line)", absent.join(", "))
            };
            errors.push(format!("error: {}: undefined reference to '{n}'{why}", d.soname));
        }
    }
    errors
}
