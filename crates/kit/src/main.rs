//! `kit`: the multi-call driver. If argv[0]'s basename names a tool (a `cc`
//! symlink), that tool runs; otherwise argv[1] names it.

mod args;
mod cmd;
mod compile;
mod flags;
mod isa;
mod linking;
mod query;
mod runtime;

use std::process::ExitCode;

/// (name, one-line description, entry point)
type Tool = (&'static str, &'static str, fn(&[String]) -> i32);

const TOOLS: &[Tool] = &[
    ("cc", "compile C (gcc/clang-compatible driver)", cmd::cc::main),
    ("cpp", "the C preprocessor", cmd::cpp::main),
    ("run", "compile C in memory and run it in-process (JIT)", cmd::run::main),
    ("as", "assemble x86-64 GNU as (AT&T) source into an object", cmd::r#as::main),
    ("ld", "link objects, archives and shared libraries (GNU ld-compatible)", cmd::ld::main),
    ("ar", "create, modify and extract from archives (GNU ar)", cmd::ar::main),
    ("ranlib", "write an archive's symbol index", cmd::ranlib::main),
    ("nm", "list symbols of objects, archives and ELF executables", cmd::nm::main),
    ("objdump", "disassemble and dump headers, symbols, relocations, DWARF", cmd::objdump::main),
    ("size", "list section sizes (Berkeley or System V format)", cmd::size::main),
    ("strings", "print the printable character runs in files", cmd::strings::main),
    ("strip", "remove symbols and debugging sections from objects and programs", cmd::strip::main),
    ("objcopy", "copy objects, dropping or adding sections, or to raw binary", cmd::objcopy::main),
    ("addr2line", "map addresses to source lines and functions (DWARF)", cmd::addr2line::main),
    ("install", "install per-tool links (cc, cpp, ...) into a directory", cmd::install::main),
];

pub fn tool_names() -> impl Iterator<Item = &'static str> {
    TOOLS.iter().map(|t| t.0)
}

fn usage() -> String {
    let mut s = String::from("usage: kit <tool> [args...]\n\ntools:\n");
    for (name, desc, _) in TOOLS {
        s.push_str(&format!("  {name:<10} {desc}\n"));
    }
    s.push_str("\n`kit <tool> --help` describes a tool; `kit --version` prints the version.\n");
    s
}

fn main() -> ExitCode {
    let argv = host::env::args();
    let base = argv
        .first()
        .map(|a| {
            let name = a.rsplit(['/', '\\']).next().unwrap_or(a);
            name.strip_suffix(".exe").unwrap_or(name).to_string()
        })
        .unwrap_or_default();
    let (tool, rest): (&str, &[String]) = if let Some(t) = TOOLS.iter().find(|t| t.0 == base) {
        (t.0, &argv[1..])
    } else {
        match argv.get(1).map(String::as_str) {
            None | Some("--help") | Some("-h") | Some("help") => {
                print!("{}", usage());
                return ExitCode::SUCCESS;
            }
            Some("--version") | Some("-V") => {
                println!("kit {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            // `kit -E x.c`, `kit -c x.c`: a build tool that split CC="kit cc"
            // into a wrapper and a compiler (Rust's cc crate does) runs kit
            // with compiler flags; they are cc's.
            Some(t) if t.starts_with('-') => ("cc", &argv[1..]),
            Some(t) => (t, &argv[2..]),
        }
    };
    let Some(entry) = TOOLS.iter().find(|t| t.0 == tool) else {
        eprintln!("kit: unknown tool '{tool}'\n\n{}", usage());
        return ExitCode::from(2);
    };
    let code = (entry.2)(rest);
    ExitCode::from(code.clamp(0, 255) as u8)
}
