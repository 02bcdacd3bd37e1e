//! A gimli [`Writer`] that records, instead of resolving, every reference to
//! a symbol or another section: kit's generated sections carry relocations
//! like any assembler's output.

use gimli::write::{Address, EndianVec, Writer};
use gimli::{LittleEndian, SectionId};
use obj::RelocKind;

#[derive(Clone, Copy, Debug)]
pub(crate) enum RelocTarget {
    /// A symbol by index in the module's `Names`.
    Symbol(usize),
    /// The start of another generated section.
    Section(SectionId),
}

#[derive(Clone, Debug)]
pub(crate) struct GenReloc {
    pub offset: u64,
    pub kind: RelocKind,
    pub target: RelocTarget,
    pub addend: i64,
}

/// A finished section: name, bytes, relocations.
pub(crate) struct GenSection {
    pub name: &'static str,
    pub data: Vec<u8>,
    pub relocs: Vec<GenReloc>,
}

#[derive(Clone)]
pub(crate) struct RelocWriter {
    out: EndianVec<LittleEndian>,
    relocs: Vec<GenReloc>,
}

impl RelocWriter {
    pub fn new() -> Self {
        RelocWriter { out: EndianVec::new(LittleEndian), relocs: Vec::new() }
    }
    pub fn finish(self, name: &'static str) -> GenSection {
        GenSection { name, data: self.out.into_vec(), relocs: self.relocs }
    }
    fn reloc(&mut self, offset: usize, kind: RelocKind, target: RelocTarget, addend: i64) {
        self.relocs.push(GenReloc { offset: offset as u64, kind, target, addend });
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
                self.reloc(self.len(), kind, RelocTarget::Symbol(symbol), addend);
                self.write_udata(0, size)
            }
        }
    }
    fn write_eh_pointer(&mut self, address: Address, eh_pe: gimli::DwEhPe, size: u8) -> gimli::write::Result<()> {
        match address {
            // PC-relative (no text relocations in PIE): S + A - P.
            Address::Symbol { symbol, addend } if eh_pe.application() == gimli::DW_EH_PE_pcrel => {
                self.reloc(self.len(), RelocKind::PcRel32, RelocTarget::Symbol(symbol), addend);
                self.write_udata(0, 4)
            }
            _ => self.write_address(address, size),
        }
    }
    fn write_offset(&mut self, val: usize, section: SectionId, size: u8) -> gimli::write::Result<()> {
        self.reloc(self.len(), RelocKind::SecRel32, RelocTarget::Section(section), val as i64);
        self.write_udata(val as u64, size)
    }
    fn write_offset_at(&mut self, offset: usize, val: usize, section: SectionId, size: u8) -> gimli::write::Result<()> {
        self.reloc(offset, RelocKind::SecRel32, RelocTarget::Section(section), val as i64);
        self.write_udata_at(offset, val as u64, size)
    }
}
