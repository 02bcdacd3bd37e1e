//! `kit strings`: printable runs in files (or standard input), as GNU
//! strings prints them with its default `-a`. Argument parsing and I/O
//! only; `inspect::strings` finds the runs.

use inspect::strings::{Options, Radix};

const USAGE: &str = "usage: kit strings [-a] [-f] [-n N | -N] [-t o|d|x | -o] [-e s] [file...]";

fn radix(s: &str) -> Result<Radix, String> {
    match s {
        "o" => Ok(Radix::Octal),
        "d" => Ok(Radix::Decimal),
        "x" => Ok(Radix::Hex),
        _ => Err(format!("invalid radix '{s}'")),
    }
}

fn min_len(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("invalid minimum string length {s}")),
    }
}

fn parse(argv: &[String]) -> Result<(Options, bool, Vec<String>), String> {
    let mut o = Options { min_len: 4, radix: None, file_prefix: None };
    let mut prefix = false;
    let mut files = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        let mut next = || {
            i += 1;
            argv.get(i - 1).cloned().ok_or_else(|| format!("option '{a}' requires an argument"))
        };
        match a {
            "-a" | "--all" | "-" => {}
            "-f" | "--print-file-name" => prefix = true,
            "-o" => o.radix = Some(Radix::Octal),
            "-n" | "--bytes" => o.min_len = min_len(&next()?)?,
            "-t" | "--radix" => o.radix = Some(radix(&next()?)?),
            "-e" | "--encoding" => {
                let e = next()?;
                if e != "s" {
                    return Err(format!("encoding '{e}' is not supported (only s)"));
                }
            }
            s if s.starts_with("--bytes=") => o.min_len = min_len(&s[8..])?,
            s if s.starts_with("--radix=") => o.radix = Some(radix(&s[8..])?),
            "--encoding=s" => {}
            s if s.starts_with("-n") => o.min_len = min_len(&s[2..])?,
            s if s.starts_with("-t") => o.radix = Some(radix(&s[2..])?),
            s if s.starts_with("-e") && &s[2..] == "s" => {}
            s if s.starts_with('-') && s.len() > 1 && s[1..].bytes().all(|b| b.is_ascii_digit()) => o.min_len = min_len(&s[1..])?,
            s if s.starts_with('-') => return Err(format!("unsupported option '{s}'")),
            s => files.push(s.to_string()),
        }
    }
    Ok((o, prefix, files))
}

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return 0;
    }
    let (mut opts, prefix, files) = match parse(argv) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("kit strings: {e}\n{USAGE}");
            return 1;
        }
    };
    let mut out = host::io::Writer::stdout();
    let mut code = 0;
    if files.is_empty() {
        match host::io::read_stdin() {
            Ok(b) => {
                opts.file_prefix = prefix.then(|| "{standard input}".to_string());
                out.write_str(&inspect::strings::strings(&b, &opts));
            }
            Err(e) => {
                eprintln!("kit strings: standard input: {e}");
                code = 1;
            }
        }
    }
    for f in &files {
        match super::input::read_input(f) {
            Ok(b) => {
                opts.file_prefix = prefix.then(|| f.clone());
                out.write_str(&inspect::strings::strings(&b, &opts));
            }
            Err(e) => {
                out.flush();
                eprintln!("kit strings: {e}");
                code = 1;
            }
        }
    }
    if let Err(e) = out.finish() {
        eprintln!("kit strings: standard output: {e}");
        return 1;
    }
    code
}
