//! kit's one in-memory object model: sections, symbols, relocations.
//!
//! Codegen produces an [`Object`]; the ELF writer serialises it (`kit cc -c`);
//! the ELF reader turns `.o` files and archive members into it; the linker
//! and the JIT consume it. Relocation kinds are named by what they compute,
//! independent of the file format.

pub mod archive;
pub mod asm_write;
pub mod elf_read;
pub mod elf_write;
pub mod symtab;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct SectionId(pub u32);
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct SymbolId(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SectionKind {
    Text,
    Data,
    ReadOnlyData,
    /// Zero-initialised: `data` stays empty, `size` gives the length.
    Bss,
    Tls,
    TlsBss,
    /// `.init_array` / `.fini_array` (pointer arrays run at start/exit).
    InitArray,
    FiniArray,
    EhFrame,
    /// DWARF and other non-allocated sections.
    Debug,
    Note,
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RelocKind {
    /// S + A, 64-bit absolute.
    Abs64,
    /// S + A, 32-bit, zero-extended / sign-extended.
    Abs32,
    Abs32S,
    /// S + A - P, 32-bit (data references, `lea sym(%rip)`).
    PcRel32,
    /// Call to a function: L + A - P where L may be a PLT stub.
    Plt32,
    /// G + GOT + A - P: address of the symbol's GOT entry, pc-relative.
    GotPcRel32,
    /// `R_X86_64_REX_GOTPCRELX`-style relaxable GOT load.
    GotPcRelX32,
    /// S + A - P, 64-bit (e.g. in `.eh_frame`).
    PcRel64,
    /// TLS: general dynamic (`__tls_get_addr` sequence) operand.
    TlsGd,
    /// TLS: offset from the thread pointer, 32-bit (local exec).
    TpOff32,
    /// TLS: GOT entry holding the offset from the thread pointer (initial exec).
    GotTpOff32,
    /// TLS: DTPOFF, 32/64-bit (debug info, local dynamic).
    DtpOff32,
    DtpOff64,
    /// 32-bit section-relative offset (DWARF).
    SecRel32,
    /// A raw ELF relocation type kit does not model otherwise.
    ElfRaw(u32),
}

#[derive(Clone, Debug)]
pub struct Reloc {
    pub offset: u64,
    pub kind: RelocKind,
    pub symbol: SymbolId,
    pub addend: i64,
}

#[derive(Clone, Debug)]
pub struct Section {
    pub name: String,
    pub kind: SectionKind,
    pub align: u64,
    pub data: Vec<u8>,
    /// Length in bytes (equals `data.len()` except for Bss/TlsBss).
    pub size: u64,
    pub relocs: Vec<Reloc>,
    /// COMDAT group signature, if the section is in one.
    pub comdat: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Binding {
    Local,
    Global,
    Weak,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SymbolKind {
    Func,
    /// A GNU indirect function: the symbol's code returns the real address.
    Ifunc,
    Data,
    Tls,
    Section,
    File,
    Unknown,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SymbolDef {
    Undefined,
    /// Defined at `offset` in a section.
    Section {
        section: SectionId,
        offset: u64,
    },
    Absolute(u64),
    /// A common symbol (tentative definition), to be allocated by the linker.
    Common {
        align: u64,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Visibility {
    Default,
    Hidden,
    Protected,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    pub binding: Binding,
    pub visibility: Visibility,
    pub def: SymbolDef,
    pub size: u64,
}

#[derive(Clone, Debug)]
pub struct Object {
    /// Where the object came from (file name, `archive(member)`), for errors.
    pub name: String,
    pub sections: Vec<Section>,
    pub symbols: Vec<Symbol>,
    /// Source-line table for backtraces in the JIT: (section, offset, file, line),
    /// sorted by section then offset. Filled by codegen (and from DWARF later).
    pub lines: Vec<LineEntry>,
    /// File names that `LineEntry::file` indexes.
    pub line_files: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct LineEntry {
    pub section: SectionId,
    pub offset: u64,
    pub file: u32,
    pub line: u32,
}

impl Object {
    /// Appends `other`'s sections and symbols. A symbol `self` references but
    /// does not define, and `other` defines, is that definition from then on
    /// (how calls reach the functions inline `asm` is outlined to).
    pub fn merge(&mut self, other: Object) {
        let base = self.sections.len() as u32;
        let moved = |d: SymbolDef| match d {
            SymbolDef::Section { section, offset } => SymbolDef::Section { section: SectionId(section.0 + base), offset },
            d => d,
        };
        let named = |s: &Symbol| !matches!(s.kind, SymbolKind::Section | SymbolKind::File);
        let mut by_name: std::collections::HashMap<String, SymbolId> = self
            .symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| named(s) && (s.def == SymbolDef::Undefined || s.binding != Binding::Local))
            .map(|(i, s)| (s.name.clone(), SymbolId(i as u32)))
            .collect();
        // The file's own local symbols (C statics), which the merged text
        // may name as one assembly source would.
        let locals: std::collections::HashMap<String, SymbolId> = self
            .symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| named(s) && s.def != SymbolDef::Undefined && s.binding == Binding::Local && !s.name.is_empty())
            .map(|(i, s)| (s.name.clone(), SymbolId(i as u32)))
            .collect();
        let mut map = Vec::with_capacity(other.symbols.len());
        for s in other.symbols {
            let mut existing = if named(&s) { by_name.get(&s.name).copied() } else { None };
            if existing.is_none() && named(&s) && s.def == SymbolDef::Undefined {
                existing = locals.get(&s.name).copied();
            }
            let id = match existing {
                Some(id) if s.def != SymbolDef::Undefined && self.symbols[id.0 as usize].def == SymbolDef::Undefined => {
                    self.symbols[id.0 as usize] = Symbol { def: moved(s.def), ..s };
                    id
                }
                Some(id) if s.def == SymbolDef::Undefined => id,
                _ => {
                    let name = s.name.clone();
                    let id = self.add_symbol(Symbol { def: moved(s.def), ..s });
                    if named(&self.symbols[id.0 as usize]) {
                        by_name.entry(name).or_insert(id);
                    }
                    id
                }
            };
            map.push(id);
        }
        for mut sec in other.sections {
            for r in &mut sec.relocs {
                r.symbol = map[r.symbol.0 as usize];
            }
            self.sections.push(sec);
        }
    }

    pub fn new(name: &str) -> Object {
        Object { name: name.to_string(), sections: Vec::new(), symbols: Vec::new(), lines: Vec::new(), line_files: Vec::new() }
    }

    pub fn add_section(&mut self, name: &str, kind: SectionKind, align: u64) -> SectionId {
        self.sections.push(Section { name: name.to_string(), kind, align, data: Vec::new(), size: 0, relocs: Vec::new(), comdat: None });
        SectionId(self.sections.len() as u32 - 1)
    }

    pub fn section(&self, id: SectionId) -> &Section {
        &self.sections[id.0 as usize]
    }
    pub fn section_mut(&mut self, id: SectionId) -> &mut Section {
        &mut self.sections[id.0 as usize]
    }

    /// Appends bytes to a section, aligned; returns their offset.
    pub fn append(&mut self, id: SectionId, bytes: &[u8], align: u64) -> u64 {
        let s = self.section_mut(id);
        s.align = s.align.max(align);
        let off = s.size.next_multiple_of(align.max(1));
        if s.kind == SectionKind::Bss || s.kind == SectionKind::TlsBss {
            s.size = off + bytes.len() as u64;
        } else {
            s.data.resize(off as usize, 0);
            s.data.extend_from_slice(bytes);
            s.size = s.data.len() as u64;
        }
        off
    }

    /// Reserves zeroed space in a BSS-like section; returns its offset.
    pub fn reserve(&mut self, id: SectionId, size: u64, align: u64) -> u64 {
        let s = self.section_mut(id);
        s.align = s.align.max(align);
        let off = s.size.next_multiple_of(align.max(1));
        s.size = off + size;
        off
    }

    pub fn add_symbol(&mut self, sym: Symbol) -> SymbolId {
        self.symbols.push(sym);
        SymbolId(self.symbols.len() as u32 - 1)
    }

    pub fn find_symbol(&self, name: &str) -> Option<SymbolId> {
        self.symbols.iter().position(|s| s.name == name).map(|i| SymbolId(i as u32))
    }

    pub fn symbol(&self, id: SymbolId) -> &Symbol {
        &self.symbols[id.0 as usize]
    }
}
