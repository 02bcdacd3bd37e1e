//! DWARF access shared by `addr2line` and `objdump --dwarf`: the debug
//! sections of an ELF file (with an object's relocations applied, since
//! RELA objects keep their DWARF offsets in addends), loaded into gimli,
//! and flattened into line rows and function ranges.

use crate::Error;
use crate::elf::*;
use gimli::{EndianSlice, LittleEndian};
use std::collections::HashMap;

pub type Reader<'a> = EndianSlice<'a, LittleEndian>;

/// The `.debug_*` sections' bytes by name.
pub struct DebugData {
    sections: HashMap<String, Vec<u8>>,
}

/// One row of a line table.
#[derive(Clone, Debug)]
pub struct Row {
    pub addr: u64,
    pub file: String,
    pub line: u64,
    pub discriminator: u64,
    pub end_sequence: bool,
}

/// A function or inlined call covering `[low, high)`.
#[derive(Clone, Debug)]
pub struct Scope {
    pub low: u64,
    pub high: u64,
    pub name: String,
    /// How deep it is nested (0 for an outermost subprogram).
    pub depth: usize,
    /// For an inlined call: where it was called from.
    pub call_file: String,
    pub call_line: u64,
}

fn dwarf_err(file: &str, e: gimli::Error) -> Error {
    Error::new(file, format!("malformed DWARF: {e}"))
}

impl DebugData {
    pub fn new(elf: &Elf) -> Result<DebugData, Error> {
        let mut sections = HashMap::new();
        let syms = if elf.is_relocatable() { elf.symbols()? } else { Vec::new() };
        let bases = section_bases(elf);
        for s in elf.sections.iter().filter(|s| s.name.starts_with(".debug_") && s.has_contents()) {
            let mut data = elf.section_data(s)?.to_vec();
            if elf.is_relocatable() {
                for rel in elf.reloc_sections_for(s.index) {
                    for r in elf.relocs_in(rel)? {
                        apply(&mut data, &syms, &bases, &r);
                    }
                }
            }
            sections.insert(s.name.clone(), data);
        }
        Ok(DebugData { sections })
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    pub fn dwarf(&self) -> gimli::Dwarf<Reader<'_>> {
        let load = |id: gimli::SectionId| -> Result<Reader<'_>, gimli::Error> {
            let data = self.sections.get(id.name()).map(Vec::as_slice).unwrap_or(&[]);
            Ok(EndianSlice::new(data, LittleEndian))
        };
        gimli::Dwarf::load(load).unwrap_or_default()
    }
}

/// Where an object's allocated sections are placed for reading its DWARF:
/// one after another, as BFD places them, so that code in `.text` and in
/// `.text.startup` (both at 0 in the file) get distinct addresses. Zero
/// for every section of a linked file.
pub fn section_bases(elf: &Elf) -> Vec<u64> {
    let mut bases = vec![0u64; elf.sections.len()];
    if elf.is_relocatable() {
        let mut next = 0u64;
        for s in elf.sections.iter().filter(|s| s.is_alloc() && s.size > 0) {
            let align = s.align.clamp(1, 1 << 16);
            next = next.div_ceil(align).saturating_mul(align);
            bases[s.index] = next;
            next = next.saturating_add(s.size);
        }
    }
    bases
}

/// Applies one absolute relocation to a debug section; the PC-relative
/// and GOT kinds never appear in DWARF, and out-of-range offsets are left
/// for gimli to reject.
fn apply(data: &mut [u8], syms: &[Symbol], bases: &[u64], r: &Reloc) {
    let base = |s: &Symbol| bases.get(s.shndx as usize).copied().unwrap_or(0);
    let value = syms.get(r.sym as usize).map_or(0, |s| s.value.wrapping_add(base(s))).wrapping_add(r.addend as u64);
    let width = match r.kind {
        1 | 17 | 24 => 8,
        10 | 11 | 21 | 2 => 4,
        _ => return,
    };
    let Ok(off) = usize::try_from(r.offset) else { return };
    if let Some(dst) = off.checked_add(width).and_then(|end| data.get_mut(off..end)) {
        dst.copy_from_slice(&value.to_le_bytes()[..width]);
    }
}

/// A string attribute's text, empty when it cannot be read.
pub fn attr_text(dwarf: &gimli::Dwarf<Reader>, unit: &gimli::Unit<Reader>, v: gimli::AttributeValue<Reader>) -> String {
    dwarf.attr_string(unit, v).map(|s| String::from_utf8_lossy(s.slice()).into_owned()).unwrap_or_default()
}

fn join(dir: &str, file: &str) -> String {
    if file.starts_with('/') || dir.is_empty() { file.to_string() } else { format!("{}/{file}", dir.trim_end_matches('/')) }
}

/// The full path of line-table file `index`, as GNU tools print it.
pub fn file_path(
    dwarf: &gimli::Dwarf<Reader>,
    unit: &gimli::Unit<Reader>,
    header: &gimli::LineProgramHeader<Reader>,
    index: u64,
) -> String {
    let Some(file) = header.file(index) else { return String::new() };
    let name = attr_text(dwarf, unit, file.path_name());
    let dir = file.directory(header).map(|d| attr_text(dwarf, unit, d)).unwrap_or_default();
    let comp = unit.comp_dir.map(|c| String::from_utf8_lossy(c.slice()).into_owned()).unwrap_or_default();
    join(&join(&comp, &dir), &name)
}

/// Every row of every unit's line table, in table order.
pub fn line_rows(file: &str, dwarf: &gimli::Dwarf<Reader>) -> Result<Vec<Row>, Error> {
    let mut rows = Vec::new();
    let mut units = dwarf.units();
    while let Some(header) = units.next().map_err(|e| dwarf_err(file, e))? {
        let unit = dwarf.unit(header).map_err(|e| dwarf_err(file, e))?;
        let Some(program) = unit.line_program.clone() else { continue };
        let mut it = program.rows();
        let mut names: HashMap<u64, String> = HashMap::new();
        while let Some((header, row)) = it.next_row().map_err(|e| dwarf_err(file, e))? {
            let name = names.entry(row.file_index()).or_insert_with(|| file_path(dwarf, &unit, header, row.file_index())).clone();
            rows.push(Row {
                addr: row.address(),
                file: name,
                line: row.line().map_or(0, |l| l.get()),
                discriminator: row.discriminator(),
                end_sequence: row.end_sequence(),
            });
            if rows.len() > 50_000_000 {
                return Err(Error::new(file, "line table too large"));
            }
        }
    }
    Ok(rows)
}

/// The name of a subprogram or inlined call, following
/// `DW_AT_abstract_origin` and `DW_AT_specification` (a few steps at most,
/// so a cycle in bad input ends).
fn entry_name(dwarf: &gimli::Dwarf<Reader>, unit: &gimli::Unit<Reader>, entry: &gimli::DebuggingInformationEntry<Reader>) -> String {
    let mut offset = None;
    for at in [gimli::DW_AT_linkage_name, gimli::DW_AT_name] {
        if let Some(v) = entry.attr_value(at) {
            return attr_text(dwarf, unit, v);
        }
    }
    for at in [gimli::DW_AT_abstract_origin, gimli::DW_AT_specification] {
        if let Some(gimli::AttributeValue::UnitRef(o)) = entry.attr_value(at) {
            offset = Some(o);
        }
    }
    let mut hops = 0;
    while let Some(o) = offset.take() {
        hops += 1;
        let Ok(e) = unit.entry(o) else { break };
        for at in [gimli::DW_AT_linkage_name, gimli::DW_AT_name] {
            if let Some(v) = e.attr_value(at) {
                return attr_text(dwarf, unit, v);
            }
        }
        if hops < 8 {
            for at in [gimli::DW_AT_abstract_origin, gimli::DW_AT_specification] {
                if let Some(gimli::AttributeValue::UnitRef(o)) = e.attr_value(at) {
                    offset = Some(o);
                }
            }
        }
    }
    String::new()
}

/// Subprograms and inlined calls with the address ranges they cover.
pub fn scopes(file: &str, dwarf: &gimli::Dwarf<Reader>) -> Result<Vec<Scope>, Error> {
    let mut out = Vec::new();
    let mut units = dwarf.units();
    while let Some(header) = units.next().map_err(|e| dwarf_err(file, e))? {
        let unit = dwarf.unit(header).map_err(|e| dwarf_err(file, e))?;
        let program_header = unit.line_program.as_ref().map(|p| p.header().clone());
        let mut entries = unit.entries();
        let mut base_depth: Vec<isize> = Vec::new();
        while let Some(entry) = entries.next_dfs().map_err(|e| dwarf_err(file, e))? {
            let depth = entry.depth();
            let tag = entry.tag();
            if tag != gimli::DW_TAG_subprogram && tag != gimli::DW_TAG_inlined_subroutine {
                continue;
            }
            while base_depth.last().is_some_and(|&d| d >= depth) {
                base_depth.pop();
            }
            let nesting = base_depth.len();
            base_depth.push(depth);
            let name = entry_name(dwarf, &unit, entry);
            let (call_file, call_line) =
                match (&program_header, entry.attr_value(gimli::DW_AT_call_file), entry.attr_value(gimli::DW_AT_call_line)) {
                    (Some(h), Some(gimli::AttributeValue::FileIndex(f)), line) => {
                        let line = match line {
                            Some(gimli::AttributeValue::Udata(l)) => l,
                            Some(v) => v.udata_value().unwrap_or(0),
                            None => 0,
                        };
                        (file_path(dwarf, &unit, h, f), line)
                    }
                    _ => (String::new(), 0),
                };
            let mut ranges = match dwarf.die_ranges(&unit, entry) {
                Ok(r) => r,
                Err(_) => continue,
            };
            while let Ok(Some(r)) = ranges.next() {
                if r.begin < r.end {
                    out.push(Scope {
                        low: r.begin,
                        high: r.end,
                        name: name.clone(),
                        depth: nesting,
                        call_file: call_file.clone(),
                        call_line,
                    });
                }
            }
        }
    }
    Ok(out)
}
