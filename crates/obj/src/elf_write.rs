//! Writing ELF relocatable objects (x86-64) with the `object` crate.

use crate::*;
use object::elf;
use object::write::{self, Relocation, SectionId as WSec, SymbolId as WSym, SymbolSection};
use object::{Architecture, BinaryFormat, Endianness, RelocationFlags, SymbolFlags};

fn reloc_type(k: RelocKind) -> u32 {
    match k {
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
        RelocKind::SecRel32 => elf::R_X86_64_32,
        RelocKind::ElfRaw(n) => n,
    }
}

fn section_kind(k: SectionKind) -> object::SectionKind {
    match k {
        SectionKind::Text => object::SectionKind::Text,
        SectionKind::Data | SectionKind::InitArray | SectionKind::FiniArray => object::SectionKind::Data,
        SectionKind::ReadOnlyData => object::SectionKind::ReadOnlyData,
        SectionKind::Bss => object::SectionKind::UninitializedData,
        SectionKind::Tls => object::SectionKind::Tls,
        SectionKind::TlsBss => object::SectionKind::UninitializedTls,
        SectionKind::EhFrame => object::SectionKind::ReadOnlyData,
        SectionKind::Debug => object::SectionKind::Debug,
        SectionKind::Note => object::SectionKind::Note,
        SectionKind::Other => object::SectionKind::Data,
    }
}

/// Serialises an object as an x86-64 ELF relocatable file.
pub fn write_elf(obj: &Object) -> Result<Vec<u8>, String> {
    let mut w = write::Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
    w.flags = object::FileFlags::None;
    let mut secs: Vec<WSec> = Vec::new();
    for s in &obj.sections {
        let id = w.add_section(Vec::new(), s.name.as_bytes().to_vec(), section_kind(s.kind));
        match s.kind {
            SectionKind::Bss | SectionKind::TlsBss => {
                w.append_section_bss(id, s.size, s.align.max(1));
            }
            _ => {
                w.set_section_data(id, s.data.clone(), s.align.max(1));
            }
        }
        let ws = w.section_mut(id);
        match s.kind {
            SectionKind::InitArray => {
                ws.flags = object::SectionFlags::Elf { sh_flags: (elf::SHF_ALLOC | elf::SHF_WRITE) as u64 };
                // SHT_INIT_ARRAY
            }
            SectionKind::EhFrame => {
                ws.flags = object::SectionFlags::Elf { sh_flags: elf::SHF_ALLOC as u64 };
            }
            _ => {}
        }
        secs.push(id);
    }
    // The section type of init/fini arrays must be set for the linker to
    // recognise them; object derives it from the kind, so patch after write.
    let mut syms: Vec<WSym> = Vec::with_capacity(obj.symbols.len());
    for s in &obj.symbols {
        if let (SymbolKind::Section, SymbolDef::Section { section, .. }) = (s.kind, s.def) {
            syms.push(w.section_symbol(secs[section.0 as usize]));
            continue;
        }
        let (section, value) = match s.def {
            SymbolDef::Undefined => (SymbolSection::Undefined, 0),
            SymbolDef::Section { section, offset } => (SymbolSection::Section(secs[section.0 as usize]), offset),
            SymbolDef::Absolute(v) => (SymbolSection::Absolute, v),
            SymbolDef::Common { align } => (SymbolSection::Common, align),
        };
        let kind = match s.kind {
            SymbolKind::Func => object::SymbolKind::Text,
            SymbolKind::Data => object::SymbolKind::Data,
            SymbolKind::Tls => object::SymbolKind::Tls,
            SymbolKind::Section => object::SymbolKind::Section,
            SymbolKind::File => object::SymbolKind::File,
            SymbolKind::Unknown => object::SymbolKind::Unknown,
        };
        let st_bind = match s.binding {
            Binding::Local => elf::STB_LOCAL,
            Binding::Global => elf::STB_GLOBAL,
            Binding::Weak => elf::STB_WEAK,
        };
        let st_type = match s.kind {
            SymbolKind::Func => elf::STT_FUNC,
            SymbolKind::Data => elf::STT_OBJECT,
            SymbolKind::Tls => elf::STT_TLS,
            SymbolKind::Section => elf::STT_SECTION,
            SymbolKind::File => elf::STT_FILE,
            SymbolKind::Unknown => if matches!(s.def, SymbolDef::Common { .. }) { elf::STT_OBJECT } else { elf::STT_NOTYPE },
        };
        let st_other = match s.visibility {
            Visibility::Default => elf::STV_DEFAULT,
            Visibility::Hidden => elf::STV_HIDDEN,
            Visibility::Protected => elf::STV_PROTECTED,
        };
        let scope = match s.binding {
            Binding::Local => object::SymbolScope::Compilation,
            _ if s.visibility == Visibility::Hidden => object::SymbolScope::Linkage,
            _ => object::SymbolScope::Dynamic,
        };
        let id = w.add_symbol(write::Symbol {
            name: s.name.as_bytes().to_vec(),
            value,
            size: s.size,
            kind,
            scope,
            weak: s.binding == Binding::Weak,
            section,
            flags: SymbolFlags::Elf { st_info: (st_bind << 4) | st_type, st_other },
        });
        syms.push(id);
    }
    for (si, s) in obj.sections.iter().enumerate() {
        for r in &s.relocs {
            let sym = syms[r.symbol.0 as usize];
            w.add_relocation(
                secs[si],
                Relocation { offset: r.offset, symbol: sym, addend: r.addend, flags: RelocationFlags::Elf { r_type: reloc_type(r.kind) } },
            )
            .map_err(|e| format!("{}: {e}", obj.name))?;
        }
    }
    // A non-executable stack.
    let note = w.add_section(Vec::new(), b".note.GNU-stack".to_vec(), object::SectionKind::Elf(elf::SHT_PROGBITS));
    w.section_mut(note).flags = object::SectionFlags::Elf { sh_flags: 0 };
    let mut bytes = w.write().map_err(|e| format!("{}: {e}", obj.name))?;
    patch_array_section_types(&mut bytes, obj);
    Ok(bytes)
}

/// Sets SHT_INIT_ARRAY / SHT_FINI_ARRAY on the sections kit marked so.
fn patch_array_section_types(bytes: &mut [u8], obj: &Object) {
    if !obj.sections.iter().any(|s| matches!(s.kind, SectionKind::InitArray | SectionKind::FiniArray)) {
        return;
    }
    let rd = |b: &[u8], o: usize, n: usize| -> u64 {
        let mut v = 0u64;
        for i in 0..n {
            v |= (b[o + i] as u64) << (8 * i);
        }
        v
    };
    let shoff = rd(bytes, 0x28, 8) as usize;
    let shentsize = rd(bytes, 0x3a, 2) as usize;
    let shnum = rd(bytes, 0x3c, 2) as usize;
    let shstrndx = rd(bytes, 0x3e, 2) as usize;
    let strtab_off = rd(bytes, shoff + shstrndx * shentsize + 0x18, 8) as usize;
    for i in 0..shnum {
        let h = shoff + i * shentsize;
        let name_off = rd(bytes, h, 4) as usize;
        let name_end = bytes[strtab_off + name_off..].iter().position(|&c| c == 0).unwrap_or(0);
        let name = std::str::from_utf8(&bytes[strtab_off + name_off..strtab_off + name_off + name_end]).unwrap_or("");
        let ty = if name.starts_with(".init_array") {
            elf::SHT_INIT_ARRAY
        } else if name.starts_with(".fini_array") {
            elf::SHT_FINI_ARRAY
        } else {
            continue;
        };
        bytes[h + 4..h + 8].copy_from_slice(&ty.to_le_bytes());
    }
}
