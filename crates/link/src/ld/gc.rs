//! `--gc-sections`: drops loadable sections nothing reachable refers to.
//! Roots are the entry point, exported symbols, constructors and
//! destructors, `.init`/`.fini`, notes and identifier-named sections (their
//! `__start_`/`__stop_` bounds are found by name, not by relocation).

use super::plan::is_c_identifier;
use crate::resolve::{Resolution, Target, is_loaded};
use obj::{Object, SectionKind, SymbolDef};

pub(crate) fn collect(objects: &[Object], res: &mut Resolution, roots: &[Target]) {
    let mut live: Vec<Vec<bool>> = objects.iter().map(|o| vec![false; o.sections.len()]).collect();
    let mut work: Vec<(usize, usize)> = Vec::new();
    let mark = |oi: usize, si: usize, live: &mut Vec<Vec<bool>>, work: &mut Vec<(usize, usize)>| {
        if !live[oi][si] {
            live[oi][si] = true;
            work.push((oi, si));
        }
    };
    let section_of = |t: Target| match t {
        Target::Def(oi, sid) => match objects[oi].symbol(sid).def {
            SymbolDef::Section { section, .. } => Some((oi, section.0 as usize)),
            _ => None,
        },
        _ => None,
    };
    for &t in roots {
        if let Some((oi, si)) = section_of(t) {
            mark(oi, si, &mut live, &mut work);
        }
    }
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            let root = matches!(s.kind, SectionKind::InitArray | SectionKind::FiniArray | SectionKind::Note)
                || s.name == ".init"
                || s.name == ".fini"
                || is_c_identifier(&s.name)
                || !is_loaded(s.kind);
            if root && s.kind != SectionKind::EhFrame {
                mark(oi, si, &mut live, &mut work);
            }
        }
    }
    while let Some((oi, si)) = work.pop() {
        for &t in &res.targets[oi][si] {
            if let Some((toi, tsi)) = section_of(t) {
                mark(toi, tsi, &mut live, &mut work);
            }
        }
    }
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            if is_loaded(s.kind) && s.kind != SectionKind::EhFrame && !live[oi][si] {
                res.kept[oi][si] = false;
            }
        }
    }
}
