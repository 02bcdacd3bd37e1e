//! Which definitions the output exports, under which name and version, and
//! which of them its own references may bind to directly. Runs in `plan`
//! after resolution, before the dynamic symbol table is built; the inputs
//! are the version scripts, dynamic lists, `--exclude-libs`, `-Bsymbolic`
//! and the `name@VERSION` symbols of the objects (gcc's `.symver`).

use super::version_script::{self, Pattern, Scope, VersionScript};
use super::{Config, OutputKind, Symbolic};
use crate::LinkError;
use crate::resolve::{Resolution, Target};
use obj::{Object, SymbolKind, Visibility};
use std::collections::{HashMap, HashSet};

/// Version index of unversioned exports (`VER_NDX_GLOBAL`).
pub(crate) const VER_GLOBAL: u16 = 1;
/// Marks a non-default version (`name@VERSION`, not `name@@VERSION`).
pub(crate) const VER_HIDDEN: u16 = 0x8000;

#[derive(Clone, Debug)]
pub(crate) struct Export {
    /// The dynamic name: the object's name without `@VERSION`.
    pub name: String,
    /// Index into the version definitions (see [`Exports::verdefs`]), with
    /// [`VER_HIDDEN`] for a non-default version.
    pub version: u16,
    /// References inside the output bind to this definition directly
    /// (protected visibility, `-Bsymbolic`, not in a `--dynamic-list`).
    pub bind_local: bool,
}

/// A version the output defines: index `2 + position` in `.gnu.version_d`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VerDef {
    pub name: String,
    pub parents: Vec<String>,
}

#[derive(Default)]
pub(crate) struct Exports {
    pub map: HashMap<Target, Export>,
    /// Global definitions a version script or `--exclude-libs` made local:
    /// `.symtab` lists them as local symbols.
    pub localized: HashSet<Target>,
    pub verdefs: Vec<VerDef>,
}

fn read_file(path: &str, what: &str) -> Result<String, LinkError> {
    host::fs::read_to_string(path).map_err(|e| LinkError::one(format!("error: cannot read {what} {path}: {e}")))
}

fn load_scripts(cfg: &Config) -> Result<(VersionScript, Option<Vec<Pattern>>), LinkError> {
    let mut script = VersionScript::default();
    for path in &cfg.version_scripts {
        let s = version_script::parse(path, &read_file(path, "version script")?).map_err(|e| LinkError::one(format!("error: {e}")))?;
        for node in s.nodes {
            let anonymous = node.name.is_empty() || script.nodes.iter().any(|n| n.name.is_empty());
            if (anonymous && !script.nodes.is_empty()) || script.node(&node.name).is_some() {
                return Err(LinkError::one(format!(
                    "error: {path}: version node '{}' conflicts with an earlier version script",
                    node.name
                )));
            }
            script.nodes.push(node);
        }
    }
    let mut list: Option<Vec<Pattern>> = None;
    for path in &cfg.dynamic_lists {
        let l = version_script::parse_dynamic_list(path, &read_file(path, "dynamic list")?)
            .map_err(|e| LinkError::one(format!("error: {e}")))?;
        list.get_or_insert_with(Vec::new).extend(l);
    }
    Ok((script, list))
}

/// Whether `--exclude-libs` names the archive an object came from.
fn excluded(cfg: &Config, archive: Option<&str>) -> bool {
    let Some(a) = archive else { return false };
    let file = a.rsplit('/').next().unwrap_or(a);
    cfg.exclude_libs.iter().any(|x| x == "ALL" || x == file)
}

/// The `.gnu.version` index of named node `n`: definitions start at 2, in
/// node order, and the anonymous node (beside `--default-symver`'s) has none.
fn version_index(script: &VersionScript, n: usize) -> u16 {
    2 + script.nodes[..n].iter().filter(|x| !x.name.is_empty()).count() as u16
}

/// Decides the exports. `wanted_by_libs` are names the input shared
/// libraries use or define (an executable exports those it defines).
pub(crate) fn exports(
    cfg: &Config,
    objects: &[Object],
    archive_of: &[Option<String>],
    res: &Resolution,
    wanted_by_libs: &HashSet<&str>,
) -> Result<Exports, LinkError> {
    let mut out = Exports::default();
    if cfg.static_exe {
        return Ok(out);
    }
    let (mut script, list) = load_scripts(cfg)?;
    let shared = cfg.kind == OutputKind::Shared;
    let in_list = |name: &str| list.as_ref().is_some_and(|l| l.iter().any(|p| p.matches(name)));
    let mut names: Vec<(&String, &Target)> = res.globals.iter().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    let mut errors = Vec::new();
    for (name, &t) in names {
        let (visibility, kind, oi) = match t {
            Target::Def(oi, sid) => {
                let s = objects[oi].symbol(sid);
                (s.visibility, s.kind, Some(oi))
            }
            Target::Common(_) => (Visibility::Default, SymbolKind::Data, None),
            _ => continue,
        };
        if visibility == Visibility::Hidden {
            continue;
        }
        if excluded(cfg, oi.and_then(|o| archive_of.get(o)).and_then(|a| a.as_deref())) {
            out.localized.insert(t);
            continue;
        }
        // `name@VERSION` / `name@@VERSION`, as gas writes `.symver`.
        let (base, explicit) = match name.split_once('@') {
            Some((b, v)) if !b.is_empty() => (b, Some(v.strip_prefix('@').map_or((v, false), |v| (v, true)))),
            _ => (name.as_str(), None),
        };
        if !(shared || cfg.export_dynamic || wanted_by_libs.contains(base) || in_list(base)) {
            continue;
        }
        let version = match explicit {
            Some((v, default)) => {
                // Without a version script, the object's versions are the definitions.
                if cfg.version_scripts.is_empty() && script.node(v).is_none() {
                    script.nodes.push(version_script::Node { name: v.to_string(), ..Default::default() });
                }
                let Some(n) = script.node(v) else {
                    let from = oi.map_or("<common>", |o| objects[o].name.as_str());
                    errors.push(format!("error: {from}: version node not found for symbol '{name}': no '{v}' in the version script"));
                    continue;
                };
                if script.hides_in_node(n, base) {
                    out.localized.insert(t);
                    continue;
                }
                version_index(&script, n) | if default { 0 } else { VER_HIDDEN }
            }
            None => match script.scope(base) {
                Some(Scope::Local) => {
                    out.localized.insert(t);
                    continue;
                }
                Some(Scope::Global(n)) if !script.nodes[n].name.is_empty() => version_index(&script, n),
                _ if cfg.default_symver && shared => {
                    let v = cfg.soname.clone().unwrap_or_else(|| cfg.output.rsplit('/').next().unwrap_or(&cfg.output).to_string());
                    if script.node(&v).is_none() {
                        script.nodes.push(version_script::Node { name: v.clone(), ..Default::default() });
                    }
                    version_index(&script, script.node(&v).unwrap())
                }
                _ => VER_GLOBAL,
            },
        };
        let bind_local = visibility == Visibility::Protected
            || (shared
                && match cfg.symbolic {
                    Symbolic::All => true,
                    Symbolic::Functions => matches!(kind, SymbolKind::Func | SymbolKind::Ifunc),
                    // A dynamic list names the symbols that stay interposable.
                    Symbolic::None => list.is_some() && !in_list(base),
                });
        out.map.insert(t, Export { name: base.to_string(), version, bind_local });
    }
    if !errors.is_empty() {
        return Err(LinkError { messages: errors });
    }
    out.verdefs = script.nodes.into_iter().filter(|n| !n.name.is_empty()).map(|n| VerDef { name: n.name, parents: n.parents }).collect();
    Ok(out)
}
