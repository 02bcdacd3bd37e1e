//! `objdump --dwarf=info` and `--dwarf=line` in outline: the units and
//! entries of `.debug_info` with their attributes, and the decoded line
//! table, laid out like GNU objdump's dumps but not byte-identical (values
//! are shown decoded by gimli rather than with every encoding detail).

use crate::Error;
use crate::dwarf::{DebugData, attr_text, line_rows};
use crate::elf::Elf;
use std::fmt::Write;

/// `--dwarf=info`.
pub fn info(elf: &Elf, out: &mut String) -> Result<(), Error> {
    let data = DebugData::new(elf)?;
    let dwarf = data.dwarf();
    let err = |e: gimli::Error| Error::new(&elf.name, format!("malformed DWARF: {e}"));
    out.push_str("Contents of the .debug_info section:\n\n");
    let mut units = dwarf.units();
    while let Some(header) = units.next().map_err(err)? {
        let offset = header.offset().0;
        let _ = writeln!(out, "  Compilation Unit @ offset 0x{offset:x}:");
        let _ = writeln!(out, "   Length:        0x{:x} (32-bit)", header.unit_length());
        let _ = writeln!(out, "   Version:       {}", header.version());
        let _ = writeln!(out, "   Abbrev Offset: 0x{:x}", header.debug_abbrev_offset().0);
        let _ = writeln!(out, "   Pointer Size:  {}", header.address_size());
        let unit = dwarf.unit(header).map_err(err)?;
        let mut entries = unit.entries();
        while let Some(entry) = entries.next_dfs().map_err(err)? {
            let off = entry.offset().to_debug_info_offset(&unit.header).map_or(0, |o| o.0);
            let _ = writeln!(out, " <{}><{off:x}>: ({})", entry.depth(), entry.tag());
            for attr in entry.attrs() {
                let value = match attr.value() {
                    v @ (gimli::AttributeValue::DebugStrRef(_)
                    | gimli::AttributeValue::DebugLineStrRef(_)
                    | gimli::AttributeValue::String(_)
                    | gimli::AttributeValue::DebugStrOffsetsIndex(_)) => attr_text(&dwarf, &unit, v),
                    gimli::AttributeValue::Addr(a) => format!("0x{a:x}"),
                    gimli::AttributeValue::Udata(u) => format!("{u}"),
                    gimli::AttributeValue::Data1(u) => format!("{u}"),
                    gimli::AttributeValue::Data2(u) => format!("{u}"),
                    gimli::AttributeValue::Data4(u) => format!("0x{u:x}"),
                    gimli::AttributeValue::Data8(u) => format!("0x{u:x}"),
                    gimli::AttributeValue::Sdata(s) => format!("{s}"),
                    gimli::AttributeValue::UnitRef(r) => format!("<0x{:x}>", r.to_debug_info_offset(&unit.header).map_or(0, |o| o.0)),
                    gimli::AttributeValue::Flag(f) => format!("{}", u8::from(f)),
                    gimli::AttributeValue::FileIndex(f) => format!("{f}"),
                    gimli::AttributeValue::Language(l) => l.to_string(),
                    gimli::AttributeValue::Encoding(e) => e.to_string(),
                    gimli::AttributeValue::Inline(i) => i.to_string(),
                    gimli::AttributeValue::DebugLineRef(o) => format!("0x{:x}", o.0),
                    gimli::AttributeValue::RangeListsRef(o) => format!("0x{:x}", o.0),
                    gimli::AttributeValue::LocationListsRef(o) => format!("0x{:x}", o.0),
                    gimli::AttributeValue::SecOffset(o) => format!("0x{o:x}"),
                    gimli::AttributeValue::Exprloc(e) => {
                        let bytes: Vec<String> = e.0.slice().iter().map(|b| format!("{b:x}")).collect();
                        format!("{} byte block: {}", bytes.len(), bytes.join(" "))
                    }
                    v => format!("{v:?}"),
                };
                let _ = writeln!(out, "    {:<18}: {value}", attr.name().to_string());
            }
        }
        out.push('\n');
    }
    Ok(())
}

/// `--dwarf=line` (decoded): file, line and address of each row.
pub fn lines(elf: &Elf, out: &mut String) -> Result<(), Error> {
    let data = DebugData::new(elf)?;
    let dwarf = data.dwarf();
    out.push_str("Contents of the .debug_line section:\n\n");
    out.push_str("File name                            Line number    Starting address    View    Stmt\n");
    for r in line_rows(&elf.name, &dwarf)? {
        let name = r.file.rsplit('/').next().unwrap_or(&r.file);
        if r.end_sequence {
            let _ = writeln!(out, "{name:<35} {:>11} {:>#18x}\n", "-", r.addr);
        } else {
            let _ = writeln!(out, "{name:<35} {:>11} {:>#18x}               x", r.line, r.addr);
        }
    }
    out.push('\n');
    Ok(())
}
