//! ELF rewriting shared by `strip` and `objcopy`: drop sections, filter
//! the symbol table, add sections, turn sections into NOBITS, and write a
//! consistent file. A relocatable object is laid out afresh (symbol and
//! section indices renumbered through relocations, groups and links). A
//! linked file keeps every byte its program headers load in place; kept
//! non-allocated sections, a new section-name table and the section
//! header table follow the loaded bytes.

use crate::Error;
use crate::elf::*;

/// Which symbols survive.
pub enum Symbols {
    /// All of them (the table is rewritten only for renumbering).
    All,
    /// None: `.symtab` and `.strtab` go away.
    Drop,
    /// Keep symbol `i` when `keep[i]` (index 0 is always kept).
    Keep(Vec<bool>),
}

/// What a rewrite does.
pub struct Plan {
    /// `remove[i]`: section `i` is dropped.
    pub remove: Vec<bool>,
    /// `nobits[i]`: section `i` keeps its header but loses its bytes.
    pub nobits: Vec<bool>,
    pub symbols: Symbols,
    /// New non-allocated sections: (name, contents).
    pub add: Vec<(String, Vec<u8>)>,
    /// Lay out a linked file afresh instead of keeping its loaded bytes
    /// (`--only-keep-debug`, whose allocated sections are all NOBITS).
    pub fresh_layout: bool,
}

impl Plan {
    pub fn new(elf: &Elf) -> Plan {
        let n = elf.sections.len();
        Plan { remove: vec![false; n], nobits: vec![false; n], symbols: Symbols::All, add: Vec::new(), fresh_layout: false }
    }
}

/// One output section: its header fields and where its bytes come from.
struct Out {
    name: String,
    kind: u32,
    flags: u64,
    addr: u64,
    offset: u64,
    size: u64,
    link: u32,
    info: u32,
    align: u64,
    entsize: u64,
    data: Vec<u8>,
    /// Keep the original file offset (a loaded section of a linked file).
    pinned: bool,
}

fn put32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put64(v: &mut Vec<u8>, x: u64) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// The rewritten file.
pub fn rewrite(elf: &Elf, plan: &Plan) -> Result<Vec<u8>, Error> {
    let n = elf.sections.len();
    let err = |m: String| Error::new(&elf.name, m);
    let linked = !elf.is_relocatable() && !plan.fresh_layout;
    let symtab = elf.sections.iter().find(|s| s.kind == SHT_SYMTAB).map(|s| s.index);
    let mut remove = plan.remove.clone();
    remove.resize(n, false);
    if let Some(t) = symtab
        && matches!(plan.symbols, Symbols::Drop)
    {
        remove[t] = true;
        if let Some(l) = elf.sections.get(elf.sections[t].link as usize)
            && l.index != elf.shstrndx
        {
            remove[l.index] = true;
        }
    }
    // The old section-name table is replaced by a new one at the end.
    if elf.shstrndx != 0 {
        remove[elf.shstrndx] = true;
    }
    // Sections that only make sense with something removed go too:
    // relocations of removed sections or against a removed symbol table,
    // and groups without their symbol table.
    for s in &elf.sections {
        let against_removed = symtab.is_some_and(|t| remove[t] && s.link as usize == t);
        if (s.kind == SHT_REL || s.kind == SHT_RELA) && !s.is_alloc() && (remove.get(s.info as usize) == Some(&true) || against_removed) {
            remove[s.index] = true;
        }
        if (s.kind == SHT_GROUP || s.kind == SHT_SYMTAB_SHNDX) && against_removed {
            remove[s.index] = true;
        }
    }
    if linked && let Some(s) = elf.sections.iter().find(|s| remove[s.index] && s.is_alloc() && s.index != 0) {
        return Err(err(format!("cannot remove allocated section '{}' from a linked file", s.name)));
    }
    remove[0] = false;
    // Added sections go before the symbol table, as GNU objcopy puts them.
    let insert_at = symtab.filter(|&t| !remove[t]).unwrap_or(n);
    // Old section index → new.
    let mut sec_map = vec![0u32; n];
    let mut next = 0u32;
    for (i, r) in remove.iter().enumerate() {
        if i == insert_at {
            next += plan.add.len() as u32;
        }
        if !r {
            sec_map[i] = next;
            next += 1;
        }
    }
    let map_sec = |i: u32| -> u32 { sec_map.get(i as usize).copied().unwrap_or(0) };

    // The symbol table, filtered and renumbered.
    let mut sym_map: Vec<Option<u32>> = Vec::new();
    let mut new_symtab: Option<(Vec<u8>, Vec<u8>, u32)> = None;
    if let Some(t) = symtab.filter(|&t| !remove[t]) {
        if elf.sections.iter().any(|s| s.kind == SHT_SYMTAB_SHNDX && !remove[s.index]) && !matches!(plan.symbols, Symbols::All) {
            return Err(err("cannot filter a symbol table with extended section indices (SHT_SYMTAB_SHNDX)".into()));
        }
        let syms = elf.symbols_in(&elf.sections[t])?;
        let mut keep: Vec<bool> = match &plan.symbols {
            Symbols::Keep(k) => (0..syms.len()).map(|i| i == 0 || k.get(i).copied().unwrap_or(false)).collect(),
            _ => vec![true; syms.len()],
        };
        for (i, s) in syms.iter().enumerate() {
            // A symbol in a removed section cannot be kept.
            if i != 0 && s.shndx != SHN_UNDEF && s.shndx < 0xff00 && remove.get(s.shndx as usize).copied().unwrap_or(true) {
                keep[i] = false;
            }
        }
        let raw = elf.section_data(&elf.sections[t])?;
        let (mut table, mut strings) = (Vec::new(), vec![0u8]);
        let mut locals = 0u32;
        let mut count = 0u32;
        sym_map = vec![None; syms.len()];
        // Locals first, as ELF requires; order is otherwise kept.
        for pass in [true, false] {
            for (i, s) in syms.iter().enumerate() {
                if !keep[i] || (s.bind == STB_LOCAL) != pass {
                    continue;
                }
                let mut e = raw[i * 24..i * 24 + 24].to_vec();
                let name = if s.name.is_empty() {
                    0
                } else {
                    let off = strings.len() as u32;
                    strings.extend_from_slice(s.name.as_bytes());
                    strings.push(0);
                    off
                };
                e[0..4].copy_from_slice(&name.to_le_bytes());
                if s.shndx != SHN_UNDEF && s.shndx < 0xff00 {
                    e[6..8].copy_from_slice(&(map_sec(u32::from(s.shndx)) as u16).to_le_bytes());
                }
                table.extend_from_slice(&e);
                sym_map[i] = Some(count);
                count += 1;
                if pass {
                    locals = count;
                }
            }
        }
        new_symtab = Some((table, strings, locals));
    }
    let map_sym = |i: u32, what: &str| -> Result<u32, Error> {
        match sym_map.get(i as usize) {
            Some(Some(n)) => Ok(*n),
            _ if i == 0 => Ok(0),
            _ => Err(err(format!("symbol {i} is needed by {what} but was removed"))),
        }
    };

    let mut outs: Vec<Out> = Vec::new();
    let added: Vec<Out> = plan
        .add
        .iter()
        .map(|(name, data)| Out {
            name: name.clone(),
            kind: SHT_PROGBITS,
            flags: 0,
            addr: 0,
            offset: 0,
            size: data.len() as u64,
            link: 0,
            info: 0,
            align: 1,
            entsize: 0,
            data: data.clone(),
            pinned: false,
        })
        .collect();
    let mut added = Some(added);
    for s in elf.sections.iter().filter(|s| !remove[s.index]) {
        if s.index == insert_at {
            outs.extend(added.take().unwrap_or_default());
        }
        let nobits = plan.nobits.get(s.index).copied().unwrap_or(false) && s.index != 0;
        let mut data = if nobits || s.index == 0 { Vec::new() } else { elf.section_data(s)?.to_vec() };
        let mut info = s.info;
        let link = if s.link != 0 { map_sec(s.link) } else { 0 };
        match s.kind {
            SHT_SYMTAB if Some(s.index) == symtab => {
                if let Some((t, _, locals)) = &new_symtab {
                    data = t.clone();
                    info = *locals;
                }
            }
            SHT_STRTAB if symtab.is_some_and(|t| elf.sections[t].link as usize == s.index && s.index != elf.shstrndx) => {
                if let Some((_, strs, _)) = &new_symtab {
                    data = strs.clone();
                }
            }
            SHT_REL | SHT_RELA if !s.is_alloc() => {
                let width = if s.kind == SHT_RELA { 24 } else { 16 };
                let uses_symtab = symtab.is_some_and(|t| s.link as usize == t);
                for e in data.chunks_exact_mut(width) {
                    let rinfo = u64_at(e, 8).unwrap_or(0);
                    let sym = (rinfo >> 32) as u32;
                    let new = if uses_symtab { map_sym(sym, &format!("a relocation in '{}'", s.name))? } else { sym };
                    e[8..16].copy_from_slice(&((u64::from(new) << 32) | (rinfo & 0xffff_ffff)).to_le_bytes());
                }
                info = map_sec(s.info);
            }
            SHT_GROUP => {
                info = map_sym(s.info, &format!("group '{}'", s.name))?;
                let mut v = data.get(..4).map(<[u8]>::to_vec).unwrap_or_default();
                for w in data.chunks_exact(4).skip(1) {
                    let old = u32_at(w, 0).unwrap_or(0);
                    if !remove.get(old as usize).copied().unwrap_or(true) {
                        put32(&mut v, map_sec(old));
                    }
                }
                data = v;
            }
            _ if s.flags & SHF_INFO_LINK != 0 => info = map_sec(s.info),
            _ => {}
        }
        let kind = if nobits { SHT_NOBITS } else { s.kind };
        let size = if s.has_contents() && !nobits { data.len() as u64 } else { s.size };
        outs.push(Out {
            name: s.name.clone(),
            kind,
            flags: s.flags,
            addr: s.addr,
            offset: s.offset,
            size,
            link,
            info,
            align: s.align,
            entsize: s.entsize,
            data,
            pinned: linked && s.is_alloc(),
        });
    }
    outs.extend(added.take().unwrap_or_default());
    // The new section-name table comes last.
    let mut shstr = vec![0u8];
    let mut name_offs = Vec::with_capacity(outs.len() + 1);
    for o in &outs {
        if o.name.is_empty() {
            name_offs.push(0u32);
        } else {
            name_offs.push(shstr.len() as u32);
            shstr.extend_from_slice(o.name.as_bytes());
            shstr.push(0);
        }
    }
    name_offs.push(shstr.len() as u32);
    shstr.extend_from_slice(b".shstrtab\0");
    outs.push(Out {
        name: ".shstrtab".into(),
        kind: SHT_STRTAB,
        flags: 0,
        addr: 0,
        offset: 0,
        size: shstr.len() as u64,
        link: 0,
        info: 0,
        align: 1,
        entsize: 0,
        data: shstr,
        pinned: false,
    });
    if outs.len() >= 0xff00 {
        return Err(err("too many sections".into()));
    }

    // Layout.
    let phdr_end = elf.phoff.saturating_add(elf.segments.len() as u64 * 56);
    let mut file: Vec<u8> = if linked {
        let mut end = phdr_end.max(64);
        for p in &elf.segments {
            end = end.max(p.offset.saturating_add(p.filesz));
        }
        for o in outs.iter().filter(|o| o.pinned && o.kind != SHT_NOBITS) {
            end = end.max(o.offset.saturating_add(o.size));
        }
        bytes(elf.data, 0, end).ok_or_else(|| err("program headers extend past the end of the file".into()))?.to_vec()
    } else {
        let mut v = bytes(elf.data, 0, 64).ok_or_else(|| err("truncated header".into()))?.to_vec();
        if !elf.segments.is_empty() {
            // Fresh layout of a linked file: the program headers follow the
            // ELF header, unchanged.
            let ph = bytes(elf.data, elf.phoff, elf.segments.len() as u64 * 56).ok_or_else(|| err("truncated program headers".into()))?;
            v.extend_from_slice(ph);
            v[32..40].copy_from_slice(&64u64.to_le_bytes());
        }
        v
    };
    for (i, o) in outs.iter_mut().enumerate() {
        if i == 0 {
            continue;
        }
        if o.pinned {
            continue;
        }
        let align = o.align.clamp(1, 4096) as usize;
        while !file.len().is_multiple_of(align) {
            file.push(0);
        }
        o.offset = file.len() as u64;
        if o.kind != SHT_NOBITS {
            file.extend_from_slice(&o.data);
        }
    }
    while !file.len().is_multiple_of(8) {
        file.push(0);
    }
    let shoff = file.len() as u64;
    for (i, o) in outs.iter().enumerate() {
        if i == 0 {
            file.extend_from_slice(&[0u8; 64]);
            continue;
        }
        put32(&mut file, name_offs[i]);
        put32(&mut file, o.kind);
        put64(&mut file, o.flags);
        put64(&mut file, o.addr);
        put64(&mut file, o.offset);
        put64(&mut file, o.size);
        put32(&mut file, o.link);
        put32(&mut file, o.info);
        put64(&mut file, o.align);
        put64(&mut file, o.entsize);
    }
    file[40..48].copy_from_slice(&shoff.to_le_bytes());
    file[58..60].copy_from_slice(&64u16.to_le_bytes());
    file[60..62].copy_from_slice(&(outs.len() as u16).to_le_bytes());
    file[62..64].copy_from_slice(&((outs.len() - 1) as u16).to_le_bytes());
    Ok(file)
}
