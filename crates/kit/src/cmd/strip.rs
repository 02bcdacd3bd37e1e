//! `kit strip`: GNU strip's `-s` (default), `-g`, `--strip-unneeded`,
//! `-R`, `-K`, `-N` and `-o` on objects, archives' members, executables
//! and shared libraries. Each output is written atomically, so an error
//! leaves the input as it was. The decisions are `inspect::strip`'s.

use inspect::strip::{Mode, Options};

const USAGE: &str = "usage: kit strip [options] file...
  -s, --strip-all          all symbols and debugging sections (default)
  -g, -S, -d, --strip-debug  debugging sections and symbols only
      --strip-unneeded     symbols not needed for relocations
  -x, --discard-all        local symbols
  -X, --discard-locals     compiler-generated local labels
  -R, --remove-section=NAME  remove section NAME
  -K, --keep-symbol=NAME   keep symbol NAME
  -N, --strip-symbol=NAME  remove symbol NAME
  -o FILE                  write to FILE (one input only)
  -p, -D, -U               accepted";

fn parse(argv: &[String]) -> Result<(Options, Option<String>, Vec<String>), String> {
    let mut o = Options::default();
    let mut out = None;
    let mut files = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        let mut value = || {
            i += 1;
            argv.get(i - 1).cloned().ok_or_else(|| format!("option '{a}' requires an argument"))
        };
        match a {
            "-s" | "--strip-all" => o.mode = Mode::All,
            "-g" | "-S" | "-d" | "--strip-debug" => o.mode = Mode::Debug,
            "--strip-unneeded" => o.mode = Mode::Unneeded,
            "-x" | "--discard-all" => o.mode = Mode::DiscardLocals,
            "-X" | "--discard-locals" => o.mode = Mode::DiscardLabels,
            "-p" | "--preserve-dates" | "-D" | "--enable-deterministic-archives" | "-U" => {}
            "-R" | "--remove-section" => o.remove_sections.push(value()?),
            "-K" | "--keep-symbol" => o.keep_symbols.push(value()?),
            "-N" | "--strip-symbol" => o.strip_symbols.push(value()?),
            "-o" => out = Some(value()?),
            s if s.starts_with("--remove-section=") => o.remove_sections.push(s[17..].to_string()),
            s if s.starts_with("--keep-symbol=") => o.keep_symbols.push(s[14..].to_string()),
            s if s.starts_with("--strip-symbol=") => o.strip_symbols.push(s[15..].to_string()),
            s if s.starts_with("-R") && s.len() > 2 => o.remove_sections.push(s[2..].to_string()),
            s if s.starts_with("-K") && s.len() > 2 => o.keep_symbols.push(s[2..].to_string()),
            s if s.starts_with("-N") && s.len() > 2 => o.strip_symbols.push(s[2..].to_string()),
            s if s.starts_with("-o") && s.len() > 2 => out = Some(s[2..].to_string()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("option '{s}' is not supported")),
            s => files.push(s.to_string()),
        }
    }
    if files.is_empty() {
        return Err("no input file".into());
    }
    if out.is_some() && files.len() > 1 {
        return Err("-o takes a single input file".into());
    }
    Ok((o, out, files))
}

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return 0;
    }
    let (opts, out, files) = match parse(argv) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("kit strip: {e}\n{USAGE}");
            return 1;
        }
    };
    let mut code = 0;
    for f in &files {
        let dest = out.clone().unwrap_or_else(|| f.clone());
        if let Err(e) = super::objcopy::transform(f, &dest, |elf| inspect::strip::strip(elf, &opts)) {
            eprintln!("kit strip: {e}");
            code = 1;
        }
    }
    code
}
