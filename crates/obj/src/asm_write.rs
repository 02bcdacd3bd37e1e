//! Assembly text for `kit cc -S`: GNU `as` syntax that assembles back to the
//! same object. Code is emitted as bytes with the disassembled instruction
//! in a comment; relocations become `.reloc` directives.

use crate::*;
use iced_x86::{Decoder, DecoderOptions, Formatter, GasFormatter};
use std::fmt::Write;

fn reloc_name(k: RelocKind) -> String {
    match k {
        RelocKind::Abs64 => "R_X86_64_64".into(),
        RelocKind::Abs32 | RelocKind::SecRel32 => "R_X86_64_32".into(),
        RelocKind::Abs32S => "R_X86_64_32S".into(),
        RelocKind::PcRel32 => "R_X86_64_PC32".into(),
        RelocKind::Plt32 => "R_X86_64_PLT32".into(),
        RelocKind::GotPcRel32 => "R_X86_64_GOTPCREL".into(),
        RelocKind::GotPcRelX32 => "R_X86_64_REX_GOTPCRELX".into(),
        RelocKind::PcRel64 => "R_X86_64_PC64".into(),
        RelocKind::TlsGd => "R_X86_64_TLSGD".into(),
        RelocKind::TpOff32 => "R_X86_64_TPOFF32".into(),
        RelocKind::GotTpOff32 => "R_X86_64_GOTTPOFF".into(),
        RelocKind::DtpOff32 => "R_X86_64_DTPOFF32".into(),
        RelocKind::DtpOff64 => "R_X86_64_DTPOFF64".into(),
        RelocKind::ElfRaw(n) => format!("{n}"),
    }
}

/// A symbol name as gas reads it: `f@V` and `f@@V` (versioned names) in
/// quotes, since bare `@` would start a relocation suffix.
fn symbol(name: &str) -> std::borrow::Cow<'_, str> {
    if name.contains('@') { format!("\"{name}\"").into() } else { name.into() }
}

fn section_directive(s: &Section) -> String {
    let (flags, ty) = match s.kind {
        SectionKind::Text => ("ax", "@progbits"),
        SectionKind::Data => ("aw", "@progbits"),
        SectionKind::ReadOnlyData | SectionKind::EhFrame => ("a", "@progbits"),
        SectionKind::Bss => ("aw", "@nobits"),
        SectionKind::Tls => ("awT", "@progbits"),
        SectionKind::TlsBss => ("awT", "@nobits"),
        SectionKind::InitArray => ("aw", "@init_array"),
        SectionKind::FiniArray => ("aw", "@fini_array"),
        SectionKind::Debug | SectionKind::Other => ("", "@progbits"),
        SectionKind::Note => ("", "@note"),
    };
    format!("\t.section\t{},\"{}\",{}\n", s.name, flags, ty)
}

fn bytes_line(out: &mut String, b: &[u8]) {
    out.push_str("\t.byte\t");
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "0x{x:02x}");
    }
}

/// Renders the object as assembly text.
pub fn write_asm(obj: &Object) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\t.file\t\"{}\"", obj.name);
    for (si, s) in obj.sections.iter().enumerate() {
        out.push_str(&section_directive(s));
        let _ = writeln!(out, "\t.p2align\t{}", s.align.max(1).trailing_zeros());
        let _ = writeln!(out, ".Lsec{si}:");
        // Symbols defined in this section, by offset.
        let mut syms: Vec<&Symbol> = obj
            .symbols
            .iter()
            .filter(|sy| sy.kind != SymbolKind::Section && matches!(sy.def, SymbolDef::Section { section, .. } if section.0 as usize == si))
            .collect();
        syms.sort_by_key(|sy| match sy.def {
            SymbolDef::Section { offset, .. } => offset,
            _ => 0,
        });
        let off_of = |sy: &Symbol| match sy.def {
            SymbolDef::Section { offset, .. } => offset,
            _ => 0,
        };
        let mut pos: u64 = 0;
        let mut k = 0;
        let emit_labels = |out: &mut String, k: &mut usize, pos: u64| {
            while *k < syms.len() && off_of(syms[*k]) <= pos {
                let sy = syms[*k];
                let name = symbol(&sy.name);
                match sy.binding {
                    Binding::Global => {
                        let _ = writeln!(out, "\t.globl\t{}", name);
                    }
                    Binding::Weak => {
                        let _ = writeln!(out, "\t.weak\t{}", name);
                    }
                    Binding::Local => {}
                }
                if sy.visibility == Visibility::Hidden {
                    let _ = writeln!(out, "\t.hidden\t{}", name);
                }
                let ty = match sy.kind {
                    SymbolKind::Func => "@function",
                    SymbolKind::Ifunc => "@gnu_indirect_function",
                    SymbolKind::Tls => "@tls_object",
                    _ => "@object",
                };
                let _ = writeln!(out, "\t.type\t{}, {}\n\t.size\t{}, {}", name, ty, name, sy.size);
                if off_of(sy) < pos {
                    let _ = writeln!(out, "\t.set\t{}, .Lsec{si}+{}", name, off_of(sy));
                } else {
                    let _ = writeln!(out, "{}:", name);
                }
                *k += 1;
            }
        };
        if matches!(s.kind, SectionKind::Bss | SectionKind::TlsBss) {
            // Zero fill between symbol definitions.
            while k < syms.len() {
                let next = off_of(syms[k]).min(s.size);
                if next > pos {
                    let _ = writeln!(out, "\t.zero\t{}", next - pos);
                    pos = next;
                }
                emit_labels(&mut out, &mut k, pos);
            }
            if s.size > pos {
                let _ = writeln!(out, "\t.zero\t{}", s.size - pos);
            }
            continue;
        }
        if s.kind == SectionKind::Text {
            let mut dec = Decoder::with_ip(64, &s.data, 0, DecoderOptions::NONE);
            let mut fmt = GasFormatter::new();
            let mut text = String::new();
            while dec.can_decode() {
                let ip = dec.ip();
                emit_labels(&mut out, &mut k, ip);
                let ins = dec.decode();
                let len = ins.len();
                // Symbols must not fall inside an instruction: stop there.
                let limit = syms.get(k).map(|sy| off_of(sy)).unwrap_or(u64::MAX);
                let end = (ip + len as u64).min(limit.max(ip + 1)) as usize;
                text.clear();
                fmt.format(&ins, &mut text);
                bytes_line(&mut out, &s.data[ip as usize..end]);
                let _ = writeln!(out, "\t# {text}");
                if end < (ip as usize + len) {
                    dec.set_position(end).ok();
                    dec.set_ip(end as u64);
                }
            }
        } else {
            for chunk_start in (0..s.data.len()).step_by(16) {
                emit_labels(&mut out, &mut k, chunk_start as u64);
                let limit = syms.get(k).map(|sy| off_of(sy) as usize).unwrap_or(usize::MAX);
                let end = (chunk_start + 16).min(s.data.len());
                if limit > chunk_start && limit < end {
                    bytes_line(&mut out, &s.data[chunk_start..limit]);
                    out.push('\n');
                    emit_labels(&mut out, &mut k, limit as u64);
                    bytes_line(&mut out, &s.data[limit..end]);
                } else {
                    bytes_line(&mut out, &s.data[chunk_start..end]);
                }
                out.push('\n');
            }
        }
        pos = s.data.len() as u64;
        emit_labels(&mut out, &mut k, pos.max(1) - 1);
        emit_labels(&mut out, &mut k, u64::MAX);
        for r in &s.relocs {
            let target = &obj.symbol(r.symbol);
            let name = if target.kind == SymbolKind::Section {
                match target.def {
                    SymbolDef::Section { section, .. } => obj.section(section).name.clone(),
                    _ => continue,
                }
            } else {
                symbol(&target.name).into_owned()
            };
            let _ = writeln!(out, "\t.reloc\t.Lsec{si}+{}, {}, {}{:+}", r.offset, reloc_name(r.kind), name, r.addend);
        }
    }
    for sy in &obj.symbols {
        if let SymbolDef::Common { align } = sy.def {
            let _ = writeln!(out, "\t.comm\t{},{},{}", symbol(&sy.name), sy.size, align);
        }
    }
    out.push_str("\t.section\t.note.GNU-stack,\"\",@progbits\n");
    out
}
