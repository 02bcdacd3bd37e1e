//! Applying relocations (x86-64) against the image's live addresses.

use crate::got::{R_X86_64_TLSLD, STUB_SIZE, Tables, TlsPair, is_call_operand};
use crate::layout::Layout;
use crate::resolve::{Resolution, Target};
use obj::{Object, RelocKind, SectionKind, SymbolDef};

const R_X86_64_NONE: u32 = 0;
const R_X86_64_SIZE32: u32 = 32;
const R_X86_64_SIZE64: u32 = 33;

/// Runtime addresses of everything a relocation can name.
pub(crate) struct Addrs<'a> {
    pub base: u64,
    pub objects: &'a [Object],
    pub res: &'a Resolution,
    pub lay: &'a Layout,
    pub tables: &'a Tables,
    /// Address of each extern (0 for an unresolved weak one).
    pub ext: &'a [u64],
}

impl Addrs<'_> {
    /// The symbol's address; for a thread-local, its offset in the TLS block.
    pub(crate) fn value(&self, t: Target) -> u64 {
        match t {
            Target::Def(oi, sid) => match self.objects[oi].symbol(sid).def {
                SymbolDef::Section { section, offset } => {
                    let si = section.0 as usize;
                    if let Some(Some(at)) = self.lay.sec[oi].get(si) {
                        self.base + at + offset
                    } else if let Some(Some(at)) = self.lay.tls[oi].get(si) {
                        at + offset
                    } else {
                        0
                    }
                }
                SymbolDef::Absolute(v) => v,
                SymbolDef::Common { .. } | SymbolDef::Undefined => 0,
            },
            Target::Common(ci) => self.base + self.lay.commons[ci],
            Target::Ext(i) => self.ext[i],
            Target::Discarded(..) => 0,
        }
    }

    fn size(&self, t: Target) -> u64 {
        match t {
            Target::Def(oi, sid) => self.objects[oi].symbol(sid).size,
            Target::Common(ci) => self.res.commons[ci].size,
            Target::Ext(_) | Target::Discarded(..) => 0,
        }
    }

    pub(crate) fn stub(&self, t: Target) -> Option<u64> {
        self.tables.stubs.get(&t).map(|n| self.base + self.lay.stub_base + STUB_SIZE * n)
    }

    pub(crate) fn got_slot(&self, t: Target) -> Option<u64> {
        self.tables.got.get(&t).map(|n| self.base + self.lay.got_base + 8 * n)
    }

    fn tls_pair(&self, p: TlsPair) -> Option<u64> {
        self.tables.tls_pairs.get(&p).map(|n| self.base + self.lay.tls_pair_base + 16 * n)
    }

    fn name(&self, t: Target) -> &str {
        match t {
            Target::Def(oi, sid) => &self.objects[oi].symbol(sid).name,
            Target::Common(ci) => &self.res.commons[ci].name,
            Target::Ext(i) => &self.res.externs[i].name,
            Target::Discarded(oi, sid) => &self.objects[oi].symbol(sid).name,
        }
    }
}

/// Where relocated bytes go: an offset from the image base, or into the
/// TLS template (`.tdata` holding addresses, `__thread int *p = &x;`).
#[derive(Clone, Copy)]
pub(crate) enum Dest {
    Image(u64),
    Tls(u64),
}

/// Applies every relocation of the loaded sections through `write`. All
/// problems are collected, each naming the object, the place and the symbol.
pub(crate) fn apply(a: &Addrs, write: &mut dyn FnMut(Dest, &[u8])) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    for (oi, o) in a.objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            let (sec_at, in_tls) = match (a.lay.sec[oi][si], a.lay.tls[oi][si]) {
                (Some(at), _) => (at, false),
                (None, Some(at)) => (at, true),
                (None, None) => continue,
            };
            for (r, &t) in s.relocs.iter().zip(&a.res.targets[oi][si]) {
                if let Target::Discarded(..) = t {
                    if s.kind != SectionKind::EhFrame {
                        errs.push(format!(
                            "error: {}: {}+{:#x} refers to '{}' in a discarded COMDAT section",
                            o.name,
                            s.name,
                            r.offset,
                            a.name(t)
                        ));
                    }
                    continue;
                }
                // A place in the TLS template has no single address.
                let p = if in_tls { 0 } else { a.base + sec_at + r.offset };
                let sv = a.value(t);
                let name = a.name(t);
                let place = format!("{}: {}+{:#x}", o.name, s.name, r.offset);
                let pcrel = |dest: u64| (dest as i64).wrapping_add(r.addend).wrapping_sub(p as i64);
                let fits32 = |v: i64| i32::try_from(v).ok().map(|x| x.to_le_bytes().to_vec());
                let out_of_reach = || {
                    format!(
                        "error: {place}: PC-relative reference to '{name}' at {sv:#x} is out of reach of the JIT image at {:#x} \
                         (external data must be reached through the GOT: compile with -fPIC)",
                        a.base
                    )
                };
                let bytes: Result<Vec<u8>, String> = match r.kind {
                    RelocKind::Abs64 => Ok(sv.wrapping_add(r.addend as u64).to_le_bytes().to_vec()),
                    RelocKind::PcRel64 => Ok(pcrel(sv).to_le_bytes().to_vec()),
                    RelocKind::Abs32 | RelocKind::Abs32S => {
                        let v = sv.wrapping_add(r.addend as u64);
                        let ok = if r.kind == RelocKind::Abs32 { u32::try_from(v).is_ok() } else { i32::try_from(v as i64).is_ok() };
                        if ok {
                            Ok((v as u32).to_le_bytes().to_vec())
                        } else {
                            Err(format!(
                                "error: {place}: 32-bit absolute reference to '{name}' cannot hold its address {v:#x} \
                                 (code for the JIT must be position-independent: compile with -fPIC)"
                            ))
                        }
                    }
                    RelocKind::SecRel32 => Ok((sv.wrapping_add(r.addend as u64) as u32).to_le_bytes().to_vec()),
                    RelocKind::PcRel32 => match fits32(pcrel(sv)) {
                        Some(b) => Ok(b),
                        // A call operand may detour through a stub.
                        None => match a.stub(t).filter(|_| is_call_operand(&s.data, r)) {
                            Some(stub) => fits32(pcrel(stub)).ok_or_else(out_of_reach),
                            None => Err(out_of_reach()),
                        },
                    },
                    RelocKind::Plt32 => {
                        let dest = a.stub(t).unwrap_or(sv);
                        fits32(pcrel(dest)).ok_or_else(out_of_reach)
                    }
                    RelocKind::GotPcRel32 | RelocKind::GotPcRelX32 => {
                        let slot = a.got_slot(t).unwrap_or(0);
                        fits32(pcrel(slot)).ok_or_else(out_of_reach)
                    }
                    RelocKind::TlsGd => {
                        let pair = a.tls_pair(TlsPair::Var(t)).unwrap_or(0);
                        fits32(pcrel(pair)).ok_or_else(out_of_reach)
                    }
                    RelocKind::ElfRaw(R_X86_64_TLSLD) => {
                        let pair = a.tls_pair(TlsPair::Module).unwrap_or(0);
                        fits32(pcrel(pair)).ok_or_else(out_of_reach)
                    }
                    RelocKind::DtpOff32 => Ok((sv.wrapping_add(r.addend as u64) as u32).to_le_bytes().to_vec()),
                    RelocKind::DtpOff64 => Ok(sv.wrapping_add(r.addend as u64).to_le_bytes().to_vec()),
                    RelocKind::TpOff32 | RelocKind::GotTpOff32 => Err(format!(
                        "error: {place}: thread-local '{name}' is accessed with the initial-exec/local-exec TLS model, \
                         which the JIT cannot serve (its thread-locals are not in the static TLS block): compile with -fPIC"
                    )),
                    RelocKind::ElfRaw(R_X86_64_NONE) => Ok(Vec::new()),
                    RelocKind::ElfRaw(R_X86_64_SIZE32) => Ok((a.size(t).wrapping_add(r.addend as u64) as u32).to_le_bytes().to_vec()),
                    RelocKind::ElfRaw(R_X86_64_SIZE64) => Ok(a.size(t).wrapping_add(r.addend as u64).to_le_bytes().to_vec()),
                    RelocKind::ElfRaw(n) => Err(format!("error: {place}: unsupported relocation type {n} against '{name}'")),
                };
                match bytes {
                    Ok(b) if r.offset.checked_add(b.len() as u64).is_some_and(|end| end <= s.size) => {
                        let at = sec_at + r.offset;
                        write(if in_tls { Dest::Tls(at) } else { Dest::Image(at) }, &b)
                    }
                    Ok(_) => errs.push(format!("error: {place}: relocation against '{name}' lies outside the section")),
                    Err(e) => errs.push(e),
                }
            }
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}
