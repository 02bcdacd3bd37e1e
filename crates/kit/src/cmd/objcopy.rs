//! `kit objcopy`: copy an ELF object, executable or archive with sections
//! selected, removed, added or stripped, or write `-O binary`. Options kit
//! cannot honour are errors, never ignored. Outputs are written atomically.
//! The work is `inspect::objcopy`'s.

use inspect::elf::{ET_DYN, ET_EXEC, Elf};
use inspect::objcopy::Options;
use inspect::strip::Mode;

const USAGE: &str = "usage: kit objcopy [options] in-file [out-file]
  -I, --input-target=elf64-x86-64   accepted
  -O, --output-target=elf64-x86-64|binary
  -j, --only-section=NAME   keep only section NAME (repeatable)
  -R, --remove-section=NAME remove section NAME
  -g, --strip-debug         remove debugging sections and symbols
  -S, --strip-all           remove all symbols and debugging sections
      --strip-unneeded      remove symbols relocations do not need
  -x, --discard-all / -X, --discard-locals  remove local symbols / .L labels
  -K, --keep-symbol=NAME / -N, --strip-symbol=NAME
      --add-section NAME=FILE  add a section with FILE's contents
      --only-keep-debug     keep only the debugging information
  -p, -D                    accepted";

/// Reads `input`, applies `f` to it (or to each member of an archive) and
/// writes the result to `output` atomically; linked files stay executable.
pub fn transform(input: &str, output: &str, f: impl Fn(&Elf) -> Result<Vec<u8>, inspect::Error>) -> Result<(), String> {
    let bytes = super::input::read_input(input)?;
    let (result, exec) = if inspect::is_archive(&bytes) {
        let mut members = inspect::archive_members(input, &bytes).map_err(|e| e.to_string())?;
        for m in &mut members {
            let name = format!("{input}({})", m.name);
            let elf = Elf::parse(&name, &m.data).map_err(|e| e.to_string())?;
            m.data = f(&elf).map_err(|e| e.to_string())?;
        }
        (obj::archive::write_members(&members, true)?, false)
    } else {
        let elf = Elf::parse(input, &bytes).map_err(|e| e.to_string())?;
        (f(&elf).map_err(|e| e.to_string())?, elf.kind == ET_EXEC || elf.kind == ET_DYN)
    };
    let written = if exec { host::fs::write_atomic_exec(output, &result) } else { host::fs::write_atomic(output, &result) };
    written.map_err(|e| format!("{output}: {}", host::fs::error_text(&e)))
}

fn target(t: &str, what: &str) -> Result<bool, String> {
    match t {
        "elf64-x86-64" | "default" => Ok(false),
        "binary" if what == "-O" => Ok(true),
        _ => Err(format!("{what} {t}: target is not supported (only elf64-x86-64{})", if what == "-O" { " and binary" } else { "" })),
    }
}

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return 0;
    }
    match run(argv) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("kit objcopy: {e}");
            1
        }
    }
}

fn run(argv: &[String]) -> Result<(), String> {
    let mut o = Options::default();
    o.strip.mode = Mode::Nothing;
    let mut binary = false;
    let mut files = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        let mut value = || {
            i += 1;
            argv.get(i - 1).cloned().ok_or_else(|| format!("option '{a}' requires an argument\n{USAGE}"))
        };
        // `--opt=value` and `-Xvalue` forms become (option, value).
        let (opt, inline) = match a.split_once('=') {
            Some((k, v)) if a.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ if a.len() > 2 && !a.starts_with("--") && a.starts_with('-') && "IOjRKN".contains(&a[1..2]) => {
                (a[..2].to_string(), Some(a[2..].to_string()))
            }
            _ => (a.to_string(), None),
        };
        let mut arg = |inline: Option<String>| match inline {
            Some(v) => Ok(v),
            None => value(),
        };
        match opt.as_str() {
            "-I" | "--input-target" | "-F" | "--target" => {
                target(&arg(inline)?, "-I")?;
            }
            "-O" | "--output-target" => binary = target(&arg(inline)?, "-O")?,
            "-j" | "--only-section" => o.only.push(arg(inline)?),
            "-R" | "--remove-section" => o.strip.remove_sections.push(arg(inline)?),
            "-K" | "--keep-symbol" => o.strip.keep_symbols.push(arg(inline)?),
            "-N" | "--strip-symbol" => o.strip.strip_symbols.push(arg(inline)?),
            "-g" | "--strip-debug" => o.strip.mode = Mode::Debug,
            "-S" | "--strip-all" => o.strip.mode = Mode::All,
            "--strip-unneeded" => o.strip.mode = Mode::Unneeded,
            "-x" | "--discard-all" => o.strip.mode = Mode::DiscardLocals,
            "-X" | "--discard-locals" => o.strip.mode = Mode::DiscardLabels,
            "--only-keep-debug" => o.only_keep_debug = true,
            "-p" | "--preserve-dates" | "-D" | "--enable-deterministic-archives" => {}
            "--add-section" => {
                let v = arg(inline)?;
                let Some((name, file)) = v.split_once('=') else {
                    return Err(format!("--add-section {v}: expected NAME=FILE"));
                };
                let data = host::fs::read(file).map_err(|e| format!("{file}: {}", host::fs::error_text(&e)))?;
                o.add.push((name.to_string(), data));
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("option '{s}' is not supported")),
            s => files.push(s.to_string()),
        }
    }
    let (input, output) = match files.as_slice() {
        [i] => (i.clone(), i.clone()),
        [i, o] => (i.clone(), o.clone()),
        [] => return Err(format!("no input file\n{USAGE}")),
        _ => return Err(format!("too many file names\n{USAGE}")),
    };
    if binary {
        let bytes = super::input::read_input(&input)?;
        if inspect::is_archive(&bytes) {
            return Err(format!("{input}: -O binary takes an object or executable, not an archive"));
        }
        let elf = Elf::parse(&input, &bytes).map_err(|e| e.to_string())?;
        let image = inspect::objcopy::to_binary(&elf, &o).map_err(|e| e.to_string())?;
        return host::fs::write_atomic(&output, &image).map_err(|e| format!("{output}: {}", host::fs::error_text(&e)));
    }
    transform(&input, &output, |elf| inspect::objcopy::copy(elf, &o))
}
