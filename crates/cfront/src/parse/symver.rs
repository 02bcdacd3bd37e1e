//! `__attribute__((symver("name@VERSION")))`: the attribute's string is
//! checked where it is parsed (`decl.rs`); at the end of the translation
//! unit the symbols that carry one are checked as gcc does (defined here,
//! public, default visibility) and the versioned names go to `Tu::symvers`,
//! which lowering turns into aliases of the definitions.

use super::*;

/// Whether `s` has the form `name@VERSION` or `name@@VERSION`; the error
/// says what is wrong. kit writes no assembly, so it rejects here what gas
/// would reject in gcc's `.symver` directive.
pub(super) fn check_name(s: &str) -> Result<(), &'static str> {
    let Some((name, version)) = s.split_once('@') else {
        return Err("must have the form \"name@VERSION\" or \"name@@VERSION\"");
    };
    let version = version.strip_prefix('@').unwrap_or(version);
    if name.is_empty() {
        return Err("has no symbol name before '@'");
    }
    if version.is_empty() {
        return Err("has no version name after '@'");
    }
    if version.contains('@') {
        return Err("must contain one '@' or one '@@'");
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain white space");
    }
    Ok(())
}

/// How a symbol of this file is defined, for its versioned names.
struct Definition {
    is_static: bool,
    weak: bool,
    hidden: bool,
}

impl Parser<'_> {
    fn definition(&self, sym: &str) -> Option<Definition> {
        let g = self.global_index.get(sym).map(|&i| &self.tu.globals[i]);
        if let Some(f) = self.tu.funcs.iter().find(|f| &*f.name == sym) {
            return Some(Definition {
                is_static: f.is_static,
                weak: f.is_weak,
                hidden: f.visibility_hidden || g.is_some_and(|g| g.hidden),
            });
        }
        // An alias takes its visibility from its target (codegen copies it).
        if let Some((_, target, weak)) = self.tu.aliases.iter().find(|a| &*a.0 == sym) {
            let hidden = g.is_some_and(|g| g.hidden) || self.alias_target_hidden(target);
            return Some(Definition { is_static: g.is_some_and(|g| g.is_static), weak: *weak, hidden });
        }
        let g = g?;
        (!g.ty.is_func() && !g.is_extern).then_some(Definition { is_static: g.is_static, weak: g.is_weak, hidden: g.hidden })
    }

    fn alias_target_hidden(&self, target: &str) -> bool {
        let mut name = target;
        // Bounded: a cycle of aliases is codegen's error to report.
        for _ in 0..=self.tu.aliases.len() {
            match self.tu.aliases.iter().find(|a| &*a.0 == name) {
                Some(a) => name = &a.1,
                None => break,
            }
        }
        let g = self.global_index.get(name).map(|&i| &self.tu.globals[i]);
        g.is_some_and(|g| g.hidden) || self.tu.funcs.iter().any(|f| &*f.name == name && f.visibility_hidden)
    }

    /// Checks each `symver` against its symbol and fills `Tu::symvers`.
    pub(super) fn resolve_symvers(&mut self) {
        let mut seen: HashMap<Rc<str>, Rc<str>> = HashMap::new();
        for (sym, name, loc) in std::mem::take(&mut self.symvers) {
            match seen.get(&name) {
                Some(prev) if *prev == sym => continue,
                Some(prev) => {
                    let msg = format!("symbol version '{name}' is given to both '{prev}' and '{sym}'");
                    self.err(loc, msg);
                    continue;
                }
                None => {}
            }
            let Some(def) = self.definition(&sym) else {
                // As with gcc: only a symbol the file uses must be defined;
                // a declaration nothing uses is harmless.
                if self.global_index.get(&sym).is_some_and(|&i| self.tu.globals[i].used) {
                    self.err(loc, format!("'{sym}' must be defined in this file to have the symbol version '{name}'"));
                }
                continue;
            };
            if def.is_static {
                self.err(loc, format!("'{sym}' is static: a versioned symbol must be public"));
            } else if def.hidden {
                self.err(loc, format!("'{sym}' is hidden: a versioned symbol must have default visibility"));
            } else {
                seen.insert(name.clone(), sym.clone());
                self.tu.symvers.push(Symver { symbol: sym, name, weak: def.weak });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_name;

    #[test]
    fn version_name_forms() {
        for ok in ["f@V1", "f@@V_5.2", "lzma_get_progress@XZ_5.2.2"] {
            assert_eq!(check_name(ok), Ok(()), "{ok}");
        }
        for bad in ["f", "", "@V1", "f@", "f@@", "f@@@V", "f@V@W", "f @V"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
