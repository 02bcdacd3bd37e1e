//! Filling the laid-out file: section contents, relocations (static values
//! and the dynamic relocations the loader applies), the linker-made tables,
//! the symbol table and the ELF headers.

use super::layout::{Layout, STUB_SIZE};
use super::plan::{Class, ExtDef, GotEntry, Image, Relax};
use super::{Config, OutputKind, Strip, dynamic, ehhdr};
use crate::LinkError;
use crate::got::{R_X86_64_TLSLD, is_call_operand, stub_code};
use crate::resolve::Target;
use obj::{Binding, RelocKind, SectionKind, SymbolDef, SymbolKind};
use object::elf;

use object::elf::{R_X86_64_GOTOFF64, R_X86_64_GOTPC32, R_X86_64_SIZE32, R_X86_64_SIZE64};

/// A dynamic relocation: place, type, dynamic symbol, addend.
#[derive(Clone, Copy)]
struct Rela(u64, u32, u32, i64);

struct Writer<'a> {
    img: &'a Image,
    lay: &'a Layout,
    buf: Vec<u8>,
    rela_dyn: Vec<Rela>,
    rela_plt: Vec<Rela>,
    errors: Vec<String>,
}

impl Image {
    /// The address a symbol is defined at (a thread-local's is inside the
    /// TLS template; in non-allocated sections, the offset in the section).
    pub(crate) fn sym_addr(&self, t: Target) -> u64 {
        let lay = &self.lay;
        match t {
            Target::Def(oi, sid) => match self.objects[oi].symbol(sid).def {
                SymbolDef::Section { section, offset } => {
                    lay.place[oi].get(section.0 as usize).copied().flatten().map_or(0, |(i, at)| lay.secs[i].addr + at + offset)
                }
                SymbolDef::Absolute(v) => v,
                _ => 0,
            },
            Target::Common(ci) => lay.commons[ci],
            Target::Ext(i) => match &self.ext[i] {
                ExtDef::Import { .. } => match self.copy_index.get(&i) {
                    Some(&c) => lay.copies[c],
                    None if self.canonical[i] => self.stub_addr(t).unwrap_or(0),
                    None => 0,
                },
                ExtDef::Linker => lay.linker_syms.get(&self.res.externs[i].name).copied().unwrap_or(0),
                ExtDef::Zero => 0,
            },
            Target::Discarded(..) => 0,
        }
    }

    fn ext_def(&self, t: Target) -> Option<&ExtDef> {
        match t {
            Target::Ext(i) => self.ext.get(i),
            _ => None,
        }
    }

    fn stub_addr(&self, t: Target) -> Option<u64> {
        let plt = self.lay.section(".plt")?;
        self.stub_index.get(&t).map(|n| plt.addr + STUB_SIZE * n)
    }

    /// The address code and data use for a symbol: an ifunc, an import or
    /// an interposable function of a shared library is reached through its
    /// stub.
    fn ref_addr(&self, t: Target) -> u64 {
        match self.class(t) {
            Class::LocalIfunc | Class::Import(_) | Class::Preemptible => self.stub_addr(t).unwrap_or_else(|| self.sym_addr(t)),
            _ => self.sym_addr(t),
        }
    }

    fn got_addr(&self, e: GotEntry) -> u64 {
        let base = self.lay.section(".got").map_or(0, |s| s.addr);
        base + 8 * self.got_index.get(&e).copied().unwrap_or(0)
    }

    fn dynsym_of(&self, t: Target) -> u32 {
        match t {
            Target::Ext(i) => self.dynsym_of_ext.get(&i).copied().unwrap_or(0),
            _ => self.dynsym_of_def.get(&t).copied().unwrap_or(0),
        }
    }

    /// A link map (`-Map`): output sections and the input sections in them.
    pub(crate) fn map_text(&self) -> String {
        let mut s = String::from("Output section        Address             Size  Input\n");
        for sec in &self.lay.secs {
            s.push_str(&format!("{:<20} {:#018x} {:#10x}\n", sec.name, sec.addr, sec.size));
            for &(oi, si, at) in &sec.parts {
                let o = &self.objects[oi];
                s.push_str(&format!(
                    "{:<20} {:#018x} {:#10x}  {}({})\n",
                    "",
                    sec.addr + at,
                    o.sections[si].size,
                    o.name,
                    o.sections[si].name
                ));
            }
        }
        s
    }
}

pub(crate) fn write(cfg: &Config, img: &Image) -> Result<Vec<u8>, LinkError> {
    let lay = &img.lay;
    let end =
        lay.secs.iter().filter(|s| s.sh_type != elf::SHT_NOBITS).map(|s| s.offset + s.size).max().unwrap_or(lay.file_end).max(lay.file_end);
    let mut w = Writer { img, lay, buf: vec![0; end as usize], rela_dyn: Vec::new(), rela_plt: Vec::new(), errors: Vec::new() };
    w.copy_sections();
    w.relocate();
    w.fill_got_and_stubs();
    for &e in &img.copies {
        let at = lay.copies[img.copy_index[&e]];
        w.rela_dyn.push(Rela(at, elf::R_X86_64_COPY, img.dynsym_of(Target::Ext(e)), 0));
    }
    if !w.errors.is_empty() {
        return Err(LinkError { messages: w.errors });
    }
    if w.rela_dyn.len() as u64 != img.n_rela_dyn || w.rela_plt.len() as u64 != img.n_rela_plt {
        return Err(LinkError::one(format!(
            "internal error: planned {}+{} dynamic relocations, made {}+{}",
            img.n_rela_dyn,
            img.n_rela_plt,
            w.rela_dyn.len(),
            w.rela_plt.len()
        )));
    }
    w.dynamic_tables(cfg);
    w.eh_frame_hdr();
    w.finish(cfg)
}

impl Writer<'_> {
    fn put(&mut self, off: u64, bytes: &[u8]) {
        if let Some(d) = self.buf.get_mut(off as usize..off as usize + bytes.len()) {
            d.copy_from_slice(bytes);
        }
    }

    fn put_section(&mut self, name: &str, bytes: &[u8]) {
        if let Some(s) = self.lay.section(name) {
            let n = bytes.len().min(s.size as usize);
            let off = s.offset;
            self.put(off, &bytes[..n]);
        }
    }

    fn copy_sections(&mut self) {
        let lay = self.lay;
        for s in &lay.secs {
            if s.sh_type == elf::SHT_NOBITS {
                continue;
            }
            for &(oi, si, at) in &s.parts {
                let sec = &self.img.objects[oi].sections[si];
                let n = sec.data.len().min(sec.size as usize);
                self.put(s.offset + at, &sec.data[..n]);
            }
        }
    }

    fn relocate(&mut self) {
        let img = self.img;
        let lay = self.lay;
        let got_base = lay.section(".got").map_or(0, |s| s.addr);
        for out in &lay.secs {
            let alloc = out.flags & elf::SHF_ALLOC as u64 != 0;
            for &(oi, si, at) in &out.parts {
                let o = &img.objects[oi];
                let s = &o.sections[si];
                for (ri, (r, &t)) in s.relocs.iter().zip(&img.res.targets[oi][si]).enumerate() {
                    let place_off = out.offset + at + r.offset;
                    match img.relax.get(&(oi, si, ri)) {
                        Some(Relax::GdToLe) => {
                            let tpoff = lay.tpoff(img.sym_addr(t)) as i32;
                            let mut code = vec![0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0, 0x48, 0x8d, 0x80];
                            code.extend_from_slice(&tpoff.to_le_bytes());
                            self.put(place_off - 4, &code);
                            continue;
                        }
                        Some(Relax::LdToLe) => {
                            self.put(place_off - 3, &[0x66, 0x66, 0x66, 0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0]);
                            continue;
                        }
                        Some(Relax::Dropped) => continue,
                        None => {}
                    }
                    let p = out.addr + at + r.offset;
                    let a = r.addend;
                    let name = img.target_name(t).to_string();
                    let here = || format!("{}: {}+{:#x}", o.name, s.name, r.offset);
                    if let Target::Discarded(..) = t {
                        if alloc && s.kind != SectionKind::EhFrame {
                            self.errors.push(format!("error: {}: refers to '{name}' in a discarded COMDAT section", here()));
                        }
                        continue;
                    }
                    let class = img.class(t);
                    if class == Class::Zero && name == "__tls_get_addr" && !matches!(img.ext_def(t), Some(ExtDef::Import { .. })) {
                        self.errors.push(format!("error: {}: undefined reference to '__tls_get_addr' (a thread-local access kit could not rewrite for this executable)", here()));
                        continue;
                    }
                    let pcrel = |dest: u64| (dest as i64).wrapping_add(a).wrapping_sub(p as i64);
                    let bytes: Result<Vec<u8>, String> = match r.kind {
                        RelocKind::Abs64 if !alloc => Ok(img.sym_addr(t).wrapping_add(a as u64).to_le_bytes().to_vec()),
                        RelocKind::Abs64 => {
                            let v = img.ref_addr(t).wrapping_add(a as u64);
                            match class {
                                Class::Import(_) | Class::Preemptible => {
                                    self.rela_dyn.push(Rela(p, elf::R_X86_64_64, img.dynsym_of(t), a));
                                    Ok(0u64.to_le_bytes().to_vec())
                                }
                                Class::Zero => Ok((a as u64).to_le_bytes().to_vec()),
                                _ => {
                                    if img.abs64_dynamic(t) {
                                        self.rela_dyn.push(Rela(p, elf::R_X86_64_RELATIVE, 0, v as i64));
                                    }
                                    Ok(v.to_le_bytes().to_vec())
                                }
                            }
                        }
                        RelocKind::Abs32 | RelocKind::Abs32S => {
                            let v = if alloc { img.ref_addr(t) } else { img.sym_addr(t) }.wrapping_add(a as u64);
                            if alloc && img.pic && matches!(class, Class::Local | Class::LocalIfunc) && !img.is_absolute(t) {
                                Err(format!(
                                    "error: {}: 32-bit absolute relocation against '{name}' cannot be used in a position-independent output: recompile with -fPIC (or link with -no-pie)",
                                    here()
                                ))
                            } else {
                                let ok =
                                    if r.kind == RelocKind::Abs32 { u32::try_from(v).is_ok() } else { i32::try_from(v as i64).is_ok() };
                                if ok || !alloc {
                                    Ok((v as u32).to_le_bytes().to_vec())
                                } else {
                                    Err(out_of_range(&here(), &name, v as i64))
                                }
                            }
                        }
                        RelocKind::PcRel32 | RelocKind::Plt32 => {
                            let call = r.kind == RelocKind::Plt32 || is_call_operand(&s.data, r);
                            let dest = if call || matches!(class, Class::Import(_) | Class::LocalIfunc) {
                                img.ref_addr(t)
                            } else {
                                img.sym_addr(t)
                            };
                            let v = pcrel(dest);
                            i32::try_from(v).map(|x| x.to_le_bytes().to_vec()).map_err(|_| out_of_range(&here(), &name, v))
                        }
                        RelocKind::PcRel64 => Ok(pcrel(img.ref_addr(t)).to_le_bytes().to_vec()),
                        RelocKind::GotPcRel32 | RelocKind::GotPcRelX32 => rel32(pcrel(img.got_addr(GotEntry::Addr(t))), &here(), &name),
                        RelocKind::TlsGd => rel32(pcrel(img.got_addr(GotEntry::Gd(t))), &here(), &name),
                        RelocKind::ElfRaw(R_X86_64_TLSLD) => rel32(pcrel(img.got_addr(GotEntry::Ld)), &here(), &name),
                        RelocKind::GotTpOff32 => rel32(pcrel(img.got_addr(GotEntry::TpOff(t))), &here(), &name),
                        RelocKind::TpOff32 => rel32(lay.tpoff(img.sym_addr(t)).wrapping_add(a), &here(), &name),
                        // In code of an executable the local-dynamic base is the thread pointer.
                        RelocKind::DtpOff32 if s.kind == SectionKind::Text && img.ld_as_le.contains(&oi) => {
                            rel32(lay.tpoff(img.sym_addr(t)).wrapping_add(a), &here(), &name)
                        }
                        RelocKind::DtpOff32 => Ok((lay.dtpoff(img.sym_addr(t)).wrapping_add(a as u64) as u32).to_le_bytes().to_vec()),
                        RelocKind::DtpOff64 => Ok(lay.dtpoff(img.sym_addr(t)).wrapping_add(a as u64).to_le_bytes().to_vec()),
                        RelocKind::SecRel32 => Ok((img.sym_addr(t).wrapping_add(a as u64) as u32).to_le_bytes().to_vec()),
                        RelocKind::ElfRaw(0) => continue,
                        RelocKind::ElfRaw(R_X86_64_GOTPC32) => rel32(pcrel(got_base), &here(), &name),
                        RelocKind::ElfRaw(R_X86_64_GOTOFF64) => {
                            Ok(img.sym_addr(t).wrapping_add(a as u64).wrapping_sub(got_base).to_le_bytes().to_vec())
                        }
                        RelocKind::ElfRaw(R_X86_64_SIZE32) => {
                            Ok((symbol_size(img, t).wrapping_add(a as u64) as u32).to_le_bytes().to_vec())
                        }
                        RelocKind::ElfRaw(R_X86_64_SIZE64) => Ok(symbol_size(img, t).wrapping_add(a as u64).to_le_bytes().to_vec()),
                        RelocKind::ElfRaw(n) => Err(format!("error: {}: unsupported relocation type {n} against '{name}'", here())),
                    };
                    match bytes {
                        Ok(b) if r.offset + b.len() as u64 <= s.size => self.put(place_off, &b),
                        Ok(_) => self.errors.push(format!("error: {}: relocation against '{name}' lies outside the section", here())),
                        Err(e) => self.errors.push(e),
                    }
                }
            }
        }
    }

    fn fill_got_and_stubs(&mut self) {
        let img = self.img;
        let lay = self.lay;
        let dynamic = img.dynamic();
        for &e in &img.got {
            let at = img.got_addr(e);
            let off = at - lay.base;
            match e {
                GotEntry::Addr(t) => match img.class(t) {
                    Class::Import(_) | Class::Preemptible => self.rela_dyn.push(Rela(at, elf::R_X86_64_GLOB_DAT, img.dynsym_of(t), 0)),
                    Class::Zero => {}
                    Class::Local | Class::LocalIfunc => {
                        let v = img.ref_addr(t);
                        self.put(off, &v.to_le_bytes());
                        if img.got_dynamic_relocs(e) > 0 {
                            self.rela_dyn.push(Rela(at, elf::R_X86_64_RELATIVE, 0, v as i64));
                        }
                    }
                },
                GotEntry::Plt(t) => match img.class(t) {
                    Class::LocalIfunc => {
                        let resolver = img.sym_addr(t);
                        self.put(off, &resolver.to_le_bytes());
                        self.rela_plt.push(Rela(at, elf::R_X86_64_IRELATIVE, 0, resolver as i64));
                    }
                    _ => self.rela_plt.push(Rela(at, elf::R_X86_64_JUMP_SLOT, img.dynsym_of(t), 0)),
                },
                GotEntry::TpOff(t) => match img.class(t) {
                    Class::Import(_) | Class::Preemptible => self.rela_dyn.push(Rela(at, elf::R_X86_64_TPOFF64, img.dynsym_of(t), 0)),
                    _ if img.kind == OutputKind::Shared => {
                        self.rela_dyn.push(Rela(at, elf::R_X86_64_TPOFF64, 0, lay.dtpoff(img.sym_addr(t)) as i64))
                    }
                    _ => self.put(off, &lay.tpoff(img.sym_addr(t)).to_le_bytes()),
                },
                GotEntry::Gd(t) => match img.class(t) {
                    Class::Import(_) | Class::Preemptible => {
                        let d = img.dynsym_of(t);
                        self.rela_dyn.push(Rela(at, elf::R_X86_64_DTPMOD64, d, 0));
                        self.rela_dyn.push(Rela(at + 8, elf::R_X86_64_DTPOFF64, d, 0));
                    }
                    _ => {
                        if dynamic {
                            self.rela_dyn.push(Rela(at, elf::R_X86_64_DTPMOD64, 0, 0));
                        } else {
                            self.put(off, &1u64.to_le_bytes());
                        }
                        self.put(off + 8, &lay.dtpoff(img.sym_addr(t)).to_le_bytes());
                    }
                },
                GotEntry::Ld => {
                    if dynamic {
                        self.rela_dyn.push(Rela(at, elf::R_X86_64_DTPMOD64, 0, 0));
                    } else {
                        self.put(off, &1u64.to_le_bytes());
                    }
                }
            }
        }
        if let Some(plt) = lay.section(".plt") {
            let (plt_addr, plt_off) = (plt.addr, plt.offset);
            for (n, &t) in img.stubs.iter().enumerate() {
                let at = plt_addr + STUB_SIZE * n as u64;
                let code = stub_code(at, img.got_addr(GotEntry::Plt(t)));
                self.put(plt_off + STUB_SIZE * n as u64, &code);
            }
        }
    }

    fn dynamic_tables(&mut self, cfg: &Config) {
        let img = self.img;
        let lay = self.lay;
        if let Some(interp) = lay.section(".interp") {
            let mut b = cfg.dynamic_linker.as_deref().unwrap_or(super::DEFAULT_INTERP).as_bytes().to_vec();
            b.push(0);
            let off = interp.offset;
            self.put(off, &b);
        }
        let relas = |v: &mut Vec<Rela>| -> Vec<u8> {
            // RELATIVE first, as loaders and DT_RELACOUNT expect.
            v.sort_by_key(|r| (r.1 != elf::R_X86_64_RELATIVE, r.0));
            v.iter()
                .flat_map(|r| {
                    let mut e = Vec::with_capacity(24);
                    e.extend_from_slice(&r.0.to_le_bytes());
                    e.extend_from_slice(&(((r.2 as u64) << 32) | r.1 as u64).to_le_bytes());
                    e.extend_from_slice(&r.3.to_le_bytes());
                    e
                })
                .collect()
        };
        let d = relas(&mut self.rela_dyn);
        self.put_section(".rela.dyn", &d);
        let p = relas(&mut self.rela_plt);
        self.put_section(".rela.plt", &p);
        let Some(tables) = &img.dyn_tables else { return };
        let strs = &tables.strs;
        self.put_section(".dynstr", &strs.bytes);
        self.put_section(".gnu.hash", &tables.gnu_hash);
        self.put_section(".gnu.version", &tables.versym);
        self.put_section(".gnu.version_d", &tables.verdef);
        self.put_section(".gnu.version_r", &tables.verneed);
        let mut syms = Vec::new();
        let bss_index = lay.index(".bss").map_or(0, |i| i + 1) as u16;
        for s in &img.dynsyms {
            let (shndx, value) = match (s.def, s.copy) {
                (Some(t), _) => {
                    let v = img.sym_addr(t);
                    let sec = def_section(img, t).map_or(elf::SHN_ABS, |i| i as u16 + 1);
                    let v = if s.elf_type == elf::STT_TLS { lay.dtpoff(v) } else { v };
                    (sec, v)
                }
                (None, Some(e)) => (bss_index, lay.copies[img.copy_index[&e]]),
                (None, None) if s.absolute => (elf::SHN_ABS, 0),
                (None, None) => {
                    // A canonical stub gives an import an address in the executable.
                    let canonical = s.ext.filter(|&i| img.canonical[i]);
                    (0, canonical.and_then(|i| img.stub_addr(Target::Ext(i))).unwrap_or(0))
                }
            };
            push_sym(&mut syms, strs.get(&s.name), (s.binding << 4) | s.elf_type, 0, shndx, value, s.size);
        }
        self.put_section(".dynsym", &syms);
        let mut dynbytes = Vec::new();
        for (tag, val) in dynamic::dynamic_entries(img, cfg, Some(lay), strs) {
            dynbytes.extend_from_slice(&(tag as u64).to_le_bytes());
            dynbytes.extend_from_slice(&val.to_le_bytes());
        }
        self.put_section(".dynamic", &dynbytes);
    }

    fn eh_frame_hdr(&mut self) {
        let lay = self.lay;
        let (Some(hdr), Some(eh)) = (lay.section(".eh_frame_hdr"), lay.section(".eh_frame")) else { return };
        let data = self.buf[eh.offset as usize..(eh.offset + eh.size) as usize].to_vec();
        let code_secs = || lay.secs.iter().filter(|s| s.group == 1);
        let code = code_secs().map(|s| s.addr).min().unwrap_or(0)..code_secs().map(|s| s.addr + s.size).max().unwrap_or(0);
        let bytes = ehhdr::build(&data, eh.addr, hdr.addr, hdr.size as usize, code);
        let off = hdr.offset;
        self.put(off, &bytes);
    }

    /// Symbol table, section headers, ELF and program headers, build-id.
    fn finish(mut self, cfg: &Config) -> Result<Vec<u8>, LinkError> {
        let img = self.img;
        let lay = self.lay;
        let mut strtab = vec![0u8];
        let mut symtab = Vec::new();
        push_sym(&mut symtab, 0, 0, 0, 0, 0, 0);
        let mut first_global = 1;
        if cfg.strip != Strip::All {
            let add_name = |n: &str, strtab: &mut Vec<u8>| {
                let off = strtab.len() as u32;
                strtab.extend_from_slice(n.as_bytes());
                strtab.push(0);
                off
            };
            let sym_value = |t: Target, kind: SymbolKind| {
                let v = img.sym_addr(t);
                if kind == SymbolKind::Tls { lay.dtpoff(v) } else { v }
            };
            for (oi, o) in img.objects.iter().enumerate() {
                for (i, s) in o.symbols.iter().enumerate() {
                    if s.binding != Binding::Local
                        || s.name.is_empty()
                        || s.name.starts_with(".L")
                        || matches!(s.kind, SymbolKind::Section | SymbolKind::File)
                    {
                        continue;
                    }
                    let t = Target::Def(oi, obj::SymbolId(i as u32));
                    let Some(sec) = def_section(img, t) else { continue };
                    let name = add_name(&s.name, &mut strtab);
                    push_sym(
                        &mut symtab,
                        name,
                        st_info(elf::STB_LOCAL, s.kind),
                        other(s.visibility),
                        sec as u16 + 1,
                        sym_value(t, s.kind),
                        s.size,
                    );
                }
            }
            let mut globals: Vec<(&String, &Target)> = img.res.globals.iter().collect();
            globals.sort_by(|a, b| a.0.cmp(b.0));
            // Globals a version script or --exclude-libs made local go with
            // the locals, as GNU ld lists them.
            let (localized, globals): (Vec<_>, Vec<_>) = globals.into_iter().partition(|(_, t)| img.exports.localized.contains(t));
            for (name, &t) in localized {
                let Target::Def(oi, sid) = t else { continue };
                let s = img.objects[oi].symbol(sid);
                let Some(sec) = def_section(img, t) else { continue };
                let n = add_name(name, &mut strtab);
                push_sym(
                    &mut symtab,
                    n,
                    st_info(elf::STB_LOCAL, s.kind),
                    other(s.visibility),
                    sec as u16 + 1,
                    sym_value(t, s.kind),
                    s.size,
                );
            }
            first_global = symtab.len() / 24;
            for (name, &t) in globals {
                let (kind, bind, vis, size) = match t {
                    Target::Def(oi, sid) => {
                        let s = img.objects[oi].symbol(sid);
                        (s.kind, if s.binding == Binding::Weak { elf::STB_WEAK } else { elf::STB_GLOBAL }, s.visibility, s.size)
                    }
                    Target::Common(ci) => (SymbolKind::Data, elf::STB_GLOBAL, obj::Visibility::Default, img.res.commons[ci].size),
                    _ => continue,
                };
                let shndx = match (t, def_section(img, t)) {
                    (_, Some(i)) => i as u16 + 1,
                    // Defined in a section that was not linked (collected).
                    (Target::Def(oi, sid), None) if matches!(img.objects[oi].symbol(sid).def, SymbolDef::Section { .. }) => continue,
                    _ => elf::SHN_ABS,
                };
                let n = add_name(name, &mut strtab);
                push_sym(&mut symtab, n, st_info(bind, kind), other(vis), shndx, sym_value(t, kind), size);
            }
            for (i, e) in img.ext.iter().enumerate() {
                if let ExtDef::Import { .. } = e {
                    let n = add_name(&img.res.externs[i].name, &mut strtab);
                    let bind = if img.res.externs[i].weak { elf::STB_WEAK } else { elf::STB_GLOBAL };
                    push_sym(&mut symtab, n, (bind << 4) | elf::STT_NOTYPE, 0, 0, 0, 0);
                }
            }
        }

        // Non-allocated tail: .symtab, .strtab, .shstrtab, section headers.
        let mut shstrtab = vec![0u8];
        let mut shname = |n: &str| {
            let off = shstrtab.len() as u32;
            shstrtab.extend_from_slice(n.as_bytes());
            shstrtab.push(0);
            off
        };
        let names: Vec<u32> = lay.secs.iter().map(|s| shname(&s.name)).collect();
        let has_symtab = cfg.strip != Strip::All;
        let symtab_name = shname(".symtab");
        let strtab_name = shname(".strtab");
        let shstrtab_name = shname(".shstrtab");
        let mut off = self.buf.len() as u64;
        // (name, type, offset, size, link, info, align, entsize)
        type Shdr = (u32, u32, u64, u64, u32, u32, u64, u64);
        let mut extra: Vec<Shdr> = Vec::new();
        let nsec = lay.secs.len() as u32;
        if has_symtab {
            off = off.next_multiple_of(8);
            self.buf.resize(off as usize, 0);
            self.buf.extend_from_slice(&symtab);
            extra.push((symtab_name, elf::SHT_SYMTAB, off, symtab.len() as u64, nsec + 2, first_global as u32, 8, 24));
            off += symtab.len() as u64;
            self.buf.extend_from_slice(&strtab);
            extra.push((strtab_name, elf::SHT_STRTAB, off, strtab.len() as u64, 0, 0, 1, 0));
            off += strtab.len() as u64;
        }
        let shstr_off = off;
        self.buf.extend_from_slice(&shstrtab);
        extra.push((shstrtab_name, elf::SHT_STRTAB, shstr_off, shstrtab.len() as u64, 0, 0, 1, 0));
        let shoff = (self.buf.len() as u64).next_multiple_of(8);
        self.buf.resize(shoff as usize, 0);
        let mut sh = vec![0u8; 64];
        let dynsym_index = lay.index(".dynsym").map_or(0, |i| i as u32 + 1);
        let dynstr_index = lay.index(".dynstr").map_or(0, |i| i as u32 + 1);
        for (i, s) in lay.secs.iter().enumerate() {
            let (link, info) = match s.name.as_str() {
                ".dynsym" => (dynstr_index, img.first_hashed as u32),
                ".dynamic" => (dynstr_index, 0),
                ".gnu.version_r" => (dynstr_index, dynamic::verneed_count(img) as u32),
                ".gnu.version_d" => (dynstr_index, dynamic::verdef_count(img) as u32),
                ".gnu.hash" | ".gnu.version" | ".rela.dyn" => (dynsym_index, 0),
                ".rela.plt" => (dynsym_index, lay.index(".got").map_or(0, |g| g as u32 + 1)),
                _ => (0, 0),
            };
            push_shdr(&mut sh, names[i], s.sh_type, s.flags, s.addr, s.offset, s.size, link, info, s.align, s.entsize);
        }
        for (name, ty, o, size, link, info, align, entsize) in extra {
            push_shdr(&mut sh, name, ty, 0, 0, o, size, link, info, align, entsize);
        }
        self.buf.extend_from_slice(&sh);
        let shnum = (sh.len() / 64) as u16;

        // ELF header and program headers.
        let entry = img.res.lookup(&img.entry).map_or(0, |t| img.sym_addr(t));
        let mut h = Vec::with_capacity(64);
        h.extend_from_slice(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let e_type = if img.kind == OutputKind::Exec { elf::ET_EXEC } else { elf::ET_DYN };
        h.extend_from_slice(&e_type.to_le_bytes());
        h.extend_from_slice(&elf::EM_X86_64.to_le_bytes());
        h.extend_from_slice(&1u32.to_le_bytes());
        h.extend_from_slice(&entry.to_le_bytes());
        h.extend_from_slice(&64u64.to_le_bytes());
        h.extend_from_slice(&shoff.to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes());
        for v in [64u16, 56, lay.phdrs.len() as u16, 64, shnum, shnum - 1] {
            h.extend_from_slice(&v.to_le_bytes());
        }
        for p in &lay.phdrs {
            h.extend_from_slice(&p.p_type.to_le_bytes());
            h.extend_from_slice(&p.flags.to_le_bytes());
            for v in [p.offset, p.addr, p.addr, p.filesz, p.memsz, p.align] {
                h.extend_from_slice(&v.to_le_bytes());
            }
        }
        self.put(0, &h);
        if let Some(note) = lay.section(".note.gnu.build-id") {
            let id = build_id(&self.buf);
            let mut n = Vec::new();
            n.extend_from_slice(&4u32.to_le_bytes());
            n.extend_from_slice(&(id.len() as u32).to_le_bytes());
            n.extend_from_slice(&elf::NT_GNU_BUILD_ID.to_le_bytes());
            n.extend_from_slice(b"GNU\0");
            n.extend_from_slice(&id);
            let off = note.offset;
            self.put(off, &n);
        }
        Ok(self.buf)
    }
}

fn def_section(img: &Image, t: Target) -> Option<usize> {
    match t {
        Target::Def(oi, sid) => match img.objects[oi].symbol(sid).def {
            SymbolDef::Section { section, .. } => img.lay.place[oi].get(section.0 as usize).copied().flatten().map(|(i, _)| i),
            _ => None,
        },
        Target::Common(_) => img.lay.index(".bss"),
        _ => None,
    }
}

fn symbol_size(img: &Image, t: Target) -> u64 {
    match t {
        Target::Def(oi, sid) => img.objects[oi].symbol(sid).size,
        Target::Common(ci) => img.res.commons[ci].size,
        Target::Ext(i) => match &img.ext[i] {
            ExtDef::Import { size, .. } => *size,
            _ => 0,
        },
        Target::Discarded(..) => 0,
    }
}

fn rel32(v: i64, here: &str, name: &str) -> Result<Vec<u8>, String> {
    i32::try_from(v).map(|x| x.to_le_bytes().to_vec()).map_err(|_| out_of_range(here, name, v))
}

fn out_of_range(here: &str, name: &str, v: i64) -> String {
    format!("error: {here}: relocation against '{name}' out of range ({v:#x} does not fit in 32 bits)")
}

fn st_info(bind: u8, kind: SymbolKind) -> u8 {
    let ty = match kind {
        SymbolKind::Func => elf::STT_FUNC,
        SymbolKind::Ifunc => elf::STT_GNU_IFUNC,
        SymbolKind::Data => elf::STT_OBJECT,
        SymbolKind::Tls => elf::STT_TLS,
        _ => elf::STT_NOTYPE,
    };
    (bind << 4) | ty
}

fn other(v: obj::Visibility) -> u8 {
    match v {
        obj::Visibility::Default => elf::STV_DEFAULT,
        obj::Visibility::Hidden => elf::STV_HIDDEN,
        obj::Visibility::Protected => elf::STV_PROTECTED,
    }
}

fn push_sym(out: &mut Vec<u8>, name: u32, info: u8, other: u8, shndx: u16, value: u64, size: u64) {
    out.extend_from_slice(&name.to_le_bytes());
    out.push(info);
    out.push(other);
    out.extend_from_slice(&shndx.to_le_bytes());
    out.extend_from_slice(&value.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
}

#[allow(clippy::too_many_arguments)]
fn push_shdr(
    out: &mut Vec<u8>,
    name: u32,
    ty: u32,
    flags: u64,
    addr: u64,
    offset: u64,
    size: u64,
    link: u32,
    info: u32,
    align: u64,
    entsize: u64,
) {
    out.extend_from_slice(&name.to_le_bytes());
    out.extend_from_slice(&ty.to_le_bytes());
    for v in [flags, addr, offset, size] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&link.to_le_bytes());
    out.extend_from_slice(&info.to_le_bytes());
    out.extend_from_slice(&align.to_le_bytes());
    out.extend_from_slice(&entsize.to_le_bytes());
}

/// 20 bytes identifying the output (deterministic, not cryptographic).
fn build_id(bytes: &[u8]) -> Vec<u8> {
    let mut id = Vec::with_capacity(20);
    for seed in 0..3u64 {
        let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
        }
        id.extend_from_slice(&h.to_le_bytes());
    }
    id.truncate(20);
    id
}
