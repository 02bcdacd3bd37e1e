//! DWARF 5 for `-g`: one compile unit with a line program (one sequence per
//! function), subprograms, and their stack locals, written with gimli.

use crate::relwriter::{GenSection, RelocWriter};
use gimli::write::Writer;
use gimli::write::{
    Address, AttributeValue, DwarfUnit, Expression, FileId, LineProgram, LineString, Range, RangeList, Sections, UnitEntryId,
};
use std::collections::HashMap;

/// What debug info needs from one compiled function.
pub(crate) struct FuncDebug<'a> {
    /// Symbol index of the function (in the module's `Names`).
    pub symbol: usize,
    pub func: &'a kir::Function,
    pub len: u64,
    /// (code offset, line)
    pub rows: &'a [(u32, u32)],
    /// Frame-pointer offsets of `func.debug_locals` that live in slots.
    pub offsets: &'a [Option<i64>],
}

/// The module-level part: C types and file-scope objects.
pub(crate) struct ModuleDebug<'a> {
    pub source: &'a str,
    pub comp_dir: &'a str,
    pub types: &'a [kir::DebugType],
    pub globals: &'a [kir::DebugGlobal],
    /// Symbol index of a defined object, by name.
    pub symbol: &'a dyn Fn(&str) -> Option<usize>,
}

fn split_path<'p>(path: &'p str, comp_dir: &'p str) -> (&'p str, &'p str) {
    match path.rfind('/') {
        Some(i) => (&path[..i.max(1)], &path[i + 1..]),
        None => (comp_dir, path),
    }
}

pub(crate) fn dwarf<'a>(md: &ModuleDebug<'a>, funcs: &[FuncDebug<'a>]) -> Result<Vec<GenSection>, String> {
    let (source, comp_dir) = (md.source, md.comp_dir);
    let encoding = gimli::Encoding { format: gimli::Format::Dwarf32, version: 5, address_size: 8 };
    let mut dw = DwarfUnit::new(encoding);
    let mut program = LineProgram::new(
        encoding,
        gimli::LineEncoding::default(),
        LineString::String(comp_dir.as_bytes().to_vec()),
        None,
        // File 0, the primary source, as given: relative to comp_dir or
        // absolute.
        LineString::String(source.as_bytes().to_vec()),
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
    let main_file = file_id(&mut program, source);
    let mut ranges = RangeList(Vec::new());
    let mut func_files = Vec::with_capacity(funcs.len());
    for f in funcs {
        let file = file_id(&mut program, &f.func.file);
        func_files.push(file);
        if f.len == 0 {
            continue;
        }
        let start = Address::Symbol { symbol: f.symbol, addend: 0 };
        program.begin_sequence(Some(start));
        // The prologue and the parameter stores (which carry the function's
        // line) form one row, and the first row of another line ends the
        // prologue: debuggers stop there when entering the function, once
        // the parameters are in their slots. gdb skips to the end of the
        // row holding the frame setup, so that row must not be split.
        let decl_line = if f.func.line != 0 { f.func.line } else { f.rows.first().map_or(0, |r| r.1) };
        let body = f.rows.iter().position(|r| r.1 != decl_line).unwrap_or(0);
        let skip = usize::from(f.rows.first().is_some_and(|r| r.1 == decl_line));
        let rows = std::iter::once((usize::MAX, (0, decl_line))).chain(f.rows.iter().copied().enumerate().skip(skip));
        for (i, (off, line)) in rows {
            let row = program.row();
            row.address_offset = off as u64;
            row.line = line as u64;
            row.file = file;
            row.prologue_end = i == body && off != 0;
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
    let types = emit_types(&mut dw, root, md.types);
    let type_of = |t: kir::DType| types.get(t.0 as usize).copied().flatten();
    let mut sized: HashMap<u64, UnitEntryId> = HashMap::new();
    for g in md.globals {
        let Some(sym) = (md.symbol)(&g.symbol) else { continue };
        let v = dw.unit.add(root, gimli::DW_TAG_variable);
        variable(&mut dw, v, &g.name, type_of(g.ty), main_file, g.line);
        let e = dw.unit.get_mut(v);
        e.set(gimli::DW_AT_external, AttributeValue::Flag(g.external));
        e.set(gimli::DW_AT_location, AttributeValue::Exprloc(addr_expr(sym)));
    }
    for (f, file) in funcs.iter().zip(func_files) {
        if f.len == 0 {
            continue;
        }
        let sp = dw.unit.add(root, gimli::DW_TAG_subprogram);
        let n = dw.strings.add(f.func.name.as_bytes());
        let e = dw.unit.get_mut(sp);
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
        e.set(gimli::DW_AT_external, AttributeValue::Flag(f.func.linkage != kir::Linkage::Internal));
        e.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file)));
        e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(f.func.line as u64));
        e.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Symbol { symbol: f.symbol, addend: 0 }));
        e.set(gimli::DW_AT_high_pc, AttributeValue::Udata(f.len));
        e.set(gimli::DW_AT_frame_base, AttributeValue::Exprloc(Expression::raw(vec![gimli::DW_OP_call_frame_cfa.0])));
        if let Some((ret, prototyped)) = f.func.debug_type.and_then(|t| func_type(md.types, t)) {
            e.set(gimli::DW_AT_prototyped, AttributeValue::Flag(prototyped));
            if let Some(r) = type_of(ret) {
                e.set(gimli::DW_AT_type, AttributeValue::UnitRef(r));
            }
        }
        for (i, l) in f.func.debug_locals.iter().enumerate() {
            let loc = match (&l.loc, f.offsets.get(i).copied().flatten()) {
                (kir::DebugLoc::Slot(_) | kir::DebugLoc::Incoming(_), Some(off)) => {
                    let mut loc = Expression::new();
                    loc.op_breg(gimli::X86_64::RBP, off);
                    Some(loc)
                }
                (kir::DebugLoc::Symbol(s), _) => match (md.symbol)(s) {
                    Some(sym) => Some(addr_expr(sym)),
                    None => continue,
                },
                (kir::DebugLoc::None, _) => None,
                (kir::DebugLoc::Slot(_) | kir::DebugLoc::Incoming(_), None) => continue,
            };
            let ty = match (l.ty, &l.loc) {
                (Some(t), _) => type_of(t),
                (None, kir::DebugLoc::Slot(s)) => {
                    let size = f.func.slots.get(s.0 as usize).map_or(1, |d| d.size);
                    Some(*sized.entry(size).or_insert_with(|| sized_type(&mut dw, root, size)))
                }
                (None, kir::DebugLoc::Incoming(p)) => {
                    let size = match f.func.sig.params.get(*p as usize) {
                        Some(kir::Param::ByVal { size, .. }) => *size as u64,
                        _ => 8,
                    };
                    Some(*sized.entry(size).or_insert_with(|| sized_type(&mut dw, root, size)))
                }
                (None, _) => None,
            };
            let tag = if l.param { gimli::DW_TAG_formal_parameter } else { gimli::DW_TAG_variable };
            let v = dw.unit.add(sp, tag);
            variable(&mut dw, v, &l.name, ty, file, l.line);
            if let Some(loc) = loc {
                dw.unit.get_mut(v).set(gimli::DW_AT_location, AttributeValue::Exprloc(loc));
            }
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

/// DW_OP_addr of a symbol (a relocation in `.debug_info`).
fn addr_expr(symbol: usize) -> Expression {
    let mut e = Expression::new();
    e.op_addr(Address::Symbol { symbol, addend: 0 });
    e
}

/// Name, type and declaration place of a variable or parameter entry.
fn variable(dw: &mut DwarfUnit, v: UnitEntryId, name: &str, ty: Option<UnitEntryId>, file: FileId, line: u32) {
    let n = dw.strings.add(name.as_bytes());
    let e = dw.unit.get_mut(v);
    e.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
    if let Some(t) = ty {
        e.set(gimli::DW_AT_type, AttributeValue::UnitRef(t));
    }
    if line != 0 {
        e.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file)));
        e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(line as u64));
    }
}

/// Return type and prototypedness of a function's debug type, looking
/// through typedefs and qualifiers.
fn func_type(types: &[kir::DebugType], mut t: kir::DType) -> Option<(kir::DType, bool)> {
    for _ in 0..types.len() {
        match types.get(t.0 as usize)? {
            kir::DebugType::Func { ret, prototyped, .. } => return Some((*ret, *prototyped)),
            kir::DebugType::Typedef(_, u) | kir::DebugType::Const(u) | kir::DebugType::Volatile(u) => t = *u,
            _ => return None,
        }
    }
    None
}

/// One entry per debug type (none for `void`, which DWARF spells as a
/// missing DW_AT_type). Entries are created first and filled after, so
/// they can refer to each other in any order.
fn emit_types(dw: &mut DwarfUnit, root: UnitEntryId, types: &[kir::DebugType]) -> Vec<Option<UnitEntryId>> {
    use kir::DebugType as D;
    let ids: Vec<Option<UnitEntryId>> = types
        .iter()
        .map(|t| {
            let tag = match t {
                D::Void => return None,
                D::Base { .. } => gimli::DW_TAG_base_type,
                D::Pointer(_) => gimli::DW_TAG_pointer_type,
                D::Const(_) => gimli::DW_TAG_const_type,
                D::Volatile(_) => gimli::DW_TAG_volatile_type,
                D::Typedef(..) => gimli::DW_TAG_typedef,
                D::Array(..) => gimli::DW_TAG_array_type,
                D::Record { union: false, .. } => gimli::DW_TAG_structure_type,
                D::Record { union: true, .. } => gimli::DW_TAG_union_type,
                D::Enum { .. } => gimli::DW_TAG_enumeration_type,
                D::Func { .. } => gimli::DW_TAG_subroutine_type,
            };
            Some(dw.unit.add(root, tag))
        })
        .collect();
    let of = |t: kir::DType| ids.get(t.0 as usize).copied().flatten();
    let size_of = |t: kir::DType| match types.get(t.0 as usize) {
        Some(D::Base { size, .. }) => *size as u64,
        _ => 4,
    };
    for (t, id) in types.iter().zip(&ids) {
        let Some(id) = *id else { continue };
        let mut children: Vec<(gimli::DwTag, Vec<(gimli::DwAt, AttributeValue)>)> = Vec::new();
        let mut attrs: Vec<(gimli::DwAt, AttributeValue)> = Vec::new();
        let name = |dw: &mut DwarfUnit, attrs: &mut Vec<_>, n: &str| {
            attrs.push((gimli::DW_AT_name, AttributeValue::StringRef(dw.strings.add(n.as_bytes()))))
        };
        let target = |attrs: &mut Vec<_>, t: kir::DType| {
            if let Some(r) = of(t) {
                attrs.push((gimli::DW_AT_type, AttributeValue::UnitRef(r)));
            }
        };
        match t {
            D::Void => {}
            D::Base { name: n, size, enc } => {
                name(dw, &mut attrs, n);
                attrs.push((gimli::DW_AT_byte_size, AttributeValue::Udata(*size as u64)));
                let enc = match enc {
                    kir::BaseEnc::Signed => gimli::DW_ATE_signed,
                    kir::BaseEnc::Unsigned => gimli::DW_ATE_unsigned,
                    kir::BaseEnc::SignedChar => gimli::DW_ATE_signed_char,
                    kir::BaseEnc::UnsignedChar => gimli::DW_ATE_unsigned_char,
                    kir::BaseEnc::Bool => gimli::DW_ATE_boolean,
                    kir::BaseEnc::Float => gimli::DW_ATE_float,
                    kir::BaseEnc::ComplexFloat => gimli::DW_ATE_complex_float,
                };
                attrs.push((gimli::DW_AT_encoding, AttributeValue::Encoding(enc)));
            }
            D::Pointer(p) => {
                attrs.push((gimli::DW_AT_byte_size, AttributeValue::Udata(8)));
                target(&mut attrs, *p);
            }
            D::Const(u) | D::Volatile(u) => target(&mut attrs, *u),
            D::Typedef(n, u) => {
                name(dw, &mut attrs, n);
                target(&mut attrs, *u);
            }
            D::Array(e, n) => {
                target(&mut attrs, *e);
                let bound = n.map(|n| vec![(gimli::DW_AT_count, AttributeValue::Udata(n))]).unwrap_or_default();
                children.push((gimli::DW_TAG_subrange_type, bound));
            }
            D::Record { name: n, size, members, .. } => {
                if let Some(n) = n {
                    name(dw, &mut attrs, n);
                }
                match size {
                    Some(s) => attrs.push((gimli::DW_AT_byte_size, AttributeValue::Udata(*s))),
                    None => attrs.push((gimli::DW_AT_declaration, AttributeValue::FlagPresent)),
                }
                for m in members {
                    let mut ma = Vec::new();
                    if let Some(n) = &m.name {
                        name(dw, &mut ma, n);
                    }
                    target(&mut ma, m.ty);
                    match m.bits {
                        Some((off, width)) => {
                            ma.push((gimli::DW_AT_bit_size, AttributeValue::Udata(width as u64)));
                            ma.push((gimli::DW_AT_data_bit_offset, AttributeValue::Udata(off)));
                        }
                        None => ma.push((gimli::DW_AT_data_member_location, AttributeValue::Udata(m.offset))),
                    }
                    children.push((gimli::DW_TAG_member, ma));
                }
            }
            D::Enum { name: n, base, values } => {
                if let Some(n) = n {
                    name(dw, &mut attrs, n);
                }
                attrs.push((gimli::DW_AT_byte_size, AttributeValue::Udata(size_of(*base))));
                target(&mut attrs, *base);
                for (vn, v) in values {
                    let mut va = Vec::new();
                    name(dw, &mut va, vn);
                    let v = match i64::try_from(*v) {
                        Ok(v) => AttributeValue::Sdata(v),
                        Err(_) => AttributeValue::Udata(*v as u64),
                    };
                    va.push((gimli::DW_AT_const_value, v));
                    children.push((gimli::DW_TAG_enumerator, va));
                }
            }
            D::Func { ret, params, variadic, prototyped } => {
                attrs.push((gimli::DW_AT_prototyped, AttributeValue::Flag(*prototyped)));
                target(&mut attrs, *ret);
                for p in params {
                    let mut pa = Vec::new();
                    target(&mut pa, *p);
                    children.push((gimli::DW_TAG_formal_parameter, pa));
                }
                if *variadic {
                    children.push((gimli::DW_TAG_unspecified_parameters, Vec::new()));
                }
            }
        }
        let e = dw.unit.get_mut(id);
        for (a, v) in attrs {
            e.set(a, v);
        }
        for (tag, ca) in children {
            let c = dw.unit.add(id, tag);
            let e = dw.unit.get_mut(c);
            for (a, v) in ca {
                e.set(a, v);
            }
        }
    }
    ids
}

/// A local without a C type (KIR from elsewhere than cfront, or built
/// without `-g`) is described by its size: a signed integer of 1/2/4/8
/// bytes or a byte array.
fn sized_type(dw: &mut DwarfUnit, root: UnitEntryId, size: u64) -> UnitEntryId {
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
