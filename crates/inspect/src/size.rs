//! `size`: section sizes in GNU size's Berkeley (text, data, bss) and
//! System V (every section with its size and address) formats, with
//! `(ex archive)` member names and `(TOTALS)`.

use crate::Error;
use crate::elf::{Elf, SHF_WRITE};
use std::fmt::Write;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Berkeley,
    SysV,
}

/// Decimal, octal or hexadecimal numbers (`-d`, `-o`, `-x`).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Radix {
    #[default]
    Decimal,
    Octal,
    Hex,
}

/// Berkeley sums of one object.
#[derive(Clone, Copy, Default)]
pub struct Sums {
    pub text: u64,
    pub data: u64,
    pub bss: u64,
}

/// Berkeley classification as GNU size does it: allocated sections only;
/// code or read-only is text, other sections with contents are data, the
/// rest bss.
pub fn berkeley(elf: &Elf) -> Sums {
    let mut sums = Sums::default();
    for s in elf.bfd_sections() {
        if !s.is_alloc() {
            continue;
        }
        if s.is_exec() || s.flags & SHF_WRITE == 0 {
            sums.text += s.size;
        } else if s.has_contents() {
            sums.data += s.size;
        } else {
            sums.bss += s.size;
        }
    }
    sums
}

/// The heading; with `-o` the total column is octal and says so.
pub fn berkeley_header(radix: Radix) -> &'static str {
    if radix == Radix::Octal {
        "   text\t   data\t    bss\t    oct\t    hex\tfilename\n"
    } else {
        "   text\t   data\t    bss\t    dec\t    hex\tfilename\n"
    }
}

fn num(radix: Radix, v: u64) -> String {
    match radix {
        Radix::Decimal => format!("{v:7}"),
        Radix::Octal => format!("{:>7}", format!("0{v:o}")),
        Radix::Hex => format!("{:>7}", format!("0x{v:x}")),
    }
}

/// One Berkeley line; `name` is the file or `member (ex archive)`.
pub fn berkeley_line(s: &Sums, radix: Radix, name: &str) -> String {
    let total = s.text.wrapping_add(s.data).wrapping_add(s.bss);
    let total_text = if radix == Radix::Octal { format!("{total:7o}") } else { format!("{total:7}") };
    format!("{}\t{}\t{}\t{total_text}\t{total:7x}\t{name}\n", num(radix, s.text), num(radix, s.data), num(radix, s.bss))
}

/// The System V listing of one object; `archive` names the archive a
/// member came from.
pub fn sysv(elf: &Elf, archive: Option<&str>, radix: Radix) -> String {
    let fmt_num = |v: u64| match radix {
        Radix::Decimal => format!("{v}"),
        Radix::Octal => format!("0{v:o}"),
        Radix::Hex => format!("0x{v:x}"),
    };
    let secs = elf.bfd_sections();
    let rows: Vec<(String, String, String)> = secs.iter().map(|s| (s.name.clone(), fmt_num(s.size), fmt_num(s.addr))).collect();
    let total: u64 = secs.iter().fold(0u64, |a, s| a.wrapping_add(s.size));
    let total = fmt_num(total);
    let namelen = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max("section".len());
    let sizelen = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max("size".len());
    let addrlen = rows.iter().map(|r| r.2.len()).max().unwrap_or(0).max("addr".len());
    let mut out = format!("{}  ", elf.name);
    if let Some(a) = archive {
        let _ = write!(out, " (ex {a})");
    }
    let _ = writeln!(out, ":\n{:<namelen$}   {:>sizelen$}   {:>addrlen$}", "section", "size", "addr");
    for (n, s, a) in &rows {
        let _ = writeln!(out, "{n:<namelen$}   {s:>sizelen$}   {a:>addrlen$}");
    }
    let _ = write!(out, "{:<namelen$}   {total:>sizelen$}\n\n\n", "Total");
    out
}

/// Parses `data` as one object for size (archives are the caller's loop).
pub fn parse<'a>(name: &str, data: &'a [u8]) -> Result<Elf<'a>, Error> {
    Elf::parse(name, data)
}
