//! Reading ELF relocatable objects (kit's and gcc's) into kit's model.
//!
//! Works on the raw section table (not `object`'s generic view) so that
//! section types gcc relies on (`SHT_INIT_ARRAY`, `SHT_X86_64_UNWIND`,
//! groups) keep their meaning, and so every malformed field becomes an
//! error naming the file instead of a panic.

use crate::*;
use object::LittleEndian as LE;
use object::elf;
use object::read::elf::{FileHeader, Rela as _, SectionHeader as _, Sym as _};
use std::collections::HashMap;

type Elf = elf::FileHeader64<LE>;

fn x86_64_kind(r_type: u32) -> RelocKind {
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

/// What a section becomes in kit's model; `None` drops it (metadata kit
/// rebuilds itself, and the stack note, which the writer re-adds).
fn classify(sh_type: u32, sh_flags: u64, name: &str) -> Option<SectionKind> {
    let has = |f: u32| sh_flags & f as u64 != 0;
    if has(elf::SHF_COMPRESSED) || name == ".note.GNU-stack" {
        return None;
    }
    let starts = |p: &str| name == p || name.starts_with(&format!("{p}."));
    Some(match sh_type {
        elf::SHT_NULL
        | elf::SHT_SYMTAB
        | elf::SHT_STRTAB
        | elf::SHT_RELA
        | elf::SHT_REL
        | elf::SHT_GROUP
        | elf::SHT_SYMTAB_SHNDX
        | elf::SHT_HASH
        | elf::SHT_DYNAMIC
        | elf::SHT_DYNSYM => return None,
        elf::SHT_INIT_ARRAY | elf::SHT_PREINIT_ARRAY => SectionKind::InitArray,
        elf::SHT_FINI_ARRAY => SectionKind::FiniArray,
        elf::SHT_X86_64_UNWIND => SectionKind::EhFrame,
        elf::SHT_NOTE => SectionKind::Note,
        // Toolchain-private tables (clang's address-significance list, GNU
        // attributes) index the symbol table kit renumbers: drop them.
        t if t >= elf::SHT_LOOS && !has(elf::SHF_ALLOC) => return None,
        elf::SHT_NOBITS if has(elf::SHF_TLS) => SectionKind::TlsBss,
        elf::SHT_NOBITS if has(elf::SHF_ALLOC) => SectionKind::Bss,
        _ if !has(elf::SHF_ALLOC) => {
            if name.starts_with(".debug") {
                SectionKind::Debug
            } else {
                SectionKind::Other
            }
        }
        _ if name == ".eh_frame" => SectionKind::EhFrame,
        _ if starts(".init_array") || starts(".ctors") => SectionKind::InitArray,
        _ if starts(".fini_array") || starts(".dtors") => SectionKind::FiniArray,
        _ if has(elf::SHF_EXECINSTR) => SectionKind::Text,
        _ if has(elf::SHF_TLS) => SectionKind::Tls,
        _ if has(elf::SHF_WRITE) => SectionKind::Data,
        _ => SectionKind::ReadOnlyData,
    })
}

/// Parses an ELF relocatable file. Malformed input yields an error that
/// names `name`; nothing here panics on bad bytes.
pub fn read_elf(name: &str, bytes: &[u8]) -> Result<Object, String> {
    let bad = |what: &str| format!("{name}: malformed ELF object: {what}");
    if bytes.len() < 16 || &bytes[..4] != b"\x7fELF" {
        return Err(format!("{name}: not an ELF object file"));
    }
    if bytes[4] != elf::ELFCLASS64 || bytes[5] != elf::ELFDATA2LSB {
        return Err(format!("{name}: only 64-bit little-endian ELF objects are supported"));
    }
    let header = Elf::parse(bytes).map_err(|e| bad(&e.to_string()))?;
    let endian = header.endian().map_err(|e| bad(&e.to_string()))?;
    if header.e_type(endian) != elf::ET_REL {
        return Err(format!("{name}: not a relocatable object (ELF type {})", header.e_type(endian)));
    }
    let machine = header.e_machine(endian);
    let sections = header.sections(endian, bytes).map_err(|e| bad(&e.to_string()))?;
    let mut o = Object::new(name);

    // Sections.
    let mut secmap: HashMap<usize, SectionId> = HashMap::new();
    let mut skipped: HashMap<usize, String> = HashMap::new();
    for (i, sh) in sections.iter().enumerate() {
        let sname = String::from_utf8_lossy(sections.section_name(endian, sh).map_err(|e| bad(&e.to_string()))?).into_owned();
        let Some(kind) = classify(sh.sh_type(endian), sh.sh_flags(endian), &sname) else {
            skipped.insert(i, sname);
            continue;
        };
        let align = sh.sh_addralign(endian).max(1);
        if !align.is_power_of_two() {
            return Err(bad(&format!("section {sname} has alignment {align}")));
        }
        let id = o.add_section(&sname, kind, align);
        let sec = o.section_mut(id);
        if sh.sh_type(endian) == elf::SHT_NOBITS {
            sec.size = sh.sh_size(endian);
        } else {
            sec.data = sh.data(endian, bytes).map_err(|_| bad(&format!("section {sname} lies outside the file")))?.to_vec();
            sec.size = sec.data.len() as u64;
        }
        secmap.insert(i, id);
    }

    // COMDAT groups: the signature is the name of the group's symbol.
    let symtab = sections.symbols(endian, bytes, elf::SHT_SYMTAB).map_err(|e| bad(&e.to_string()))?;
    let strings = symtab.strings();
    for sh in sections.iter() {
        if sh.sh_type(endian) != elf::SHT_GROUP {
            continue;
        }
        let words: &[object::U32<LE>] = sh.data_as_array(endian, bytes).map_err(|_| bad("group section lies outside the file"))?;
        let Some((flag, members)) = words.split_first() else { continue };
        if flag.get(endian) & elf::GRP_COMDAT == 0 {
            continue;
        }
        let sym =
            symtab.symbol(object::SymbolIndex(sh.sh_info(endian) as usize)).map_err(|_| bad("group signature symbol out of range"))?;
        let sig = String::from_utf8_lossy(sym.name(endian, strings).map_err(|e| bad(&e.to_string()))?).into_owned();
        for m in members {
            if let Some(&id) = secmap.get(&(m.get(endian) as usize)) {
                o.section_mut(id).comdat = Some(sig.clone());
            }
        }
    }

    // Symbols. `symmap` maps ELF symbol indices to kit's; symbols in dropped
    // sections are remembered so a relocation against one is a clear error.
    let mut symmap: HashMap<usize, SymbolId> = HashMap::new();
    let mut dropped: HashMap<usize, String> = HashMap::new();
    for (i, s) in symtab.enumerate() {
        let i = i.0;
        if i == 0 {
            continue;
        }
        let sname = String::from_utf8_lossy(s.name(endian, strings).map_err(|e| bad(&e.to_string()))?).into_owned();
        let kind = match s.st_type() {
            elf::STT_FUNC => SymbolKind::Func,
            elf::STT_GNU_IFUNC => SymbolKind::Ifunc,
            elf::STT_OBJECT | elf::STT_COMMON => SymbolKind::Data,
            elf::STT_TLS => SymbolKind::Tls,
            elf::STT_SECTION => SymbolKind::Section,
            elf::STT_FILE => continue,
            _ => SymbolKind::Unknown,
        };
        let shndx = s.st_shndx(endian);
        let def = match shndx {
            elf::SHN_UNDEF => SymbolDef::Undefined,
            elf::SHN_COMMON => SymbolDef::Common { align: s.st_value(endian).max(1) },
            elf::SHN_ABS => SymbolDef::Absolute(s.st_value(endian)),
            _ => {
                let si = symtab.symbol_section(endian, s, object::SymbolIndex(i)).map_err(|e| bad(&e.to_string()))?;
                let Some(si) = si else { return Err(bad(&format!("symbol '{sname}' has section index {shndx}"))) };
                match secmap.get(&si.0) {
                    Some(&section) => SymbolDef::Section { section, offset: s.st_value(endian) },
                    None => {
                        let sec = skipped.get(&si.0).cloned().unwrap_or_else(|| format!("#{}", si.0));
                        dropped.insert(i, format!("'{sname}' in section {sec}"));
                        continue;
                    }
                }
            }
        };
        let binding = match s.st_bind() {
            elf::STB_LOCAL => Binding::Local,
            elf::STB_WEAK => Binding::Weak,
            _ => Binding::Global,
        };
        let visibility = match s.st_visibility() {
            elf::STV_HIDDEN | elf::STV_INTERNAL => Visibility::Hidden,
            elf::STV_PROTECTED => Visibility::Protected,
            _ => Visibility::Default,
        };
        // Section symbols are nameless in ELF; name them after their section.
        let name = match (kind, def) {
            (SymbolKind::Section, SymbolDef::Section { section, .. }) => o.section(section).name.clone(),
            _ => sname,
        };
        let id = o.add_symbol(Symbol { name, kind, binding, visibility, def, size: s.st_size(endian) });
        symmap.insert(i, id);
    }

    // Relocations of the sections kept.
    let mut null_sym: Option<SymbolId> = None;
    for sh in sections.iter() {
        if sh.sh_type(endian) == elf::SHT_REL {
            if secmap.contains_key(&(sh.sh_info(endian) as usize)) {
                return Err(format!("{name}: SHT_REL relocations are not supported on this machine"));
            }
            continue;
        }
        if sh.sh_type(endian) != elf::SHT_RELA {
            continue;
        }
        let Some(&sec) = secmap.get(&(sh.sh_info(endian) as usize)) else { continue };
        let relas: &[elf::Rela64<LE>] = sh.data_as_array(endian, bytes).map_err(|_| bad("relocation section lies outside the file"))?;
        let sec_name = o.section(sec).name.clone();
        for r in relas {
            let r_type = r.r_type(endian, false);
            if machine == elf::EM_X86_64 && r_type == elf::R_X86_64_NONE {
                continue;
            }
            let kind = if machine == elf::EM_X86_64 { x86_64_kind(r_type) } else { RelocKind::ElfRaw(r_type) };
            let sym_index = r.r_sym(endian, false) as usize;
            let symbol = if sym_index == 0 {
                // No symbol: the value is the addend alone.
                *null_sym.get_or_insert_with(|| {
                    o.add_symbol(Symbol {
                        name: String::new(),
                        kind: SymbolKind::Unknown,
                        binding: Binding::Local,
                        visibility: Visibility::Default,
                        def: SymbolDef::Absolute(0),
                        size: 0,
                    })
                })
            } else if let Some(&id) = symmap.get(&sym_index) {
                id
            } else if let Some(what) = dropped.get(&sym_index) {
                return Err(format!("{name}: relocation in {sec_name} refers to {what}, which kit does not load"));
            } else {
                return Err(bad(&format!("relocation in {sec_name} refers to symbol #{sym_index}")));
            };
            let offset = r.r_offset(endian);
            if offset >= o.section(sec).size {
                return Err(bad(&format!("relocation at {offset:#x} lies outside section {sec_name}")));
            }
            o.section_mut(sec).relocs.push(Reloc { offset, kind, symbol, addend: r.r_addend(endian) });
        }
    }
    Ok(o)
}
