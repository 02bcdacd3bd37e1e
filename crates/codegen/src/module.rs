//! Whole-module compilation: symbol table, parallel function compilation,
//! and assembly of the object (sections, symbols, relocations).

use crate::func::{compile_function, CompiledFunc, FuncEnv};
use crate::Options;
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use obj::{Binding, Object, RelocKind, SectionKind, Symbol, SymbolDef, SymbolId, SymbolKind};
use std::collections::{HashMap, HashSet};

/// Symbol names referenced by the module's code, indexed for Cranelift's
/// `UserExternalName`s.
pub(crate) struct Names {
    pub list: Vec<String>,
    pub index: HashMap<String, u32>,
    /// Symbols defined in this module (direct, PC-relative references).
    pub local: HashSet<String>,
    pub tls: HashSet<String>,
}

impl Names {
    pub fn id(&self, name: &str) -> u32 {
        self.index[name]
    }
    fn add(&mut self, name: &str) {
        if !self.index.contains_key(name) {
            self.index.insert(name.to_string(), self.list.len() as u32);
            self.list.push(name.to_string());
        }
    }
}

pub(crate) const VA_TARGET: &str = "__kit_va_target";
pub(crate) const VA_INDIRECT: &str = "__kit_va_indirect";

/// Thunk that sets `%al` (the count of vector registers used) before a
/// variadic call, as the SysV ABI requires and Cranelift does not do.
pub(crate) fn va_thunk_name(callee: &str, nfloat: u32) -> String {
    format!("__kit_va.{nfloat}.{callee}")
}

fn build_isa(opts: &Options) -> Result<OwnedTargetIsa, String> {
    let mut b = settings::builder();
    let set = |b: &mut settings::Builder, k: &str, v: &str| b.set(k, v).map_err(|e| format!("cranelift setting {k}: {e}"));
    set(&mut b, "opt_level", if opts.opt_level == 0 { "none" } else { "speed" })?;
    set(&mut b, "is_pic", if opts.pic { "true" } else { "false" })?;
    set(&mut b, "preserve_frame_pointers", "true")?;
    set(&mut b, "tls_model", "elf_gd")?;
    set(&mut b, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
    set(&mut b, "unwind_info", "true")?;
    // __int128 arguments in register pairs, as SysV (and gcc) pass them.
    set(&mut b, "enable_llvm_abi_extensions", "true")?;
    let flags = settings::Flags::new(b);
    let isa = cranelift_codegen::isa::lookup_by_name("x86_64-unknown-linux-gnu").map_err(|e| e.to_string())?;
    isa.finish(flags).map_err(|e| e.to_string())
}

fn collect_names(m: &kir::Module) -> Names {
    let mut n = Names { list: Vec::new(), index: HashMap::new(), local: HashSet::new(), tls: HashSet::new() };
    for f in &m.funcs {
        n.add(&f.name);
        n.local.insert(f.name.clone());
    }
    for g in &m.globals {
        n.add(&g.name);
        n.local.insert(g.name.clone());
        if g.thread_local {
            n.tls.insert(g.name.clone());
        }
    }
    for a in &m.aliases {
        n.add(&a.name);
        n.local.insert(a.name.clone());
    }
    for e in &m.externs {
        n.add(&e.name);
        if e.thread_local {
            n.tls.insert(e.name.clone());
        }
    }
    for helper in ["memcpy", "memset", "__tls_get_addr", "__kit_alloca", "__kit_alloca_mark", "__kit_alloca_release", "__divti3", "__udivti3", "__modti3", "__umodti3", VA_TARGET, VA_INDIRECT] {
        n.add(helper);
    }
    n.local.insert(VA_TARGET.into());
    n.local.insert(VA_INDIRECT.into());
    for f in &m.funcs {
        for b in &f.blocks {
            for i in &b.insts {
                match &i.op {
                    kir::Op::SymAddr(s, _) => n.add(s),
                    kir::Op::Call { callee, sig, args, .. } => {
                        if let kir::Callee::Direct(s) = callee {
                            n.add(s);
                            if sig.variadic {
                                let t = va_thunk_name(s, count_float_args(f, args));
                                n.add(&t);
                                n.local.insert(t);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    for g in &m.globals {
        if let Some(init) = &g.init {
            for (_, s, _) in &init.relocs {
                n.add(s);
            }
        }
    }
    for (s, _) in m.ctors.iter().chain(&m.dtors) {
        n.add(s);
    }
    n
}

pub(crate) fn count_float_args(f: &kir::Function, args: &[kir::Value]) -> u32 {
    (args.iter().filter(|a| f.ty(**a).is_float()).count() as u32).min(8)
}

/// Compiles a KIR module into an in-memory object.
pub fn compile_module(m: &kir::Module, opts: &Options) -> Result<Object, String> {
    let isa = build_isa(opts)?;
    let names = collect_names(m);
    let env = FuncEnv { isa: &*isa, names: &names, opts };
    // Compile functions in parallel, in contiguous chunks, then assemble in
    // module order so the output is deterministic.
    let nthreads = opts.threads.clamp(1, 8).min(m.funcs.len().max(1));
    let chunk = m.funcs.len().div_ceil(nthreads.max(1)).max(1);
    let results: Vec<Result<Vec<CompiledFunc>, String>> = if nthreads <= 1 || m.funcs.len() < 4 {
        vec![m.funcs.iter().map(|f| compile_function(&env, f)).collect()]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = m
                .funcs
                .chunks(chunk)
                .map(|fs| {
                    let env = &env;
                    s.spawn(move || fs.iter().map(|f| compile_function(env, f)).collect::<Result<Vec<_>, String>>())
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("codegen thread panicked".into()))).collect()
        })
    };
    let mut compiled = Vec::with_capacity(m.funcs.len());
    for r in results {
        compiled.extend(r?);
    }
    assemble(m, &names, compiled, &*isa, opts)
}

struct Asm<'n> {
    o: Object,
    names: &'n Names,
    syms: HashMap<String, SymbolId>,
}

impl<'n> Asm<'n> {
    fn sym(&mut self, name: &str) -> SymbolId {
        if let Some(&s) = self.syms.get(name) {
            return s;
        }
        let kind = if self.names.tls.contains(name) { SymbolKind::Tls } else { SymbolKind::Unknown };
        let id = self.o.add_symbol(Symbol {
            name: name.to_string(),
            kind,
            binding: Binding::Global,
            visibility: obj::Visibility::Default,
            def: SymbolDef::Undefined,
            size: 0,
        });
        self.syms.insert(name.to_string(), id);
        id
    }
    fn define(&mut self, name: &str, kind: SymbolKind, binding: Binding, vis: obj::Visibility, def: SymbolDef, size: u64) {
        let id = self.sym(name);
        let s = &mut self.o.symbols[id.0 as usize];
        s.kind = kind;
        s.binding = binding;
        s.visibility = vis;
        s.def = def;
        s.size = size;
    }
}

fn binding(l: kir::Linkage) -> Binding {
    match l {
        kir::Linkage::Internal => Binding::Local,
        kir::Linkage::External => Binding::Global,
        kir::Linkage::Weak => Binding::Weak,
    }
}

fn vis(v: kir::Visibility) -> obj::Visibility {
    match v {
        kir::Visibility::Default => obj::Visibility::Default,
        kir::Visibility::Hidden => obj::Visibility::Hidden,
        kir::Visibility::Protected => obj::Visibility::Protected,
    }
}

fn assemble(m: &kir::Module, names: &Names, funcs: Vec<CompiledFunc>, isa: &dyn cranelift_codegen::isa::TargetIsa, opts: &Options) -> Result<Object, String> {
    let mut a = Asm { o: Object::new(&m.source_name), names, syms: HashMap::new() };
    let text = a.o.add_section(".text", SectionKind::Text, 16);
    let mut sections: HashMap<String, obj::SectionId> = HashMap::new();
    let file_idx = {
        a.o.line_files.push(m.source_name.clone());
        0
    };
    let mut thunks: Vec<(String, String, u32)> = Vec::new();
    let mut need_va_indirect = false;
    let mut fdes = Vec::new();
    let mut rows: Vec<(usize, u64, Vec<(u32, u32)>)> = Vec::new();
    for (f, mut cf) in m.funcs.iter().zip(funcs) {
        if let Some(fde) = cf.fde.take() {
            fdes.push(fde);
        }
        rows.push((names.id(&f.name) as usize, cf.code.len() as u64, std::mem::take(&mut cf.lines)));
        let sec = match &f.section {
            Some(s) => *sections.entry(s.clone()).or_insert_with(|| a.o.add_section(s, SectionKind::Text, 16)),
            None => text,
        };
        let off = a.o.append(sec, &cf.code, 16);
        a.define(&f.name, SymbolKind::Func, binding(f.linkage), vis(f.visibility), SymbolDef::Section { section: sec, offset: off }, cf.code.len() as u64);
        for r in &cf.relocs {
            let s = a.sym(&names.list[r.name as usize]);
            a.o.section_mut(sec).relocs.push(obj::Reloc { offset: off + r.offset as u64, kind: r.kind, symbol: s, addend: r.addend });
        }
        for (o, line) in &rows.last().unwrap().2 {
            a.o.lines.push(obj::LineEntry { section: sec, offset: off + *o as u64, file: file_idx, line: *line });
        }
        for t in cf.thunks {
            if !thunks.contains(&t) {
                thunks.push(t);
            }
        }
        need_va_indirect |= cf.uses_va_indirect;
    }
    // Variadic-call thunks: `mov al, N; jmp callee`.
    for (name, callee, n) in thunks {
        let mut code = vec![0xb0, n as u8, 0xe9, 0, 0, 0, 0];
        code.resize(8, 0xcc);
        let off = a.o.append(text, &code, 8);
        a.define(&name, SymbolKind::Func, Binding::Local, obj::Visibility::Default, SymbolDef::Section { section: text, offset: off }, 7);
        let s = a.sym(&callee);
        a.o.section_mut(text).relocs.push(obj::Reloc { offset: off + 3, kind: RelocKind::Plt32, symbol: s, addend: -4 });
    }
    if need_va_indirect {
        // `mov al, 8; jmp *__kit_va_target(%rip)` and its target slot.
        let code = [0xb0, 8, 0xff, 0x25, 0, 0, 0, 0];
        let off = a.o.append(text, &code, 8);
        a.define(VA_INDIRECT, SymbolKind::Func, Binding::Local, obj::Visibility::Default, SymbolDef::Section { section: text, offset: off }, 8);
        let bss = *sections.entry(".bss".into()).or_insert_with(|| a.o.add_section(".bss", SectionKind::Bss, 8));
        let toff = a.o.reserve(bss, 8, 8);
        a.define(VA_TARGET, SymbolKind::Data, Binding::Local, obj::Visibility::Default, SymbolDef::Section { section: bss, offset: toff }, 8);
        let s = a.sym(VA_TARGET);
        a.o.section_mut(text).relocs.push(obj::Reloc { offset: off + 4, kind: RelocKind::PcRel32, symbol: s, addend: -4 });
    }
    // Data.
    for g in &m.globals {
        let (name, kind) = match (&g.section, g.thread_local, &g.init, g.readonly) {
            (Some(s), _, _, _) => (s.clone(), if g.init.is_none() && s.starts_with(".bss") { SectionKind::Bss } else { SectionKind::Data }),
            (None, true, None, _) => (".tbss".into(), SectionKind::TlsBss),
            (None, true, Some(_), _) => (".tdata".into(), SectionKind::Tls),
            (None, false, None, _) => (".bss".into(), SectionKind::Bss),
            (None, false, Some(_), true) => (".rodata".into(), SectionKind::ReadOnlyData),
            (None, false, Some(_), false) => (".data".into(), SectionKind::Data),
        };
        let sec = *sections.entry(name.clone()).or_insert_with(|| a.o.add_section(&name, kind, g.align as u64));
        let off = match &g.init {
            Some(init) if !matches!(kind, SectionKind::Bss | SectionKind::TlsBss) => a.o.append(sec, &init.bytes, g.align as u64),
            _ => a.o.reserve(sec, g.size, g.align as u64),
        };
        let sk = if g.thread_local { SymbolKind::Tls } else { SymbolKind::Data };
        a.define(&g.name, sk, binding(g.linkage), vis(g.visibility), SymbolDef::Section { section: sec, offset: off }, g.size);
        if let Some(init) = &g.init {
            for (roff, target, addend) in &init.relocs {
                let s = a.sym(target);
                a.o.section_mut(sec).relocs.push(obj::Reloc { offset: off + roff, kind: RelocKind::Abs64, symbol: s, addend: *addend });
            }
        }
    }
    for al in &m.aliases {
        let Some(&tid) = a.syms.get(&al.target) else {
            return Err(format!("alias '{}' refers to undefined symbol '{}'", al.name, al.target));
        };
        let t = a.o.symbols[tid.0 as usize].clone();
        a.define(&al.name, t.kind, binding(al.linkage), t.visibility, t.def, t.size);
    }
    for (list, base, kind) in [(&m.ctors, ".init_array", SectionKind::InitArray), (&m.dtors, ".fini_array", SectionKind::FiniArray)] {
        for (f, prio) in list {
            let name = if *prio == 65535 { base.to_string() } else { format!("{base}.{prio:05}") };
            let sec = *sections.entry(name.clone()).or_insert_with(|| a.o.add_section(&name, kind, 8));
            let off = a.o.append(sec, &[0; 8], 8);
            let s = a.sym(f);
            a.o.section_mut(sec).relocs.push(obj::Reloc { offset: off, kind: RelocKind::Abs64, symbol: s, addend: 0 });
        }
    }
    // Unwind tables, and DWARF under -g.
    let mut generated = Vec::new();
    if let Some(eh) = crate::debug::eh_frame(isa, fdes) {
        generated.push((eh, SectionKind::EhFrame));
    }
    if opts.debug_info {
        let funcs_dbg: Vec<crate::debug::FuncDebug> = m
            .funcs
            .iter()
            .zip(&rows)
            .map(|(f, (sym, len, r))| crate::debug::FuncDebug {
                symbol: *sym,
                name: &f.name,
                len: *len,
                line: f.line,
                external: f.linkage != kir::Linkage::Internal,
                rows: r,
            })
            .collect();
        for s in crate::debug::dwarf(&m.source_name, &m.comp_dir, &funcs_dbg) {
            generated.push((s, SectionKind::Debug));
        }
    }
    let mut sec_syms: HashMap<&'static str, SymbolId> = HashMap::new();
    let mut gen_ids = Vec::new();
    for (g, kind) in &generated {
        let id = a.o.add_section(g.name, *kind, if *kind == SectionKind::EhFrame { 8 } else { 1 });
        a.o.append(id, &g.data, 1);
        let sym = a.o.add_symbol(Symbol {
            name: g.name.to_string(),
            kind: SymbolKind::Section,
            binding: Binding::Local,
            visibility: obj::Visibility::Default,
            def: SymbolDef::Section { section: id, offset: 0 },
            size: 0,
        });
        sec_syms.insert(g.name, sym);
        gen_ids.push(id);
    }
    for ((g, _), id) in generated.iter().zip(gen_ids) {
        for (off, kind, target, addend) in &g.relocs {
            let symbol = match target {
                crate::debug::RelocTarget::Symbol(i) => a.sym(&names.list[*i]),
                crate::debug::RelocTarget::Section(s) => match sec_syms.get(s.name()) {
                    Some(&x) => x,
                    None => continue,
                },
            };
            a.o.section_mut(id).relocs.push(obj::Reloc { offset: *off, kind: *kind, symbol, addend: *addend });
        }
    }
    // Undefined symbols referenced only: mark functions as such when known.
    for e in &m.externs {
        if let Some(&id) = a.syms.get(&e.name) {
            let s = &mut a.o.symbols[id.0 as usize];
            if s.def == SymbolDef::Undefined {
                s.kind = if e.thread_local { SymbolKind::Tls } else if e.is_func { SymbolKind::Func } else { SymbolKind::Unknown };
                if e.weak {
                    s.binding = Binding::Weak;
                }
            }
        }
    }
    Ok(a.o)
}
