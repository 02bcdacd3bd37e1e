//! `kit objdump`: GNU objdump's listings (`-d -r -t -h -s -x -f`,
//! `--dwarf=info,line`) of ELF x86-64 files and archives. Argument parsing
//! and I/O only; `inspect::objdump` makes the text.

use inspect::objdump::Options;

const USAGE: &str = "usage: kit objdump <option(s)> <file(s)>
  -a, --archive-headers    accepted (archive members are listed in turn)
  -f, --file-headers       the file header
  -p, --private-headers    program headers and the dynamic section
  -h, --section-headers    section headers
  -x, --all-headers        -f -p -h -r -t
  -d, --disassemble        disassemble code sections
  -D, --disassemble-all    disassemble every allocated section
  -z, --disassemble-zeroes do not skip runs of zero bytes
  -r, --reloc              relocations (between instructions with -d)
  -t, --syms               the symbol table
  -T, --dynamic-syms       the dynamic symbol table
  -R, --dynamic-reloc      the dynamic relocations
  -s, --full-contents      section contents in hex
  -j, --section=NAME       only section NAME (repeatable)
  -M intel|att             disassembly syntax
      --dwarf=info,line    DWARF debugging entries and line table (outline)
      --start-address=ADDR, --stop-address=ADDR  limit -d and -s
  -w, --wide               one line per instruction or section
  -C, --demangle           accepted (C names need no demangling)";

fn number(s: &str) -> Result<u64, String> {
    let r = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        u64::from_str_radix(h, 16)
    } else if s.len() > 1 && s.starts_with('0') {
        u64::from_str_radix(&s[1..], 8)
    } else {
        s.parse()
    };
    r.map_err(|_| format!("bad address '{s}'"))
}

fn set_dwarf(o: &mut Options, what: &str) -> Result<(), String> {
    for w in what.split(',') {
        match w {
            "info" | "i" => o.dwarf_info = true,
            "line" | "rawline" | "decodedline" | "l" | "L" => o.dwarf_line = true,
            _ => return Err(format!("--dwarf={w} is not supported (only info and line)")),
        }
    }
    Ok(())
}

fn set_m(o: &mut Options, m: &str) -> Result<(), String> {
    for w in m.split(',') {
        match w {
            "intel" | "intel-mnemonic" => o.disasm.intel = true,
            "att" | "att-mnemonic" | "x86-64" => o.disasm.intel = false,
            _ => return Err(format!("-M {w} is not supported")),
        }
    }
    Ok(())
}

fn parse(argv: &[String]) -> Result<(Options, Vec<String>), String> {
    let mut o = Options::default();
    let mut files = Vec::new();
    let mut any = false;
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        let mut value = |name: &str| -> Result<String, String> {
            i += 1;
            argv.get(i - 1).cloned().ok_or_else(|| format!("option '{name}' requires an argument"))
        };
        if let Some(v) = a.strip_prefix("--section=") {
            o.sections.push(v.to_string());
            continue;
        }
        if let Some(v) = a.strip_prefix("--start-address=") {
            o.disasm.start = Some(number(v)?);
            continue;
        }
        if let Some(v) = a.strip_prefix("--stop-address=") {
            o.disasm.stop = Some(number(v)?);
            continue;
        }
        if let Some(v) = a.strip_prefix("--dwarf=") {
            set_dwarf(&mut o, v)?;
            any = true;
            continue;
        }
        if let Some(v) = a.strip_prefix("--disassembler-options=") {
            set_m(&mut o, v)?;
            continue;
        }
        match a {
            "--archive-headers" => o.archive_headers = true,
            "--wide" => o.disasm.wide = true,
            "--file-headers" => o.file_header = true,
            "--private-headers" => o.private_headers = true,
            "--section-headers" | "--headers" => o.section_headers = true,
            "--all-headers" => o.all_headers = true,
            "--disassemble" => o.disassemble = true,
            "--disassemble-all" => {
                o.disassemble = true;
                o.disasm.all = true
            }
            "--disassemble-zeroes" => o.disasm.zeroes = true,
            "--reloc" => o.relocs = true,
            "--syms" => o.symbols = true,
            "--dynamic-syms" => o.dynamic_symbols = true,
            "--dynamic-reloc" => o.dynamic_relocs = true,
            "--full-contents" => o.contents = true,
            "--section" => o.sections.push(value(a)?),
            "--dwarf" => {
                o.dwarf_info = true;
                o.dwarf_line = true
            }
            s if s.starts_with("--") => return Err(format!("unrecognized option '{s}'")),
            s if s.starts_with('-') && s.len() > 1 => {
                let flags: Vec<char> = s[1..].chars().collect();
                for (k, c) in flags.iter().enumerate() {
                    let rest: String = flags[k + 1..].iter().collect();
                    match c {
                        'a' => o.archive_headers = true,
                        'w' => o.disasm.wide = true,
                        // C has no mangled names to demangle.
                        'C' => {}
                        'f' => o.file_header = true,
                        'p' => o.private_headers = true,
                        'h' => o.section_headers = true,
                        'x' => o.all_headers = true,
                        'd' => o.disassemble = true,
                        'D' => {
                            o.disassemble = true;
                            o.disasm.all = true
                        }
                        'z' => o.disasm.zeroes = true,
                        'r' => o.relocs = true,
                        't' => o.symbols = true,
                        'T' => o.dynamic_symbols = true,
                        'R' => o.dynamic_relocs = true,
                        's' => o.contents = true,
                        'j' | 'M' => {
                            let v = if rest.is_empty() { value(&format!("-{c}"))? } else { rest };
                            if *c == 'j' {
                                o.sections.push(v);
                            } else {
                                set_m(&mut o, &v)?;
                            }
                            break;
                        }
                        'W' => {
                            if rest.is_empty() {
                                o.dwarf_info = true;
                                o.dwarf_line = true;
                            } else {
                                for f in rest.chars() {
                                    set_dwarf(&mut o, &f.to_string())?;
                                }
                            }
                            any = true;
                            break;
                        }
                        c => return Err(format!("invalid option -- '{c}'")),
                    }
                    any = true;
                }
            }
            s => files.push(s.to_string()),
        }
    }
    if o.all_headers {
        o.file_header = true;
        o.private_headers = true;
        o.section_headers = true;
        o.symbols = true;
        o.relocs = true;
        o.archive_headers = true;
    }
    let shows = o.archive_headers
        || o.file_header
        || o.private_headers
        || o.section_headers
        || o.symbols
        || o.relocs
        || o.contents
        || o.disassemble
        || o.dwarf_info
        || o.dwarf_line;
    if !shows && !any {
        return Err("no option given".into());
    }
    if files.is_empty() {
        files.push("a.out".into());
    }
    Ok((o, files))
}

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-H") {
        eprintln!("{USAGE}");
        return 0;
    }
    let (opts, files) = match parse(argv) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("kit objdump: {e}\n{USAGE}");
            return 1;
        }
    };
    let mut out = host::io::Writer::stdout();
    let mut code = 0;
    for f in &files {
        let bytes = match super::input::read_input(f) {
            Ok(b) => b,
            Err(e) => {
                out.flush();
                eprintln!("kit objdump: {e}");
                code = 1;
                continue;
            }
        };
        let mut warnings = Vec::new();
        match inspect::objdump::dump(f, &bytes, &opts, &mut warnings) {
            Ok(text) => out.write_str(&text),
            Err(e) => {
                out.flush();
                eprintln!("kit objdump: {e}");
                code = 1;
            }
        }
        for w in warnings {
            out.flush();
            eprintln!("kit objdump: {w}");
            code = 1;
        }
    }
    if let Err(e) = out.finish() {
        eprintln!("kit objdump: standard output: {e}");
        return 1;
    }
    code
}
