//! A bounds-checked reader of ELF64 little-endian x86-64 files: the file
//! header, section and program headers, symbols and relocations, decoded
//! into plain structs that every tool in this crate shares. Every read
//! checks its range, so a truncated or corrupt file is an `Error`, never a
//! panic or an out-of-range slice.

use crate::Error;

pub const ET_REL: u16 = 1;
pub const ET_EXEC: u16 = 2;
pub const ET_DYN: u16 = 3;

pub const SHT_NULL: u32 = 0;
pub const SHT_PROGBITS: u32 = 1;
pub const SHT_SYMTAB: u32 = 2;
pub const SHT_STRTAB: u32 = 3;
pub const SHT_RELA: u32 = 4;
pub const SHT_DYNAMIC: u32 = 6;
pub const SHT_NOTE: u32 = 7;
pub const SHT_NOBITS: u32 = 8;
pub const SHT_REL: u32 = 9;
pub const SHT_DYNSYM: u32 = 11;
pub const SHT_GROUP: u32 = 17;
pub const SHT_SYMTAB_SHNDX: u32 = 18;

pub const SHF_WRITE: u64 = 1;
pub const SHF_ALLOC: u64 = 2;
pub const SHF_EXECINSTR: u64 = 4;
pub const SHF_INFO_LINK: u64 = 0x40;
pub const SHF_GROUP: u64 = 0x200;
pub const SHF_TLS: u64 = 0x400;

pub const SHN_UNDEF: u16 = 0;
pub const SHN_ABS: u16 = 0xfff1;
pub const SHN_COMMON: u16 = 0xfff2;

pub const STT_OBJECT: u8 = 1;
pub const STT_FUNC: u8 = 2;
pub const STT_SECTION: u8 = 3;
pub const STT_FILE: u8 = 4;
pub const STT_TLS: u8 = 6;
pub const STT_GNU_IFUNC: u8 = 10;
pub const STB_LOCAL: u8 = 0;
pub const STB_GLOBAL: u8 = 1;
pub const STB_WEAK: u8 = 2;
pub const STB_GNU_UNIQUE: u8 = 10;

pub const PT_LOAD: u32 = 1;

/// One section header, with its name resolved.
#[derive(Clone, Debug)]
pub struct Section {
    pub index: usize,
    pub name: String,
    pub name_off: u32,
    pub kind: u32,
    pub flags: u64,
    pub addr: u64,
    pub offset: u64,
    pub size: u64,
    pub link: u32,
    pub info: u32,
    pub align: u64,
    pub entsize: u64,
}

impl Section {
    pub fn is_alloc(&self) -> bool {
        self.flags & SHF_ALLOC != 0
    }

    pub fn is_exec(&self) -> bool {
        self.flags & SHF_EXECINSTR != 0
    }

    /// Whether the section occupies bytes in the file.
    pub fn has_contents(&self) -> bool {
        self.kind != SHT_NOBITS && self.kind != SHT_NULL
    }

    /// BFD's idea of a debugging section, which objdump, size and strip use.
    pub fn is_debug(&self) -> bool {
        let n = &self.name;
        n.starts_with(".debug") || n.starts_with(".zdebug") || n.starts_with(".gnu.linkonce.wi.") || n == ".line" || n.starts_with(".stab")
    }
}

/// One program header.
#[derive(Clone, Debug)]
pub struct Segment {
    pub kind: u32,
    pub flags: u32,
    pub offset: u64,
    pub vaddr: u64,
    pub paddr: u64,
    pub filesz: u64,
    pub memsz: u64,
    pub align: u64,
}

/// One symbol-table entry, with its name resolved.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub value: u64,
    pub size: u64,
    pub bind: u8,
    pub kind: u8,
    pub other: u8,
    pub shndx: u16,
}

/// One relocation (REL entries get addend 0).
#[derive(Clone, Copy, Debug)]
pub struct Reloc {
    pub offset: u64,
    pub kind: u32,
    pub sym: u32,
    pub addend: i64,
}

/// A parsed ELF file: the bytes plus decoded headers.
pub struct Elf<'a> {
    pub name: String,
    pub data: &'a [u8],
    pub kind: u16,
    pub entry: u64,
    pub flags: u32,
    pub shstrndx: usize,
    pub sections: Vec<Section>,
    pub segments: Vec<Segment>,
    pub phoff: u64,
    pub shoff: u64,
}

/// Little-endian fixed-width reads that fail instead of panicking.
pub fn bytes(data: &[u8], off: u64, len: u64) -> Option<&[u8]> {
    let start = usize::try_from(off).ok()?;
    let len = usize::try_from(len).ok()?;
    data.get(start..start.checked_add(len)?)
}

pub fn u16_at(d: &[u8], off: u64) -> Option<u16> {
    bytes(d, off, 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

pub fn u32_at(d: &[u8], off: u64) -> Option<u32> {
    bytes(d, off, 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

pub fn u64_at(d: &[u8], off: u64) -> Option<u64> {
    let b = bytes(d, off, 8)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Some(u64::from_le_bytes(a))
}

/// The NUL-terminated string at `off` (lossy UTF-8), if `off` is inside.
pub fn cstr(d: &[u8], off: u64) -> Option<String> {
    let start = usize::try_from(off).ok()?;
    let rest = d.get(start..)?;
    let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    Some(String::from_utf8_lossy(&rest[..end]).into_owned())
}

/// Whether `data` starts like an ELF file of any class.
pub fn is_elf(data: &[u8]) -> bool {
    data.starts_with(b"\x7fELF")
}

impl<'a> Elf<'a> {
    /// Parses the headers; anything but a well-formed ELF64 little-endian
    /// x86-64 file is "file format not recognized", as binutils says.
    pub fn parse(name: &str, data: &'a [u8]) -> Result<Elf<'a>, Error> {
        let bad = || Error::format(name);
        if !is_elf(data) || data.len() < 64 || data[4] != 2 || data[5] != 1 {
            return Err(bad());
        }
        let machine = u16_at(data, 18).ok_or_else(bad)?;
        if machine != 62 {
            return Err(bad());
        }
        let kind = u16_at(data, 16).ok_or_else(bad)?;
        let entry = u64_at(data, 24).ok_or_else(bad)?;
        let phoff = u64_at(data, 32).ok_or_else(bad)?;
        let shoff = u64_at(data, 40).ok_or_else(bad)?;
        let flags = u32_at(data, 48).ok_or_else(bad)?;
        let phentsize = u16_at(data, 54).ok_or_else(bad)?;
        let phnum = u16_at(data, 56).ok_or_else(bad)?;
        let shentsize = u16_at(data, 58).ok_or_else(bad)?;
        let mut shnum = u64::from(u16_at(data, 60).ok_or_else(bad)?);
        let mut shstrndx = u64::from(u16_at(data, 62).ok_or_else(bad)?);
        if shoff != 0 && shentsize != 64 || phnum != 0 && phentsize != 56 {
            return Err(bad());
        }
        // Section counts past 0xff00 live in section 0's fields.
        if shoff != 0 && (shnum == 0 || shstrndx == 0xffff) {
            let size = u64_at(data, shoff.checked_add(32).ok_or_else(bad)?).ok_or_else(bad)?;
            let link = u32_at(data, shoff.checked_add(40).ok_or_else(bad)?).ok_or_else(bad)?;
            if shnum == 0 {
                shnum = size;
            }
            if shstrndx == 0xffff {
                shstrndx = u64::from(link);
            }
        }
        if shoff == 0 {
            shnum = 0;
        }
        bytes(data, shoff, shnum.checked_mul(64).ok_or_else(bad)?).ok_or_else(bad)?;
        let mut sections = Vec::with_capacity(shnum as usize);
        for i in 0..shnum {
            let h = shoff + i * 64;
            let r32 = |o: u64| u32_at(data, h + o).unwrap_or(0);
            let r64 = |o: u64| u64_at(data, h + o).unwrap_or(0);
            sections.push(Section {
                index: i as usize,
                name: String::new(),
                name_off: r32(0),
                kind: r32(4),
                flags: r64(8),
                addr: r64(16),
                offset: r64(24),
                size: r64(32),
                link: r32(40),
                info: r32(44),
                align: r64(48),
                entsize: r64(56),
            });
        }
        if shnum > 0 && shstrndx >= shnum {
            return Err(bad());
        }
        if shnum > 0 {
            let strtab = &sections[shstrndx as usize];
            let names = bytes(data, strtab.offset, strtab.size).ok_or_else(bad)?;
            for s in sections.iter_mut() {
                s.name = cstr(names, u64::from(s.name_off)).ok_or_else(bad)?;
            }
        }
        bytes(data, phoff, u64::from(phnum) * 56).ok_or_else(bad)?;
        let segments = (0..u64::from(phnum))
            .map(|i| {
                let h = phoff + i * 56;
                let r32 = |o: u64| u32_at(data, h + o).unwrap_or(0);
                let r64 = |o: u64| u64_at(data, h + o).unwrap_or(0);
                Segment {
                    kind: r32(0),
                    flags: r32(4),
                    offset: r64(8),
                    vaddr: r64(16),
                    paddr: r64(24),
                    filesz: r64(32),
                    memsz: r64(40),
                    align: r64(48),
                }
            })
            .collect();
        Ok(Elf { name: name.to_string(), data, kind, entry, flags, shstrndx: shstrndx as usize, sections, segments, phoff, shoff })
    }

    pub fn is_relocatable(&self) -> bool {
        self.kind == ET_REL
    }

    /// A section's bytes; empty for NOBITS, an error if out of the file.
    pub fn section_data(&self, s: &Section) -> Result<&'a [u8], Error> {
        if !s.has_contents() {
            return Ok(&[]);
        }
        bytes(self.data, s.offset, s.size)
            .ok_or_else(|| Error::new(&self.name, format!("section '{}' extends past the end of the file", s.name)))
    }

    pub fn section_by_name(&self, name: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.name == name)
    }

    /// The sections BFD makes of this file, which objdump -h and size
    /// list: not the null section, the symbol tables and their strings, the
    /// section-name table, nor (in objects) the relocation sections, which
    /// BFD folds into the sections they apply to.
    pub fn bfd_sections(&self) -> Vec<&Section> {
        let symtab_strings: Vec<usize> = self.sections.iter().filter(|s| s.kind == SHT_SYMTAB).map(|s| s.link as usize).collect();
        self.sections
            .iter()
            .filter(|s| match s.kind {
                SHT_NULL | SHT_SYMTAB | SHT_SYMTAB_SHNDX => false,
                SHT_STRTAB => s.is_alloc() || s.index != self.shstrndx && !symtab_strings.contains(&s.index),
                SHT_REL | SHT_RELA => s.is_alloc() || s.info == 0,
                _ => true,
            })
            .collect()
    }

    /// The first section of type `kind` (`SHT_SYMTAB` or `SHT_DYNSYM`).
    pub fn section_of_type(&self, kind: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The symbols of a symbol-table section, index 0 included.
    pub fn symbols_in(&self, table: &Section) -> Result<Vec<Symbol>, Error> {
        let data = self.section_data(table)?;
        let strtab = match self.sections.get(table.link as usize) {
            Some(s) => self.section_data(s)?,
            None => &[],
        };
        let mut out = Vec::with_capacity(data.len() / 24);
        for e in data.chunks_exact(24) {
            let name_off = u32_at(e, 0).unwrap_or(0);
            let info = e[4];
            out.push(Symbol {
                name: cstr(strtab, u64::from(name_off)).unwrap_or_default(),
                value: u64_at(e, 8).unwrap_or(0),
                size: u64_at(e, 16).unwrap_or(0),
                bind: info >> 4,
                kind: info & 0xf,
                other: e[5],
                shndx: u16_at(e, 6).unwrap_or(0),
            });
        }
        Ok(out)
    }

    /// The static symbol table (`.symtab`), empty when there is none.
    pub fn symbols(&self) -> Result<Vec<Symbol>, Error> {
        match self.section_of_type(SHT_SYMTAB) {
            Some(t) => self.symbols_in(t),
            None => Ok(Vec::new()),
        }
    }

    /// The entries of a REL or RELA section.
    pub fn relocs_in(&self, s: &Section) -> Result<Vec<Reloc>, Error> {
        let data = self.section_data(s)?;
        let rela = s.kind == SHT_RELA;
        let size = if rela { 24 } else { 16 };
        Ok(data
            .chunks_exact(size)
            .map(|e| {
                let info = u64_at(e, 8).unwrap_or(0);
                Reloc {
                    offset: u64_at(e, 0).unwrap_or(0),
                    kind: info as u32,
                    sym: (info >> 32) as u32,
                    addend: if rela { u64_at(e, 16).unwrap_or(0) as i64 } else { 0 },
                }
            })
            .collect())
    }

    /// The relocation sections that apply to section `target` in an object.
    pub fn reloc_sections_for(&self, target: usize) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| (s.kind == SHT_RELA || s.kind == SHT_REL) && s.info as usize == target && !s.is_alloc())
    }

    /// The name objdump shows for the section a symbol is defined in.
    pub fn shndx_name(&self, shndx: u16) -> String {
        match shndx {
            SHN_UNDEF => "*UND*".into(),
            SHN_ABS => "*ABS*".into(),
            SHN_COMMON => "*COM*".into(),
            n => self.sections.get(n as usize).map(|s| s.name.clone()).unwrap_or_else(|| "*ABS*".into()),
        }
    }

    /// A symbol's display name: section symbols are named by their section.
    pub fn symbol_name(&self, s: &Symbol) -> String {
        if s.kind == STT_SECTION && s.name.is_empty() { self.shndx_name(s.shndx) } else { s.name.clone() }
    }
}

/// The x86-64 relocation type names binutils prints.
pub fn reloc_name(kind: u32) -> String {
    const NAMES: [&str; 44] = [
        "R_X86_64_NONE",
        "R_X86_64_64",
        "R_X86_64_PC32",
        "R_X86_64_GOT32",
        "R_X86_64_PLT32",
        "R_X86_64_COPY",
        "R_X86_64_GLOB_DAT",
        "R_X86_64_JUMP_SLOT",
        "R_X86_64_RELATIVE",
        "R_X86_64_GOTPCREL",
        "R_X86_64_32",
        "R_X86_64_32S",
        "R_X86_64_16",
        "R_X86_64_PC16",
        "R_X86_64_8",
        "R_X86_64_PC8",
        "R_X86_64_DTPMOD64",
        "R_X86_64_DTPOFF64",
        "R_X86_64_TPOFF64",
        "R_X86_64_TLSGD",
        "R_X86_64_TLSLD",
        "R_X86_64_DTPOFF32",
        "R_X86_64_GOTTPOFF",
        "R_X86_64_TPOFF32",
        "R_X86_64_PC64",
        "R_X86_64_GOTOFF64",
        "R_X86_64_GOTPC32",
        "R_X86_64_GOT64",
        "R_X86_64_GOTPCREL64",
        "R_X86_64_GOTPC64",
        "R_X86_64_GOTPLT64",
        "R_X86_64_PLTOFF64",
        "R_X86_64_SIZE32",
        "R_X86_64_SIZE64",
        "R_X86_64_GOTPC32_TLSDESC",
        "R_X86_64_TLSDESC_CALL",
        "R_X86_64_TLSDESC",
        "R_X86_64_IRELATIVE",
        "R_X86_64_RELATIVE64",
        "R_X86_64_PC32_BND",
        "R_X86_64_PLT32_BND",
        "R_X86_64_GOTPCRELX",
        "R_X86_64_REX_GOTPCRELX",
        "R_X86_64_CODE_4_GOTPCRELX",
    ];
    match NAMES.get(kind as usize) {
        Some(n) if kind != 43 => n.to_string(),
        _ => format!("*unknown*({kind})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal relocatable ELF64 x86-64 file: header, a `.text` with a
    /// `ret`, and the section-name table.
    fn tiny() -> Vec<u8> {
        let names = b"\0.text\0.shstrtab\0";
        let mut f = vec![0u8; 64];
        f[..7].copy_from_slice(b"\x7fELF\x02\x01\x01");
        f[16..18].copy_from_slice(&ET_REL.to_le_bytes());
        f[18..20].copy_from_slice(&62u16.to_le_bytes());
        f.push(0xc3);
        let names_at = f.len() as u64;
        f.extend_from_slice(names);
        while !f.len().is_multiple_of(8) {
            f.push(0);
        }
        let shoff = f.len() as u64;
        let header = |name: u32, kind: u32, flags: u64, off: u64, size: u64| {
            let mut h = Vec::new();
            h.extend_from_slice(&name.to_le_bytes());
            h.extend_from_slice(&kind.to_le_bytes());
            h.extend_from_slice(&flags.to_le_bytes());
            h.extend_from_slice(&0u64.to_le_bytes());
            h.extend_from_slice(&off.to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
            h.extend_from_slice(&[0u8; 24]);
            h
        };
        f.extend(header(0, 0, 0, 0, 0));
        f.extend(header(1, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 64, 1));
        f.extend(header(7, SHT_STRTAB, 0, names_at, names.len() as u64));
        f[40..48].copy_from_slice(&shoff.to_le_bytes());
        f[58..60].copy_from_slice(&64u16.to_le_bytes());
        f[60..62].copy_from_slice(&3u16.to_le_bytes());
        f[62..64].copy_from_slice(&2u16.to_le_bytes());
        f
    }

    #[test]
    fn parses_a_minimal_object() {
        let data = tiny();
        let elf = Elf::parse("tiny.o", &data).unwrap();
        let text = elf.section_by_name(".text").unwrap();
        assert_eq!(elf.section_data(text).unwrap(), &[0xc3]);
        assert_eq!(elf.bfd_sections().len(), 1);
    }

    #[test]
    fn truncated_or_corrupt_headers_are_errors() {
        let data = tiny();
        for n in 0..data.len() {
            // Every prefix either parses (the tail is section data) or is
            // "file format not recognized"; none panics.
            let _ = Elf::parse("t.o", &data[..n]);
        }
        for i in 0..64 {
            for v in [0u8, 0x7f, 0xff] {
                let mut d = data.clone();
                d[i] = v;
                if let Ok(elf) = Elf::parse("t.o", &d) {
                    for s in &elf.sections {
                        let _ = elf.section_data(s);
                    }
                    let _ = elf.symbols();
                }
            }
        }
        assert_eq!(Elf::parse("x", b"junk").err(), Some(Error::format("x")));
    }
}
