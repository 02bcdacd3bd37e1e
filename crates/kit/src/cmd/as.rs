//! `kit as`: assemble x86-64 GNU as (AT&T) source into an ELF object.

const USAGE: &str = "usage: kit as [options] [file.s...]   (no file, or -: standard input)
  -o FILE          write the object here (default: a.out)
  --64             64-bit x86 (the only mode)
  --noexecstack    accepted (kit's objects never ask for an executable stack)
  --gdwarf-N       accepted: the line table comes from the source's .file/.loc
                   (gcc -g passes it; kit as writes DWARF 5 line tables)
  -I DIR           search DIR for .include and .incbin files
  -v               print the version, then assemble
  -W, --no-warn, --fatal-warnings  accepted (kit as gives no warnings)
  -Qy, -Qn, -V     accepted for compatibility";

pub fn main(args: &[String]) -> i32 {
    let mut output = "a.out".to_string();
    let mut inputs = Vec::new();
    let mut include_dirs: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" => match it.next() {
                Some(o) => output = o.clone(),
                None => return usage_error("-o needs a file name"),
            },
            "--help" | "-h" => {
                println!("{USAGE}");
                return 0;
            }
            "--64" | "--noexecstack" | "-Qy" | "-Qn" | "-V" | "--gdwarf-2" | "--gdwarf-3" | "--gdwarf-4" | "--gdwarf-5" => {}
            // Warnings off or fatal: kit as has no warnings.
            "-W" | "--no-warn" | "--fatal-warnings" => {}
            "-v" | "--version" => {
                eprintln!("kit as (x86-64 GNU as syntax) {}", env!("CARGO_PKG_VERSION"));
                if arg == "--version" {
                    return 0;
                }
            }
            "-I" => match it.next() {
                Some(d) => include_dirs.push(d.clone()),
                None => return usage_error("-I needs a directory"),
            },
            a if a.starts_with("-I") => include_dirs.push(a[2..].to_string()),
            "-" => inputs.push(arg.clone()),
            a if a.starts_with("-o") => output = a[2..].to_string(),
            a if a.starts_with('-') => return usage_error(&format!("unsupported option '{a}'")),
            _ => inputs.push(arg.clone()),
        }
    }
    if inputs.is_empty() {
        inputs.push("-".into());
    }
    // Like GNU as, several inputs are one source, in order.
    let mut text = String::new();
    for input in &inputs {
        let bytes = if input == "-" { host::io::read_stdin() } else { host::fs::read(input) };
        match bytes {
            Ok(b) => text.push_str(&String::from_utf8_lossy(&b)),
            Err(e) => {
                eprintln!("kit as: error: {input}: {}", host::fs::error_text(&e));
                return 1;
            }
        }
        text.push('\n');
    }
    let name = if inputs.len() == 1 && inputs[0] != "-" { inputs[0].as_str() } else { "{standard input}" };
    assemble_to(name, &text, &output, &include_dirs)
}

/// Assembles `text` (named `name` in messages) into the object `output`.
pub fn assemble_to(name: &str, text: &str, output: &str, include_dirs: &[String]) -> i32 {
    let object = match asm::assemble_with_files(name, text, crate::compile::asm_files(include_dirs)) {
        Ok(o) => o,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return 1;
        }
    };
    let bytes = match obj::elf_write::write_elf(&object) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("kit as: error: {e}");
            return 1;
        }
    };
    match host::fs::write_atomic(output, &bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("kit as: error: {output}: {}", host::fs::error_text(&e));
            1
        }
    }
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("kit as: error: {msg}\n{USAGE}");
    2
}
