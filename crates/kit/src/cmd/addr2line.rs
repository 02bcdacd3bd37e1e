//! `kit addr2line`: addresses (from argv, else standard input) to
//! `file:line` and function names through an executable's DWARF, as GNU
//! addr2line prints them. Argument parsing and I/O only; the lookups are
//! `inspect::addr2line`'s.

use inspect::addr2line::{Index, Options, parse_address};

const USAGE: &str = "usage: kit addr2line [-a] [-C] [-e file] [-f] [-i] [-p] [-s] [address...]
  -e, --exe=FILE      the executable (default a.out)
  -f, --functions     print function names
  -i, --inlines       print the callers of inlined functions
  -a, --addresses     print each address first
  -p, --pretty-print  one line per address
  -s, --basenames     strip directories from file names
  -C, --demangle      accepted (C names need no demangling)";

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h" || a == "-H") {
        eprintln!("{USAGE}");
        return 0;
    }
    let mut o = Options::default();
    let mut exe = "a.out".to_string();
    let mut addrs = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        match a {
            "-e" | "--exe" => match argv.get(i) {
                Some(f) => {
                    exe = f.clone();
                    i += 1;
                }
                None => {
                    eprintln!("kit addr2line: option '{a}' requires an argument");
                    return 1;
                }
            },
            s if s.starts_with("--exe=") => exe = s[6..].to_string(),
            "--functions" => o.functions = true,
            "--inlines" => o.inlines = true,
            "--addresses" => o.addresses = true,
            "--pretty-print" => o.pretty = true,
            "--basenames" => o.basenames = true,
            "--demangle" => {}
            s if s.starts_with("--demangle=") => {}
            s if s.starts_with("-e") && s.len() > 2 => exe = s[2..].to_string(),
            s if s.starts_with('-') && s.len() > 1 => {
                for c in s[1..].chars() {
                    match c {
                        'f' => o.functions = true,
                        'i' => o.inlines = true,
                        'a' => o.addresses = true,
                        'p' => o.pretty = true,
                        's' => o.basenames = true,
                        'C' => {}
                        _ => {
                            eprintln!("kit addr2line: invalid option -- '{c}'\n{USAGE}");
                            return 1;
                        }
                    }
                }
            }
            s => addrs.push(s.to_string()),
        }
    }
    let bytes = match super::input::read_input(&exe) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("kit addr2line: {e}");
            return 1;
        }
    };
    let index = match inspect::elf::Elf::parse(&exe, &bytes).and_then(|elf| Index::new(&elf)) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("kit addr2line: {e}");
            return 1;
        }
    };
    if addrs.is_empty() {
        match host::io::read_stdin() {
            Ok(b) => addrs = String::from_utf8_lossy(&b).split_whitespace().map(str::to_string).collect(),
            Err(e) => {
                eprintln!("kit addr2line: standard input: {e}");
                return 1;
            }
        }
    }
    let mut out = host::io::Writer::stdout();
    for a in &addrs {
        // GNU addr2line reads what it cannot parse as address 0.
        let addr = parse_address(a).unwrap_or(0);
        out.write_str(&index.lookup(addr, &o));
    }
    if let Err(e) = out.finish() {
        eprintln!("kit addr2line: standard output: {e}");
        return 1;
    }
    0
}
