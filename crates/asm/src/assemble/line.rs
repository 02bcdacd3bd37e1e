//! DWARF line information from `.file N` and `.loc` (what `gcc -g -S`
//! writes): each `.loc` puts a label at the current position, and at the
//! end the line program is written into `.debug_line` as ordinary
//! directives, so label differences (`.uleb128 .Lb - .La`) carry the
//! addresses through relaxation and `.quad` relocations carry the starts.
//! The table is DWARF 5 with inline path strings; `view` symbols get GNU
//! as's view numbers.

use super::Asm;
use crate::lex::Tok;
use std::fmt::Write;

#[derive(Default)]
pub(super) struct Lines {
    /// `.file N`: (directory index, name), by N.
    files: Vec<Option<(u64, String)>>,
    dirs: Vec<String>,
    rows: Vec<Row>,
    /// Position and view of the last `.loc`, for view numbering.
    last: Option<((usize, usize, usize), u64)>,
}

struct Row {
    section: usize,
    label: String,
    file: u64,
    line: u64,
    column: u64,
    is_stmt: bool,
    discriminator: u64,
    prologue_end: bool,
    epilogue_begin: bool,
    /// `view 0`: a new view sequence here, even at the previous address
    /// (the address is set afresh, as GNU as does).
    view_reset: bool,
}

fn uleb_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// A C string as an `.asciz` operand.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

impl Lines {
    fn dir_index(&mut self, dir: &str) -> u64 {
        if self.dirs.is_empty() {
            self.dirs.push(String::new());
        }
        match self.dirs.iter().position(|d| d == dir) {
            Some(i) => i as u64,
            None => {
                self.dirs.push(dir.to_string());
                self.dirs.len() as u64 - 1
            }
        }
    }

    /// `.file N ["dir"] "name" [md5 V]`.
    fn file(&mut self, n: u64, dir: Option<&str>, name: &str) {
        if n == 0 {
            // The compilation directory is directory 0.
            let d = dir.unwrap_or("");
            if self.dirs.is_empty() {
                self.dirs.push(d.to_string());
            } else {
                self.dirs[0] = d.to_string();
            }
        }
        // A name with a directory part is split at its last '/', as GNU
        // as does (a relative part joins the given directory).
        let base_dir = || dir.map(str::to_string).unwrap_or_else(|| self.dirs.first().cloned().unwrap_or_default());
        let (dir, name) = match name.rsplit_once('/') {
            Some((d, f)) if d.starts_with('/') => (d.to_string(), f.to_string()),
            Some(("", f)) => ("/".to_string(), f.to_string()),
            Some((d, f)) if dir.is_some() => (format!("{}/{d}", base_dir()), f.to_string()),
            Some((d, f)) => (d.to_string(), f.to_string()),
            None => (base_dir(), name.to_string()),
        };
        let di = self.dir_index(&dir);
        let n = n as usize;
        if self.files.len() <= n {
            self.files.resize(n + 1, None);
        }
        self.files[n] = Some((di, name));
    }
}

impl Asm {
    /// `.file`: the source file's name, or (with a number) a line-table file.
    pub(super) fn file_directive(&mut self, toks: &[Tok]) -> Result<(), String> {
        let text = |t: &Tok| match t {
            Tok::Str(s) => Some(String::from_utf8_lossy(s).into_owned()),
            _ => None,
        };
        match toks {
            [Tok::Str(s)] => self.source_file = Some(String::from_utf8_lossy(s).into_owned()),
            [Tok::Int(n), rest @ ..] if *n >= 0 => {
                let strings: Vec<String> = rest.iter().map_while(text).collect();
                match strings.as_slice() {
                    [name] => self.lines.file(*n as u64, None, name),
                    [dir, name] => self.lines.file(*n as u64, Some(dir), name),
                    _ => return Err("expected '.file N [\"dir\"] \"name\"'".into()),
                }
            }
            _ => return Err("expected '.file \"name\"' or '.file N \"name\"'".into()),
        }
        Ok(())
    }

    /// `.loc FILE LINE [COLUMN] [is_stmt V] [discriminator V] [view V]
    /// [prologue_end] [epilogue_begin] [basic_block] [isa V]`.
    pub(super) fn loc_directive(&mut self, toks: &[Tok]) -> Result<(), String> {
        let mut nums = toks.iter().map_while(|t| if let Tok::Int(v) = t { Some(*v) } else { None });
        let (Some(file), Some(line)) = (nums.next(), nums.next()) else {
            return Err("expected '.loc FILE LINE [COLUMN]'".into());
        };
        let column = nums.next();
        let mut i = 2 + column.is_some() as usize;
        let last_stmt = self.lines.rows.last().is_none_or(|r| r.is_stmt);
        let mut row = Row {
            section: self.current,
            label: String::new(),
            file: file.max(0) as u64,
            line: line.max(0) as u64,
            column: column.unwrap_or(0).max(0) as u64,
            is_stmt: last_stmt,
            discriminator: 0,
            prologue_end: false,
            epilogue_begin: false,
            view_reset: false,
        };
        let mut view: Option<&Tok> = None;
        while let Some(t) = toks.get(i) {
            let Tok::Ident(opt) = t else { return Err(format!("unexpected {} in '.loc'", crate::expr::describe(t))) };
            let value = |j: usize| match toks.get(j) {
                Some(Tok::Int(v)) => Ok(*v),
                _ => Err(format!("'.loc {opt}' needs a number")),
            };
            match opt.as_str() {
                "basic_block" => {}
                "prologue_end" => row.prologue_end = true,
                "epilogue_begin" => row.epilogue_begin = true,
                "is_stmt" => {
                    row.is_stmt = value(i + 1)? != 0;
                    i += 1;
                }
                "discriminator" => {
                    row.discriminator = value(i + 1)?.max(0) as u64;
                    i += 1;
                }
                "isa" => i += 1,
                "view" => {
                    // `view -0` / `view 0`: asserts view 0; `view .LVUn` names it.
                    if toks.get(i + 1) == Some(&Tok::Punct('-')) {
                        i += 1;
                    }
                    view = toks.get(i + 1);
                    row.view_reset = view == Some(&Tok::Int(0));
                    i += 1;
                }
                _ => return Err(format!("unknown '.loc' option '{opt}'")),
            }
            i += 1;
        }
        let here = self.here();
        let number = match self.lines.last {
            Some((at, v)) if at == here && !row.view_reset => v + 1,
            _ => 0,
        };
        self.lines.last = Some((here, number));
        if let Some(Tok::Ident(name)) = view {
            let name = name.clone();
            self.set_symbol(&name, crate::expr::Expr::Num(number as i64))?;
        }
        row.label = self.temp_label();
        self.lines.rows.push(row);
        Ok(())
    }

    /// Writes `.debug_line` for the rows seen, one sequence per section.
    pub(super) fn emit_line_program(&mut self) -> Result<(), String> {
        if self.lines.rows.is_empty() && self.lines.files.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.lines.rows);
        // Each section's end, where its sequence ends.
        let mut sections: Vec<usize> = Vec::new();
        for r in &rows {
            if !sections.contains(&r.section) {
                sections.push(r.section);
            }
        }
        let saved = self.current;
        let mut ends = Vec::new();
        for &s in &sections {
            self.current = s;
            ends.push(self.temp_label());
        }
        self.current = saved;

        let mut lines = std::mem::take(&mut self.lines);
        if lines.files.first().is_none_or(|f| f.is_none()) {
            // DWARF 5 needs file 0: the primary source file, as file 1.
            let first = lines.files.get(1).cloned().flatten().unwrap_or((0, String::new()));
            if lines.files.is_empty() {
                lines.files.push(None);
            }
            lines.files[0] = Some(first);
        }
        if lines.dirs.is_empty() {
            lines.dirs.push(String::new());
        }
        let mut t = String::new();
        let w = &mut t;
        let _ = writeln!(w, ".section .debug_line,\"\",@progbits");
        let _ = writeln!(w, ".long .Lkit.line.end - .Lkit.line.start\n.Lkit.line.start:\n.2byte 5\n.byte 8, 0");
        let _ = writeln!(w, ".long .Lkit.line.header_end - .Lkit.line.header_start\n.Lkit.line.header_start:");
        // min_inst_length, max_ops, default_is_stmt, line_base, line_range,
        // opcode_base, then the standard opcodes' operand counts.
        let _ = writeln!(w, ".byte 1, 1, 1, -5, 14, 13\n.byte 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1");
        // Directories: DW_LNCT_path as DW_FORM_string.
        let _ = writeln!(w, ".byte 1\n.uleb128 1\n.uleb128 0x08\n.uleb128 {}", lines.dirs.len());
        for d in &lines.dirs {
            let _ = writeln!(w, ".asciz {}", quoted(d));
        }
        // Files: path (string) and directory index (udata).
        let files: Vec<(u64, String)> = lines.files.iter().map(|f| f.clone().unwrap_or((0, String::new()))).collect();
        let _ = writeln!(w, ".byte 2\n.uleb128 1\n.uleb128 0x08\n.uleb128 2\n.uleb128 0x0f\n.uleb128 {}", files.len());
        for (dir, name) in &files {
            let _ = writeln!(w, ".asciz {}\n.uleb128 {dir}", quoted(name));
        }
        let _ = writeln!(w, ".Lkit.line.header_end:");
        for (&section, end) in sections.iter().zip(&ends) {
            let (mut file, mut line, mut column, mut is_stmt) = (1u64, 1i64, 0u64, true);
            let mut prev: Option<&str> = None;
            for r in rows.iter().filter(|r| r.section == section) {
                match prev {
                    None => {
                        let _ = writeln!(w, ".byte 0, 9, 2\n.quad {}", r.label);
                    }
                    Some(_) if r.view_reset => {
                        let _ = writeln!(w, ".byte 0, 9, 2\n.quad {}", r.label);
                    }
                    Some(p) => {
                        let _ = writeln!(w, ".byte 2\n.uleb128 {} - {p}", r.label);
                    }
                }
                if r.file != file {
                    let _ = writeln!(w, ".byte 4\n.uleb128 {}", r.file);
                    file = r.file;
                }
                if r.column != column {
                    let _ = writeln!(w, ".byte 5\n.uleb128 {}", r.column);
                    column = r.column;
                }
                if r.is_stmt != is_stmt {
                    let _ = writeln!(w, ".byte 6");
                    is_stmt = r.is_stmt;
                }
                if r.discriminator != 0 {
                    let _ = writeln!(w, ".byte 0, {}, 4\n.uleb128 {}", 1 + uleb_len(r.discriminator), r.discriminator);
                }
                if r.prologue_end {
                    let _ = writeln!(w, ".byte 10");
                }
                if r.epilogue_begin {
                    let _ = writeln!(w, ".byte 11");
                }
                if r.line as i64 != line {
                    let _ = writeln!(w, ".byte 3\n.sleb128 {}", r.line as i64 - line);
                    line = r.line as i64;
                }
                let _ = writeln!(w, ".byte 1");
                prev = Some(&r.label);
            }
            if let Some(p) = prev {
                let _ = writeln!(w, ".byte 2\n.uleb128 {end} - {p}\n.byte 0, 1, 1");
            }
        }
        let _ = writeln!(w, ".Lkit.line.end:");
        for stmt in t.lines() {
            self.statement(stmt).map_err(|e| format!("line table: {e}"))?;
        }
        self.current = saved;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_split_into_directories() {
        let mut l = Lines::default();
        l.file(0, Some("/tmp"), "a.c");
        l.file(1, None, "a.c");
        l.file(2, None, "/usr/include/stdio.h");
        assert_eq!(l.dirs, ["/tmp", "/usr/include"]);
        assert_eq!(l.files[1], Some((0, "a.c".to_string())));
        assert_eq!(l.files[2], Some((1, "stdio.h".to_string())));
        assert_eq!(uleb_len(127), 1);
        assert_eq!(uleb_len(128), 2);
    }
}
