//! Statements → sections of fragments → layout (branch relaxation) →
//! bytes, symbols and relocations.

use crate::cfi;
use crate::expr::{self, Expr, Modifier, Place, Value};
use crate::lex::{self, Tok};
use crate::x86::{self, Concrete, ImmShape, Mem, Operand, Shape};
use iced_x86::{Code, OpCodeOperandKind, Register, RepPrefixKind};
use obj::{Binding, Object, RelocKind, SectionKind, Symbol, SymbolDef, SymbolKind, Visibility};
use std::collections::HashMap;

mod control;
mod intel;
mod line;

/// How `.include` and `.incbin` reach files (the caller's: this crate does
/// no I/O).
/// Reads a file's bytes, or says why not.
pub type ReadFile = Box<dyn Fn(&str) -> Result<Vec<u8>, String>>;

pub struct Files {
    pub read: ReadFile,
    pub exists: Box<dyn Fn(&str) -> bool>,
    /// `-I` directories, searched after the current directory.
    pub include_dirs: Vec<String>,
}

impl Default for Files {
    fn default() -> Files {
        Files { read: Box::new(|_| Err("no file access here".into())), exists: Box::new(|_| false), include_dirs: Vec::new() }
    }
}

/// Assembles `text` (the contents of `file`). Errors are
/// `file:line: error: message`, all of them.
pub fn assemble(file: &str, text: &str) -> Result<Object, Vec<String>> {
    assemble_with_files(file, text, Files::default())
}

/// [`assemble`], with `.include` and `.incbin` reading through `files`.
pub fn assemble_with_files(file: &str, text: &str, files: Files) -> Result<Object, Vec<String>> {
    let mut a = Asm::new(file);
    a.files = files;
    let text = lex::strip_block_comments(text);
    for (n, line) in text.lines().enumerate() {
        a.line = n + 1;
        for stmt in lex::statements(line) {
            if let Err(e) = a.process(stmt) {
                a.errors.push(format!("{file}:{}: error: {e}", a.line));
            }
        }
    }
    if let Some(what) = a.unclosed() {
        a.errors.push(format!("{file}: error: {what}"));
    }
    if a.cfi.fde.is_some() {
        a.errors.push(format!("{file}: error: .cfi_startproc without .cfi_endproc"));
    }
    if !a.errors.is_empty() {
        return Err(a.errors);
    }
    a.finish().map_err(|e| vec![format!("{file}: error: {e}")])
}

struct DataFixup {
    offset: usize,
    size: u8,
    expr: Expr,
    line: usize,
}

struct Branch {
    short: Option<Code>,
    near: Code,
    target: Expr,
    is_short: bool,
}

struct Insn {
    code: Code,
    /// Operands in Intel order.
    ops: Vec<Operand>,
    /// Which operands were symbolic when the form was chosen (they keep
    /// 32-bit fields).
    symbolic: Vec<bool>,
    lock: bool,
    rep: Option<RepPrefixKind>,
    branch: Option<Branch>,
    /// Prebuilt (string instructions).
    fixed: Option<iced_x86::Instruction>,
    size: usize,
    line: usize,
}

enum Frag {
    Data { bytes: Vec<u8>, fixups: Vec<DataFixup> },
    Insn(Box<Insn>),
    Align { align: u64, fill: Option<u8>, max: u64 },
    Leb { expr: Expr, signed: bool, size: usize, line: usize },
}

struct Section {
    name: String,
    kind: SectionKind,
    align: u64,
    frags: Vec<Frag>,
    comdat: Option<String>,
    /// Offsets of each fragment after layout.
    starts: Vec<u64>,
    size: u64,
}

#[derive(Default)]
struct Sym {
    /// (section, fragment, offset in the fragment).
    at: Option<(usize, usize, usize)>,
    set: Option<Expr>,
    binding: Option<Binding>,
    kind: Option<SymbolKind>,
    visibility: Option<Visibility>,
    size: Option<Expr>,
    common: Option<(u64, u64)>,
}

struct Asm {
    file: String,
    line: usize,
    errors: Vec<String>,
    sections: Vec<Section>,
    current: usize,
    previous: usize,
    stack: Vec<(usize, usize)>,
    syms: HashMap<String, Sym>,
    sym_order: Vec<String>,
    numeric: HashMap<u32, u32>,
    temps: u32,
    prefix_lock: bool,
    prefix_rep: Option<RepPrefixKind>,
    source_file: Option<String>,
    cfi: cfi::Open,
    fdes: Vec<cfi::Fde>,
    /// `.local` symbols given storage by `.comm`: (name, size, alignment).
    local_commons: Vec<(String, u64, u64)>,
    control: control::Control,
    files: Files,
    lines: line::Lines,
    /// `.intel_syntax` in force, and whether registers go without `%`.
    intel: bool,
    intel_noprefix: bool,
}

fn section_kind(name: &str, flags: &str, ty: &str) -> SectionKind {
    match name {
        ".init_array" => return SectionKind::InitArray,
        ".fini_array" => return SectionKind::FiniArray,
        ".eh_frame" => return SectionKind::EhFrame,
        _ => {}
    }
    let nobits = ty == "nobits" || (ty.is_empty() && (name.starts_with(".bss") || name.starts_with(".tbss")));
    let known = |prefix: &str| name == prefix || name.starts_with(&format!("{prefix}."));
    let flags = if flags.is_empty() {
        if known(".text") {
            "ax"
        } else if known(".data") || known(".bss") {
            "aw"
        } else if known(".rodata") {
            "a"
        } else if known(".tdata") || known(".tbss") {
            "awT"
        } else {
            ""
        }
    } else {
        flags
    };
    if name == ".note.GNU-stack" && flags.contains('x') {
        // The object needs an executable stack (obj's ELF writer marks it).
        return SectionKind::Text;
    }
    if name.starts_with(".note") {
        return SectionKind::Note;
    }
    match (flags.contains('a'), flags.contains('x'), flags.contains('w'), flags.contains('T'), nobits) {
        (true, true, ..) => SectionKind::Text,
        (true, _, _, true, true) => SectionKind::TlsBss,
        (true, _, _, true, false) => SectionKind::Tls,
        (true, _, _, _, true) => SectionKind::Bss,
        (true, _, true, ..) => SectionKind::Data,
        (true, ..) => SectionKind::ReadOnlyData,
        _ if name.starts_with(".debug") => SectionKind::Debug,
        _ => SectionKind::Other,
    }
}

impl Asm {
    fn new(file: &str) -> Asm {
        let mut a = Asm {
            file: file.to_string(),
            line: 0,
            errors: Vec::new(),
            sections: Vec::new(),
            current: 0,
            previous: 0,
            stack: Vec::new(),
            syms: HashMap::new(),
            sym_order: Vec::new(),
            numeric: HashMap::new(),
            temps: 0,
            prefix_lock: false,
            prefix_rep: None,
            source_file: None,
            cfi: cfi::Open::default(),
            fdes: Vec::new(),
            local_commons: Vec::new(),
            control: Default::default(),
            files: Files::default(),
            lines: Default::default(),
            intel: false,
            intel_noprefix: false,
        };
        for name in [".text", ".data", ".bss"] {
            a.section(name, "", "", None);
        }
        a.current = 0;
        a
    }

    /// Switches to (creating if needed) section `name`.
    fn section(&mut self, name: &str, flags: &str, ty: &str, comdat: Option<String>) {
        let idx = match self.sections.iter().position(|s| s.name == name && s.comdat == comdat) {
            Some(i) => i,
            None => {
                let kind = section_kind(name, flags, ty);
                self.sections.push(Section {
                    name: name.to_string(),
                    kind,
                    align: 1,
                    frags: Vec::new(),
                    comdat,
                    starts: Vec::new(),
                    size: 0,
                });
                self.sections.len() - 1
            }
        };
        if idx != self.current {
            self.previous = self.current;
        }
        self.current = idx;
    }

    fn sec(&mut self) -> &mut Section {
        &mut self.sections[self.current]
    }

    /// The data fragment at the end of the current section.
    fn data(&mut self) -> (&mut Vec<u8>, &mut Vec<DataFixup>) {
        let s = self.sec();
        if !matches!(s.frags.last(), Some(Frag::Data { .. })) {
            s.frags.push(Frag::Data { bytes: Vec::new(), fixups: Vec::new() });
        }
        match s.frags.last_mut() {
            Some(Frag::Data { bytes, fixups }) => (bytes, fixups),
            _ => unreachable!(),
        }
    }

    /// The current position as (section, fragment, offset).
    fn here(&mut self) -> (usize, usize, usize) {
        let cur = self.current;
        let len = self.data().0.len();
        (cur, self.sections[cur].frags.len() - 1, len)
    }

    fn sym(&mut self, name: &str) -> &mut Sym {
        if !self.syms.contains_key(name) {
            self.sym_order.push(name.to_string());
        }
        self.syms.entry(name.to_string()).or_default()
    }

    fn define(&mut self, name: &str) -> Result<(), String> {
        let at = self.here();
        let s = self.sym(name);
        if s.at.is_some() || s.set.is_some() {
            return Err(format!("symbol '{name}' is already defined"));
        }
        s.at = Some(at);
        Ok(())
    }

    /// A fresh label at the current position (for `.`).
    fn temp_label(&mut self) -> String {
        self.temps += 1;
        let name = format!(".Lkit.here.{}", self.temps);
        let at = self.here();
        self.sym(&name).at = Some(at);
        name
    }

    fn numeric_name(&self, n: u32, forward: bool) -> String {
        let count = self.numeric.get(&n).copied().unwrap_or(0);
        format!(".Lkit.num.{n}.{}", if forward { count + 1 } else { count })
    }

    fn parse_expr(&mut self, toks: &[Tok], at: &mut usize) -> Result<Expr, String> {
        // `.` needs a label at the current position, made only if used.
        let uses_dot = toks[*at..].iter().any(|t| t == &Tok::Ident(".".into()));
        let dot = if uses_dot { self.temp_label() } else { String::new() };
        let numeric = |n, f| self.numeric_name(n, f);
        let here = || dot.clone();
        let mut p = expr::Parser { toks, at: *at, here: &here, numeric: &numeric };
        let e = p.expr()?;
        *at = p.at;
        Ok(e)
    }

    /// Comma-separated optional expressions (`.p2align 4,,10`).
    fn optional_list(&mut self, toks: &[Tok]) -> Result<Vec<Option<Expr>>, String> {
        let mut out = Vec::new();
        for part in toks.split(|t| t == &Tok::Punct(',')) {
            out.push(if part.is_empty() { None } else { Some(self.parse_all(part)?) });
        }
        Ok(out)
    }

    /// Comma-separated expressions to the end of the statement.
    fn expr_list(&mut self, toks: &[Tok]) -> Result<Vec<Expr>, String> {
        self.comma_list(toks, Self::parse_expr, |t| format!("expected ',', found {t}"))
    }

    /// Items `one` parses from `toks`, separated by commas (which `one`
    /// leaves alone, as at the top level of an operand or expression);
    /// `stray` words the error for anything else after an item.
    fn comma_list<X>(
        &mut self,
        toks: &[Tok],
        one: fn(&mut Self, &[Tok], &mut usize) -> Result<X, String>,
        stray: fn(String) -> String,
    ) -> Result<Vec<X>, String> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < toks.len() {
            out.push(one(self, toks, &mut at)?);
            if at < toks.len() {
                if toks[at] != Tok::Punct(',') {
                    return Err(stray(expr::describe(&toks[at])));
                }
                at += 1;
            }
        }
        Ok(out)
    }

    fn statement(&mut self, text: &str) -> Result<(), String> {
        let toks = lex::lex(text)?;
        let mut toks = &toks[..];
        // Labels: `name:` or `1:`.
        loop {
            match toks {
                [Tok::Ident(name), Tok::Punct(':'), rest @ ..] => {
                    self.define(&name.clone())?;
                    toks = rest;
                }
                [Tok::Int(n), Tok::Punct(':'), rest @ ..] => {
                    let n = *n as u32;
                    let count = self.numeric.entry(n).or_insert(0);
                    *count += 1;
                    let name = self.numeric_name(n, false);
                    self.define(&name)?;
                    toks = rest;
                }
                _ => break,
            }
        }
        match toks {
            [] => Ok(()),
            [Tok::Ident(name), Tok::Punct('='), rest @ ..] => {
                let name = name.clone();
                let e = self.parse_all(rest)?;
                self.set_symbol(&name, e)
            }
            [Tok::Ident(name), rest @ ..] if name.starts_with('.') => self.directive(&name.to_ascii_lowercase(), rest),
            [Tok::Ident(name), rest @ ..] => self.instruction(&name.to_ascii_lowercase(), rest),
            [t, ..] => Err(format!("expected a label, directive or instruction, found {}", expr::describe(t))),
        }
    }

    fn parse_all(&mut self, toks: &[Tok]) -> Result<Expr, String> {
        let mut at = 0;
        let e = self.parse_expr(toks, &mut at)?;
        if at != toks.len() {
            return Err(format!("unexpected {} after expression", expr::describe(&toks[at])));
        }
        Ok(e)
    }

    fn set_symbol(&mut self, name: &str, e: Expr) -> Result<(), String> {
        let s = self.sym(name);
        if s.at.is_some() {
            return Err(format!("symbol '{name}' is already defined"));
        }
        s.set = Some(e);
        Ok(())
    }

    fn names(toks: &[Tok]) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            match t {
                Tok::Ident(n) if i % 2 == 0 => out.push(n.clone()),
                Tok::Punct(',') if i % 2 == 1 => {}
                other => return Err(format!("expected a symbol name, found {}", expr::describe(other))),
            }
        }
        Ok(out)
    }

    fn emit_data(&mut self, toks: &[Tok], size: u8) -> Result<(), String> {
        let line = self.line;
        for e in self.expr_list(toks)? {
            let (bytes, fixups) = self.data();
            fixups.push(DataFixup { offset: bytes.len(), size, expr: e, line });
            bytes.extend(std::iter::repeat_n(0, size as usize));
        }
        Ok(())
    }

    fn constant(&mut self, e: &Expr) -> Result<i64, String> {
        let place = |n: &str| self.place_now(n);
        expr::eval(e, &place)?.constant().ok_or_else(|| "expected a constant expression".into())
    }

    /// A symbol's place while parsing: only absolute `.set` values are known.
    fn place_now(&self, name: &str) -> Place {
        match self.syms.get(name) {
            Some(Sym { set: Some(e), .. }) if e.is_constant() => {
                expr::eval(e, &|_| Place::External).ok().and_then(|v| v.constant()).map_or(Place::External, Place::Absolute)
            }
            _ => Place::External,
        }
    }

    fn directive(&mut self, name: &str, toks: &[Tok]) -> Result<(), String> {
        let ident = |i: usize| match toks.get(i) {
            Some(Tok::Ident(s)) => Ok(s.clone()),
            Some(Tok::Str(s)) => Ok(String::from_utf8_lossy(s).into_owned()),
            other => Err(format!("expected a name, found {}", other.map_or("end of line".into(), expr::describe))),
        };
        match name {
            ".text" | ".data" | ".bss" => {
                if !toks.is_empty() {
                    return Err(format!("subsections ('{name} N') are not supported"));
                }
                self.section(name, "", "", None);
            }
            ".section" | ".pushsection" => {
                if name == ".pushsection" {
                    self.stack.push((self.current, self.previous));
                }
                // A section name may hold characters expressions do not
                // (`.note.GNU-stack`): it is everything up to the first comma.
                let mut parts = toks.split(|t| t == &Tok::Punct(','));
                let sec: String = parts
                    .next()
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| match t {
                        Tok::Ident(s) => s.clone(),
                        Tok::Str(s) => String::from_utf8_lossy(s).into_owned(),
                        Tok::Int(v) => v.to_string(),
                        Tok::Punct(c) => c.to_string(),
                        other => expr::describe(other),
                    })
                    .collect();
                if sec.is_empty() {
                    return Err(format!("'{name}' needs a section name"));
                }
                let args: Vec<&[Tok]> = parts.collect();
                let flags = match args.first() {
                    Some([Tok::Str(f)]) => String::from_utf8_lossy(f).into_owned(),
                    _ => String::new(),
                };
                let ty = match args.get(1) {
                    Some([Tok::Punct('@' | '%'), Tok::Ident(t)]) => t.clone(),
                    _ => String::new(),
                };
                let comdat = if flags.contains('G') {
                    match args.get(3) {
                        Some([Tok::Ident(g), ..]) => Some(g.clone()),
                        _ => return Err("a section with flag G needs a group name".into()),
                    }
                } else {
                    None
                };
                self.section(&sec, &flags, &ty, comdat);
            }
            ".popsection" => {
                let (cur, prev) = self.stack.pop().ok_or(".popsection without .pushsection")?;
                self.current = cur;
                self.previous = prev;
            }
            ".previous" => std::mem::swap(&mut self.current, &mut self.previous),
            ".globl" | ".global" | ".weak" | ".local" => {
                let binding = match name {
                    ".weak" => Binding::Weak,
                    ".local" => Binding::Local,
                    _ => Binding::Global,
                };
                for n in Self::names(toks)? {
                    self.sym(&n).binding = Some(binding);
                }
            }
            ".hidden" | ".protected" | ".internal" => {
                let v = if name == ".protected" { Visibility::Protected } else { Visibility::Hidden };
                for n in Self::names(toks)? {
                    self.sym(&n).visibility = Some(v);
                }
            }
            ".type" => {
                let sym = ident(0)?;
                let kind = match toks.get(2..) {
                    Some([Tok::Punct('@' | '%'), Tok::Ident(t)]) | Some([Tok::Str(_), Tok::Ident(t)]) => t.clone(),
                    Some([Tok::Str(t)]) => String::from_utf8_lossy(t).into_owned(),
                    _ => return Err("expected '.type symbol, @kind'".into()),
                };
                let kind = match kind.as_str() {
                    "function" | "STT_FUNC" => SymbolKind::Func,
                    "object" | "STT_OBJECT" => SymbolKind::Data,
                    "tls_object" | "STT_TLS" => SymbolKind::Tls,
                    "gnu_indirect_function" => SymbolKind::Ifunc,
                    "notype" | "STT_NOTYPE" => SymbolKind::Unknown,
                    other => return Err(format!("unknown symbol type '{other}'")),
                };
                self.sym(&sym).kind = Some(kind);
            }
            ".size" => {
                let sym = ident(0)?;
                if toks.get(1) != Some(&Tok::Punct(',')) {
                    return Err("expected '.size symbol, expression'".into());
                }
                let e = self.parse_all(&toks[2..])?;
                self.sym(&sym).size = Some(e);
            }
            ".byte" => self.emit_data(toks, 1)?,
            ".short" | ".value" | ".word" | ".2byte" | ".hword" => self.emit_data(toks, 2)?,
            ".long" | ".int" | ".4byte" => self.emit_data(toks, 4)?,
            ".quad" | ".8byte" => self.emit_data(toks, 8)?,
            ".ascii" | ".asciz" | ".string" => {
                for (i, t) in toks.iter().enumerate() {
                    match t {
                        Tok::Str(s) if i % 2 == 0 => {
                            let s = s.clone();
                            let bytes = self.data().0;
                            bytes.extend_from_slice(&s);
                            if name != ".ascii" {
                                bytes.push(0);
                            }
                        }
                        Tok::Punct(',') if i % 2 == 1 => {}
                        other => return Err(format!("expected a string, found {}", expr::describe(other))),
                    }
                }
            }
            ".zero" | ".skip" | ".space" => {
                let args = self.expr_list(toks)?;
                let n = self.constant(args.first().ok_or("expected a size")?)?;
                let fill = match args.get(1) {
                    Some(e) => self.constant(e)? as u8,
                    None => 0,
                };
                if n < 0 {
                    return Err("negative size".into());
                }
                self.data().0.extend(std::iter::repeat_n(fill, n as usize));
            }
            ".fill" => {
                let args = self.expr_list(toks)?;
                let repeat = self.constant(args.first().ok_or("expected a count")?)?;
                let size = match args.get(1) {
                    Some(e) => self.constant(e)?,
                    None => 1,
                };
                let value = match args.get(2) {
                    Some(e) => self.constant(e)?,
                    None => 0,
                };
                if !(0..=8).contains(&size) || repeat < 0 {
                    return Err("bad .fill arguments".into());
                }
                let bytes = value.to_le_bytes();
                for _ in 0..repeat {
                    self.data().0.extend_from_slice(&bytes[..size as usize]);
                }
            }
            ".align" | ".balign" | ".p2align" => {
                let args = self.optional_list(toks)?;
                let n = self.constant(args.first().and_then(|a| a.as_ref()).ok_or("expected an alignment")?)?;
                let align = if name == ".p2align" { 1u64 << n.clamp(0, 63) } else { n.max(1) as u64 };
                if !align.is_power_of_two() {
                    return Err(format!("alignment {align} is not a power of 2"));
                }
                let fill = match args.get(1) {
                    Some(Some(e)) => Some(self.constant(e)? as u8),
                    _ => None,
                };
                let max = match args.get(2) {
                    Some(Some(e)) => self.constant(e)? as u64,
                    _ => u64::MAX,
                };
                let s = self.sec();
                s.align = s.align.max(align);
                s.frags.push(Frag::Align { align, fill, max });
            }
            ".comm" | ".lcomm" => {
                let sym = ident(0)?;
                let args = self.expr_list(&toks[2.min(toks.len())..])?;
                let size = self.constant(args.first().ok_or("expected a size")?)? as u64;
                let align = match args.get(1) {
                    Some(e) => self.constant(e)? as u64,
                    None => 1,
                };
                // `.local x` then `.comm x` is `.lcomm x`, as in GNU as.
                let local = self.syms.get(&sym).is_some_and(|s| s.binding == Some(Binding::Local));
                if name == ".comm" && !local {
                    let s = self.sym(&sym);
                    s.common = Some((size, align.max(1)));
                    s.binding.get_or_insert(Binding::Global);
                    s.kind.get_or_insert(SymbolKind::Data);
                } else if name == ".comm" {
                    // GNU as places these after everything else in `.bss`.
                    self.local_commons.push((sym, size, align.max(1)));
                } else {
                    self.allocate_bss(&sym, size, align.max(1))?;
                }
            }
            ".set" | ".equ" | ".equiv" => {
                let sym = ident(0)?;
                if toks.get(1) != Some(&Tok::Punct(',')) {
                    return Err(format!("expected '{name} symbol, expression'"));
                }
                let e = self.parse_all(&toks[2..])?;
                self.set_symbol(&sym, e)?;
            }
            ".uleb128" | ".sleb128" => {
                let line = self.line;
                for e in self.expr_list(toks)? {
                    self.sec().frags.push(Frag::Leb { expr: e, signed: name == ".sleb128", size: 1, line });
                }
            }
            ".file" => self.file_directive(toks)?,
            ".loc" => self.loc_directive(toks)?,
            ".loc_mark_labels" => {}
            ".ident" => {
                let cur = (self.current, self.previous);
                self.section(".comment", "MS", "progbits", None);
                if self.sec().frags.is_empty() {
                    self.data().0.push(0);
                }
                if let [Tok::Str(s)] = toks {
                    let s = s.clone();
                    let b = self.data().0;
                    b.extend_from_slice(&s);
                    b.push(0);
                }
                (self.current, self.previous) = cur;
            }
            ".code64" | ".addrsig" | ".addrsig_sym" => {}
            ".att_syntax" => self.intel = false,
            ".intel_syntax" => {
                self.intel = true;
                self.intel_noprefix = !matches!(toks, [Tok::Ident(p)] if p == "prefix");
            }
            d if d.starts_with(".cfi_") => self.cfi_directive(d, toks)?,
            _ => return Err(format!("unknown or unsupported directive '{name}'")),
        }
        Ok(())
    }

    /// Zeroed storage for `sym` in `.bss`.
    fn allocate_bss(&mut self, sym: &str, size: u64, align: u64) -> Result<(), String> {
        let (cur, prev) = (self.current, self.previous);
        self.section(".bss", "", "", None);
        let s = self.sec();
        s.align = s.align.max(align);
        s.frags.push(Frag::Align { align, fill: None, max: u64::MAX });
        self.define(sym)?;
        self.data().0.extend(std::iter::repeat_n(0, size as usize));
        let s = self.sym(sym);
        s.kind.get_or_insert(SymbolKind::Data);
        s.size.get_or_insert(Expr::Num(size as i64));
        (self.current, self.previous) = (cur, prev);
        Ok(())
    }

    fn cfi_directive(&mut self, name: &str, toks: &[Tok]) -> Result<(), String> {
        let nums = |a: &mut Self| -> Result<Vec<i64>, String> {
            let mut out = Vec::new();
            for part in toks.split(|t| t == &Tok::Punct(',')).filter(|p| !p.is_empty()) {
                out.push(match part {
                    [Tok::Reg(r)] => cfi::dwarf_reg(r).ok_or(format!("unknown register '%{r}'"))? as i64,
                    _ => {
                        let e = a.parse_all(part)?;
                        a.constant(&e)?
                    }
                });
            }
            Ok(out)
        };
        match name {
            ".cfi_sections" | ".cfi_signal_frame" => return Ok(()),
            ".cfi_startproc" => {
                if self.cfi.fde.is_some() {
                    return Err(".cfi_startproc inside another .cfi_startproc".into());
                }
                let start = self.temp_label();
                self.cfi = cfi::Open {
                    fde: Some(cfi::Fde { section: self.current, start, end: String::new(), ops: Vec::new() }),
                    cfa_offset: 8,
                    saved: Vec::new(),
                };
                return Ok(());
            }
            ".cfi_endproc" => {
                let end = self.temp_label();
                let mut fde = self.cfi.fde.take().ok_or(".cfi_endproc without .cfi_startproc")?;
                fde.end = end;
                self.fdes.push(fde);
                return Ok(());
            }
            ".cfi_personality" | ".cfi_lsda" => return Err(format!("'{name}' is not supported yet")),
            _ => {}
        }
        if self.cfi.fde.is_none() {
            return Err(format!("'{name}' outside .cfi_startproc"));
        }
        let args = nums(self)?;
        let arg = |i: usize| args.get(i).copied().ok_or_else(|| format!("'{name}' needs {} operands", i + 1));
        let op = match name {
            ".cfi_def_cfa" => {
                self.cfi.cfa_offset = arg(1)?;
                cfi::Op::DefCfa(arg(0)? as u64, arg(1)?)
            }
            ".cfi_def_cfa_register" => cfi::Op::DefCfaRegister(arg(0)? as u64),
            ".cfi_def_cfa_offset" => {
                self.cfi.cfa_offset = arg(0)?;
                cfi::Op::DefCfaOffset(arg(0)?)
            }
            ".cfi_adjust_cfa_offset" => {
                self.cfi.cfa_offset += arg(0)?;
                cfi::Op::DefCfaOffset(self.cfi.cfa_offset)
            }
            ".cfi_offset" => cfi::Op::Offset(arg(0)? as u64, arg(1)?),
            ".cfi_rel_offset" => cfi::Op::Offset(arg(0)? as u64, arg(1)? - self.cfi.cfa_offset),
            ".cfi_restore" => cfi::Op::Restore(arg(0)? as u64),
            ".cfi_undefined" => cfi::Op::Undefined(arg(0)? as u64),
            ".cfi_same_value" => cfi::Op::SameValue(arg(0)? as u64),
            ".cfi_register" => cfi::Op::Register(arg(0)? as u64, arg(1)? as u64),
            ".cfi_remember_state" => {
                self.cfi.saved.push(self.cfi.cfa_offset);
                cfi::Op::RememberState
            }
            ".cfi_restore_state" => {
                self.cfi.cfa_offset = self.cfi.saved.pop().ok_or(".cfi_restore_state without .cfi_remember_state")?;
                cfi::Op::RestoreState
            }
            ".cfi_escape" => cfi::Op::Escape(args.iter().map(|&b| b as u8).collect()),
            _ => return Err(format!("unsupported directive '{name}'")),
        };
        let at = self.temp_label();
        self.cfi.fde.as_mut().expect("open FDE").ops.push((at, op));
        Ok(())
    }

    /// Parses one operand from `toks[*at..]` up to a top-level comma.
    fn operand(&mut self, toks: &[Tok], at: &mut usize) -> Result<Operand, String> {
        match toks.get(*at) {
            Some(Tok::Punct('*')) => {
                *at += 1;
                let inner = self.operand(toks, at)?;
                return Ok(Operand::Indirect(Box::new(match inner {
                    Operand::Target(e) => {
                        Operand::Mem(Mem { segment: Register::None, base: Register::None, index: Register::None, scale: 1, disp: Some(e) })
                    }
                    other => other,
                })));
            }
            Some(Tok::Punct('$')) => {
                *at += 1;
                return Ok(Operand::Imm(self.parse_expr(toks, at)?));
            }
            Some(Tok::Reg(r)) => {
                let reg = self.register(toks, at, r)?;
                if toks.get(*at) == Some(&Tok::Punct(':')) {
                    *at += 1;
                    let mut m = self.memory(toks, at)?;
                    m.segment = reg;
                    return Ok(Operand::Mem(m));
                }
                return Ok(Operand::Reg(reg));
            }
            _ => {}
        }
        let m = self.memory(toks, at)?;
        if m.base == Register::None && m.index == Register::None {
            return Ok(Operand::Target(m.disp.unwrap_or(Expr::Num(0))));
        }
        Ok(Operand::Mem(m))
    }

    fn register(&mut self, toks: &[Tok], at: &mut usize, name: &str) -> Result<Register, String> {
        *at += 1;
        if name == "st" && toks.get(*at) == Some(&Tok::Punct('(')) {
            if let (Some(Tok::Int(n)), Some(Tok::Punct(')'))) = (toks.get(*at + 1), toks.get(*at + 2))
                && (0..8).contains(n)
            {
                *at += 3;
                return Ok(x86::register(&format!("st{n}")).expect("x87 register"));
            }
            return Err("bad x87 register".into());
        }
        x86::register(name).ok_or_else(|| format!("unknown register '%{name}'"))
    }

    /// `disp(base, index, scale)`, any part optional.
    fn memory(&mut self, toks: &[Tok], at: &mut usize) -> Result<Mem, String> {
        let mut m = Mem { segment: Register::None, base: Register::None, index: Register::None, scale: 1, disp: None };
        if toks.get(*at) != Some(&Tok::Punct('(')) || self.paren_is_expression(toks, *at) {
            m.disp = Some(self.parse_expr(toks, at)?);
        }
        if toks.get(*at) == Some(&Tok::Punct('(')) {
            *at += 1;
            if let Some(Tok::Reg(r)) = toks.get(*at) {
                m.base = self.register(toks, at, &r.clone())?;
            }
            if toks.get(*at) == Some(&Tok::Punct(',')) {
                *at += 1;
                if let Some(Tok::Reg(r)) = toks.get(*at) {
                    m.index = self.register(toks, at, &r.clone())?;
                }
                if toks.get(*at) == Some(&Tok::Punct(',')) {
                    *at += 1;
                    let e = self.parse_expr(toks, at)?;
                    m.scale = self.constant(&e)? as u32;
                    if ![1, 2, 4, 8].contains(&m.scale) {
                        return Err(format!("scale factor {} is not 1, 2, 4 or 8", m.scale));
                    }
                }
            }
            if toks.get(*at) != Some(&Tok::Punct(')')) {
                return Err("expected ')' in memory operand".into());
            }
            *at += 1;
        }
        Ok(m)
    }

    /// Whether the `(` at `at` opens a parenthesised expression rather than
    /// a base/index part (which starts with a register or a comma).
    fn paren_is_expression(&self, toks: &[Tok], at: usize) -> bool {
        !matches!(toks.get(at + 1), Some(Tok::Reg(_)) | Some(Tok::Punct(',')))
    }

    fn instruction(&mut self, name: &str, toks: &[Tok]) -> Result<(), String> {
        // Prefixes, alone or before the instruction on the same statement.
        let rep = match name {
            "rep" | "repe" | "repz" => Some(RepPrefixKind::Repe),
            "repne" | "repnz" => Some(RepPrefixKind::Repne),
            _ => None,
        };
        if rep.is_some() || name == "lock" {
            if name == "lock" {
                self.prefix_lock = true;
            } else {
                self.prefix_rep = rep;
            }
            return match toks {
                [] => Ok(()),
                [Tok::Ident(next), rest @ ..] => self.instruction(&next.to_ascii_lowercase(), rest),
                [t, ..] => Err(format!("expected an instruction after '{name}', found {}", expr::describe(t))),
            };
        }
        let lock = std::mem::take(&mut self.prefix_lock);
        let rep = self.prefix_rep.take();
        let line = self.line;
        if toks.is_empty()
            && let Some(r) = x86::string_instruction(name, rep.unwrap_or(RepPrefixKind::None))
        {
            let insn = r?;
            let (bytes, ..) = x86::encode(&insn, 0)?;
            let i = Insn {
                code: insn.code(),
                ops: Vec::new(),
                symbolic: Vec::new(),
                lock,
                rep: None,
                branch: None,
                fixed: Some(insn),
                size: bytes.len(),
                line,
            };
            self.sec().frags.push(Frag::Insn(Box::new(i)));
            return Ok(());
        }
        if self.intel {
            return self.intel_instruction(name, toks, lock, rep);
        }
        let mut ops = self.comma_list(toks, Self::operand, |t| format!("unexpected {t} in operand"))?;
        let name = &x87_operands(name, &mut ops);
        let (readings, extra) = x86::readings_with_operands(name, ops.len());
        if let Some(v) = extra {
            ops.insert(0, Operand::Imm(Expr::Num(v)));
        }
        // `shldq %rax, %rdx`: the count is %cl.
        if ops.len() == 2 && (name.starts_with("shld") || name.starts_with("shrd")) {
            ops.insert(0, Operand::Reg(Register::CL));
        }
        // `sha256rnds2 %xmm0, %xmm2, %xmm1`: GNU as takes the implicit
        // %xmm0 written out too (also blendvps, blendvpd, pblendvb).
        if ops.len() == 3
            && matches!(ops[0], Operand::Reg(Register::XMM0))
            && matches!(name.as_str(), "sha256rnds2" | "blendvps" | "blendvpd" | "pblendvb")
        {
            ops.remove(0);
        }
        ops.reverse();
        self.encode_operands(name, readings, ops, &[], lock, rep)
    }

    /// An Intel-syntax instruction: operands in Intel order, sizes from
    /// `PTR` keywords, mnemonics without suffixes.
    fn intel_instruction(&mut self, name: &str, toks: &[Tok], lock: bool, rep: Option<RepPrefixKind>) -> Result<(), String> {
        let parsed = self.comma_list(toks, Self::intel_operand, |t| format!("unexpected {t} in operand"))?;
        let sizes: Vec<Option<u32>> = parsed.iter().map(|o| o.size).collect();
        let mut ops: Vec<Operand> = parsed.into_iter().map(|o| o.operand).collect();
        // x87 forms whose st(0) Intel syntax leaves implicit.
        let st = |n: usize| Operand::Reg(x86::register(&format!("st{n}")).expect("x87 register"));
        let compares = ["fxch", "fucom", "fucomp", "fcom", "fcomp"];
        if ops.is_empty() && ["faddp", "fsubp", "fsubrp", "fmulp", "fdivp", "fdivrp"].contains(&name) {
            ops.extend([st(1), st(0)]);
        } else if ops.is_empty() && compares.contains(&name) {
            ops.extend([st(0), st(1)]);
        } else if ops.len() == 1 && compares.contains(&name) && matches!(ops[0], Operand::Reg(r) if r.is_st()) {
            ops.insert(0, st(0));
        }
        let (mut readings, extra) = x86::readings_with_operands(name, ops.len());
        if let Some(v) = extra {
            ops.push(Operand::Imm(Expr::Num(v)));
        }
        // Intel names carry no size suffix: `movq` is the SSE move.
        if readings.iter().any(|r| r.size.is_none() && r.source_size.is_none()) {
            readings.retain(|r| r.size.is_none() && r.source_size.is_none());
        }
        // `movsx rdx, edx` is GNU as's spelling of movsxd too.
        if name == "movsx" {
            readings.push(x86::Reading { mnemonic: iced_x86::Mnemonic::Movsxd, size: None, source_size: None, imm64: false });
        }
        let mem_size = sizes.iter().flatten().next().copied();
        self.encode_operands(name, readings, ops, mem_size.as_slice(), lock, rep)
    }

    /// Chooses and records the encoding of `name` with `ops` (Intel order)
    /// among `readings`; `mem_size`, when given, is the memory operand's.
    fn encode_operands(
        &mut self,
        name: &str,
        readings: Vec<x86::Reading>,
        mut ops: Vec<Operand>,
        mem_size: &[u32],
        lock: bool,
        rep: Option<RepPrefixKind>,
    ) -> Result<(), String> {
        let line = self.line;
        if readings.is_empty() {
            return Err(format!("unknown instruction '{name}'"));
        }
        let known = |e: &Expr| -> Option<Value> { expr::eval(e, &|n| self.place_now(n)).ok() };
        let is_branch = readings.iter().any(|r| is_branch_mnemonic(r.mnemonic)) && ops.len() == 1 && matches!(ops[0], Operand::Target(_));
        if !is_branch {
            // A bare expression elsewhere is an absolute address.
            for o in &mut ops {
                if let Operand::Target(e) = o {
                    *o = Operand::Mem(Mem {
                        segment: Register::None,
                        base: Register::None,
                        index: Register::None,
                        scale: 1,
                        disp: Some(e.clone()),
                    });
                }
            }
        }
        let mem_symbolic = |m: &Mem| m.disp.as_ref().is_some_and(|d| known(d).and_then(|v| v.constant()).is_none());
        let mut shapes = Vec::new();
        let mut symbolic = Vec::new();
        for o in &ops {
            let (shape, sym) = match o {
                Operand::Reg(r) => (Shape::Reg(*r), false),
                Operand::Imm(e) => {
                    let s = x86::shape_of(e, &known);
                    (Shape::Imm(s), matches!(s, ImmShape::Symbolic))
                }
                Operand::Mem(m) => (Shape::Mem, mem_symbolic(m)),
                Operand::Indirect(inner) => match inner.as_ref() {
                    Operand::Reg(r) => (Shape::Reg(*r), false),
                    Operand::Mem(m) => (Shape::Mem, mem_symbolic(m)),
                    _ => return Err("bad indirect operand".into()),
                },
                Operand::Target(_) => (Shape::Branch, true),
            };
            shapes.push(shape);
            symbolic.push(sym);
        }
        let mut codes: Vec<Code> = Vec::new();
        for r in &readings {
            codes.extend(x86::candidates(r, &shapes));
        }
        // Intel's `DWORD PTR`: only forms whose memory operand has that size.
        let size_of = |c: Code| {
            let mut i = iced_x86::Instruction::default();
            i.set_code(c);
            i.memory_size().size()
        };
        if let Some(&want) = mem_size.first() {
            codes.retain(|&c| size_of(c) == want as usize || size_of(c) == 0);
        }
        if codes.is_empty() {
            return Err(format!("invalid operands for '{name}'"));
        }
        if is_branch {
            let kind = |c: &Code| c.op_code().op_kinds()[0];
            let near = codes.iter().copied().find(|c| matches!(kind(c), OpCodeOperandKind::br64_4 | OpCodeOperandKind::xbegin_4));
            let short = codes.iter().copied().find(|c| kind(c) == OpCodeOperandKind::br64_1);
            let Operand::Target(target) = ops[0].clone() else { unreachable!() };
            let (code, is_short) = match (short, near) {
                (Some(s), _) => (s, true),
                (None, Some(n)) => (n, false),
                (None, None) => return Err(format!("invalid operands for '{name}'")),
            };
            let branch = Branch { short, near: near.unwrap_or(code), target, is_short };
            let size = if is_short { 2 } else { self.branch_size(code)? };
            let i = Insn { code, ops, symbolic, lock, rep, branch: Some(branch), fixed: None, size, line };
            self.sec().frags.push(Frag::Insn(Box::new(i)));
            return Ok(());
        }
        // The shortest encoding among the forms that fit.
        let mut best: Option<(usize, Code)> = None;
        let mut sizes = Vec::new();
        for &code in &codes {
            let concrete = provisional(&ops, &symbolic, &known);
            if let Ok(mut insn) = x86::build(code, &concrete)
                && let Ok((bytes, ..)) = x86::encode(with_prefixes(&mut insn, lock, rep), 0)
            {
                sizes.push((code, bytes.len()));
                // Equal lengths: GNU as takes the sign-extended imm8 form
                // over the accumulator one (`cmp $2, %ax`).
                let imm8 = |c: Code| {
                    c.op_code().op_kinds().iter().any(|k| matches!(k, OpCodeOperandKind::imm8sex16 | OpCodeOperandKind::imm8sex32 | OpCodeOperandKind::imm8sex64))
                };
                // Then the form without REX.W (`movq %xmm0, 8(%r12)`: 66 0f d6).
                let rex_w = |c: Code| c.op_code().operand_size() == 64 && c.op_code().mandatory_prefix() == iced_x86::MandatoryPrefix::P66;
                let better = |b: Code| imm8(code) && !imm8(b) || (imm8(code) == imm8(b) && rex_w(b) && !rex_w(code));
                if best.is_none_or(|(n, b)| bytes.len() < n || (bytes.len() == n && better(b))) {
                    best = Some((bytes.len(), code));
                }
            }
        }
        let Some((mut size, mut code)) = best else { return Err(format!("cannot encode '{name}' with these operands")) };
        // push/pop/call...: the 64-bit form, the shortest of them.
        if defaults_to_64(&readings)
            && let Some(&(c, n)) = sizes
                .iter()
                .filter(|(c, _)| c.op_code().op_kinds().first() == Some(&OpCodeOperandKind::r64_or_mem) || c.op_code().operand_size() == 64)
                .min_by_key(|(_, n)| *n)
        {
            code = c;
            size = n;
        }
        // Forms of different operand sizes fitting equally means the size is
        // ambiguous (`add $1, (%rax)`).
        if shapes.iter().any(|s| matches!(s, Shape::Mem))
            && !shapes.iter().any(|s| matches!(s, Shape::Reg(_)))
            && codes.iter().any(|&c| size_of(c) != size_of(code))
            && readings.iter().all(|r| r.size.is_none())
            && !defaults_to_64(&readings)
        {
            return Err(format!("no operand size for '{name}': add a suffix (b, w, l or q)"));
        }
        let i = Insn { code, ops, symbolic, lock, rep, branch: None, fixed: None, size, line };
        self.sec().frags.push(Frag::Insn(Box::new(i)));
        Ok(())
    }

    fn branch_size(&self, code: Code) -> Result<usize, String> {
        let insn = x86::build(code, &[Concrete::Branch(0x1000)])?;
        Ok(x86::encode(&insn, 0)?.0.len())
    }
}

/// x87 register forms as GNU as reads them: implicit operands (`fxch` is
/// `fxch %st(1)`, `faddp` is `faddp %st, %st(1)`, `fxch %st(2)` exchanges
/// with `%st`), and, with a destination other than `%st`, `fsub` and
/// `fsubr` (and `fdiv`, `fdivr`) swapped, the AT&T convention gcc follows.
fn x87_operands(name: &str, ops: &mut Vec<Operand>) -> String {
    let st = |n: usize| Operand::Reg(x86::register(&format!("st{n}")).expect("x87 register"));
    let pops = ["faddp", "fsubp", "fsubrp", "fmulp", "fdivp", "fdivrp"];
    if ops.is_empty() {
        if pops.contains(&name) {
            ops.extend([st(0), st(1)]);
        } else if ["fxch", "fucom", "fucomp", "fcom", "fcomp"].contains(&name) {
            ops.push(st(1));
        }
    }
    if ops.len() == 1 && name == "fxch" {
        ops.push(st(0));
    }
    let to_st_i = matches!(ops.get(1), Some(Operand::Reg(r)) if r.is_st() && *r != Register::ST0);
    if ops.len() == 2 && to_st_i {
        let swapped = match name {
            "fsub" => "fsubr",
            "fsubr" => "fsub",
            "fsubp" => "fsubrp",
            "fsubrp" => "fsubp",
            "fdiv" => "fdivr",
            "fdivr" => "fdiv",
            "fdivp" => "fdivrp",
            "fdivrp" => "fdivp",
            _ => name,
        };
        return swapped.to_string();
    }
    name.to_string()
}

/// Stack and indirect branch instructions without a size take 64 bits.
fn defaults_to_64(readings: &[x86::Reading]) -> bool {
    use iced_x86::Mnemonic as M;
    readings.iter().all(|r| r.size.is_none() && matches!(r.mnemonic, M::Call | M::Jmp | M::Push | M::Pop))
}

fn is_branch_mnemonic(m: iced_x86::Mnemonic) -> bool {
    use iced_x86::Mnemonic as M;
    matches!(
        m,
        M::Jmp
            | M::Call
            | M::Ja
            | M::Jae
            | M::Jb
            | M::Jbe
            | M::Je
            | M::Jne
            | M::Jg
            | M::Jge
            | M::Jl
            | M::Jle
            | M::Jo
            | M::Jno
            | M::Jp
            | M::Jnp
            | M::Js
            | M::Jns
            | M::Jrcxz
            | M::Jecxz
            | M::Loop
            | M::Loope
            | M::Loopne
            | M::Xbegin
    )
}

/// Operands with placeholder values for sizing: symbolic parts get 32-bit
/// fields.
fn provisional(ops: &[Operand], symbolic: &[bool], known: &dyn Fn(&Expr) -> Option<Value>) -> Vec<Concrete> {
    ops.iter()
        .zip(symbolic)
        .map(|(o, &sym)| {
            let value = |e: &Expr| if sym { 0 } else { known(e).and_then(|v| v.constant()).unwrap_or(0) };
            concrete_of(o, sym, &value)
        })
        .collect()
}

fn concrete_of(o: &Operand, sym: bool, value: &dyn Fn(&Expr) -> i64) -> Concrete {
    let mem = |m: &Mem| Concrete::Mem {
        segment: m.segment,
        base: m.base,
        index: m.index,
        scale: m.scale,
        disp: m.disp.as_ref().map_or(0, value),
        force32: sym,
    };
    match o {
        Operand::Reg(r) => Concrete::Reg(*r),
        Operand::Imm(e) => Concrete::Imm(value(e)),
        Operand::Mem(m) => mem(m),
        Operand::Indirect(inner) => match inner.as_ref() {
            Operand::Reg(r) => Concrete::Reg(*r),
            Operand::Mem(m) => mem(m),
            _ => Concrete::Reg(Register::None),
        },
        Operand::Target(e) => {
            Concrete::Mem { segment: Register::None, base: Register::None, index: Register::None, scale: 1, disp: value(e), force32: true }
        }
    }
}

/// How a symbol reference is resolved in the output.
enum Target {
    /// Resolved: an offset in a section of this file (local symbols).
    Local(usize, u64),
    /// Through the symbol table.
    Symbol,
}

impl Asm {
    fn frag_size(&self, sec: usize, i: usize, offset: u64) -> u64 {
        match &self.sections[sec].frags[i] {
            Frag::Data { bytes, .. } => bytes.len() as u64,
            Frag::Insn(insn) => insn.size as u64,
            Frag::Align { align, max, .. } => {
                let pad = offset.next_multiple_of(*align) - offset;
                if pad > *max { 0 } else { pad }
            }
            Frag::Leb { size, .. } => *size as u64,
        }
    }

    fn layout_section(&mut self, sec: usize) {
        let n = self.sections[sec].frags.len();
        let mut starts = Vec::with_capacity(n + 1);
        let mut off = 0;
        for i in 0..n {
            starts.push(off);
            off += self.frag_size(sec, i, off);
        }
        starts.push(off);
        self.sections[sec].size = off;
        self.sections[sec].starts = starts;
    }

    fn offset_of(&self, at: (usize, usize, usize)) -> u64 {
        let (sec, frag, off) = at;
        self.sections[sec].starts.get(frag).copied().unwrap_or(0) + off as u64
    }

    /// A symbol's place after layout.
    fn place(&self, name: &str, depth: u32) -> Place {
        let Some(s) = self.syms.get(name) else { return Place::External };
        if let Some(at) = s.at {
            return Place::At(at.0, self.offset_of(at) as i64);
        }
        if let Some(e) = &s.set
            && depth < 32
            && let Ok(v) = expr::eval(e, &|n| self.place(n, depth + 1))
        {
            match (&v.plus, &v.minus, v.constant()) {
                (_, _, Some(c)) => return Place::Absolute(c),
                (Some(p), None, None) if p.modifier.is_none() => {
                    if let Place::At(sec, off) = self.place(&p.name, depth + 1) {
                        return Place::At(sec, off + v.addend);
                    }
                }
                _ => {}
            }
        }
        Place::External
    }

    fn eval(&self, e: &Expr) -> Result<Value, String> {
        expr::eval(e, &|n| self.place(n, 0))
    }

    fn is_global(&self, name: &str) -> bool {
        self.syms.get(name).is_some_and(|s| matches!(s.binding, Some(Binding::Global | Binding::Weak)) || s.common.is_some())
    }

    /// Where a jump (not a call) to `name` from section `sec` lands, when
    /// GNU as resolves it in the file: any symbol defined in that section
    /// but a weak one (a call to a global symbol keeps its relocation).
    fn jump_target(&self, name: &str, sec: usize) -> Option<u64> {
        if self.syms.get(name).is_some_and(|s| s.binding == Some(Binding::Weak)) {
            return None;
        }
        match self.place(name, 0) {
            Place::At(s, off) if s == sec => Some(off as u64),
            _ => None,
        }
    }

    /// Where a reference to `name` points: resolved here when the symbol is
    /// defined here and no other definition can take its place at link time
    /// (a local symbol, or a global one of hidden or protected visibility).
    fn target(&self, name: &str) -> Target {
        let s = self.syms.get(name);
        let bound_here = !self.is_global(name)
            || s.is_some_and(|s| {
                s.binding == Some(Binding::Global) && matches!(s.visibility, Some(Visibility::Hidden | Visibility::Protected))
            });
        match self.place(name, 0) {
            Place::At(sec, off) if bound_here => Target::Local(sec, off as u64),
            _ => Target::Symbol,
        }
    }

    /// Grows short branches whose targets are out of reach, and LEB128
    /// fields, until the layout is stable.
    fn relax(&mut self) -> Result<(), String> {
        for sec in 0..self.sections.len() {
            // A branch can stay short only to a local label in its section.
            for i in 0..self.sections[sec].frags.len() {
                let target = match &self.sections[sec].frags[i] {
                    Frag::Insn(insn) => insn.branch.as_ref().map(|b| b.target.clone()),
                    _ => None,
                };
                if let Some(t) = target {
                    let local = match self.eval(&t) {
                        Ok(Value { plus: Some(p), minus: None, .. }) if p.modifier.is_none() => self.jump_target(&p.name, sec).is_some(),
                        _ => false,
                    };
                    if !local && let Frag::Insn(insn) = &mut self.sections[sec].frags[i] {
                        let b = insn.branch.as_mut().expect("branch");
                        if b.is_short && b.near != b.short.unwrap_or(b.near) {
                            b.is_short = false;
                            insn.code = b.near;
                            insn.size = 0;
                        }
                    }
                }
            }
        }
        for sec in 0..self.sections.len() {
            for i in 0..self.sections[sec].frags.len() {
                if let Frag::Insn(insn) = &self.sections[sec].frags[i]
                    && insn.size == 0
                {
                    let size = self.branch_size(insn.code)?;
                    if let Frag::Insn(insn) = &mut self.sections[sec].frags[i] {
                        insn.size = size;
                    }
                }
            }
        }
        for _round in 0..64 {
            for sec in 0..self.sections.len() {
                self.layout_section(sec);
            }
            let mut changed = false;
            for sec in 0..self.sections.len() {
                // Addresses as they change in this pass, like GNU as: a fragment
                // behind sees the growth before it, one ahead its old address
                // moved by the growth so far.
                let old = self.sections[sec].starts.clone();
                let mut new = Vec::with_capacity(old.len());
                let mut off = 0u64;
                for i in 0..self.sections[sec].frags.len() {
                    new.push(off);
                    let stretch = off as i64 - old[i] as i64;
                    match &self.sections[sec].frags[i] {
                        Frag::Insn(insn) if insn.branch.as_ref().is_some_and(|b| b.is_short) => {
                            let b = insn.branch.as_ref().expect("branch");
                            let v = self.eval(&b.target)?;
                            let label = v.plus.as_ref().and_then(|p| self.syms.get(&p.name)).and_then(|s| s.at);
                            let dest = match (label, &v.plus) {
                                (Some((s, f, o)), _) if s == sec && f <= i => new[f] as i64 + o as i64 + v.addend,
                                (Some((s, f, o)), _) if s == sec => {
                                    old[f] as i64 + o as i64 + self.stretch_to(sec, i, f, stretch) + v.addend
                                }
                                (_, Some(p)) => self.jump_target(&p.name, sec).map_or(i64::MAX, |o| o as i64 + stretch + v.addend),
                                (_, None) => v.addend,
                            };
                            let rel = dest - (off as i64 + insn.size as i64);
                            if !(-128..=127).contains(&rel) {
                                let near = b.near;
                                let size = self.branch_size(near)?;
                                if let Frag::Insn(insn) = &mut self.sections[sec].frags[i] {
                                    insn.branch.as_mut().expect("branch").is_short = false;
                                    insn.code = near;
                                    insn.size = size;
                                }
                                changed = true;
                            }
                        }
                        Frag::Leb { expr, signed, size, line } => {
                            let v = self.eval(expr)?;
                            let c = v.constant().ok_or_else(|| format!("line {line}: .uleb128/.sleb128 needs a constant"))?;
                            let n = cfi::leb(c, *signed).len();
                            if n > *size {
                                if let Frag::Leb { size, .. } = &mut self.sections[sec].frags[i] {
                                    *size = n;
                                }
                                changed = true;
                            }
                        }
                        _ => {}
                    }
                    off += self.frag_size(sec, i, off);
                }
            }
            if !changed {
                return Ok(());
            }
        }
        Err("branch relaxation did not converge".into())
    }

    /// How far a fragment ahead (`to`) is assumed to move when the code at
    /// `from` has grown by `stretch`: alignments between absorb growth
    /// below their size (GNU as's estimate, which this must match for
    /// branch sizes to come out the same).
    fn stretch_to(&self, sec: usize, from: usize, to: usize, mut stretch: i64) -> i64 {
        for f in &self.sections[sec].frags[from..to] {
            if let Frag::Align { align, .. } = f {
                let mask = !(*align as i64 - 1);
                stretch = stretch.signum() * (stretch.abs() & mask);
                if stretch == 0 {
                    break;
                }
            }
        }
        stretch
    }

    fn finish(mut self) -> Result<Object, String> {
        self.emit_line_program()?;
        for (sym, size, align) in std::mem::take(&mut self.local_commons) {
            self.allocate_bss(&sym, size, align)?;
        }
        self.relax()?;
        let mut out = Out { o: Object::new(&self.file), sec_ids: Vec::new(), sec_syms: HashMap::new(), syms: HashMap::new() };
        for s in &self.sections {
            let id = out.o.add_section(&s.name, s.kind, s.align);
            out.o.section_mut(id).comdat = s.comdat.clone();
            out.sec_ids.push(id);
        }
        if let Some(f) = &self.source_file {
            out.o.add_symbol(Symbol {
                name: f.clone(),
                kind: SymbolKind::File,
                binding: Binding::Local,
                visibility: Visibility::Default,
                def: SymbolDef::Absolute(0),
                size: 0,
            });
        }
        // Symbols with names of their own, in order of appearance.
        for name in self.sym_order.clone() {
            let s = &self.syms[&name];
            if name.starts_with(".L") && !self.is_global(&name) {
                continue;
            }
            let binding = s.binding.unwrap_or(Binding::Local);
            let def = if let Some((_, align)) = s.common {
                SymbolDef::Common { align }
            } else {
                match self.place(&name, 0) {
                    Place::At(sec, off) => SymbolDef::Section { section: out.sec_ids[sec], offset: off as u64 },
                    Place::Absolute(v) => SymbolDef::Absolute(v as u64),
                    Place::External if s.set.is_some() => return Err(format!("'{name}' is set to an expression kit cannot resolve")),
                    Place::External => SymbolDef::Undefined,
                }
            };
            // Undefined symbols appear when referenced (see `Out::symbol_for`),
            // or here when declared global or weak.
            if def == SymbolDef::Undefined && s.binding.is_none() {
                continue;
            }
            let binding = if def == SymbolDef::Undefined && binding == Binding::Local { Binding::Global } else { binding };
            let size = match &s.size {
                Some(e) => self.eval(e)?.constant().ok_or_else(|| format!(".size of '{name}' is not a constant"))? as u64,
                None => s.common.map_or(0, |c| c.0),
            };
            let in_tls = matches!(def, SymbolDef::Section { section, .. } if matches!(out.o.section(section).kind, SectionKind::Tls | SectionKind::TlsBss));
            let kind = match s.kind {
                // Objects in TLS sections are TLS symbols, as GNU as makes them.
                Some(SymbolKind::Data) | None if in_tls => SymbolKind::Tls,
                Some(k) => k,
                None if matches!(def, SymbolDef::Common { .. }) => SymbolKind::Data,
                None => SymbolKind::Unknown,
            };
            let id = out.o.add_symbol(Symbol {
                name: name.clone(),
                kind,
                binding,
                visibility: s.visibility.unwrap_or(Visibility::Default),
                def,
                size,
            });
            out.syms.insert(name.clone(), id);
        }
        for sec in 0..self.sections.len() {
            self.emit_section(sec, &mut out)?;
        }
        if !self.fdes.is_empty() {
            let (bytes, pc_begins) = cfi::eh_frame(&self.fdes, &|label| match self.place(label, 0) {
                Place::At(_, off) => off as u64,
                _ => 0,
            });
            let id = out.o.add_section(".eh_frame", SectionKind::EhFrame, 8);
            out.o.append(id, &bytes, 1);
            for (i, at) in pc_begins {
                let f = &self.fdes[i];
                let start = match self.place(&f.start, 0) {
                    Place::At(_, off) => off,
                    _ => 0,
                };
                let sym = out.section_symbol(f.section);
                out.o.section_mut(id).relocs.push(obj::Reloc { offset: at as u64, kind: RelocKind::PcRel32, symbol: sym, addend: start });
            }
        }
        Ok(out.o)
    }

    fn emit_section(&self, sec: usize, out: &mut Out) -> Result<(), String> {
        let s = &self.sections[sec];
        let text = s.kind == SectionKind::Text;
        let mut bytes: Vec<u8> = Vec::with_capacity(s.size as usize);
        let mut relocs = Vec::new();
        for (i, frag) in s.frags.iter().enumerate() {
            let start = s.starts[i];
            debug_assert_eq!(bytes.len() as u64, start);
            match frag {
                Frag::Data { bytes: data, fixups } => {
                    bytes.extend_from_slice(data);
                    for f in fixups {
                        let at = start + f.offset as u64;
                        let v = self.eval(&f.expr).map_err(|e| format!("line {}: {e}", f.line))?;
                        let value = self
                            .resolve_data(sec, at, f.size, &v, &mut relocs, out)
                            .map_err(|e| format!("{}:{}: {e}", self.file, f.line))?;
                        let b = value.to_le_bytes();
                        bytes[at as usize..at as usize + f.size as usize].copy_from_slice(&b[..f.size as usize]);
                    }
                }
                Frag::Align { fill, .. } => {
                    let pad = self.frag_size(sec, i, start) as usize;
                    match fill {
                        Some(f) => bytes.extend(std::iter::repeat_n(*f, pad)),
                        None if text => bytes.extend_from_slice(&nops(pad)),
                        None => bytes.extend(std::iter::repeat_n(0, pad)),
                    }
                }
                Frag::Leb { expr, signed, size, .. } => {
                    let v = self.eval(expr)?.constant().ok_or(".uleb128 needs a constant")?;
                    let mut b = cfi::leb(v, *signed);
                    // Pad to the size layout settled on (redundant continuation bytes).
                    while b.len() < *size {
                        let last = b.len() - 1;
                        b[last] |= 0x80;
                        b.push(if *signed && v < 0 { 0x7f } else { 0 });
                    }
                    bytes.extend_from_slice(&b);
                }
                Frag::Insn(insn) => {
                    let encoded =
                        self.encode_insn(sec, start, insn, &mut relocs, out).map_err(|e| format!("{}:{}: {e}", self.file, insn.line))?;
                    if encoded.len() != insn.size {
                        return Err(format!("{}:{}: internal error: instruction size changed", self.file, insn.line));
                    }
                    bytes.extend_from_slice(&encoded);
                }
            }
        }
        let id = out.sec_ids[sec];
        let section = out.o.section_mut(id);
        if matches!(s.kind, SectionKind::Bss | SectionKind::TlsBss) {
            if bytes.iter().any(|&b| b != 0) {
                return Err(format!("non-zero data in {}", s.name));
            }
            section.size = bytes.len() as u64;
        } else {
            section.size = bytes.len() as u64;
            section.data = bytes;
        }
        section.relocs.extend(relocs);
        Ok(())
    }

    /// The bytes a data fixup stores (0 where a relocation does the work).
    fn resolve_data(&self, sec: usize, at: u64, size: u8, v: &Value, relocs: &mut Vec<obj::Reloc>, out: &mut Out) -> Result<i64, String> {
        if let Some(c) = v.constant() {
            return Ok(c);
        }
        let pcrel = match &v.minus {
            None => false,
            Some(m) => match self.place(&m.name, 0) {
                Place::At(s, off) if s == sec => {
                    let plus = v.plus.as_ref().ok_or("expression too complex for a relocation")?;
                    // sym - here + addend  =  sym + (addend + at - here) - P
                    return self.reloc(plus, v.addend + at as i64 - off, true, size, at, relocs, out).map(|_| 0);
                }
                _ => return Err(format!("cannot subtract '{}' here", m.name)),
            },
        };
        let plus = v.plus.as_ref().expect("a symbol");
        self.reloc(plus, v.addend, pcrel, size, at, relocs, out)?;
        Ok(0)
    }

    /// Adds a relocation for `sym + addend` at `at` (`size` bytes).
    #[allow(clippy::too_many_arguments)]
    fn reloc(
        &self,
        sym: &expr::SymRef,
        addend: i64,
        pcrel: bool,
        size: u8,
        at: u64,
        relocs: &mut Vec<obj::Reloc>,
        out: &mut Out,
    ) -> Result<(), String> {
        let kind = match (sym.modifier, pcrel, size) {
            (None, false, 8) => RelocKind::Abs64,
            (None, false, 4) => RelocKind::Abs32,
            (None, false, 2) => RelocKind::ElfRaw(12),
            (None, false, 1) => RelocKind::ElfRaw(14),
            (None, true, 4) => RelocKind::PcRel32,
            (None, true, 8) => RelocKind::PcRel64,
            (Some(Modifier::DtpOff), false, 4) => RelocKind::DtpOff32,
            (Some(Modifier::DtpOff), false, 8) => RelocKind::DtpOff64,
            (Some(Modifier::TpOff), false, 4) => RelocKind::TpOff32,
            (Some(Modifier::GotPcRel), true, 4) => RelocKind::GotPcRel32,
            (Some(Modifier::Plt), true, 4) => RelocKind::Plt32,
            (m, p, s) => {
                return Err(format!(
                    "no relocation for a {s}-byte {}{} reference",
                    if p { "PC-relative " } else { "" },
                    m.map_or(String::new(), |m| format!("{m:?} "))
                ));
            }
        };
        let (symbol, addend) = out.symbol_for(self, &sym.name, addend);
        relocs.push(obj::Reloc { offset: at, kind, symbol, addend });
        Ok(())
    }

    fn encode_insn(&self, sec: usize, start: u64, insn: &Insn, relocs: &mut Vec<obj::Reloc>, out: &mut Out) -> Result<Vec<u8>, String> {
        if let Some(fixed) = &insn.fixed {
            let mut f = *fixed;
            if insn.lock {
                f.set_has_lock_prefix(true);
            }
            return Ok(x86::encode(&f, start)?.0);
        }
        // Values now known, and which operand needs a relocation.
        let mut pending: Option<(usize, Value)> = None;
        let mut concrete = Vec::new();
        for (i, (o, &sym)) in insn.ops.iter().zip(&insn.symbolic).enumerate() {
            let expr = match o {
                Operand::Imm(e) | Operand::Target(e) => Some(e),
                Operand::Mem(m) => m.disp.as_ref(),
                Operand::Indirect(inner) => match inner.as_ref() {
                    Operand::Mem(m) => m.disp.as_ref(),
                    _ => None,
                },
                Operand::Reg(_) => None,
            };
            let mut c = concrete_of(o, sym, &|_| 0);
            if let Some(e) = expr {
                let v = self.eval(e)?;
                let is_rip = matches!(c, Concrete::Mem { base: Register::RIP, .. });
                let is_branch = matches!(o, Operand::Target(_)) && insn.branch.is_some();
                match (v.constant(), &v.plus) {
                    (Some(k), _) => set_value(&mut c, k),
                    (None, Some(p)) if is_branch && p.modifier.is_none() && v.minus.is_none() => {
                        let is_call = insn.code.mnemonic() == iced_x86::Mnemonic::Call;
                        let here = match self.target(&p.name) {
                            Target::Local(s, off) if s == sec && !(is_call && self.is_global(&p.name)) => Some(off),
                            _ if !is_call => self.jump_target(&p.name, sec),
                            _ => None,
                        };
                        match here {
                            Some(off) => set_value(&mut c, off as i64 + v.addend),
                            None => pending = Some((i, v)),
                        }
                    }
                    (None, Some(p)) if is_rip && p.modifier.is_none() && v.minus.is_none() => match self.target(&p.name) {
                        Target::Local(s, off) if s == sec => set_value(&mut c, off as i64 + v.addend),
                        _ => pending = Some((i, v)),
                    },
                    _ => pending = Some((i, v)),
                }
            }
            concrete.push(match (o, &insn.branch) {
                (Operand::Target(_), Some(_)) => match c {
                    Concrete::Mem { disp, .. } => Concrete::Branch(disp as u64),
                    other => other,
                },
                _ => c,
            });
        }
        let build = |concrete: &[Concrete]| -> Result<x86::Encoded, String> {
            let mut i = x86::build(insn.code, concrete)?;
            x86::encode(with_prefixes(&mut i, insn.lock, insn.rep), start)
        };
        let Some((i, v)) = pending else { return Ok(build(&concrete)?.0) };
        // A relocation: encode with a zero field first to find it.
        let is_branch = insn.branch.is_some();
        if is_branch {
            concrete[i] = Concrete::Branch(start + insn.size as u64);
        } else if let Concrete::Mem { base: Register::RIP, .. } = concrete[i] {
            set_value(&mut concrete[i], (start + insn.size as u64) as i64);
        }
        let (mut bytes, disp, imm) = build(&concrete)?;
        let plus = v.plus.as_ref().ok_or("expression too complex for a relocation")?;
        if v.minus.is_some() {
            return Err("a difference of symbols cannot be an instruction operand here".into());
        }
        let len = bytes.len() as i64;
        let (field, kind) = if is_branch {
            let field = bytes.len() - 4;
            let kind = if plus.modifier == Some(Modifier::Plt) || !matches!(self.target(&plus.name), Target::Local(..)) {
                RelocKind::Plt32
            } else {
                RelocKind::PcRel32
            };
            (field, kind)
        } else {
            let is_rip = matches!(concrete[i], Concrete::Mem { base: Register::RIP, .. });
            let (field, size) = match concrete[i] {
                Concrete::Mem { .. } => disp,
                _ => imm,
            };
            let kind = match (plus.modifier, is_rip, size) {
                (None, true, 4) => RelocKind::PcRel32,
                (Some(Modifier::GotPcRel), true, 4) => {
                    if bytes.iter().take(field).any(|&b| b & 0xf0 == 0x40) {
                        RelocKind::GotPcRelX32
                    } else {
                        RelocKind::ElfRaw(41)
                    }
                }
                (Some(Modifier::GotTpOff), true, 4) => RelocKind::GotTpOff32,
                (Some(Modifier::TlsGd), true, 4) => RelocKind::TlsGd,
                (Some(Modifier::TlsLd), true, 4) => RelocKind::ElfRaw(20),
                (Some(Modifier::TpOff), false, 4) => RelocKind::TpOff32,
                (Some(Modifier::DtpOff), false, 4) => RelocKind::DtpOff32,
                (None, false, 4) => {
                    if matches!(concrete[i], Concrete::Imm(_)) && !imm_sign_extended(insn.code, i) {
                        RelocKind::Abs32
                    } else {
                        RelocKind::Abs32S
                    }
                }
                (None, false, 8) => RelocKind::Abs64,
                (m, rip, s) => {
                    return Err(format!("no relocation for this operand ({s} bytes, {m:?}{})", if rip { ", RIP-relative" } else { "" }));
                }
            };
            (field, kind)
        };
        let addend = match kind {
            RelocKind::Abs32 | RelocKind::Abs32S | RelocKind::Abs64 | RelocKind::TpOff32 | RelocKind::DtpOff32 => v.addend,
            _ => v.addend - (len - field as i64),
        };
        let end = (field + 4).min(bytes.len());
        bytes[field..end].fill(0);
        let (symbol, addend) = out.symbol_for(self, &plus.name, addend);
        relocs.push(obj::Reloc { offset: start + field as u64, kind, symbol, addend });
        Ok(bytes)
    }
}

fn with_prefixes(i: &mut iced_x86::Instruction, lock: bool, rep: Option<RepPrefixKind>) -> &iced_x86::Instruction {
    i.set_has_lock_prefix(lock);
    match rep {
        Some(RepPrefixKind::Repe) => i.set_has_repe_prefix(true),
        Some(RepPrefixKind::Repne) => i.set_has_repne_prefix(true),
        _ => {}
    }
    i
}

fn imm_sign_extended(code: Code, op: usize) -> bool {
    matches!(code.op_code().op_kinds().get(op), Some(OpCodeOperandKind::imm32sex64))
}

fn set_value(c: &mut Concrete, v: i64) {
    match c {
        Concrete::Mem { disp, .. } => *disp = v,
        Concrete::Imm(x) => *x = v,
        Concrete::Branch(t) => *t = v as u64,
        Concrete::Reg(_) => {}
    }
}

/// `n` bytes of NOPs, in the long forms GNU as uses.
fn nops(mut n: usize) -> Vec<u8> {
    const NOPS: [&[u8]; 12] = [
        &[],
        &[0x90],
        &[0x66, 0x90],
        &[0x0f, 0x1f, 0x00],
        &[0x0f, 0x1f, 0x40, 0x00],
        &[0x0f, 0x1f, 0x44, 0x00, 0x00],
        &[0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
        &[0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
        &[0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        &[0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        &[0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        &[0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    ];
    let mut out = Vec::with_capacity(n);
    while n > 0 {
        let k = n.min(11);
        out.extend_from_slice(NOPS[k]);
        n -= k;
    }
    out
}

/// The object being written and its symbol indices.
struct Out {
    o: Object,
    sec_ids: Vec<obj::SectionId>,
    sec_syms: HashMap<usize, obj::SymbolId>,
    syms: HashMap<String, obj::SymbolId>,
}

impl Out {
    fn section_symbol(&mut self, sec: usize) -> obj::SymbolId {
        if let Some(&s) = self.sec_syms.get(&sec) {
            return s;
        }
        let section = self.sec_ids[sec];
        let id = self.o.add_symbol(Symbol {
            name: self.o.section(section).name.clone(),
            kind: SymbolKind::Section,
            binding: Binding::Local,
            visibility: Visibility::Default,
            def: SymbolDef::Section { section, offset: 0 },
            size: 0,
        });
        self.sec_syms.insert(sec, id);
        id
    }

    /// The symbol a relocation against `name + addend` uses: a local
    /// symbol's section (so `.L` labels need no symbol), else the symbol.
    fn symbol_for(&mut self, a: &Asm, name: &str, addend: i64) -> (obj::SymbolId, i64) {
        if let Target::Local(sec, off) = a.target(name) {
            return (self.section_symbol(sec), addend + off as i64);
        }
        if let Some(&id) = self.syms.get(name) {
            return (id, addend);
        }
        let id = self.o.add_symbol(Symbol {
            name: name.to_string(),
            kind: SymbolKind::Unknown,
            binding: Binding::Global,
            visibility: Visibility::Default,
            def: SymbolDef::Undefined,
            size: 0,
        });
        self.syms.insert(name.to_string(), id);
        (id, addend)
    }
}
