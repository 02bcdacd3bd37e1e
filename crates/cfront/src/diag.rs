//! Diagnostics: `file:line:col: error: message`, the source line and a caret.

use crate::source::{Loc, SourceMap};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
}

#[derive(Clone, Debug)]
pub struct Diag {
    pub level: Level,
    pub loc: Loc,
    pub msg: String,
    /// The warning's gcc option name (`incompatible-pointer-types` for
    /// `-Wincompatible-pointer-types`), for `-Wno-X`, `-Werror=X` and the
    /// `[-WX]` suffix.
    pub option: Option<&'static str>,
    /// A warning that `-Werror` made an error.
    pub promoted: bool,
}

/// What `-w`, `-Wno-X`, `-Werror`, `-Werror=X` and `-Wno-error=X` ask of
/// warnings.
#[derive(Clone, Debug, Default)]
pub struct WarningPolicy {
    pub all_errors: bool,
    pub errors: Vec<String>,
    pub not_errors: Vec<String>,
    pub disabled: Vec<String>,
    /// `-WX` options given: they turn on warnings that are off by default.
    pub enabled: Vec<String>,
    /// `-w`: no warnings at all (none become errors either).
    pub none: bool,
}

/// Warnings gcc leaves off unless asked for, each with the options that
/// turn it on (`-Wconversion` includes the other two in C).
const OFF_BY_DEFAULT: &[(&str, &[&str])] = &[
    ("conversion", &["conversion"]),
    ("sign-conversion", &["sign-conversion", "conversion"]),
    ("float-conversion", &["float-conversion", "conversion"]),
];

impl WarningPolicy {
    fn disables(&self, option: Option<&str>) -> bool {
        let Some(o) = option else { return self.none };
        let off = OFF_BY_DEFAULT
            .iter()
            .find(|(name, _)| *name == o)
            .is_some_and(|(_, by)| !by.iter().any(|b| self.enabled.iter().any(|e| e == b)));
        self.none || off || self.disabled.iter().any(|d| d == o)
    }

    fn promotes(&self, option: Option<&str>) -> bool {
        match option {
            Some(o) => self.errors.iter().any(|e| e == o) || (self.all_errors && !self.not_errors.iter().any(|e| e == o)),
            None => self.all_errors,
        }
    }
}

/// Collects diagnostics for one compilation.
#[derive(Default)]
pub struct Diags {
    pub list: Vec<Diag>,
    pub errors: usize,
}

/// After this many errors, the frontend stops (like gcc's -fmax-errors).
pub const MAX_ERRORS: usize = 50;

impl Diags {
    fn push(&mut self, level: Level, loc: Loc, msg: String, option: Option<&'static str>) {
        self.list.push(Diag { level, loc, msg, option, promoted: false });
    }
    pub fn error(&mut self, loc: Loc, msg: impl Into<String>) {
        self.errors += 1;
        self.push(Level::Error, loc, msg.into(), None);
    }
    pub fn warning(&mut self, loc: Loc, msg: impl Into<String>) {
        self.push(Level::Warning, loc, msg.into(), None);
    }
    /// A warning gcc names `-W<option>`.
    pub fn warning_named(&mut self, loc: Loc, option: &'static str, msg: impl Into<String>) {
        self.push(Level::Warning, loc, msg.into(), Some(option));
    }
    pub fn note(&mut self, loc: Loc, msg: impl Into<String>) {
        self.push(Level::Note, loc, msg.into(), None);
    }

    /// Drops warnings located in system headers (gcc's default, without
    /// `-Wsystem-headers`).
    pub fn drop_system_warnings(&mut self, sm: &SourceMap) {
        self.list.retain(|d| d.level != Level::Warning || !sm.files.get(d.loc.file as usize).is_some_and(|f| f.system));
    }

    /// Drops the warnings `policy` disables and makes errors of those it
    /// promotes (each phase's warnings, before its errors are checked).
    pub fn apply(&mut self, policy: &WarningPolicy) {
        let mut errors = self.errors;
        self.list.retain_mut(|d| {
            if d.level != Level::Warning {
                return true;
            }
            if policy.disables(d.option) {
                return false;
            }
            if policy.promotes(d.option) {
                d.level = Level::Error;
                d.promoted = true;
                errors += 1;
            }
            true
        });
        self.errors = errors;
    }
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }
    pub fn too_many(&self) -> bool {
        self.errors >= MAX_ERRORS
    }

    /// Renders every diagnostic, gcc style, with source line and caret.
    pub fn render(&self, sm: &SourceMap) -> String {
        let mut out = String::new();
        for d in &self.list {
            render_one(&mut out, d, sm);
        }
        out
    }
}

pub fn render_one(out: &mut String, d: &Diag, sm: &SourceMap) {
    let level = match d.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
    };
    if (d.loc.file as usize) < sm.files.len() && d.loc.line > 0 {
        let f = sm.file(d.loc.file);
        let _ = writeln!(out, "{}:{}:{}: {}: {}{}", f.name, d.loc.line, d.loc.col, level, d.msg, option_suffix(d));
        let line = f.line_text(d.loc.line);
        if !line.is_empty() {
            let _ = writeln!(out, " {:>5} | {}", d.loc.line, line);
            let pad: String = line.chars().take(d.loc.col.saturating_sub(1) as usize).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            let _ = writeln!(out, "       | {}^", pad);
        }
    } else {
        let _ = writeln!(out, "kit: {}: {}{}", level, d.msg, option_suffix(d));
    }
}

/// gcc's ` [-Wname]`, ` [-Werror=name]` or ` [-Werror]`.
fn option_suffix(d: &Diag) -> String {
    match (d.option, d.promoted) {
        (Some(o), false) => format!(" [-W{o}]"),
        (Some(o), true) => format!(" [-Werror={o}]"),
        (None, true) => " [-Werror]".into(),
        (None, false) => String::new(),
    }
}
