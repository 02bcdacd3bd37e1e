//! Symbol tables of any ELF file (objects, executables, shared libraries)
//! as `nm` and `ar`'s symbol index see them, with the one-letter class GNU
//! nm prints.
//!
//! Works on raw section headers: the class letter depends on section types
//! and flags, which kit's object model does not keep. Malformed input is an
//! error naming the file, never a panic.

use object::LittleEndian as LE;
use object::elf;
use object::read::elf::{FileHeader, SectionHeader as _, Sym as _};

type Elf = elf::FileHeader64<LE>;

/// x86-64's large-model common section index (not in `object`'s list).
const SHN_X86_64_LCOMMON: u16 = 0xff02;

/// Where a symbol lives, as far as its class is concerned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    Undefined,
    Absolute,
    Common,
    /// In a section whose class letter (lower case) is given.
    Section(char),
}

#[derive(Clone, Debug)]
pub struct ElfSymbol {
    pub name: String,
    /// `@VER` or `@@VER` from the dynamic version tables (empty otherwise).
    pub version: String,
    pub value: u64,
    pub size: u64,
    pub bind: u8,
    pub kind: u8,
    pub place: Place,
    /// The address of the symbol's section (0 outside sections).
    pub section_addr: u64,
}

impl ElfSymbol {
    /// Section and file symbols: nm hides them unless asked (`-a`).
    pub fn is_debugging(&self) -> bool {
        self.kind == elf::STT_SECTION || self.kind == elf::STT_FILE
    }

    pub fn is_file(&self) -> bool {
        self.kind == elf::STT_FILE
    }

    pub fn is_undefined(&self) -> bool {
        self.place == Place::Undefined
    }

    /// Global, weak or unique binding, or a common (nm `-g`'s test, less
    /// the undefined ones, which callers add as they need).
    pub fn is_external(&self) -> bool {
        matches!(self.bind, elf::STB_GLOBAL | elf::STB_WEAK | elf::STB_GNU_UNIQUE) || self.place == Place::Common
    }

    /// Whether `ar` puts the symbol in an archive's index: an external
    /// definition (commons included).
    pub fn in_archive_index(&self) -> bool {
        self.is_external() && !self.is_undefined()
    }

    /// The letter GNU nm prints: upper case for global definitions.
    pub fn class(&self) -> char {
        let weak = self.bind == elf::STB_WEAK;
        let object = self.kind == elf::STT_OBJECT || self.kind == elf::STT_COMMON;
        match self.place {
            Place::Common => return 'C',
            Place::Undefined if weak => return if object { 'v' } else { 'w' },
            Place::Undefined => return 'U',
            _ => {}
        }
        if self.kind == elf::STT_GNU_IFUNC {
            return 'i';
        }
        if weak {
            return if object { 'V' } else { 'W' };
        }
        if self.bind == elf::STB_GNU_UNIQUE {
            return 'u';
        }
        let c = match self.place {
            Place::Section(c) => c,
            _ => 'a',
        };
        match self.bind {
            elf::STB_GLOBAL => c.to_ascii_uppercase(),
            elf::STB_LOCAL => c,
            _ => '?',
        }
    }
}

/// The class letter of a section, from its type, flags and name, the way
/// BFD derives its section flags and nm decodes them.
fn section_letter(sh_type: u32, sh_flags: u64, name: &str) -> char {
    // PE sections that keep their meaning in any format.
    for (prefix, c) in [(".drectve", 'i'), (".edata", 'e'), (".idata", 'i'), (".pdata", 'p')] {
        if let Some(rest) = name.strip_prefix(prefix)
            && (rest.is_empty() || rest.starts_with(['.', '$']))
        {
            return c;
        }
    }
    let has = |f: u32| sh_flags & u64::from(f) != 0;
    let contents = sh_type != elf::SHT_NOBITS;
    let load = has(elf::SHF_ALLOC) && contents;
    if has(elf::SHF_EXECINSTR) {
        return 't';
    }
    if load {
        return if has(elf::SHF_WRITE) { 'd' } else { 'r' };
    }
    if !contents {
        return 'b';
    }
    let debugging = !has(elf::SHF_ALLOC)
        && [".debug", ".gnu.debuglto_.debug_", ".gnu.linkonce.wi.", ".zdebug", ".line", ".stab"].iter().any(|p| name.starts_with(p))
        || !has(elf::SHF_ALLOC) && name == ".gdb_index";
    if debugging {
        return 'N';
    }
    if !has(elf::SHF_WRITE) {
        return 'n';
    }
    '?'
}

/// Sections that BFD does not turn into sections of its own; a symbol
/// defined in one counts as absolute.
fn bfd_ignores(sh_type: u32, sh_flags: u64) -> bool {
    let alloc = sh_flags & u64::from(elf::SHF_ALLOC) != 0;
    sh_type == elf::SHT_NULL
        || sh_type == elf::SHT_SYMTAB
        || sh_type == elf::SHT_SYMTAB_SHNDX
        || (!alloc && matches!(sh_type, elf::SHT_STRTAB | elf::SHT_REL | elf::SHT_RELA))
}

/// The file's ELF type (`ET_REL`, `ET_EXEC`, `ET_DYN`, ...), checking that
/// it is a 64-bit little-endian ELF file.
pub fn elf_type(name: &str, bytes: &[u8]) -> Result<u16, String> {
    if bytes.len() < 16 || &bytes[..4] != b"\x7fELF" {
        return Err(format!("{name}: file format not recognized"));
    }
    if bytes[4] != elf::ELFCLASS64 || bytes[5] != elf::ELFDATA2LSB {
        return Err(format!("{name}: only 64-bit little-endian ELF files are supported"));
    }
    let header = Elf::parse(bytes).map_err(|e| format!("{name}: malformed ELF file: {e}"))?;
    let endian = header.endian().map_err(|e| format!("{name}: malformed ELF file: {e}"))?;
    Ok(header.e_type(endian))
}

/// The symbols of `.symtab` (or `.dynsym` when `dynamic`) in table order,
/// without the null symbol. `None` when the file has no such table.
pub fn read_symbols(name: &str, bytes: &[u8], dynamic: bool) -> Result<Option<Vec<ElfSymbol>>, String> {
    let bad = |what: &dyn std::fmt::Display| format!("{name}: malformed ELF file: {what}");
    elf_type(name, bytes)?;
    let header = Elf::parse(bytes).map_err(|e| bad(&e))?;
    let endian = header.endian().map_err(|e| bad(&e))?;
    let sections = header.sections(endian, bytes).map_err(|e| bad(&e))?;
    let table_type = if dynamic { elf::SHT_DYNSYM } else { elf::SHT_SYMTAB };
    if !sections.iter().any(|s| s.sh_type(endian) == table_type) {
        return Ok(None);
    }
    let symtab = sections.symbols(endian, bytes, table_type).map_err(|e| bad(&e))?;
    let strings = symtab.strings();
    let versions = if dynamic { sections.versions(endian, bytes).map_err(|e| bad(&e))? } else { None };

    // Per section: its class letter (`None`: absolute) and address.
    let mut letters = Vec::with_capacity(sections.len());
    for sh in sections.iter() {
        let sname = sections.section_name(endian, sh).map_err(|e| bad(&e))?;
        let (t, f) = (sh.sh_type(endian), sh.sh_flags(endian));
        let letter = if bfd_ignores(t, f) { None } else { Some(section_letter(t, f, &String::from_utf8_lossy(sname))) };
        letters.push((letter, sh.sh_addr(endian)));
    }

    let mut out = Vec::with_capacity(symtab.len().saturating_sub(1));
    for (index, s) in symtab.enumerate().skip(1) {
        let sname = String::from_utf8_lossy(s.name(endian, strings).map_err(|e| bad(&e))?).into_owned();
        let (place, section_addr) = match s.st_shndx(endian) {
            elf::SHN_UNDEF => (Place::Undefined, 0),
            elf::SHN_ABS => (Place::Absolute, 0),
            elf::SHN_COMMON | SHN_X86_64_LCOMMON => (Place::Common, 0),
            _ => match symtab.symbol_section(endian, s, index).map_err(|e| bad(&e))? {
                Some(si) => match letters.get(si.0) {
                    Some(&(Some(c), addr)) => (Place::Section(c), addr),
                    _ => (Place::Absolute, 0),
                },
                None => (Place::Absolute, 0),
            },
        };
        // Commons: BFD reports the size as the value (ELF keeps the alignment there).
        let value = if place == Place::Common { s.st_size(endian) } else { s.st_value(endian) };
        let mut version = String::new();
        if let Some(v) = &versions {
            let vi = v.version_index(endian, index);
            if let Some(ver) = v.version(vi).map_err(|e| bad(&e))? {
                let vname = String::from_utf8_lossy(ver.name());
                // A version's own definition symbol carries no suffix.
                let needed = ver.file().is_some();
                if needed || vname != sname {
                    let at = if vi.is_hidden() || needed || place == Place::Undefined { "@" } else { "@@" };
                    version = format!("{at}{vname}");
                }
            }
        }
        out.push(ElfSymbol {
            name: sname,
            version,
            value,
            size: s.st_size(endian),
            bind: s.st_bind(),
            kind: s.st_type(),
            place,
            section_addr,
        });
    }
    Ok(Some(out))
}

/// The names an archive index lists for one member: its external
/// definitions in symbol-table order. Members that are not 64-bit
/// little-endian ELF define nothing; a malformed one is an error.
pub fn archive_index_names(name: &str, bytes: &[u8]) -> Result<Vec<String>, String> {
    if !bytes.starts_with(b"\x7fELF\x02\x01") {
        return Ok(Vec::new());
    }
    let syms = read_symbols(name, bytes, false)?.unwrap_or_default();
    Ok(syms.into_iter().filter(ElfSymbol::in_archive_index).map(|s| s.name).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_letters() {
        let (a, w, x) = (u64::from(elf::SHF_ALLOC), u64::from(elf::SHF_WRITE), u64::from(elf::SHF_EXECINSTR));
        assert_eq!(section_letter(elf::SHT_PROGBITS, a | x, ".text"), 't');
        assert_eq!(section_letter(elf::SHT_PROGBITS, a | w, ".data"), 'd');
        assert_eq!(section_letter(elf::SHT_PROGBITS, a, ".rodata"), 'r');
        assert_eq!(section_letter(elf::SHT_NOBITS, a | w, ".bss"), 'b');
        assert_eq!(section_letter(elf::SHT_PROGBITS, 0, ".debug_info"), 'N');
        assert_eq!(section_letter(elf::SHT_PROGBITS, 0, ".comment"), 'n');
        assert_eq!(section_letter(elf::SHT_PROGBITS, a, ".idata$2"), 'i');
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(read_symbols("x", b"", false).is_err());
        assert!(read_symbols("x", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0garbage", false).is_err());
        let mut truncated = b"\x7fELF\x02\x01\x01".to_vec();
        truncated.resize(64, 0xff);
        assert!(read_symbols("x", &truncated, false).is_err());
    }
}
