//! Drops `static inline` functions nothing uses, as gcc does even at -O0:
//! headers are full of them (CPython's reach into private API), and an
//! unused one must not leave undefined references in the object. Also drops
//! externs that only dropped code referred to.

use kir::{Callee, Module, Op};
use std::collections::{HashMap, HashSet};

/// `discardable`: the static inline functions, kept only if reachable from
/// everything else the module defines.
pub(crate) fn prune(m: &mut Module, discardable: &HashSet<String>) {
    let mut used: HashSet<String> = HashSet::new();
    let mut work: Vec<usize> = Vec::new();
    // Where each discardable function is, looked up once.
    let index: HashMap<&str, usize> =
        m.funcs.iter().enumerate().filter(|(_, f)| discardable.contains(&f.name)).map(|(i, f)| (f.name.as_str(), i)).collect();
    let note = |name: &str, used: &mut HashSet<String>, work: &mut Vec<usize>| {
        if used.insert(name.to_string())
            && let Some(&i) = index.get(name)
        {
            work.push(i);
        }
    };
    for (i, f) in m.funcs.iter().enumerate() {
        if !discardable.contains(&f.name) {
            work.push(i);
        }
    }
    for g in &m.globals {
        for (_, sym, _) in g.init.iter().flat_map(|i| &i.relocs) {
            note(sym, &mut used, &mut work);
        }
    }
    let roots: Vec<String> =
        m.aliases.iter().map(|a| a.target.clone()).chain(m.ctors.iter().chain(&m.dtors).map(|c| c.0.clone())).collect();
    for r in &roots {
        note(r, &mut used, &mut work);
    }
    let mut seen = vec![false; m.funcs.len()];
    while let Some(i) = work.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        for b in &m.funcs[i].blocks {
            for inst in &b.insts {
                match &inst.op {
                    Op::Call { callee: Callee::Direct(n), .. } | Op::SymAddr(n, _) => note(n, &mut used, &mut work),
                    _ => {}
                }
            }
        }
    }
    let mut k = 0;
    m.funcs.retain(|_| {
        k += 1;
        seen[k - 1]
    });
    let kept: HashSet<&str> = m.funcs.iter().map(|f| f.name.as_str()).collect();
    m.asm.retain(|chunk| chunk.owner.as_deref().is_none_or(|o| kept.contains(o)));
    m.externs.retain(|e| used.contains(&e.name));
}
