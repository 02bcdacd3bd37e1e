//! Address → function (+offset) and source line, for backtraces and the
//! debugger. Built once per image from the function symbols and each
//! object's line table.

use crate::layout::Layout;
use obj::{Object, SectionKind, SymbolDef, SymbolKind};

/// (function, offset into it, (file, line) if known).
pub type Symbolized = (String, u64, Option<(String, u32)>);

pub(crate) struct Symbolizer {
    /// (start, end, name), sorted by start.
    funcs: Vec<(usize, usize, String)>,
    /// (address, file, line), sorted by address.
    lines: Vec<(usize, u32, u32)>,
    files: Vec<String>,
}

impl Symbolizer {
    pub(crate) fn new(objects: &[Object], lay: &Layout, kept: &[Vec<bool>], base: u64) -> Symbolizer {
        let mut funcs = Vec::new();
        let mut lines = Vec::new();
        let mut files: Vec<String> = Vec::new();
        for (oi, o) in objects.iter().enumerate() {
            // Code symbols per section; a symbol without a size runs to the
            // next one (or the section's end).
            for (si, sec) in o.sections.iter().enumerate() {
                let (Some(at), SectionKind::Text, true) = (lay.sec[oi][si], sec.kind, kept[oi][si]) else { continue };
                let mut syms: Vec<(u64, u64, &str)> = o
                    .symbols
                    .iter()
                    .filter(|s| {
                        matches!(s.kind, SymbolKind::Func | SymbolKind::Ifunc | SymbolKind::Unknown)
                            && !s.name.is_empty()
                            && !s.name.starts_with(".L")
                    })
                    .filter_map(|s| match s.def {
                        SymbolDef::Section { section, offset } if section.0 as usize == si => Some((offset, s.size, s.name.as_str())),
                        _ => None,
                    })
                    .collect();
                syms.sort_by_key(|e| (e.0, std::cmp::Reverse(e.1)));
                syms.dedup_by_key(|e| e.0);
                for (k, &(off, size, name)) in syms.iter().enumerate() {
                    let next = syms.get(k + 1).map_or(sec.size, |n| n.0);
                    let end = if size > 0 { off + size } else { next.max(off + 1) };
                    let start = (base + at + off) as usize;
                    funcs.push((start, (base + at + end) as usize, name.to_string()));
                }
            }
            let fbase = files.len() as u32;
            files.extend(o.line_files.iter().cloned());
            for l in &o.lines {
                if let Some(Some(so)) = lay.sec[oi].get(l.section.0 as usize) {
                    lines.push(((base + so + l.offset) as usize, fbase + l.file, l.line));
                }
            }
        }
        funcs.sort();
        lines.sort();
        Symbolizer { funcs, lines, files }
    }

    /// The function containing `addr`, the offset into it, and the source
    /// location of the line-table row covering `addr`, if any.
    pub(crate) fn symbolize(&self, addr: usize) -> Option<Symbolized> {
        let i = self.funcs.partition_point(|f| f.0 <= addr);
        let (start, end, name) = self.funcs.get(i.checked_sub(1)?)?;
        if addr >= *end {
            return None;
        }
        let j = self.lines.partition_point(|l| l.0 <= addr);
        let loc = j
            .checked_sub(1)
            .map(|j| self.lines[j])
            .filter(|l| l.0 >= *start)
            .map(|(_, file, line)| (self.files.get(file as usize).cloned().unwrap_or_else(|| "??".into()), line));
        Some((name.clone(), (addr - start) as u64, loc))
    }

    /// Functions as (start, end, name), sorted by start.
    pub(crate) fn functions(&self) -> &[(usize, usize, String)] {
        &self.funcs
    }
}
