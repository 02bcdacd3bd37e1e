//! `.eh_frame` (always) and DWARF line tables and subprograms (`-g`), written
//! with gimli into sections whose cross-references become relocations.

use crate::module::Names;
use gimli::write::{
    Address, AttributeValue, DwarfUnit, EhFrame, EndianVec, FrameDescriptionEntry, FrameTable, LineProgram, LineString,
    Range, RangeList, Sections, Writer,
};
use gimli::{LittleEndian, SectionId};
use obj::RelocKind;

/// A relocation inside a generated section: (offset, kind, target, addend).
pub(crate) enum RelocTarget {
    /// A symbol by index in [`Names`].
    Symbol(usize),
    /// The start of another generated debug section.
    Section(SectionId),
}

pub(crate) struct GenSection {
    pub name: &'static str,
    pub data: Vec<u8>,
    pub relocs: Vec<(u64, RelocKind, RelocTarget, i64)>,
}

#[derive(Clone)]
pub(crate) struct RelocWriter {
    out: EndianVec<LittleEndian>,
    relocs: Vec<(u64, RelocKind, usize, i64, Option<SectionId>)>,
}

impl RelocWriter {
    fn new() -> Self {
        RelocWriter { out: EndianVec::new(LittleEndian), relocs: Vec::new() }
    }
}

impl Writer for RelocWriter {
    type Endian = LittleEndian;
    fn endian(&self) -> LittleEndian {
        LittleEndian
    }
    fn len(&self) -> usize {
        self.out.len()
    }
    fn write(&mut self, bytes: &[u8]) -> gimli::write::Result<()> {
        self.out.write(bytes)
    }
    fn write_at(&mut self, offset: usize, bytes: &[u8]) -> gimli::write::Result<()> {
        self.out.write_at(offset, bytes)
    }
    fn write_address(&mut self, address: Address, size: u8) -> gimli::write::Result<()> {
        match address {
            Address::Constant(v) => self.write_udata(v, size),
            Address::Symbol { symbol, addend } => {
                let kind = if size == 8 { RelocKind::Abs64 } else { RelocKind::Abs32 };
                self.relocs.push((self.out.len() as u64, kind, symbol, addend, None));
                self.write_udata(0, size)
            }
        }
    }
    fn write_eh_pointer(&mut self, address: Address, eh_pe: gimli::DwEhPe, size: u8) -> gimli::write::Result<()> {
        match address {
            Address::Symbol { symbol, addend } if eh_pe.application() == gimli::DW_EH_PE_pcrel => {
                self.relocs.push((self.out.len() as u64, RelocKind::PcRel32, symbol, addend, None));
                self.write_udata(0, 4)
            }
            Address::Symbol { .. } => self.write_address(address, size),
            Address::Constant(_) => {
                // Only used for absolute constants in kit's output.
                self.write_address(address, size)
            }
        }
    }
    fn write_offset(&mut self, val: usize, section: SectionId, size: u8) -> gimli::write::Result<()> {
        self.relocs.push((self.out.len() as u64, RelocKind::SecRel32, 0, val as i64, Some(section)));
        self.write_udata(val as u64, size)
    }
    fn write_offset_at(&mut self, offset: usize, val: usize, section: SectionId, size: u8) -> gimli::write::Result<()> {
        self.relocs.push((offset as u64, RelocKind::SecRel32, 0, val as i64, Some(section)));
        self.write_udata_at(offset, val as u64, size)
    }
}

fn finish(name: &'static str, w: RelocWriter) -> GenSection {
    let relocs = w
        .relocs
        .into_iter()
        .map(|(o, k, s, a, sec)| (o, k, sec.map_or(RelocTarget::Symbol(s), RelocTarget::Section), a))
        .collect();
    GenSection { name, data: w.out.into_vec(), relocs }
}

/// `.eh_frame` with one FDE per function (PC-relative, so no text relocations).
pub(crate) fn eh_frame(isa: &dyn cranelift_codegen::isa::TargetIsa, fdes: Vec<FrameDescriptionEntry>) -> Option<GenSection> {
    if fdes.is_empty() {
        return None;
    }
    let mut cie = isa.create_systemv_cie()?;
    cie.fde_address_encoding = gimli::DW_EH_PE_pcrel | gimli::DW_EH_PE_sdata4;
    let mut table = FrameTable::default();
    let cie_id = table.add_cie(cie);
    for f in fdes {
        table.add_fde(cie_id, f);
    }
    let mut eh = EhFrame(RelocWriter::new());
    table.write_eh_frame(&mut eh).ok()?;
    Some(finish(".eh_frame", eh.0))
}

/// A function's place for debug info: (symbol index, code length, first
/// line, (offset, line) rows).
pub(crate) struct FuncDebug<'a> {
    pub symbol: usize,
    pub name: &'a str,
    pub len: u64,
    pub line: u32,
    pub external: bool,
    pub rows: &'a [(u32, u32)],
}

/// `.debug_info`, `.debug_abbrev`, `.debug_line`, `.debug_str`,
/// `.debug_line_str` and `.debug_rnglists` for one compile unit.
pub(crate) fn dwarf(file: &str, comp_dir: &str, funcs: &[FuncDebug]) -> Vec<GenSection> {
    let encoding = gimli::Encoding { format: gimli::Format::Dwarf32, version: 5, address_size: 8 };
    let mut dw = DwarfUnit::new(encoding);
    let (dir, base) = match file.rfind('/') {
        Some(i) => (&file[..i], &file[i + 1..]),
        None => (comp_dir, file),
    };
    let line_dir = LineString::String(dir.as_bytes().to_vec());
    let line_file = LineString::String(base.as_bytes().to_vec());
    let mut program = LineProgram::new(encoding, gimli::LineEncoding::default(), LineString::String(comp_dir.as_bytes().to_vec()), None, line_file.clone(), None);
    let dir_id = program.add_directory(line_dir);
    let file_id = program.add_file(line_file, dir_id, None);
    let mut ranges = RangeList(Vec::new());
    for f in funcs {
        if f.len == 0 {
            continue;
        }
        program.begin_sequence(Some(Address::Symbol { symbol: f.symbol, addend: 0 }));
        for &(off, line) in f.rows {
            let row = program.row();
            row.address_offset = off as u64;
            row.line = line as u64;
            row.file = file_id;
            program.generate_row();
        }
        program.end_sequence(f.len);
        ranges.0.push(Range::StartLength { begin: Address::Symbol { symbol: f.symbol, addend: 0 }, length: f.len });
    }
    dw.unit.line_program = program;
    let root = dw.unit.root();
    let range_id = dw.unit.ranges.add(ranges);
    let producer = dw.strings.add("kit");
    let name = dw.strings.add(file.as_bytes());
    let dirs = dw.strings.add(comp_dir.as_bytes());
    let cu = dw.unit.get_mut(root);
    cu.set(gimli::DW_AT_producer, AttributeValue::StringRef(producer));
    cu.set(gimli::DW_AT_language, AttributeValue::Language(gimli::DW_LANG_C11));
    cu.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
    cu.set(gimli::DW_AT_comp_dir, AttributeValue::StringRef(dirs));
    cu.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Constant(0)));
    cu.set(gimli::DW_AT_ranges, AttributeValue::RangeListRef(range_id));
    for f in funcs {
        if f.len == 0 {
            continue;
        }
        let sp = dw.unit.add(root, gimli::DW_TAG_subprogram);
        let n = dw.strings.add(f.name.as_bytes());
        let e = dw.unit.get_mut(sp);
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
        e.set(gimli::DW_AT_external, AttributeValue::Flag(f.external));
        e.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file_id)));
        e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(f.line as u64));
        e.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Symbol { symbol: f.symbol, addend: 0 }));
        e.set(gimli::DW_AT_high_pc, AttributeValue::Udata(f.len));
        e.set(gimli::DW_AT_frame_base, AttributeValue::Exprloc(gimli::write::Expression::raw(vec![gimli::DW_OP_call_frame_cfa.0])));
    }
    let mut sections = Sections::new(RelocWriter::new());
    if dw.write(&mut sections).is_err() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let _ = sections.for_each(|id, w| -> Result<(), ()> {
        if w.len() > 0 {
            out.push((id, w.clone()));
        }
        Ok(())
    });
    out.into_iter().map(|(id, w)| finish(id.name(), w)).collect()
}

/// Looks up a function's symbol index for FDEs and DWARF.
pub(crate) fn symbol_index(names: &Names, name: &str) -> usize {
    names.id(name) as usize
}
