//! gcc-compatible command-line flags shared by `cc`, `cpp` and `run`.

use crate::flags;
use cfront::lang::{LangOptions, Std};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Link,
    /// -c
    Compile,
    /// -S
    Assembly,
    /// -E
    Preprocess,
    /// --emit=ir
    EmitIr,
}

/// What the link step takes, in command-line order (order matters to
/// archives and to `-Wl,--whole-archive` style switches).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkItem {
    Input(String),
    Lib(String),
    /// An argument for the linker (`-Wl,...`, `-Xlinker`, or a driver flag
    /// such as `-shared` translated to its ld spelling).
    LinkerArg(String),
}

#[derive(Clone, Debug)]
pub enum Define {
    Set(String, Option<String>),
    Unset(String),
}

/// What a build system asks the driver about itself instead of compiling
/// (`-dumpmachine`, `-print-prog-name=ld`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    Version,
    DumpVersion,
    DumpMachine,
    SearchDirs,
    ProgName(String),
    FileName(String),
    LibgccFileName,
    MultiOsDirectory,
    MultiDirectory,
    MultiLib,
    Multiarch,
    Sysroot,
}

#[derive(Clone, Debug)]
pub struct CcArgs {
    pub inputs: Vec<String>,
    pub output: Option<String>,
    pub mode: Mode,
    pub include_dirs: Vec<String>,
    pub system_dirs: Vec<String>,
    pub defines: Vec<Define>,
    pub includes: Vec<String>,
    pub opt_level: u8,
    pub debug: bool,
    pub libs: Vec<String>,
    pub lib_dirs: Vec<String>,
    pub no_warnings: bool,
    /// `-Werror`, `-Werror=X`, `-Wno-error=X`, `-Wno-X`.
    pub warnings: cfront::diag::WarningPolicy,
    /// -M / -MM: print dependencies instead of compiling.
    pub deps_only: bool,
    /// -MD / -MMD: write dependencies beside the output.
    pub deps_file: bool,
    pub deps_skip_system: bool,
    pub dep_out: Option<String>,
    pub dep_targets: Vec<String>,
    pub dep_phony: bool,
    pub sysroot: Option<String>,
    pub target: Option<String>,
    pub nostdinc: bool,
    /// -iquote: searched for `#include "..."` only.
    pub quote_dirs: Vec<String>,
    /// -idirafter: searched after the system directories.
    pub after_dirs: Vec<String>,
    /// -imacros: read for their macros before the source.
    pub macro_includes: Vec<String>,
    /// Inputs compiled as C whatever their suffix (`-x c`).
    pub forced_c: Vec<String>,
    /// Inputs assembled whatever their suffix (`-x assembler`, or with
    /// `true`: `-x assembler-with-cpp`).
    pub forced_asm: Vec<(String, bool)>,
    /// Inputs, libraries and linker flags for the link step, in order.
    pub link_items: Vec<LinkItem>,
    /// -nostartfiles / -nodefaultlibs (both: -nostdlib).
    pub no_start_files: bool,
    pub no_default_libs: bool,
    pub lang: LangOptions,
    /// x86-64 extensions asked for with `-m<ext>` and `-march=`.
    pub isa: crate::isa::IsaSet,
    pub query: Option<Query>,
    /// -v: print the version and what the driver does.
    pub verbose: bool,
    /// -###: print what the driver would do, do nothing.
    pub dry_run: bool,
    /// -dM (with -E): print the macro definitions instead of the text.
    pub dump_macros: bool,
}

impl Default for CcArgs {
    fn default() -> Self {
        CcArgs {
            inputs: vec![],
            output: None,
            mode: Mode::Link,
            include_dirs: vec![],
            system_dirs: vec![],
            defines: vec![],
            includes: vec![],
            opt_level: 0,
            debug: false,
            libs: vec![],
            lib_dirs: vec![],
            no_warnings: false,
            warnings: Default::default(),
            deps_only: false,
            deps_file: false,
            deps_skip_system: false,
            dep_out: None,
            dep_targets: vec![],
            dep_phony: false,
            sysroot: None,
            target: None,
            nostdinc: false,
            quote_dirs: vec![],
            after_dirs: vec![],
            macro_includes: vec![],
            forced_c: vec![],
            forced_asm: vec![],
            link_items: vec![],
            no_start_files: false,
            no_default_libs: false,
            lang: LangOptions::default(),
            isa: Default::default(),
            query: None,
            verbose: false,
            dry_run: false,
            dump_macros: false,
        }
    }
}

impl CcArgs {
    /// Whether `path` is compiled as C: by suffix, or forced by `-x c`.
    pub fn is_c_source(&self, path: &str) -> bool {
        path.ends_with(".c") || path.ends_with(".i") || self.forced_c.iter().any(|f| f == path)
    }

    /// Assembly source: `.s` (`-x assembler`), or `.S`/`.sx`
    /// (`-x assembler-with-cpp`), which `asm_needs_cpp` says to preprocess.
    pub fn is_asm_source(&self, path: &str) -> bool {
        if self.is_c_source(path) {
            return false;
        }
        self.forced_asm.iter().any(|(f, _)| f == path) || [".s", ".S", ".sx"].iter().any(|x| path.ends_with(x))
    }

    /// Assembly that goes through the preprocessor first.
    pub fn asm_needs_cpp(&self, path: &str) -> bool {
        match self.forced_asm.iter().find(|(f, _)| f == path) {
            Some(&(_, cpp)) => cpp,
            None => self.is_asm_source(path) && !path.ends_with(".s"),
        }
    }
}

/// Expands `@file` response files (whitespace-separated, with quotes).
pub fn expand_response_files(args: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for a in args {
        if let Some(path) = a.strip_prefix('@') {
            let text = host::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let mut cur = String::new();
            let mut quote: Option<char> = None;
            let mut any = false;
            let mut chars = text.chars();
            while let Some(c) = chars.next() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (None, '"' | '\'') => {
                        quote = Some(c);
                        any = true;
                    }
                    (_, '\\') => {
                        if let Some(n) = chars.next() {
                            cur.push(n);
                            any = true;
                        }
                    }
                    (None, c) if c.is_whitespace() => {
                        if any {
                            out.push(std::mem::take(&mut cur));
                            any = false;
                        }
                    }
                    (_, c) => {
                        cur.push(c);
                        any = true;
                    }
                }
            }
            if any {
                out.push(cur);
            }
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Parses flags; returns the remaining positional arguments in `inputs`.
pub fn parse(args: &[String]) -> Result<CcArgs, String> {
    let args = expand_response_files(args)?;
    let mut a = CcArgs::default();
    let mut i = 0;
    // Fetches the value of a flag given as `-Xvalue` or `-X value`.
    let value = |i: &mut usize, flag: &str, arg: &str| -> Result<String, String> {
        if arg.len() > flag.len() {
            let v = &arg[flag.len()..];
            return Ok(v.strip_prefix('=').filter(|_| flag.starts_with("--")).unwrap_or(v).to_string());
        }
        *i += 1;
        args.get(*i).cloned().ok_or_else(|| format!("missing argument to '{flag}'"))
    };
    // The language `-x` set for the inputs that follow (None: by suffix).
    let mut input_lang: Option<String> = None;
    while i < args.len() {
        let arg = args[i].clone();
        let s = arg.as_str();
        match s {
            "-c" => a.mode = Mode::Compile,
            "-S" => a.mode = Mode::Assembly,
            "-E" => a.mode = Mode::Preprocess,
            "--emit=ir" => a.mode = Mode::EmitIr,
            "-g" | "-g1" | "-g2" | "-g3" | "-ggdb" | "-ggdb3" | "-gdwarf" | "-gdwarf-4" | "-gdwarf-5" => a.debug = true,
            "-g0" | "-ggdb0" => a.debug = false,
            "-w" => a.no_warnings = true,
            "-M" => a.deps_only = true,
            "-MM" => {
                a.deps_only = true;
                a.deps_skip_system = true;
            }
            "-MD" => a.deps_file = true,
            "-MMD" => {
                a.deps_file = true;
                a.deps_skip_system = true;
            }
            "-MP" => a.dep_phony = true,
            "-nostdinc" => a.nostdinc = true,
            "-shared" | "-static" | "-pie" | "-no-pie" | "-s" => a.link_items.push(LinkItem::LinkerArg(arg.clone())),
            "-static-pie" => return Err("'-static-pie' is not supported yet".into()),
            "-rdynamic" => a.link_items.push(LinkItem::LinkerArg("--export-dynamic".into())),
            // Threads need nothing more from the driver: glibc 2.34+ has
            // pthreads in libc, and the macro `-pthread` defines comes next.
            "-pthread" => a.defines.push(Define::Set("_REENTRANT".into(), None)),
            "-nostdlib" => {
                a.no_start_files = true;
                a.no_default_libs = true;
            }
            "-nostartfiles" => a.no_start_files = true,
            "-nodefaultlibs" => a.no_default_libs = true,
            "-static-libgcc" | "-shared-libgcc" | "-pipe" | "-pedantic" | "-pedantic-errors" | "-Qunused-arguments" => {}
            "-ansi" => a.lang.std = Std::parse("c90").expect("c90"),
            "-v" => a.verbose = true,
            "-###" => a.dry_run = true,
            "--version" => a.query = Some(Query::Version),
            "-dumpversion" | "-dumpfullversion" => a.query = Some(Query::DumpVersion),
            "-dumpmachine" | "-print-target-triple" => a.query = Some(Query::DumpMachine),
            "-print-search-dirs" => a.query = Some(Query::SearchDirs),
            "-print-libgcc-file-name" => a.query = Some(Query::LibgccFileName),
            "-print-multi-os-directory" => a.query = Some(Query::MultiOsDirectory),
            "-print-multi-directory" => a.query = Some(Query::MultiDirectory),
            "-print-multi-lib" => a.query = Some(Query::MultiLib),
            "-print-multiarch" => a.query = Some(Query::Multiarch),
            "-print-sysroot" => a.query = Some(Query::Sysroot),
            "-dM" => a.dump_macros = true,
            "-dD" | "-dN" | "-dI" | "-dU" => return Err(format!("'{s}' is not supported (kit's preprocessor supports -dM)")),
            "-P" | "-C" | "-CC" | "-traditional-cpp" => return Err(format!("preprocessor option '{s}' is not supported")),
            "-x" | "-include" | "-imacros" | "-idirafter" | "-isystem" | "-iquote" | "-B" | "-MF" | "-MT" | "-MQ" | "-o" | "-I" | "-L"
            | "-l" | "-D" | "-U" | "-Xlinker" | "-Xpreprocessor" | "-Xassembler" | "--param" | "-aux-info" | "--sysroot" | "-e" | "-T"
            | "-u" | "-z" => {
                let v = value(&mut i, s, s)?;
                flag_with_value(s, v, &mut a, &mut input_lang)?;
            }
            "-" => add_input(&mut a, &arg, &input_lang)?,
            _ => {
                if let Some(o) = s.strip_prefix("-O") {
                    a.opt_level = match o {
                        "" | "1" | "g" => 1,
                        "0" => 0,
                        "s" | "z" | "fast" => 2,
                        // -O2, -O3 and gcc's -O4 and beyond (which mean -O3).
                        _ if o.bytes().all(|b| b.is_ascii_digit()) => 2,
                        _ => return Err("argument to '-O' should be a non-negative integer, 'g', 's', 'z' or 'fast'".to_string()),
                    };
                } else if let Some(v) = s.strip_prefix("-std=") {
                    a.lang.std = Std::parse(v)
                        .ok_or_else(|| format!("unrecognized command-line option '{s}' (kit compiles C: c89 to c2x, gnu89 to gnu2x)"))?;
                    if a.lang.std.version.is_none() && a.lang.std.gnu {
                        a.lang.gnu89_inline = true;
                    }
                } else if let Some(p) = s.strip_prefix("-print-prog-name=") {
                    a.query = Some(Query::ProgName(p.to_string()));
                } else if let Some(p) = s.strip_prefix("-print-file-name=") {
                    a.query = Some(Query::FileName(p.to_string()));
                } else if let Some(v) = s.strip_prefix("--sysroot=") {
                    a.sysroot = Some(v.to_string());
                } else if let Some(v) = s.strip_prefix("--target=") {
                    check_target(v)?;
                    a.target = Some(v.to_string());
                } else if let Some(list) = s.strip_prefix("-Wl,") {
                    a.link_items.extend(list.split(',').map(|f| LinkItem::LinkerArg(f.to_string())));
                } else if let Some(list) = s.strip_prefix("-Wp,") {
                    preprocessor_flags(list, &mut a)?;
                } else if let Some(list) = s.strip_prefix("-Wa,") {
                    assembler_flags(list)?;
                } else if s == "-Werror" || s == "-Wno-error" {
                    a.warnings.all_errors = s == "-Werror";
                } else if let Some(w) = s.strip_prefix("-Werror=") {
                    a.warnings.errors.push(w.to_string());
                } else if let Some(w) = s.strip_prefix("-Wno-error=") {
                    a.warnings.not_errors.push(w.to_string());
                } else if let Some(w) = s.strip_prefix("-Wno-") {
                    a.warnings.disabled.push(w.to_string());
                } else if let Some(w) = s.strip_prefix("-W").filter(|w| !w.contains(',')) {
                    // Most of gcc's warnings do not exist in kit; those that
                    // do and are off by default (`-Wconversion`) turn on.
                    a.warnings.enabled.push(w.to_string());
                } else if s.starts_with("-W") || s.starts_with("--param=") {
                    // Warnings: kit's own set is smaller than gcc's; none
                    // of them changes the code.
                } else if let Some(f) = s.strip_prefix("-f") {
                    flags::apply_f(f, &mut a)?;
                } else if let Some(m) = s.strip_prefix("-m") {
                    flags::apply_m(m, &mut a)?;
                } else if let Some(flag) =
                    ["-o", "-I", "-L", "-l", "-D", "-U", "-x", "-B", "-isystem", "-iquote", "-idirafter", "-e", "-u", "-z", "-T"]
                        .into_iter()
                        .find(|f| s.starts_with(f))
                {
                    let v = value(&mut i, flag, s)?;
                    flag_with_value(flag, v, &mut a, &mut input_lang)?;
                } else if s.starts_with('-') && s.len() > 1 {
                    return Err(format!("unrecognized command-line option '{s}'"));
                } else {
                    add_input(&mut a, &arg, &input_lang)?;
                }
            }
        }
        i += 1;
    }
    Ok(a)
}

/// A flag whose value came with it (`-Ifoo`) or as the next argument.
fn flag_with_value(flag: &str, v: String, a: &mut CcArgs, input_lang: &mut Option<String>) -> Result<(), String> {
    match flag {
        "-o" => a.output = Some(v),
        "-I" => a.include_dirs.push(v),
        "-iquote" => a.quote_dirs.push(v),
        "-isystem" => a.system_dirs.push(v),
        "-idirafter" => a.after_dirs.push(v),
        "-include" => a.includes.push(v),
        "-imacros" => a.macro_includes.push(v),
        "-L" => a.lib_dirs.push(v),
        // gcc looks for programs, start files and libraries under -B
        // prefixes; kit runs no programs, so only the libraries matter.
        "-B" => a.lib_dirs.push(v),
        "-l" => {
            a.link_items.push(LinkItem::Lib(v.clone()));
            a.libs.push(v);
        }
        "-D" => match v.split_once('=') {
            Some((n, val)) => a.defines.push(Define::Set(n.into(), Some(val.into()))),
            None => a.defines.push(Define::Set(v, None)),
        },
        "-U" => a.defines.push(Define::Unset(v)),
        "-MF" => a.dep_out = Some(v),
        "-MT" | "-MQ" => a.dep_targets.push(v),
        "-Xlinker" => a.link_items.push(LinkItem::LinkerArg(v)),
        "-Xpreprocessor" => preprocessor_flags(&v, a)?,
        "-Xassembler" => assembler_flags(&v)?,
        "-e" => a.link_items.extend([LinkItem::LinkerArg("-e".into()), LinkItem::LinkerArg(v)]),
        "-u" => a.link_items.extend([LinkItem::LinkerArg("-u".into()), LinkItem::LinkerArg(v)]),
        "-z" => a.link_items.extend([LinkItem::LinkerArg("-z".into()), LinkItem::LinkerArg(v)]),
        "-T" => a.link_items.extend([LinkItem::LinkerArg("-T".into()), LinkItem::LinkerArg(v)]),
        "--sysroot" => a.sysroot = Some(v),
        "--param" | "-aux-info" => {}
        "-x" => {
            *input_lang = match v.as_str() {
                "none" => None,
                "c" | "c-header" | "cpp-output" => Some(v),
                "assembler" | "assembler-with-cpp" => Some(v),
                _ => return Err(format!("language '{v}' not recognized (kit compiles C)")),
            }
        }
        _ => unreachable!("flag_with_value({flag})"),
    }
    Ok(())
}

/// An input file (or `-`, standard input, which needs `-x c`).
fn add_input(a: &mut CcArgs, path: &str, input_lang: &Option<String>) -> Result<(), String> {
    if path == "-" && input_lang.is_none() && a.mode != Mode::Preprocess {
        return Err("'-x' is required when reading from standard input (e.g. '-x c -')".into());
    }
    match input_lang.as_deref() {
        Some("assembler") => a.forced_asm.push((path.to_string(), false)),
        Some("assembler-with-cpp") => a.forced_asm.push((path.to_string(), true)),
        Some(_) => a.forced_c.push(path.to_string()),
        None => {}
    }
    a.inputs.push(path.to_string());
    a.link_items.push(LinkItem::Input(path.to_string()));
    Ok(())
}

/// `-Wp,...` / `-Xpreprocessor`: the preprocessor flags build systems pass
/// this way (`-Wp,-D_FORTIFY_SOURCE=2`, `-Wp,-MD,.deps/foo.d`).
fn preprocessor_flags(list: &str, a: &mut CcArgs) -> Result<(), String> {
    let mut it = list.split(',');
    while let Some(f) = it.next() {
        if let Some(d) = f.strip_prefix("-D") {
            flag_with_value("-D", d.to_string(), a, &mut None)?;
        } else if let Some(u) = f.strip_prefix("-U") {
            a.defines.push(Define::Unset(u.to_string()));
        } else if let Some(d) = f.strip_prefix("-I") {
            a.include_dirs.push(d.to_string());
        } else if f == "-MD" || f == "-MMD" {
            a.deps_file = true;
            a.deps_skip_system = f == "-MMD";
            a.dep_out = Some(it.next().ok_or_else(|| format!("missing file after '-Wp,{f}'"))?.to_string());
        } else if f == "-MP" {
            a.dep_phony = true;
        } else {
            return Err(format!("preprocessor option '{f}' (from '-Wp,{list}') is not supported"));
        }
    }
    Ok(())
}

/// `-Wa,...`: the flags that ask for what kit's objects already are
/// (`kit as` has no others yet).
fn assembler_flags(list: &str) -> Result<(), String> {
    for f in list.split(',') {
        match f {
            "--noexecstack" | "-O1" | "-O2" | "--64" | "-mrelax-relocations=yes" | "-Qy" | "-Qn" => {}
            _ => return Err(format!("assembler option '{f}' (from '-Wa,{list}') is not supported by kit as")),
        }
    }
    Ok(())
}

/// `--target=`: kit's driver builds for x86-64 Linux only (so far).
fn check_target(triple: &str) -> Result<(), String> {
    let arch = triple.split('-').next().unwrap_or("");
    let os_ok = triple.contains("linux") || triple.split('-').count() == 1;
    if matches!(arch, "x86_64" | "amd64") && os_ok && !triple.contains("x32") {
        return Ok(());
    }
    Err(format!("target '{triple}' is not supported yet (kit cc builds for x86_64-linux-gnu)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<CcArgs, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn optimization_levels() {
        assert_eq!(p(&["-O4", "a.c"]).unwrap().opt_level, 2);
        assert_eq!(p(&["-O9", "a.c"]).unwrap().opt_level, 2);
        assert_eq!(p(&["-Og", "a.c"]).unwrap().opt_level, 1);
        assert!(p(&["-Ox", "a.c"]).is_err());
    }

    #[test]
    fn dialects() {
        assert_eq!(p(&["-std=c99"]).unwrap().lang.std.version, Some(199901));
        assert!(p(&["-std=gnu89"]).unwrap().lang.gnu89_inline);
        assert!(p(&["-std=c++17"]).unwrap_err().contains("-std=c++17"));
    }

    #[test]
    fn targets() {
        assert!(p(&["--target=x86_64-linux-gnu"]).is_ok());
        assert!(p(&["--target=aarch64-linux-gnu"]).unwrap_err().contains("aarch64-linux-gnu"));
        assert!(p(&["-m32"]).unwrap_err().contains("-m32"));
    }

    #[test]
    fn pass_through_options() {
        let a = p(&["-Wp,-D_FORTIFY_SOURCE=2,-MD,x.d", "-B/opt/lib", "-Wa,--noexecstack", "a.c"]).unwrap();
        assert!(matches!(&a.defines[0], Define::Set(n, Some(v)) if n == "_FORTIFY_SOURCE" && v == "2"));
        assert_eq!(a.dep_out.as_deref(), Some("x.d"));
        assert_eq!(a.lib_dirs, ["/opt/lib"]);
        assert!(p(&["-Wa,-adhln", "a.c"]).unwrap_err().contains("-adhln"));
    }

    #[test]
    fn stdin_needs_a_language() {
        assert!(p(&["-c", "-"]).is_err());
        let a = p(&["-x", "c", "-c", "-"]).unwrap();
        assert_eq!(a.forced_c, ["-"]);
    }

    #[test]
    fn probes() {
        assert_eq!(p(&["-print-prog-name=ld"]).unwrap().query, Some(Query::ProgName("ld".into())));
        assert_eq!(p(&["-dumpmachine"]).unwrap().query, Some(Query::DumpMachine));
    }
}
