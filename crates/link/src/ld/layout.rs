//! Output sections, their order and addresses, and the program headers.
//!
//! Every loadable group starts on a fresh page in memory and in the file at
//! the same offset from the base, so a section's file offset is simply its
//! address minus the base:
//!
//! ```text
//! R    ELF header, program headers, .interp, notes, dynamic tables, .rela.*
//! RX   .init .plt .text .fini
//! R    .rodata .gcc_except_table .eh_frame_hdr .eh_frame
//! RW   RELRO: .tdata .tbss .preinit_array .init_array .fini_array .data.rel.ro .dynamic .got
//!      then .data .bss (commons and copies at the end of .bss)
//! ```

use super::plan::{Image, is_c_identifier};
use super::{Config, OutputKind, Strip, dynamic, ehhdr};
use obj::{SectionKind, SymbolDef};
use object::elf;
use std::collections::HashMap;

pub(crate) const PAGE: u64 = 0x1000;
pub(crate) const EXEC_BASE: u64 = 0x400000;
pub(crate) const STUB_SIZE: u64 = 16;

#[derive(Clone, Debug, Default)]
pub(crate) struct OutSec {
    pub name: String,
    pub sh_type: u32,
    pub flags: u64,
    pub align: u64,
    pub addr: u64,
    pub offset: u64,
    pub size: u64,
    /// Input sections: (object, section, offset in this section).
    pub parts: Vec<(usize, usize, u64)>,
    pub group: u8,
    pub entsize: u64,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Phdr {
    pub p_type: u32,
    pub flags: u32,
    pub offset: u64,
    pub addr: u64,
    pub filesz: u64,
    pub memsz: u64,
    pub align: u64,
}

#[derive(Default)]
pub(crate) struct Layout {
    pub base: u64,
    pub secs: Vec<OutSec>,
    by_name: HashMap<String, usize>,
    /// Per object and section: (output section, offset in it).
    pub place: Vec<Vec<Option<(usize, u64)>>>,
    pub commons: Vec<u64>,
    pub copies: Vec<u64>,
    pub phdrs: Vec<Phdr>,
    /// PT_TLS: address, file size, memory size, alignment.
    pub tls: Option<(u64, u64, u64, u64)>,
    pub linker_syms: HashMap<String, u64>,
    pub init_fn: Option<u64>,
    pub fini_fn: Option<u64>,
    /// End of the loaded part of the file.
    pub file_end: u64,
}

impl Layout {
    pub(crate) fn section(&self, name: &str) -> Option<&OutSec> {
        self.by_name.get(name).map(|&i| &self.secs[i])
    }
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
    /// Offset of a thread-local address from the thread pointer (variant II:
    /// the block ends at the thread pointer).
    pub(crate) fn tpoff(&self, addr: u64) -> i64 {
        let (start, _, memsz, align) = self.tls.unwrap_or((0, 0, 0, 1));
        addr as i64 - start as i64 - memsz.next_multiple_of(align.max(1)) as i64
    }
    pub(crate) fn dtpoff(&self, addr: u64) -> u64 {
        addr.wrapping_sub(self.tls.map_or(0, |t| t.0))
    }
}

/// Output section (group, name) of an input section; `None` drops it.
fn out_section(kind: SectionKind, name: &str, strip: Strip) -> Option<(u8, String)> {
    let custom = is_c_identifier(name).then(|| name.to_string());
    let starts = |p: &str| name == p || name.starts_with(&format!("{p}."));
    Some(match kind {
        SectionKind::Text if name == ".init" || name == ".fini" => (1, name.into()),
        SectionKind::Text => (1, custom.unwrap_or(".text".into())),
        SectionKind::ReadOnlyData if starts(".gcc_except_table") => (2, ".gcc_except_table".into()),
        SectionKind::ReadOnlyData => (2, custom.unwrap_or(".rodata".into())),
        SectionKind::EhFrame => (2, ".eh_frame".into()),
        SectionKind::Tls => (3, ".tdata".into()),
        SectionKind::TlsBss => (3, ".tbss".into()),
        SectionKind::InitArray if starts(".preinit_array") => (3, ".preinit_array".into()),
        SectionKind::InitArray => (3, ".init_array".into()),
        SectionKind::FiniArray => (3, ".fini_array".into()),
        SectionKind::Data if starts(".data.rel.ro") => (3, ".data.rel.ro".into()),
        SectionKind::Data => (4, custom.unwrap_or(".data".into())),
        SectionKind::Bss => (4, ".bss".into()),
        SectionKind::Note if name == ".note.ABI-tag" => (0, name.into()),
        SectionKind::Debug if strip == Strip::None => (5, name.into()),
        _ => return None,
    })
}

/// The output section of input section `si` of object `oi`: the `-T`
/// script's rules first, then the defaults.
fn out_section_for(img: &Image, oi: usize, si: usize, strip: Strip) -> Option<(u8, String)> {
    let o = &img.objects[oi];
    let s = &o.sections[si];
    let (group, default) = out_section(s.kind, &s.name, strip)?;
    match img.script.place(&o.name, &s.name) {
        Some(None) => None,
        // The script names the section; its kind still picks the segment.
        Some(Some(name))
            if group < 5
                && !matches!(
                    s.kind,
                    SectionKind::Tls | SectionKind::TlsBss | SectionKind::InitArray | SectionKind::FiniArray | SectionKind::EhFrame
                ) =>
        {
            Some((group, name.to_string()))
        }
        _ => Some((group, default)),
    }
}

/// Where a section goes in its group; custom (identifier-named) sections
/// sit between the standard ones of their kind.
fn rank(name: &str) -> u32 {
    const ORDER: &[&str] = &[
        ".interp",
        ".note.ABI-tag",
        ".note.gnu.build-id",
        ".gnu.hash",
        ".dynsym",
        ".dynstr",
        ".gnu.version",
        ".gnu.version_d",
        ".gnu.version_r",
        ".rela.dyn",
        ".rela.plt",
        ".init",
        ".plt",
        ".text",
        "<text>",
        ".fini",
        ".rodata",
        "<ro>",
        ".gcc_except_table",
        ".eh_frame_hdr",
        ".eh_frame",
        ".tdata",
        ".tbss",
        ".preinit_array",
        ".init_array",
        ".fini_array",
        ".data.rel.ro",
        ".dynamic",
        ".got",
        ".data",
        "<data>",
        ".bss",
    ];
    ORDER.iter().position(|n| *n == name).unwrap_or(usize::MAX) as u32
}

fn flags_and_type(group: u8, name: &str) -> (u64, u32) {
    let a = elf::SHF_ALLOC as u64;
    let w = elf::SHF_WRITE as u64;
    let x = elf::SHF_EXECINSTR as u64;
    let t = elf::SHF_TLS as u64;
    match name {
        ".tdata" => (a | w | t, elf::SHT_PROGBITS),
        ".tbss" => (a | w | t, elf::SHT_NOBITS),
        ".bss" => (a | w, elf::SHT_NOBITS),
        ".init_array" => (a | w, elf::SHT_INIT_ARRAY),
        ".fini_array" => (a | w, elf::SHT_FINI_ARRAY),
        ".preinit_array" => (a | w, elf::SHT_PREINIT_ARRAY),
        ".dynamic" => (a | w, elf::SHT_DYNAMIC),
        ".dynsym" => (a, elf::SHT_DYNSYM),
        ".dynstr" => (a, elf::SHT_STRTAB),
        ".gnu.hash" => (a, elf::SHT_GNU_HASH),
        ".gnu.version" => (a, elf::SHT_GNU_VERSYM),
        ".gnu.version_d" => (a, elf::SHT_GNU_VERDEF),
        ".gnu.version_r" => (a, elf::SHT_GNU_VERNEED),
        ".rela.dyn" | ".rela.plt" => (a, elf::SHT_RELA),
        ".note.ABI-tag" | ".note.gnu.build-id" => (a, elf::SHT_NOTE),
        ".eh_frame" => (a, elf::SHT_X86_64_UNWIND),
        _ => match group {
            0 | 2 => (a, elf::SHT_PROGBITS),
            1 => (a | x, elf::SHT_PROGBITS),
            3 | 4 => (a | w, elf::SHT_PROGBITS),
            _ => (0, elf::SHT_PROGBITS),
        },
    }
}

pub(crate) fn layout(cfg: &Config, img: &Image) -> Layout {
    let base = if img.kind == OutputKind::Exec { img.script.base.unwrap_or(EXEC_BASE) & !(PAGE - 1) } else { 0 };
    let mut lay = Layout { base, ..Layout::default() };
    let mut secs: Vec<OutSec> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let get = |secs: &mut Vec<OutSec>, by_name: &mut HashMap<String, usize>, group: u8, name: &str| -> usize {
        *by_name.entry(name.to_string()).or_insert_with(|| {
            let (flags, sh_type) = flags_and_type(group, name);
            secs.push(OutSec { name: name.to_string(), sh_type, flags, align: 1, group, ..OutSec::default() });
            secs.len() - 1
        })
    };
    let dynamic = img.dynamic();

    // Synthetic sections, sized now, filled by `write`.
    let synth =
        |secs: &mut Vec<OutSec>, by_name: &mut HashMap<String, usize>, group: u8, name: &str, size: u64, align: u64, entsize: u64| {
            let i = get(secs, by_name, group, name);
            secs[i].size = size;
            secs[i].align = align;
            secs[i].entsize = entsize;
        };
    if dynamic && img.kind != OutputKind::Shared {
        let interp = cfg.dynamic_linker.as_deref().unwrap_or(super::DEFAULT_INTERP);
        synth(&mut secs, &mut by_name, 0, ".interp", interp.len() as u64 + 1, 1, 0);
    }
    if cfg.build_id {
        synth(&mut secs, &mut by_name, 0, ".note.gnu.build-id", 36, 4, 0);
    }
    if let Some(t) = &img.dyn_tables {
        synth(&mut secs, &mut by_name, 0, ".gnu.hash", t.gnu_hash.len() as u64, 8, 0);
        synth(&mut secs, &mut by_name, 0, ".dynsym", 24 * img.dynsyms.len() as u64, 8, 24);
        synth(&mut secs, &mut by_name, 0, ".dynstr", t.strs.bytes.len() as u64, 1, 0);
        if !t.versym.is_empty() {
            synth(&mut secs, &mut by_name, 0, ".gnu.version", t.versym.len() as u64, 2, 2);
        }
        if !t.verdef.is_empty() {
            synth(&mut secs, &mut by_name, 0, ".gnu.version_d", t.verdef.len() as u64, 8, 0);
        }
        if !t.verneed.is_empty() {
            synth(&mut secs, &mut by_name, 0, ".gnu.version_r", t.verneed.len() as u64, 8, 0);
        }
        if img.n_rela_dyn > 0 {
            synth(&mut secs, &mut by_name, 0, ".rela.dyn", 24 * img.n_rela_dyn, 8, 24);
        }
        synth(&mut secs, &mut by_name, 3, ".dynamic", 16 * dynamic::dynamic_entries(img, cfg, None, &t.strs).len() as u64, 8, 16);
    }
    if img.n_rela_plt > 0 {
        synth(&mut secs, &mut by_name, 0, ".rela.plt", 24 * img.n_rela_plt, 8, 24);
    }
    if !img.stubs.is_empty() {
        synth(&mut secs, &mut by_name, 1, ".plt", STUB_SIZE * img.stubs.len() as u64, 16, STUB_SIZE);
    }
    let wants_got = img.got_slots > 0 || img.res.externs.iter().any(|e| e.name == "_GLOBAL_OFFSET_TABLE_");
    if wants_got {
        synth(&mut secs, &mut by_name, 3, ".got", 8 * img.got_slots, 8, 8);
    }

    // Input sections.
    let mut place: Vec<Vec<Option<(usize, u64)>>> = img.objects.iter().map(|o| vec![None; o.sections.len()]).collect();
    let mut eh_fdes = 0usize;
    let mut arrays: Vec<(usize, u32, usize, usize)> = Vec::new();
    for (oi, o) in img.objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            if !img.res.kept[oi][si] {
                continue;
            }
            let Some((group, name)) = out_section_for(img, oi, si, cfg.strip) else { continue };
            let i = get(&mut secs, &mut by_name, group, &name);
            if matches!(s.kind, SectionKind::InitArray | SectionKind::FiniArray) {
                arrays.push((i, crate::array_priority(&s.name).0, oi, si));
                continue;
            }
            if s.kind == SectionKind::EhFrame {
                eh_fdes += ehhdr::count_fdes(&s.data);
            }
            // `.eh_frame` pieces stay back to back: padding would read as a terminator.
            let align = if s.kind == SectionKind::EhFrame { 4 } else { s.align.max(1) };
            let sec = &mut secs[i];
            let at = sec.size.next_multiple_of(align);
            sec.size = at + s.size;
            sec.align = sec.align.max(align);
            sec.parts.push((oi, si, at));
            place[oi][si] = Some((i, at));
        }
    }
    // Constructors run in priority order; equal priorities keep input order.
    arrays.sort_by_key(|a| (a.0, a.1));
    for (i, _, oi, si) in arrays {
        let s = &img.objects[oi].sections[si];
        let sec = &mut secs[i];
        let at = sec.size.next_multiple_of(s.align.max(1));
        sec.size = at + s.size;
        sec.align = sec.align.max(s.align.max(1));
        sec.parts.push((oi, si, at));
        place[oi][si] = Some((i, at));
    }
    if let Some(i) = secs.iter().position(|s| s.name == ".eh_frame") {
        secs[i].size += 4; // the zero terminator crtend.o would bring
        if dynamic || eh_fdes > 0 {
            synth(&mut secs, &mut by_name, 2, ".eh_frame_hdr", 12 + 8 * eh_fdes as u64, 4, 0);
        }
    }
    // Commons and copies at the end of .bss.
    if !img.res.commons.is_empty() || !img.copies.is_empty() {
        let i = get(&mut secs, &mut by_name, 4, ".bss");
        let sec = &mut secs[i];
        for c in &img.res.commons {
            let at = sec.size.next_multiple_of(c.align.max(1));
            sec.size = at + c.size;
            sec.align = sec.align.max(c.align.max(1));
            lay.commons.push(at);
        }
        for &e in &img.copies {
            let (size, lib_value) = match &img.ext[e] {
                super::plan::ExtDef::Import { size, lib_value, .. } => (*size, *lib_value),
                _ => (0, 0),
            };
            // The copy is as aligned as the original's address allows (up to 64).
            let align = 1u64 << lib_value.trailing_zeros().min(6);
            let at = sec.size.next_multiple_of(align);
            sec.size = at + size;
            sec.align = sec.align.max(align);
            lay.copies.push(at);
        }
    }

    // Order, then addresses.
    let mut order: Vec<usize> = (0..secs.len()).collect();
    order.sort_by_key(|&i| {
        let s = &secs[i];
        let custom_rank = match s.group {
            1 => rank("<text>"),
            2 => rank("<ro>"),
            _ => rank("<data>"),
        };
        let r = if rank(&s.name) == u32::MAX && s.group < 5 { custom_rank } else { rank(&s.name) };
        (s.group, r, i)
    });
    let mut secs: Vec<OutSec> = order.iter().map(|&i| std::mem::take(&mut secs[i])).collect();
    secs.retain(|s| s.size > 0 || s.name == ".got" || s.name == ".dynamic");
    by_name = secs.iter().enumerate().map(|(i, s)| (s.name.clone(), i)).collect();
    // Placements now name output sections by their final index.
    for (oi, slots) in place.iter_mut().enumerate() {
        for (si, slot) in slots.iter_mut().enumerate() {
            if let Some((_, at)) = *slot {
                let Some((_, name)) = out_section_for(img, oi, si, cfg.strip) else { continue };
                *slot = by_name.get(&name).map(|&i| (i, at));
            }
        }
    }

    let phdr_count = count_phdrs(img, &secs, cfg);
    let headers = 64 + 56 * phdr_count;
    let mut addr = lay.base + headers;
    let mut group = 0u8;
    let mut relro_end = None;
    let mut tls: Option<(u64, u64, u64, u64)> = None;
    for s in secs.iter_mut() {
        if s.group == 5 {
            continue;
        }
        if s.group != group {
            let leaving_relro = group == 3;
            if s.group == 4 && group == 3 {
                relro_end = Some(addr);
                if cfg.relro {
                    addr = addr.next_multiple_of(PAGE);
                }
            } else if !(s.group == 4 && leaving_relro) {
                addr = addr.next_multiple_of(PAGE);
            }
            group = s.group;
        }
        addr = addr.next_multiple_of(s.align.max(1));
        s.addr = addr;
        s.offset = addr - lay.base;
        if s.name == ".tbss" {
            // Occupies thread memory only.
            let t = tls.get_or_insert((addr, 0, 0, 1));
            t.2 = addr + s.size - t.0;
            t.3 = t.3.max(s.align);
            continue;
        }
        if s.name == ".tdata" {
            tls = Some((addr, s.size, s.size, s.align.max(1)));
        }
        addr += s.size;
    }
    if group == 3 {
        relro_end = Some(addr);
    }
    let file_end = secs.iter().filter(|s| s.group < 5 && s.sh_type != elf::SHT_NOBITS).map(|s| s.offset + s.size).max().unwrap_or(headers);
    let mut off = file_end;
    for s in secs.iter_mut().filter(|s| s.group == 5) {
        off = off.next_multiple_of(s.align.max(1));
        s.offset = off;
        s.addr = 0;
        off += s.size;
    }
    lay.secs = secs;
    lay.by_name = by_name;
    lay.place = place;
    lay.tls = tls;
    lay.file_end = file_end;
    // Commons and copies: offsets in .bss become addresses.
    if let Some(bss) = lay.section(".bss").map(|s| s.addr) {
        lay.commons.iter_mut().for_each(|a| *a += bss);
        lay.copies.iter_mut().for_each(|a| *a += bss);
    }
    lay.phdrs = phdrs(img, &lay, headers, relro_end, cfg);
    linker_symbols(img, &mut lay);
    lay
}

fn eval(e: &super::script::Expr, dot: u64, sym: &dyn Fn(&str) -> Option<u64>) -> u64 {
    use super::script::Expr;
    match e {
        Expr::Num(n) => *n,
        Expr::Sym(s) => sym(s).unwrap_or(0),
        Expr::Dot => dot,
        Expr::Add(a, b) => eval(a, dot, sym).wrapping_add(eval(b, dot, sym)),
        Expr::Sub(a, b) => eval(a, dot, sym).wrapping_sub(eval(b, dot, sym)),
        Expr::Mul(a, b) => eval(a, dot, sym).wrapping_mul(eval(b, dot, sym)),
        Expr::Align(a) => dot.next_multiple_of(eval(a, dot, sym).max(1)),
        Expr::SizeofHeaders => 0x1000,
    }
}

fn count_phdrs(img: &Image, secs: &[OutSec], cfg: &Config) -> u64 {
    let has = |n: &str| secs.iter().any(|s| s.name == n);
    let groups = |g: &[u8]| secs.iter().any(|s| g.contains(&s.group));
    let mut n = 1; // the first load (headers)
    n += u64::from(groups(&[1])) + u64::from(groups(&[2])) + u64::from(groups(&[3, 4]));
    n += u64::from(has(".interp")) * 2; // PT_PHDR + PT_INTERP
    n += u64::from(has(".dynamic"));
    n += u64::from(has(".note.ABI-tag") || has(".note.gnu.build-id"));
    n += u64::from(has(".tdata") || has(".tbss"));
    n += u64::from(has(".eh_frame_hdr"));
    n += 1; // PT_GNU_STACK
    n += u64::from(cfg.relro && groups(&[3]) && img.dynamic());
    n
}

fn phdrs(img: &Image, lay: &Layout, headers: u64, relro_end: Option<u64>, cfg: &Config) -> Vec<Phdr> {
    let mut out = Vec::new();
    let seg =
        |p_type, flags, s: &OutSec| Phdr { p_type, flags, offset: s.offset, addr: s.addr, filesz: s.size, memsz: s.size, align: s.align };
    if let Some(interp) = lay.section(".interp") {
        let size = 56 * (count_phdrs(img, &lay.secs, cfg));
        out.push(Phdr { p_type: elf::PT_PHDR, flags: elf::PF_R, offset: 64, addr: lay.base + 64, filesz: size, memsz: size, align: 8 });
        out.push(seg(elf::PT_INTERP, elf::PF_R, interp));
    }
    for (groups, flags) in [(&[0u8][..], elf::PF_R), (&[1], elf::PF_R | elf::PF_X), (&[2], elf::PF_R), (&[3, 4], elf::PF_R | elf::PF_W)] {
        let members: Vec<&OutSec> = lay.secs.iter().filter(|s| groups.contains(&s.group)).collect();
        if members.is_empty() && groups != [0] {
            continue;
        }
        let start = if groups == [0] { lay.base } else { members[0].addr };
        let file_end =
            members.iter().filter(|s| s.sh_type != elf::SHT_NOBITS).map(|s| s.addr + s.size).max().unwrap_or(lay.base + headers).max(start);
        let mem_end =
            members.iter().filter(|s| s.name != ".tbss").map(|s| s.addr + s.size).max().unwrap_or(lay.base + headers).max(file_end);
        out.push(Phdr {
            p_type: elf::PT_LOAD,
            flags,
            offset: start - lay.base,
            addr: start,
            filesz: file_end - start,
            memsz: mem_end - start,
            align: PAGE,
        });
    }
    if let Some(d) = lay.section(".dynamic") {
        out.push(seg(elf::PT_DYNAMIC, elf::PF_R | elf::PF_W, d));
    }
    let notes: Vec<&OutSec> = lay.secs.iter().filter(|s| s.sh_type == elf::SHT_NOTE).collect();
    if let (Some(first), Some(last)) = (notes.first(), notes.last()) {
        let size = last.addr + last.size - first.addr;
        out.push(Phdr {
            p_type: elf::PT_NOTE,
            flags: elf::PF_R,
            offset: first.offset,
            addr: first.addr,
            filesz: size,
            memsz: size,
            align: 4,
        });
    }
    if let Some((addr, filesz, memsz, align)) = lay.tls {
        out.push(Phdr { p_type: elf::PT_TLS, flags: elf::PF_R, offset: addr - lay.base, addr, filesz, memsz, align });
    }
    if let Some(h) = lay.section(".eh_frame_hdr") {
        out.push(seg(elf::PT_GNU_EH_FRAME, elf::PF_R, h));
    }
    let stack_flags = if cfg.exec_stack { elf::PF_R | elf::PF_W | elf::PF_X } else { elf::PF_R | elf::PF_W };
    out.push(Phdr { p_type: elf::PT_GNU_STACK, flags: stack_flags, offset: 0, addr: 0, filesz: 0, memsz: 0, align: 16 });
    if cfg.relro && img.dynamic() {
        let first = lay.secs.iter().find(|s| s.group == 3);
        if let (Some(first), Some(end)) = (first, relro_end) {
            let size = end - first.addr;
            out.push(Phdr {
                p_type: elf::PT_GNU_RELRO,
                flags: elf::PF_R,
                offset: first.offset,
                addr: first.addr,
                filesz: size,
                memsz: size,
                align: 1,
            });
        }
    }
    out
}

fn linker_symbols(img: &Image, lay: &mut Layout) {
    let mut m: HashMap<String, u64> = HashMap::new();
    let start = |n: &str| lay.section(n).map(|s| s.addr);
    let end = |n: &str| lay.section(n).map(|s| s.addr + s.size);
    let bss_start = start(".bss");
    let data_end =
        lay.secs.iter().filter(|s| s.group == 3 || s.group == 4).filter(|s| s.sh_type != elf::SHT_NOBITS).map(|s| s.addr + s.size).max();
    let mem_end = lay.secs.iter().filter(|s| s.group < 5 && s.name != ".tbss").map(|s| s.addr + s.size).max().unwrap_or(lay.base);
    let text_end = lay.secs.iter().filter(|s| s.group == 1).map(|s| s.addr + s.size).max().unwrap_or(lay.base);
    let got = start(".got").unwrap_or(0);
    m.insert("_GLOBAL_OFFSET_TABLE_".into(), got);
    m.insert("_DYNAMIC".into(), start(".dynamic").unwrap_or(0));
    m.insert("__ehdr_start".into(), lay.base);
    m.insert("__executable_start".into(), lay.base);
    for a in ["preinit_array", "init_array", "fini_array"] {
        let sec = format!(".{a}");
        // Without the section, start = end somewhere harmless.
        let s = start(&sec).unwrap_or(lay.base);
        m.insert(format!("__{a}_start"), s);
        m.insert(format!("__{a}_end"), end(&sec).unwrap_or(s));
    }
    let edata = data_end.unwrap_or(mem_end);
    m.insert("__bss_start".into(), bss_start.unwrap_or(edata));
    m.insert("_edata".into(), edata);
    m.insert("edata".into(), edata);
    m.insert("_end".into(), mem_end);
    m.insert("end".into(), mem_end);
    for n in ["etext", "_etext", "__etext"] {
        m.insert(n.into(), text_end);
    }
    m.insert("__GNU_EH_FRAME_HDR".into(), start(".eh_frame_hdr").unwrap_or(0));
    let iplt = if img.static_exe { start(".rela.plt") } else { None };
    m.insert("__rela_iplt_start".into(), iplt.unwrap_or(0));
    m.insert("__rela_iplt_end".into(), if img.static_exe { end(".rela.plt").unwrap_or(0) } else { 0 });
    for s in &lay.secs {
        if is_c_identifier(&s.name) {
            m.insert(format!("__start_{}", s.name), s.addr);
            m.insert(format!("__stop_{}", s.name), s.addr + s.size);
        }
    }
    let sym_addr = |name: &str| -> Option<u64> {
        match img.res.lookup(name)? {
            crate::resolve::Target::Def(oi, sid) => match img.objects[oi].symbol(sid).def {
                SymbolDef::Section { section, offset } => lay.place[oi][section.0 as usize].map(|(i, at)| lay.secs[i].addr + at + offset),
                _ => None,
            },
            _ => None,
        }
    };
    for (at, a) in &img.script.assigns {
        let dot = match at {
            super::script::At::Start => lay.base,
            super::script::At::In(sec, true) => start(sec).unwrap_or(0),
            super::script::At::In(sec, false) | super::script::At::After(sec) => end(sec).unwrap_or(0),
        };
        let v = eval(&a.expr, dot, &|n: &str| m.get(n).copied().or_else(|| sym_addr(n)));
        m.insert(a.name.clone(), v);
    }
    lay.init_fn = sym_addr("_init");
    lay.fini_fn = sym_addr("_fini");
    lay.linker_syms = m;
}
