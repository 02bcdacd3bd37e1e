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
    pub fn error(&mut self, loc: Loc, msg: impl Into<String>) {
        self.errors += 1;
        self.list.push(Diag { level: Level::Error, loc, msg: msg.into() });
    }
    pub fn warning(&mut self, loc: Loc, msg: impl Into<String>) {
        self.list.push(Diag { level: Level::Warning, loc, msg: msg.into() });
    }
    pub fn note(&mut self, loc: Loc, msg: impl Into<String>) {
        self.list.push(Diag { level: Level::Note, loc, msg: msg.into() });
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
        let _ = writeln!(out, "{}:{}:{}: {}: {}", f.name, d.loc.line, d.loc.col, level, d.msg);
        let line = f.line_text(d.loc.line);
        if !line.is_empty() {
            let _ = writeln!(out, " {:>5} | {}", d.loc.line, line);
            let pad: String = line
                .chars()
                .take(d.loc.col.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "       | {}^", pad);
        }
    } else {
        let _ = writeln!(out, "kit: {}: {}", level, d.msg);
    }
}
