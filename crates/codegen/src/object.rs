//! Whole-module compilation: functions in parallel, then the object
//! assembled serially in module order (deterministic output).

use crate::Options;
use crate::abi::{VA_SLOT, VaThunk};
use crate::func::{CompiledFunc, compile_function};
use crate::names::Names;
use crate::relwriter::{GenSection, RelocTarget};
use cranelift_codegen::isa::TargetIsa;
use obj::{Binding, Object, RelocKind, SectionId, SectionKind, Symbol, SymbolDef, SymbolId, SymbolKind};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Compiles a KIR module into an in-memory object. Errors are internal
/// compiler errors naming the function.
pub fn compile_module(m: &kir::Module, opts: &Options) -> Result<Object, String> {
    let isa = crate::isa::build_isa(opts)?;
    let names = Names::collect(m);
    let compiled = compile_all(&*isa, &names, m, opts)?;
    let mut o = assemble(m, &names, compiled, &*isa, opts)?;
    for chunk in &m.asm {
        let name = match &chunk.owner {
            Some(f) => format!("{}: asm statement in {f}", m.source_name),
            None => format!("{}: file-scope asm", m.source_name),
        };
        o.merge(asm::assemble(&name, &chunk.text).map_err(|e| e.join("\n"))?);
    }
    Ok(o)
}

/// Functions per work item: small enough to balance threads, large enough
/// to keep the shared counter cold.
const CHUNK: usize = 8;

fn compile_all(isa: &dyn TargetIsa, names: &Names, m: &kir::Module, opts: &Options) -> Result<Vec<CompiledFunc>, String> {
    let one = |f: &kir::Function| compile_function(isa, names, f, opts.opt_level > 0, opts.debug_info);
    let threads = match opts.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let threads = threads.min(8).min(m.funcs.len().div_ceil(CHUNK));
    if threads <= 1 {
        return m.funcs.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Vec<Result<CompiledFunc, String>>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let c = next.fetch_add(1, Ordering::Relaxed);
                        let Some(fs) = m.funcs.chunks(CHUNK).nth(c) else { break };
                        out.push((c, fs.iter().map(one).collect()));
                    }
                    out
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    });
    done.sort_by_key(|d| d.0);
    done.into_iter().flat_map(|d| d.1).collect()
}

/// The object under construction, with symbols by name.
pub(crate) struct Asm<'n> {
    pub o: Object,
    pub names: &'n Names,
    syms: HashMap<String, SymbolId>,
    sections: HashMap<String, SectionId>,
}

impl<'n> Asm<'n> {
    /// The symbol for `name`, created undefined (global) on first use.
    pub fn sym(&mut self, name: &str) -> SymbolId {
        if let Some(&s) = self.syms.get(name) {
            return s;
        }
        let kind = if self.names.is_tls(name) { SymbolKind::Tls } else { SymbolKind::Unknown };
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

    pub fn lookup(&self, name: &str) -> Option<SymbolId> {
        self.syms.get(name).copied()
    }

    pub fn define(&mut self, name: &str, kind: SymbolKind, binding: Binding, vis: obj::Visibility, def: SymbolDef, size: u64) {
        let id = self.sym(name);
        self.o.symbols[id.0 as usize] = Symbol { name: name.to_string(), kind, binding, visibility: vis, def, size };
    }

    /// The section called `name`, created with `kind` on first use.
    pub fn section(&mut self, name: &str, kind: SectionKind, align: u64) -> SectionId {
        if let Some(&s) = self.sections.get(name) {
            return s;
        }
        let id = self.o.add_section(name, kind, align.max(1));
        self.sections.insert(name.to_string(), id);
        id
    }

    pub fn reloc(&mut self, sec: SectionId, offset: u64, kind: RelocKind, symbol: SymbolId, addend: i64) {
        self.o.section_mut(sec).relocs.push(obj::Reloc { offset, kind, symbol, addend });
    }
}

pub(crate) fn binding(l: kir::Linkage) -> Binding {
    match l {
        kir::Linkage::Internal => Binding::Local,
        kir::Linkage::External => Binding::Global,
        kir::Linkage::Weak => Binding::Weak,
    }
}

pub(crate) fn visibility(v: kir::Visibility) -> obj::Visibility {
    match v {
        kir::Visibility::Default => obj::Visibility::Default,
        kir::Visibility::Hidden => obj::Visibility::Hidden,
        kir::Visibility::Protected => obj::Visibility::Protected,
    }
}

pub(crate) fn local_def(a: &mut Asm, name: &str, kind: SymbolKind, sec: SectionId, offset: u64, size: u64) {
    a.define(name, kind, Binding::Local, obj::Visibility::Default, SymbolDef::Section { section: sec, offset }, size);
}

fn assemble(m: &kir::Module, names: &Names, funcs: Vec<CompiledFunc>, isa: &dyn TargetIsa, opts: &Options) -> Result<Object, String> {
    let mut a = Asm { o: Object::new(&m.source_name), names, syms: HashMap::new(), sections: HashMap::new() };
    let text = a.section(".text", SectionKind::Text, 16);
    let mut line_files: HashMap<&str, u32> = HashMap::new();
    let mut thunks: Vec<VaThunk> = Vec::new();
    let mut fdes = Vec::new();
    let mut debug = Vec::new();
    for (f, mut cf) in m.funcs.iter().zip(funcs) {
        let sec = match &f.section {
            Some(s) => a.section(s, SectionKind::Text, 16),
            None => text,
        };
        let off = a.o.append(sec, &cf.code, 16);
        let size = cf.code.len() as u64;
        a.define(
            &f.name,
            SymbolKind::Func,
            binding(f.linkage),
            visibility(f.visibility),
            SymbolDef::Section { section: sec, offset: off },
            size,
        );
        let fsym = a.sym(&f.name);
        for r in &cf.relocs {
            let (s, addend) = match r.target {
                Some(t) => (a.sym(&names.list[t as usize]), r.addend),
                None => (fsym, r.addend + off as i64),
            };
            a.reloc(sec, off + r.offset as u64, r.kind, s, addend);
        }
        // Thunks whose calls survived Cranelift's unreachable-code removal.
        for t in cf.thunks.drain(..) {
            let id = names.id(&t.name());
            if cf.relocs.iter().any(|r| r.target == Some(id)) && !thunks.contains(&t) {
                thunks.push(t);
            }
        }
        let file = if f.file.is_empty() { m.source_name.as_str() } else { f.file.as_str() };
        let nfiles = line_files.len() as u32;
        let fidx = *line_files.entry(file).or_insert_with(|| {
            a.o.line_files.push(file.to_string());
            nfiles
        });
        a.o.lines.extend(cf.lines.iter().map(|&(o, line)| obj::LineEntry { section: sec, offset: off + o as u64, file: fidx, line }));
        if let Some(fde) = cf.fde.take() {
            fdes.push(fde);
        }
        debug.push((names.id(&f.name) as usize, size, std::mem::take(&mut cf.lines), std::mem::take(&mut cf.locals)));
    }
    emit_thunks(&mut a, text, &thunks);
    crate::x87::emit_stubs(&mut a, text);
    crate::data::globals(&mut a, m);
    crate::data::aliases(&mut a, m)?;
    crate::data::init_arrays(&mut a, m);
    let mut generated: Vec<(GenSection, SectionKind)> = Vec::new();
    if let Some(eh) = crate::unwind::eh_frame(isa, fdes)? {
        generated.push((eh, SectionKind::EhFrame));
    }
    if opts.debug_info {
        let fd: Vec<crate::dwarf::FuncDebug> = m
            .funcs
            .iter()
            .zip(&debug)
            .map(|(f, (symbol, len, rows, offsets))| crate::dwarf::FuncDebug { symbol: *symbol, func: f, len: *len, rows, offsets })
            .collect();
        // Objects this module defines (an unknown name would be an
        // undefined symbol in the debug info).
        let symbol = |name: &str| match a.lookup(name) {
            Some(id) if a.o.symbols[id.0 as usize].def != SymbolDef::Undefined => names.get(name).map(|i| i as usize),
            _ => None,
        };
        let md = crate::dwarf::ModuleDebug {
            source: &m.source_name,
            comp_dir: &m.comp_dir,
            types: &m.debug_types,
            globals: &m.debug_globals,
            symbol: &symbol,
        };
        generated.extend(crate::dwarf::dwarf(&md, &fd)?.into_iter().map(|s| (s, SectionKind::Debug)));
    }
    add_generated(&mut a, generated);
    mark_externs(&mut a, m);
    Ok(a.o)
}

/// Variadic-call thunks at the end of `.text`.
fn emit_thunks(a: &mut Asm, text: SectionId, thunks: &[VaThunk]) {
    for t in thunks {
        let (code, rel) = t.code();
        let off = a.o.append(text, &code, 8);
        local_def(a, &t.name(), SymbolKind::Func, text, off, code.len() as u64);
        if let Some(r) = rel {
            let (target, kind) = match t.callee() {
                Some(callee) => (a.sym(callee), RelocKind::Plt32),
                None => (a.sym(VA_SLOT), RelocKind::PcRel32),
            };
            a.reloc(text, off + r as u64, kind, target, -4);
        }
    }
    if a.lookup(VA_SLOT).is_some() {
        let bss = a.section(".bss", SectionKind::Bss, 8);
        let soff = a.o.reserve(bss, 8, 8);
        local_def(a, VA_SLOT, SymbolKind::Data, bss, soff, 8);
    }
}

/// Adds `.eh_frame` / `.debug_*` with section symbols for cross-section
/// offsets.
fn add_generated(a: &mut Asm, generated: Vec<(GenSection, SectionKind)>) {
    let mut ids = Vec::new();
    let mut sec_syms: HashMap<&'static str, SymbolId> = HashMap::new();
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
        ids.push(id);
    }
    // Functions are referred to through their section's symbol, as gcc
    // does: a reference to a global function from `.eh_frame` would bind to
    // whatever definition wins at load time, and GNU ld refuses such
    // PC-relative references in shared libraries.
    let mut text_syms: HashMap<SectionId, SymbolId> = HashMap::new();
    for ((g, _), id) in generated.iter().zip(ids) {
        for r in &g.relocs {
            let (symbol, addend) = match r.target {
                RelocTarget::Symbol(i) => {
                    let sym = a.sym(&a.names.list[i].clone());
                    let s = &a.o.symbols[sym.0 as usize];
                    match s.def {
                        SymbolDef::Section { section, offset } if s.kind == SymbolKind::Func => {
                            (section_symbol(a, &mut text_syms, section), r.addend + offset as i64)
                        }
                        _ => (sym, r.addend),
                    }
                }
                RelocTarget::Section(s) => match sec_syms.get(s.name()) {
                    Some(&x) => (x, r.addend),
                    // An empty section gimli did not write: nothing refers into it.
                    None => continue,
                },
            };
            a.reloc(id, r.offset, r.kind, symbol, addend);
        }
    }
}

/// The local section symbol of `section`, made on first use.
fn section_symbol(a: &mut Asm, made: &mut HashMap<SectionId, SymbolId>, section: SectionId) -> SymbolId {
    *made.entry(section).or_insert_with(|| {
        let name = a.o.sections[section.0 as usize].name.clone();
        a.o.add_symbol(Symbol {
            name,
            kind: SymbolKind::Section,
            binding: Binding::Local,
            visibility: obj::Visibility::Default,
            def: SymbolDef::Section { section, offset: 0 },
            size: 0,
        })
    })
}

/// Referenced undefined symbols get the kind and weakness their
/// declarations give.
fn mark_externs(a: &mut Asm, m: &kir::Module) {
    for e in &m.externs {
        if let Some(id) = a.lookup(&e.name) {
            let s = &mut a.o.symbols[id.0 as usize];
            if s.def == SymbolDef::Undefined {
                s.kind = if e.thread_local {
                    SymbolKind::Tls
                } else if e.is_func {
                    SymbolKind::Func
                } else {
                    SymbolKind::Data
                };
                if e.weak {
                    s.binding = Binding::Weak;
                }
            }
        }
    }
}
