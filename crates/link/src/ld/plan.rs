//! Deciding what the output needs before anything has an address: where
//! each undefined name comes from (a shared library, the linker itself, or
//! nowhere), GOT slots, call stubs, copy relocations, the dynamic symbol
//! table and how many dynamic relocations there will be.

use super::dylib::{DyKind, Dylib};
use super::input::Inputs;
use super::layout::{self, Layout};
use super::script::Script;
use super::{Config, OutputKind};
use crate::LinkError;
use crate::got::{R_X86_64_TLSLD, is_call_operand};
use crate::resolve::{self, Resolution, Target, is_loaded};
use obj::{Binding, Object, RelocKind, SectionKind, SymbolDef, SymbolKind, Visibility};
use std::collections::HashMap;

/// Where an undefined name is defined.
#[derive(Clone, Debug)]
pub(crate) enum ExtDef {
    /// In a shared library (`lib` is `None` for an undefined name a shared
    /// library output leaves to its loader).
    Import { lib: Option<usize>, kind: DyKind, size: u64, lib_value: u64, version: Option<(String, u32)> },
    /// Defined by the linker (section bounds and the like), after layout.
    Linker,
    /// An unresolved weak reference: address 0.
    Zero,
}

/// A GOT entry, one 8-byte slot except the TLS pairs (two).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum GotEntry {
    /// The symbol's address (for `GOTPCREL` loads).
    Addr(Target),
    /// The slot a call stub jumps through (bound with `JUMP_SLOT` or `IRELATIVE`).
    Plt(Target),
    /// Offset from the thread pointer (initial-exec TLS).
    TpOff(Target),
    /// `{module, offset}` for `__tls_get_addr` (general dynamic).
    Gd(Target),
    /// `{module, 0}` (local dynamic).
    Ld,
}

impl GotEntry {
    pub(crate) fn slots(self) -> u64 {
        match self {
            GotEntry::Gd(_) | GotEntry::Ld => 2,
            _ => 1,
        }
    }
}

/// How a target is bound.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    /// Defined in the output.
    Local,
    /// A GNU indirect function defined in the output: reached through a stub.
    LocalIfunc,
    /// Defined in a shared library output but interposable: data an
    /// executable may copy, so the library's own references go through
    /// dynamic relocations too.
    Preemptible,
    Import(usize),
    Zero,
}

pub(crate) struct DynSym {
    pub name: String,
    pub elf_type: u8,
    pub binding: u8,
    /// Set for definitions (exports and copies).
    pub def: Option<Target>,
    /// For copies: the extern copied.
    pub copy: Option<usize>,
    /// For imports: the extern imported.
    pub ext: Option<usize>,
    pub size: u64,
    /// `.gnu.version` entry: 1 for unversioned, else a definition's or a
    /// need's index (with `symver::VER_HIDDEN` for a non-default version).
    pub version: u16,
    /// A version definition's own symbol (absolute, value 0), as GNU ld adds.
    pub absolute: bool,
}

pub(crate) struct Image {
    pub kind: OutputKind,
    pub static_exe: bool,
    pub pic: bool,
    pub objects: Vec<Object>,
    pub dylibs: Vec<Dylib>,
    /// Shared libraries recorded in `DT_NEEDED`, in order.
    pub needed: Vec<usize>,
    pub res: Resolution,
    pub ext: Vec<ExtDef>,
    pub got: Vec<GotEntry>,
    /// Entry → first slot number.
    pub got_index: HashMap<GotEntry, u64>,
    pub got_slots: u64,
    pub stubs: Vec<Target>,
    pub stub_index: HashMap<Target, u64>,
    /// Externs given a copy in `.bss`, by extern index → copy number.
    pub copies: Vec<usize>,
    pub copy_index: HashMap<usize, usize>,
    /// Imported functions whose address the executable takes directly:
    /// their stub is the canonical address.
    pub canonical: Vec<bool>,
    pub dynsyms: Vec<DynSym>,
    pub dynsym_of_ext: HashMap<usize, u32>,
    pub dynsym_of_def: HashMap<Target, u32>,
    /// Exported definitions, the versions they define, what was made local.
    pub exports: super::symver::Exports,
    /// (library soname, version name, hash, version index) for `.gnu.version_r`.
    pub verneeds: Vec<(usize, String, u32, u16)>,
    pub n_rela_dyn: u64,
    pub n_rela_plt: u64,
    /// Index of the first `.dynsym` entry covered by `.gnu.hash`.
    pub first_hashed: usize,
    pub entry: String,
    pub lay: Layout,
    /// Thread-local accesses rewritten for an executable, by (object,
    /// section, relocation index).
    pub relax: HashMap<(usize, usize, usize), Relax>,
    /// Objects whose every local-dynamic sequence was rewritten: their
    /// `DTPOFF32` offsets in code count from the thread pointer.
    pub ld_as_le: std::collections::HashSet<usize>,
    /// The `-T` script (empty without one).
    pub script: Script,
    /// `.dynstr`, `.gnu.hash` and the version tables (dynamic outputs).
    pub dyn_tables: Option<super::dynamic::Tables>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Relax {
    /// A general-dynamic sequence becomes local-exec (`mov %fs:0,%rax; lea x@tpoff(%rax),%rax`).
    GdToLe,
    /// A local-dynamic sequence becomes `mov %fs:0,%rax` (the variables'
    /// `DTPOFF32` offsets then count from the thread pointer).
    LdToLe,
    /// The `__tls_get_addr` call of a rewritten sequence.
    Dropped,
}

/// Objects all of whose `TLSLD` relocations were relaxed.
fn ld_fully_relaxed(objects: &[Object], relax: &HashMap<(usize, usize, usize), Relax>) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    for (oi, o) in objects.iter().enumerate() {
        let mut all = true;
        let mut any = false;
        for (si, s) in o.sections.iter().enumerate() {
            for (ri, r) in s.relocs.iter().enumerate() {
                if r.kind == RelocKind::ElfRaw(R_X86_64_TLSLD) {
                    let relaxed = relax.get(&(oi, si, ri)) == Some(&Relax::LdToLe);
                    all &= relaxed;
                    any |= relaxed;
                }
            }
        }
        if all && any {
            out.insert(oi);
        }
    }
    out
}

/// Finds general-dynamic TLS sequences in an executable that refer to its
/// own thread-locals: the standard 16-byte form
/// `data16 lea x@tlsgd(%rip),%rdi; data16 data16 rex.W call __tls_get_addr`.
fn tls_relaxations(objects: &[Object], res: &Resolution) -> HashMap<(usize, usize, usize), Relax> {
    let mut out = HashMap::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            if !res.kept[oi][si] || s.kind != SectionKind::Text {
                continue;
            }
            for (ri, (r, t)) in s.relocs.iter().zip(&res.targets[oi][si]).enumerate() {
                let off = r.offset as usize;
                if r.kind != RelocKind::TlsGd || !matches!(t, Target::Def(..)) || off < 4 {
                    continue;
                }
                let lea = s.data.get(off - 4..off) == Some(&[0x66, 0x48, 0x8d, 0x3d][..]);
                let call = s.data.get(off + 4..off + 8) == Some(&[0x66, 0x66, 0x48, 0xe8][..]);
                let call_reloc =
                    s.relocs.iter().position(|c| c.offset == r.offset + 8 && matches!(c.kind, RelocKind::Plt32 | RelocKind::PcRel32));
                if let (true, true, Some(ci)) = (lea, call, call_reloc) {
                    out.insert((oi, si, ri), Relax::GdToLe);
                    out.insert((oi, si, ci), Relax::Dropped);
                }
            }
            // `lea x@tlsld(%rip),%rdi; call __tls_get_addr`.
            for (ri, r) in s.relocs.iter().enumerate() {
                let off = r.offset as usize;
                if r.kind != RelocKind::ElfRaw(R_X86_64_TLSLD) || off < 3 {
                    continue;
                }
                let lea = s.data.get(off - 3..off) == Some(&[0x48, 0x8d, 0x3d][..]);
                let call = s.data.get(off + 4) == Some(&0xe8);
                let call_reloc =
                    s.relocs.iter().position(|c| c.offset == r.offset + 5 && matches!(c.kind, RelocKind::Plt32 | RelocKind::PcRel32));
                if let (true, true, Some(ci)) = (lea, call, call_reloc) {
                    out.insert((oi, si, ri), Relax::LdToLe);
                    out.insert((oi, si, ci), Relax::Dropped);
                }
            }
        }
    }
    out
}

/// Names the linker defines when they are referenced and not defined.
pub(crate) fn is_linker_symbol(name: &str) -> bool {
    matches!(
        name,
        "_GLOBAL_OFFSET_TABLE_"
            | "_DYNAMIC"
            | "__ehdr_start"
            | "__executable_start"
            | "__init_array_start"
            | "__init_array_end"
            | "__fini_array_start"
            | "__fini_array_end"
            | "__preinit_array_start"
            | "__preinit_array_end"
            | "__bss_start"
            | "_edata"
            | "edata"
            | "_end"
            | "end"
            | "etext"
            | "_etext"
            | "__etext"
            | "__GNU_EH_FRAME_HDR"
            | "__rela_iplt_start"
            | "__rela_iplt_end"
    ) || name.strip_prefix("__start_").or_else(|| name.strip_prefix("__stop_")).is_some_and(is_c_identifier)
}

pub(crate) fn is_c_identifier(s: &str) -> bool {
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A tiny object defining `__dso_handle` (crtbegin's job in gcc's world).
fn dso_handle_object() -> Object {
    let mut o = Object::new("<kit ld>");
    let data = o.add_section(".data", SectionKind::Data, 8);
    o.append(data, &[0; 8], 8);
    o.add_symbol(obj::Symbol {
        name: "__dso_handle".into(),
        kind: SymbolKind::Data,
        binding: Binding::Global,
        visibility: Visibility::Hidden,
        def: SymbolDef::Section { section: data, offset: 0 },
        size: 8,
    });
    o
}

pub(crate) fn plan(cfg: &Config, inputs: Inputs, script: Script) -> Result<Image, LinkError> {
    let Inputs { mut objects, dylibs, entry, archive_of } = inputs;
    let entry = script.entry.clone().or(entry);
    let references = |objects: &[Object], n: &str| {
        objects.iter().any(|o| o.symbols.iter().any(|s| s.name == n && s.def == SymbolDef::Undefined))
            && !objects
                .iter()
                .any(|o| o.symbols.iter().any(|s| s.name == n && s.def != SymbolDef::Undefined && s.binding != Binding::Local))
    };
    if references(&objects, "__dso_handle") {
        objects.push(dso_handle_object());
    }
    let mut res = resolve::resolve(&objects)?;
    let shared = cfg.kind == OutputKind::Shared;
    if cfg.gc_sections {
        let entry_name = cfg.entry.clone().or(entry.clone()).unwrap_or_else(|| "_start".into());
        let roots: Vec<Target> = res
            .globals
            .iter()
            .filter(|(n, t)| {
                **n == entry_name
                    || shared
                    || cfg.export_dynamic
                    || matches!(n.as_str(), "_init" | "_fini")
                    || !matches!(t, Target::Def(..))
            })
            .map(|(_, &t)| t)
            .collect();
        super::gc::collect(&objects, &mut res, &roots);
    }
    let relax = if shared { HashMap::new() } else { tls_relaxations(&objects, &res) };
    let static_exe = cfg.static_exe;
    let pic = cfg.kind != OutputKind::Exec;

    // Every undefined name: a library, the linker, or nothing.
    let mut ext = Vec::with_capacity(res.externs.len());
    let mut used = vec![false; dylibs.len()];
    let mut undefined = Vec::new();
    for e in &res.externs {
        let from_lib = dylibs.iter().enumerate().find_map(|(i, d)| d.exports.get(&e.name).map(|s| (i, s)));
        ext.push(match from_lib {
            Some((i, s)) => {
                used[i] = true;
                ExtDef::Import { lib: Some(i), kind: s.kind, size: s.size, lib_value: s.value, version: s.version.clone() }
            }
            None if is_linker_symbol(&e.name) && !(static_exe && e.name == "_DYNAMIC") => ExtDef::Linker,
            None if script.assigns.iter().any(|(_, a)| a.name == e.name) => ExtDef::Linker,
            None if e.weak => ExtDef::Zero,
            // Every call may have been relaxed away; `write` reports any left.
            None if e.name == "__tls_get_addr" && !relax.is_empty() => ExtDef::Zero,
            None if shared && !cfg.no_undefined => ExtDef::Import { lib: None, kind: DyKind::Func, size: 0, lib_value: 0, version: None },
            None => {
                let users: Vec<&str> = e.users.iter().map(|&o| objects[o].name.as_str()).collect();
                undefined.push(format!("error: undefined reference to '{}' (referenced from {})", e.name, users.join(", ")));
                ExtDef::Zero
            }
        });
    }
    let entry = cfg.entry.clone().or(entry).unwrap_or_else(|| "_start".into());
    if !shared && res.lookup(&entry).is_none() {
        undefined.push(format!("error: entry symbol '{entry}' is not defined"));
    }
    // GNU ld's default: allowed in shared outputs, checked in executables.
    if !cfg.allow_shlib_undefined.unwrap_or(shared || static_exe) {
        let defined = |n: &str| res.lookup(n).is_some();
        let strict = cfg.allow_shlib_undefined == Some(false);
        undefined.extend(super::dylib::unresolved_imports(&dylibs, &defined, strict));
    }
    if !undefined.is_empty() {
        return Err(LinkError { messages: undefined });
    }
    let needed: Vec<usize> = (0..dylibs.len()).filter(|&i| used[i] || !dylibs[i].as_needed).collect();

    let ld_as_le = ld_fully_relaxed(&objects, &relax);
    let mut img = Image {
        kind: cfg.kind,
        static_exe,
        pic,
        objects,
        dylibs,
        needed,
        res,
        canonical: vec![false; ext.len()],
        ext,
        got: Vec::new(),
        got_index: HashMap::new(),
        got_slots: 0,
        stubs: Vec::new(),
        stub_index: HashMap::new(),
        copies: Vec::new(),
        copy_index: HashMap::new(),
        dynsyms: Vec::new(),
        dynsym_of_ext: HashMap::new(),
        dynsym_of_def: HashMap::new(),
        exports: Default::default(),
        verneeds: Vec::new(),
        n_rela_dyn: 0,
        n_rela_plt: 0,
        first_hashed: 1,
        entry,
        lay: Layout::default(),
        ld_as_le,
        relax,
        script,
        dyn_tables: None,
    };
    // An executable exports what a library uses, and what a library defines
    // too: the executable's definition interposes the library's.
    let wanted_by_libs: std::collections::HashSet<&str> =
        img.dylibs.iter().flat_map(|d| d.imports.iter().map(|(n, _)| n.as_str()).chain(d.exports.keys().map(String::as_str))).collect();
    img.exports = super::symver::exports(cfg, &img.objects, &archive_of, &img.res, &wanted_by_libs)?;
    img.dynsym_of_def = img.exports.map.keys().map(|&t| (t, 0)).collect(); // numbered in build_dynsyms
    img.scan()?;
    img.build_dynsyms();
    img.count_dynamic_relocs();
    if img.dynamic() {
        img.dyn_tables = Some(super::dynamic::tables(&img, cfg));
    }
    img.lay = layout::layout(cfg, &img);
    Ok(img)
}

impl Image {
    pub(crate) fn dynamic(&self) -> bool {
        !self.static_exe
    }

    pub(crate) fn class(&self, t: Target) -> Class {
        match t {
            Target::Def(oi, sid) => {
                let s = self.objects[oi].symbol(sid);
                if s.kind == SymbolKind::Ifunc {
                    Class::LocalIfunc
                } else if matches!(s.def, SymbolDef::Absolute(_)) && s.name.is_empty() {
                    Class::Zero
                } else if self.preemptible(t) {
                    Class::Preemptible
                } else {
                    Class::Local
                }
            }
            Target::Common(_) if self.preemptible(t) => Class::Preemptible,
            Target::Common(_) => Class::Local,
            Target::Ext(i) => match self.ext[i] {
                ExtDef::Import { .. } if self.copy_index.contains_key(&i) => Class::Local,
                ExtDef::Import { .. } => Class::Import(i),
                ExtDef::Linker => Class::Local,
                ExtDef::Zero => Class::Zero,
            },
            Target::Discarded(..) => Class::Zero,
        }
    }

    /// An export of a shared library that another module may interpose:
    /// the library's own references go through the dynamic linker too.
    fn preemptible(&self, t: Target) -> bool {
        self.kind == OutputKind::Shared && self.exports.map.get(&t).is_some_and(|e| !e.bind_local)
    }

    fn import_kind(&self, i: usize) -> DyKind {
        match &self.ext[i] {
            ExtDef::Import { kind, .. } => *kind,
            _ => DyKind::Data,
        }
    }

    fn add_got(&mut self, e: GotEntry) {
        if !self.got_index.contains_key(&e) {
            self.got_index.insert(e, self.got_slots);
            self.got_slots += e.slots();
            self.got.push(e);
        }
    }

    fn add_stub(&mut self, t: Target) {
        if !self.stub_index.contains_key(&t) {
            self.stub_index.insert(t, self.stubs.len() as u64);
            self.stubs.push(t);
            self.add_got(GotEntry::Plt(t));
        }
    }

    fn scan(&mut self) -> Result<(), LinkError> {
        let mut errors = Vec::new();
        let mut todo: Vec<(RelocKind, Target, bool, bool, String)> = Vec::new();
        for (oi, o) in self.objects.iter().enumerate() {
            for (si, s) in o.sections.iter().enumerate() {
                if !self.res.kept[oi][si] || !is_loaded(s.kind) {
                    continue;
                }
                for (ri, (r, &t)) in s.relocs.iter().zip(&self.res.targets[oi][si]).enumerate() {
                    if self.relax.contains_key(&(oi, si, ri)) {
                        continue;
                    }
                    let call = r.kind == RelocKind::Plt32 || (r.kind == RelocKind::PcRel32 && is_call_operand(&s.data, r));
                    todo.push((r.kind, t, call, s.kind == SectionKind::EhFrame, o.name.clone()));
                }
            }
        }
        let exe = self.kind != OutputKind::Shared;
        for (kind, t, call, _eh, oname) in todo {
            let class = self.class(t);
            match kind {
                RelocKind::Plt32 | RelocKind::PcRel32 if call => {
                    if matches!(class, Class::Import(_) | Class::LocalIfunc | Class::Preemptible) {
                        self.add_stub(t);
                    }
                }
                RelocKind::PcRel32 | RelocKind::Abs32 | RelocKind::Abs32S | RelocKind::PcRel64 => match class {
                    Class::Import(i) if self.import_kind(i) == DyKind::Func => {
                        if exe {
                            self.canonical[i] = true;
                            self.add_stub(t);
                        } else {
                            errors.push(format!(
                                "error: {oname}: direct reference to function '{}' from a shared library: recompile with -fPIC",
                                self.res.externs[i].name
                            ));
                        }
                    }
                    Class::Import(i) => {
                        if exe && self.import_kind(i) == DyKind::Data {
                            if !self.copy_index.contains_key(&i) {
                                self.copy_index.insert(i, self.copies.len());
                                self.copies.push(i);
                            }
                        } else {
                            errors.push(format!(
                                "error: {oname}: direct reference to '{}', defined in a shared library, from a shared library: recompile with -fPIC",
                                self.res.externs[i].name
                            ));
                        }
                    }
                    Class::LocalIfunc => self.add_stub(t),
                    _ => {}
                },
                RelocKind::Abs64 if class == Class::LocalIfunc => self.add_stub(t),
                RelocKind::GotPcRel32 | RelocKind::GotPcRelX32 => {
                    if class == Class::LocalIfunc {
                        self.add_stub(t);
                    }
                    self.add_got(GotEntry::Addr(t));
                }
                RelocKind::TlsGd => self.add_got(GotEntry::Gd(t)),
                RelocKind::ElfRaw(R_X86_64_TLSLD) => self.add_got(GotEntry::Ld),
                RelocKind::GotTpOff32 => self.add_got(GotEntry::TpOff(t)),
                RelocKind::TpOff32 if !exe => errors.push(format!(
                    "error: {oname}: local-exec thread-local access cannot be used in a shared library: recompile with -fPIC"
                )),
                _ => {}
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(LinkError { messages: errors }) }
    }

    fn build_dynsyms(&mut self) {
        if self.static_exe {
            return;
        }
        let mut syms: Vec<(usize, DynSym)> = Vec::new();
        // Version needs are numbered after the output's own definitions
        // (0 and 1 are local and global; definitions start at 2).
        let first_need = 2 + self.exports.verdefs.len() as u16;
        let mut vindex: HashMap<(usize, String), u16> = HashMap::new();
        let mut verneeds = Vec::new();
        let mut version_of = |lib: Option<usize>, v: &Option<(String, u32)>| -> u16 {
            match (lib, v) {
                (Some(l), Some((name, hash))) => {
                    let n = vindex.len() as u16 + first_need;
                    let idx = *vindex.entry((l, name.clone())).or_insert(n);
                    if idx == n {
                        verneeds.push((l, name.clone(), *hash, idx));
                    }
                    idx
                }
                _ => 1,
            }
        };
        // Imports first (not hashed), then definitions.
        let mut defs = Vec::new();
        for (i, e) in self.ext.iter().enumerate() {
            if let ExtDef::Import { lib, kind, size, version, .. } = e {
                let elf_type = match kind {
                    DyKind::Func => object::elf::STT_FUNC,
                    DyKind::Tls => object::elf::STT_TLS,
                    DyKind::Data => object::elf::STT_OBJECT,
                };
                let weak = self.res.externs[i].weak;
                let s = DynSym {
                    name: self.res.externs[i].name.clone(),
                    elf_type,
                    binding: if weak { object::elf::STB_WEAK } else { object::elf::STB_GLOBAL },
                    def: None,
                    copy: self.copy_index.contains_key(&i).then_some(i),
                    ext: Some(i),
                    size: *size,
                    version: version_of(*lib, version),
                    absolute: false,
                };
                if s.copy.is_some() || self.canonical[i] { defs.push((Some(i), s)) } else { syms.push((i, s)) }
            }
        }
        let mut exported: Vec<(&Target, &super::symver::Export)> = self.exports.map.iter().collect();
        exported.sort_by(|a, b| (&a.1.name, a.1.version).cmp(&(&b.1.name, b.1.version)));
        for (&t, export) in exported {
            let (elf_type, binding, size) = match t {
                Target::Def(oi, sid) => {
                    let s = self.objects[oi].symbol(sid);
                    let ty = match s.kind {
                        SymbolKind::Func => object::elf::STT_FUNC,
                        SymbolKind::Ifunc => object::elf::STT_GNU_IFUNC,
                        SymbolKind::Tls => object::elf::STT_TLS,
                        SymbolKind::Data => object::elf::STT_OBJECT,
                        _ => object::elf::STT_NOTYPE,
                    };
                    (ty, if s.binding == Binding::Weak { object::elf::STB_WEAK } else { object::elf::STB_GLOBAL }, s.size)
                }
                Target::Common(ci) => (object::elf::STT_OBJECT, object::elf::STB_GLOBAL, self.res.commons[ci].size),
                _ => continue,
            };
            let (name, version) = (export.name.clone(), export.version);
            defs.push((None, DynSym { name, elf_type, binding, def: Some(t), copy: None, ext: None, size, version, absolute: false }));
        }
        for (n, v) in self.exports.verdefs.iter().enumerate() {
            let (elf_type, binding) = (object::elf::STT_OBJECT, object::elf::STB_GLOBAL);
            let sym = DynSym {
                name: v.name.clone(),
                elf_type,
                binding,
                def: None,
                copy: None,
                ext: None,
                size: 0,
                version: n as u16 + 2,
                absolute: true,
            };
            defs.push((None, sym));
        }
        // A copied variable's aliases in its library (`environ`, `__environ`)
        // must name the copy too, or the library keeps using its original.
        for &i in &self.copies {
            let ExtDef::Import { lib: Some(l), lib_value, .. } = &self.ext[i] else { continue };
            let name = &self.res.externs[i].name;
            let mut aliases: Vec<(&String, &super::dylib::DySym)> =
                self.dylibs[*l].exports.iter().filter(|(n, s)| *n != name && s.value == *lib_value && s.kind == DyKind::Data).collect();
            aliases.sort_by(|a, b| a.0.cmp(b.0));
            for (alias, s) in aliases {
                let version = version_of(Some(*l), &s.version);
                let sym = DynSym {
                    name: alias.clone(),
                    elf_type: object::elf::STT_OBJECT,
                    binding: object::elf::STB_GLOBAL,
                    def: None,
                    copy: Some(i),
                    ext: None,
                    size: s.size,
                    version,
                    absolute: false,
                };
                defs.push((None, sym));
            }
        }
        // `.gnu.hash` wants the hashed (defined) symbols last, grouped by bucket.
        let nbuckets = super::dynamic::gnu_hash_buckets(defs.len());
        defs.sort_by_key(|(_, s)| super::dynamic::gnu_hash(s.name.as_bytes()) % nbuckets);
        let mut all = vec![DynSym {
            name: String::new(),
            elf_type: 0,
            binding: 0,
            def: None,
            copy: None,
            ext: None,
            size: 0,
            version: 0,
            absolute: false,
        }];
        for (i, s) in syms {
            self.dynsym_of_ext.insert(i, all.len() as u32);
            all.push(s);
        }
        self.first_hashed = all.len();
        for (ext_i, s) in defs {
            if let Some(i) = ext_i {
                self.dynsym_of_ext.insert(i, all.len() as u32);
            }
            if let Some(t) = s.def {
                self.dynsym_of_def.insert(t, all.len() as u32);
            }
            all.push(s);
        }
        self.dynsyms = all;
        self.verneeds = verneeds;
    }

    pub(crate) fn first_hashed_dynsym(&self) -> usize {
        self.first_hashed
    }

    pub(crate) fn target_name(&self, t: Target) -> &str {
        match t {
            Target::Def(oi, sid) | Target::Discarded(oi, sid) => &self.objects[oi].symbol(sid).name,
            Target::Common(ci) => &self.res.commons[ci].name,
            Target::Ext(i) => &self.res.externs[i].name,
        }
    }

    /// Counts the dynamic relocations `write` will emit (it checks the
    /// count, so the two cannot drift apart silently).
    fn count_dynamic_relocs(&mut self) {
        let mut n = 0u64;
        for (oi, o) in self.objects.iter().enumerate() {
            for (si, s) in o.sections.iter().enumerate() {
                if !self.res.kept[oi][si] || !is_loaded(s.kind) {
                    continue;
                }
                for (r, &t) in s.relocs.iter().zip(&self.res.targets[oi][si]) {
                    if r.kind == RelocKind::Abs64 && self.abs64_dynamic(t) {
                        n += 1;
                    }
                }
            }
        }
        for &e in &self.got {
            n += self.got_dynamic_relocs(e);
        }
        n += self.copies.len() as u64;
        self.n_rela_dyn = n;
        self.n_rela_plt = self.got.iter().filter(|e| matches!(e, GotEntry::Plt(_))).count() as u64;
    }

    /// Whether a 64-bit absolute word needs a dynamic relocation.
    pub(crate) fn abs64_dynamic(&self, t: Target) -> bool {
        match self.class(t) {
            Class::Import(_) | Class::Preemptible => true,
            Class::Zero => false,
            Class::Local | Class::LocalIfunc => self.pic && !self.is_absolute(t),
        }
    }

    pub(crate) fn is_absolute(&self, t: Target) -> bool {
        match t {
            Target::Def(oi, sid) => matches!(self.objects[oi].symbol(sid).def, SymbolDef::Absolute(_)),
            Target::Ext(i) => {
                matches!(self.ext[i], ExtDef::Linker)
                    && self
                        .script
                        .assigns
                        .iter()
                        .rev()
                        .find(|(_, a)| a.name == self.res.externs[i].name)
                        .is_some_and(|(_, a)| a.expr.is_const())
            }
            _ => false,
        }
    }

    pub(crate) fn got_dynamic_relocs(&self, e: GotEntry) -> u64 {
        let dynamic = self.dynamic();
        match e {
            GotEntry::Addr(t) => match self.class(t) {
                Class::Import(_) | Class::Preemptible => 1,
                Class::Zero => 0,
                Class::Local | Class::LocalIfunc => u64::from(self.pic && !self.is_absolute(t)),
            },
            GotEntry::Plt(_) => 0, // counted in .rela.plt
            GotEntry::TpOff(t) => {
                u64::from(matches!(self.class(t), Class::Import(_) | Class::Preemptible) || self.kind == OutputKind::Shared)
            }
            GotEntry::Gd(t) if dynamic => match self.class(t) {
                Class::Import(_) | Class::Preemptible => 2,
                _ => 1,
            },
            GotEntry::Ld if dynamic => 1,
            GotEntry::Gd(_) | GotEntry::Ld => 0,
        }
    }
}
