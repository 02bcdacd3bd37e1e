//! Reading ELF relocatable objects (kit's and gcc's) into kit's model.

use crate::*;
use object::elf;
use object::read::{Object as _, ObjectSection as _, ObjectSymbol as _};
use object::{RelocationFlags, RelocationTarget};

fn kind_of(r_type: u32) -> RelocKind {
    match r_type {
        elf::R_X86_64_64 => RelocKind::Abs64,
        elf::R_X86_64_32 => RelocKind::Abs32,
        elf::R_X86_64_32S => RelocKind::Abs32S,
        elf::R_X86_64_PC32 => RelocKind::PcRel32,
        elf::R_X86_64_PLT32 => RelocKind::Plt32,
        elf::R_X86_64_GOTPCREL => RelocKind::GotPcRel32,
        elf::R_X86_64_GOTPCRELX | elf::R_X86_64_REX_GOTPCRELX => RelocKind::GotPcRelX32,
        elf::R_X86_64_PC64 => RelocKind::PcRel64,
        elf::R_X86_64_TLSGD => RelocKind::TlsGd,
        elf::R_X86_64_TPOFF32 => RelocKind::TpOff32,
        elf::R_X86_64_GOTTPOFF => RelocKind::GotTpOff32,
        elf::R_X86_64_DTPOFF32 => RelocKind::DtpOff32,
        elf::R_X86_64_DTPOFF64 => RelocKind::DtpOff64,
        n => RelocKind::ElfRaw(n),
    }
}

/// Parses an ELF relocatable file. Malformed input yields an error.
pub fn read_elf(name: &str, bytes: &[u8]) -> Result<Object, String> {
    let f = object::File::parse(bytes).map_err(|e| format!("{name}: not a valid object file: {e}"))?;
    if f.kind() != object::ObjectKind::Relocatable {
        return Err(format!("{name}: not a relocatable object"));
    }
    let mut o = Object::new(name);
    let mut secmap = std::collections::HashMap::new();
    for s in f.sections() {
        let sname = s.name().unwrap_or("").to_string();
        let kind = match s.kind() {
            object::SectionKind::Text => SectionKind::Text,
            object::SectionKind::Data => {
                if sname.starts_with(".init_array") || sname.starts_with(".ctors") {
                    SectionKind::InitArray
                } else if sname.starts_with(".fini_array") || sname.starts_with(".dtors") {
                    SectionKind::FiniArray
                } else {
                    SectionKind::Data
                }
            }
            object::SectionKind::ReadOnlyData | object::SectionKind::ReadOnlyString | object::SectionKind::ReadOnlyDataWithRel => {
                if sname == ".eh_frame" { SectionKind::EhFrame } else { SectionKind::ReadOnlyData }
            }
            object::SectionKind::UninitializedData => SectionKind::Bss,
            object::SectionKind::Tls => SectionKind::Tls,
            object::SectionKind::UninitializedTls => SectionKind::TlsBss,
            object::SectionKind::Elf(elf::SHT_INIT_ARRAY) => SectionKind::InitArray,
            object::SectionKind::Elf(elf::SHT_FINI_ARRAY) => SectionKind::FiniArray,
            object::SectionKind::Elf(elf::SHT_X86_64_UNWIND) => SectionKind::EhFrame,
            object::SectionKind::Debug => SectionKind::Debug,
            _ => continue,
        };
        let id = o.add_section(&sname, kind, s.align().max(1));
        let sec = o.section_mut(id);
        if matches!(kind, SectionKind::Bss | SectionKind::TlsBss) {
            sec.size = s.size();
        } else {
            sec.data = s.data().map_err(|e| format!("{name}: section {sname}: {e}"))?.to_vec();
            sec.size = sec.data.len() as u64;
        }
        secmap.insert(s.index(), id);
    }
    let mut symmap = std::collections::HashMap::new();
    for s in f.symbols() {
        let kind = match s.kind() {
            object::SymbolKind::Text => SymbolKind::Func,
            object::SymbolKind::Data => SymbolKind::Data,
            object::SymbolKind::Tls => SymbolKind::Tls,
            object::SymbolKind::Section => SymbolKind::Section,
            object::SymbolKind::File => continue,
            _ => SymbolKind::Unknown,
        };
        let def = if s.is_undefined() {
            SymbolDef::Undefined
        } else if s.is_common() {
            SymbolDef::Common { align: s.address().max(1) }
        } else if let Some(si) = s.section_index() {
            match secmap.get(&si) {
                Some(&sec) => SymbolDef::Section { section: sec, offset: s.address() },
                None => continue,
            }
        } else {
            SymbolDef::Absolute(s.address())
        };
        let binding = if s.is_local() {
            Binding::Local
        } else if s.is_weak() {
            Binding::Weak
        } else {
            Binding::Global
        };
        let visibility = match s.flags() {
            object::SymbolFlags::Elf { st_other, .. } => match st_other & 3 {
                elf::STV_HIDDEN | elf::STV_INTERNAL => Visibility::Hidden,
                elf::STV_PROTECTED => Visibility::Protected,
                _ => Visibility::Default,
            },
            _ => Visibility::Default,
        };
        let name = if kind == SymbolKind::Section {
            format!(".section.{}", s.section_index().map(|i| i.0).unwrap_or(0))
        } else {
            s.name().unwrap_or("").to_string()
        };
        let id = o.add_symbol(Symbol { name, kind, binding, visibility, def, size: s.size() });
        symmap.insert(s.index(), id);
    }
    for s in f.sections() {
        let Some(&sec) = secmap.get(&s.index()) else { continue };
        for (off, r) in s.relocations() {
            let RelocationFlags::Elf { r_type } = r.flags() else { continue };
            let symbol = match r.target() {
                RelocationTarget::Symbol(i) => match symmap.get(&i) {
                    Some(&id) => id,
                    None => return Err(format!("{name}: relocation against an unknown symbol")),
                },
                _ => return Err(format!("{name}: unsupported relocation target")),
            };
            o.section_mut(sec).relocs.push(Reloc { offset: off, kind: kind_of(r_type), symbol, addend: r.addend() });
        }
    }
    Ok(o)
}
