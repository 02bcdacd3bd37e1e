//! `kit size`: section sizes in GNU size's Berkeley (default) or System V
//! (`-A`) format, archives member by member, `-t` totals. Argument parsing
//! and I/O only; `inspect::size` makes the text.

use inspect::size::{self, Format, Radix, Sums};

const USAGE: &str = "usage: kit size [-A|-B] [-d|-o|-x] [-t] [file...]   (default file: a.out)
  -A, --format=sysv      System V format
  -B, --format=berkeley  Berkeley format (default)
  -d, -o, -x, --radix=10|8|16  number base
  -t, --totals           a total line (Berkeley)";

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return 0;
    }
    let mut format = Format::Berkeley;
    let mut radix = Radix::Decimal;
    let mut totals = false;
    let mut files = Vec::new();
    for a in argv {
        match a.as_str() {
            "-A" | "--format=sysv" | "--format=SysV" => format = Format::SysV,
            "-B" | "--format=berkeley" => format = Format::Berkeley,
            "-d" | "--radix=10" => radix = Radix::Decimal,
            "-o" | "--radix=8" => radix = Radix::Octal,
            "-x" | "--radix=16" => radix = Radix::Hex,
            "-t" | "--totals" => totals = true,
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("kit size: unrecognized option '{s}'\n{USAGE}");
                return 1;
            }
            s => files.push(s.to_string()),
        }
    }
    if files.is_empty() {
        files.push("a.out".into());
    }
    let mut out = host::io::Writer::stdout();
    let mut code = 0;
    let mut total = Sums::default();
    // GNU size prints the heading with the first line it prints.
    let mut heading = format == Format::Berkeley;
    let mut fail = |out: &mut host::io::Writer, e: &dyn std::fmt::Display| {
        out.flush();
        eprintln!("kit size: {e}");
        code = 1;
    };
    for f in &files {
        let bytes = match super::input::read_input(f) {
            Ok(b) => b,
            Err(e) => {
                fail(&mut out, &e);
                continue;
            }
        };
        // (display name, archive name, bytes) of each object in the file.
        let objects: Vec<(String, Option<&str>, Vec<u8>)> = if inspect::is_archive(&bytes) {
            match inspect::archive_members(f, &bytes) {
                Ok(ms) => ms.into_iter().map(|m| (m.name, Some(f.as_str()), m.data)).collect(),
                Err(e) => {
                    fail(&mut out, &e);
                    continue;
                }
            }
        } else {
            vec![(f.clone(), None, bytes)]
        };
        for (name, archive, data) in &objects {
            let elf = match size::parse(name, data) {
                Ok(e) => e,
                Err(_) => {
                    // Name the member as `archive(member)`, clearer than GNU's bare member.
                    let shown = archive.map_or(name.clone(), |a| format!("{a}({name})"));
                    fail(&mut out, &inspect::Error::format(&shown));
                    continue;
                }
            };
            match format {
                Format::Berkeley => {
                    let s = size::berkeley(&elf);
                    total.text += s.text;
                    total.data += s.data;
                    total.bss += s.bss;
                    let shown = match archive {
                        Some(a) => format!("{name} (ex {a})"),
                        None => name.clone(),
                    };
                    if std::mem::take(&mut heading) {
                        out.write_str(size::berkeley_header(radix));
                    }
                    out.write_str(&size::berkeley_line(&s, radix, &shown));
                }
                Format::SysV => out.write_str(&size::sysv(&elf, *archive, radix)),
            }
        }
    }
    if totals && format == Format::Berkeley && !heading {
        out.write_str(&size::berkeley_line(&total, radix, "(TOTALS)"));
    }
    if let Err(e) = out.finish() {
        eprintln!("kit size: standard output: {e}");
        return 1;
    }
    code
}
