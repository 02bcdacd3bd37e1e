//! Data objects, aliases and constructor/destructor arrays.

use crate::object::{Asm, binding, visibility};
use obj::{RelocKind, SectionKind, SymbolDef, SymbolKind};

/// The section a global goes to: its `section` attribute (kind guessed from
/// the name, as gas does) or the usual one for its kind.
fn placement(g: &kir::Global) -> (String, SectionKind) {
    if let Some(s) = &g.section {
        let kind = if s.starts_with(".tbss") {
            SectionKind::TlsBss
        } else if s.starts_with(".tdata") || g.thread_local {
            SectionKind::Tls
        } else if s.starts_with(".bss") && g.init.is_none() {
            SectionKind::Bss
        } else if s.starts_with(".rodata") {
            SectionKind::ReadOnlyData
        } else if s.starts_with(".text") {
            SectionKind::Text
        } else {
            SectionKind::Data
        };
        return (s.clone(), kind);
    }
    let (name, kind) = match (g.thread_local, g.init.is_some(), g.readonly) {
        (true, false, _) => (".tbss", SectionKind::TlsBss),
        (true, true, _) => (".tdata", SectionKind::Tls),
        (false, false, _) => (".bss", SectionKind::Bss),
        (false, true, true) => (".rodata", SectionKind::ReadOnlyData),
        (false, true, false) => (".data", SectionKind::Data),
    };
    (name.to_string(), kind)
}

pub(crate) fn globals(a: &mut Asm, m: &kir::Module) {
    for g in &m.globals {
        let kind = if g.thread_local { SymbolKind::Tls } else { SymbolKind::Data };
        let (bind, vis) = (binding(g.linkage), visibility(g.visibility));
        if g.common && g.init.is_none() && !g.thread_local && g.section.is_none() {
            a.define(&g.name, kind, bind, vis, SymbolDef::Common { align: g.align.max(1) as u64 }, g.size);
            continue;
        }
        let (name, skind) = placement(g);
        let align = g.align.max(1) as u64;
        let sec = a.section(&name, skind, align);
        let off = match (&g.init, skind) {
            (_, SectionKind::Bss | SectionKind::TlsBss) => a.o.reserve(sec, g.size, align),
            (Some(init), _) => {
                // Padded to the object's size; a flexible array member's
                // initializer may make it longer.
                let off = a.o.append(sec, &init.bytes, align);
                let pad = g.size.saturating_sub(init.bytes.len() as u64);
                a.o.append(sec, &vec![0; pad as usize], 1);
                off
            }
            // Zero-initialised in a section with contents (`section` attribute).
            (None, _) => a.o.append(sec, &vec![0; g.size as usize], align),
        };
        a.define(&g.name, kind, bind, vis, SymbolDef::Section { section: sec, offset: off }, g.size);
        for (roff, target, addend) in g.init.iter().flat_map(|i| &i.relocs) {
            let s = a.sym(target);
            a.reloc(sec, off + roff, RelocKind::Abs64, s, *addend);
        }
    }
}

/// Extra names at the definition of their target.
pub(crate) fn aliases(a: &mut Asm, m: &kir::Module) -> Result<(), String> {
    for al in &m.aliases {
        let target = a.lookup(&al.target).map(|id| a.o.symbol(id).clone());
        let Some(t) = target.filter(|t| !matches!(t.def, SymbolDef::Undefined)) else {
            return Err(format!("alias '{}' refers to undefined symbol '{}'", al.name, al.target));
        };
        a.define(&al.name, t.kind, binding(al.linkage), t.visibility, t.def, t.size);
    }
    Ok(())
}

/// `.init_array` / `.fini_array` entries; a priority other than the default
/// 65535 goes to `.init_array.NNNNN`, which linkers sort by number.
pub(crate) fn init_arrays(a: &mut Asm, m: &kir::Module) {
    for (list, base, kind) in [(&m.ctors, ".init_array", SectionKind::InitArray), (&m.dtors, ".fini_array", SectionKind::FiniArray)] {
        for (f, prio) in list {
            let name = if *prio == 65535 { base.to_string() } else { format!("{base}.{prio:05}") };
            let sec = a.section(&name, kind, 8);
            let off = a.o.append(sec, &[0; 8], 8);
            let s = a.sym(f);
            a.reloc(sec, off, RelocKind::Abs64, s, 0);
        }
    }
}
