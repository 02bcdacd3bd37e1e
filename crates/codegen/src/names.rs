//! The module's symbol names, numbered for Cranelift's `UserExternalName`s
//! and shared read-only by the worker threads.

use crate::abi::{VA_SLOT, VaThunk};
use std::collections::{HashMap, HashSet};

/// Functions kit's generated code may call on its own.
pub(crate) const HELPERS: &[&str] = &[
    "memcpy",
    "memset",
    "__kit_alloca",
    "__kit_alloca_mark",
    "__kit_alloca_release",
    "__tls_get_addr",
    // libgcc: 128-bit division and int↔float conversions.
    "__divti3",
    "__udivti3",
    "__modti3",
    "__umodti3",
    "__floattisf",
    "__floattidf",
    "__floatuntisf",
    "__floatuntidf",
    "__fixsfti",
    "__fixdfti",
    "__fixunssfti",
    "__fixunsdfti",
];

pub(crate) struct Names {
    pub list: Vec<String>,
    index: HashMap<String, u32>,
    /// Defined in this module: referenced directly (PC-relative), no GOT/PLT.
    local: HashSet<String>,
    tls: HashSet<String>,
}

impl Names {
    pub fn id(&self, name: &str) -> u32 {
        *self.index.get(name).unwrap_or_else(|| panic!("codegen: symbol '{name}' was not collected"))
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
    pub fn is_local(&self, name: &str) -> bool {
        self.local.contains(name)
    }
    pub fn is_tls(&self, name: &str) -> bool {
        self.tls.contains(name)
    }
    fn add(&mut self, name: &str) {
        if !self.index.contains_key(name) {
            self.index.insert(name.to_string(), self.list.len() as u32);
            self.list.push(name.to_string());
        }
    }
    fn add_local(&mut self, name: &str) {
        self.add(name);
        self.local.insert(name.to_string());
    }

    pub fn collect(m: &kir::Module) -> Names {
        let mut n = Names { list: Vec::new(), index: HashMap::new(), local: HashSet::new(), tls: HashSet::new() };
        for f in &m.funcs {
            n.add_local(&f.name);
        }
        for g in &m.globals {
            n.add_local(&g.name);
            if g.thread_local {
                n.tls.insert(g.name.clone());
            }
        }
        for a in &m.aliases {
            n.add_local(&a.name);
        }
        for e in &m.externs {
            n.add(&e.name);
            if e.thread_local {
                n.tls.insert(e.name.clone());
            }
        }
        // An alias of a thread-local is thread-local.
        for a in &m.aliases {
            if n.tls.contains(&a.target) {
                n.tls.insert(a.name.clone());
            }
        }
        for h in HELPERS {
            n.add(h);
        }
        n.add_local(VA_SLOT);
        for f in &m.funcs {
            for b in &f.blocks {
                for i in &b.insts {
                    match &i.op {
                        kir::Op::SymAddr(s, _) => n.add(s),
                        kir::Op::Call { callee, sig, args, .. } => {
                            if let kir::Callee::Direct(s) = callee {
                                n.add(s);
                            }
                            if sig.variadic {
                                let t = VaThunk::for_call(callee, sig, args.iter().map(|a| f.ty(*a)));
                                n.add_local(&t.name());
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        for g in &m.globals {
            for (_, s, _) in g.init.iter().flat_map(|i| &i.relocs) {
                n.add(s);
            }
        }
        for (s, _) in m.ctors.iter().chain(&m.dtors) {
            n.add(s);
        }
        n
    }
}
