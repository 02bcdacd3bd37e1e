//! gcc-compatible command-line flags shared by `cc`, `cpp` and `run`.

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
    /// Inputs, libraries and linker flags for the link step, in order.
    pub link_items: Vec<LinkItem>,
    /// -nostartfiles / -nodefaultlibs (both: -nostdlib).
    pub no_start_files: bool,
    pub no_default_libs: bool,
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
            deps_only: false,
            deps_file: false,
            deps_skip_system: false,
            dep_out: None,
            dep_targets: vec![],
            dep_phony: false,
            sysroot: None,
            target: None,
            nostdinc: false,
            link_items: vec![],
            no_start_files: false,
            no_default_libs: false,
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
/// `stop_at_dashdash`: `kit run` treats everything after `--` as program args.
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
    while i < args.len() {
        let arg = args[i].clone();
        let s = arg.as_str();
        match s {
            "-c" => a.mode = Mode::Compile,
            "-S" => a.mode = Mode::Assembly,
            "-E" => a.mode = Mode::Preprocess,
            "--emit=ir" => a.mode = Mode::EmitIr,
            "-g" | "-g1" | "-g2" | "-g3" | "-ggdb" | "-gdwarf-4" | "-gdwarf-5" => a.debug = true,
            "-g0" => a.debug = false,
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
            "-rdynamic" => a.link_items.push(LinkItem::LinkerArg("--export-dynamic".into())),
            "-pthread" => {}
            "-nostdlib" => {
                a.no_start_files = true;
                a.no_default_libs = true;
            }
            "-nostartfiles" => a.no_start_files = true,
            "-nodefaultlibs" => a.no_default_libs = true,
            "-pipe" | "-v" | "-ansi" | "-pedantic" | "-pedantic-errors" => {}
            "-" => {
                a.inputs.push(arg.clone());
                a.link_items.push(LinkItem::Input(arg.clone()));
            }
            _ => {
                if let Some(o) = s.strip_prefix("-O") {
                    a.opt_level = match o {
                        "" | "1" | "g" => 1,
                        "0" => 0,
                        "s" | "z" | "2" | "3" | "fast" => 2,
                        _ => return Err(format!("invalid optimization level '{s}'")),
                    };
                } else if s.starts_with("-o") {
                    a.output = Some(value(&mut i, "-o", s)?);
                } else if s.starts_with("-I") {
                    a.include_dirs.push(value(&mut i, "-I", s)?);
                } else if s.starts_with("-isystem") {
                    a.system_dirs.push(value(&mut i, "-isystem", s)?);
                } else if s.starts_with("-iquote") {
                    a.include_dirs.push(value(&mut i, "-iquote", s)?);
                } else if s.starts_with("-D") {
                    let d = value(&mut i, "-D", s)?;
                    match d.split_once('=') {
                        Some((n, v)) => a.defines.push(Define::Set(n.into(), Some(v.into()))),
                        None => a.defines.push(Define::Set(d, None)),
                    }
                } else if s.starts_with("-U") {
                    a.defines.push(Define::Unset(value(&mut i, "-U", s)?));
                } else if s == "-include" {
                    a.includes.push(value(&mut i, "-include", s)?);
                } else if s.starts_with("-l") {
                    let lib = value(&mut i, "-l", s)?;
                    a.link_items.push(LinkItem::Lib(lib.clone()));
                    a.libs.push(lib);
                } else if s.starts_with("-L") {
                    a.lib_dirs.push(value(&mut i, "-L", s)?);
                } else if s == "-MF" || s == "-MT" || s == "-MQ" {
                    let v = value(&mut i, s, s)?;
                    if s == "-MF" {
                        a.dep_out = Some(v);
                    } else {
                        a.dep_targets.push(v);
                    }
                } else if let Some(v) = s.strip_prefix("--sysroot") {
                    a.sysroot = Some(if v.is_empty() { value(&mut i, "--sysroot", s)? } else { v.trim_start_matches('=').to_string() });
                } else if let Some(v) = s.strip_prefix("--target=") {
                    a.target = Some(v.to_string());
                } else if s.starts_with("-Wl,") {
                    a.link_items.extend(s[4..].split(',').map(|f| LinkItem::LinkerArg(f.to_string())));
                } else if s == "-Xlinker" {
                    let v = value(&mut i, s, s)?;
                    a.link_items.push(LinkItem::LinkerArg(v));
                } else if s.starts_with("-std=")
                    || s.starts_with("-W")
                    || s.starts_with("-f")
                    || s.starts_with("-m")
                    || s.starts_with("-x")
                    || s.starts_with("--param")
                {
                    // Accepted for compatibility: dialect, warning, code generation
                    // and machine flags kit has no use for (yet).
                    if s == "-x" || s == "--param" {
                        i += 1;
                    }
                } else if s.starts_with('-') && s.len() > 1 {
                    return Err(format!("unrecognized command-line option '{s}'"));
                } else {
                    a.inputs.push(arg.clone());
                    a.link_items.push(LinkItem::Input(arg.clone()));
                }
            }
        }
        i += 1;
    }
    Ok(a)
}
