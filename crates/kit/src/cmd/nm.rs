//! `kit nm`: list the symbols of ELF objects, archives, executables and
//! shared libraries in GNU nm's BSD format, with its selection and sort
//! options.

use obj::symtab::{self, ElfSymbol, Place};
use std::cmp::Ordering;

const USAGE: &str = "usage: kit nm [options] [file...]   (default file: a.out)
  -a, --debug-syms       include section and file symbols
  -A, -o, --print-file-name  prefix each line with its file name
  -C, --demangle         accepted (C names need no demangling)
  -D, --dynamic          the dynamic symbol table
  -g, --extern-only      external symbols only
  -u, --undefined-only   undefined symbols only
  -U, --defined-only     defined symbols only
  -n, -v, --numeric-sort sort by address
  -p, --no-sort          symbol-table order
  -r, --reverse-sort     reverse the sort
  -S, --print-size       print sizes of defined symbols
      --size-sort        sort by size";

#[derive(Default, Clone, Copy, PartialEq)]
enum Sort {
    #[default]
    Name,
    Numeric,
    Size,
    None,
}

#[derive(Default)]
struct Opts {
    debug_syms: bool,
    file_prefix: bool,
    dynamic: bool,
    extern_only: bool,
    undefined_only: bool,
    defined_only: bool,
    sort: Sort,
    reverse: bool,
    print_size: bool,
}

fn parse(argv: &[String]) -> Result<(Opts, Vec<String>), String> {
    let mut o = Opts::default();
    let mut files = Vec::new();
    let mut size_sort = false;
    let mut no_sort = false;
    let mut numeric = false;
    let mut only_files = false;
    for a in argv {
        if only_files || a == "-" || !a.starts_with('-') {
            files.push(a.clone());
            continue;
        }
        match a.as_str() {
            "--" => only_files = true,
            "--debug-syms" => o.debug_syms = true,
            "--print-file-name" => o.file_prefix = true,
            "--demangle" | "--no-demangle" => {}
            "--dynamic" => o.dynamic = true,
            "--extern-only" => o.extern_only = true,
            "--undefined-only" => o.undefined_only = true,
            "--defined-only" => o.defined_only = true,
            "--numeric-sort" => numeric = true,
            "--no-sort" => no_sort = true,
            "--reverse-sort" => o.reverse = true,
            "--print-size" => o.print_size = true,
            "--size-sort" => size_sort = true,
            "--format=bsd" | "--format=b" => {}
            s if s.starts_with("--demangle=") => {}
            s if s.starts_with("--") => return Err(format!("unrecognized option '{s}'")),
            s => {
                for c in s[1..].chars() {
                    match c {
                        'a' => o.debug_syms = true,
                        'A' | 'o' => o.file_prefix = true,
                        'C' => {}
                        'D' => o.dynamic = true,
                        'g' => o.extern_only = true,
                        'u' => o.undefined_only = true,
                        'U' => o.defined_only = true,
                        'n' | 'v' => numeric = true,
                        'p' => no_sort = true,
                        'r' => o.reverse = true,
                        'S' => o.print_size = true,
                        'B' => {}
                        _ => return Err(format!("invalid option -- '{c}'")),
                    }
                }
            }
        }
    }
    // GNU nm's precedence: no sort, then size, then numeric, then by name.
    o.sort = if no_sort {
        Sort::None
    } else if size_sort {
        Sort::Size
    } else if numeric {
        Sort::Numeric
    } else {
        Sort::Name
    };
    if files.is_empty() {
        files.push("a.out".to_string());
    }
    Ok((o, files))
}

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return 0;
    }
    let (opts, files) = match parse(argv) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("kit nm: {e}\n{USAGE}");
            return 1;
        }
    };
    let mut out = host::io::Writer::stdout();
    let per_file = files.len() > 1;
    let mut code = 0;
    for f in &files {
        if let Err(e) = show_file(&opts, f, per_file, &mut out) {
            out.flush();
            eprintln!("kit nm: {e}");
            code = 1;
        }
    }
    if let Err(e) = out.finish() {
        eprintln!("kit nm: standard output: {e}");
        return 1;
    }
    code
}

fn show_file(o: &Opts, path: &str, per_file: bool, out: &mut host::io::Writer) -> Result<(), String> {
    if host::fs::is_dir(path) {
        return Err(format!("Warning: '{path}' is a directory"));
    }
    let bytes = host::fs::read(path).map_err(|_| format!("'{path}': No such file"))?;
    if bytes.starts_with(b"!<arch>\n") {
        let members = obj::archive::read_members(path, &bytes)?;
        if per_file {
            write!(out, "\n{path}:\n");
        }
        for m in members {
            let header = if o.file_prefix { String::new() } else { format!("\n{}:\n", m.name) };
            let prefix = format!("{path}:{}:", m.name);
            if let Err(e) = show_elf(o, &m.name, &m.data, &header, &prefix, out) {
                // A bad member does not stop the listing, as with GNU nm.
                out.flush();
                eprintln!("kit nm: {e}");
            }
        }
        return Ok(());
    }
    let header = if per_file && !o.file_prefix { format!("\n{path}:\n") } else { String::new() };
    show_elf(o, path, &bytes, &header, &format!("{path}:"), out)
}

/// Lists one ELF file's symbols: `header` comes first once the file is
/// known to be ELF, `prefix` starts each line under `-A`.
fn show_elf(o: &Opts, name: &str, bytes: &[u8], header: &str, prefix: &str, out: &mut host::io::Writer) -> Result<(), String> {
    symtab::elf_type(name, bytes)?;
    out.write_str(header);
    let syms = symtab::read_symbols(name, bytes, o.dynamic)?.unwrap_or_default();
    if syms.is_empty() {
        out.flush();
        eprintln!("kit nm: {name}: no symbols");
        return Ok(());
    }
    let mut syms: Vec<ElfSymbol> = syms.into_iter().filter(|s| keep(o, s)).collect();
    sort(o, &mut syms);
    for s in &syms {
        if o.file_prefix {
            out.write_str(prefix);
        }
        let class = s.class();
        if matches!(class, 'U' | 'w' | 'v') {
            out.write_str("                ");
        } else {
            let shown = if o.sort == Sort::Size && !o.print_size { s.size } else { s.value };
            write!(out, "{shown:016x}");
            if o.print_size && s.size != 0 {
                write!(out, " {:016x}", s.size);
            }
        }
        writeln!(out, " {class} {}{}", s.name, s.version);
    }
    Ok(())
}

/// GNU nm's symbol filter: one of -u / -g, then the debugging, size-sort
/// and defined-only exclusions.
fn keep(o: &Opts, s: &ElfSymbol) -> bool {
    let keep = if o.undefined_only {
        s.is_undefined()
    } else if o.extern_only {
        s.is_external() || s.is_undefined()
    } else {
        true
    };
    keep && (o.debug_syms || !s.is_debugging())
        && !(o.sort == Sort::Size && matches!(s.place, Place::Absolute | Place::Undefined))
        && !(o.defined_only && s.is_undefined())
}

/// Byte order of names: strcoll in the C locale.
fn by_name(a: &ElfSymbol, b: &ElfSymbol) -> Ordering {
    a.name.as_bytes().cmp(b.name.as_bytes())
}

/// Undefined symbols first, then by address, then by name.
fn by_value(a: &ElfSymbol, b: &ElfSymbol) -> Ordering {
    match (a.is_undefined(), b.is_undefined()) {
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (true, true) => Ordering::Equal,
        (false, false) => a.value.cmp(&b.value),
    }
    .then_with(|| by_name(a, b))
}

/// Address, then section address, then file-like names first, then name.
fn by_address(a: &ElfSymbol, b: &ElfSymbol) -> Ordering {
    let compiler_marker = |s: &ElfSymbol| s.name.contains("gnu_compiled") || s.name.contains("gcc2_compiled");
    let file_like = |s: &ElfSymbol| s.is_file() || s.name.len() > 2 && (s.name.ends_with(".o") || s.name.ends_with(".a"));
    a.value
        .cmp(&b.value)
        .then(a.section_addr.cmp(&b.section_addr))
        .then(compiler_marker(b).cmp(&compiler_marker(a)))
        .then(file_like(b).cmp(&file_like(a)))
        .then_with(|| by_name(a, b))
}

/// GNU nm sorts with a stable merge sort, so equal keys keep table order
/// even when the order is reversed.
fn sort(o: &Opts, syms: &mut Vec<ElfSymbol>) {
    let cmp: fn(&ElfSymbol, &ElfSymbol) -> Ordering = match o.sort {
        Sort::None => return,
        Sort::Name => by_name,
        Sort::Numeric => by_value,
        Sort::Size => {
            // GNU nm first orders by address (to compute sizes for formats
            // without them), which decides the order of equal sizes and names.
            syms.sort_by(by_address);
            syms.retain(|s| s.size != 0);
            |a, b| a.size.cmp(&b.size).then_with(|| by_name(a, b))
        }
    };
    if o.reverse {
        syms.sort_by(|a, b| cmp(b, a));
    } else {
        syms.sort_by(cmp);
    }
}
