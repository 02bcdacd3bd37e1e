//! Reading the inputs in command-line order: objects, archives (members
//! extracted lazily, groups rescanned until nothing new is needed), shared
//! libraries and the linker scripts that stand in for libraries.

use super::dylib::{self, Dylib};
use super::{Config, InputArg, script};
use crate::LinkError;
use obj::{Binding, Object, SymbolDef, SymbolKind};
use std::collections::{HashMap, HashSet};

/// An archive whose members are extracted when they define a needed symbol.
struct Archive {
    name: String,
    /// Members not yet extracted.
    members: Vec<Option<Member>>,
    index: HashMap<String, usize>,
}

enum Member {
    /// A member of an `ar` file: name and bytes, parsed when extracted.
    Raw(String, Vec<u8>),
    /// An object read already (kit's runtime objects, indexed by parsing).
    Parsed(Object),
}

pub(crate) struct Inputs {
    pub objects: Vec<Object>,
    pub dylibs: Vec<Dylib>,
    pub entry: Option<String>,
    /// For each object, the archive it was extracted from (`--exclude-libs`).
    pub archive_of: Vec<Option<String>>,
}

struct Loader<'c> {
    cfg: &'c Config,
    objects: Vec<Object>,
    archive_of: Vec<Option<String>>,
    dylibs: Vec<Dylib>,
    defined: HashSet<String>,
    /// Strongly referenced names nothing defines yet.
    undefined: HashSet<String>,
    errors: Vec<String>,
    entry: Option<String>,
    search_dirs: Vec<String>,
    loaded_dylibs: HashSet<String>,
}

/// Flags that apply to the inputs after them on the command line.
#[derive(Clone, Copy, Default)]
struct State {
    static_only: bool,
    whole_archive: bool,
    as_needed: bool,
    /// The file was named on the command line, not found by `-l` or a
    /// script: a shared library without a soname is needed by this name.
    named_here: bool,
}

pub(crate) fn load(cfg: &Config, mut memory: Vec<Option<Object>>) -> Result<Inputs, LinkError> {
    let mut l = Loader {
        cfg,
        objects: Vec::new(),
        archive_of: Vec::new(),
        dylibs: Vec::new(),
        defined: HashSet::new(),
        undefined: HashSet::new(),
        errors: Vec::new(),
        entry: None,
        search_dirs: cfg.lib_dirs.clone(),
        loaded_dylibs: HashSet::new(),
    };
    // The entry point and -u style roots pull archive members too.
    let entry = cfg.entry.clone().unwrap_or_else(|| "_start".into());
    if cfg.kind != super::OutputKind::Shared {
        l.undefined.insert(entry);
    }
    let mut st = State { static_only: cfg.static_exe, ..State::default() };
    let mut group: Option<Vec<Archive>> = None;
    for arg in &cfg.inputs {
        match arg {
            InputArg::Path(p) => l.add_file(p, State { named_here: true, ..st }, &mut group, false),
            InputArg::Memory(i) => {
                if let Some(o) = memory.get_mut(*i).and_then(Option::take) {
                    l.add_object(o, None);
                }
            }
            InputArg::Lib(name) => match l.find_lib(name, st.static_only) {
                Some(p) => l.add_file(&p, st, &mut group, false),
                None => l.errors.push(format!("error: cannot find -l{name} (searched: {})", l.search_dirs.join(", "))),
            },
            InputArg::Static(s) => st.static_only = *s,
            InputArg::WholeArchive(w) => st.whole_archive = *w,
            InputArg::AsNeeded(a) => st.as_needed = *a,
            InputArg::GroupStart => {
                if group.is_some() {
                    l.errors.push("error: nested --start-group".into());
                }
                group = Some(Vec::new());
            }
            InputArg::GroupEnd => match group.take() {
                Some(mut members) => l.rescan(&mut members),
                None => l.errors.push("error: --end-group without --start-group".into()),
            },
        }
    }
    if let Some(mut members) = group.take() {
        l.rescan(&mut members);
    }
    // kit's runtime comes last, like libgcc: members only as needed.
    if !cfg.runtime.is_empty() {
        let mut rt = Archive { name: "<kit runtime>".into(), members: Vec::new(), index: HashMap::new() };
        for p in &cfg.runtime {
            match host::fs::read(p).map_err(|e| format!("{p}: {e}")).and_then(|b| obj::elf_read::read_elf(p, &b)) {
                Ok(o) => {
                    for s in defined_globals(&o) {
                        rt.index.entry(s).or_insert(rt.members.len());
                    }
                    rt.members.push(Some(Member::Parsed(o)));
                }
                Err(e) => l.errors.push(format!("error: {e}")),
            }
        }
        l.rescan(std::slice::from_mut(&mut rt));
    }
    if !l.errors.is_empty() {
        return Err(LinkError { messages: l.errors });
    }
    Ok(Inputs { objects: l.objects, dylibs: l.dylibs, entry: l.entry, archive_of: l.archive_of })
}

fn defined_globals(o: &Object) -> Vec<String> {
    o.symbols
        .iter()
        .filter(|s| s.binding != Binding::Local && s.def != SymbolDef::Undefined && s.kind != SymbolKind::Section && !s.name.is_empty())
        .map(|s| s.name.clone())
        .collect()
}

impl Loader<'_> {
    fn add_object(&mut self, o: Object, archive: Option<&str>) {
        for s in &o.symbols {
            if s.binding == Binding::Local || s.kind == SymbolKind::Section || s.name.is_empty() {
                continue;
            }
            if s.def != SymbolDef::Undefined {
                self.undefined.remove(&s.name);
                self.defined.insert(s.name.clone());
                if let Some(base) = crate::resolve::default_version_base(&s.name) {
                    self.undefined.remove(base);
                    self.defined.insert(base.to_string());
                }
            } else if s.binding != Binding::Weak && !self.defined.contains(&s.name) {
                self.undefined.insert(s.name.clone());
            }
        }
        self.objects.push(o);
        self.archive_of.push(archive.map(String::from));
    }

    fn find_lib(&self, name: &str, static_only: bool) -> Option<String> {
        for d in &self.search_dirs {
            let d = d.trim_end_matches('/');
            let candidates: Vec<String> = if let Some(exact) = name.strip_prefix(':') {
                vec![format!("{d}/{exact}")]
            } else if static_only {
                vec![format!("{d}/lib{name}.a")]
            } else {
                vec![format!("{d}/lib{name}.so"), format!("{d}/lib{name}.a")]
            };
            if let Some(p) = candidates.into_iter().find(|p| host::fs::is_file(p)) {
                return Some(p);
            }
        }
        None
    }

    /// A path named by a script: searched (`-l`), under the sysroot, or as is.
    fn script_path(&self, name: &str, script_dir: &str) -> Option<String> {
        if let Some(lib) = name.strip_prefix("-l") {
            return self.find_lib(lib, false);
        }
        if name.starts_with('/') {
            if let Some(root) = &self.cfg.sysroot {
                let p = format!("{}{name}", root.trim_end_matches('/'));
                if host::fs::is_file(&p) {
                    return Some(p);
                }
            }
            return host::fs::is_file(name).then(|| name.to_string());
        }
        let local = format!("{script_dir}/{name}");
        if host::fs::is_file(&local) {
            return Some(local);
        }
        if host::fs::is_file(name) {
            return Some(name.to_string());
        }
        self.find_lib(&format!(":{name}"), false)
    }

    fn add_file(&mut self, path: &str, st: State, group: &mut Option<Vec<Archive>>, from_script: bool) {
        let bytes = match host::fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.errors.push(format!("error: {path}: {e}")),
        };
        if bytes.starts_with(b"!<arch>\n") {
            let members = match obj::archive::read_archive(path, &bytes) {
                Ok(m) => m,
                Err(e) => return self.errors.push(format!("error: {e}")),
            };
            if st.whole_archive {
                for (mname, data) in members {
                    self.add_member(path, &mname, &data);
                }
                return;
            }
            let mut index = match obj::archive::symbol_index(path, &bytes) {
                Ok(i) => i,
                Err(e) => return self.errors.push(format!("error: {e}")),
            };
            // A member defining `f@@V` also serves references to `f`.
            let mut defaults: Vec<(String, usize)> =
                index.iter().filter_map(|(n, &m)| crate::resolve::default_version_base(n).map(|b| (b.to_string(), m))).collect();
            defaults.sort_unstable();
            for (base, m) in defaults {
                index.entry(base).or_insert(m);
            }
            let members = members.into_iter().map(|(n, b)| Some(Member::Raw(n, b))).collect();
            let mut ar = Archive { name: path.to_string(), members, index };
            self.extract(&mut ar);
            if let Some(g) = group {
                g.push(ar);
            }
        } else if bytes.starts_with(b"\x7fELF") {
            if dylib::is_dylib(&bytes) {
                if st.static_only && !from_script {
                    return self.errors.push(format!("error: {path}: attempted static link of dynamic object"));
                }
                if st.static_only {
                    return;
                }
                match dylib::read_dylib(path, &bytes, st.as_needed, st.named_here) {
                    Ok(d) => {
                        if !self.loaded_dylibs.insert(d.soname.clone()) {
                            return;
                        }
                        for name in d.exports.keys() {
                            self.undefined.remove(name);
                            self.defined.insert(name.clone());
                        }
                        self.dylibs.push(d);
                    }
                    Err(e) => self.errors.push(format!("error: {e}")),
                }
            } else {
                match obj::elf_read::read_elf(path, &bytes) {
                    Ok(o) => self.add_object(o, None),
                    Err(e) => self.errors.push(format!("error: {e}")),
                }
            }
        } else {
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) if !t.trim().is_empty() => t,
                _ => return self.errors.push(format!("error: {path}: file format not recognized")),
            };
            let s = match script::parse(path, text) {
                Ok(s) if s.has_sections || !s.assigns.is_empty() => {
                    return self.errors.push(format!("error: {path}: SECTIONS and symbol assignments belong in a script given with -T"));
                }
                Ok(s) => s,
                Err(e) => return self.errors.push(format!("error: {e}")),
            };
            self.search_dirs.extend(s.search_dirs.iter().cloned());
            if s.entry.is_some() {
                self.entry = s.entry.clone();
            }
            let dir = path.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_else(|| ".".into());
            let mut own_group = if s.group && group.is_none() { Some(Vec::new()) } else { None };
            for inp in &s.inputs {
                let Some(p) = self.script_path(&inp.name, &dir) else {
                    self.errors.push(format!("error: {path}: cannot find {}", inp.name));
                    continue;
                };
                let st = State { as_needed: st.as_needed || inp.as_needed, named_here: false, ..st };
                if own_group.is_some() {
                    self.add_file(&p, st, &mut own_group, true);
                } else {
                    self.add_file(&p, st, group, true);
                }
            }
            if let Some(mut g) = own_group {
                self.rescan(&mut g);
            }
        }
    }

    fn add_member(&mut self, archive: &str, mname: &str, data: &[u8]) {
        let name = format!("{archive}({mname})");
        if !data.starts_with(b"\x7fELF") {
            return; // not an object (say, a stray text file): ld skips it too
        }
        match obj::elf_read::read_elf(&name, data) {
            Ok(o) => self.add_object(o, Some(archive)),
            Err(e) => self.errors.push(format!("error: {e}")),
        }
    }

    /// Extracts members defining needed symbols until none is left; returns
    /// whether any was extracted.
    fn extract(&mut self, ar: &mut Archive) -> bool {
        let mut any = false;
        loop {
            let mut wanted: Vec<usize> = self.undefined.iter().filter_map(|n| ar.index.get(n).copied()).collect();
            wanted.sort_unstable();
            wanted.dedup();
            wanted.retain(|&m| ar.members.get(m).is_some_and(|x| x.is_some()));
            if wanted.is_empty() {
                return any;
            }
            for m in wanted {
                match ar.members[m].take() {
                    Some(Member::Raw(mname, data)) => self.add_member(&ar.name, &mname, &data),
                    Some(Member::Parsed(o)) => self.add_object(o, Some(&ar.name)),
                    None => continue,
                }
                any = true;
            }
        }
    }

    fn rescan(&mut self, group: &mut [Archive]) {
        while group.iter_mut().fold(false, |any, ar| self.extract(ar) | any) {}
    }
}
