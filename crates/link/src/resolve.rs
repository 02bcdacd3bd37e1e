//! Symbol resolution across the objects of one image: COMDAT groups, global
//! definitions (strong over weak, commons merged), and the target of every
//! relocation — a definition in the image or a name to look up outside it.

use crate::LinkError;
use obj::{Binding, Object, SectionKind, SymbolDef, SymbolId, SymbolKind};
use std::collections::HashMap;

/// Where a relocation's symbol resolves.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Target {
    /// Defined in the image: object, symbol.
    Def(usize, SymbolId),
    /// A merged common symbol, by index into [`Resolution::commons`].
    Common(usize),
    /// Outside the image (or synthesised), by index into [`Resolution::externs`].
    Ext(usize),
    /// A local symbol in a section dropped with a duplicate COMDAT group
    /// (say, the `.eh_frame` FDE of a dropped inline function), by object
    /// and symbol: unwind and debug data referring to it are left alone.
    Discarded(usize, SymbolId),
}

/// A common symbol after merging: the largest size and alignment win.
pub(crate) struct Common {
    pub name: String,
    pub size: u64,
    pub align: u64,
}

pub(crate) struct Extern {
    pub name: String,
    /// Every reference is weak: an unresolved name becomes 0.
    pub weak: bool,
    /// Objects that reference the name, for error messages.
    pub users: Vec<usize>,
}

pub(crate) struct Resolution {
    /// Winning global definitions by name.
    pub globals: HashMap<String, Target>,
    /// Plain names that only a default version defines (`f` for `f@@V`):
    /// references to them bind there, as with GNU ld.
    pub defaults: HashMap<String, Target>,
    pub commons: Vec<Common>,
    pub externs: Vec<Extern>,
    /// Per object and section: false for sections dropped with a duplicate
    /// COMDAT group.
    pub kept: Vec<Vec<bool>>,
    /// Per object, section, relocation: the resolved target.
    pub targets: Vec<Vec<Vec<Target>>>,
}

/// Sections whose contents end up in the image's memory.
pub(crate) fn is_loaded(k: SectionKind) -> bool {
    matches!(
        k,
        SectionKind::Text
            | SectionKind::Data
            | SectionKind::ReadOnlyData
            | SectionKind::Bss
            | SectionKind::Tls
            | SectionKind::TlsBss
            | SectionKind::InitArray
            | SectionKind::FiniArray
            | SectionKind::EhFrame
    )
}

/// The first object to bring a COMDAT group keeps it; later copies are dropped.
fn comdat_kept(objects: &[Object]) -> Vec<Vec<bool>> {
    let mut owner: HashMap<&str, usize> = HashMap::new();
    objects
        .iter()
        .enumerate()
        .map(|(oi, o)| {
            o.sections
                .iter()
                .map(|s| match &s.comdat {
                    Some(sig) => *owner.entry(sig.as_str()).or_insert(oi) == oi,
                    None => true,
                })
                .collect()
        })
        .collect()
}

fn defined_in_kept(o: &Object, kept: &[bool], sid: SymbolId) -> bool {
    match o.symbol(sid).def {
        SymbolDef::Section { section, .. } => kept.get(section.0 as usize).copied().unwrap_or(false),
        SymbolDef::Undefined => false,
        _ => true,
    }
}

/// `f` for `f@@VERSION`, the default version gas's `.symver` defines.
pub(crate) fn default_version_base(name: &str) -> Option<&str> {
    let (base, version) = name.split_once("@@")?;
    (!base.is_empty() && !version.is_empty()).then_some(base)
}

impl Resolution {
    /// The definition a reference to `name` binds to.
    pub(crate) fn lookup(&self, name: &str) -> Option<Target> {
        self.globals.get(name).or_else(|| self.defaults.get(name)).copied()
    }
}

fn binding_of(objects: &[Object], t: Target) -> Binding {
    match t {
        Target::Def(oi, sid) => objects[oi].symbol(sid).binding,
        _ => Binding::Global,
    }
}

/// A definition of `f@@V` also defines `f`, as GNU ld's indirect symbol
/// does: it beats a weak plain `f` and yields to a strong one only when it
/// is weak itself. Two strong ones, or two default versions of one name,
/// are multiple definitions.
fn default_versions(objects: &[Object], globals: &mut HashMap<String, Target>, errors: &mut Vec<String>) -> HashMap<String, Target> {
    let mut versioned: Vec<(&str, &str, Target)> =
        globals.iter().filter_map(|(n, &t)| default_version_base(n).map(|b| (b, n.as_str(), t))).collect();
    versioned.sort_by(|a, b| a.1.cmp(b.1));
    let name_of = |t: Target| match t {
        Target::Def(oi, _) => objects[oi].name.as_str(),
        _ => "<common>",
    };
    let mut defaults: HashMap<String, Target> = HashMap::new();
    let mut drop_plain = Vec::new();
    for (base, name, t) in versioned {
        let weak = binding_of(objects, t) == Binding::Weak;
        if let Some(&prev) = defaults.get(base) {
            errors.push(format!(
                "error: multiple definition of '{base}': default versions in {} and {} (again as '{name}')",
                name_of(prev),
                name_of(t)
            ));
            continue;
        }
        match globals.get(base) {
            None => {}
            Some(&plain) if binding_of(objects, plain) == Binding::Weak => drop_plain.push(base.to_string()),
            Some(_) if weak => continue,
            Some(&plain) => {
                errors.push(format!(
                    "error: multiple definition of '{base}': defined in {}, and as '{name}' in {}",
                    name_of(plain),
                    name_of(t)
                ));
                continue;
            }
        }
        defaults.insert(base.to_string(), t);
    }
    for n in drop_plain {
        globals.remove(&n);
    }
    defaults
}

pub(crate) fn resolve(objects: &[Object]) -> Result<Resolution, LinkError> {
    let kept = comdat_kept(objects);
    let mut errors = Vec::new();
    // Global definitions.
    let mut globals: HashMap<String, Target> = HashMap::new();
    let mut commons: Vec<Common> = Vec::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.symbols.iter().enumerate() {
            let sid = SymbolId(si as u32);
            if s.binding == Binding::Local || s.kind == SymbolKind::Section || !defined_in_kept(o, &kept[oi], sid) {
                continue;
            }
            if s.name.is_empty() {
                continue;
            }
            if let SymbolDef::Common { align } = s.def {
                match globals.get(&s.name) {
                    Some(&Target::Common(ci)) => {
                        let c = &mut commons[ci];
                        c.size = c.size.max(s.size);
                        c.align = c.align.max(align);
                    }
                    Some(&Target::Def(po, ps)) if objects[po].symbol(ps).binding != Binding::Weak => {}
                    _ => {
                        commons.push(Common { name: s.name.clone(), size: s.size, align: align.max(1) });
                        globals.insert(s.name.clone(), Target::Common(commons.len() - 1));
                    }
                }
                continue;
            }
            let this = Target::Def(oi, sid);
            match globals.get(&s.name) {
                None | Some(Target::Common(_)) => {
                    // A real definition beats a tentative one.
                    globals.insert(s.name.clone(), this);
                }
                Some(&Target::Def(po, ps)) => {
                    let prev = objects[po].symbol(ps);
                    if prev.binding == Binding::Weak && s.binding != Binding::Weak {
                        globals.insert(s.name.clone(), this);
                    } else if prev.binding != Binding::Weak && s.binding != Binding::Weak {
                        errors.push(format!(
                            "error: multiple definition of '{}': first defined in {}, again in {}",
                            s.name, objects[po].name, o.name
                        ));
                    }
                }
                // Globals only ever hold definitions and commons.
                Some(Target::Ext(_) | Target::Discarded(..)) => {}
            }
        }
    }
    let defaults = default_versions(objects, &mut globals, &mut errors);
    if !errors.is_empty() {
        return Err(LinkError { messages: errors });
    }

    // The target of every relocation in a loaded, kept section.
    let mut externs: Vec<Extern> = Vec::new();
    let mut ext_index: HashMap<String, usize> = HashMap::new();
    let mut targets = Vec::with_capacity(objects.len());
    for (oi, o) in objects.iter().enumerate() {
        let mut per_sec = Vec::with_capacity(o.sections.len());
        for (si, s) in o.sections.iter().enumerate() {
            // Debug sections too: `kit ld` relocates them into the file.
            if !kept[oi][si] || !(is_loaded(s.kind) || s.kind == SectionKind::Debug) {
                per_sec.push(Vec::new());
                continue;
            }
            let mut ts = Vec::with_capacity(s.relocs.len());
            for r in &s.relocs {
                let Some(sym) = o.symbols.get(r.symbol.0 as usize) else {
                    return Err(LinkError::one(format!(
                        "error: {}: relocation in {} at {:#x} names symbol #{} of {}",
                        o.name,
                        s.name,
                        r.offset,
                        r.symbol.0,
                        o.symbols.len()
                    )));
                };
                let local_def = sym.binding == Binding::Local && sym.def != SymbolDef::Undefined;
                let t = if local_def || sym.kind == SymbolKind::Section {
                    if !defined_in_kept(o, &kept[oi], r.symbol) && sym.def != SymbolDef::Undefined {
                        Target::Discarded(oi, r.symbol)
                    } else {
                        Target::Def(oi, r.symbol)
                    }
                } else if let Some(&t) = globals.get(&sym.name).or_else(|| defaults.get(&sym.name)) {
                    t
                } else {
                    let n = ext_index.len();
                    let i = *ext_index.entry(sym.name.clone()).or_insert(n);
                    if i == externs.len() {
                        externs.push(Extern { name: sym.name.clone(), weak: true, users: Vec::new() });
                    }
                    let e = &mut externs[i];
                    e.weak &= sym.binding == Binding::Weak;
                    if !e.users.contains(&oi) {
                        e.users.push(oi);
                    }
                    Target::Ext(i)
                };
                ts.push(t);
            }
            per_sec.push(ts);
        }
        targets.push(per_sec);
    }
    Ok(Resolution { globals, defaults, commons, externs, kept, targets })
}
