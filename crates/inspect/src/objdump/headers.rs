//! objdump's header and contents listings: `-f` (the file header in BFD's
//! terms), `-h` (section headers with BFD's flag words), `-p` (program
//! headers and the dynamic section, as `-x` shows them) and `-s` (section
//! contents in hex and ASCII).

use crate::Error;
use crate::elf::*;
use std::fmt::Write;

/// `-f`: architecture, BFD flags and entry point.
pub fn file_header(elf: &Elf, out: &mut String) {
    let has_relocs = elf.sections.iter().any(|s| s.kind == SHT_REL || s.kind == SHT_RELA);
    let has_syms = elf.sections.iter().any(|s| (s.kind == SHT_SYMTAB || s.kind == SHT_DYNSYM) && s.size > 24);
    let paged = !elf.segments.is_empty() && elf.kind != ET_REL;
    let flags: [(u32, &str, bool); 5] = [
        (0x1, "HAS_RELOC", elf.kind == ET_REL && has_relocs),
        (0x2, "EXEC_P", elf.kind == ET_EXEC),
        (0x10, "HAS_SYMS", has_syms),
        (0x40, "DYNAMIC", elf.kind == ET_DYN),
        (0x100, "D_PAGED", paged),
    ];
    let value: u32 = flags.iter().filter(|f| f.2).map(|f| f.0).sum();
    let names: Vec<&str> = flags.iter().filter(|f| f.2).map(|f| f.1).collect();
    let _ = writeln!(out, "architecture: i386:x86-64, flags 0x{value:08x}:");
    let _ = writeln!(out, "{}", names.join(", "));
    let _ = writeln!(out, "start address 0x{:016x}", elf.entry);
}

/// BFD's flag words for a section, in objdump's order.
fn section_flags(elf: &Elf, s: &Section) -> Vec<&'static str> {
    let mut f = Vec::new();
    let contents = s.has_contents();
    let load = s.is_alloc() && contents;
    let relocs = elf.is_relocatable() && elf.reloc_sections_for(s.index).next().is_some();
    if contents {
        f.push("CONTENTS");
    }
    if s.is_alloc() {
        f.push("ALLOC");
    }
    if load {
        f.push("LOAD");
    }
    if relocs {
        f.push("RELOC");
    }
    if s.flags & SHF_WRITE == 0 {
        f.push("READONLY");
    }
    if s.is_exec() {
        f.push("CODE");
    } else if load {
        f.push("DATA");
    }
    if s.is_debug() {
        f.push("DEBUGGING");
    }
    if s.flags & SHF_TLS != 0 {
        f.push("THREAD_LOCAL");
    }
    if s.kind == SHT_GROUP {
        f.push("GROUP");
        f.push("LINK_ONCE_DISCARD");
    }
    if s.is_debug() {
        f.push("OCTETS");
    }
    f
}

/// The load address BFD gives an allocated section: its address moved by
/// the containing PT_LOAD's physical-minus-virtual offset.
fn lma(elf: &Elf, s: &Section) -> u64 {
    if !s.is_alloc() {
        return s.addr;
    }
    elf.segments
        .iter()
        .find(|p| p.kind == PT_LOAD && p.vaddr <= s.addr && s.addr < p.vaddr.wrapping_add(p.memsz.max(1)))
        .map_or(s.addr, |p| s.addr.wrapping_add(p.paddr.wrapping_sub(p.vaddr)))
}

fn log2(align: u64) -> u32 {
    if align <= 1 { 0 } else { 63 - align.leading_zeros() }
}

/// `-h`: one row per BFD section and a line of its flags; with `-w`
/// (`wide`) the name column fits the longest name and flags end the row.
pub fn section_headers(elf: &Elf, only: &[String], wide: bool, out: &mut String) {
    let secs = elf.bfd_sections();
    let width = if wide { secs.iter().map(|s| s.name.len()).max().unwrap_or(0).max(13) } else { 13 };
    let _ = write!(out, "Sections:\nIdx {:<width$} Size      VMA               LMA               File off  Algn", "Name");
    out.push_str(if wide { "  Flags\n" } else { "\n" });
    for (i, s) in secs.into_iter().enumerate() {
        if !only.is_empty() && !only.contains(&s.name) {
            continue;
        }
        let _ = write!(
            out,
            "{i:3} {:<width$} {:08x}  {:016x}  {:016x}  {:08x}  2**{}",
            s.name,
            s.size,
            s.addr,
            lma(elf, s),
            s.offset,
            log2(s.align)
        );
        let flags = section_flags(elf, s).join(", ");
        if wide {
            let _ = writeln!(out, "  {flags}");
        } else {
            let _ = writeln!(out, "\n                  {flags}");
        }
    }
}

fn segment_name(kind: u32) -> String {
    match kind {
        0 => "NULL".into(),
        1 => "LOAD".into(),
        2 => "DYNAMIC".into(),
        3 => "INTERP".into(),
        4 => "NOTE".into(),
        5 => "SHLIB".into(),
        6 => "PHDR".into(),
        7 => "TLS".into(),
        0x6474e550 => "EH_FRAME".into(),
        0x6474e551 => "STACK".into(),
        0x6474e552 => "RELRO".into(),
        k => format!("0x{k:x}"),
    }
}

const DYNAMIC_TAGS: [&str; 38] = [
    "NULL",
    "NEEDED",
    "PLTRELSZ",
    "PLTGOT",
    "HASH",
    "STRTAB",
    "SYMTAB",
    "RELA",
    "RELASZ",
    "RELAENT",
    "STRSZ",
    "SYMENT",
    "INIT",
    "FINI",
    "SONAME",
    "RPATH",
    "SYMBOLIC",
    "REL",
    "RELSZ",
    "RELENT",
    "PLTREL",
    "DEBUG",
    "TEXTREL",
    "JMPREL",
    "BIND_NOW",
    "INIT_ARRAY",
    "FINI_ARRAY",
    "INIT_ARRAYSZ",
    "FINI_ARRAYSZ",
    "RUNPATH",
    "FLAGS",
    "ENCODING",
    "PREINIT_ARRAY",
    "PREINIT_ARRAYSZ",
    "SYMTAB_SHNDX",
    "RELRSZ",
    "RELR",
    "RELRENT",
];

fn dynamic_tag(tag: u64) -> String {
    match tag {
        t if (t as usize) < DYNAMIC_TAGS.len() => DYNAMIC_TAGS[t as usize].into(),
        0x6ffffef5 => "GNU_HASH".into(),
        0x6ffffff0 => "VERSYM".into(),
        0x6ffffff9 => "RELACOUNT".into(),
        0x6ffffffb => "FLAGS_1".into(),
        0x6ffffffc => "VERDEF".into(),
        0x6ffffffd => "VERDEFNUM".into(),
        0x6ffffffe => "VERNEED".into(),
        0x6fffffff => "VERNEEDNUM".into(),
        t => format!("0x{t:016x}"),
    }
}

/// `-p`: program headers and the dynamic section.
pub fn private_headers(elf: &Elf, out: &mut String) -> Result<(), Error> {
    if !elf.segments.is_empty() {
        out.push_str("Program Header:\n");
        for p in &elf.segments {
            let perm = |bit: u32, c: char| if p.flags & bit != 0 { c } else { '-' };
            let _ = writeln!(
                out,
                "{:>8} off    0x{:016x} vaddr 0x{:016x} paddr 0x{:016x} align 2**{}",
                segment_name(p.kind),
                p.offset,
                p.vaddr,
                p.paddr,
                log2(p.align)
            );
            let _ = writeln!(
                out,
                "         filesz 0x{:016x} memsz 0x{:016x} flags {}{}{}",
                p.filesz,
                p.memsz,
                perm(4, 'r'),
                perm(2, 'w'),
                perm(1, 'x')
            );
        }
        out.push('\n');
    }
    if let Some(d) = elf.section_of_type(SHT_DYNAMIC) {
        let data = elf.section_data(d)?;
        let strs = elf.sections.get(d.link as usize).and_then(|s| elf.section_data(s).ok()).unwrap_or(&[]);
        out.push_str("Dynamic Section:\n");
        for e in data.chunks_exact(16) {
            let (tag, val) = (u64_at(e, 0).unwrap_or(0), u64_at(e, 8).unwrap_or(0));
            if tag == 0 {
                break;
            }
            let shown = match tag {
                1 | 14 | 15 | 29 => cstr(strs, val).unwrap_or_default(),
                _ => format!("0x{val:016x}"),
            };
            let _ = writeln!(out, "  {:<20} {shown}", dynamic_tag(tag));
        }
        out.push('\n');
    }
    version_definitions(elf, out)?;
    version_references(elf, out)
}

/// `-p`'s "Version definitions": each `.gnu.version_d` entry and the
/// versions it follows.
fn version_definitions(elf: &Elf, out: &mut String) -> Result<(), Error> {
    let Some(s) = elf.section_of_type(0x6fff_fffd) else { return Ok(()) };
    let d = elf.section_data(s)?;
    let strs = elf.sections.get(s.link as usize).and_then(|t| elf.section_data(t).ok()).unwrap_or(&[]);
    out.push_str("Version definitions:\n");
    let mut off = 0u64;
    for _ in 0..s.info.min(10_000) {
        let (Some(flags), Some(ndx), Some(cnt), Some(hash), Some(aux), Some(next)) =
            (u16_at(d, off + 2), u16_at(d, off + 4), u16_at(d, off + 6), u32_at(d, off + 8), u32_at(d, off + 12), u32_at(d, off + 16))
        else {
            break;
        };
        let mut a = off + u64::from(aux);
        for k in 0..cnt.min(1000) {
            let (Some(name), Some(anext)) = (u32_at(d, a), u32_at(d, a + 4)) else { break };
            let name = cstr(strs, u64::from(name)).unwrap_or_default();
            if k == 0 {
                let _ = writeln!(out, "{ndx} 0x{flags:02x} 0x{hash:08x} {name}");
            } else {
                let _ = writeln!(out, "\t{name} ");
            }
            if anext == 0 {
                break;
            }
            a += u64::from(anext);
        }
        if next == 0 {
            break;
        }
        off += u64::from(next);
    }
    out.push('\n');
    Ok(())
}

/// `-p`'s "Version References": each `.gnu.version_r` entry.
fn version_references(elf: &Elf, out: &mut String) -> Result<(), Error> {
    let Some(s) = elf.section_of_type(0x6fff_fffe) else { return Ok(()) };
    let d = elf.section_data(s)?;
    let strs = elf.sections.get(s.link as usize).and_then(|t| elf.section_data(t).ok()).unwrap_or(&[]);
    out.push_str("Version References:\n");
    let mut off = 0u64;
    for _ in 0..s.info.min(1000) {
        let (Some(cnt), Some(file), Some(aux), Some(next)) =
            (u16_at(d, off + 2), u32_at(d, off + 4), u32_at(d, off + 8), u32_at(d, off + 12))
        else {
            break;
        };
        let _ = writeln!(out, "  required from {}:", cstr(strs, u64::from(file)).unwrap_or_default());
        let mut a = off + u64::from(aux);
        for _ in 0..cnt {
            let (Some(hash), Some(flags), Some(other), Some(name), Some(anext)) =
                (u32_at(d, a), u16_at(d, a + 4), u16_at(d, a + 6), u32_at(d, a + 8), u32_at(d, a + 12))
            else {
                break;
            };
            let _ = writeln!(out, "    0x{hash:08x} 0x{flags:02x} {other:02} {}", cstr(strs, u64::from(name)).unwrap_or_default());
            if anext == 0 {
                break;
            }
            a += u64::from(anext);
        }
        if next == 0 {
            break;
        }
        off += u64::from(next);
    }
    out.push('\n');
    Ok(())
}

/// `-s`: each section with contents as hex words and ASCII, 16 bytes a line.
pub fn contents(elf: &Elf, only: &[String], start: Option<u64>, stop: Option<u64>, out: &mut String) -> Result<(), Error> {
    for s in elf.bfd_sections() {
        if !only.is_empty() && !only.contains(&s.name) || !s.has_contents() || s.size == 0 {
            continue;
        }
        let data = elf.section_data(s)?;
        let end = s.addr.wrapping_add(s.size);
        let from = start.map_or(s.addr, |a| a.clamp(s.addr, end));
        let to = stop.map_or(end, |a| a.clamp(from, end));
        if from >= to && (start.is_some() || stop.is_some()) {
            continue;
        }
        let _ = writeln!(out, "Contents of section {}:", s.name);
        let width = format!("{end:x}").len().max(4);
        let mut addr = from;
        while addr < to {
            let off = (addr - s.addr) as usize;
            let n = ((to - addr) as usize).min(16);
            let line = &data[off..off + n];
            let _ = write!(out, " {addr:0width$x} ");
            for j in 0..16 {
                match line.get(j) {
                    Some(b) => {
                        let _ = write!(out, "{b:02x}");
                    }
                    None => out.push_str("  "),
                }
                if j % 4 == 3 && j != 15 {
                    out.push(' ');
                }
            }
            out.push_str("  ");
            for j in 0..16 {
                out.push(match line.get(j) {
                    Some(&b) if (0x20..0x7f).contains(&b) => b as char,
                    Some(_) => '.',
                    None => ' ',
                });
            }
            out.push('\n');
            addr += 16;
        }
    }
    Ok(())
}
