//! Writing ELF relocatable objects with the `object` crate.
//!
//! x86-64 is complete. The machine is a parameter so aarch64 and riscv64 can
//! follow: for them only [`RelocKind::ElfRaw`] relocations are accepted today
//! (kit's named kinds are x86-64 semantics until their mappings are written).

use crate::*;
use object::elf;
use object::write::{self, Relocation, SectionId as WSec, SymbolId as WSym, SymbolSection};
use object::{Architecture, BinaryFormat, Endianness, RelocationFlags, SymbolFlags};

/// The ELF machine an object is written for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Machine {
    X86_64,
    Aarch64,
    Riscv64,
}

fn reloc_type(m: Machine, k: RelocKind) -> Option<u32> {
    if let RelocKind::ElfRaw(n) = k {
        return Some(n);
    }
    if m != Machine::X86_64 {
        return None;
    }
    Some(match k {
        RelocKind::Abs64 => elf::R_X86_64_64,
        RelocKind::Abs32 => elf::R_X86_64_32,
        RelocKind::Abs32S => elf::R_X86_64_32S,
        RelocKind::PcRel32 => elf::R_X86_64_PC32,
        RelocKind::Plt32 => elf::R_X86_64_PLT32,
        RelocKind::GotPcRel32 => elf::R_X86_64_GOTPCREL,
        RelocKind::GotPcRelX32 => elf::R_X86_64_REX_GOTPCRELX,
        RelocKind::PcRel64 => elf::R_X86_64_PC64,
        RelocKind::TlsGd => elf::R_X86_64_TLSGD,
        RelocKind::TpOff32 => elf::R_X86_64_TPOFF32,
        RelocKind::GotTpOff32 => elf::R_X86_64_GOTTPOFF,
        RelocKind::DtpOff32 => elf::R_X86_64_DTPOFF32,
        RelocKind::DtpOff64 => elf::R_X86_64_DTPOFF64,
        // DWARF offsets: a 32-bit absolute against the section symbol.
        RelocKind::SecRel32 => elf::R_X86_64_32,
        RelocKind::ElfRaw(n) => n,
    })
}

/// Bytes a relocation of this kind patches (for bounds checks).
fn reloc_width(k: RelocKind) -> u64 {
    match k {
        RelocKind::Abs64 | RelocKind::PcRel64 | RelocKind::DtpOff64 => 8,
        RelocKind::ElfRaw(_) => 0,
        _ => 4,
    }
}

/// `object`'s section kind plus the exact ELF section flags gcc/gas use.
fn section_kind(m: Machine, s: &Section) -> (object::SectionKind, u32) {
    use object::SectionKind as K;
    let (alloc, write, exec, tls) = (elf::SHF_ALLOC, elf::SHF_WRITE, elf::SHF_EXECINSTR, elf::SHF_TLS);
    match s.kind {
        // An executable stack asked for (gcc's nested-function trampolines).
        SectionKind::Text if s.name == ".note.GNU-stack" => (K::Elf(elf::SHT_PROGBITS), exec),
        SectionKind::Text => (K::Text, alloc | exec),
        SectionKind::Data => (K::Data, alloc | write),
        SectionKind::ReadOnlyData => (K::ReadOnlyData, alloc),
        SectionKind::Bss => (K::UninitializedData, alloc | write),
        SectionKind::Tls => (K::Tls, alloc | write | tls),
        SectionKind::TlsBss => (K::UninitializedTls, alloc | write | tls),
        SectionKind::InitArray => (K::Elf(elf::SHT_INIT_ARRAY), alloc | write),
        SectionKind::FiniArray => (K::Elf(elf::SHT_FINI_ARRAY), alloc | write),
        // gas gives .eh_frame SHT_X86_64_UNWIND on x86-64.
        SectionKind::EhFrame if m == Machine::X86_64 => (K::Elf(elf::SHT_X86_64_UNWIND), alloc),
        SectionKind::EhFrame => (K::Elf(elf::SHT_PROGBITS), alloc),
        SectionKind::Debug => (K::Debug, 0),
        SectionKind::Note if s.name == ".note.GNU-stack" => (K::Elf(elf::SHT_PROGBITS), 0),
        SectionKind::Note => (K::Note, alloc),
        // Sections kit keeps but does not load.
        SectionKind::Other => (K::Elf(elf::SHT_PROGBITS), 0),
    }
}

fn symbol_flags(s: &Symbol) -> SymbolFlags<WSec, WSym> {
    let st_bind = match s.binding {
        Binding::Local => elf::STB_LOCAL,
        Binding::Global => elf::STB_GLOBAL,
        Binding::Weak => elf::STB_WEAK,
    };
    let st_type = match s.kind {
        SymbolKind::Func => elf::STT_FUNC,
        SymbolKind::Ifunc => elf::STT_GNU_IFUNC,
        SymbolKind::Data => elf::STT_OBJECT,
        SymbolKind::Tls => elf::STT_TLS,
        SymbolKind::Section => elf::STT_SECTION,
        SymbolKind::File => elf::STT_FILE,
        SymbolKind::Unknown if matches!(s.def, SymbolDef::Common { .. }) => elf::STT_OBJECT,
        SymbolKind::Unknown => elf::STT_NOTYPE,
    };
    // Undefined references carry no type, as gas writes them.
    let st_type = if s.def == SymbolDef::Undefined && st_type != elf::STT_TLS { elf::STT_NOTYPE } else { st_type };
    let st_other = match s.visibility {
        Visibility::Default => elf::STV_DEFAULT,
        Visibility::Hidden => elf::STV_HIDDEN,
        Visibility::Protected => elf::STV_PROTECTED,
    };
    SymbolFlags::Elf { st_info: (st_bind << 4) | st_type, st_other }
}

/// Checks the references inside `obj` so a bad object is an error, not a panic.
fn validate(obj: &Object) -> Result<(), String> {
    let nsec = obj.sections.len();
    for s in &obj.symbols {
        if let SymbolDef::Section { section, .. } = s.def
            && section.0 as usize >= nsec
        {
            return Err(format!("{}: symbol '{}' names section #{} of {}", obj.name, s.name, section.0, nsec));
        }
    }
    for s in &obj.sections {
        for r in &s.relocs {
            if r.symbol.0 as usize >= obj.symbols.len() {
                return Err(format!(
                    "{}: relocation in {} at {:#x} names symbol #{} of {}",
                    obj.name,
                    s.name,
                    r.offset,
                    r.symbol.0,
                    obj.symbols.len()
                ));
            }
            let size = s.size.max(s.data.len() as u64);
            if r.offset.checked_add(reloc_width(r.kind)).is_none_or(|end| end > size) {
                return Err(format!("{}: relocation in {} at {:#x} lies outside the section", obj.name, s.name, r.offset));
            }
        }
    }
    Ok(())
}

/// Serialises an object as an x86-64 ELF relocatable file.
pub fn write_elf(obj: &Object) -> Result<Vec<u8>, String> {
    write_elf_for(obj, Machine::X86_64)
}

/// Serialises an object as an ELF relocatable file for `machine`.
pub fn write_elf_for(obj: &Object, machine: Machine) -> Result<Vec<u8>, String> {
    validate(obj)?;
    let arch = match machine {
        Machine::X86_64 => Architecture::X86_64,
        Machine::Aarch64 => Architecture::Aarch64,
        Machine::Riscv64 => Architecture::Riscv64,
    };
    let mut w = write::Object::new(BinaryFormat::Elf, arch, Endianness::Little);
    w.flags = match machine {
        // The double-float ABI, as riscv64 Linux objects are.
        Machine::Riscv64 => object::FileFlags::Elf { os_abi: 0, abi_version: 0, e_flags: elf::EF_RISCV_FLOAT_ABI_DOUBLE },
        _ => object::FileFlags::None,
    };
    let mut secs: Vec<WSec> = Vec::with_capacity(obj.sections.len());
    for s in &obj.sections {
        let (kind, mut sh_flags) = section_kind(machine, s);
        if s.comdat.is_some() {
            sh_flags |= elf::SHF_GROUP;
        }
        let id = w.add_section(Vec::new(), s.name.as_bytes().to_vec(), kind);
        let align = s.align.max(1);
        if !align.is_power_of_two() {
            return Err(format!("{}: section {} has alignment {}, not a power of two", obj.name, s.name, s.align));
        }
        match s.kind {
            SectionKind::Bss | SectionKind::TlsBss => {
                w.append_section_bss(id, s.size, align);
            }
            _ => {
                let mut data = s.data.clone();
                if (data.len() as u64) < s.size {
                    data.resize(s.size as usize, 0);
                }
                w.set_section_data(id, data, align)
            }
        }
        w.section_mut(id).flags = object::SectionFlags::Elf { sh_flags: sh_flags as u64 };
        secs.push(id);
    }
    let mut syms: Vec<WSym> = Vec::with_capacity(obj.symbols.len());
    for s in &obj.symbols {
        if let (SymbolKind::Section, SymbolDef::Section { section, .. }) = (s.kind, s.def) {
            syms.push(w.section_symbol(secs[section.0 as usize]));
            continue;
        }
        let (section, value) = match s.def {
            SymbolDef::Undefined => (SymbolSection::Undefined, 0),
            SymbolDef::Section { section, offset } => (SymbolSection::Section(secs[section.0 as usize]), offset),
            SymbolDef::Absolute(v) if s.kind == SymbolKind::File => (SymbolSection::None, v),
            SymbolDef::Absolute(v) => (SymbolSection::Absolute, v),
            // ELF keeps a common symbol's alignment in st_value.
            SymbolDef::Common { align } => (SymbolSection::Common, align.max(1)),
        };
        let kind = match s.kind {
            SymbolKind::Func | SymbolKind::Ifunc => object::SymbolKind::Text,
            SymbolKind::Data => object::SymbolKind::Data,
            SymbolKind::Tls => object::SymbolKind::Tls,
            SymbolKind::Section => object::SymbolKind::Section,
            SymbolKind::File => object::SymbolKind::File,
            SymbolKind::Unknown => object::SymbolKind::Unknown,
        };
        let scope = match s.binding {
            Binding::Local => object::SymbolScope::Compilation,
            _ if s.visibility == Visibility::Hidden => object::SymbolScope::Linkage,
            _ => object::SymbolScope::Dynamic,
        };
        syms.push(w.add_symbol(write::Symbol {
            name: s.name.as_bytes().to_vec(),
            value,
            size: s.size,
            kind,
            scope,
            weak: s.binding == Binding::Weak,
            section,
            flags: symbol_flags(s),
        }));
    }
    add_comdats(&mut w, obj, &secs, &syms);
    for (si, s) in obj.sections.iter().enumerate() {
        for r in &s.relocs {
            let r_type = reloc_type(machine, r.kind)
                .ok_or_else(|| format!("{}: relocation {:?} in {} has no {:?} ELF type yet", obj.name, r.kind, s.name, machine))?;
            let symbol = syms[r.symbol.0 as usize];
            w.add_relocation(secs[si], Relocation { offset: r.offset, symbol, addend: r.addend, flags: RelocationFlags::Elf { r_type } })
                .map_err(|e| format!("{}: {e}", obj.name))?;
        }
    }
    // A non-executable stack, unless the object already says so.
    if !obj.sections.iter().any(|s| s.name == ".note.GNU-stack") {
        let note = w.add_section(Vec::new(), b".note.GNU-stack".to_vec(), object::SectionKind::Elf(elf::SHT_PROGBITS));
        w.section_mut(note).flags = object::SectionFlags::Elf { sh_flags: 0 };
    }
    w.write().map_err(|e| format!("{}: {e}", obj.name))
}

/// One `.group` per COMDAT signature. The signature is the symbol of that
/// name when the object has one (gcc's style: the group's function), else a
/// local symbol at the start of the group's first section.
fn add_comdats(w: &mut write::Object, obj: &Object, secs: &[WSec], syms: &[WSym]) {
    let mut groups: Vec<(&str, Vec<WSec>)> = Vec::new();
    for (i, s) in obj.sections.iter().enumerate() {
        let Some(sig) = s.comdat.as_deref() else { continue };
        match groups.iter_mut().find(|g| g.0 == sig) {
            Some(g) => g.1.push(secs[i]),
            None => groups.push((sig, vec![secs[i]])),
        }
    }
    for (sig, sections) in groups {
        let symbol = match obj.symbols.iter().position(|s| s.name == sig && s.kind != SymbolKind::Section) {
            Some(i) => syms[i],
            None => w.add_symbol(write::Symbol {
                name: sig.as_bytes().to_vec(),
                value: 0,
                size: 0,
                kind: object::SymbolKind::Unknown,
                scope: object::SymbolScope::Compilation,
                weak: false,
                section: SymbolSection::Section(sections[0]),
                flags: SymbolFlags::Elf { st_info: elf::STT_NOTYPE, st_other: 0 },
            }),
        };
        w.add_comdat(write::Comdat { kind: object::ComdatKind::Any, symbol, sections });
    }
}
