//! `objdump -d`: x86-64 disassembly in GNU objdump's layout. iced-x86
//! decodes and formats each instruction (AT&T by default, `-M intel`);
//! this module lays out addresses and bytes (seven to a line), per-symbol
//! headers, `<sym+0xoff>` branch annotations, `# addr <sym>` comments on
//! RIP-relative operands, skipped zero runs, and `-r` relocations between
//! instructions, where GNU puts them.

use super::quirks;
use super::symbols::{SymbolMap, reloc_symbols, reloc_target};
use crate::Error;
use crate::elf::{Elf, Reloc, Section, reloc_name};
use iced_x86::{Decoder, DecoderError, DecoderOptions, Formatter, GasFormatter, Instruction, IntelFormatter, Mnemonic, OpKind};
use std::fmt::Write;

/// The disassembler's settings from objdump's command line.
#[derive(Default, Clone)]
pub struct Options {
    pub intel: bool,
    pub relocs: bool,
    pub start: Option<u64>,
    pub stop: Option<u64>,
    /// `-D`: every section with contents, not only code.
    pub all: bool,
    /// `-z`: disassemble zero runs instead of printing `...`.
    pub zeroes: bool,
    /// `-w`: all of an instruction's bytes on its line.
    pub wide: bool,
}

const BYTES_PER_LINE: usize = 7;
/// GNU objdump skips a run of at least this many zero bytes...
const SKIP_ZEROES: usize = 8;
/// ...or a shorter one that ends a symbol's code (padding).
const SKIP_ZEROES_AT_END: usize = 3;

/// A formatter configured to print what GNU objdump prints.
fn formatter(intel: bool) -> Box<dyn Formatter> {
    let mut f: Box<dyn Formatter> = if intel { Box::new(IntelFormatter::new()) } else { Box::new(GasFormatter::new()) };
    let o = f.options_mut();
    o.set_hex_prefix("0x");
    o.set_hex_suffix("");
    o.set_uppercase_hex(false);
    o.set_small_hex_numbers_in_decimal(false);
    o.set_leading_zeros(false);
    o.set_branch_leading_zeros(false);
    o.set_space_after_operand_separator(false);
    o.set_rip_relative_addresses(true);
    o.set_show_zero_displacements(true);
    o.set_show_branch_size(false);
    o.set_signed_immediate_operands(false);
    o.set_signed_memory_displacements(true);
    o.set_displacement_leading_zeros(false);
    o.set_add_leading_zero_to_hex_numbers(false);
    o.set_gas_space_after_memory_operand_comma(false);
    o.set_show_useless_prefixes(true);
    if intel {
        o.set_always_show_scale(true);
        o.set_uppercase_keywords(true);
        o.set_memory_size_options(iced_x86::MemorySizeOptions::Always);
    }
    f
}

/// GNU's address column: the section's highest address decides how many
/// leading hex digits (in groups of four) are dropped, and the remaining
/// leading zeros print as spaces.
pub struct AddrFormat {
    skip: usize,
}

impl AddrFormat {
    pub fn for_section(s: &Section) -> AddrFormat {
        let top = format!("{:016x}", s.addr.wrapping_add(s.size));
        let mut skip = top.bytes().take_while(|&b| b == b'0').count();
        if skip == 16 && s.addr != 0 {
            skip = 0;
        }
        if skip != 0 {
            skip = (skip - 1) & !3;
        }
        AddrFormat { skip }
    }

    pub fn show(&self, addr: u64) -> String {
        let full = format!("{addr:016x}");
        let tail = &full[self.skip..];
        let zeros = tail.bytes().take_while(|&b| b == b'0').count().min(tail.len() - 1);
        format!("{}{}", " ".repeat(zeros), &tail[zeros..])
    }
}

/// Disassembles every code section (or those named by `-j`).
pub fn disassemble(elf: &Elf, map: &SymbolMap, o: &Options, only: &[String], out: &mut String) -> Result<(), Error> {
    let mut fmt = formatter(o.intel);
    for s in &elf.sections {
        // -D takes every section BFD knows, loaded or not.
        let wanted = if only.is_empty() { o.all || s.is_alloc() && s.is_exec() } else { only.contains(&s.name) };
        if !wanted || s.size == 0 || !elf.bfd_sections().iter().any(|b| b.index == s.index) {
            continue;
        }
        // Sections outside --start-address/--stop-address are left out whole.
        let end = s.addr.wrapping_add(s.size);
        if o.start.is_some_and(|a| a >= end) || o.stop.is_some_and(|a| a <= s.addr) {
            continue;
        }
        let _ = write!(out, "\nDisassembly of section {}:\n", s.name);
        // A section without file contents (.bss) reads as zeros, as in GNU
        // objdump; a few megabytes at most, so corrupt sizes cannot exhaust
        // memory.
        let zeros;
        let data = if s.has_contents() {
            elf.section_data(s)?
        } else if o.all && s.size <= 1 << 24 {
            zeros = vec![0u8; s.size as usize];
            &zeros[..]
        } else {
            continue;
        };
        let relocs = if o.relocs { section_relocs(elf, s)? } else { Vec::new() };
        section(s, data, map, &relocs, o, fmt.as_mut(), out);
    }
    Ok(())
}

/// The section's relocations, sorted, each with its printed VALUE text.
fn section_relocs(elf: &Elf, s: &Section) -> Result<Vec<(Reloc, String)>, Error> {
    let mut v = Vec::new();
    if !elf.is_relocatable() {
        return Ok(v);
    }
    for rel in elf.reloc_sections_for(s.index) {
        let syms = reloc_symbols(elf, rel)?;
        for r in elf.relocs_in(rel)? {
            v.push((r, reloc_target(elf, &syms, &r, false)));
        }
    }
    v.sort_by_key(|(r, _)| r.offset);
    Ok(v)
}

fn section(s: &Section, data: &[u8], map: &SymbolMap, relocs: &[(Reloc, String)], o: &Options, fmt: &mut dyn Formatter, out: &mut String) {
    let af = AddrFormat::for_section(s);
    let end = s.addr.wrapping_add(data.len() as u64);
    let mut addr = o.start.map_or(s.addr, |a| a.max(s.addr));
    let stop = o.stop.map_or(end, |a| a.min(end));
    // Where symbols start, in order: each begins a new chunk with a header.
    let mut starts: Vec<u64> = map.labels(s.index).iter().map(|l| l.addr).filter(|&a| a > addr && a < stop).collect();
    starts.dedup();
    let mut next_start = starts.iter().copied().peekable();
    let mut reloc_i;
    while addr < stop {
        let chunk_end = next_start.next().unwrap_or(stop);
        let _ = write!(out, "\n{addr:016x} {}:\n", map.header(s.index, addr));
        reloc_i = relocs.partition_point(|r| r.0.offset < addr);
        while addr < chunk_end {
            let off = (addr - s.addr) as usize;
            let chunk = &data[off..(chunk_end - s.addr) as usize];
            let zeros = chunk.iter().take_while(|&&b| b == 0).count();
            if !o.zeroes && (zeros >= SKIP_ZEROES || zeros == chunk.len() && zeros < SKIP_ZEROES_AT_END) {
                let skip = if zeros == chunk.len() { zeros } else { zeros & !3 };
                out.push_str("\t...\n");
                addr += skip as u64;
                continue;
            }
            // A REX prefix followed by another is ignored: GNU shows it alone.
            if chunk.len() > 1 && chunk[0] & 0xf0 == 0x40 && chunk[1] & 0xf0 == 0x40 {
                let _ = writeln!(
                    out,
                    "{}:\t{:02x} {}\t{}",
                    af.show(addr),
                    chunk[0],
                    "   ".repeat(BYTES_PER_LINE - 1),
                    quirks::rex_name(chunk[0])
                );
                addr += 1;
                continue;
            }
            // An instruction may run past the next symbol (GNU decodes up to
            // the section's end or --stop-address); the next symbol's code is
            // then decoded again from its own start, as GNU does.
            let window = &data[off..(stop - s.addr) as usize];
            let mut dec = Decoder::with_ip(64, window, addr, DecoderOptions::NONE);
            let insn = dec.decode();
            let (len, text) = if let Some(merged) = wait_form(&insn, window, map, s.index, o.intel, fmt) {
                merged
            } else if insn.is_invalid() {
                quirks::undecodable(window, dec.last_error() == DecoderError::NoMoreBytes)
            } else {
                (insn.len(), text(&insn, window, map, s.index, o.intel, fmt))
            };
            let bytes = &window[..len.min(window.len())];
            // Bytes past the next symbol are shown as a single space each.
            let shown = bytes.len().min((chunk_end - addr) as usize);
            let _ = write!(out, "{}:\t", af.show(addr));
            let per_line = if o.wide { bytes.len().max(1) } else { BYTES_PER_LINE };
            for (i, line) in bytes.chunks(per_line).enumerate() {
                if i > 0 {
                    let _ = write!(out, "\n{}:\t", af.show(addr + (i * per_line) as u64));
                }
                for (k, b) in line.iter().enumerate() {
                    if i * per_line + k < shown {
                        let _ = write!(out, "{b:02x} ");
                    } else {
                        out.push(' ');
                    }
                }
                if i == 0 {
                    out.push_str(&"   ".repeat(BYTES_PER_LINE.saturating_sub(line.len())));
                    let _ = write!(out, "\t{text}");
                }
            }
            let next = addr + bytes.len() as u64;
            // Relocations go on lines of their own, or (with -w) at the end
            // of the instruction's line.
            while reloc_i < relocs.len() && relocs[reloc_i].0.offset < next {
                let (r, target) = &relocs[reloc_i];
                if r.offset >= addr {
                    let sep = if o.wide { "\t" } else { "\n\t\t\t" };
                    let _ = write!(out, "{sep}{:x}: {}\t{target}", r.offset, reloc_name(r.kind));
                }
                reloc_i += 1;
            }
            out.push('\n');
            addr = next;
        }
        addr = chunk_end;
    }
}

/// GNU reads `fwait` followed by a no-wait x87 control instruction as
/// the waiting form (`9b d9 7c 24 02` is `fstcw 0x2(%rsp)`); iced decodes
/// two instructions.
fn wait_form(
    insn: &Instruction,
    chunk: &[u8],
    map: &SymbolMap,
    section: usize,
    intel: bool,
    fmt: &mut dyn Formatter,
) -> Option<(usize, String)> {
    if insn.mnemonic() != Mnemonic::Wait || chunk.len() < 2 {
        return None;
    }
    let mut dec = Decoder::with_ip(64, &chunk[1..], insn.ip() + 1, DecoderOptions::NONE);
    let next = dec.decode();
    if !matches!(
        next.mnemonic(),
        Mnemonic::Fnstcw | Mnemonic::Fnstsw | Mnemonic::Fnstenv | Mnemonic::Fnsave | Mnemonic::Fnclex | Mnemonic::Fninit
    ) {
        return None;
    }
    let t = text(&next, &chunk[1..], map, section, intel, fmt);
    let t = t.strip_prefix("fn").unwrap_or(&t);
    let t = match t.split_once(' ') {
        Some((m, ops)) => format!("f{m:<5} {}", ops.trim_start()),
        None => format!("f{t}"),
    };
    Some((1 + next.len(), t))
}

/// The instruction as the formatter prints it, for comparisons.
fn render(insn: &Instruction, fmt: &mut dyn Formatter) -> String {
    let mut t = String::new();
    fmt.format(insn, &mut t);
    t
}

/// Whether GNU names the instruction's REX prefix before it: a set bit
/// (W, R, X, B) that changes nothing, or an empty REX (0x40) that changes
/// nothing. Found by decoding the instruction with the bit cleared.
fn rex_unused(insn: &Instruction, bytes: &[u8], at: usize, fmt: &mut dyn Formatter) -> bool {
    let end = insn.len().min(bytes.len());
    let reference = render(insn, fmt);
    let mut same = |variant: &[u8]| {
        let mut dec = Decoder::with_ip(64, variant, insn.ip(), DecoderOptions::NONE);
        let other = dec.decode();
        !other.is_invalid() && other.len() == variant.len() && render(&other, fmt) == reference
    };
    let rex = bytes[at];
    if rex == 0x40 {
        // Without the byte the instruction is shorter: relative targets move.
        let relative = insn.is_ip_rel_memory_operand() || insn.op_count() == 1 && is_near_branch(insn.op0_kind());
        let without: Vec<u8> = bytes[..at].iter().chain(&bytes[at + 1..end]).copied().collect();
        return !relative && same(&without);
    }
    [8u8, 4, 2, 1].iter().any(|&bit| {
        if rex & bit == 0 {
            return false;
        }
        let mut v = bytes[..end].to_vec();
        v[at] ^= bit;
        same(&v)
    })
}

fn is_near_branch(k: OpKind) -> bool {
    matches!(k, OpKind::NearBranch16 | OpKind::NearBranch32 | OpKind::NearBranch64)
}

/// One instruction's text as GNU prints it: the mnemonic (with prefixes)
/// padded to six columns, operands, a symbol for branch targets and a
/// comment with the target of a RIP-relative operand.
fn text(insn: &Instruction, bytes: &[u8], map: &SymbolMap, section: usize, intel: bool, fmt: &mut dyn Formatter) -> String {
    let mut mnemonic = String::new();
    fmt.format_mnemonic(insn, &mut mnemonic);
    let mut ops = String::new();
    if insn.op_count() == 1 && is_near_branch(insn.op0_kind()) {
        let target = insn.near_branch_target();
        let _ = write!(ops, "{target:x}");
        if let Some(d) = map.describe(section, target) {
            let _ = write!(ops, " {d}");
        }
    } else {
        fmt.format_all_operands(insn, &mut ops);
    }
    if intel {
        quirks::intel(insn, bytes, &mut mnemonic, &mut ops);
    } else {
        quirks::att(insn, bytes, &mut mnemonic, &mut ops);
    }
    if let Some(at) = quirks::rex_at(bytes)
        && rex_unused(insn, bytes, at, fmt)
    {
        mnemonic = format!("{} {mnemonic}", quirks::rex_name(bytes[at]));
    }
    let mut t = if ops.is_empty() { mnemonic } else { format!("{mnemonic:<6} {ops}") };
    if insn.is_ip_rel_memory_operand() {
        let target = insn.ip_rel_memory_address();
        let _ = write!(t, "        # {target:x}");
        if let Some(d) = map.describe(section, target) {
            let _ = write!(t, " {d}");
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(addr: u64, size: u64) -> Section {
        Section {
            index: 1,
            name: ".text".into(),
            name_off: 0,
            kind: 1,
            flags: 6,
            addr,
            offset: 0,
            size,
            link: 0,
            info: 0,
            align: 16,
            entsize: 0,
        }
    }

    #[test]
    fn address_column_is_as_wide_as_gnus() {
        // An object's small section: four columns, leading zeros as spaces.
        let f = AddrFormat::for_section(&section(0, 0x2d));
        assert_eq!((f.show(0), f.show(0x1e)), ("   0".to_string(), "  1e".to_string()));
        // A program's .text: eight columns.
        let f = AddrFormat::for_section(&section(0x1050, 0x1c7));
        assert_eq!(f.show(0x1198), "    1198");
        let f = AddrFormat::for_section(&section(0x401000, 0x100));
        assert_eq!(f.show(0x401000), "  401000");
    }
}
