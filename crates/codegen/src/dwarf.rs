//! DWARF 5 for `-g`: one compile unit with a line program (one sequence per
//! function), subprograms, and their stack locals, written with gimli.

use crate::relwriter::{GenSection, RelocWriter};
use gimli::write::Writer;
use gimli::write::{Address, AttributeValue, DwarfUnit, Expression, FileId, LineProgram, LineString, Range, RangeList, Sections, UnitEntryId};
use std::collections::HashMap;

/// What debug info needs from one compiled function.
pub(crate) struct FuncDebug<'a> {
    /// Symbol index of the function (in the module's `Names`).
    pub symbol: usize,
    pub name: &'a str,
    pub file: &'a str,
    pub len: u64,
    pub line: u32,
    pub external: bool,
    /// (code offset, line)
    pub rows: &'a [(u32, u32)],
    /// (name, offset from the frame pointer, size)
    pub locals: &'a [(String, i64, u64)],
}

fn split_path<'p>(path: &'p str, comp_dir: &'p str) -> (&'p str, &'p str) {
    match path.rfind('/') {
        Some(i) => (&path[..i.max(1)], &path[i + 1..]),
        None => (comp_dir, path),
    }
}

pub(crate) fn dwarf<'a>(source: &'a str, comp_dir: &'a str, funcs: &[FuncDebug<'a>]) -> Result<Vec<GenSection>, String> {
    let encoding = gimli::Encoding { format: gimli::Format::Dwarf32, version: 5, address_size: 8 };
    let mut dw = DwarfUnit::new(encoding);
    let (_, src_base) = split_path(source, comp_dir);
    let mut program = LineProgram::new(
        encoding,
        gimli::LineEncoding::default(),
        LineString::String(comp_dir.as_bytes().to_vec()),
        None,
        LineString::String(src_base.as_bytes().to_vec()),
        None,
    );
    let mut files: HashMap<&str, FileId> = HashMap::new();
    let mut file_id = |program: &mut LineProgram, path: &'a str| -> FileId {
        let path = if path.is_empty() { source } else { path };
        *files.entry(path).or_insert_with(|| {
            let (dir, base) = split_path(path, comp_dir);
            let d = program.add_directory(LineString::String(dir.as_bytes().to_vec()));
            program.add_file(LineString::String(base.as_bytes().to_vec()), d, None)
        })
    };
    let mut ranges = RangeList(Vec::new());
    let mut func_files = Vec::with_capacity(funcs.len());
    for f in funcs {
        let file = file_id(&mut program, f.file);
        func_files.push(file);
        if f.len == 0 {
            continue;
        }
        let start = Address::Symbol { symbol: f.symbol, addend: 0 };
        program.begin_sequence(Some(start));
        for &(off, line) in f.rows {
            let row = program.row();
            row.address_offset = off as u64;
            row.line = line as u64;
            row.file = file;
            program.generate_row();
        }
        program.end_sequence(f.len);
        ranges.0.push(Range::StartLength { begin: start, length: f.len });
    }
    dw.unit.line_program = program;
    let root = dw.unit.root();
    let range_id = dw.unit.ranges.add(ranges);
    let producer = dw.strings.add("kit");
    let name = dw.strings.add(source.as_bytes());
    let dir = dw.strings.add(comp_dir.as_bytes());
    let cu = dw.unit.get_mut(root);
    cu.set(gimli::DW_AT_producer, AttributeValue::StringRef(producer));
    cu.set(gimli::DW_AT_language, AttributeValue::Language(gimli::DW_LANG_C11));
    cu.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
    cu.set(gimli::DW_AT_comp_dir, AttributeValue::StringRef(dir));
    cu.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Constant(0)));
    cu.set(gimli::DW_AT_ranges, AttributeValue::RangeListRef(range_id));
    let mut types: HashMap<u64, UnitEntryId> = HashMap::new();
    for (f, file) in funcs.iter().zip(func_files) {
        if f.len == 0 {
            continue;
        }
        let sp = dw.unit.add(root, gimli::DW_TAG_subprogram);
        let n = dw.strings.add(f.name.as_bytes());
        let e = dw.unit.get_mut(sp);
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
        e.set(gimli::DW_AT_external, AttributeValue::Flag(f.external));
        e.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file)));
        e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(f.line as u64));
        e.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Symbol { symbol: f.symbol, addend: 0 }));
        e.set(gimli::DW_AT_high_pc, AttributeValue::Udata(f.len));
        e.set(gimli::DW_AT_frame_base, AttributeValue::Exprloc(Expression::raw(vec![gimli::DW_OP_call_frame_cfa.0])));
        for (lname, off, size) in f.locals {
            let ty = *types.entry(*size).or_insert_with(|| local_type(&mut dw, root, *size));
            let v = dw.unit.add(sp, gimli::DW_TAG_variable);
            let n = dw.strings.add(lname.as_bytes());
            let mut loc = Expression::new();
            loc.op_breg(gimli::X86_64::RBP, *off);
            let e = dw.unit.get_mut(v);
            e.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
            e.set(gimli::DW_AT_type, AttributeValue::UnitRef(ty));
            e.set(gimli::DW_AT_location, AttributeValue::Exprloc(loc));
        }
    }
    let mut sections = Sections::new(RelocWriter::new());
    dw.write(&mut sections).map_err(|e| format!("DWARF: {e}"))?;
    let mut out = Vec::new();
    sections
        .for_each(|id, w| -> Result<(), ()> {
            if w.len() > 0 {
                out.push(w.clone().finish(id.name()));
            }
            Ok(())
        })
        .ok();
    Ok(out)
}

/// KIR carries no C types yet: a local is described by its size, as a
/// signed integer of 1/2/4/8 bytes (the common case) or a byte array.
fn local_type(dw: &mut DwarfUnit, root: UnitEntryId, size: u64) -> UnitEntryId {
    let base = |dw: &mut DwarfUnit, name: &str, size: u64, enc: gimli::DwAte| {
        let t = dw.unit.add(root, gimli::DW_TAG_base_type);
        let n = dw.strings.add(name);
        let e = dw.unit.get_mut(t);
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
        e.set(gimli::DW_AT_byte_size, AttributeValue::Udata(size));
        e.set(gimli::DW_AT_encoding, AttributeValue::Encoding(enc));
        t
    };
    match size {
        1 | 2 | 4 | 8 => base(dw, &format!("int{}_t", size * 8), size, gimli::DW_ATE_signed),
        _ => {
            let byte = base(dw, "unsigned char", 1, gimli::DW_ATE_unsigned_char);
            let arr = dw.unit.add(root, gimli::DW_TAG_array_type);
            dw.unit.get_mut(arr).set(gimli::DW_AT_type, AttributeValue::UnitRef(byte));
            let sub = dw.unit.add(arr, gimli::DW_TAG_subrange_type);
            dw.unit.get_mut(sub).set(gimli::DW_AT_count, AttributeValue::Udata(size));
            arr
        }
    }
}
