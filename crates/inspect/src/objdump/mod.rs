//! `objdump`: the listings GNU objdump makes of ELF x86-64 objects,
//! executables, shared libraries and archives. [`dump`] prints one file
//! (each member of an archive) in objdump's order: file header, `-f`,
//! `-p`, `-h`, `-t`, DWARF, `-r`, `-s`, `-d`.

mod disasm;
mod dwarf;
mod dynamic;
mod headers;
mod plt;
mod quirks;
mod symbols;

pub use disasm::Options as DisasmOptions;

use crate::elf::Elf;
use crate::{Error, archive_members, is_archive};

/// What to show, from the command line.
#[derive(Default, Clone)]
pub struct Options {
    pub file_header: bool,
    pub private_headers: bool,
    pub section_headers: bool,
    pub symbols: bool,
    /// `-T`, `-R`: the dynamic symbol table and relocations.
    pub dynamic_symbols: bool,
    pub dynamic_relocs: bool,
    pub relocs: bool,
    pub contents: bool,
    pub disassemble: bool,
    pub dwarf_info: bool,
    pub dwarf_line: bool,
    /// `-x`: everything in the headers.
    pub all_headers: bool,
    /// `-a` (and `-x`): a line for the file, `ar tv`'s for archive members.
    pub archive_headers: bool,
    /// `-j`: only these sections.
    pub sections: Vec<String>,
    pub disasm: DisasmOptions,
}

/// The listing of one file; errors in one archive member become a
/// message in `warnings` and the other members are still listed.
pub fn dump(name: &str, data: &[u8], o: &Options, warnings: &mut Vec<Error>) -> Result<String, Error> {
    if !is_archive(data) {
        return dump_elf(name, name, name, data, o, warnings);
    }
    let mut out = format!("In archive {name}:\n");
    for m in archive_members(name, data)? {
        let header = member_line(&m);
        match dump_elf(&format!("{name}({})", m.name), &m.name, &header, &m.data, o, warnings) {
            Ok(s) => out.push_str(&s),
            Err(e) => warnings.push(e),
        }
    }
    Ok(out)
}

/// An archive member's header as `ar tv` shows it.
fn member_line(m: &obj::archive::Member) -> String {
    let mut mode = String::new();
    for shift in [6, 3, 0] {
        let bits = (m.mode >> shift) & 7;
        mode.push(if bits & 4 != 0 { 'r' } else { '-' });
        mode.push(if bits & 2 != 0 { 'w' } else { '-' });
        mode.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    format!("{mode} {}/{} {:6} {} {}", m.uid, m.gid, m.data.len(), date(m.mtime), m.name)
}

/// `Jan  1 00:00 1970`: a UTC time as `%b %e %H:%M %Y`.
fn date(secs: u64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = (secs / 86400) as i64;
    let (hh, mm) = (secs % 86400 / 3600, secs % 3600 / 60);
    // Days since the epoch to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{} {day:2} {hh:02}:{mm:02} {year}", MONTHS[(month - 1) as usize])
}

fn dump_elf(name: &str, shown: &str, header: &str, data: &[u8], o: &Options, warnings: &mut Vec<Error>) -> Result<String, Error> {
    let elf = Elf::parse(name, data)?;
    let mut out = format!("\n{shown}:     file format elf64-x86-64\n");
    if o.archive_headers {
        out.push_str(header);
        out.push('\n');
    }
    if o.file_header {
        headers::file_header(&elf, &mut out);
    }
    out.push('\n');
    if o.private_headers {
        headers::private_headers(&elf, &mut out)?;
    }
    if o.section_headers {
        headers::section_headers(&elf, &o.sections, o.disasm.wide, &mut out);
    }
    if o.symbols {
        symbols::symbol_table(&elf, &mut out)?;
    }
    if o.dynamic_symbols {
        dynamic::symbol_table(&elf, &mut out, warnings)?;
    }
    if o.dwarf_info {
        dwarf::info(&elf, &mut out)?;
    }
    if o.dwarf_line {
        dwarf::lines(&elf, &mut out)?;
    }
    if o.relocs && !o.disassemble {
        symbols::relocations(&elf, &o.sections, &mut out)?;
    }
    if o.dynamic_relocs && !o.disassemble {
        dynamic::relocations(&elf, &mut out, warnings)?;
    }
    if o.contents {
        headers::contents(&elf, &o.sections, o.disasm.start, o.disasm.stop, &mut out)?;
    }
    if o.disassemble {
        let map = symbols::SymbolMap::new(&elf)?;
        let mut d = o.disasm.clone();
        d.relocs = o.relocs;
        disasm::disassemble(&elf, &map, &d, &o.sections, &mut out)?;
    }
    Ok(out)
}
