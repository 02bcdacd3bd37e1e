//! `objdump`: the listings GNU objdump makes of ELF x86-64 objects,
//! executables, shared libraries and archives. [`dump`] prints one file
//! (each member of an archive) in objdump's order: file header, `-f`,
//! `-p`, `-h`, `-t`, DWARF, `-r`, `-s`, `-d`.

mod disasm;
mod dwarf;
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
    pub relocs: bool,
    pub contents: bool,
    pub disassemble: bool,
    pub dwarf_info: bool,
    pub dwarf_line: bool,
    /// `-x`: everything in the headers, with the file name repeated.
    pub all_headers: bool,
    /// `-j`: only these sections.
    pub sections: Vec<String>,
    pub disasm: DisasmOptions,
}

/// The listing of one file; errors in one archive member become a
/// message in `warnings` and the other members are still listed.
pub fn dump(name: &str, data: &[u8], o: &Options, warnings: &mut Vec<Error>) -> Result<String, Error> {
    if !is_archive(data) {
        return dump_elf(name, name, data, o);
    }
    let mut out = format!("In archive {name}:\n");
    for m in archive_members(name, data)? {
        match dump_elf(&format!("{name}({})", m.name), &m.name, &m.data, o) {
            Ok(s) => out.push_str(&s),
            Err(e) => warnings.push(e),
        }
    }
    Ok(out)
}

fn dump_elf(name: &str, shown: &str, data: &[u8], o: &Options) -> Result<String, Error> {
    let elf = Elf::parse(name, data)?;
    let mut out = format!("\n{shown}:     file format elf64-x86-64\n");
    if o.all_headers {
        out.push_str(shown);
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
        headers::section_headers(&elf, &o.sections, &mut out);
    }
    if o.symbols {
        symbols::symbol_table(&elf, &mut out)?;
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
